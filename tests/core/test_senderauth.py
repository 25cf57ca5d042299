# SPDX-License-Identifier: AGPL-3.0-or-later
"""Who sent a message: only our server's stamps, above its border hop, for the From domain."""
from __future__ import annotations

from email.message import EmailMessage

import pytest

from pipeline.core.config import Workflow
from pipeline.core.senderauth import Trust, check, describe, evidence
from tests.stamps import OURS, stamp, trace_of

OFFICIAL = "irban3@inspektorat.example.go.id"
OPD = "disdik@disdik.pekalongankota.go.id"
REQUIRE = Trust.from_config(Workflow(auth_policy="require", authserv_id=OURS))
PREFER = Trust.from_config(Workflow(auth_policy="prefer", authserv_id=OURS))


def message(sender=OFFICIAL, extra=()) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "konsultasi@inspektorat.example.go.id"
    msg["Subject"] = "Re: Mohon Paraf"
    for name, value in extra:
        msg[name] = value
    msg.set_content("SETUJU")
    return msg.as_bytes()


def run(results, sender=OFFICIAL, trust=REQUIRE, own=True, extra=(), above=(), **kw):
    raw = stamp(message(sender, extra), results, above=list(above), **kw)
    return check(trace_of(raw), sender.split("<")[-1].strip(">").lower()
                 if "<" in sender else sender, trust, own_domain=own)


D = "inspektorat.example.go.id"


@pytest.mark.parametrize("results, own, ok", [
    # dkim: an aligned pass acts; a fail, or a pass for someone else, does not
    (f"dkim=pass header.d={D}", True, True),
    (f"dkim=pass header.d=mail.{D}", True, True),
    (f"dkim=fail header.d={D}", True, False),
    ("dkim=pass header.d=attacker.example", True, False),
    # spf: the smtp.mailfrom domain is what SPF authenticated
    (f"spf=pass smtp.mailfrom=irban3@{D}", True, True),
    (f"spf=softfail smtp.mailfrom=irban3@{D}", True, False),
    ("spf=pass smtp.mailfrom=bounce@attacker.example", True, False),
    # dmarc: enough for an OPD letter, never alone for an official (issue 24)
    (f"dmarc=pass header.from={D}", False, True),
    (f"dmarc=pass header.from={D}", True, False),
    (f"dmarc=fail header.from={D}; dkim=pass header.d={D}", True, False),
    ("dmarc=pass header.from=attacker.example", False, False),
    # auth: the account our submission server saw must be the From address
    (f"auth=pass smtp.auth={OFFICIAL}", True, True),
    ("auth=pass smtp.auth=irban3", True, True),
    (f"auth=pass smtp.auth=irban1@{D}; dkim=pass header.d={D}", True, False),
    (f"auth=fail smtp.auth={OFFICIAL}", True, False),
    # iprev: says the client's DNS matches, nothing about the author
    (f"iprev=pass policy.iprev=203.0.113.5; dkim=pass header.d={D}", True, True),
    ("iprev=pass policy.iprev=203.0.113.5", True, False),
    (f"iprev=fail policy.iprev=203.0.113.5; spf=pass smtp.mailfrom={D}", True, True),
    # obsolete methods are never decisive, either way
    (f"domainkeys=pass header.from={OFFICIAL}", True, False),
    (f"domainkeys=fail header.from={OFFICIAL}; dkim=pass header.d={D}", True, True),
    (f"sender-id=pass header.from={D}", True, False),
    (f"sender-id=fail header.from={D}; dkim=pass header.d={D}", True, True),
    # nothing
    ("none", True, False),
])
def test_each_rfc8601_method_both_ways(results, own, ok):
    """GIVEN our server's stamp with one method's result WHEN checked under require THEN only a
    pass that proves the From address (or its own domain, for an official) lets it act."""
    got = run(results, own=own)
    assert got.ok is ok, got
    assert got.reason


SIBLING = "disdik.example.go.id"


@pytest.mark.parametrize("results", [
    f"dkim=pass header.d={SIBLING}; dmarc=pass header.from={D}",
    f"spf=pass smtp.mailfrom=x@{SIBLING}; dmarc=pass header.from={D}",
    "dkim=pass header.d=example.go.id; dmarc=pass header.from=" + D,     # the parent
])
@pytest.mark.parametrize("trust", [REQUIRE, PREFER])
def test_a_sibling_or_parent_domain_never_speaks_for_an_official(results, trust):
    """GIVEN a pass for a sibling unit or the shared parent, even with dmarc=pass WHEN an
    official's reply is checked THEN it is refused under require and prefer."""
    got = run(results, trust=trust)
    assert not got.ok and "domain lain" in got.reason


