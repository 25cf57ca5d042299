# SPDX-License-Identifier: AGPL-3.0-or-later
"""rules/status.toml: what makes a mail a status question, and how often one address may ask.

Errors name the file, the key and the line, like the other rules files; `paraf rules check`
reports them.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.core import example, tomlcheck
from pipeline.core.errors import RulesError
from pipeline.core.tomlcheck import key_line

FILE = "status.toml"
_LISTS = ("phrases", "content_words")
_NUMBERS = {"max_words": (3, 200), "per_address": (1, 1000), "window_minutes": (1, 1440)}
_KEYS = set(_LISTS) | set(_NUMBERS)


@dataclass(frozen=True)
class StatusRules:
    phrases: tuple[str, ...]
    content_words: tuple[str, ...] = ()
    max_words: int = 25
    per_address: int = 5
    window_minutes: int = 60


def normal(text: str) -> str:
    """Lower case, letters and digits only, single spaces: how phrases are compared."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())



def problems(text: str) -> list[tuple[int, str]]:
    """Every problem in the text of status.toml, as (line, message)."""
    data, out = tomlcheck.read(text, _KEYS)
    if data is None:
        return out
    for key in _LISTS:
        value = data.get(key, [])
        if key == "phrases" and key not in data:
            out.append((0, "'phrases' is required: a list of texts, like [\"sudah sampai mana\"]"))
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            out.append((key_line(text, key), f"'{key}' must be a list of texts, like [\"a\", \"b\"]"))
            continue
        items = [normal(v) for v in value]
        if key == "phrases" and not any(items):
            out.append((key_line(text, key), "'phrases' needs at least one entry"))
        if any(not v for v in items):
            out.append((key_line(text, key), f"'{key}' has an entry with no letters"))
        twice = sorted({v for v in items if v and items.count(v) > 1})
        out.extend((key_line(text, key), f"'{key}' lists \"{v}\" twice") for v in twice)
        if key == "phrases":
            long = [v for v in items if len(v.split()) > 8]
            out.extend((key_line(text, key), f"phrase \"{v}\" is longer than 8 words; a status "
                                          f"question is short") for v in long)
    for key, (low, high) in _NUMBERS.items():
        value = data.get(key, getattr(StatusRules, key))
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            out.append((key_line(text, key), f"'{key}' must be a whole number from {low} to {high}"))
    words = [normal(v) for v in data.get("content_words", []) if isinstance(v, str)]
    for phrase in data.get("phrases", []) if isinstance(data.get("phrases"), list) else ():
        hit = [w for w in words if w and isinstance(phrase, str) and w in normal(phrase)]
        if hit:
            out.append((key_line(text, "phrases"), f"phrase \"{phrase}\" contains the content "
                                                f"word \"{hit[0]}\", so it can never match"))
    return out


def load(rules_dir: Path) -> StatusRules:
    """The rules, or RulesError with the first problem; the shipped sample when absent."""
    path = Path(rules_dir) / FILE
    text = (path if path.exists() else example.rules() / FILE).read_text(encoding="utf-8")
    found = problems(text)
    if found:
        line, message = found[0]
        raise RulesError(f"{FILE}:{line}: {message}" if line else f"{FILE}: {message}")
    data = tomllib.loads(text)
    return StatusRules(phrases=tuple(normal(v) for v in data["phrases"]),
                       content_words=tuple(normal(v) for v in data.get("content_words", [])),
                       **{k: data[k] for k in _NUMBERS if k in data})
