"""Random but reproducible letter specs: the truth plus how each value is written and laid out.

Every spec belongs to one layout family of issue 15 (the feature it stresses); the other
features are drawn at random, so each family is also crossed with the rest.
"""
from __future__ import annotations

import random

from tests.letters_gen import words as V

FAMILIES = ("questions", "wrapped", "dates", "addressee", "nota_dinas", "cover",
            "two_column", "lists")


def _nip(rng: random.Random) -> tuple[str, str]:
    born = f"{rng.randint(1965, 1990)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    tmt = f"{rng.randint(1988, 2015)}{rng.randint(1, 12):02d}"
    tail = f"{rng.randint(1, 2)}{rng.randint(1, 15):03d}"
    digits = born + tmt + tail
    return digits, rng.choice([f"{born} {tmt} {tail[0]} {tail[1:]}", digits])


def _nomor(rng: random.Random, abbr: str, month: int, year: int, spaced: bool) -> tuple[str, str]:
    seq, klas = rng.randint(5, 2999), rng.choice(V.KLASIFIKASI)
    truth = rng.choice([f"{klas}/{seq}/{abbr}/{year}", f"B-{seq}/{abbr}/{klas}/{month:02d}/{year}",
                        f"{klas}/{seq}/{abbr}/{V.ROMAN[month - 1]}/{year}",
                        f"{klas}/{seq}/{year}"])
    written = truth
    if spaced:  # the sequence typed into a template's blank: "800/ 123 /BKD/2026"
        parts = truth.split("/")
        k = 0 if truth.startswith("B-") else 1
        parts[k] = f" {parts[k]} "
        written = "/".join(parts)
    return truth, written


def _date(rng: random.Random, day: int, month: int, year: int, style: str) -> str:
    if style == "numeric":
        return f"{day:02d}-{month:02d}-{year}"
    if style == "english":
        return f"{day} {V.MONTHS_EN[month - 1]} {year}"
    if style == "old":
        return f"{day} {V.MONTHS_OLD[month - 1]} {year}"
    if style == "padded":
        return f"{day:02d} {V.MONTHS[month - 1]} {year}"
    return f"{day} {V.MONTHS[month - 1]} {year}"


def _unit(rng: random.Random, kind: str, place: str):
    """(letterhead lines, sender name as registered, signer's post, abbreviation)."""
    region = f"{kind.title()} {V.cap(place)}"
    kop, name, post, abbr = rng.choice(V.UNITS)
    if kop[0].startswith("KECAMATAN"):
        return kop, V.cap_words(name), f"Camat {V.cap_words(name[10:])}", abbr
    full = f"{name} {region}"
    post = f"{post} {full}" if post != "Sekretaris" else f"Sekretaris DPRD {region}"
    return kop, full, post, abbr