def test_relaxed_alignment_by_organizational_domain_for_opd_letters():
    """GIVEN an OPD at a subdomain signed for its local government's domain WHEN checked as a
    letter THEN it passes; go.id itself never aligns."""
    assert run("dkim=pass header.d=pekalongankota.go.id", sender=OPD, own=False).ok
    assert not run("dkim=pass header.d=go.id", sender=OPD, own=False).ok
    assert not run("dkim=pass header.d=batangkab.go.id", sender=OPD, own=False).ok
    assert not run("dkim=pass header.d=pekalongankota.go.id.attacker.example", sender=OPD,
                   own=False).ok


def test_prefer_accepts_only_what_our_server_did_not_stamp():
    """GIVEN prefer WHEN nothing is stamped THEN accepted (and says so); GIVEN a pass next to a
    failure THEN refused; require refuses the unstamped one."""
    assert run(None, trust=PREFER).code == "unstamped"
    assert not run(None).ok and "tidak dapat diverifikasi" in run(None).reason
    both = f"dkim=pass header.d={D}; spf=fail smtp.mailfrom={D}"
    assert run(both).ok and not run(both, trust=PREFER).ok
    assert not run(f"iprev=pass policy.iprev=1.2.3.4", trust=PREFER).ok


GOOD = f"dkim=pass header.d={D}"


def test_an_ar_with_our_id_below_the_border_is_a_forgery():
    """GIVEN a sender-written A-R claiming our id and a pass, lower in the header block (also
    with a forged 'Received by our host' on top of it) WHEN checked THEN the message fails under
    require and prefer, even when our real stamp says nothing."""
    raw = message(extra=[])
    forged = (f"Authentication-Results: {OURS}; dkim=pass header.d={D}\r\n"
              f"Received: from a (a [10.0.0.1]) by {OURS}; Mon, 23 Nov 2026 08:00:00 +0700\r\n"
              ).encode() + raw
    for trust, results in ((REQUIRE, "none"), (PREFER, "none"), (PREFER, None)):
        got = check(trace_of(stamp(forged, results)), OFFICIAL, trust, own_domain=True)
        assert not got.ok and got.code == "fail:forged", got


def test_no_border_hop_means_nothing_is_trusted():
    """GIVEN our A-R but no Received by our server (appended straight into the mailbox) WHEN
    checked THEN the A-R counts as forged; GIVEN a foreign server on top THEN the same."""
    raw = f"Authentication-Results: {OURS}; {GOOD}\r\n".encode() + message()
    assert check(trace_of(raw), OFFICIAL, REQUIRE).code == "fail:forged"
    relayed = stamp(message(), GOOD)
    relayed = (f"Received: from {OURS} ({OURS} [198.51.100.1]) by mx.google.com; "
               f"Mon, 23 Nov 2026 09:01:00 +0700\r\n").encode() + relayed
    assert check(trace_of(relayed), OFFICIAL, REQUIRE).code == "fail:forged"


def test_internal_hops_of_ours_extend_the_trusted_zone():
    """GIVEN our mx hands the message to our mail store over loopback WHEN checked THEN the
    mx's A-R (below the store's Received) still counts; a HELO claiming our name does not."""
    trust = Trust.from_config(Workflow(auth_policy="require", authserv_id=OURS,
                                       our_hosts=[OURS, "store.inspektorat.example.go.id"]))
    inner = ("Received: from mx.inspektorat.example.go.id (localhost [127.0.0.1]) by "
             "store.inspektorat.example.go.id with LMTP; Mon, 23 Nov 2026 09:00:01 +0700\r\n")
    assert check(trace_of(inner.encode() + stamp(message(), GOOD)), OFFICIAL, trust).ok
    forged = f"Authentication-Results: {OURS}; {GOOD}\r\n".encode() + message()
    helo = stamp(forged, "none", client=f"{OURS} (unknown [203.0.113.66])")
    # the real border says the client was 203.0.113.66, whatever name it gave in HELO
    assert check(trace_of(helo), OFFICIAL, trust).code == "fail:forged"


@pytest.mark.parametrize("value", [
    f"{OURS.upper()}; DKIM=PASS header.d={D.upper()}",
    f"{OURS} (our mx; dkim=fail) ;\r\n  dkim=pass\r\n   (2048-bit key) header.d={D}",
    f'{OURS}; spf=pass reason="a;b (c)" smtp.mailfrom=irban3@{D}',
])
def test_folded_upper_case_and_commented_stamps_are_read(value):
    """GIVEN our genuine stamp written in upper case, folded or with comments WHEN checked THEN
    it is read as the pass it is."""
    raw = b"Authentication-Results: " + value.encode() + b"\r\n" + stamp(message(), None)
    assert check(trace_of(raw), OFFICIAL, REQUIRE).ok


