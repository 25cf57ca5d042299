"""Hostile or broken files are refused with a clear reason, in bounded time and memory."""
from __future__ import annotations

import io
import time
import zipfile

import pytest

from pipeline.letter import Limits, Refused, disarm, read_letter, specimen
from tests import hostile_files as H


def _rezip(docx: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
           method: int = zipfile.ZIP_DEFLATED) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as out:
        for item in src.infolist():
            out.writestr(item.filename, (replace or {}).get(item.filename, src.read(item.filename)))
        for name, data in (add or {}).items():
            out.writestr(name, data)
    return buf.getvalue()


def _pdf_pages(n: int, **kw) -> bytes:
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, **kw)
    for k in range(n):
        c.drawString(72, 720, f"Halaman {k + 1} Nomor : 700/{k}/ITDA/2026")
        c.showPage()
    c.save()
    return buf.getvalue()


def _refused(data: bytes, name: str, match: str, limits: Limits | None = None, within: float = 5.0):
    t = time.perf_counter()
    with pytest.raises(Refused, match=match) as err:
        read_letter(data, name, limits)
    assert time.perf_counter() - t < within
    assert err.value.reason and err.value.reason[0].isalpha()
    return err.value.reason


def test_encrypted_pdf(one):
    """GIVEN a PDF that needs a password
    WHEN read
    THEN it is refused as an encrypted PDF."""
    _refused(_pdf_pages(1, encrypt="rahasia"), "surat.pdf", "encrypted PDF")


def test_corrupt_pdf():
    """GIVEN bytes that start like a PDF but are garbage
    WHEN read
    THEN it is refused as a corrupt PDF."""
    _refused(b"%PDF-1.7\n" + bytes(range(256)) * 40, "surat.pdf", "corrupt PDF")


def test_2000_page_pdf():
    """GIVEN a 2,000-page PDF
    WHEN read with the default 50-page limit
    THEN it is refused naming the page count and the limit."""
    reason = _refused(_pdf_pages(2000), "besar.pdf", "pages")
    assert reason == "PDF has 2000 pages, limit is 500"


def test_30mb_file():
    """GIVEN a 30 MB file
    WHEN read with the default 25 MB limit
    THEN it is refused by size before any parsing."""
    _refused(b"%PDF-1.4\n" + b"0" * (30 * 1024 * 1024), "besar.pdf", r"30\.0 MB, limit is 25 MB",
             within=1.0)


