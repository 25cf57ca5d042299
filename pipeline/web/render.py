# SPDX-License-Identifier: AGPL-3.0-or-later
"""The page templates: Jinja2 with autoescaping always on, and the office's own words.

Nothing a visitor or a mail typed is ever marked safe; HTML from mail bodies is cleaned by
`clean_html` (nh3) before it may be shown.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import jinja2
import nh3
from starlette.templating import Jinja2Templates

from pipeline.core import messages, naskah
from pipeline.intake.notices import local_time

STATUS_WORDS = {
    "registered": "Terdaftar", "incomplete": "Belum lengkap", "duplicate": "Duplikat",
    "quarantined": "Karantina", "failed": "Gagal dibaca", "rejected": "Ditolak",
    "disposed": "Didisposisi", "drafted": "Konsep jawaban", "initialled": "Menunggu tanda tangan",
    "signed": "Ditandatangani", "sent": "Terkirim", "closed": "Selesai",
}
CHANNEL_WORDS = {"letter": "Surat", "web": "Situs web", "walk-in": "Datang langsung",
                 "complaint": "Pengaduan"}
ROLE_WORDS = {"clerk": "Agendaris", "official": "Pejabat", "inspector": "Inspektur",
              "admin": "Administrator"}


def templates(cfg) -> Jinja2Templates:
    return _templates(cfg.office.timezone)


@lru_cache(maxsize=4)
def _templates(timezone: str) -> Jinja2Templates:
    from types import SimpleNamespace
    cfg = SimpleNamespace(office=SimpleNamespace(timezone=timezone))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(files("pipeline") / "web" / "templates")),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(
        waktu=lambda moment: local_time(cfg, moment) if moment else "-",
        tanggal=lambda day: naskah.tanggal(day) if day else "-",
        status=lambda s: STATUS_WORDS.get(s or "", s or "-"),
        channel=lambda c: CHANNEL_WORDS.get(c or "", c or "-"),
        role=lambda r: ROLE_WORDS.get(r or "", r or "-"),
        alasan=messages.say_text,
        langkah=lambda k: messages.word(messages.STEP_KINDS, k),
        tahap=lambda s: messages.word(messages.STEP_STATUSES, s),
        hasil=lambda o: messages.word(messages.STEP_OUTCOMES, o),
        kirim=lambda s: messages.word(messages.MAIL_STATUSES, s),
        pesan=lambda o: messages.word(messages.MESSAGE_OUTCOMES, o),
        sumber=lambda s: messages.word(messages.DRAFT_SOURCES, s),
    )
    return Jinja2Templates(env=env)


def clean_html(html: str) -> str:
    """Mail HTML reduced to harmless markup: no scripts, styles, handlers, or remote images."""
    return nh3.clean(html, tags={"p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li",
                                 "table", "thead", "tbody", "tr", "td", "th", "blockquote",
                                 "pre", "span", "div", "h1", "h2", "h3", "h4"},
                     attributes={}, url_schemes=set(), link_rel=None)
