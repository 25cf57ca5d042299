# SPDX-License-Identifier: AGPL-3.0-or-later
"""PAdES signing of a finished letter PDF, with a visible block and a verification QR code.

The signature is appended as an incremental update, so the letter bytes LibreOffice produced stay
untouched under the signature. The visible block says who signed (name, jabatan, NIP) and carries
a QR code pointing at the public verification page for this letter's code.
"""
from __future__ import annotations

import hashlib
import io
import re
import secrets

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.stamp import QRPosition, QRStampStyle

from pipeline.signing.errors import SigningError

FIELD_NAME = "TandaTanganInspektur"

# A4 is 595 x 842 pt; bottom-right, clear of a footer of about 2.5 cm.
DEFAULT_BOX = (300, 80, 565, 180)

HEADING = "Ditandatangani secara elektronik oleh"

# Crockford base32: no I, L, O, U, so a code read aloud or retyped is unambiguous.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_CHARS = 12  # 60 bits


def sha256(data: bytes) -> str:
    """Hex SHA-256, the fingerprint stored next to each signed letter."""
    return hashlib.sha256(data).hexdigest()


def verification_code() -> str:
    """A fresh random code like "7K2M-QX9D-H4TB" (60 bits); the caller stores it with the letter."""
    n = secrets.randbits(5 * _CODE_CHARS)
    chars = "".join(_ALPHABET[(n >> (5 * i)) & 31] for i in range(_CODE_CHARS))
    return "-".join(chars[i:i + 4] for i in range(0, _CODE_CHARS, 4))


def normalize_code(text: str) -> str:
    """Canonical form of a code a person typed: case, spaces and look-alike letters forgiven."""
    raw = re.sub(r"[\s-]", "", text.upper()).translate(str.maketrans("OIL", "011"))
    if len(raw) != _CODE_CHARS or any(c not in _ALPHABET for c in raw):
        raise SigningError(f"not a verification code: {text!r}")
    return "-".join(raw[i:i + 4] for i in range(0, _CODE_CHARS, 4))


def format_nip(nip: str) -> str:
    """NIP as printed on official documents: 8-6-1-3 digits, e.g. "19700101 199503 1 001"."""
    digits = re.sub(r"\s", "", nip)
    if not re.fullmatch(r"\d{18}", digits):
        raise SigningError(f"NIP must be 18 digits, got {nip!r}")
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def verify_link(verify_url: str, code: str) -> str:
    """The URL in the QR code: `{code}` in `verify_url` is replaced, else the code is appended."""
    if "{code}" in verify_url:
        return verify_url.replace("{code}", code)
    return verify_url.rstrip("/") + "/" + code


def _style() -> QRStampStyle:
    # Values go in through text params, never into the template, so a '%' in a name is harmless.
    return QRStampStyle(
        stamp_text=f"{HEADING}\n%(nama)s\n%(jabatan)s\nNIP. %(nip)s\nKode: %(kode)s",
        border_width=0,
        qr_position=QRPosition.LEFT_OF_TEXT,
    )


def sign_pdf(pdf: bytes, signer: signers.Signer, *, name: str, jabatan: str, nip: str,
             verification_code: str, verify_url: str,
             reason: str = "Ditandatangani secara elektronik", location: str = "Pekalongan",
             page: int = -1, box: tuple[int, int, int, int] = DEFAULT_BOX) -> bytes:
    """Return `pdf` with a PAdES baseline-B signature and a visible signature block.

    `page` counts from 0; negative counts from the back (-1 = last page). `box` is
    (x1, y1, x2, y2) in PDF points from the bottom-left corner.
    """
    nip_text = format_nip(nip)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=name,
    )
    pdf_signer = signers.PdfSigner(
        meta, signer=signer, stamp_style=_style(),
        new_field_spec=fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=page, box=box),
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        out = pdf_signer.sign_pdf(writer, appearance_text_params={
            "url": verify_link(verify_url, verification_code),
            "nama": name, "jabatan": jabatan, "nip": nip_text, "kode": verification_code,
        })
    except (PdfError, IndexError) as e:
        raise SigningError(f"cannot sign this PDF: {e}") from e
    return out.getvalue()
