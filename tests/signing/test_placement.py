# SPDX-License-Identifier: AGPL-3.0-or-later
"""The signature block stands in the letter's signature space and never over its text.

Real answers from the drafting template (1 to 15 questions, short and long answers, so one
to three pages) are converted by LibreOffice in one run and signed; each signed page is then
rendered by pdfium WITHOUT the signature's appearance, and the area under the block must be
blank paper. Synthetic letters cover the fallbacks: no space between jabatan and name, and a
last page with no free space at all.
"""
from __future__ import annotations

import io
import random

import pypdfium2 as pdfium
import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.casework import drafting
from pipeline.signing import convert
from pipeline.signing.sign import sign_pdf
from pipeline.signing.verify import verify_pdf
from tests.drafting import INSPECTOR, OFFICE, entry
from tests.signing.conftest import NIP, VERIFY_URL

pytestmark = pytest.mark.skipif(convert.soffice() is None, reason="LibreOffice is not installed")

NAME = INSPECTOR["name"]
WORDS = ("pengelolaan keuangan daerah dilaksanakan secara tertib taat pada peraturan "
         "perundang-undangan efektif efisien ekonomis transparan dan bertanggung jawab "
         "dengan memperhatikan asas keadilan kepatutan dan manfaat untuk masyarakat").split()
# (questions, words per answer): one to fifteen questions, short to long answers
CASES = [(1, 5), (2, 12), (3, 8), (3, 40), (4, 25), (5, 10), (6, 60), (7, 18), (8, 35),
         (9, 6), (10, 45), (11, 22), (12, 70), (13, 12), (14, 50), (15, 9), (15, 80)]


def _answer_letter(questions: int, words: int, seed: int) -> bytes:
    rng = random.Random(seed)
    asks = [" ".join(rng.choices(WORDS, k=rng.randint(8, 30))).capitalize() + "?"
            for _ in range(questions)]
    answers = [" ".join(rng.choices(WORDS, k=words)).capitalize() + "." for _ in range(questions)]
    ctx = drafting.context_for(entry(pertanyaan=asks), OFFICE, INSPECTOR, answers)
    draft = drafting.render(drafting.default_template(), ctx)
    return drafting.fill_signing(draft, f"700/{seed}/ITDA/2026", "2026-11-25", "Pekalongan")


@pytest.fixture(scope="module")
def converted() -> list[tuple[tuple[int, int], bytes]]:
    docs = [_answer_letter(q, w, i) for i, (q, w) in enumerate(CASES)]
    pdfs = convert.to_pdf(docs)
    assert all(pdfs), "LibreOffice could not convert every letter"
    return list(zip(CASES, pdfs))


def _sign(signer, pdf: bytes) -> bytes:
    return sign_pdf(pdf, signer, name=NAME, jabatan=INSPECTOR["jabatan"], nip=NIP,
                    verification_code="7K2M-QX9D-H4TB", verify_url=VERIFY_URL)


def _block(signed: bytes) -> tuple[int, tuple[float, float, float, float]]:
    reader = PdfFileReader(io.BytesIO(signed))
    for i in range(reader.root["/Pages"]["/Count"]):
        page = reader.find_page_for_modification(i)[0].get_object()
        for annot in page.get("/Annots", []):
            annot = annot.get_object()
            if annot.get("/FT") == "/Sig":
                return i, tuple(float(v) for v in annot["/Rect"])
    raise AssertionError("no signature widget")


def _ink_under(signed: bytes, page_no: int, rect) -> int:
    """Dark pixels of the letter itself (the signature appearance not drawn) inside RECT."""
    scale = 3
    page = pdfium.PdfDocument(signed)[page_no]
    height = page.get_height()
    image = page.render(scale=scale, draw_annots=False).to_pil().convert("L")
    x1, y1, x2, y2 = rect
    crop = image.crop((int(x1 * scale), int((height - y2) * scale),
                       int(x2 * scale) + 1, int((height - y1) * scale) + 1))
    return sum(1 for v in crop.getdata() if v < 200)


def _name_box(signed: bytes, page_no: int):
    text = pdfium.PdfDocument(signed)[page_no].get_textpage()
    searcher = text.search(NAME.split(",")[0], match_case=False)
    found = searcher.get_next()
    assert found, "the signer's name is not on the block's page"
    boxes = [text.get_charbox(i) for i in range(found[0], found[0] + found[1])]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))


def test_no_text_lies_under_the_block_and_it_stands_above_the_name(converted, signer, trust):
    """GIVEN answers of 1 to 15 questions, one to three pages long WHEN each is signed THEN on
    every one the block lies on blank paper, directly above the signer's name in its column,
    on the page that carries the name; and the signature validates."""
    pages_seen = set()
    for (questions, words), pdf in converted:
        signed = _sign(signer, pdf)
        pages = len(pdfium.PdfDocument(pdf))
        pages_seen.add(pages)
        page_no, rect = _block(signed)
        label = f"{questions} questions, {words} words each, {pages} pages"
        assert _ink_under(signed, page_no, rect) == 0, label
        nx0, ny0, nx1, ny1 = _name_box(signed, page_no)
        assert 0 <= rect[1] - ny1 < 20, label    # centred in the space just above the name
        assert rect[0] < nx1 and rect[2] > nx0, label          # in the name's column
        assert rect[3] - rect[1] >= 34, label                  # a QR a phone can read
        assert verify_pdf(signed, trust).ok, label
    assert pages_seen >= {1, 2, 3}, pages_seen


def _synthetic(gap_lines: int, full: bool) -> bytes:
    """A letter with the jabatan and the name GAP_LINES lines apart; FULL fills every other
    line of the page with text, edge to edge."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 11)
    jabatan_y = 500.0
    name_y = jabatan_y - 13 * (gap_lines + 1)
    signature = {jabatan_y: "INSPEKTUR DAERAH KOTA PEKALONGAN,", name_y: NAME,
                 name_y - 13: "NIP. 19700315 199503 1 002"}
    if full:
        y = 820.0 - (820.0 - jabatan_y) % 13
        while y > 20:
            if y in signature or not any(abs(y - s) < 13 for s in signature):
                c.drawString(30, y, "Lorem ipsum dolor sit amet consectetur " * (
                    1 if y in signature else 3))
            y -= 13
    else:
        c.drawString(72, 700, "Demikian disampaikan, atas perhatian Saudara diucapkan "
                              "terima kasih.")
    for y, text in signature.items():
        c.drawString(340, y, text)
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("gap_lines, full, expect_page", [
    (4, False, 0),           # the usual space: the block goes between jabatan and name
    (0, False, 0),           # no space at all: elsewhere on the page, over nothing
    (0, True, 1),            # no space and a page full of text: on a new last page
])
def test_fallbacks_never_overlap(signer, trust, gap_lines, full, expect_page):
    """GIVEN a signature space that is generous, absent, or absent on a full page WHEN signed
    THEN the block goes into the space, else to free paper on the page, else to a new page;
    never over ink; the signature validates either way."""
    signed = _sign(signer, _synthetic(gap_lines, full))
    page_no, rect = _block(signed)
    assert page_no == expect_page
    assert _ink_under(signed, page_no, rect) == 0
    if gap_lines:
        assert 500 - 2 > rect[3] and rect[1] > 500 - 13 * (gap_lines + 1) + 8
    assert verify_pdf(signed, trust).ok
