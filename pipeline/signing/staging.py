# SPDX-License-Identifier: AGPL-3.0-or-later
"""A signed PDF enters the signed store only together with its outgoing-book row.

Before the transaction that books a letter commits, its PDF is written durably to a staging
folder of the signing process (`<store>/signed-staging/<pid>/<sha256>`); after the commit it
is renamed into the store. A process killed in between leaves either a staged file whose row
committed (`recover` finishes the rename) or one whose row never committed: a validly signed
letter with a number and a code nobody booked. That orphan is moved to
`<store>/quarantine/signed/`, never served, never counted as sent. A file in the signed store
that no row names (left by older versions) is quarantined the same way.
"""
from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from sqlalchemy import select

from pipeline.core.models import OutgoingLetter
from pipeline.core.scratch import alive
from pipeline.core.store import atomic_write, fsync_dir, sha256

log = logging.getLogger(__name__)
STAGING, ORPHANS = "signed-staging", "quarantine/signed"


def stage(store, pdf: bytes) -> tuple[str, Path]:
    """Write PDF durably to this process's staging folder; (sha256, final store path)."""
    digest = sha256(pdf)
    atomic_write(store.root / STAGING / str(os.getpid()) / digest, pdf)
    return digest, store.path_for(digest, "signed")


def promote(store, digest: str) -> None:
    """After the commit: the staged file becomes the stored one."""
    staged = store.root / STAGING / str(os.getpid()) / digest
    _move(staged, store.path_for(digest, "signed"))


def discard(store, digest: str) -> None:
    """The transaction rolled back: the staged file belongs to no letter."""
    (store.root / STAGING / str(os.getpid()) / digest).unlink(missing_ok=True)


def _move(source: Path, target: Path) -> None:
    if not source.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    fsync_dir(target.parent)


def recover(app) -> tuple[int, int]:
    """Finish what killed signers left: (promoted, quarantined)."""
    store = app.store
    with app.session() as s:
        booked = set(s.scalars(select(OutgoingLetter.pdf_sha256)))
    promoted = quarantined = 0
    staging = store.root / STAGING
    for folder in staging.iterdir() if staging.is_dir() else ():
        if folder.name.isdigit() and (int(folder.name) == os.getpid()
                                      or alive(int(folder.name))):
            continue                    # a signer at work
        for staged in folder.iterdir():
            if staged.name in booked:
                _move(staged, store.path_for(staged.name, "signed"))
                promoted += 1
            elif not staged.name.startswith(".tmp-"):
                _move(staged, store.root / ORPHANS / staged.name)
                quarantined += 1
        shutil.rmtree(folder, ignore_errors=True)
    signed = store.root / "signed"
    for path in signed.glob("*/*") if signed.is_dir() else ():
        if path.is_file() and path.name not in booked and not path.name.startswith(".tmp-") \
                and not _booked_now(app, path.name):    # promoted since `booked` was read
            _move(path, store.root / ORPHANS / path.name)
            quarantined += 1
    if quarantined:
        log.warning("%d signed PDFs without a booked letter moved to %s", quarantined,
                    store.root / ORPHANS)
    return promoted, quarantined


def _booked_now(app, digest: str) -> bool:
    with app.session() as s:
        return s.scalar(select(OutgoingLetter.id).where(
            OutgoingLetter.pdf_sha256 == digest).limit(1)) is not None
