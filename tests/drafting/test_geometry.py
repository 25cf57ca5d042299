"""What the signed answer looks like on paper, measured with pdfplumber on LibreOffice's PDF.

Every letter here is rendered, numbered and dated as at signing, and converted in ONE soffice run
(the expensive part), for the default template and for an office's own template laid out
differently (tests/drafting/office_template.py). Cases: 1, 5 and 15 questions, Hals of 90 and 120
characters, an addressee long enough for three lines, a long name with several titles, and
seeded random text of varied length.
"""
from __future__ import annotations

import random
import re
import shutil

import pdfplumber
import pytest

from pipeline.casework import drafting
from pipeline.casework.layout import NBSP
from pipeline.signing.convert import to_pdf
from tests.drafting import INSPECTOR, OFFICE, entry
from tests.drafting.office_template import build as office_template

pytestmark = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                                reason="LibreOffice is not installed")

CM = 72 / 2.54
NOMOR = "700/1234/ITDA/XII/2026"
WORDS = ("pengelolaan", "dana", "bantuan", "operasional", "sekolah", "tahun", "anggaran",
         "pengadaan", "barang", "jasa", "pemerintah", "daerah", "aset", "tetap", "kendaraan",
         "penghapusan", "belanja", "hibah", "perjalanan", "dinas", "honorarium", "tim",
         "pelaksana", "kegiatan", "retribusi", "pajak", "BLUD", "Puskesmas", "kelurahan")
LONG_NAME = "Dr. Ir. H. MUHAMMAD RIDWAN SYAHRI, S.H., M.M."     # 45 characters
TITLED_NAME = "Prof. Dr. Hj. SRI WAHYUNINGSIH, S.E., M.Si., Ak."   # 48: wider than the block


def words(rng: random.Random, n_chars: int) -> str:
    out = ""
    while len(out) < n_chars:
        out += rng.choice(WORDS) + " "
    return out[:n_chars].rstrip().rstrip(",") or "hal"


def hal_of(length: int, rng: random.Random) -> str:
    """A letter Hal whose reply Hal ("Jawaban atas ...") is exactly LENGTH characters."""
    body = words(rng, length - len("Jawaban atas "))
    body = (body + "x" * length)[:length - len("Jawaban atas ")]
    return body.strip()


def case(n_questions=3, hal=None, tujuan=None, name=None, rng=None):
    rng = rng or random.Random(n_questions)
    qs = [words(rng, rng.randint(40, 200)).capitalize() + "?" for _ in range(n_questions)]
    answers = ["\n".join(words(rng, rng.randint(30, 260)).capitalize() + "."
                         for _ in range(rng.randint(1, 3))) for _ in range(n_questions)]
    letter = {"pertanyaan": qs}
    if hal:
        letter["hal"] = hal
    if tujuan:
        letter["penandatangan"] = {"jabatan": tujuan}
    inspector = dict(INSPECTOR, name=name) if name else INSPECTOR
    office = dict(OFFICE, emblem="rules/templates/lambang-contoh.png", website="itda.example.go.id")
    ctx = drafting.context_for(entry(**letter), office, inspector, answers)
    return ctx


rng0 = random.Random(23)
CASES = {
    "q1": case(1),
    "q5": case(5),
    "q15": case(15),
    "hal90": case(2, hal=hal_of(90, rng0)),
    "hal120": case(2, hal=hal_of(120, rng0)),
    "addressee3": case(2, tujuan="Kepala Badan Perencanaan Pembangunan, Penelitian dan "
                                 "Pengembangan Daerah serta Pengelolaan Keuangan, Pendapatan dan "
                                 "Aset Daerah Kabupaten Pemalang pada Sekretariat Daerah Provinsi "
                                 "Jawa Tengah"),
    "longname": case(3, name=LONG_NAME),
    "titled": case(4, name=TITLED_NAME),
    "random": case(random.Random(7).randint(2, 9), hal=hal_of(random.Random(8).randint(40, 90),
                                                               random.Random(9))),
}
TEMPLATES = {"default": drafting.default_template(), "office": office_template()}


