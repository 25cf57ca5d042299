"""The sending unit (kop lines, pengirim, head's post) and its officials."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .data import (BAGIAN, DEGREES, DINAS, DISTRIK, FRONT, KECAMATAN, KELURAHAN, NAME_GROUPS,
                   RANKS, REGIONS, RSUD_PEOPLE, STREETS)


@dataclass
class Region:
    kind: str
    name: str
    seat: str
    domain: str
    area: str
    postal: str
    papua: bool

    @property
    def full(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def head(self) -> str:
        return {"Provinsi": "Gubernur", "Kabupaten": "Bupati", "Kota": "Wali Kota"}[self.kind]


@dataclass
class Unit:
    region: Region
    kind: str                      # dinas, rsud, bagian, kecamatan, kelurahan, distrik
    name: str                      # the unit's own name, e.g. "Kecamatan Alok"
    short: str                     # for the nomor
    head_post: str                 # e.g. "Kepala Dinas Perhubungan", "Camat Alok"
    kop_parents: list[str] = field(default_factory=list)  # upper lines above the unit name
    pengirim: str = ""


def region_by_name(name: str) -> Region:
    return next(Region(*r) for r in REGIONS if r[1] == name)


def pick_unit(rng: random.Random, region: Region) -> Unit:
    kinds = ["dinas"] * 6 + ["rsud", "bagian"]
    if region.kind != "Provinsi":
        kinds += ["distrik", "distrik"] if region.papua else ["kecamatan", "kelurahan"]
    kind = rng.choice(kinds)
    gov = f"Pemerintah {region.full}"
    if kind == "dinas":
        name, short, post = rng.choice(DINAS)
        u = Unit(region, kind, name, short, post or f"Kepala {name}", [gov])
        u.pengirim = f"{name} {region.full}"
    elif kind == "rsud":
        person = rng.choice(RSUD_PEOPLE)
        name = f"Rumah Sakit Umum Daerah {person}"
        u = Unit(region, kind, name, "RSUD", "Direktur", [gov])
        u.pengirim = f"{name} {region.full}"
    elif kind == "bagian":
        name = rng.choice(BAGIAN)
        u = Unit(region, kind, name, "Setda", f"Kepala {name}", [gov, "Sekretariat Daerah"])
        u.pengirim = f"{name} Sekretariat Daerah {region.full}"
    elif kind == "distrik":
        d = rng.choice(DISTRIK)
        u = Unit(region, kind, f"Distrik {d}", "Distrik", f"Kepala Distrik {d}", [gov])
        u.pengirim = u.name
    elif kind == "kecamatan":
        k = rng.choice(KECAMATAN)
        u = Unit(region, kind, f"Kecamatan {k}", "Kec", f"Camat {k}", [gov])
        u.pengirim = u.name
    else:
        k, kel = rng.choice(KECAMATAN), rng.choice(KELURAHAN)
        u = Unit(region, kind, f"Kelurahan {kel}", "Kel", f"Lurah {kel}",
                 [gov, f"Kecamatan {k}"])
        u.pengirim = u.name
    return u


def contact_lines(rng: random.Random, u: Unit) -> list[str]:
    r = u.region
    street = f"{rng.choice(STREETS)} Nomor {rng.randint(1, 120)}"
    phone = f"({r.area}) {rng.randint(21000, 29999)}"
    slug = u.short.lower().replace(" ", "")
    site = f"{slug}.{r.domain}"
    mail = f"{slug}@{r.domain}"
    seat = r.seat
    forms = [
        [f"{street}, {seat} {r.postal}, Telepon {phone}",
         f"Laman: {site}, Pos-el: {mail}"],
        [f"{street} Telp. {phone} Kode Pos {r.postal}", f"Email: {mail} Website: www.{site}"],
        [f"Alamat: {street}, {seat}", f"Pos-el {mail} | Laman https://{site} | Kode Pos "
                                       f"{r.postal}"],
        [f"{street}, Telp./Faks. {phone}, {seat.upper()} - {r.postal}"],
        [f"Laman: www.{site} Pos-el: {mail}", f"{street} {seat} {r.postal}"],
    ]
    return rng.choice(forms)


def person_name(rng: random.Random) -> tuple[str, bool, bool]:
    given, family, muslim = rng.choice(NAME_GROUPS)
    g, f = rng.choice(given), rng.choice(family)
    while f == g or f in g:
        f = rng.choice(family)
    core = f"{g} {f}"
    female = g.split()[0] in {"Agustina", "Elisabeth", "Yosina", "Fientje", "Carolina",
                              "Fatima", "Nurlela", "Maria", "Aplonia", "Theresia", "Tiurma",
                              "Rosmawati", "Sondang", "Ni", "Lie", "Lanny", "Fransisca",
                              "Hasnawati", "Sitti", "Vonny", "Meiske", "Cut", "Nurhayati"}
    return core, female, muslim


def official(rng: random.Random) -> dict:
    core, female, muslim = person_name(rng)
    front = []
    if muslim and rng.random() < 0.35:
        front.append("Hj." if female else "H.")
    if rng.random() < 0.35:
        front.insert(0, rng.choice(FRONT))
    degrees = rng.choice(DEGREES)
    name = " ".join(front + [core]) + (f", {degrees}" if degrees else "")
    born = (rng.randint(1966, 1986), rng.randint(1, 12), rng.randint(1, 28))
    tmt = (born[0] + rng.randint(22, 29), rng.randint(1, 12))
    nip = (f"{born[0]}{born[1]:02d}{born[2]:02d}{tmt[0]}{tmt[1]:02d}"
           f"{2 if female else 1}{rng.randint(1, 12):03d}")
    return {"name": name, "nip": nip, "rank": rng.choice(RANKS)}


def nip_line(rng: random.Random, nip: str) -> tuple[str, str]:
    spaced = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    style = rng.choice(["NIP. sp", "NIP sp", "NIP. flat", "NIP flat", "NIP: flat", "NIP: sp"])
    label, form = style.split()
    return f"{label} {spaced if form == 'sp' else nip}", style
