"""Invented officials: names with degrees and 18-digit NIPs."""
from . import data as D


def make_person(rng, health=False, female=None):
    if female is None:
        female = rng.random() < 0.35
    first = rng.choice(D.FEMALE_FIRST if female else D.MALE_FIRST)
    parts = [first]
    if rng.random() < 0.85:
        parts.append(rng.choice(D.LAST))
    if rng.random() < 0.25:
        parts.insert(1, rng.choice(D.LAST))
    core = " ".join(dict.fromkeys(parts))
    pre = []
    if health and rng.random() < 0.6:
        pre.append(rng.choice(["dr.", "drg."]))
    elif rng.random() < 0.12:
        pre.append("Dr.")
    elif rng.random() < 0.12:
        pre.append("Ir.")
    elif rng.random() < 0.1:
        pre.append("Dra." if female else "Drs.")
    if rng.random() < 0.25:
        pre.insert(0, "Hj." if female else "H.")
    post = []
    if not pre or pre[-1] not in ("dr.", "drg.", "Drs.", "Dra.", "Ir."):
        post.append(rng.choice(D.HEALTH_DEGREES if health else D.DEGREES_GENERAL))
    if health and pre and pre[-1] in ("dr.", "drg.") and rng.random() < 0.4:
        post.append(rng.choice(["M.Kes.", "MPH", "M.M.R.", "Sp.PD."]))
    elif rng.random() < 0.65:
        post.append(rng.choice(D.MASTERS))
    return female, pre, core, post


def make_nip(rng, female, year_now):
    """18-digit NIP (birth date, appointment month, sex, sequence): digits and the spaced print form."""
    by = rng.randint(1966, 1986)
    bm, bd = rng.randint(1, 12), rng.randint(1, 28)
    ty = min(by + rng.randint(22, 31), year_now - 5)
    tm = rng.choice([1, 2, 3, 4, 10, 11, 12])
    s = "2" if female else "1"
    seq = f"{rng.randint(1, 12):03d}" if rng.random() < 0.8 else f"{rng.randint(1, 999):03d}"
    digits = f"{by:04d}{bm:02d}{bd:02d}{ty:04d}{tm:02d}{s}{seq}"
    spaced = f"{by:04d}{bm:02d}{bd:02d} {ty:04d}{tm:02d} {s} {seq}"
    return digits, spaced
