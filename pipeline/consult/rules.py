# SPDX-License-Identifier: AGPL-3.0-or-later
"""rules/consultation.toml: the bidang and wilayah lists of the public form (seed 1) and
whether short direct answers are allowed. Errors name the file, the key and the line."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.core import example, tomlcheck
from pipeline.core.errors import RulesError
from pipeline.core.tomlcheck import key_line

FILE = "consultation.toml"
_KEYS = {"bidang", "wilayah", "direct_answers", "answer_max_chars", "missing"}


@dataclass(frozen=True)
class ConsultationRules:
    bidang: tuple[str, ...]
    wilayah: tuple[str, ...]
    direct_answers: bool = False
    answer_max_chars: int = 4000
    missing: tuple[str, ...] = ()



def problems(text: str) -> list[tuple[int, str]]:
    """Every problem in the text of consultation.toml, as (line, message)."""
    data, out = tomlcheck.read(text, _KEYS)
    if data is None:
        return out
    for key in ("bidang", "wilayah", "missing"):
        value = data.get(key, [])
        if key != "missing" and key not in data:
            out.append((0, f"'{key}' is required: a list of texts, like [\"a\", \"b\"]"))
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            out.append((key_line(text, key), f"'{key}' must be a list of texts, like [\"a\", \"b\"]"))
            continue
        items = [" ".join(v.split()) for v in value]
        if key != "missing" and not any(items):
            out.append((key_line(text, key), f"'{key}' needs at least one entry"))
        if any(not v for v in items):
            out.append((key_line(text, key), f"'{key}' has an empty entry"))
        seen = set()
        for v in items:
            if v and v.casefold() in seen:
                out.append((key_line(text, key), f"'{key}' lists \"{v}\" twice"))
            seen.add(v.casefold())
        if any(len(v) > 200 for v in items):
            out.append((key_line(text, key), f"'{key}' has an entry longer than 200 characters"))
    if "direct_answers" in data and not isinstance(data["direct_answers"], bool):
        out.append((key_line(text, "direct_answers"), "'direct_answers' must be true or false"))
    limit = data.get("answer_max_chars", 4000)
    if not isinstance(limit, int) or isinstance(limit, bool) or not 100 <= limit <= 100_000:
        out.append((key_line(text, "answer_max_chars"),
                    "'answer_max_chars' must be a whole number from 100 to 100000"))
    return out


def current(rules_dir: Path) -> ConsultationRules:
    """`load`, read again only when the file has changed (the admin's rules page edits it):
    the form and every request it posts need the rules, and parsing them is not free."""
    path = Path(rules_dir) / FILE
    try:
        stat = path.stat()
        version = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    except FileNotFoundError:
        version = None
    return _loaded(Path(rules_dir), version)


@lru_cache(maxsize=16)
def _loaded(rules_dir: Path, _version) -> ConsultationRules:
    return load(rules_dir)


def load(rules_dir: Path) -> ConsultationRules:
    """The rules, or RulesError with the first problem; the shipped sample when absent."""
    path = Path(rules_dir) / FILE
    if not path.exists():
        text = (example.rules() / FILE).read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    found = problems(text)
    if found:
        line, message = found[0]
        raise RulesError(f"{FILE}:{line}: {message}" if line else f"{FILE}: {message}")
    data = tomllib.loads(text)
    clean = lambda key: tuple(" ".join(v.split()) for v in data.get(key, []))  # noqa: E731
    return ConsultationRules(bidang=clean("bidang"), wilayah=clean("wilayah"),
                             direct_answers=data.get("direct_answers", False),
                             answer_max_chars=data.get("answer_max_chars", 4000),
                             missing=clean("missing"))
