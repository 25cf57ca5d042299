"""Small helpers shared by the letter model and the renderers: weighted choice, whitespace, dates."""
import datetime as dt
import re

from benchmarks.blind_letters.data import MONTHS


def wchoice(rng, pairs):
    """Pick a value from (value, weight) pairs with one rng.random() call."""
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def ws(s):
    return re.sub(r"\s+", " ", s).strip()


def rand_date(rng):
    """A working day in 2025-2026."""
    start = dt.date(2025, 1, 2)
    while True:
        d = start + dt.timedelta(days=rng.randrange(0, 720))
        if d.weekday() < 5:
            return d


def month_name(rng, m, variant_ok=True):
    """Month name, with the old spellings Pebruari/Nopember still seen on real letters."""
    n = MONTHS[m - 1]
    if variant_ok and m == 2 and rng.random() < 0.5:
        n = "Pebruari"
    if variant_ok and m == 11 and rng.random() < 0.5:
        n = "Nopember"
    return n


def fmt_date(rng, d, pad=False, variant_ok=True):
    day = ("%02d" % d.day) if pad else str(d.day)
    return f"{day} {month_name(rng, d.month, variant_ok)} {d.year}"
