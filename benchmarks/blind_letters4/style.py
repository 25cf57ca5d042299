"""Layout choices for one letter; every choice is recorded in the truth's `variant`."""
from __future__ import annotations

import random

FAMILIES = {"baku": 3, "bagian": 2, "butir": 2, "tabel3": 2, "lampiran": 1.5}

PAPERS = {"A4": (210, 297), "F4": (215, 330), "Letter": (215.9, 279.4)}
DOCX_FONTS = ["Times New Roman", "Arial", "Bookman Old Style", "Georgia", "Verdana",
              "Book Antiqua", "Trebuchet MS", "Palatino Linotype", "Segoe UI"]
RL_FONTS = ["LiberationSerif", "LiberationSans", "DejaVuSerif", "DejaVuSans",
            "DejaVuSerifCondensed", "DejaVuSansCondensed"]


def text_mm(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of printed width in mm (Helvetica metrics, +15% for wide faces)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    return stringWidth(text, "Helvetica-Bold" if bold else "Helvetica", size) * 1.15 / 2.835


def frame_mm(s: dict) -> float:
    top, right, left, bottom = s["margins_mm"]
    return PAPERS[s["paper"]][0] - left - right


def label_mm(fields: list) -> float:
    return 27 if any(a.isupper() for a, _ in fields) else 24


def wpick(rng: random.Random, table: dict):
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def choose(rng: random.Random, kind: str, producer: str) -> dict:
    s: dict = {}
    s["family"] = wpick(rng, FAMILIES)
    s["paper"] = wpick(rng, {"A4": 5, "F4": 4, "Letter": 1})
    if producer.endswith("rl"):
        s["font"] = rng.choice(RL_FONTS)
    else:
        s["font"] = rng.choice(DOCX_FONTS)
    s["size"] = rng.choice([10.5, 11, 11, 11.5, 12, 12])
    s["spacing"] = rng.choice([1.0, 1.0, 1.1, 1.15])
    s["margins_mm"] = [rng.randint(15, 25), rng.randint(15, 22), rng.randint(25, 30),
                       rng.randint(15, 22)]  # top, right, bottom... left is [2]: binding side
    s["justify"] = rng.random() < 0.7
    s["kop"] = wpick(rng, {"logo-kiri": 5, "logo-atas": 2, "gambar": 2.5, "tanpa-logo": 1})
    s["kop_rule"] = wpick(rng, {"tebal-tipis": 4, "ganda": 2, "tunggal": 2})
    s["unit_width"] = rng.choice([22, 28, 36, 60])  # characters before the unit name wraps
    s["address_size"] = rng.choice([7.5, 8, 8.5, 9])
    s["date_pos"] = wpick(rng, {"kanan-atas": 4, "baris-nomor": 3, "atas-ttd": 2.5})
    s["date_pad"] = rng.random() < 0.2
    s["header"] = wpick(rng, {"tabel": 3, "tab": 2})
    s["order"] = wpick(rng, {"NSLH": 5, "NLH": 2, "NLSH": 1.5, "NSH": 1.5})
    s["hal_label"] = wpick(rng, {"Hal": 4, "Perihal": 4, "PERIHAL": 1})
    s["hal_bold"] = rng.random() < 0.3
    s["addressee"] = wpick(rng, {"yth-di-tempat": 3, "kepada-yth": 3, "yth-sdr": 1.5,
                                 "yth-di-kota": 2.5})
    s["dengan_hormat"] = rng.random() < 0.35
    s["qmark"] = wpick(rng, {"1.": 5, "1)": 2, "a.": 2, "a)": 1})
    s["req_end"] = wpick(rng, {".": 3, ";": 1})
    s["sign_align"] = wpick(rng, {"kanan": 4, "tengah-kanan": 2})
    s["name_underline"] = rng.random() < 0.7
    s["tte"] = rng.random() < (0.12 if kind == "scan" else 0.2)
    s["acting"] = wpick(rng, {"": 10, "Plt.": 2, "Plh.": 1.5, "an": 2.5, "ub": 1})
    s["post_case"] = wpick(rng, {"upper": 2, "title": 3})
    s["post_region"] = rng.random() < 0.6
    s["tembusan"] = wpick(rng, {"none": 2, "list": 5, "arsip": 2})
    s["tembusan_head"] = rng.choice(["Tembusan :", "Tembusan:", "Tembusan disampaikan kepada:",
                                     "Tembusan, disampaikan kepada Yth.:", "Tembusan Yth."])
    s["tembusan_num"] = rng.choice(["1.", "1.", "-", "none"])
    s["contact"] = rng.random() < 0.3
    s["cited_date"] = rng.random() < 0.3
    if kind == "scan":
        s["size"], s["spacing"] = min(s["size"], 11.5), 1.0
        s["max_q"] = 4
        if s["family"] == "lampiran":
            s["max_q"] = 3
    else:
        s["max_q"] = 5
    return s
