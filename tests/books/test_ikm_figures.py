# SPDX-License-Identifier: AGPL-3.0-or-later
"""The index of a period from the database, on both databases: which answers count (the
office's local days, not UTC), the groups by channel and unit with their own minimum, the
response rate of the period's invitations, and two submissions racing for one link."""
from __future__ import annotations

import threading
from datetime import date, datetime, timedelta, timezone

from pipeline.books import ikm
from pipeline.consult import survey
from pipeline.consult.survey_models import SurveyInvitation
from pipeline.core.models import AgendaEntry
from tests.books.test_ikm import HAND

UTC = timezone.utc
Q4 = (date(2026, 10, 1), date(2026, 12, 31))


def _case(s, n: int, channel: str) -> int:
    entry = AgendaEntry(channel=channel, book="consultation", status="closed",
                        received_at=datetime(2026, 9, 1, tzinfo=UTC), agenda_no=f"{n}/T")
    s.add(entry)
    s.flush()
    return entry.id


def _invite(s, n, channel, unit, made, answered=None, values=None, comment=None):
    s.add(SurveyInvitation(entry_id=_case(s, n, channel), token_hash=f"{n:064d}",
                           channel=channel, unit=unit, official="x", created_at=made,
                           expires_at=made + timedelta(days=30), answered_at=answered,
                           answers=values, comment=comment))


def test_the_quarter_counts_local_days_groups_and_the_response_rate(app):
    oct_1_wib = datetime(2026, 9, 30, 17, 0, tzinfo=UTC)      # 1 October 2026, 00.00 WIB
    jan_1_wib = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)    # 1 January 2027, 00.30 WIB
    with app.session() as s:
        # five answers on letters to Irban I (the hand example), one of them in the first
        # minutes of the quarter by the office's clock
        for n, values in enumerate(HAND):
            answered = oct_1_wib if n == 0 else \
                datetime(2026, 11, 2 + n, 3, tzinfo=UTC)
            _invite(s, n, "letter", "Irban I", answered - timedelta(days=1), answered, values,
                    "Cepat." if n == 1 else None)
        # two web answers for Irban II: below the minimum of 5 for their groups
        for n in (10, 11):
            made = datetime(2026, 11, 20, tzinfo=UTC)
            _invite(s, n, "web", "Irban II", made, made + timedelta(hours=2), [1] * 9)
        # outside the quarter: the day before it (WIB) and its first night in 2027 (WIB)
        _invite(s, 20, "web", "Irban II", oct_1_wib - timedelta(days=2),
                oct_1_wib - timedelta(hours=1), [4] * 9)
        _invite(s, 21, "web", "Irban II", jan_1_wib - timedelta(hours=3), jan_1_wib, [4] * 9)
        # invited in the quarter, never answered
        for n in (30, 31, 32):
            _invite(s, n, "walk-in", "Irban I", datetime(2026, 12, 1, tzinfo=UTC))
    with app.session() as s:
        f = ikm.figures(s, *Q4, min_responses=5, zone="Asia/Jakarta")
        next_quarter = ikm.figures(s, date(2027, 1, 1), date(2027, 3, 31), min_responses=1,
                                   zone="Asia/Jakarta")
    # Seven answers: the hand example's five (their values sum to 150) and two web answers of
    # nine 1s (18): 168 over 63 values, mean 2.6667, x 25 = 66.67 -> C (65.00-76.60).
    assert f.overall.respondents == 7
    assert sum(e.total for e in f.overall.elements) == 150 + 18
    assert (f.overall.value, f.overall.grade) == (66.67, "C")
    assert list(f.by_channel) == ["letter", "web"]
    assert (f.by_channel["letter"].value, f.by_channel["letter"].grade) == (83.33, "B")
    assert f.by_channel["web"].respondents == 2 and not f.by_channel["web"].reported
    assert f.by_unit["Irban I"].value == 83.33 and not f.by_unit["Irban II"].reported
    # Invited in the quarter (WIB): four letters (the first was invited on 30 September),
    # two web, the one invited on 31 December at 21.30 WIB (answered in 2027), three walk-ins
    # never answered: 10, of which 7 answered.
    assert (f.invited, f.answered) == (10, 7)
    assert f.comments == [(date(2026, 11, 3), "letter", "Cepat.")]
    assert next_quarter.overall.respondents == 1


def test_two_submissions_racing_for_one_link_count_once(app):
    now = datetime.now(UTC)
    token = "race-token-0123456789abcdef"
    with app.session() as s:
        s.add(SurveyInvitation(entry_id=_case(s, 1, "web"), token_hash=survey.token_hash(token),
                               channel="web", created_at=now, expires_at=now + timedelta(days=1)))
    start, outcomes = threading.Barrier(4), []

    def submit(values):
        start.wait()
        with app.session() as s:
            outcomes.append((survey.submit(s, token, values, "", now), values))
    threads = [threading.Thread(target=submit, args=([v] * 9,)) for v in (1, 2, 3, 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    saved = [values for outcome, values in outcomes if outcome == "saved"]
    assert len(saved) == 1 and sorted(o for o, _ in outcomes) == ["saved", "used", "used", "used"]
    with app.session() as s:
        row = s.query(SurveyInvitation).one()
        assert row.answers == saved[0]
