# SPDX-License-Identifier: AGPL-3.0-or-later
"""Sender authentication from Authentication-Results: only our own server's word counts."""
import pytest

from pipeline.casework.replies import AuthVerdict, allowed, verdict
from pipeline.core.errors import ConfigError

SENDER = "budi@inspektorat.example.go.id"
OURS = "mx.example.go.id"


def header(dkim="pass", spf="pass", d="inspektorat.example.go.id",
           mailfrom="budi@inspektorat.example.go.id", authserv=OURS):
    return (f"{authserv};\r\n\tdkim={dkim} (2048-bit key; unprotected) header.d={d} "
            f"header.i=@{d} header.a=rsa-sha256 header.s=sel1 header.b=AbC12;\r\n\t"
            f"spf={spf} (mx.example.go.id: domain of {mailfrom} designates 203.0.113.5 as "
            f"permitted sender) smtp.mailfrom={mailfrom};\r\n\tdmarc=pass header.from={d}")


@pytest.mark.parametrize("dkim, spf", [("pass", "pass"), ("pass", "fail"), ("fail", "pass"),
                                       ("fail", "softfail"), ("none", "none"),
                                       ("temperror", "neutral")])
def test_results_are_read_per_method(dkim, spf):
    """GIVEN our header with given DKIM and SPF results WHEN read THEN both are reported."""
    v = verdict([header(dkim, spf)], SENDER, OURS)
    assert (v.dkim, v.spf, v.present) == (dkim, spf, True)


def test_a_parent_domain_signature_is_aligned_but_a_foreign_one_is_not():
    """GIVEN a d= that is a parent of the sender's domain WHEN read THEN it counts; GIVEN a d=
    of another organisation or a bare TLD THEN it does not."""
    assert verdict([header(d="example.go.id", mailfrom="x@example.go.id")], SENDER, OURS).dkim \
        == "pass"
    foreign = verdict([header(d="attacker.example", mailfrom="x@attacker.example")], SENDER, OURS)
    assert (foreign.dkim, foreign.spf, foreign.present) == ("none", "none", True)
    lookalike = verdict([header(d="evilinspektorat.example.go.id",
                                mailfrom="b@xexample.go.id")], SENDER, OURS)
    assert (lookalike.dkim, lookalike.spf) == ("none", "none")
    assert verdict([header(d="id", mailfrom="b@id")], SENDER, OURS).dkim == "none"
    child = verdict([header(d="mail.inspektorat.example.go.id")], SENDER, OURS)
    assert child.dkim == "none"


def test_a_header_from_another_authserv_id_is_ignored():
    """GIVEN a forged 'pass' header with a foreign authserv-id below our 'fail' one WHEN read
    THEN only ours counts and the reply is refused."""
    forged = header("pass", "pass", authserv="mx.attacker.example")
    v = verdict([header("fail", "fail"), forged], SENDER, OURS)
    assert (v.dkim, v.spf) == ("fail", "fail")
    assert allowed(v, "prefer")[0] is False


def test_a_forged_header_with_our_id_below_a_foreign_hop_is_ignored():
    """GIVEN our header at the top, a relay's header, then a sender-made header claiming our id
    WHEN read THEN only the run of our headers at the top counts."""
    headers = [header("fail", "softfail"), header(authserv="relay.example.net"), header()]
    assert (verdict(headers, SENDER, OURS).dkim, verdict(headers, SENDER, OURS).spf) == \
        ("fail", "softfail")


def test_only_a_foreign_header_means_nothing_is_present():
    """GIVEN only headers from other servers WHEN read THEN no trustworthy header is present."""
    v = verdict([header(authserv="mx.google.com")], SENDER, OURS)
    assert v == AuthVerdict() and not v.present


def test_without_a_configured_id_only_the_topmost_header_counts():
    """GIVEN no authserv_id WHEN read THEN the topmost header decides, lower ones are ignored."""
    headers = [header("fail", "fail", authserv="mx.one"), header(authserv="mx.one")]
    v = verdict(headers, SENDER, None)
    assert (v.dkim, v.spf, v.authserv_id) == ("fail", "fail", "mx.one")


