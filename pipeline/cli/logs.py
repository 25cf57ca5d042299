# SPDX-License-Identifier: AGPL-3.0-or-later
"""Logs go to stderr, which systemd hands to journald; `--log-format json` writes one JSON
object per line (time, level, logger, message, exception) for Loki, Elasticsearch and the like."""
from __future__ import annotations

import json
import logging
import sys
import warnings
from datetime import datetime, timezone


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        doc = {"time": datetime.fromtimestamp(record.created, timezone.utc)
               .isoformat(timespec="milliseconds"),
               "level": record.levelname.lower(), "logger": record.name,
               "message": record.getMessage(), "pid": record.process}
        if record.exc_info:
            doc["exception"] = self.formatException(record.exc_info)
        return json.dumps(doc, ensure_ascii=False)


def setup(level: int, fmt: str = "text") -> None:
    """Like logging.basicConfig: handlers someone else installed (a test harness) stay; the one
    installed by an earlier call in this process is replaced."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "paraf", False)]:
        root.removeHandler(old)
    if root.handlers and fmt == "text":
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.paraf = True
    handler.setFormatter(JsonFormatter() if fmt == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    # a library's warning goes through the same handler: in JSON, a raw line on stderr would
    # break a log collector's one-object-per-line reading
    warnings.showwarning = log_warning


def log_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """A dependency's deprecation notice is for whoever upgrades the code, not for the office
    running it: it is logged at INFO, so an operator's WARNING lines stay ones to act on.
    Libraries name theirs `…DeprecationWarning` even where they subclass UserWarning to be
    shown (cryptography's does)."""
    deprecation = issubclass(category, DeprecationWarning) or \
        category.__name__.endswith("DeprecationWarning")
    text = warnings.formatwarning(message, category, filename, lineno, line).rstrip()
    logging.getLogger("py.warnings").log(logging.INFO if deprecation else logging.WARNING, text)
