# SPDX-License-Identifier: AGPL-3.0-or-later
"""Verification verdicts: tampered bytes, appended updates, foreign trust roots, unsigned files."""
from __future__ import annotations

import io

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from pipeline.signing.keys import create_test_pkcs12
from pipeline.signing.sign import sha256, sign_pdf
from pipeline.signing.verify import verify_pdf
from tests.signing.conftest import JABATAN, NAME, NIP, VERIFY_URL, make_letter


@pytest.fixture(scope="module")
def signed(signer) -> bytes:
    return sign_pdf(make_letter("700/123/INSP/2025"), signer, name=NAME, jabatan=JABATAN, nip=NIP,
                    verification_code="7K2M-QX9D-H4TB", verify_url=VERIFY_URL)


def test_changed_letter_number_is_detected(signed, trust):
    """GIVEN a signed letter WHEN one digit of the letter number is changed in the signed bytes
    THEN verification says not intact and not ok."""
    assert signed.count(b"700/123/INSP") == 1
    forged = signed.replace(b"700/123/INSP", b"700/923/INSP")
    result = verify_pdf(forged, trust)
    assert result.signed and not result.intact and not result.ok
    assert any("changed after signing" in p for p in result.problems)
    assert result.sha256 == sha256(forged) != sha256(signed)


def test_altered_signature_value_is_invalid(signed, trust):
    """GIVEN a signed letter WHEN one hex digit of the RSA signature value is altered
    THEN the digest still matches but the signature is reported cryptographically invalid."""
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    end = signed.index(b">", start)
    used = signed[start:end].rstrip(b"0")  # the CMS blob, then zero padding
    pos = start + len(used) - 40  # inside the final field: the signature value
    flipped = b"1" if signed[pos:pos + 1] != b"1" else b"2"
    forged = signed[:pos] + flipped + signed[pos + 1:]
    result = verify_pdf(forged, trust)
    assert result.signed and result.intact and not result.valid and not result.ok
    assert any("signature is invalid" in p for p in result.problems)


def test_appended_update_changing_the_page_is_detected(signed, trust):
    """GIVEN a signed letter WHEN an incremental update replaces the page content
    THEN the signature itself still checks but the document is reported not intact."""
    w = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = w.root["/Pages"]["/Kids"][0].get_object()
    page["/Contents"] = w.add_object(generic.StreamObject(
        stream_data=b"BT /F1 11 Tf 72 740 Td (Nomor: 700/999/INSP/2025) Tj ET"))
    w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    result = verify_pdf(out.getvalue(), trust)
    assert result.signed and result.valid
    assert not result.intact and not result.ok
    assert any("added after signing" in p for p in result.problems)


def test_foreign_trust_root_is_valid_but_untrusted(signed, tmp_path):
    """GIVEN a signed letter WHEN verified against another CA, or no CA at all
    THEN valid and intact stay True but trusted is False, with a reason."""
    other = create_test_pkcs12(tmp_path / "other.p12", b"p", "Orang Lain", NIP, "Staf")
    for roots in ([other.with_suffix(".pem").read_bytes()], None):
        result = verify_pdf(signed, roots)
        verdict = (result.signed, result.intact, result.valid, result.trusted)
        assert verdict == (True, True, True, False)
        assert any("not trusted" in p for p in result.problems)


def test_unsigned_and_unreadable_files(trust):
    """GIVEN an unsigned PDF or random bytes WHEN verified THEN signed is False with a reason."""
    plain = verify_pdf(make_letter(), trust)
    assert not plain.signed and not plain.ok and plain.problems == ["the PDF has no signature"]
    junk = verify_pdf(b"\x00garbage" * 10, trust)
    assert not junk.signed and junk.problems and junk.sha256 == sha256(b"\x00garbage" * 10)
