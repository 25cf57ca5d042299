# SPDX-License-Identifier: AGPL-3.0-or-later
"""The evaluation's extra sections, in the order they are printed: the one place the CLI and
the report page ask for them, so both documents are the same.

The complaints section ("Pengaduan": counts and handling time of the period's complaints)
is built from `books/complaints.py`.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from pipeline.books import complaints
from pipeline.books.evaluation import Section
from pipeline.core.workdays import Calendar


def extra_sections(session: Session, cfg, since: date, until: date) -> list[Section]:
    figures = complaints.complaint_figures(session, since, until, zone=cfg.office.timezone,
                                           calendar=Calendar(cfg.service.extra_holidays))
    return [Section("Pengaduan", figures, complaints.render_section,
                    complaints.summary(figures))]
