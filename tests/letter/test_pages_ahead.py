"""A scanned PDF's next page read while the page before it is (readahead, pdf_reader)."""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from pipeline.letter import ocr, pdf_reader, read_letter_inprocess, readahead
from pipeline.letter.model import Refused

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None or
                                shutil.which("pdftoppm") is None,
                                reason="tesseract and poppler are needed to read scans")

HEAD = ["PEMERINTAH KABUPATEN SINTANG", "DINAS PERHUBUNGAN", "",
        "Sintang, 4 Maret 2026", "",
        "Nomor     : 551/118/DISHUB/2026", "Sifat        : Biasa", "Lampiran  : -",
        "Hal          : Permohonan Konsultasi", "",
        "Yth. Inspektur Kabupaten Sintang", "di Sintang", "",
        "Dalam rangka pengelolaan retribusi terminal, kami mohon petunjuk atas hal berikut:",
        "1. Apakah retribusi terminal dapat dipungut oleh pihak ketiga?",
        "2. Bagaimana menyetorkan retribusi yang dipungut pada hari libur?"]
SIGNED = ["Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.", "",
          "Kepala Dinas Perhubungan,", "", "", "", "Drs. EKO PRASETYO, M.Si.",
          "Pembina Utama Muda", "NIP. 196805121994031007"]
COPIES = ["", "Tembusan:", "1. Bupati Sintang;", "2. Arsip."]
ANNEX = ["Lampiran Surat Kepala Dinas Perhubungan", "Daftar terminal penumpang tipe C",
         "Terminal Sungai Durian", "Terminal Kelam Permai", "Terminal Sepauk"]


def _scan(*pages: list[str], dpi: int = 200) -> bytes:
    """An image-only PDF, as an office's scanner writes it at DPI, of PAGES (lines each)."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for lines in pages:
        c.setFont("Helvetica", 11)
        for k, text in enumerate(lines):
            c.drawString(70, 780 - 18 * k, text)
        c.showPage()
    c.save()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "in.pdf").write_bytes(buf.getvalue())
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "in.pdf", "p"], cwd=tmp,
                       check=True)
        images = [Image.open(p).convert("L") for p in sorted(Path(tmp).glob("p*.png"))]
        out = io.BytesIO()
        images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()


SLEEP = "27.31"  # s: a run no test waits for, told apart among the machine's processes


def _sleeping() -> bool:
    """Whether a slow page's run (SLEEP) is still alive."""
    for status in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if status.read_bytes().split(b"\0")[:2] == [b"sleep", SLEEP.encode()]:
                return True
        except OSError:
            continue
    return False


class _Spy:
    """pdf_reader._ocr_page, with the time each page's reading ran, failing on FAIL's pages."""

    def __init__(self, monkeypatch, fail: frozenset = frozenset(), slow: frozenset = frozenset()):
        self.ran: dict[int, tuple[float, float]] = {}
        self.lock, self.fail, real = threading.Lock(), fail, pdf_reader._ocr_page

        def read(data, scan, no, limits):
            t0 = time.perf_counter()
            try:
                if no in self.fail:
                    raise Refused(f"tesseract failed on page {no}")
                if no in slow:  # (a page whose tesseract runs long: a dense attachment)
                    ocr._run(["sleep", SLEEP], b"", 60)
                return real(data, scan, no, limits)
            finally:
                with self.lock:
                    self.ran[no] = (t0, time.perf_counter())
        monkeypatch.setattr(pdf_reader, "_ocr_page", read)

    def overlapped(self) -> bool:
        (a0, a1), (b0, b1) = self.ran[1], self.ran[2]
        return a0 < b1 and b0 < a1


def _read(data: bytes) -> dict:
    return read_letter_inprocess(data, "surat.pdf").to_dict()


def test_a_scans_second_page_is_read_beside_its_first(monkeypatch):
    """GIVEN a two-page scanned letter (questions on page 1, the signature on page 2) WHEN it
    is read on a machine of two cores THEN both pages are read at once, and the letter reads
    as it reads one page after the other: the signer, the questions, the date."""
    data = _scan(HEAD, SIGNED)
    monkeypatch.setattr(readahead, "possible", lambda: False)
    spy = _Spy(monkeypatch)
    alone = _read(data)
    assert not spy.overlapped()
    monkeypatch.setattr(readahead, "possible", lambda: True)
    spy = _Spy(monkeypatch)
    together = _read(data)
    assert spy.overlapped()
    assert together == alone
    assert together["penandatangan"]["nip"] == "196805121994031007"
    assert together["nomor"] == "551/118/DISHUB/2026" and len(together["pertanyaan"]) == 2