def make_spec(i: int, seed: int) -> dict:
    rng = random.Random(seed * 100_003 + i)
    family = FAMILIES[i % len(FAMILIES)]
    kind, place, head = rng.choice(V.REGIONS)
    region = f"{kind.title()} {V.cap(place)}"
    year, month, day = rng.choice([2025, 2026]), rng.randint(1, 12), rng.randint(1, 28)
    kop, pengirim, jabatan, abbr = _unit(rng, kind, place)
    if family == "nota_dinas":
        bagian = rng.choice(V.BAGIAN)
        kop, abbr = ["SEKRETARIAT DAERAH"], bagian.split()[-1][:6]
        pengirim = f"Bagian {bagian} Sekretariat Daerah {region}"
        jabatan = f"Kepala Bagian {bagian}"
    nomor, nomor_w = _nomor(rng, abbr, month, year, spaced=(family == "wrapped" or rng.random() < .15))
    date_style = rng.choice(["plain", "plain", "padded", "old", "english", "numeric"])
    if family == "dates":
        date_style = rng.choice(["padded", "old", "english", "numeric"])
        if date_style == "old":  # only February and November have an old spelling
            month = rng.choice([2, 11])
    nip, nip_w = _nip(rng)
    nama = rng.choice(V.NAMES_LONG if family == "wrapped" else V.NAMES + V.NAMES_LONG)
    n_q = rng.randint(2, 4) if family != "questions" else rng.randint(3, 8)
    questions = rng.sample(V.QUESTIONS, n_q)
    hal = rng.choice(V.HALS_LONG if family == "wrapped" else V.HALS + V.HALS_LONG)
    tembusan = rng.sample([f"{head} {V.cap(place)}", f"Sekretaris Daerah {region}",
                           f"Kepala Badan Pengelolaan Keuangan dan Aset Daerah {region}",
                           "Arsip"], rng.randint(0, 3))
    if family == "nota_dinas":
        tembusan = [f"Sekretaris Daerah {region}"]
    lay = {
        "numbering": rng.choice(["1.", "1)", "(1)", "a.", "auto"]),
        "hang": rng.random() < .6,
        "closing": rng.choice(V.CLOSINGS),
        "blank_before_closing": rng.random() < .5,
        "date_pos": rng.choice(["top", "row", "bottom"]),
        "date_place": rng.random() < .8,
        "addressee": rng.choice(["di", "di", "street", "right"]),
        "kepada_word": rng.random() < .5,
        "honorific": rng.choice(["", "", "Bapak ", "Sdr. "]),
        "block": rng.choice(["table", "tabs"]),
        "kop_in_header": rng.random() < .4,
        "sig_upper": rng.random() < .4,
        "split_name": False,
        "enclosures": rng.random() < .25,
        "body_date": rng.random() < .6,
        "wrap_left": rng.random() < .3,
        "tembusan_mark": rng.choice(["1.", "-"]),
        "paper": rng.choice(["A4", "F4"]),
        "long_body": False,
        "lampiran": rng.choice([None, None, "1 (satu) berkas", "2 (dua) lembar", "1 (satu) bendel"]),
        "sifat": rng.choice(["Biasa", "Segera", "Penting", "Sangat Segera"]),
    }
    if family == "questions":
        lay["long_body"] = rng.random() < .5  # pushes the list over onto page 2 ("- 2 -")
    if family == "wrapped":
        lay["split_name"] = True
        lay["block"] = "table"
    if family == "dates":
        lay["body_date"] = True
    if family == "two_column":
        lay["addressee"], lay["date_pos"] = "right", "row"
    if family == "addressee":
        lay["addressee"] = rng.choice(["di", "street", "right"])
    if family == "lists":
        lay["enclosures"] = True
    if family == "nota_dinas":
        lay["date_pos"] = "field"
    spec = {
        "nomor": nomor, "tanggal": f"{year}-{month:02d}-{day:02d}", "sifat": lay["sifat"],
        "lampiran": lay["lampiran"], "hal": hal, "pengirim": pengirim,
        "penandatangan": {"nama": nama, "nip": nip, "jabatan": jabatan},
        "tujuan": f"Inspektur Daerah {region}", "tembusan": tembusan, "pertanyaan": questions,
        "family": family,
        "_w": {"nomor": nomor_w, "nip": nip_w, "place": V.cap(place), "date": _date(rng, day, month, year, date_style),
               "kind": kind, "region_upper": f"{kind} {place}", "kop": kop,
               "rank": rng.choice(V.RANKS), "intro": rng.choice(V.INTROS),
               "address": f"Jalan {rng.choice(V.STREETS)} Nomor {rng.randint(1, 150)} {V.cap(place)}",
               "inspektorat_street": f"Jalan {rng.choice(V.STREETS)} Nomor {rng.randint(1, 99)} {V.cap(place)}",
               "body_date": _date(rng, rng.randint(1, 28), rng.randint(1, 12), year - rng.randint(0, 1), "plain"),
               "phone": f"({rng.choice(['0285', '0294', '0283', '024', '0286'])}) {rng.randint(300000, 899999)}",
               "site": f"{abbr.lower().replace('.', '')}.{place.lower().replace(' ', '')}"
                       f"{'kota' if kind == 'KOTA' else 'kab'}.go.id",
               "enclosures": rng.sample(V.ENCLOSURES, rng.randint(2, 3)),
               "font": rng.randrange(10_000)},
        "_lay": lay,
    }
    if family == "cover":
        c_seq = rng.randint(10, 999)
        spec["pengantar"] = f"000.1.2/{c_seq}/Setda/{year}"
        spec["_w"]["cover_date"] = _date(rng, min(day + rng.randint(0, 3), 28), month, year, "plain")
        spec["_w"]["sekda"] = (rng.choice(V.NAMES), _nip(rng)[0])
    return spec


def truth(spec: dict, fmt: str, producer: str) -> dict:
    out = {k: v for k, v in spec.items() if not k.startswith("_")}
    return {**out, "format": fmt, "producer": producer}
