# SPDX-License-Identifier: AGPL-3.0-or-later
"""The evaluation's extra sections, in the order they are printed: the one place the CLI and
the report page ask for them, so both documents are the same.

The complaints section ("Pengaduan": counts and handling time of the period's complaints)
belongs here, built from its own module's figures; it is added when complaints are merged.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from pipeline.books.evaluation import Section


def extra_sections(session: Session, cfg, since: date, until: date) -> list[Section]:
    sections: list[Section] = []
    # COMPLAINTS: sections.append(Section("Pengaduan", complaint_figures(session, start, end),
    #                                     render_complaints))
    return sections