def test_a_page_read_ahead_that_fails_costs_a_letter_signed_before_it_nothing(monkeypatch):
    """GIVEN a scanned letter signed on page 1, its Tembusan closed under the signature, with an
    attachment on page 2 whose reading fails
    WHEN it is read ahead THEN the letter stands as read from page 1; but where page 2 is the
    letter's own (its signature there), its failure refuses the letter, as before."""
    monkeypatch.setattr(readahead, "possible", lambda: True)
    _Spy(monkeypatch, fail=frozenset({2}))
    got = _read(_scan(HEAD + SIGNED[:1] + SIGNED[2:] + COPIES, ANNEX))
    assert got["penandatangan"]["nip"] == "196805121994031007"
    assert got["tembusan"] == ["Bupati Sintang", "Arsip"]
    with pytest.raises(Refused, match="page 2"):
        _read(_scan(HEAD, SIGNED))


def test_a_page_read_ahead_that_the_letter_does_not_need_is_not_waited_for(monkeypatch):
    """GIVEN a scanned letter that ends on page 1, with an attachment on page 2 whose reading
    runs long WHEN it is read THEN the letter is back in the time of page 1 alone, and the
    attachment's run is killed, not left to finish."""
    monkeypatch.setattr(readahead, "possible", lambda: True)
    spy = _Spy(monkeypatch, slow=frozenset({2}))
    t0 = time.perf_counter()
    got = _read(_scan(HEAD + SIGNED[:1] + SIGNED[2:] + COPIES, ANNEX))
    assert time.perf_counter() - t0 < 15 and got["pages_read"] == 1
    assert got["penandatangan"]["nip"] == "196805121994031007"
    deadline = time.monotonic() + 5
    while (2 not in spy.ran or _sleeping()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert 2 in spy.ran and not _sleeping()


def test_a_page_finer_than_a_300_dpi_scan_is_read_in_turn(monkeypatch):
    """GIVEN a two-page letter scanned at 400 dpi WHEN it is read THEN its pages are read one
    after the other: two such pages at once could pass the reader's memory limit."""
    monkeypatch.setattr(readahead, "possible", lambda: True)
    spy = _Spy(monkeypatch)
    got = _read(_scan(HEAD, SIGNED, dpi=400))
    assert not spy.overlapped() and got["penandatangan"]["nip"] == "196805121994031007"


def test_a_broken_page_after_the_letters_end_refuses_nothing(monkeypatch):
    """GIVEN a scanned letter that ends on page 1, with a page 2 PDFium cannot load WHEN page 2
    would be read ahead THEN the letter is read from page 1, as it was before pages were read
    ahead; and where the interpreter can start no thread, pages are read in turn."""
    monkeypatch.setattr(readahead, "possible", lambda: True)
    data = _scan(HEAD + SIGNED[:1] + SIGNED[2:] + COPIES, ANNEX)
    real, calls = pdf_reader._scan_of, []

    def broken(page, limits):
        calls.append(page)
        if len(calls) == 2:
            raise ZeroDivisionError("a page of no width")
        return real(page, limits)
    monkeypatch.setattr(pdf_reader, "_scan_of", broken)
    assert _read(data)["penandatangan"]["nip"] == "196805121994031007" and len(calls) == 2
    monkeypatch.setattr(pdf_reader, "_scan_of", real)

    def no_thread(self):
        raise RuntimeError("can't create new thread at interpreter shutdown")
    monkeypatch.setattr(threading.Thread, "start", no_thread)
    spy = _Spy(monkeypatch)
    assert _read(_scan(HEAD, SIGNED))["penandatangan"]["nip"] == "196805121994031007"
    assert not spy.overlapped()


def _text_page(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer: a page the office printed to PDF, not scanned."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 11)
    for k, text in enumerate(lines):
        c.drawString(70, 780 - 18 * k, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def _joined(*pdfs: bytes) -> bytes:
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for data in pdfs:
        src = pdfium.PdfDocument(data)
        out.import_pages(src)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def test_a_letter_of_scanned_and_printed_pages_reads_as_in_turn(monkeypatch):
    """GIVEN what offices send that no generator here writes: a scanned first page with its
    signed second page printed to PDF (text), and a three-page scan signed on page 2 with an
    attachment on page 3 WHEN each is read with pages read ahead THEN it reads as one page
    after the other: the text page is read on the reader's own thread (no OCR), and the
    attachment read ahead beside the signed page changes nothing."""
    mixed = _joined(_scan(HEAD), _text_page(SIGNED + COPIES))
    three = _scan(HEAD, SIGNED + COPIES, ANNEX)
    for data in (mixed, three):
        monkeypatch.setattr(readahead, "possible", lambda: False)
        alone = _read(data)
        monkeypatch.setattr(readahead, "possible", lambda: True)
        spy = _Spy(monkeypatch)
        together = _read(data)
        assert together == alone and together["pages_read"] == 2
        assert together["penandatangan"]["nip"] == "196805121994031007"
        assert together["tembusan"] == ["Bupati Sintang", "Arsip"]
        assert 2 not in spy.ran if data is mixed else spy.overlapped()
