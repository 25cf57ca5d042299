# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf extract`: what Paraf reads from one letter file, or from one saved message."""
from __future__ import annotations

from pathlib import Path

from pipeline import letter as letters
from pipeline.core.config import ConfigError, load
from pipeline.intake.consume import html_to_text
from pipeline.intake.parse import parse


def _context(config_path: str | None):
    """The office's OPD names and limits when a config is at hand; defaults otherwise."""
    try:
        cfg = load(config_path)
    except ConfigError:
        return letters.Limits(), None
    from pipeline.core.rules import RulesError, load_opds
    try:
        names = [o.name for o in load_opds(cfg.rules_path / "opd.toml")]
    except RulesError:
        names = None
    lim = cfg.limits
    return letters.Limits(max_bytes=lim.max_attachment_bytes, max_pages=lim.max_pages,
                          max_decompressed=lim.max_decompressed_bytes,
                          seconds=lim.seconds_per_document, memory_mb=lim.memory_mb), names


def extract_file(path: Path, config_path: str | None = None, with_meta: bool = False) -> dict:
    """The fields read, keyed exactly as documented; provenance only WITH_META."""
    limits, names = _context(config_path)
    data = path.read_bytes()
    if path.suffix.lower() == ".eml":
        msg = parse(data)
        choice = letters.choose_letter(
            [(p.filename, p.content_type, p.payload) for p in msg.attachments],
            msg.text or html_to_text(msg.html), limits=limits, opd_names=names)
        fields = choice.reading.to_json() if choice.reading else None
        out = {"attachment": choice.filename, "why": choice.why,
               "refused": [list(r) for r in choice.refused], "letter": fields}
        if with_meta:
            out["meta"] = choice.reading.meta() if choice.reading else None
        return out
    try:
        reading = letters.read_letter(data, path.name, limits, opd_names=names)
    except letters.Refused as err:
        return {"refused": err.reason}
    return {**reading.to_json(), **({"meta": reading.meta()} if with_meta else {})}
