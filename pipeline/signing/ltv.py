# SPDX-License-Identifier: AGPL-3.0-or-later
"""Long-term validity of signed letters: PAdES B-T, B-LT and B-LTA.

* B-T: the signature carries an RFC 3161 timestamp from the TSA in `[signing] tsa_url`, so the
  signing time is the TSA's, not the signer's own clock.
* B-LT: with `[signing] embed_validation = true`, the OCSP responses or CRLs of the signer's
  chain (and the TSA's) are put in the document security store (DSS), so the letter can be
  validated after the CA's services are gone.
* B-LTA: `paraf archive timestamp` adds the revocation data of the last timestamp and a new
  document timestamp, before the certificates or the previous timestamp expire.

When the TSA cannot be reached the letter is signed B-B, marked so, and the worker adds a
document timestamp later: sending is never blocked by a TSA outage.
"""
from __future__ import annotations

import io
import logging
import os
from collections.abc import Mapping

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.timestamps.aiohttp_client import HTTPTimeStamper
from pyhanko.sign.validation import add_validation_info
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.generic_cms import extract_tst_data_iter

from pipeline.signing.certcheck import validation_context
from pipeline.signing.sign import sign_pdf

log = logging.getLogger(__name__)
TSA_USER_ENV, TSA_PASSWORD_ENV = "PARAF_TSA_USER", "PARAF_TSA_PASSWORD"
LEVELS = ("B-B", "B-T", "B-LT", "B-LTA")


def timestamper(cfg, env: Mapping[str, str] = os.environ) -> HTTPTimeStamper | None:
    """The TSA client of `[signing] tsa_url`, or None when no TSA is configured."""
    url = cfg.signing.tsa_url
    if not url:
        return None
    user, password = env.get(TSA_USER_ENV), env.get(TSA_PASSWORD_ENV)
    return HTTPTimeStamper(url, timeout=cfg.signing.tsa_timeout,
                           auth=(user, password or "") if user else None)


class LongTermSigner:
    """Signs each letter at the best level the configuration and the TSA allow.

    After one TSA failure the rest of the batch is signed B-B without trying again, so an
    outage costs one timeout per batch, not one per letter.
    """

    def __init__(self, cfg, trust_pem: list[bytes], env: Mapping[str, str] = os.environ):
        self.cfg, self.trust_pem = cfg, trust_pem
        self.tsa = timestamper(cfg, env)
        self.tsa_down = False

    def target(self) -> str:
        if self.tsa is None or self.tsa_down:
            return "B-B"
        return "B-LT" if self.cfg.signing.embed_validation else "B-T"

    def sign(self, pdf: bytes, signer, **kw) -> tuple[bytes, str]:
        """(signed bytes, PAdES level reached)."""
        level = self.target()
        if level != "B-B":
            vc = (validation_context(self.trust_pem, fetch=True) if level == "B-LT" else None)
            try:
                return sign_pdf(pdf, signer, timestamper=self.tsa, validation_context=vc,
                                **kw), level
            except OSError as e:            # TimestampRequestError is an OSError
                log.warning("TSA %s unreachable (%s): signing B-B, timestamp later",
                            self.cfg.signing.tsa_url, e)
                self.tsa_down = True
        return sign_pdf(pdf, signer, **kw), "B-B"


def archive_timestamp(pdf: bytes, cfg, trust_pem: list[bytes],
                      env: Mapping[str, str] = os.environ) -> bytes:
    """PDF with the revocation data of its signature and last timestamp in the DSS, then a
    new document timestamp (B-LTA). Raises OSError when the TSA cannot be reached."""
    tsa = timestamper(cfg, env)
    if tsa is None:
        raise OSError("no TSA configured ([signing] tsa_url)")
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    if cfg.signing.embed_validation and reader.embedded_regular_signatures:
        vc = validation_context(trust_pem, fetch=True)
        sig = reader.embedded_regular_signatures[-1]
        pdf = add_validation_info(sig, vc).getvalue()
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    vc = validation_context(trust_pem, fetch=True)
    stamper = PdfTimeStamper(tsa)
    if reader.embedded_timestamp_signatures or _has_signature_timestamp(reader):
        out = stamper.update_archival_timestamp_chain(reader, vc, in_place=False)
    else:
        out = stamper.timestamp_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False),
                                    "sha256", validation_context=vc)
    return out.getvalue()


def _has_signature_timestamp(reader) -> bool:
    return any(next(extract_tst_data_iter(s.signer_info, signed=False), None) is not None
               for s in reader.embedded_regular_signatures)


def level_of(pdf: bytes) -> str:
    """The PAdES baseline level a file claims by its structure (not a validation)."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    if reader.embedded_timestamp_signatures and _dss_has_revinfo(reader):
        return "B-LTA"
    sigs = reader.embedded_regular_signatures
    timestamped = _has_signature_timestamp(reader) or bool(reader.embedded_timestamp_signatures)
    if not sigs or not timestamped:
        return "B-B"
    return "B-LT" if _dss_has_revinfo(reader) else "B-T"


def _dss_has_revinfo(reader) -> bool:
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except Exception:               # no /DSS, or one pyHanko cannot read: no revinfo
        return False
    return bool(dss and (dss.ocsps or dss.crls))

