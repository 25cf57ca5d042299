"""Layout choices, recorded in the truth's `variant`."""
from __future__ import annotations

import random

FAMILIES = {"p1-kanan": 3, "kepada-atas": 2, "hijriah": 1, "dasar-hukum": 2, "dua-halaman": 2}
PAPERS = {"A4": (210, 297), "F4": (215, 330), "Letter": (215.9, 279.4)}
DOCX_FONTS = ["Times New Roman", "Arial", "Bookman Old Style", "Tahoma", "Calibri", "Cambria",
              "Century Gothic", "Garamond"]
RL_FONTS = ["LiberationSerif", "LiberationSans", "DejaVuSerif", "DejaVuSans",
            "DejaVuSerifCondensed", "DejaVuSansCondensed"]


def wchoice(rng: random.Random, table: dict):
    keys = list(table)
    return rng.choices(keys, [table[k] for k in keys])[0]


def pick_family(rng: random.Random, kind: str) -> str:
    fam = wchoice(rng, FAMILIES)
    while kind == "scan" and fam == "dua-halaman":
        fam = wchoice(rng, FAMILIES)
    return fam


def pick_style(rng: random.Random, producer: str, family: str) -> dict:
    word = producer in ("docx", "lo", "scan-lo")
    s = {
        "paper": wchoice(rng, {"A4": 5, "F4": 4, "Letter": 1}),
        "font": rng.choice(DOCX_FONTS if word else RL_FONTS),
        "size": rng.choice([10.5, 11, 11.5, 12, 12, 12.5]),
        "spacing": rng.choice([1.0, 1.0, 1.15, 1.5]),
        "margins_mm": [rng.randint(20, 30), rng.randint(15, 25), rng.randint(15, 25),
                       rng.randint(20, 30)],          # left, right, top, bottom
        "logo": wchoice(rng, {"left": 5, "both": 3, "none": 2}),
        "rule": wchoice(rng, {"double": 4, "single": 3, "none": 2}),
        "kop_in_header": word and rng.random() < 0.4,
        "unit_lines": rng.choice([1, 1, 2]),
        "header": wchoice(rng, {"tabs": 3, "table": 3, "attached": 2}),
        "hal_label": rng.choice(["Hal", "Perihal", "Perihal", "HAL"]),
        "date_pad": rng.random() < 0.3,
        "date_align": rng.choice(["right", "indent"]),
        "old_month": rng.random() < 0.3,
        "addr": wchoice(rng, {"yth-di": 4, "kepada-yth": 3, "bapak": 1, "street": 2}),
        "insp": rng.choice(["Inspektur", "Inspektur Daerah"]),
        "qnum": wchoice(rng, {"1.": 4, "1)": 2, "a)": 1, "•": 2, "-": 1, "sub": 1}),
        "first_indent": rng.random() < 0.5,
        "sign_align": wchoice(rng, {"right": 5, "centre": 3, "left": 1}),
        "sign_upper": rng.random() < 0.6,
        "sign_region": rng.random() < 0.5,
        "name_upper": rng.random() < 0.4,
        "name_underline": rng.random() < 0.6,
        "rank": rng.random() < 0.5,
        "acting": wchoice(rng, {"": 14, "Plt.": 3, "Plh.": 2, "an": 2}),
        "tte": rng.random() < 0.25,
        "tembusan_n": rng.choice([0, 0, 1, 2, 3, 4, 5]),
        "tembusan_num": wchoice(rng, {"1.": 3, "none": 2, "-": 1}),
        "arsip": rng.random() < 0.4,
        "sifat": wchoice(rng, {"Biasa": 4, "Penting": 2, "Segera": 2, "Sangat Segera": 1,
                               None: 2}),
        "lampiran": wchoice(rng, {"1 (satu) berkas": 3, "2 (dua) lembar": 1, "-": 3,
                                  "Satu Berkas": 1, None: 2}),
    }
    if family == "dua-halaman":
        s["qnum"] = rng.choice(["1.", "1)", "•"])
    if word and s["qnum"] == "•" and rng.random() < 0.5:
        s["qnum"] = "auto-bullet"
    return s
