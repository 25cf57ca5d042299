"""A whole letter: what is printed (kop, header, body blocks, signature, tembusan) and its truth.

Body blocks shared by both renderers:
  ("p", text)                      a paragraph
  ("li", level, marker, text, bold) a hanging-indent item at nesting level 0/1
  ("table", header, rows)          a bordered table (first column narrow)
"""
from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from . import style as style_mod
from . import wording as W
from .topics import TOPICS
from .unit import make_person, make_unit, split_lines

HEAD_OF_REGION = {"kab": "Bupati", "kota": "Wali Kota", "prov": "Gubernur"}


@dataclass
class Letter:
    kind: str
    producer: str
    style: dict
    unit: object = None
    kop: dict = field(default_factory=dict)
    place_date: str = ""
    fields: list = field(default_factory=list)
    addressee: list = field(default_factory=list)   # (text, indent level)
    body: list = field(default_factory=list)
    sign: dict = field(default_factory=dict)
    tembusan: dict | None = None
    lamp: dict | None = None
    footer: str | None = None
    inspektorat: str = ""
    truth: dict = field(default_factory=dict)

    @property
    def family(self) -> str:
        return self.style["family"]


def _marker(style: str, i: int) -> str:
    if style[0] == "1":
        return f"{i + 1}{style[1]}"
    return f"{'abcdefghij'[i]}{style[1]}"


def _ending(mood: str, last: bool, s: dict, rng: random.Random) -> str:
    if mood == "q":
        return "." if rng.random() < 0.08 else "?"
    return "." if (last or s["req_end"] == ".") else ";"


def _questions(rng, topic, n, s):
    qa = rng.sample(topic["qa"], n)
    printed, truth = [], []
    for i, (issue, text, mood) in enumerate(qa):
        end = _ending(mood, i == n - 1, s, rng)
        printed.append((issue, text + end))
        truth.append(text + ("?" if end == "?" else ""))
    return printed, truth


def _post_lines(L, rng) -> tuple[list[str], str]:
    u, s = L.unit, L.style
    post = u.head + (f" {u.region.full}" if u.head_region and s["post_region"] else "")
    acting = s["acting"]
    if acting in ("Plt.", "Plh.") and u.kind == "setda" and rng.random() < 0.6:
        acting = "Pj."
    up = (lambda x: x.upper()) if s["post_case"] == "upper" else (lambda x: x)
    width = rng.choice([30, 36, 44])
    if acting in ("", "Plt.", "Plh.", "Pj."):
        lines = split_lines(up(f"{acting} {post}".strip()), width, rng)
    else:
        lines = split_lines("a.n. " + up(post), width, rng) + [up(u.deputy)]
        if acting == "ub":
            lines[-1] += ","
            lines += ["u.b.", up(u.ub)]
    lines[-1] += ","
    jab = " ".join(lines)[:-1]
    return lines, jab


def _tembusan(L, rng):
    s, r = L.style, L.unit.region
    if s["tembusan"] == "none":
        return None, []
    if s["tembusan"] == "arsip":
        items = ["Arsip"]
    else:
        pool = [f"{HEAD_OF_REGION[r.level]} {r.name} (sebagai laporan)",
                f"Sekretaris Daerah {r.full}",
                f"Kepala Badan Pengelolaan Keuangan dan Aset Daerah {r.full}",
                f"Inspektur Pembantu Wilayah {rng.choice(['I', 'II', 'III', 'IV'])} "
                f"Inspektorat {r.full}"]
        k = rng.randint(1, 3)
        items = pool[:1] + rng.sample(pool[1:], k - 1)
        if rng.random() < 0.4:
            items.append("Arsip")
    yth = rng.random() < 0.3 and s["tembusan_head"] != "Tembusan Yth."
    printed = []
    for i, it in enumerate(items):
        text = (f"Yth. {it}" if yth and it != "Arsip" else it)
        end = "." if i == len(items) - 1 else ";"
        if s["tembusan_num"] == "none" and rng.random() < 0.5:
            end = ""
        mark = {"1.": f"{i + 1}.", "-": "-", "none": ""}[s["tembusan_num"]]
        printed.append((mark, text + end))
    return {"head": s["tembusan_head"], "items": printed, "yth": yth}, items


