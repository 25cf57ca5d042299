# SPDX-License-Identifier: AGPL-3.0-or-later
"""Long-term validity against a REAL TSA, OCSP responder and CRLs on loopback (certomancer's
animator, a PKI with an intermediate CA as the national CA issues), checked with pyHanko's
validator: B-T, B-LT, B-LTA; a TSA outage signs B-B; expired and revoked certificates refused."""
from __future__ import annotations

import dataclasses
import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore

from pipeline.core.config import Config, Signing
from pipeline.signing.certcheck import check_signer, validation_context
from pipeline.signing.errors import SigningError
from pipeline.signing.keys import load_signer
from pipeline.signing.ltv import LongTermSigner, archive_timestamp, level_of
from pipeline.signing.verify import verify_pdf
from tests.signing.conftest import NIP, VERIFY_URL, make_letter
from tests.web.live import free_port

PASS = b"kunci-psre"
NAME = "Drs. BAMBANG HARYANTO, M.Si."


def _cfg(tsa_url: str, embed: bool = False) -> Config:
    return dataclasses.replace(Config(), signing=dataclasses.replace(
        Signing(), tsa_url=tsa_url, embed_validation=embed, tsa_timeout=3))


def _sign(pki, cfg, label="signer"):
    signer = load_signer(pki.pkcs12(label, PASS), PASS)
    ltv = LongTermSigner(cfg, [pki.root_pem()])
    pdf, level = ltv.sign(make_letter(), signer, name=NAME, jabatan="Inspektur", nip=NIP,
                          verification_code="7K2M-QX9D-H4TB", verify_url=VERIFY_URL)
    return pdf, level, ltv


def _offline(pki, pdf: bytes):
    """pyHanko's validation with fetching OFF and revocation checking HARD: it passes only
    with the revocation data the file itself carries."""
    reader = PdfFileReader(io.BytesIO(pdf))
    dss = DocumentSecurityStore.read_dss(reader)
    vc = dss.as_validation_context({"trust_roots": _roots(pki), "allow_fetching": False,
                                    "revocation_mode": "hard-fail"})
    return validate_pdf_signature(reader.embedded_regular_signatures[0], vc)


def _roots(pki):
    from pyhanko.keys import load_certs_from_pemder_data
    return list(load_certs_from_pemder_data(pki.root_pem()))


def test_a_tsa_gives_b_t_with_the_tsa_time(pki):
    """GIVEN a TSA configured WHEN a letter is signed THEN the signature carries a timestamp
    token that pyHanko validates and trusts (PAdES B-T), and the letter verifies through the
    intermediate CA against the root alone."""
    pdf, level, _ = _sign(pki, _cfg(pki.tsa_url))
    assert level == level_of(pdf) == "B-T"
    reader = PdfFileReader(io.BytesIO(pdf))
    status = validate_pdf_signature(reader.embedded_regular_signatures[0],
                                    validation_context([pki.root_pem()], fetch=True))
    assert status.bottom_line
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    assert verify_pdf(pdf, [pki.root_pem()]).ok


def test_embedded_validation_gives_b_lt_valid_offline_with_hard_revocation_checks(pki):
    """GIVEN embed_validation on WHEN a letter is signed THEN the DSS holds OCSP/CRL data for
    the chain, and pyHanko validates it with fetching off and hard-fail revocation (B-LT)."""
    pdf, level, _ = _sign(pki, _cfg(pki.tsa_url, embed=True))
    assert level == level_of(pdf) == "B-LT"
    dss = DocumentSecurityStore.read_dss(PdfFileReader(io.BytesIO(pdf)))
    assert dss.ocsps or dss.crls
    status = _offline(pki, pdf)
    assert status.bottom_line and status.timestamp_validity.trusted


def test_archive_timestamp_gives_b_lta(pki):
    """GIVEN a B-LT letter WHEN `archive_timestamp` runs THEN a document timestamp is added
    that pyHanko validates, the original signature still validates offline (B-LTA)."""
    pdf, _, _ = _sign(pki, _cfg(pki.tsa_url, embed=True))
    stamped = archive_timestamp(pdf, _cfg(pki.tsa_url, embed=True), [pki.root_pem()])
    assert stamped.startswith(pdf) and level_of(stamped) == "B-LTA"
    reader = PdfFileReader(io.BytesIO(stamped))
    ts_status = validate_pdf_timestamp(reader.embedded_timestamp_signatures[-1],
                                       validation_context([pki.root_pem()], fetch=True))
    assert ts_status.valid and ts_status.trusted
    assert _offline(pki, stamped).bottom_line


def test_an_unreachable_tsa_signs_b_b_and_tries_once_per_batch(pki):
    """GIVEN a TSA URL nobody answers WHEN two letters are signed THEN both are signed B-B
    and valid, and the signer stopped asking the TSA after the first failure."""
    cfg = _cfg(f"http://127.0.0.1:{free_port()}/tsa")
    pdf, level, ltv = _sign(pki, cfg)
    assert level == "B-B" and ltv.tsa_down and level_of(pdf) == "B-B"
    assert verify_pdf(pdf, [pki.root_pem()]).ok
    assert ltv.target() == "B-B"


@pytest.mark.parametrize("label, words", [("expired", "kedaluwarsa"), ("revoked", "DICABUT")])
def test_expired_or_revoked_certificates_are_refused(pki, label, words):
    """GIVEN a certificate that expired yesterday, or that the CA's OCSP responder says was
    revoked WHEN checked before signing THEN SigningError in Indonesian says which."""
    signer = load_signer(pki.pkcs12(label, PASS), PASS)
    with pytest.raises(SigningError, match=words):
        check_signer(signer, [pki.root_pem()])
    check_signer(load_signer(pki.pkcs12("signer", PASS), PASS), [pki.root_pem()])
