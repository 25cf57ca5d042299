# SPDX-License-Identifier: AGPL-3.0-or-later
"""Signing a letter: PAdES signature, visible block text, QR content, helper formats."""
from __future__ import annotations

import io
import re
import time
from datetime import datetime, timedelta, timezone

import pytest
import qrcode
from pyhanko.pdf_utils.reader import PdfFileReader

from pipeline.signing import SigningError
from pipeline.signing.sign import (
    format_nip,
    normalize_code,
    sha256,
    sign_pdf,
    verification_code,
    verify_link,
)
from pipeline.signing.verify import verify_pdf
from tests.signing.conftest import JABATAN, NAME, NIP, VERIFY_URL, make_letter

CODE = "7K2M-QX9D-H4TB"


def _sign(signer, pdf: bytes, code: str = CODE, **kw) -> bytes:
    return sign_pdf(pdf, signer, name=NAME, jabatan=JABATAN, nip=NIP, verification_code=code,
                    verify_url=VERIFY_URL, **kw)


@pytest.fixture(scope="module")
def signed(signer) -> bytes:
    return _sign(signer, make_letter())


def _widget(pdf: bytes):
    """(page index, widget dict) of the one signature widget in the file."""
    pages = PdfFileReader(io.BytesIO(pdf)).root["/Pages"]["/Kids"]
    found = [(i, a.get_object()) for i, p in enumerate(pages)
             for a in p.get_object().get("/Annots", []) if a.get_object().get("/FT") == "/Sig"]
    assert len(found) == 1
    return found[0]


def test_signed_letter_verifies_and_names_the_signer(signed, trust):
    """GIVEN a letter signed with the test key WHEN verified against the test CA
    THEN it is signed, intact, valid and trusted, names the CN, and the time is now."""
    result = verify_pdf(signed, trust)
    assert (result.signed, result.intact, result.valid, result.trusted) == (True,) * 4
    assert result.ok and result.problems == []
    assert result.signer_name == NAME
    assert result.sha256 == sha256(signed)
    assert abs(result.signed_at - datetime.now(timezone.utc)) < timedelta(minutes=5)


def test_signature_is_pades_incremental_with_reason_and_location(signed):
    """GIVEN a signed letter THEN the original bytes are untouched (incremental update) and the
    signature dictionary is ETSI.CAdES.detached with the reason and location."""
    original = make_letter()
    assert signed.startswith(original[: original.rindex(b"%%EOF")])
    sig = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0].sig_object
    assert sig["/SubFilter"] == "/ETSI.CAdES.detached"
    assert sig["/Reason"] == "Ditandatangani secara elektronik"
    assert sig["/Location"] == "Pekalongan"


def _flattened_text(pdf: bytes, page: int) -> str:
    """The page's text with the signature appearance painted in, as a reader sees it."""
    import pikepdf
    import pypdfium2 as pdfium
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.flatten_annotations(mode="all")
        out = io.BytesIO()
        doc.save(out)
    return pdfium.PdfDocument(out.getvalue())[page].get_textpage().get_text_range()


def test_visible_block_carries_name_nip_and_code_in_an_embedded_font(signed):
    """GIVEN a signed one-page letter WHEN its signature appearance is painted onto the page
    THEN the page's text holds the heading, name, spaced NIP and code, the block lies on the
    paper, and the block's font is embedded (a subset with a ToUnicode map)."""
    page, widget = _widget(signed)
    assert page == 0
    text = " ".join(_flattened_text(signed, 0).split())
    for line in ("Ditandatangani secara elektronik oleh", NAME,
                 "NIP. 19700101 199503 1 001", f"Kode verifikasi: {CODE}"):
        assert line in text, line
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    assert 0 < x1 < x2 <= 595 and 0 < y1 < y2 <= 842 and y2 - y1 >= 34
    fonts = widget["/AP"]["/N"].get_object()["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        descendant = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"] or \
            "/FontFile3" in descendant["/FontDescriptor"]
        assert "/ToUnicode" in font


def test_qr_code_encodes_the_verification_link(signed):
    """GIVEN a signed letter WHEN reading the QR XObject's dark modules
    THEN they are exactly the QR matrix of the verification URL for this code."""
    _, widget = _widget(signed)
    xobjects = widget["/AP"]["/N"].get_object()["/Resources"]["/XObject"]
    drawn = xobjects["/QR"].get_object().data.decode()
    dark = {(int(c), int(r)) for c, r in re.findall(r"^(\d+) (\d+) 1 1 re$", drawn, re.M)}
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    url = verify_link(VERIFY_URL, CODE)
    assert url == "https://paraf.pekalongankota.go.id/verifikasi/7K2M-QX9D-H4TB"
    qr.add_data(url)
    qr.make()
    expected = {(c, r) for r, row in enumerate(qr.modules) for c, on in enumerate(row) if on}
    assert dark == expected


def test_default_page_is_the_last_page(signer):
    """GIVEN a three-page letter WHEN signed with defaults THEN the block is on page 3;
    with page=0 and an explicit box it is on page 1."""
    letter = make_letter(pages=3)
    assert _widget(_sign(signer, letter))[0] == 2
    assert _widget(_sign(signer, letter, page=0, box=(300, 80, 565, 180)))[0] == 0


def test_bad_inputs_raise_signing_error(signer):
    """GIVEN a malformed NIP or bytes that are not a PDF WHEN signing THEN SigningError."""
    with pytest.raises(SigningError, match="NIP must be 18 digits"):
        sign_pdf(make_letter(), signer, name=NAME, jabatan=JABATAN, nip="1970-01",
                 verification_code=CODE, verify_url=VERIFY_URL)
    with pytest.raises(SigningError, match="cannot sign"):
        _sign(signer, b"not a pdf at all")


def test_helpers_format_nip_codes_and_links():
    """GIVEN the helper functions THEN NIP is 8-6-1-3, codes are 12 unambiguous chars in groups of
    4 and unique, typed codes normalize, and links take {code} or get it appended."""
    assert format_nip("19700101 199503 1 001") == format_nip(NIP) == "19700101 199503 1 001"
    codes = {verification_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}", c) for c in codes)
    assert normalize_code(" 7k2m qx9d-h4tb ") == CODE
    assert normalize_code("OIL0-0000-0000") == "0110-0000-0000"
    with pytest.raises(SigningError):
        normalize_code("ABCD-EFGH")
    assert verify_link("https://x.go.id/v/", "A") == "https://x.go.id/v/A"
    assert verify_link("https://x.go.id/v?kode={code}", "A") == "https://x.go.id/v?kode=A"
    assert sha256(b"abc").startswith("ba7816bf")


def test_timing_ten_letters(signer, trust):
    """GIVEN ten letters WHEN signed one after another THEN each differs and verifies;
    the per-letter time is printed (a report, not a limit)."""
    letters = [make_letter(f"700/{n}/INSP/2025") for n in range(10)]
    start = time.perf_counter()
    out = [_sign(signer, pdf, code=verification_code()) for pdf in letters]
    per_letter = (time.perf_counter() - start) / len(letters)
    print(f"\nsigning time per letter: {per_letter * 1000:.1f} ms")
    assert len({sha256(o) for o in out}) == 10
    assert all(verify_pdf(o, trust).ok for o in out)