@pytest.mark.parametrize("value", [
    f"{OURS.upper()}; DKIM=PASS header.d={D.upper()}",
    f"{OURS} (a comment);\r\n\tdkim=pass header.d={D}",
])
def test_folded_upper_case_and_commented_forgeries_are_still_forgeries(value):
    """GIVEN the same forms written by the sender below our border WHEN checked THEN forged."""
    raw = stamp(b"Authentication-Results: " + value.encode() + b"\r\n" + message(), "none")
    assert check(trace_of(raw), OFFICIAL, PREFER).code == "fail:forged"


@pytest.mark.parametrize("sender, extra", [
    (f"{OFFICIAL}, boss@attacker.example", ()),
    (OFFICIAL, [("Sender", "x@attacker.example")]),
])
def test_two_from_addresses_or_a_different_sender_fail(sender, extra):
    """GIVEN a From with two addresses, or a Sender other than From WHEN checked THEN fails
    even with a pass for the official's domain."""
    got = check(trace_of(stamp(message(sender, extra), GOOD)), OFFICIAL, REQUIRE)
    assert not got.ok and got.code in ("fail:from", "fail:sender")


ARC = [("ARC-Seal", "i=1; a=rsa-sha256; t=1; cv=none; d=forwarder.example.go.id; s=arc; b=x"),
       ("ARC-Message-Signature", "i=1; a=rsa-sha256; d=forwarder.example.go.id; s=arc; b=y"),
       ("ARC-Authentication-Results", f"i=1; mx.forwarder.example.go.id; dkim=pass header.d={D}")]


def arc_message():
    msg = message()
    return "".join(f"{n}: {v}\r\n" for n, v in ARC).encode() + msg


@pytest.mark.parametrize("sealers, arc, ok", [
    (["forwarder.example.go.id"], "pass", True),
    ([], "pass", False),
    (["other.example"], "pass", False),
    (["forwarder.example.go.id"], "fail", False),
])
def test_arc_counts_only_for_a_trusted_sealer_on_a_valid_chain(sealers, arc, ok):
    """GIVEN a forwarded reply our server failed on DMARC but whose ARC chain it validated
    WHEN the sealer is in arc_sealers THEN the sealer's results count; otherwise refused."""
    trust = Trust.from_config(Workflow(auth_policy="require", authserv_id=OURS,
                                       arc_sealers=sealers))
    raw = stamp(arc_message(), f"arc={arc} (i=1); dmarc=fail header.from={D}; "
                               f"dkim=fail header.d={D}")
    assert check(trace_of(raw), OFFICIAL, trust, own_domain=True).ok is ok


def test_evidence_without_authserv_id_trusts_nothing_and_policy_auto_resolves():
    """GIVEN no authserv_id WHEN read THEN nothing is trusted and auto means prefer (which
    says so); with one, auto means require; off warns."""
    t = Trust.from_config(Workflow())
    assert t.policy == "prefer" and not evidence(trace_of(stamp(message(), GOOD)), t).stamped
    assert any("DITERIMA" in line for line in describe(t))
    assert Trust.from_config(Workflow(authserv_id=OURS)).policy == "require"
    off = Trust.from_config(Workflow(auth_policy="off"))
    assert check((), None, off).ok and "PERINGATAN" in describe(off)[0]


def test_hostile_headers_do_not_crash():
    """GIVEN garbage stamps WHEN checked THEN refused with a reason, never an exception."""
    for junk in ("", ";;;", "dkim=pass", "(((", f"{OURS}; " + "a=" * 5000, '"' * 999):
        raw = b"Authentication-Results: " + junk.encode() + b"\r\n" + stamp(message(), None)
        got = check(trace_of(raw), OFFICIAL, REQUIRE)
        assert got.reason and got.ok is False


def test_display_names_with_commas_and_raw_utf8_addresses_are_read_as_one_address():
    """GIVEN an encoded display name containing a comma, or an SMTPUTF8 From in raw bytes WHEN
    checked THEN each From is one address: the first passes, the homoglyph one is read as
    itself (and so is not the official's address)."""
    encoded = b"From: =?utf-8?q?Irban_III=2C_Inspektorat?= <" + OFFICIAL.encode() + b">\r\n"
    raw = stamp(encoded + message().split(b"\n", 1)[1], GOOD)
    assert check(trace_of(raw), OFFICIAL, REQUIRE, own_domain=True).ok
    homoglyph = "irban3@inspekt\u043erat.example.go.id"
    raw = stamp(f"From: {homoglyph}\r\n".encode() + message().split(b"\n", 1)[1], GOOD)
    assert evidence(trace_of(raw), REQUIRE).froms == (homoglyph,)
    assert not check(trace_of(raw), homoglyph, REQUIRE, own_domain=True).ok
