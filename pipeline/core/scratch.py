# SPDX-License-Identifier: AGPL-3.0-or-later
"""Scratch folders for work in progress (drafts being converted, pages being rendered).

They live under the workspace (`<workspace>/tmp`, private to the office's account), never in
the shared system temp directory, because what passes through them is unsigned official
correspondence. Each folder is named after the process that made it, so a folder whose process
is gone (killed, crashed) is recognised and removed by `sweep`, which runs when an App opens.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

_root: Path | None = None


def configure(folder: Path) -> None:
    """Use FOLDER (created 0700) for this process's scratch work, and clear leftovers in it."""
    global _root
    folder = Path(folder)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    _root = folder
    sweep(folder)


def root() -> Path:
    """The configured folder; without a workspace, a private one in the user's cache."""
    if _root is not None:
        return _root
    fallback = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "paraf" / "tmp"
    fallback.mkdir(mode=0o700, parents=True, exist_ok=True)
    return fallback


@contextlib.contextmanager
def folder(prefix: str) -> Iterator[Path]:
    """A fresh folder named PREFIX-<pid>-<random>, removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix=f"{prefix}-{os.getpid()}-", dir=root()))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def alive(pid: int) -> bool:
    """Whether process PID still runs (a scratch folder's owner)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(folder: Path | None = None) -> int:
    """Remove scratch folders of processes that no longer run; returns how many."""
    removed = 0
    for path in (folder or root()).iterdir():
        parts = path.name.split("-")
        pid = next((int(p) for p in parts[1:2] if p.isdigit()), None)
        if pid is None or pid == os.getpid() or alive(pid):
            continue
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
        removed += 1
    return removed
