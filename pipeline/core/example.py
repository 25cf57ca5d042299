# SPDX-License-Identifier: AGPL-3.0-or-later
"""Where the shipped example lives: `config.toml` and `rules/` at the repository's top level.

A clone is itself a valid workspace, so the example that `paraf init` copies is read from the
repository root. An installed wheel carries the same files as `pipeline/_example/` (copied
there by `setup.py` at build time), because a wheel cannot ship files outside its package.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_REPO = Path(__file__).resolve().parents[2]


def root():
    """The folder holding the example `config.toml` and `rules/`."""
    if (_REPO / "config.toml").is_file() and (_REPO / "rules").is_dir():
        return _REPO
    return files("pipeline") / "_example"


def config_text() -> str:
    return (root() / "config.toml").read_text(encoding="utf-8")


def rules():
    """The example rules folder (a Path, or a Traversable inside an installed wheel)."""
    return root() / "rules"


def templates():
    return rules() / "templates"
