# SPDX-License-Identifier: AGPL-3.0-or-later
"""A workspace wired to real servers, as an office's IT staff would configure one."""
from __future__ import annotations

import re
import secrets
from pathlib import Path

from pipeline.core import workspace

STRONG_SECRET = secrets.token_urlsafe(32)


def set_keys(config: Path, **values) -> None:
    """Set `key = value` lines in a commented config.toml, wherever their section is."""
    text = config.read_text(encoding="utf-8")
    for key, value in values.items():
        literal = f'"{value}"' if isinstance(value, str) else str(value).lower()
        text, count = re.subn(rf"(?m)^{key} = .*$", f"{key} = {literal}", text, count=1)
        assert count == 1, key
    config.write_text(text, encoding="utf-8")


def server_workspace(folder: Path, db_url: str, dovecot, smtp) -> Path:
    """`paraf init` on Dovecot (user intake) and an aiosmtpd that wants a login."""
    return workspace.init(folder, intake=dovecot.url(), smtp=smtp.url(), database=db_url)


def env_for(dovecot, smtp_password: str = "smtp-secret", secret: str = STRONG_SECRET) -> dict:
    return {"PARAF_IMAP_PASSWORD": dovecot.password, "PARAF_SMTP_PASSWORD": smtp_password,
            "PARAF_SECRET": secret, "PATH": __import__("os").environ["PATH"]}
