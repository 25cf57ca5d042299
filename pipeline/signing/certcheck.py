# SPDX-License-Identifier: AGPL-3.0-or-later
"""Is the Inspector's certificate fit to sign today? Checked once per batch, before any number.

A certificate as an office gets it from the national CA comes with intermediate CAs; the chain
is built from the PKCS#12's own certificates up to a configured root. Expired or not yet valid:
refused. Revoked, as the CA's OCSP responder or CRL says: refused. When the revocation service
cannot be reached, signing goes on (the validity is then proven later from the embedded
revocation data or the archive timestamp): an outage must never stop the letters.
"""
from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from pyhanko.keys import load_certs_from_pemder_data
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import (
    ExpiredError,
    InsufficientRevinfoError,
    NotYetValidError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
)

from pipeline.signing.errors import SigningError

_WHEN = "%d-%m-%Y %H:%M UTC"


def validation_context(trust_pem: list[bytes], *, fetch: bool, moment: datetime | None = None,
                       other_certs=()) -> ValidationContext:
    roots = [c for pem in trust_pem for c in load_certs_from_pemder_data(pem)]
    return ValidationContext(trust_roots=roots, other_certs=list(other_certs),
                             allow_fetching=fetch, revocation_mode="soft-fail", moment=moment)


def check_signer(signer, trust_pem: list[bytes], now: datetime | None = None,
                 fetch: bool = True) -> None:
    """Raise SigningError, in Indonesian, when the signer's certificate must not sign now."""
    now = now or datetime.now(timezone.utc)
    cert = signer.signing_cert
    start, end = cert.not_valid_before, cert.not_valid_after
    if now > end:
        raise SigningError(f"Sertifikat penanda tangan ({_subject(cert)}) sudah kedaluwarsa "
                           f"sejak {end:{_WHEN}}. Surat tidak ditandatangani; minta sertifikat "
                           f"baru kepada penyelenggara sertifikasi elektronik.")
    if now < start:
        raise SigningError(f"Sertifikat penanda tangan ({_subject(cert)}) baru berlaku mulai "
                           f"{start:{_WHEN}}. Surat tidak ditandatangani.")
    if not trust_pem:
        return                      # no configured root: nothing to build a chain to
    others = list(signer.cert_registry) if signer.cert_registry is not None else []
    vc = validation_context(trust_pem, fetch=fetch, moment=now)
    validator = CertificateValidator(cert, intermediate_certs=others, validation_context=vc)

    async def validate():
        try:
            await validator.async_validate_usage(set())
        finally:
            await vc.aclose()           # the fetchers' HTTP session, in its own loop
    try:
        asyncio.run(validate())
    except RevokedError as e:
        raise SigningError(f"Sertifikat penanda tangan ({_subject(cert)}) telah DICABUT oleh "
                           f"penerbitnya ({e}). Surat tidak ditandatangani; hubungi "
                           f"penyelenggara sertifikasi elektronik.") from None
    except (ExpiredError, NotYetValidError) as e:
        raise SigningError(f"Rantai sertifikat penanda tangan tidak berlaku saat ini ({e}). "
                           f"Surat tidak ditandatangani.") from None
    except InsufficientRevinfoError:
        return                      # the CA's revocation service is unreachable: go on
    except (PathBuildingError, PathValidationError) as e:
        raise SigningError(f"Sertifikat penanda tangan ({_subject(cert)}) tidak berantai ke "
                           f"sertifikat akar yang dipercaya ([signing] trust_pem): {e}. "
                           f"Surat tidak ditandatangani.") from None


def _subject(cert) -> str:
    return cert.subject.native.get("common_name") or cert.subject.human_friendly
