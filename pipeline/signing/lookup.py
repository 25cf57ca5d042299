# SPDX-License-Identifier: AGPL-3.0-or-later
"""What a verification code tells the public, and what a received PDF is, checked against it.

Shared by the public page `/verifikasi/<code>` and `paraf verify --code`. The public view holds
only what the letter itself prints (number, date, addressee, Hal, the signer's name and
jabatan) plus the signing time and the SHA-256 of the file Paraf sent: never the sender's
address, the questions' author or any other case detail.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, OutgoingLetter
from pipeline.signing.errors import SigningError
from pipeline.signing.sign import normalize_code, sha256
from pipeline.signing.verify import VerifyResult, verify_pdf


@dataclass(frozen=True)
class PublicLetter:
    """The facts of one signed letter that anyone holding its code may read."""
    code: str
    number: str
    date: date
    addressee: str
    hal: str
    signer_name: str
    signer_jabatan: str
    signed_at: datetime
    sha256: str
    pdf_path: str


@dataclass(frozen=True)
class Check:
    """A received PDF compared with the letter its code names."""
    same_file: bool          # byte for byte the letter Paraf sent
    signature: VerifyResult  # intact, valid, trusted, on its own terms

    @property
    def verdict(self) -> str:
        """One Indonesian sentence for the reader."""
        if self.same_file and self.signature.ok:
            return ("Berkas ini sama persis dengan surat yang kami kirim, dan tanda tangan "
                    "elektroniknya utuh dan terpercaya.")
        if self.same_file:
            return ("Berkas ini sama persis dengan surat yang kami kirim, tetapi tanda tangan "
                    "elektroniknya tidak dapat dipastikan terpercaya di server ini.")
        if not self.signature.signed:
            return ("Berkas ini BUKAN surat yang kami kirim dengan kode ini, dan tidak "
                    "bertanda tangan elektronik.")
        return ("Berkas ini BUKAN surat yang kami kirim dengan kode ini: isinya berbeda atau "
                "telah diubah. Jangan gunakan berkas ini sebagai surat resmi.")


def find(session, code: str, officials=None, zone: str = "Asia/Jakarta") -> PublicLetter | None:
    """The letter with verification CODE (typed in any case, with or without dashes), or None
    for a code that is malformed or unknown: the caller answers both alike."""
    try:
        canonical = normalize_code(code)
    except SigningError:
        return None
    row = session.execute(select(OutgoingLetter, AgendaEntry)
                          .join(AgendaEntry, AgendaEntry.id == OutgoingLetter.entry_id)
                          .where(OutgoingLetter.verification_code == canonical)).first()
    if row is None:
        return None
    out, entry = row
    signer = (officials or {}).get(out.signed_by)
    signed_at = utc(out.signed_at)
    return PublicLetter(
        code=canonical, number=out.number,
        date=signed_at.astimezone(ZoneInfo(zone)).date(),
        addressee=entry.opd_name or entry.sender_name or "-",
        hal=(entry.letter or {}).get("hal") or entry.subject or "-",
        signer_name=signer.name if signer else out.signed_by,
        signer_jabatan=_jabatan(out, signer, officials or {}),
        signed_at=signed_at, sha256=out.pdf_sha256, pdf_path=out.pdf_path)


def _jabatan(out: OutgoingLetter, signer, officials: dict) -> str:
    """As the letter's signature block says it: "Plt. Inspektur …", "a.n. Inspektur …, …"."""
    if signer is None:
        return "-"
    inspector = next((o for o in officials.values() if o.is_inspector), None)
    if out.signed_as == "plt" and inspector is not None:
        return f"Plt. {inspector.jabatan}"
    if out.signed_as == "an" and inspector is not None:
        return f"a.n. {inspector.jabatan}, {signer.jabatan}"
    return signer.jabatan


def check(letter: PublicLetter, pdf: bytes, trust_pem: list[bytes]) -> Check:
    """Is PDF the very file sent under this code, and does its signature hold on its own?"""
    return Check(same_file=sha256(pdf) == letter.sha256, signature=verify_pdf(pdf, trust_pem))


def trust_roots(cfg) -> list[bytes]:
    """The configured trust anchors (PEM, one or more certificates per file): the national
    CA's root for real keys, the test CA for test keys. Intermediates come from the PDF."""
    path = cfg.path(cfg.signing.trust_pem)
    return [path.read_bytes()] if path.exists() else []


def officials_of(app) -> dict:
    workflow = app.workflow
    return dict(workflow.by_code) if workflow is not None else {}
