# SPDX-License-Identifier: AGPL-3.0-or-later
"""What every rules file's check starts with: the TOML reads, its keys are known, and a problem
is reported at the line of the key it is about (`paraf rules check`)."""
from __future__ import annotations

import re
import tomllib

Problem = tuple[int, str]


def key_line(text: str, key: str) -> int:
    """The line where KEY is set in TEXT (0 when it is not set)."""
    for n, line in enumerate(text.splitlines(), 1):
        if re.match(rf"^\s*{re.escape(key)}\s*=", line):
            return n
    return 0


def read(text: str, keys: set[str]) -> tuple[dict | None, list[Problem]]:
    """(the table, []) with one problem per unknown key; (None, [problem]) when it is not TOML."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        at = re.search(r"line (\d+)", str(err))
        return None, [(int(at.group(1)) if at else 0, f"not valid TOML: {err}")]
    return data, [(key_line(text, k), f"unknown key '{k}' (allowed: {', '.join(sorted(keys))})")
                  for k in sorted(set(data) - keys)]
