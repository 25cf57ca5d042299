# SPDX-License-Identifier: AGPL-3.0-or-later
"""The satisfaction index against the guideline's formula, computed by hand (PermenPANRB
14/2017): NRR per element = sum / respondents, weighted by 1/9, times 25, graded A-D."""
from __future__ import annotations

import pytest

from pipeline.books import evaluation, ikm
from pipeline.core.errors import ParafError

# Five respondents, nine elements U1..U9, values 1..4.
HAND = [[4, 4, 3, 4, 3, 4, 4, 3, 3],
        [3, 3, 3, 4, 3, 3, 4, 2, 3],
        [4, 3, 2, 4, 3, 4, 4, 3, 3],
        [3, 3, 3, 4, 4, 3, 3, 3, 2],
        [4, 4, 3, 4, 3, 4, 4, 3, 3]]
# By hand, per element: sum -> NRR = sum / 5
#   U1 4+3+4+3+4 = 18 -> 3.60     U6 4+3+4+3+4 = 18 -> 3.60
#   U2 4+3+3+3+4 = 17 -> 3.40     U7 4+4+4+3+4 = 19 -> 3.80
#   U3 3+3+2+3+3 = 14 -> 2.80     U8 3+2+3+3+3 = 14 -> 2.80
#   U4 4+4+4+4+4 = 20 -> 4.00     U9 3+3+3+2+3 = 14 -> 2.80
#   U5 3+3+3+4+3 = 16 -> 3.20
# Sum of the NRR = 30.00; weighted (x 1/9) = 3.3333; IKM = 3.3333 x 25 = 83.33
# 76.61 <= 83.33 <= 88.30: grade B, "Baik". (With the guideline's printed 0.111 instead of 1/9:
# 30 x 0.111 x 25 = 83.25, the same grade.)
HAND_NRR = [3.6, 3.4, 2.8, 4.0, 3.2, 3.6, 3.8, 2.8, 2.8]
HAND_IKM = 83.33


def test_the_hand_computed_example():
    index = ikm.index_of(HAND, min_responses=5)
    assert [e.total for e in index.elements] == [18, 17, 14, 20, 16, 18, 19, 14, 14]
    assert [round(e.nrr, 4) for e in index.elements] == HAND_NRR
    assert (index.value, index.grade, index.label) == (HAND_IKM, "B", "Baik")
    assert index.respondents == 5


@pytest.mark.parametrize("value, expected", [
    (100.0, "A"), (88.31, "A"), (88.30, "B"), (88.305, "A"), (76.61, "B"), (76.60, "C"),
    (76.604, "C"), (65.0, "C"), (64.99, "D"), (25.0, "D")])
def test_the_grade_intervals_of_the_guideline(value, expected):
    """Graded on the value rounded to two decimals, half up, as the table is written."""
    assert ikm.grade(value)[0] == expected


def test_the_extremes_of_the_scale():
    assert ikm.index_of([[4] * 9] * 6, 5).value == 100.0
    low = ikm.index_of([[1] * 9] * 6, 5)
    assert (low.value, low.grade, low.label) == (25.0, "D", "Tidak Baik")


def test_an_element_below_the_minimum_is_not_reported_nor_the_index():
    index = ikm.index_of(HAND[:4], min_responses=5)
    assert index.respondents == 4
    assert all(e.nrr is None for e in index.elements) and not index.reported
    assert index.grade is None
    assert ikm.index_of([], min_responses=1).value is None          # nobody answered


def test_a_minimum_of_one_reports_a_single_answer():
    one = ikm.index_of([HAND[1]], min_responses=1)
    # (3+3+3+4+3+3+4+2+3) = 28; 28 / 9 x 25 = 77.78 -> B
    assert (one.value, one.grade) == (77.78, "B")


@pytest.mark.parametrize("text, first, last", [
    ("2026Q4", (2026, 10, 1), (2026, 12, 31)), ("2026q1", (2026, 1, 1), (2026, 3, 31)),
    ("2028-Q1", (2028, 1, 1), (2028, 3, 31)), ("2026Q2", (2026, 4, 1), (2026, 6, 30))])
def test_quarters(text, first, last):
    since, until = evaluation.quarter(text)
    assert (since.timetuple()[:3], until.timetuple()[:3]) == (first, last)


@pytest.mark.parametrize("text", ["2026Q5", "Q4", "2026", "", "2026Q0", "26Q1"])
def test_a_wrong_quarter_is_refused(text):
    with pytest.raises(ParafError):
        evaluation.quarter(text)


@pytest.mark.parametrize("value, places, text", [
    (83.333, 2, "83,33"), (100.0, 2, "100,00"), (1234.5, 1, "1.234,5"), (None, 2, "-"),
    (0.05, 1, "0,1")])
def test_numbers_are_written_the_indonesian_way(value, places, text):
    from pipeline.core.naskah import desimal
    assert desimal(value, places) == text
