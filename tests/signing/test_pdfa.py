# SPDX-License-Identifier: AGPL-3.0-or-later
"""Archive-ready letters: LibreOffice writes PDF/A-2b, and the signed file, signature block
included, embeds every font it uses."""
from __future__ import annotations

import io

import pikepdf
import pytest

from pipeline.signing import convert
from pipeline.signing.sign import sign_pdf
from pipeline.signing.verify import verify_pdf
from tests.drafting import INSPECTOR
from tests.signing.conftest import NIP, VERIFY_URL
from tests.signing.test_placement import _answer_letter

pytestmark = pytest.mark.skipif(convert.soffice() is None, reason="LibreOffice is not installed")


def _fonts(pdf: pikepdf.Pdf):
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
            yield obj


def _embedded(font) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True                             # its glyphs are content streams
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(k in descriptor for k in
                                          ("/FontFile", "/FontFile2", "/FontFile3"))


def test_the_signed_letter_is_pdf_a_2b_with_every_font_embedded(signer, trust):
    """GIVEN an answer converted by LibreOffice and signed WHEN read with pikepdf THEN its XMP
    says PDF/A-2B, every font object (the letter's and the signature block's) carries its font
    program, and the signature still verifies."""
    pdf = convert.to_pdf([_answer_letter(4, 20, 7)])[0]
    signed = sign_pdf(pdf, signer, name=INSPECTOR["name"], jabatan=INSPECTOR["jabatan"],
                      nip=NIP, verification_code="7K2M-QX9D-H4TB", verify_url=VERIFY_URL)
    with pikepdf.open(io.BytesIO(signed)) as doc:
        meta = doc.open_metadata()
        assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("2", "B")
        fonts = list(_fonts(doc))
        names = {str(f.get("/BaseFont")) for f in fonts}
        assert len(fonts) >= 2 and any("Liberation" in n or "DejaVu" in n for n in names)
        missing = [str(f.get("/BaseFont")) for f in fonts if not _embedded(f)]
        assert missing == []
        widget_fonts = [f for f in fonts if f.get("/Subtype") == "/Type0"]
        assert widget_fonts, "the signature block's font is not in the file"
    assert verify_pdf(signed, trust).ok