def test_multiple_headers_from_our_server_are_combined():
    """GIVEN separate DKIM and SPF headers from our server (e.g. OpenDKIM and policyd-spf) WHEN
    read THEN both results are used; a passing signature wins over a failing one."""
    headers = [f"{OURS}; spf=pass smtp.mailfrom={SENDER}",
               f"{OURS} 1; dkim=fail header.d=inspektorat.example.go.id; "
               f"dkim=pass header.d=inspektorat.example.go.id",
               "mx.attacker.example; dkim=pass header.d=inspektorat.example.go.id"]
    v = verdict(headers, SENDER, OURS)
    assert (v.dkim, v.spf, v.dkim_domain) == ("pass", "pass", "inspektorat.example.go.id")


def test_comments_quotes_and_case_do_not_confuse_the_parser():
    """GIVEN comments containing '=' and ';', a quoted reason and upper case WHEN read THEN the
    real results are found."""
    value = ("MX.Example.GO.ID (ours; dkim=pass header.d=inspektorat.example.go.id); "
             'spf=FAIL reason="no; really (not)" smtp.mailfrom=BUDI@Inspektorat.Example.go.id; '
             "dkim=none (message not signed)")
    v = verdict([value], SENDER, OURS)
    assert (v.dkim, v.spf, v.present) == ("none", "fail", True)


def test_a_none_header_is_present_with_no_results():
    """GIVEN '<id>; none' WHEN read THEN a header is present but nothing passed."""
    v = verdict([f"{OURS}; none"], SENDER, OURS)
    assert v.present and (v.dkim, v.spf) == ("none", "none")


def test_garbage_and_a_missing_sender_do_not_crash():
    """GIVEN unparsable headers or no sender WHEN read THEN nothing passes, no exception."""
    assert not verdict(["", ";;;", "dkim=pass"], SENDER, OURS).present
    assert verdict([header()], None, OURS).dkim == "none"
    assert verdict([], SENDER, None) == AuthVerdict()


PASS = AuthVerdict("pass", "fail", True, OURS, "x.go.id", "")
SPF_ONLY = AuthVerdict("none", "pass", True, OURS, "", "x.go.id")
BOTH_FAIL = AuthVerdict("fail", "fail", True, OURS)
ONE_FAILS = AuthVerdict("none", "softfail", True, OURS)
NEUTRAL = AuthVerdict("none", "none", True, OURS)
ABSENT = AuthVerdict()


@pytest.mark.parametrize("v, policy, ok", [
    (PASS, "require", True), (SPF_ONLY, "require", True), (BOTH_FAIL, "require", False),
    (ONE_FAILS, "require", False), (NEUTRAL, "require", False), (ABSENT, "require", False),
    (PASS, "prefer", True), (SPF_ONLY, "prefer", True), (BOTH_FAIL, "prefer", False),
    (ONE_FAILS, "prefer", False), (NEUTRAL, "prefer", True), (ABSENT, "prefer", True),
    (PASS, "off", True), (BOTH_FAIL, "off", True), (ABSENT, "off", True),
])
def test_policy_matrix(v, policy, ok):
    """GIVEN a verdict and a policy WHEN checked THEN the reply is allowed or refused, always
    with a reason."""
    got, reason = allowed(v, policy)
    assert got is ok and reason


def test_refusal_reasons_are_specific():
    """GIVEN refusals WHEN explained THEN the reason says what was missing or failed."""
    assert "no Authentication-Results" in allowed(ABSENT, "require")[1]
    assert "dkim=fail, spf=fail" in allowed(BOTH_FAIL, "prefer")[1]


def test_an_unknown_policy_is_a_config_error():
    """GIVEN a misspelt policy WHEN checked THEN ConfigError, never a silent default."""
    with pytest.raises(ConfigError, match="auth_policy"):
        allowed(PASS, "requir")
