# SPDX-License-Identifier: AGPL-3.0-or-later
"""The community satisfaction index (IKM) as PermenPANRB 14/2017 defines it.

Per element (unsur) i of the nine, with n respondents:
    NRR_i = (sum of the values 1..4 given for i) / n          (nilai rata-rata per unsur)
    NRR tertimbang = sum over i of NRR_i x 1/9                 (equal weights, 1 / 9 elements;
                                                                the guideline prints 0.111)
    IKM unit pelayanan = NRR tertimbang x 25                   (conversion to 25..100)
and the grade (mutu pelayanan) from the guideline's conversion table:
    88.31 - 100.00  A  Sangat Baik
    76.61 -  88.30  B  Baik
    65.00 -  76.60  C  Kurang Baik
    25.00 -  64.99  D  Tidak Baik
(PermenPANRB 14/2017, Lampiran, "Nilai Persepsi, Interval IKM, Interval Konversi IKM, Mutu
Pelayanan dan Kinerja Unit Pelayanan"; the same table as reproduced in published SKM reports,
e.g. https://e-smile.tubaba.go.id/main/skm/laporan/online). The index is rounded to two
decimals (half up) before it is graded, as the table's intervals are written.

An element is reported only with at least `min_responses` answers (rules/survey.toml); the
index only when all nine are.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipeline.books.rows import DEFAULT_ZONE, day_bound, local_date
from pipeline.consult.survey import ELEMENTS
from pipeline.consult.survey_models import SurveyInvitation

WEIGHT = 1 / len(ELEMENTS)
CONVERSION = 25
GRADES = ((Decimal("88.31"), "A", "Sangat Baik"), (Decimal("76.61"), "B", "Baik"),
          (Decimal("65.00"), "C", "Kurang Baik"), (Decimal("25.00"), "D", "Tidak Baik"))


@dataclass
class ElementScore:
    code: str
    name: str
    responses: int
    total: int
    nrr: float | None              # None below the minimum number of responses


@dataclass
class Index:
    respondents: int
    elements: list[ElementScore]
    value: float | None = None     # 25..100, two decimals; None when not reportable
    grade: str | None = None
    label: str | None = None

    @property
    def reported(self) -> bool:
        return self.value is not None


def grade(value: float) -> tuple[str, str]:
    """('A', 'Sangat Baik') ... for an index on the 25..100 scale."""
    rounded = Decimal(str(value)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    for low, letter, label in GRADES:
        if rounded >= low:
            return letter, label
    raise ValueError(f"an index of {value} is below the scale's 25")


def index_of(answers: list[list[int]], min_responses: int) -> Index:
    """The index of a group of responses (each nine values, 1..4)."""
    n = len(answers)
    elements = []
    for i, element in enumerate(ELEMENTS):
        total = sum(a[i] for a in answers)
        elements.append(ElementScore(element.code, element.name, n, total,
                                     total / n if n >= max(1, min_responses) else None))
    result = Index(n, elements)
    if n and all(e.nrr is not None for e in elements):
        weighted = sum(e.nrr * WEIGHT for e in elements)
        result.value = float(Decimal(str(weighted * CONVERSION)).quantize(
            Decimal("0.01"), ROUND_HALF_UP))
        result.grade, result.label = grade(result.value)
    return result


@dataclass
class IkmFigures:
    since: date
    until: date
    min_responses: int
    overall: Index
    by_channel: dict[str, Index] = field(default_factory=dict)
    by_unit: dict[str, Index] = field(default_factory=dict)
    invited: int = 0               # invitations made in the period
    answered: int = 0              # of those, answered (by now)
    comments: list[tuple[date, str, str]] = field(default_factory=list)  # (day, channel, text)

    @property
    def response_rate(self) -> float | None:
        return self.answered / self.invited if self.invited else None


def figures(session: Session, since: date | datetime, until: date | datetime, *,
            min_responses: int, zone: str = DEFAULT_ZONE) -> IkmFigures:
    """Responses given in [SINCE, UNTIL] (the office's local days): overall, per channel and
    per unit of the official who answered; and the response rate of the period's invitations."""
    tz = ZoneInfo(zone)
    start, end = day_bound(since, tz, end=False), day_bound(until, tz, end=True)
    rows = session.scalars(select(SurveyInvitation).where(
        SurveyInvitation.answered_at.is_not(None), SurveyInvitation.answered_at >= start,
        SurveyInvitation.answered_at < end).order_by(SurveyInvitation.answered_at)).all()
    channels, units = defaultdict(list), defaultdict(list)
    for row in rows:
        channels[row.channel].append(row.answers)
        units[row.unit or "-"].append(row.answers)
    out = IkmFigures(since, until, min_responses, index_of([r.answers for r in rows],
                                                           min_responses))
    out.by_channel = {c: index_of(a, min_responses) for c, a in sorted(channels.items())}
    out.by_unit = {u: index_of(a, min_responses) for u, a in sorted(units.items())}
    made = (SurveyInvitation.created_at >= start, SurveyInvitation.created_at < end)
    out.invited = session.scalar(select(func.count(SurveyInvitation.id)).where(*made)) or 0
    out.answered = session.scalar(select(func.count(SurveyInvitation.id)).where(
        *made, SurveyInvitation.answered_at.is_not(None))) or 0
    out.comments = [(local_date(r.answered_at, tz), r.channel, r.comment)
                    for r in rows if r.comment]
    return out
