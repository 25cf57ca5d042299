"""The sending unit (kop lines, posts, `pengirim`) and its officials (names, NIPs, ranks)."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from . import data


@dataclass
class Region:
    name: str
    level: str
    seat: str
    area: str
    culture: str
    subdistricts: list

    @property
    def full(self) -> str:
        return f"{data.LEVEL_WORD[self.level]} {self.name}"


@dataclass
class Unit:
    kind: str             # opd, biro, setda, dprd, uptd, rsud, kecamatan, kapanewon
    region: Region
    name: str             # the unit's own name, title case
    abbr: str             # used in letter numbers and the stamp
    pengirim: str         # truth
    kop_parent: list      # upper kop lines above the unit name
    head: str             # post of the head, without region
    head_region: bool     # whether the head's post may carry the region
    deputy: str           # who signs a.n.
    ub: str               # who signs u.b. under the deputy
    place: str            # place in the date line
    domain: str
    extra: dict = field(default_factory=dict)


def pick_region(rng: random.Random) -> Region:
    return Region(*rng.choice(data.REGIONS))


def _domain(r: Region) -> str:
    base = r.name.lower().replace(" ", "")
    return {"prov": f"{base}prov.go.id", "kota": f"{base}kota.go.id"}.get(r.level,
                                                                           f"{base}kab.go.id")


def make_unit(rng: random.Random, scan: bool) -> Unit:
    r = pick_region(rng)
    kinds = ["opd"] * 10 + ["rsud"] * 2 + ["dprd"] * 2
    kinds += (["biro"] * 4 + ["setda"]) if r.level == "prov" else (
        ["uptd"] * 2 + ["kecamatan"] * 3)
    kind = rng.choice(kinds)
    pemda = f"PEMERINTAH {r.full.upper()}"
    dom = _domain(r)
    if kind == "opd":
        name, abbr, head = rng.choice(data.OPD)
        return Unit(kind, r, name, abbr, f"{name} {r.full}", [pemda], f"{head} {name}", True,
                    "Sekretaris", "Kepala Subbagian Umum dan Kepegawaian", r.seat, dom)
    if kind == "rsud":
        name = "Rumah Sakit Umum Daerah"
        return Unit(kind, r, name, "RSUD", f"{name} {r.full}", [pemda], f"Direktur {name}", True,
                    "Wakil Direktur Umum dan Keuangan", "Kepala Bagian Keuangan", r.seat, dom)
    if kind == "dprd":
        name = "Sekretariat Dewan Perwakilan Rakyat Daerah"
        return Unit(kind, r, name, "Setwan", f"{name} {r.full}", [pemda], "Sekretaris DPRD",
                    True, "Kepala Bagian Umum dan Keuangan", "Kepala Subbagian Keuangan",
                    r.seat, dom)
    if kind == "biro":
        name, abbr = rng.choice(data.BIRO)
        return Unit(kind, r, name, abbr, f"{name} Sekretariat Daerah {r.full}",
                    [pemda, "SEKRETARIAT DAERAH"], f"Kepala {name}", False,
                    "Kepala Bagian Tata Usaha", "Kepala Subbagian Tata Usaha", r.seat, dom,
                    {"setda": True})
    if kind == "setda":
        name = "Sekretariat Daerah"
        return Unit(kind, r, name, "Setda", f"{name} {r.full}", [pemda], "Sekretaris Daerah",
                    True, "Asisten Administrasi Umum", "Kepala Biro Umum", r.seat, dom)
    if kind == "uptd":
        name, parent = rng.choice(data.UPTD)
        abbr = "UPTD " + "".join(w[0] for w in name.split()[1:] if w[0].isupper())
        return Unit(kind, r, name, abbr, f"{name} {r.full}", [pemda, parent.upper()],
                    f"Kepala {name}", False, "Kepala Subbagian Tata Usaha",
                    "Kepala Subbagian Tata Usaha", r.seat, dom, {"parent": parent})
    sub = rng.choice(r.subdistricts)
    if r.name in data.DIY:
        return Unit("kapanewon", r, f"Kapanewon {sub}", "Kap", f"Kapanewon {sub}", [pemda],
                    f"Panewu {sub}", False, f"Panewu Anom {sub}", "Jagabaya", sub, dom)
    return Unit(kind, r, f"Kecamatan {sub}", "Kec", f"Kecamatan {sub}", [pemda],
                f"Camat {sub}", False, f"Sekretaris Kecamatan {sub}",
                "Kepala Subbagian Umum dan Kepegawaian", sub, dom)


def split_lines(text: str, width: int, rng: random.Random, max_lines: int = 3) -> list[str]:
    """Break a name into at most max_lines lines of about `width` characters."""
    words, lines, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width and len(lines) < max_lines - 1:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    lines.append(cur)
    # avoid a line that ends with a joining word ("dan", ",")
    for i in range(len(lines) - 1):
        last = lines[i].split()[-1]
        if last in ("dan", "Dan", "DAN") and len(lines[i].split()) > 1:
            lines[i] = lines[i][: -len(last)].rstrip()
            lines[i + 1] = f"{last} {lines[i + 1]}"
    return lines


# ---------------------------------------------------------------- people

@dataclass
class Person:
    nama: str      # as printed
    nip: str       # 18 digits
    nip_text: str  # as printed after the label
    rank: str | None


def make_nip(rng: random.Random, female: bool) -> str:
    y = rng.randint(1966, 1984)
    birth = f"{y}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    tmt = f"{min(y + rng.randint(22, 30), 2012)}{rng.choice([1, 3, 4, 12]):02d}"
    return birth + tmt + ("2" if female else "1") + f"{rng.randint(1, 12):03d}"


def make_person(rng: random.Random, culture: str, unit_kind: str) -> tuple[Person, dict]:
    female = rng.random() < 0.35
    base = rng.choice((data.FEMALE if female else data.MALE)[culture])
    front = rng.choice(data.FRONT_F if female else data.FRONT_M)
    if unit_kind == "rsud" and rng.random() < 0.7:
        front = rng.choice(["dr.", "dr. H." if not female else "dr. Hj.", "Dr. dr."])
    if front.split()[-1:] and front.split()[-1] in ("dr.", "drg."):
        back = rng.choice(data.BACK_DR)
    elif front.startswith("Drs") or front.startswith("Dra"):
        back = rng.choice(["", "M.Si.", "M.M.", "M.Pd."])
    elif "Prof" in front:
        back = "M.Si., IPU"
    else:
        back = rng.choice(data.BACK + [""])
    case = rng.choice(["upper", "upper", "title"])
    core = base.upper() if case == "upper" else base
    nama = " ".join(x for x in (front, core) if x)
    if back:
        nama += ", " + back
    nip = make_nip(rng, female)
    nip_style = rng.choice(["flat", "flat", "spaced"])
    nip_text = nip if nip_style == "flat" else f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    rank = None
    if rng.random() < 0.4:
        pangkat, gol = rng.choice(data.RANKS)
        form = rng.choice(["full", "short", "nogol"])
        pangkat_s = pangkat.replace("Tingkat I", "Tk. I") if form == "short" else pangkat
        rank = pangkat_s if form == "nogol" else f"{pangkat_s} ({gol})"
    return Person(nama, nip, nip_text, rank), {"name_case": case, "nip_style": nip_style,
                                               "front": front, "female": female}
