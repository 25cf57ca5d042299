"""Page style per letter: paper, margins, fonts, indents, signature block; drawn once per letter,
then widened where the letter's own text would not fit (fit_style)."""
from benchmarks.blind_letters.common import wchoice
from benchmarks.blind_letters.fonts import DOCX2TTF, DOCX_FONTS, RL_BODY_WEIGHTS, text_cm


def choose_style(rng, L):
    """Draw the page style; read by both renderers, so a letter looks alike as DOCX or PDF."""
    st = {}
    st["paper"] = "A4" if rng.random() < 0.55 else "F4"
    st["size"] = rng.choice([11, 11, 11.5, 12, 12, 12])
    st["leading"] = rng.choice([1.15, 1.2, 1.25, 1.35])
    st["margins"] = (rng.choice([2.0, 2.5, 3.0, 2.54]), rng.choice([1.5, 2.0, 2.5]), rng.choice([1.2, 1.5, 2.0]), rng.choice([1.5, 2.0, 2.5]))
    st["rl_font"] = wchoice(rng, RL_BODY_WEIGHTS)
    st["rl_kop_font"] = rng.choice(["LiberationSans", "LiberationSerif", st["rl_font"], "DejaVuSansCondensed"])
    st["docx_font"] = wchoice(rng, DOCX_FONTS)
    st["docx_kop_font"] = rng.choice(["Arial", "Times New Roman", st["docx_font"], "Arial Narrow"])
    st["kop_sizes"] = (rng.choice([12, 13, 14, 15]), rng.choice([14, 15, 16, 17]), rng.choice([8.5, 9, 9.5, 10]))
    st["kop_pemda_bold"] = rng.random() < 0.5
    st["logo"] = rng.random() < 0.8
    st["kop_line"] = rng.choice(["double", "double", "thick", "thin"])
    st["justify"] = rng.random() < 0.7
    st["body_indent"] = rng.choice([0, 0, 0, 2.3])
    st["first_indent"] = rng.choice([0, 0, 1.25]) if st["body_indent"] == 0 else 0
    st["q_indent"] = rng.choice([0, 0.3, 0.6])
    st["q_hang"] = rng.choice([0.6, 0.75, 1.0])
    st["q_gap"] = rng.choice([0, 0, 0.3, 0.5])
    st["para_gap"] = rng.choice([0.5, 0.8, 1.0])
    st["row_gap"] = rng.choice([0, 1, 2])
    st["lab_w"] = rng.choice([2.0, 2.2, 2.5])
    st["yth_w"] = 24.0
    st["hal_bold"] = rng.random() < 0.3
    st["split"] = rng.choice([0.52, 0.55, 0.58])
    st["date_right"] = rng.random() < 0.7
    st["sig_center"] = rng.random() < 0.55
    st["sig_w"] = rng.choice([0.42, 0.45, 0.5])
    st["sig_space"] = rng.choice([3, 3.5, 4])
    st["nota_ul"] = rng.random() < 0.5
    st["pagenum"] = rng.random() < 0.7
    st["docx_table_fields"] = rng.random() < 0.55
    st["docx_sig_table"] = rng.random() < 0.55
    st["docx_autonum"] = L["qnum"] == "1." and not L["context"] and rng.random() < 0.35
    return st


def fit_style(L, st, producer):
    """Widen label column, signature block and two-column split to what this letter's text needs."""
    fam = st["rl_font"] if producer == "rl" else DOCX2TTF.get(st["docx_font"], "DejaVuSans")
    labels = ["Nomor", "Sifat", "Lampiran", L["hal_label"]] + (["Tembusan", "Tanggal"] if L["family"] == "nota" else [])
    pad = 0.25 if producer == "rl" else 0.7  # Word/LO table cells have internal padding
    need = max(text_cm(x, fam, st["size"]) for x in labels) + pad
    st["lab_w"] = max(st["lab_w"], round(need + 0.05, 2))
    W = (210 if st["paper"] == "A4" else 215) / 10 - st["margins"][0] - st["margins"][1]
    wn = text_cm(L["name"], fam, st["size"], bold=L["name_bold"]) + (0.3 if producer == "rl" else 0.8)
    wj = max(text_cm(x, fam, st["size"]) for x in L["jab_lines"]) + 0.3
    st["sig_w"] = min(0.62, max(st["sig_w"], wn / W, wj / W))
    st["yth_w"] = text_cm("Yth. ", fam, st["size"]) * 28.3465
    if L["family"] == "duakolom":
        need = st["lab_w"] + 0.4 + text_cm(L["nomor"], fam, st["size"]) + 0.6
        st["split"] = min(0.64, max(st["split"], need / W))
