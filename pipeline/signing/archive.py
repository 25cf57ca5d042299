# SPDX-License-Identifier: AGPL-3.0-or-later
"""The archive copies of signed letters and their timestamps over the years.

The file mailed to the OPD never changes (its SHA-256 is what the verification page checks).
Timestamps are added to an archive copy in the store ("archive" kind), recorded on the
outgoing letter with the PAdES level it reaches:

* `timestamp_pending`: the worker's job for letters signed while the TSA was down (B-B): a
  document timestamp gives them a trusted time (B-T, or B-LTA with embedded validation).
* `renew`: `paraf archive timestamp`: letters without an archive timestamp, or whose newest
  timestamp's certificate expires within `[signing] archive_renew_days`, get the revocation
  data of their last timestamp and a new document timestamp (B-LTA) before it expires.
"""
from __future__ import annotations

import io
import logging
from datetime import datetime, timedelta

from pyhanko.pdf_utils.reader import PdfFileReader
from sqlalchemy import or_, select

from pipeline.core.db import utc
from pipeline.core.models import OutgoingLetter
from pipeline.signing import lookup
from pipeline.signing.ltv import archive_timestamp, level_of

log = logging.getLogger(__name__)


def current_copy(app, letter: OutgoingLetter) -> bytes:
    if letter.archive_sha256:
        return app.store.get(letter.archive_sha256, "archive")
    return app.store.get(letter.pdf_sha256, "signed")


def _stamp(app, letter_id: int, now: datetime) -> str | None:
    """Timestamp one letter's archive copy; its new level, or None if the TSA failed."""
    with app.session() as s:
        letter = s.get(OutgoingLetter, letter_id)
        pdf = current_copy(app, letter)
    try:
        stamped = archive_timestamp(pdf, app.cfg, lookup.trust_roots(app.cfg))
    except OSError as e:
        log.warning("archive timestamp of %s failed: %s", letter_id, e)
        return None
    digest, path = app.store.put(stamped, "archive")
    level = level_of(stamped)
    with app.session() as s:
        letter = s.get(OutgoingLetter, letter_id, with_for_update=True)
        letter.archive_sha256, letter.archive_path = digest, app.store.relative(path)
        letter.pades_level, letter.archived_at = level, now
    return level


def timestamp_pending(app, now: datetime) -> int:
    """Letters signed B-B because the TSA was unreachable get a document timestamp now."""
    if not app.cfg.signing.tsa_url:
        return 0
    with app.session() as s:
        ids = list(s.scalars(select(OutgoingLetter.id).where(
            or_(OutgoingLetter.pades_level == "B-B", OutgoingLetter.pades_level.is_(None)))
            .order_by(OutgoingLetter.id)))
    done = 0
    for letter_id in ids:
        if _stamp(app, letter_id, now) is None:
            break                       # the TSA is still down: try again next round
        done += 1
    return done


def expires(pdf: bytes) -> datetime | None:
    """When the certificate of the newest document timestamp in PDF expires (None: none)."""
    stamps = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_timestamp_signatures
    return stamps[-1].signer_cert.not_valid_after if stamps else None


def _due(app, letter: OutgoingLetter, horizon: datetime) -> bool:
    if letter.archived_at is None:
        return True
    until = expires(current_copy(app, letter))
    return until is None or utc(until) < horizon


def renew(app, now: datetime, everything: bool = False) -> tuple[int, int]:
    """(letters timestamped, letters that failed) for those due, or all with EVERYTHING."""
    horizon = now + timedelta(days=app.cfg.signing.archive_renew_days)
    with app.session() as s:
        letters = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.id)).all()
        ids = [l.id for l in letters if everything or _due(app, l, horizon)]
    done = failed = 0
    for letter_id in ids:
        if _stamp(app, letter_id, now) is None:
            failed += 1
        else:
            done += 1
    return done, failed
