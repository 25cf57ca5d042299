# SPDX-License-Identifier: AGPL-3.0-or-later
"""Content-addressed file store: raw messages and attachments, kept forever.

A file is written to a temporary name, fsynced and renamed into place under its SHA-256, so a
crash leaves either the whole file or none, and storing the same bytes twice is a no-op.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Temp file, fsync, rename, fsync the folder: after a crash the file is whole or absent."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename into FOLDER durable."""
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class ContentStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path_for(self, digest: str, kind: str) -> Path:
        return self.root / kind / digest[:2] / digest

    def put(self, data: bytes, kind: str = "raw") -> tuple[str, Path]:
        """Store DATA under KIND; returns (sha256, path). Durable when it returns."""
        digest = sha256(data)
        final = self.path_for(digest, kind)
        if not (final.exists() and final.stat().st_size == len(data)):
            atomic_write(final, data)
        return digest, final

    def get(self, digest: str, kind: str = "raw") -> bytes:
        return self.path_for(digest, kind).read_bytes()

    def relative(self, path: Path) -> str:
        return str(Path(path).relative_to(self.root))