@pytest.fixture(scope="module")
def letters():
    """{(template, case): (context, pdfplumber PDF)}, all converted in one LibreOffice run."""
    keys, docxs = [], []
    for tname, tpl in TEMPLATES.items():
        for cname, ctx in CASES.items():
            docx = drafting.render(tpl, ctx)
            docxs.append(drafting.fill_signing(docx, NOMOR, "2026-12-04", ctx["kota"]))
            keys.append((tname, cname))
    pdfs = to_pdf(docxs, timeout=240)
    assert all(pdfs), "LibreOffice did not convert every letter"
    import io
    opened = {k: (CASES[k[1]], pdfplumber.open(io.BytesIO(p))) for k, p in zip(keys, pdfs)}
    yield opened
    for _, pdf in opened.values():
        pdf.close()


def lines_of(page):
    """Text lines of a page: words grouped by their baseline, left to right."""
    rows: list[list[dict]] = []
    for w in sorted(page.extract_words(extra_attrs=["size"]), key=lambda w: (w["bottom"], w["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - w["bottom"]) < 2:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w["x0"]) for r in rows]


def text(line) -> str:
    return " ".join(w["text"] for w in line).replace(NBSP, " ")


def fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace(NBSP, " ")).strip()


def all_lines(pdf):
    return [(i, ln) for i, page in enumerate(pdf.pages) for ln in lines_of(page)]


KEYS = [(t, c) for t in TEMPLATES for c in CASES]


@pytest.mark.parametrize("key", KEYS, ids=[f"{t}-{c}" for t, c in KEYS])
def test_header_values_start_at_their_colon(letters, key):
    """GIVEN a signed answer WHEN page 1 is measured THEN Nomor, Sifat, Lampiran and Hal each
    have a colon, the value starts within 0.5 cm of it and all four values (the number set at
    signing too) start in one column; a Hal of up to 90 characters takes
    at most 2 lines, and a wrapped Hal continues under its own first word."""
    ctx, pdf = letters[key]
    rows = lines_of(pdf.pages[0])
    found = {}
    for i, ln in enumerate(rows):
        label = ln[0]["text"]
        if label in ("Nomor", "Sifat", "Lampiran", "Hal") and label not in found:
            colon = next(w for w in ln if w["text"] == ":")
            value = next(w for w in ln if w["x0"] > colon["x1"])
            assert value["x0"] - colon["x1"] <= 0.5 * CM, (label, value["x0"] - colon["x1"])
            found[label] = (i, value)
    assert list(found) == ["Nomor", "Sifat", "Lampiran", "Hal"]
    starts = [v["x0"] for _, v in found.values()]
    assert max(starts) - min(starts) < 1, starts            # one column of values
    assert text([w for w in rows[found["Nomor"][0]] if w["x0"] >= found["Nomor"][1]["x0"]]) \
        == NOMOR
    i, first = found["Hal"]
    hal_lines = [rows[i]]
    for ln in rows[i + 1:]:
        if abs(ln[0]["x0"] - first["x0"]) > 1 or ln[0]["top"] - hal_lines[-1][0]["bottom"] > 8:
            break
        hal_lines.append(ln)
    shown = fold(" ".join(text([w for w in ln if w["x0"] >= first["x0"] - 1])
                          for ln in hal_lines))
    assert shown == fold(ctx["hal"])
    if len(ctx["hal"]) <= 90:
        assert len(hal_lines) <= 2, [text(ln) for ln in hal_lines]


@pytest.mark.parametrize("key", KEYS, ids=[f"{t}-{c}" for t, c in KEYS])
def test_no_text_lines_overlap(letters, key):
    """GIVEN a signed answer WHEN every page's words are measured THEN no two words of
    different lines overlap (no line printed over another, kop and emblem included)."""
    _, pdf = letters[key]
    for page in pdf.pages:
        rows = lines_of(page)
        for a in range(len(rows)):
            for b in range(a + 1, len(rows)):
                for wa in rows[a]:
                    for wb in rows[b]:
                        across = min(wa["x1"], wb["x1"]) - max(wa["x0"], wb["x0"])
                        down = min(wa["bottom"], wb["bottom"]) - max(wa["top"], wb["top"])
                        assert across <= 0 or down <= 0.5, (page.page_number, wa["text"],
                                                              wb["text"])


def _sig_lines(ctx, pdf):
    lines = all_lines(pdf)
    name = fold(ctx["inspektur"]["nama"])
    at = next(k for k, (_, ln) in enumerate(lines) if fold(text(ln)) == name)
    nip = next(k for k in range(at, len(lines)) if text(lines[k][1]).startswith("NIP"))
    jab = max(k for k in range(at) if text(lines[k][1]).endswith(","))
    return lines, jab, at, nip


@pytest.mark.parametrize("key", KEYS, ids=[f"{t}-{c}" for t, c in KEYS])
def test_signature_block_whole_on_one_line_and_clear_of_tembusan(letters, key):
    """GIVEN a signed answer WHEN the signature block is located THEN the signer's name
    (up to 45 characters, titles and all) is one line; jabatan to NIP stand on one page with
    the closing paragraph; the Tembusan starts below the block without touching it; at least
    1.5 cm between jabatan and name is left blank for the signature."""
    ctx, pdf = letters[key]
    lines, jab, at, nip = _sig_lines(ctx, pdf)
    name = fold(ctx["inspektur"]["nama"])
    if len(name) <= 45:
        assert fold(text(lines[at][1])) == name
    page = lines[at][0]
    assert {lines[k][0] for k in range(jab, nip + 1)} == {page}
    closing = max(k for k in range(jab) if text(lines[k][1]).startswith(("Demikian", "terima")) or
                  "periksa." in text(lines[k][1]))
    assert lines[closing][0] == page
    block_bottom = max(w["bottom"] for w in lines[nip][1])
    block = [w for k in range(jab, nip + 1) for w in lines[k][1]]
    x0, x1 = min(w["x0"] for w in block), max(w["x1"] for w in block)
    tem = [k for k, (_, ln) in enumerate(lines) if text(ln).startswith("Tembusan")]
    if ctx["tembusan"]:
        assert tem and tem[0] > nip
        if lines[tem[0]][0] == page:
            assert lines[tem[0]][1][0]["top"] > block_bottom
    # the signature space: nothing printed between jabatan and name across the block
    for _, ln in lines[jab + 1:at]:
        assert all(w["x1"] < x0 or w["x0"] > x1 for w in ln)
    top_of_name = min(w["top"] for w in lines[at][1])
    assert top_of_name - max(w["bottom"] for w in lines[at - 1][1]) > 1.5 * CM


@pytest.mark.parametrize("key", KEYS, ids=[f"{t}-{c}" for t, c in KEYS])
def test_page_numbers_from_page_two(letters, key):
    """GIVEN a signed answer WHEN its pages are read THEN page 1 carries no page number and
    every later page N carries N in its top 2 cm."""
    _, pdf = letters[key]
    for n, page in enumerate(pdf.pages, 1):
        top = [w["text"] for w in page.extract_words() if w["bottom"] < 2 * CM]
        if n == 1:
            assert not any(re.fullmatch(r"-?\d+-?", t) for t in top), top
        else:
            assert str(n) in top, (n, top)


def test_cases_cover_what_they_claim(letters):
    """GIVEN the generated cases WHEN converted THEN 15 questions take more than one page, 1
    question one page, the long addressee three lines under its first word, both Hals are the
    lengths named, and the long name is 45 characters."""
    assert len(letters["default", "q15"][1].pages) >= 2
    assert len(letters["default", "q1"][1].pages) == 1
    assert len(CASES["hal90"]["hal"]) == 90 and len(CASES["hal120"]["hal"]) == 120
    assert len(fold(CASES["longname"]["inspektur"]["nama"])) == 45
    ctx, pdf = letters["default", "addressee3"]
    rows = lines_of(pdf.pages[0])
    k = next(i for i, ln in enumerate(rows) if ln[0]["text"] == "Yth.")
    first = rows[k][1]["x0"]
    cont = []
    for ln in rows[k + 1:]:
        if abs(ln[0]["x0"] - first) > 1:
            break
        cont.append(ln)
    assert len(cont) == 2, [text(ln) for ln in cont]              # three lines in all
    assert fold(" ".join(text(ln) for ln in [rows[k][1:], *cont])) == fold(ctx["tujuan"])
    assert text(rows[k + 3]) == "di Pekalongan"
