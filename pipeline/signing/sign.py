# SPDX-License-Identifier: AGPL-3.0-or-later
"""PAdES signing of a finished letter PDF, with a visible block and a verification QR code.

The signature is appended as an incremental update, so the letter bytes LibreOffice produced stay
untouched under the signature. The visible block says who signed (name, NIP) and carries a QR code
pointing at the public verification page for this letter's code. It stands in the letter's own
signature space, between the jabatan and the name (see `place`), and its font is embedded so
the file stays archivable (PDF/A).
"""
from __future__ import annotations

import hashlib
import io
import re
import secrets
from functools import lru_cache
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.stamp import QRPosition, QRStampStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from pipeline.signing import place
from pipeline.signing.errors import SigningError
from pipeline.signing.stampfont import StampFont

FIELD_NAME = "TandaTanganInspektur"

HEADING = "Ditandatangani secara elektronik oleh"
FONT_SIZE = 7
# The stamp's font, embedded (subset) in the signed PDF: metric-compatible Arial first, as the
# letter itself uses, then DejaVu Sans. Debian paths; `[signing] stamp_font` may name another.
FONTS = ("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
         "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
         "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

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


def font_file(configured: str | None = None) -> str:
    """The TrueType file the stamp is drawn with; SigningError when none is installed."""
    for candidate in ((configured,) if configured else FONTS):
        if candidate and Path(candidate).is_file():
            return candidate
    raise SigningError("no font for the signature block: install fonts-liberation2 or "
                       "fonts-dejavu-core, or set [signing] stamp_font to a .ttf file")


@lru_cache(maxsize=4)
def _style(font: str) -> QRStampStyle:
    # Values go in through text params, never into the template, so a '%' in a name is harmless.
    return QRStampStyle(
        stamp_text=f"{HEADING}\n%(nama)s\nNIP. %(nip)s\nKode verifikasi: %(kode)s",
        text_box_style=TextBoxStyle(font=StampFont(font, font_size=FONT_SIZE),
                                    font_size=FONT_SIZE, leading=FONT_SIZE + 2),
        border_width=0, innsep=2,
        qr_position=QRPosition.LEFT_OF_TEXT,
    )


def block_lines(name: str, nip_text: str, code: str) -> list[str]:
    return [HEADING, name, f"NIP. {nip_text}", f"Kode verifikasi: {code}"]


def block_width(lines: list[str]) -> float:
    """The block's width at full height: the QR square plus the widest line (Arial metrics)."""
    text = max(stringWidth(line, "Helvetica", FONT_SIZE) for line in lines)
    return place.MAX_HEIGHT + text + 8


def _blank_page(writer, size: tuple[float, float]) -> None:
    """A last page for the block when the letter's last page has no free space left."""
    writer.insert_page(generic.DictionaryObject({
        generic.pdf_name("/Type"): generic.pdf_name("/Page"),
        generic.pdf_name("/MediaBox"): generic.ArrayObject(
            [generic.FloatObject(v) for v in (0, 0, *size)]),
        generic.pdf_name("/Resources"): generic.DictionaryObject(),
        generic.pdf_name("/Contents"): writer.add_object(generic.StreamObject(stream_data=b"")),
    }))


def sign_pdf(pdf: bytes, signer: signers.Signer, *, name: str, jabatan: str, nip: str,
             verification_code: str, verify_url: str,
             reason: str = "Ditandatangani secara elektronik", location: str = "Pekalongan",
             page: int | None = None, box: tuple[float, float, float, float] | None = None,
             font: str | None = None, timestamper=None, validation_context=None) -> bytes:
    """Return `pdf` with a PAdES signature and a visible signature block.

    Baseline B by default; B-T with a `timestamper` (an RFC 3161 client: the signature gets a
    signature timestamp); B-LT when a `validation_context` that may fetch is given too (the
    chain's OCSP responses or CRLs go into the document security store). A TSA failure raises
    (the caller decides whether to sign without it).

    By default the block goes into the signature space of the letter (`place.find`). `page`
    counts from 0, negative from the back; `box` is (x1, y1, x2, y2) in PDF points from the
    bottom-left corner; both given, they override the search.
    """
    nip_text = format_nip(nip)
    font = font_file(font)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=name,
        embed_validation_info=validation_context is not None,
        validation_context=validation_context,
    )
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        if box is None:
            spot = place.find(pdf, name, block_width(block_lines(name, nip_text,
                                                                 verification_code)))
            if spot.new_page:
                _blank_page(writer, spot.page_size)
            page, box = spot.page, spot.box
        elif page is None:
            page = -1
        pdf_signer = signers.PdfSigner(
            meta, signer=signer, stamp_style=_style(font), timestamper=timestamper,
            new_field_spec=fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=page,
                                               box=tuple(round(v, 2) for v in box)))
        out = pdf_signer.sign_pdf(writer, appearance_text_params={
            "url": verify_link(verify_url, verification_code),
            "nama": name, "jabatan": jabatan, "nip": nip_text, "kode": verification_code,
        })
    except (PdfError, IndexError, ValueError) as e:
        raise SigningError(f"cannot sign this PDF: {e}") from e
    return out.getvalue()
