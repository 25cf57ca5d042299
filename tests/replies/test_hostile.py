# SPDX-License-Identifier: AGPL-3.0-or-later
"""Hostile input: replies are written by anyone, so no parser may take super-linear time."""
import time

import pytest

from pipeline.casework.replies import decide, decide_signing, fresh_text
from pipeline.core.config import Workflow
from pipeline.core.senderauth import Trust, check

ATTRIBUTION_BAIT = "\n".join(["a@a." * 125, "On " + "a@a." * 124, "x <" + "a@" * 240 + ">",
                              "On " + "a." * 240, "a." * 249] * 20)
CASES = [
    ("quotes", lambda: fresh_text(ATTRIBUTION_BAIT)),
    ("quotes-html", lambda: fresh_text("", "<blockquote>" * 20000 + "<div>a</div>" * 20000)),
    ("ttd", lambda: decide_signing("TTD " + "1   " * 200 + "x")),
    ("tolak", lambda: decide_signing("TOLAK " + "1 ,- " * 190 + "x")),
    ("decide", lambda: decide("OK " + "pak " * 20000 + "tapi")),
    ("authres", lambda: check([("received", "from " + "a (" * 8000 + " by mx; x")] + [
        ("authentication-results", v) for v in ["mx; " + "a" * 16000, 'mx; "' + "a" * 16000,
                                                "mx; " + "a=" * 8000] * 10]
        + [("from", "a@b.c")], "a@b.c", Trust.from_config(Workflow(authserv_id="mx")))),
]


@pytest.mark.parametrize("name, run", CASES, ids=[c[0] for c in CASES])
def test_pathological_input_is_handled_quickly(name, run):
    """GIVEN input built to make backtracking regexes explode WHEN parsed THEN it finishes in
    well under a second."""
    start = time.perf_counter()
    run()
    assert time.perf_counter() - start < 1.0