def test_zip_bomb_docx(one):
    """GIVEN a DOCX with a part that inflates to 200 MB
    WHEN read
    THEN it is refused for its decompressed size, without inflating it."""
    bomb = _rezip(specimen.make_docx(one), add={"word/media/bomb.bin": b"\0" * (200 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    _refused(bomb, "surat.docx", "decompressed size exceeds 50 MB")


def test_high_ratio_member_docx(one):
    """GIVEN a DOCX whose one part compresses 1000:1 but stays under the total size limit
    WHEN read
    THEN it is refused as a zip bomb."""
    bomb = _rezip(specimen.make_docx(one), add={"word/media/x.bin": b"\0" * (20 * 1024 * 1024)})
    _refused(bomb, "surat.docx", "zip bomb")


@pytest.mark.parametrize("payload", [
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>',
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><l>&b;</l>',
])
def test_xxe_and_billion_laughs_docx(one, payload):
    """GIVEN a DOCX whose document.xml declares external or nested entities
    WHEN read
    THEN it is refused naming DOCTYPE/ENTITY."""
    bad = _rezip(specimen.make_docx(one), replace={"word/document.xml": payload})
    _refused(bad, "surat.docx", "DOCTYPE/ENTITY")


def test_docm_renamed_docx(one):
    """GIVEN a macro-enabled document (vbaProject.bin, macroEnabled content type) named .docx
    WHEN read
    THEN it is refused as a macro document, with an Indonesian reason naming the project."""
    docx = specimen.make_docx(one)
    ct = zipfile.ZipFile(io.BytesIO(docx)).read("[Content_Types].xml").replace(
        b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
    docm = _rezip(docx, replace={"[Content_Types].xml": ct}, add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})
    assert _refused(docm, "surat.docx", "bermakro").startswith(
        "dokumen bermakro (word/vbaproject.bin) ditolak")


@pytest.mark.parametrize("magic,kind", [(b"\x7fELF\x02\x01\x01", "ELF"), (b"MZ\x90\x00\x03", "MZ")])
def test_executable_named_pdf(magic, kind):
    """GIVEN an executable whose name ends in .pdf
    WHEN read
    THEN the magic bytes decide, and it is refused as an executable."""
    assert _refused(magic + b"\0" * 4096, "surat.pdf", kind) .endswith("disguised as .pdf")


def test_not_a_docx_zip():
    """GIVEN a plain zip archive named .docx
    WHEN read
    THEN it is refused as not a Word document."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("data.csv", "a,b\n1,2\n")
    _refused(buf.getvalue(), "surat.docx", "not a Word document")


def test_wall_clock_limit_kills_slow_read(one):
    """GIVEN a scanned letter and a 0.5 s time limit
    WHEN read
    THEN the child (and its OCR grandchild) is killed and the file refused for time."""
    scan = specimen.make_scan(one)
    _refused(scan, "scan.pdf", "longer than|CPU", Limits(seconds=0.5), within=3.0)


def test_memory_limit(one):
    """GIVEN a DOCX whose 45 MB document.xml would need far more than the 200 MB memory limit
    WHEN read with the zip checks relaxed so that only the memory limit can stop it
    THEN the child runs out of memory and the file is refused for memory, host unharmed."""
    para = b"<w:p><w:r><w:t>Lorem ipsum dolor sit amet</w:t></w:r></w:p>"
    body = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body>" + para * 700_000 + b"</w:body></w:document>")
    big = _rezip(specimen.make_docx(one), replace={"word/document.xml": body})
    limits = Limits(memory_mb=200, max_ratio=10**6, max_decompressed=10**9)
    _refused(big, "surat.docx", "memory", limits, within=20)


def test_huge_image_refused():
    """GIVEN a PNG declaring 100 megapixels (a decompression bomb)
    WHEN read
    THEN it is refused by pixel count."""
    from PIL import Image
    buf = io.BytesIO()
    Image.new("1", (10000, 10000)).save(buf, "PNG")
    _refused(buf.getvalue(), "foto.png", "megapixels")


def test_an_image_no_page_is_shaped_like_is_refused_not_enlarged():
    """GIVEN a 16-megapixel PNG 40 pixels wide and 400,000 tall (enlarged to a page's width it
    would take 12 GB) WHEN read THEN it is refused as no page, within a few seconds."""
    from PIL import Image
    buf = io.BytesIO()
    Image.new("L", (40, 400_000), 255).save(buf, "PNG")
    _refused(buf.getvalue(), "foto.png", "not shaped like a page", within=10)


# -- active content (issue 14) ------------------------------------------------------------------
@pytest.fixture(scope="module")
def letters_each(fields):
    """Three different specimen letters: every variant is built from each of them."""
    return fields[:3]


@pytest.mark.parametrize("variant", sorted(H.HOSTILE_DOCX))
def test_hostile_docx_refused_in_bounded_time(letters_each, variant):
    """GIVEN a DOCX with a DOCTYPE behind a 64 KB comment, in a part Paraf never reads, in
    UTF-16, or with a macro project or an auto-loaded external relationship
    WHEN read, or disarmed for staff
    THEN it is refused both ways, fast, with an Indonesian reason saying why."""
    for fields in letters_each:
        bad = H.HOSTILE_DOCX[variant](specimen.make_docx(fields))
        reason = _refused(bad, "surat.docx", "ditolak", within=3.0)
        assert any(w in reason for w in ("DOCTYPE/ENTITY", "bermakro", "hubungan eksternal"))
        t = time.perf_counter()
        with pytest.raises(Refused, match="ditolak"):
            disarm(bad, "surat.docx")
        assert time.perf_counter() - t < 3.0


def test_docx_hyperlink_is_not_active(one):
    """GIVEN a DOCX whose letterhead links to the OPD's web site (clicked, never auto-loaded)
    WHEN read and disarmed
    THEN it is kept unchanged and read as usual."""
    docx = H.docx_hyperlink(specimen.make_docx(one))
    assert disarm(docx, "surat.docx").data == docx
    assert read_letter(docx, "surat.docx").nomor == one["nomor"]


def test_docx_dtd_far_into_a_large_part_is_found(one):
    """GIVEN a 30 MB document.xml whose ENTITY declaration is its last bytes
    WHEN disarmed
    THEN the whole part is streamed and the file refused within the time limit."""
    doc = zipfile.ZipFile(io.BytesIO(specimen.make_docx(one))).read("word/document.xml")
    big = doc + b"<!--" + b" " * (30 * 1024 * 1024) + b"--><!ENTITY late 'x'>"
    bad = _rezip(specimen.make_docx(one), replace={"word/document.xml": big})
    with pytest.raises(Refused, match="DOCTYPE/ENTITY"):
        disarm(bad, "surat.docx", Limits(max_ratio=10**6))


@pytest.mark.parametrize("variant", sorted(H.HOSTILE_PDF))
def test_hostile_pdf_is_cleaned(letters_each, variant):
    """GIVEN a letter PDF with OpenAction JavaScript, Launch, a page AA, an embedded file,
    XFA, JavaScript in the name tree (inside an object stream), a Launch link, RichMedia, or
    an obfuscated /J#61vaScript name
    WHEN disarmed
    THEN the copy has no active content left, the reason names what was removed (in
    Indonesian), and the cleaned letter still reads the same."""
    for fields in letters_each:
        clean = specimen.make_pdf(fields)
        bad = H.HOSTILE_PDF[variant](clean)
        assert H.active_left(bad), "the generator must really plant something"
        got = disarm(bad, "surat.pdf")
        assert got.removed and got.data != bad
        assert H.active_left(got.data) == set()
        assert "salinan bersih" in got.reason and "asli disimpan" in got.reason
        assert read_letter(got.data, "surat.pdf").nomor == read_letter(clean, "s.pdf").nomor


def test_clean_pdf_is_kept_byte_for_byte(one):
    """GIVEN an ordinary letter PDF (an OpenAction that only opens page 1 is no action)
    WHEN disarmed
    THEN the very same bytes come back: a signed letter keeps its signature."""
    import pikepdf
    pdf = specimen.make_pdf(one)
    with pikepdf.open(io.BytesIO(pdf)) as p:
        p.Root.OpenAction = pikepdf.Array([p.pages[0].obj, pikepdf.Name.Fit])
        out = io.BytesIO()
        p.save(out)
    goto = out.getvalue()
    assert disarm(pdf, "surat.pdf").data == pdf
    assert disarm(goto, "surat.pdf").data == goto


def test_pdf_that_cannot_be_checked_is_refused():
    """GIVEN bytes that start like a PDF but no parser can walk
    WHEN disarmed
    THEN it is refused (never passed through unchecked), in bounded time."""
    t = time.perf_counter()
    with pytest.raises(Refused):
        disarm(b"%PDF-1.7\n" + bytes(range(256)) * 40, "surat.pdf")
    assert time.perf_counter() - t < 5.0


def test_ole2_macro_document_refused():
    """GIVEN a legacy Word file (OLE2) carrying a VBA project
    WHEN disarmed
    THEN it is refused as a macro document; one without macros passes unchanged."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
    with pytest.raises(Refused, match="bermakro"):
        disarm(ole + "_VBA_PROJECT".encode("utf-16-le"), "lama.doc")
    assert disarm(ole, "lama.doc").data == ole


def test_macro_spreadsheet_appendix_refused_plain_one_kept():
    """GIVEN two spreadsheet appendices named .xlsx, one carrying a VBA project
    WHEN disarmed for staff
    THEN the macro one is refused as a macro document and the plain one kept unchanged."""
    def xlsx(extra: dict[str, bytes]) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
            z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
            for name, data in extra.items():
                z.writestr(name, data)
        return buf.getvalue()
    plain = xlsx({})
    assert disarm(plain, "anggaran.xlsx").data == plain
    with pytest.raises(Refused, match="bermakro"):
        disarm(xlsx({"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), "anggaran.xlsx")
