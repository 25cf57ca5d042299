# SPDX-License-Identifier: AGPL-3.0-or-later
"""Checking a signed letter: is it signed, unchanged since, cryptographically valid, trusted?

Runs offline: trust comes only from the PEM roots the caller passes (the Inspector's CA), never
from the operating system's list, and no revocation data is fetched.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime

from pyhanko.keys import load_certs_from_pemder_data
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from pipeline.signing.sign import sha256

# A signing certificate must allow one of these; CAs differ in which they set.
_KEY_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"},
                                 match_all_key_usages=False)


@dataclass(frozen=True)
class VerifyResult:
    """What a verifier tells a citizen about a letter; details of the last signature."""

    signed: bool
    intact: bool  # the signed bytes match and nothing was appended after the signature
    valid: bool  # the signature itself checks out against the signer's certificate
    trusted: bool  # the certificate chains to one of the given roots
    signer_name: str | None
    signed_at: datetime | None
    sha256: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Everything a reader needs to rely on the letter."""
        return self.signed and self.intact and self.valid and self.trusted


def _context(trust_pem: list[bytes] | None) -> ValidationContext:
    roots = [c for pem in trust_pem or [] for c in load_certs_from_pemder_data(pem)]
    # An explicit (possibly empty) list: None would mean the OS trust store.
    return ValidationContext(trust_roots=roots, allow_fetching=False)


def verify_pdf(pdf: bytes, trust_pem: list[bytes] | None) -> VerifyResult:
    """Validate every signature in `pdf`: the verdict covers all, the name is from the last."""
    digest = sha256(pdf)
    try:
        sigs = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures
    except (PdfError, ValueError, KeyError, IndexError) as e:
        return VerifyResult(False, False, False, False, None, None, digest,
                            [f"the file cannot be read as a PDF: {e}"])
    if not sigs:
        return VerifyResult(False, False, False, False, None, None, digest,
                            ["the PDF has no signature"])
    problems: list[str] = []
    intact = valid = trusted = True
    name = signed_at = None
    for i, sig in enumerate(sigs):
        label = f"signature {sig.field_name!r}"
        try:
            status = validate_pdf_signature(sig, _context(trust_pem),
                                            key_usage_settings=_KEY_USAGE)
        except Exception as e:  # pyHanko raises many types on malformed signatures
            problems.append(f"{label} could not be validated: {e}")
            intact = valid = trusted = False
            continue
        last = i == len(sigs) - 1
        if not status.intact:
            problems.append(f"{label}: the document was changed after signing (digest mismatch)")
        if last and status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            level = status.modification_level
            problems.append(f"{label}: content was added after signing"
                            f" (coverage {status.coverage.name if status.coverage else None},"
                            f" modification {level.name if level else 'unknown'})")
            intact = False
        elif not last and status.docmdp_ok is False:
            problems.append(f"{label}: later changes exceed what the signer permitted")
            intact = False
        intact = intact and status.intact
        if not status.valid:
            problems.append(f"{label}: the cryptographic signature is invalid")
        valid = valid and status.valid
        if not status.trusted:
            why = status.trust_problem_indic.name if status.trust_problem_indic else "unknown"
            problems.append(f"{label}: the signer's certificate is not trusted ({why})")
        trusted = trusted and status.trusted
        cert_subject = status.signing_cert.subject.native
        name = cert_subject.get("common_name")
        signed_at = status.signer_reported_dt or sig.self_reported_timestamp
    return VerifyResult(True, intact, valid, trusted, name, signed_at, digest, problems)
