"""Signer block: name with academic titles, NIP (civil-servant number), rank, jabatan lines."""
import datetime as dt

from benchmarks.blind_letters.common import wchoice
from benchmarks.blind_letters.data import FIRST_F, FIRST_M, LAST, POST_TITLES, RANKS


def make_nip(rng):
    """18-digit NIP: birth date, appointment year+month, sex digit, sequence (kept as 4 parts)."""
    by = rng.randint(1966, 1986)
    bd = dt.date(by, 1, 1) + dt.timedelta(days=rng.randrange(365))
    ty = min(by + rng.randint(22, 30), 2015)
    tm = rng.choice([1, 3, 4, 10, 12, 2, 5])
    g = rng.choice("12")
    seq = rng.randint(1, 14)
    parts = [bd.strftime("%Y%m%d"), "%d%02d" % (ty, tm), g, "%03d" % seq]
    return parts, g


def make_name(rng, female):
    first = rng.choice(FIRST_F if female else FIRST_M)
    words = [first]
    if rng.random() < 0.35:
        words.append(rng.choice(FIRST_M if not female else FIRST_F).split()[0])
    words.append(rng.choice(LAST))
    core = " ".join(dict.fromkeys(" ".join(words).split()))
    pre = []
    r = rng.random()
    if r < 0.15:
        pre = ["Dr."]
    elif r < 0.25:
        pre = ["Ir."]
    elif r < 0.32:
        pre = ["Dr.", "Ir."]
    elif r < 0.38:
        pre = ["Dra." if female else "Drs."]
    elif r < 0.43:
        pre = [rng.choice(["dr.", "drg."])]
    if rng.random() < 0.25:
        pre.append("Hj." if female else "H.")
    post = rng.choice(POST_TITLES) if rng.random() < 0.92 else []
    if pre and pre[0] in ("dr.", "drg.") and rng.random() < 0.5:
        post = rng.choice([["M.Kes."], ["Sp.A."], ["MARS"], ["M.P.H."], []])
    return pre, core, post


def signer(rng, L):
    """Fill L's signer fields; rng calls in the original generator's order."""
    female = rng.random() < 0.35
    pre, core, post = make_name(rng, female)
    caps = rng.random() < 0.8
    core_p = core.upper() if caps else core
    name = " ".join(pre + [core_p])
    if post:
        name += ", " + ", ".join(post)
    L["name"] = name
    nip_parts, _ = make_nip(rng)
    L["nip"] = "".join(nip_parts)
    nipfmt = wchoice(rng, [("NIP. {s}", 4), ("NIP {s}", 2), ("NIP. {c}", 3), ("NIP {c}", 2), ("NIP : {c}", 1), ("NIP. {s2}", 1)])
    L["nip_print"] = nipfmt.format(s=" ".join(nip_parts), c=L["nip"], s2=" ".join(nip_parts[:2]) + " " + nip_parts[2] + nip_parts[3])
    rk = rng.choice(RANKS)
    L["rank"] = None if rng.random() < 0.35 else rng.choice([rk[0], f"{rk[0]} ({rk[1]})", f"{rk[0]}, {rk[1]}"]).replace("Tingkat I", rng.choice(["Tingkat I", "Tk. I"]))
    L["name_bold"] = rng.random() < 0.8
    L["name_ul"] = rng.random() < 0.6
    L["jab_upper"] = rng.random() < 0.25


def jab_lines(L):
    """Split the printed jabatan into 1-3 lines, with the trailing comma of a signature block."""
    j = L["jabatan"]
    if L["jab_upper"]:
        j = j.upper()
    w = j.split()
    if len(j) <= 32:
        lines = [j]
    else:
        # break before the region part or near the middle
        cut = None
        for k in range(len(w)):
            if w[k].lower() in ("kabupaten", "kota", "provinsi", "sekretariat") and k > 1:
                cut = k
                break
        if cut is None:
            cut = len(w) // 2
        a, b = " ".join(w[:cut]), " ".join(w[cut:])
        lines = [a, b]
        if len(a) > 40:
            w2 = a.split()
            m = len(w2) // 2
            lines = [" ".join(w2[:m]), " ".join(w2[m:]), b]
    lines[-1] += ","
    return lines
