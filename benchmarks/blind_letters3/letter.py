"""One whole letter (what is printed, renderer-neutral) and its truth."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import wording as W
from .data import ACEH, CODES, REGIONS, ROMAN, STREETS
from .style import pick_family, pick_style
from .topics import TOPICS
from .unit import Region, Unit, contact_lines, nip_line, official, person_name, pick_unit


@dataclass
class Letter:
    kind: str
    producer: str
    family: str
    style: dict
    unit: Unit
    kop_parents: list[str]
    kop_unit: list[str]
    kop_contact: list[str]
    place_date: list[str]
    fields: list[tuple[str, str]]
    addressee: list[tuple[str, int]]       # (text, indent level)
    body: list[tuple]                      # ("p", text) | ("list", fmt, items)
    sign_lines: list[str]
    name: str
    rank: str | None
    nip_line: str
    tembusan_head: str
    tembusan: list[str]
    truth: dict = field(default_factory=dict)


def split_words(text: str, n: int) -> list[str]:
    """Split into n lines of about equal length, at spaces."""
    words = text.split()
    if n <= 1 or len(words) < n:
        return [text]
    total, lines, cur = len(text), [], []
    for w in words:
        cur.append(w)
        if len(lines) < n - 1 and len(" ".join(cur)) >= total / n:
            lines.append(" ".join(cur))
            cur = []
    if cur:
        lines.append(" ".join(cur))
    return lines


def letter_date(rng: random.Random) -> dt.date:
    while True:
        d = dt.date(2024, 1, 2) + dt.timedelta(days=rng.randint(0, 600))
        if d.weekday() < 5:
            return d


def make_letter(rng: random.Random, kind: str, producer: str) -> Letter:
    family = pick_family(rng, kind)
    st = pick_style(rng, producer, family)
    regions = [r for r in REGIONS if (r[1] in ACEH) == (family == "hijriah")]
    region = Region(*rng.choice(regions))
    unit = pick_unit(rng, region)
    date = letter_date(rng)
    ta = str(date.year)
    seat = region.seat
    insp = f"{st['insp']} {region.full}"

    unit_lines = split_words(unit.name, st["unit_lines"]) if unit.kind != "rsud" else \
        ["Rumah Sakit Umum Daerah", unit.name.removeprefix("Rumah Sakit Umum Daerah ")]
    if unit.kind == "bagian":
        unit_lines = [unit.name]
    # place and date
    printed = W.date_id(date, st["date_pad"], st["old_month"] and date.month in (2, 11))
    if family == "hijriah":
        place_date = [f"{seat}, {W.hijri_id(date)}", f"{printed} M"]
    else:
        place_date = [f"{seat}, {printed}"]
    # header fields
    num = rng.randint(3, 940)
    code = rng.choice(CODES)
    nomor = rng.choice([
        f"{code}/{num}/{unit.short}/{ta}",
        f"{code}/{num:03d}/{unit.short}/{ROMAN[date.month - 1]}/{ta}",
        f"B-{num}/{unit.short}/{code}/{ta}",
        f"{code}/{unit.short}/{num}/{ROMAN[date.month - 1]}/{ta}",
    ])
    topic_key = rng.choice(list(TOPICS))
    hal_t, questions = TOPICS[topic_key]
    hal = hal_t.format(ta=ta)
    fields = [("Nomor", nomor)]
    if st["sifat"]:
        fields.append(("Sifat", st["sifat"]))
    if st["lampiran"]:
        fields.append(("Lampiran", st["lampiran"]))
    fields.append((st["hal_label"], hal))
    # addressee
    addr, tujuan = st["addr"], insp
    if family == "kepada-atas":
        addressee = [("Kepada", 0), (f"Yth. {insp}", 0), ("di -", 0), (seat, 1)]
    elif addr == "kepada-yth":
        addressee = [("Kepada Yth.", 0), (insp, 0), ("di", 0), (seat, 1)]
    elif addr == "bapak":
        # (the addressee is the office; "Bapak" is the form of address, as "Yth." is)
        addressee = [(f"Yth. Bapak {insp}", 0), (f"di {seat}", 0)]
    elif addr == "street":
        street = f"{rng.choice(STREETS)} Nomor {rng.randint(1, 90)}"
        addressee = [(f"Yth. {insp}", 0), (street, 0), (f"di {seat}", 0)]
    else:
        addressee = [(f"Yth. {insp}", 0), ("di -", 0), (seat, 1)]
    # body
    n_q = rng.randint(7, 10) if family == "dua-halaman" else rng.randint(
        1, 3 if kind == "scan" else 5)
    pool = list(questions)
    rng.shuffle(pool)
    if n_q > len(pool):
        extra = list(TOPICS[rng.choice([k for k in TOPICS if k != topic_key])][1])
        rng.shuffle(extra)
        pool += extra
    qs = pool[:n_q]
    fmt = {"contact": person_name(rng)[0], "phone": f"08{rng.randint(1111111111, 9999999999)}",
           "unit": unit.name, "ta": ta, "insp_short": f"Inspektorat {region.full}",
           "ref_no": f"700.1.2/{rng.randint(10, 400)}/Insp/{ta}",
           "ref_day": W.date_id(date - dt.timedelta(days=rng.randint(5, 60)))}
    body: list[tuple] = [("p", rng.choice(W.OPENINGS).format(**fmt))]
    if family == "dasar-hukum" or (family == "dua-halaman" and rng.random() < 0.5):
        laws = rng.sample(W.LAWS, rng.randint(2, 4))
        body.append(("p", rng.choice(W.DASAR_LEADS)))
        body.append(("list", rng.choice(["1.", "a."]), [f"{x};" for x in laws[:-1]]
                     + [f"{laws[-1]}."]))
    body.append(("p", rng.choice(W.QUESTION_LEADS)))
    truth_q = list(qs)
    if st["qnum"] == "sub" and n_q >= 2:
        k = rng.randrange(n_q - 1)
        lead = rng.choice(W.SUB_LEADS)
        subs = qs[k:k + 2]
        items = qs[:k] + [(lead, subs)] + qs[k + 2:]
        truth_q = qs[:k] + [f"{lead} a. {subs[0]} b. {subs[1]}"] + qs[k + 2:]
        body.append(("list", "1.", items))
    else:
        if st["qnum"] == "sub":
            st["qnum"] = "1."
        body.append(("list", st["qnum"], list(qs)))
    body.append(("p", rng.choice(W.CLOSINGS).format(**fmt)))
    # signature
    post = unit.head_post
    if st["sign_region"] and unit.kind not in ("kecamatan", "kelurahan", "distrik"):
        post = f"{post} {unit.pengirim.removeprefix(unit.name).strip()}" \
            if unit.kind in ("dinas", "bagian") else f"{post} {unit.name}"
    acting = st["acting"]
    if acting == "an":
        deputy = {"dinas": "Sekretaris", "rsud": "Wakil Direktur Umum dan Keuangan",
                  "bagian": "Kepala Subbagian Tata Usaha", "kecamatan": "Sekretaris Camat",
                  "kelurahan": "Sekretaris Lurah", "distrik": "Sekretaris Distrik"}[unit.kind]
        lines = [f"a.n. {post}", f"{deputy},"]
        lines = [x.upper() if st["sign_upper"] else x for x in lines]
        lines[0] = lines[0].replace("A.N.", "a.n.")
    else:
        full = f"{acting} {post}".strip()
        lines = split_words(full, 1 if len(full) < 34 else 2 if len(full) < 70 else 3)
        lines[-1] += ","
        if st["sign_upper"]:
            lines = [x.upper().replace("PLT.", "Plt.").replace("PLH.", "Plh.") for x in lines]
    off = official(rng)
    name = off["name"].upper() if st["name_upper"] else off["name"]
    nl, nip_style = nip_line(rng, off["nip"])
    st["nip_style"] = nip_style
    jabatan = " ".join(lines).rstrip(",").strip()
    # tembusan
    r = region
    pool_t = [f"{r.head} {r.name} (sebagai laporan)", f"Sekretaris Daerah {r.full}",
              f"Kepala Badan Pengelolaan Keuangan dan Aset Daerah {r.full}",
              f"Inspektur Pembantu Wilayah {rng.choice(['I', 'II', 'III', 'IV'])}",
              f"Kepala Bagian Hukum Setda {r.full}", f"{r.head} {r.name}"]
    tem = rng.sample(pool_t[:5], st["tembusan_n"]) if st["tembusan_n"] else []
    if tem and st["arsip"]:
        tem.append("Arsip")
    letter = Letter(kind, producer, family, st, unit, [p.upper() for p in unit.kop_parents],
                    [x.upper() for x in unit_lines], contact_lines(rng, unit), place_date,
                    fields, addressee, body, lines, name, off["rank"] if st["rank"] else None,
                    nl, rng.choice(W.TEMBUSAN_HEADS), tem)
    letter.truth = {
        "nomor": nomor, "tanggal": date.isoformat(), "sifat": st["sifat"],
        "lampiran": None if st["lampiran"] in (None, "-") else st["lampiran"],
        "hal": hal, "pengirim": unit.pengirim,
        "penandatangan": {"nama": name, "nip": off["nip"], "jabatan": jabatan},
        "tujuan": tujuan, "tembusan": tem, "pertanyaan": [q.rstrip(";.,") for q in truth_q],
        "format": kind, "family": family, "producer": producer,
        "variant": {**st, "unit_kind": unit.kind, "topic": topic_key, "n_questions": n_q},
    }
    return letter
