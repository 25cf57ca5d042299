# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf init`: a working folder with a commented config, sample rules and a migrated database."""
from __future__ import annotations

import shutil
from pathlib import Path

from pipeline.core import config as config_mod
from pipeline.core import db, example


def init(folder: Path, *, intake: str | None = None, smtp: str | None = None,
         database: str | None = None, force: bool = False) -> Path:
    """Create FOLDER's config.toml, rules/ and database; returns the config path.

    An existing config or rule file is left alone unless FORCE, so re-running init is safe.
    """
    folder.mkdir(parents=True, exist_ok=True)
    cfg_path = folder / "config.toml"
    if force or not cfg_path.exists():
        text = example.config_text()
        for key, value in (("intake", intake), ("smtp", smtp), ("database", database)):
            if value:
                text = set_key(text, key, value)
        cfg_path.write_text(text, encoding="utf-8")
    rules_dir = folder / "rules"
    (rules_dir / "templates").mkdir(parents=True, exist_ok=True)
    for source in sorted(example.rules().glob("*.toml")):   # every rules file the example has
        _copy(source, rules_dir / source.name, force)
    for tpl in example.templates().iterdir():
        if tpl.is_file():
            _copy(tpl, rules_dir / "templates" / tpl.name, force)
    cfg = config_mod.load(cfg_path)
    for path in (cfg.data_path, cfg.outbox_path):
        path.mkdir(parents=True, exist_ok=True)
    engine = db.make_engine(cfg.database_url)
    try:
        db.migrate(engine)
    finally:
        engine.dispose()
    return cfg_path


def _copy(src, dst: Path, force: bool) -> None:
    if force or not dst.exists():
        with src.open("rb") as fh, open(dst, "wb") as out:
            shutil.copyfileobj(fh, out)


def set_key(text: str, key: str, value: str) -> str:
    """Set the first `key = ...` line of a commented config, keeping every comment."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(f"{key} = "):
            lines[i] = f'{key} = "{value}"'
            return "\n".join(lines) + "\n"
    raise KeyError(key)
