"""Layout/style choices for one letter (independent of content)."""
from .util import pick_weighted

# (name written into DOCX, reportlab TTF family key, serif?)
FONTS = [
    ("Arial", "LiberationSans", False),
    ("Times New Roman", "LiberationSerif", True),
    ("Bookman Old Style", "DejaVuSerif", True),
    ("Cambria", "DejaVuSerifCondensed", True),
    ("Tahoma", "DejaVuSans", False),
    ("Calibri", "DejaVuSansCondensed", False),
    ("Liberation Serif", "LiberationSerif", True),
    ("DejaVu Sans", "DejaVuSans", False),
]

PAPERS = {"A4": (21.0, 29.7), "F4": (21.5, 33.0)}


def make_style(rng, letter, producer):
    fam = pick_weighted(rng, [("p23-yth", 35), ("kepada-kolom", 20), ("nomor-tanggal", 20),
                              ("ttd-tanggal", 25)])
    font = rng.choice(FONTS)
    kop_font = font if rng.random() < 0.6 else rng.choice(FONTS)
    tte = rng.random() < (0.25 if producer.startswith("scan") else 0.4)
    s = dict(
        family=fam,
        paper=pick_weighted(rng, [("A4", 60), ("F4", 40)]),
        margins=dict(top=rng.uniform(1.0, 2.2), bottom=rng.uniform(1.5, 2.5),
                     left=rng.uniform(2.0, 3.0), right=rng.uniform(1.5, 2.5)),
        font=font, kop_font=kop_font,
        size=rng.choice([11, 11.5, 12, 12, 12.5]),
        spacing=rng.choice([1.0, 1.0, 1.15, 1.15, 1.3, 1.5]),
        logo=rng.random() < 0.75,
        rule=rng.choice(["double", "thickthin", "thickthin", "single"]),
        header_style=pick_weighted(rng, [("table", 45), ("tabs", 35), ("colons", 20)]),
        label_hal=rng.choice(["Hal", "Hal", "Perihal"]),
        label_upper=rng.random() < 0.1,
        di_style=rng.choice(["di-newline", "di-inline", "di-tempat", "di-dash"]),
        yth_address=rng.random() < 0.25,
        body_indent=pick_weighted(rng, [("aligned", 45), ("first", 35), ("block", 20)]),
        numbering=pick_weighted(rng, [("1.", 35), ("1)", 15), ("a.", 15), ("(1)", 10), ("auto", 25)]),
        facts_numbering=rng.choice(["1.", "a.", "-"]),
        q_table=rng.random() < 0.15,
        tte=tte,
        tte_layout=rng.choice(["stack", "box", "box-side"]),
        sig_x=rng.uniform(0.48, 0.6),
        name_bold=rng.random() < 0.8,
        name_underline=rng.random() < 0.65,
        tembusan_header=rng.choice(["Tembusan:", "Tembusan :", "Tembusan disampaikan kepada Yth.:",
                                    "Tembusan, Yth.:", "Tembusan Yth.", "TEMBUSAN:"]),
        tembusan_yth=rng.random() < 0.2,
        tembusan_numbers=rng.random() < 0.85,
        date_style=rng.choice(["plain", "plain", "zero"]),
        place_upper=rng.random() < 0.15,
        wet_mark=rng.random() < 0.35,   # for digital PDFs: pasted signature + stamp image
        kop_contact_lines=rng.choice([1, 2]),
        opening_salam=rng.random() < 0.25,
        di_upper=rng.random() < 0.5,
        q_table_header=rng.choice(["Uraian Permasalahan", "Pertanyaan", "Uraian Permasalahan/Pertanyaan",
                                   "Permasalahan yang Dikonsultasikan"]),
    )
    if producer.startswith("photo"):   # photos show one page: keep the letter compact
        s.update(size=rng.choice([11, 11.5]), spacing=rng.choice([1.0, 1.0, 1.15]),
                 paper=rng.choice(["F4", "F4", "A4"]))
        s["margins"].update(top=min(s["margins"]["top"], 1.5), bottom=min(s["margins"]["bottom"], 1.8))
    if producer == "rl" and s["numbering"] == "auto":
        s["numbering"] = "1."
    if s["header_style"] != "table" and fam == "nomor-tanggal" and producer != "rl":
        s["header_style"] = "table"   # date on the Nomor row needs a table in DOCX
    if fam == "kepada-kolom" and producer != "rl":
        s["header_style"] = "table"
    return s


def number_label(style, i):
    """Printed label for item i (0-based) in a numbering style."""
    if style in ("1.", "auto"):
        return f"{i + 1}."
    if style == "1)":
        return f"{i + 1})"
    if style == "a.":
        return f"{chr(97 + i)}."
    if style == "(1)":
        return f"({i + 1})"
    if style == "-":
        return "-"
    return f"{i + 1}."
