# SPDX-License-Identifier: AGPL-3.0-or-later
"""Intake checks: one small idea per module, found by name.

Each module defines a module-level `check` object with a unique `name`, a one-line
`description` and `__call__(intake) -> str | None` that returns the reason when it hits.
The registry is built once by scanning this package; a duplicate name stops the program,
because office data and the chain refer to checks by name.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable

from pipeline.intake.identify import Identification
from pipeline.intake.parse import ParsedMessage


@dataclass(frozen=True)
class Prior:
    """An earlier case with the same letter, looked up by the caller before the chain runs."""
    entry_id: int
    agenda_no: str | None
    received_at: str
    by: str                    # "file" or "number"


@dataclass(frozen=True)
class Intake:
    """Everything the checks may look at; plain data, no database."""
    message: ParsedMessage
    letter: object | None      # pipeline.letter.LetterReading, or None when no letter was found
    letter_file: str | None
    refused: tuple[tuple[str, str], ...]
    who: Identification
    prior: Prior | None
    sender: object | None = None   # pipeline.core.senderauth.SenderCheck; None = not checked


@dataclass(frozen=True)
class Check:
    name: str
    description: str
    test: Callable[[Intake], str | None]

    def __call__(self, intake: Intake) -> str | None:
        return self.test(intake)


def _scan() -> dict[str, Check]:
    found: dict[str, Check] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        item = getattr(module, "check", None)
        if isinstance(item, Check):
            if item.name in found:
                raise RuntimeError(f"two intake checks are named '{item.name}'")
            found[item.name] = item
    return found


_REGISTRY: dict[str, Check] | None = None


def registry() -> dict[str, Check]:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = _scan()
    return _REGISTRY