def make_letter(rng: random.Random, kind: str, producer: str) -> Letter:
    s = style_mod.choose(rng, kind, producer)
    L = Letter(kind, producer, s)
    u = L.unit = make_unit(rng, kind == "scan")
    r = u.region
    topic = rng.choice([t for t in TOPICS if t["key"] != "blud" or u.kind in ("rsud", "uptd")])
    # kop
    sub = u.abbr.lower().replace(" dan ", "").replace(" ", "").replace(".", "")
    unit_upper = u.name.upper()
    L.kop = {"parent": list(u.kop_parent),
             "unit": split_lines(unit_upper, s["unit_width"], rng),
             "address": W.address_lines(rng, u, sub)}
    # dates and numbers
    d = W.pick_date(rng)
    dtext = W.date_text(d, s["date_pad"])
    L.place_date = f"{u.place}, {dtext}"
    nomor, nfmt = W.nomor(rng, topic["klas"], u.abbr, d)
    other_d = W.pick_date(rng, d.replace(day=1) - dt.timedelta(days=120), 90)
    other = (W.nomor(rng, "700.1.1", "Insp", other_d)[0], W.date_text(other_d))
    # header fields
    sifat = rng.choice(["Biasa", "Biasa", "Penting", "Segera", "Sangat Segera"])
    if s["family"] == "lampiran":
        lampiran = rng.choice(["1 (satu) lembar", "1 (satu) berkas", "Satu lembar"])
        if "L" not in s["order"]:
            s["order"] = "NSLH"
    else:
        lampiran = rng.choice(["-", "-", "1 (satu) berkas", "2 (dua) lembar", "1 (satu) bundel"])
    hal = topic["hal"]
    lab = {"N": ("Nomor", nomor), "S": ("Sifat", sifat), "L": ("Lampiran", lampiran),
           "H": (s["hal_label"], hal)}
    L.fields = [lab[c] for c in s["order"]]
    if s["hal_label"].isupper():
        L.fields = [(a.upper(), b) for a, b in L.fields]
    if s["date_pos"] == "baris-nomor":
        need = (style_mod.label_mm(L.fields) + 4 + style_mod.text_mm(nomor, s["size"]) + 4
                + style_mod.text_mm(L.place_date, s["size"]) + 4)
        if need > style_mod.frame_mm(s):
            s["date_pos"] = "kanan-atas"
            s["date_moved"] = True
    # addressee
    insp_word = rng.choice(["Inspektur", "Inspektur", "Inspektur Daerah", "Inspektur Inspektorat",
                            "Kepala Inspektorat Daerah"])
    tujuan = f"{insp_word} {r.full}"
    L.inspektorat = f"Inspektorat {'Daerah ' if rng.random() < 0.4 else ''}{r.full}"
    form = s["addressee"]
    if form == "yth-di-tempat":
        L.addressee = [(f"Yth. {tujuan}", 0), (rng.choice(["di", "di -"]), 0), ("Tempat", 1)]
    elif form == "kepada-yth":
        L.addressee = [("Kepada", 0), (f"Yth. {tujuan}", 0), ("di -", 0), (r.seat, 1)]
    elif form == "yth-sdr":
        L.addressee = [(f"Yth. Sdr. {tujuan}", 0), ("di", 0), (r.seat, 1)]
    else:
        L.addressee = [(f"Yth. {tujuan}", 0), (f"di {r.seat}", 0)]
    # body
    n = rng.randint(2, min(s["max_q"], len(topic["qa"])))
    qprinted, qtruth = _questions(rng, topic, n, s)
    okind, open_text = W.opening(rng, L, topic, other)
    leadin = rng.choice(W.LEADINS)
    closing = rng.choice(W.CLOSINGS)
    m = s["qmark"]
    B = L.body
    if s["dengan_hormat"]:
        B.append(("p", "Dengan hormat,"))
    fam = s["family"]
    if fam == "baku":
        B += [("p", open_text), ("p", leadin)]
        B += [("li", 0, _marker(m, i), q, False) for i, (_, q) in enumerate(qprinted)]
    elif fam == "bagian":
        sec = rng.choice(["A.", "I."])
        secm = (lambda i: "ABCD"[i] + ".") if sec == "A." else (lambda i: ["I.", "II.", "III."][i])
        facts = topic["facts"][: rng.randint(2, len(topic["facts"]))]
        titles = rng.choice([("Dasar", "Permasalahan", "Hal yang Dikonsultasikan"),
                             ("Dasar Hukum", "Uraian Permasalahan", "Pertanyaan"),
                             ("Landasan", "Kondisi Saat Ini", "Hal-hal yang Dimohonkan Penjelasan")])
        B.append(("p", open_text))
        B.append(("li", 0, secm(0), titles[0], True))
        B += [("li", 1, _marker(m, i), t + (";" if i < len(topic["dasar"]) - 1 else "."), False)
              for i, t in enumerate(topic["dasar"])]
        B.append(("li", 0, secm(1), titles[1], True))
        B += [("li", 1, _marker(m, i), f + ".", False) for i, f in enumerate(facts)]
        B.append(("li", 0, secm(2), titles[2], True))
        B += [("li", 1, _marker(m, i), q, False) for i, (_, q) in enumerate(qprinted)]
        s["sections"] = sec
    elif fam == "butir":
        subm = rng.choice(["a.", "a)"])
        B.append(("li", 0, "1.", open_text, False))
        k = 2
        if rng.random() < 0.5:
            facts = topic["facts"][: rng.randint(2, len(topic["facts"]))]
            B.append(("li", 0, f"{k}.", "Adapun kondisi yang terjadi saat ini adalah sebagai "
                                        "berikut:", False))
            B += [("li", 1, _marker(subm, i), f + ";", False) for i, f in enumerate(facts)]
            k += 1
            s["butir_facts"] = True
        B.append(("li", 0, f"{k}.", rng.choice(W.LEADINS), False))
        B += [("li", 1, _marker(subm, i), q, False) for i, (_, q) in enumerate(qprinted)]
        B.append(("li", 0, f"{k + 1}.", closing, False))
        s["qmark"] = subm
    elif fam == "tabel3":
        head = rng.choice([("No", "Permasalahan", "Pertanyaan"),
                           ("No.", "Uraian Permasalahan", "Hal yang Dikonsultasikan"),
                           ("NO", "KONDISI", "PERTANYAAN")])
        B += [("p", open_text), ("p", "Adapun rincian permasalahan dan pertanyaan yang kami "
                                      "ajukan adalah sebagai berikut:")]
        B.append(("table", head, [(f"{i + 1}.", iss, q) for i, (iss, q) in enumerate(qprinted)]))
        s["table_head"] = " | ".join(head)
    else:  # lampiran
        B.append(("p", open_text[:-1] + ", dengan daftar pertanyaan sebagaimana terlampir."))
    if fam != "butir":
        B.append(("p", closing))
    if s["contact"]:
        cp, _ = make_person(rng, r.culture, "opd")
        plain = " ".join(w for w in cp.nama.split(",")[0].split() if not w.endswith("."))
        B.append(("p", W.contact(rng, plain)))
    # signature
    person, pinfo = make_person(rng, r.culture, u.kind)
    post_lines, jabatan = _post_lines(L, rng)
    nip_label = rng.choice(["NIP.", "NIP.", "NIP", "NIP :", "NIP:"])
    L.sign = {"date": L.place_date if s["date_pos"] == "atas-ttd" else None,
              "post": post_lines, "nama": person.nama, "rank": person.rank,
              "nip": f"{nip_label} {person.nip_text}", "tte": s["tte"],
              "tte_note": s["tte"] and rng.random() < 0.6}
    if s["tte"]:
        L.footer = rng.choice(W.BSRE)
    L.tembusan, temb_truth = _tembusan(L, rng)
    if fam == "lampiran":
        signer = (post_lines[0].replace("a.n. ", "").rstrip(",") if s["acting"] in ("an", "ub")
                  else u.head)
        head = [("LAMPIRAN", f"SURAT {signer.upper()}")]
        head += [("NOMOR", nomor), ("TANGGAL", dtext)]
        if rng.random() < 0.5:
            head.append(("HAL", hal.upper()))
        as_table = rng.random() < 0.5
        lb = []
        if as_table:
            lb.append(("table", ("No", "Permasalahan", "Pertanyaan"),
                       [(f"{i + 1}.", iss, q) for i, (iss, q) in enumerate(qprinted)]))
        else:
            lb += [("li", 0, _marker(m, i), q, False) for i, (_, q) in enumerate(qprinted)]
        L.lamp = {"head": head, "title": rng.choice(["DAFTAR PERTANYAAN KONSULTASI",
                                                      "DAFTAR PERTANYAAN"]), "blocks": lb}
        s["lamp_table"] = as_table
    s.update({"unit_kind": u.kind, "topic": topic["key"], "nomor_format": nfmt,
              "opening": okind, "tujuan_form": insp_word, "n_questions": n,
              "acting": s["acting"] or "none", **{k: pinfo[k] for k in ("name_case", "nip_style")},
              "rank": bool(person.rank), "culture": r.culture, "region_level": r.level})
    if s["kop"] == "gambar":
        s["kop_image_text"] = L.kop["parent"] + L.kop["unit"]
    L.truth = {
        # (a number typed with blank-fill spaces, "900.1.1/ 163 /Setwan/2024", is recorded as
        # the number itself: the project's convention for the agenda, set before this set)
        "nomor": re.sub(r"\s*/\s*", "/", nomor), "tanggal": d.isoformat(),
        "sifat": sifat if "S" in s["order"] else None,
        "lampiran": lampiran if ("L" in s["order"] and lampiran != "-") else None,
        "hal": hal, "pengirim": u.pengirim,
        "penandatangan": {"nama": person.nama, "nip": person.nip, "jabatan": jabatan},
        "tujuan": tujuan, "tembusan": temb_truth, "pertanyaan": qtruth,
        "format": kind, "family": fam, "producer": producer,
        "variant": {k: v for k, v in s.items() if k not in ("max_q",)} | {"date_text": dtext},
    }
    return L
