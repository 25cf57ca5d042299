# SPDX-License-Identifier: AGPL-3.0-or-later
"""Hostile input: replies (and any mail, header or request) are written by anyone, so no
parser may take super-linear time."""
import gc
import time

import pytest

from pipeline.casework.replies import decide, decide_signing, fresh_text
from pipeline.core.config import Workflow
from pipeline.core.senderauth import Trust, check
from pipeline.intake.parse import headers_only
from pipeline.mail import headers
from pipeline.web.clientip import client_address

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
    # what a refused message still tells: a header block of 250 KB of folded lines
    ("refused-headers", lambda: headers_only(b"From: a@b.c\nSubject: x" + b"\n =?utf-8?q?a?="
                                             * 20000 + b"\n\nisi")),
    # a reply's name or subject made of line breaks and look-alike encoded words
    ("header-flatten", lambda: headers.new_message().__setitem__(
        "Subject", "=?utf-8?q?a=0D=0A?=\r\n" * 2000)),
    # an X-Forwarded-For with ten thousand hops from a trusted proxy
    ("forwarded-for", lambda: client_address("10.0.0.1", [", ".join(["10.0.0.2"] * 10000)],
                                             ("10.0.0.0/8",))),
]


@pytest.mark.parametrize("name, run", CASES, ids=[c[0] for c in CASES])
def test_pathological_input_is_handled_quickly(name, run):
    """GIVEN input built to make backtracking regexes explode WHEN parsed THEN it finishes in
    well under a second of CPU (this thread's CPU, not wall time or the process's: a loaded
    machine or another test's thread must not fail it, and backtracking that explodes costs
    seconds of CPU wherever it runs)."""
    gc.collect()                 # nor a collection of what earlier tests left in the heap
    gc.disable()
    try:
        start = time.thread_time()
        run()
        took = time.thread_time() - start
    finally:
        gc.enable()
    assert took < 1.0
