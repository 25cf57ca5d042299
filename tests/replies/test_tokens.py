# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reply tokens: only Paraf can make one, and each names exactly one step/revision/stage."""
import re

import pytest

from pipeline.casework.replies import (
    StepRef,
    find_tokens,
    make_token,
    read_token,
    reply_address,
    secret_from_env,
    subject_tag,
)
from pipeline.core.errors import ConfigError

SECRET = b"k7JH2q9vWx4mZr8TnP3sYb6cLd5fGh1a"
OTHER = b"a1hGf5dLc6bYs3PnT8rZm4xWv9q2HJ7k"


def test_round_trip_for_small_and_huge_values():
    """GIVEN a step, revision and stage WHEN made into a token and read back THEN the same
    values return, and the token is lowercase base32 short enough for an address."""
    for values in [(1, 0, 0), (12345, 2, 1), (2**63 - 1, 2**31, 255)]:
        token = make_token(SECRET, *values)
        assert re.fullmatch(r"[a-z2-7]+", token) and len(token) <= 64
        assert read_token(SECRET, token) == StepRef(*values)
    assert len(make_token(SECRET, 123456, 3, 2)) <= 34


def test_tokens_differ_per_step_revision_and_stage():
    """GIVEN neighbouring steps, revisions and stages WHEN tokens are made THEN all differ."""
    tokens = {make_token(SECRET, s, r, g) for s in (1, 2) for r in (0, 1) for g in (0, 1)}
    assert len(tokens) == 8


def test_uppercased_token_still_reads():
    """GIVEN a token uppercased by a mail server WHEN read THEN it still names the step."""
    token = make_token(SECRET, 7, 1, 0)
    assert read_token(SECRET, token.upper()) == StepRef(7, 1, 0)


def test_every_single_character_change_is_refused():
    """GIVEN a token WHEN any one character is replaced THEN it no longer reads."""
    token = make_token(SECRET, 42, 3, 1)
    for i, ch in enumerate(token):
        for other in "a7q":
            if other != ch:
                assert read_token(SECRET, token[:i] + other + token[i + 1:]) is None, (i, other)


def test_forged_truncated_garbled_and_wrong_secret_tokens_are_refused():
    """GIVEN tokens that are truncated, extended, garbled, for another secret, or empty WHEN
    read THEN each gives None rather than an error."""
    token = make_token(SECRET, 42, 3, 1)
    bad = [token[:-1], token[:-8], token[:20], token + "a", token + "aaaaaaaa", "", "p-" + token,
           token.replace(token[5], "1"), "0" * 32, "é" * 32, "a" * 500,
           make_token(OTHER, 42, 3, 1)]
    assert all(read_token(SECRET, t) is None for t in bad)
    assert read_token(b"", token) is None


def test_a_token_for_another_step_cannot_be_spliced():
    """GIVEN a valid token for step 41 WHEN its MAC is combined with step 42's payload THEN
    nothing reads; each token only ever names its own step."""
    a, b = make_token(SECRET, 41, 3, 1), make_token(SECRET, 42, 3, 1)
    assert read_token(SECRET, a) == StepRef(41, 3, 1)
    assert read_token(SECRET, a[:8] + b[8:]) is None and read_token(SECRET, b[:8] + a[8:]) is None


def test_invalid_values_are_refused_when_making():
    """GIVEN a negative or oversized value WHEN making a token THEN ValueError."""
    for values in [(-1, 0, 0), (1, -1, 0), (1, 0, 2**63), (1.5, 0, 0)]:
        with pytest.raises(ValueError):
            make_token(SECRET, *values)


def test_reply_address_and_subject_tag_are_found_again():
    """GIVEN the plus-address and subject tag Paraf sends WHEN a reply comes back with them in
    To, Delivered-To or the subject THEN find_tokens returns the token once."""
    token = make_token(SECRET, 9, 0, 2)
    address = reply_address("konsultasi@inspektorat.example.go.id", token)
    assert address == f"konsultasi+p-{token}@inspektorat.example.go.id"
    assert subject_tag(token) == f"[PARAF p-{token}]"
    assert find_tokens([f"Paraf <{address}>"], "Re: hello") == [token]
    assert find_tokens(["budi@x.go.id", address.upper()], f"RE: {subject_tag(token)} Paraf") \
        == [token]
    assert find_tokens([], f"Fwd: Re: [paraf P-{token.upper()}] konsep") == [token]
    assert find_tokens(["konsultasi@x.go.id"], "Re: REVISI") == []


def test_several_candidates_are_all_returned_for_checking():
    """GIVEN a reply carrying two different tokens WHEN searched THEN both are candidates (the
    caller verifies each); a plain-address reply gives none."""
    t1, t2 = make_token(SECRET, 1, 0, 0), make_token(SECRET, 2, 0, 0)
    got = find_tokens([reply_address("k@x.go.id", t1)], subject_tag(t2))
    assert got == [t1, t2]
    assert [read_token(SECRET, t) for t in got] == [StepRef(1, 0, 0), StepRef(2, 0, 0)]


def test_reply_address_replaces_an_existing_tag_and_rejects_bad_input():
    """GIVEN a mailbox with a tag, or no '@', or a non-token WHEN an address is made THEN the
    tag is replaced or ValueError is raised."""
    token = make_token(SECRET, 9, 0, 2)
    assert reply_address("konsultasi+in@x.go.id", token) == f"konsultasi+p-{token}@x.go.id"
    with pytest.raises(ValueError):
        reply_address("konsultasi", token)
    with pytest.raises(ValueError):
        reply_address("konsultasi@x.go.id", "evil@attacker.example")


@pytest.mark.parametrize("env", [{}, {"PARAF_SECRET": ""}, {"PARAF_SECRET": "   "},
                                 {"PARAF_SECRET": "short-secret-31-characters-long"}])
def test_missing_or_short_secret_is_a_config_error_naming_the_variable(env):
    """GIVEN no secret or one under 32 characters WHEN read THEN ConfigError names
    PARAF_SECRET (and never echoes the value)."""
    with pytest.raises(ConfigError, match="PARAF_SECRET") as err:
        secret_from_env(env)
    assert "short-secret" not in str(err.value)


def test_secret_from_env_returns_bytes():
    """GIVEN a 32-character secret WHEN read THEN its UTF-8 bytes come back."""
    assert secret_from_env({"PARAF_SECRET": SECRET.decode()}) == SECRET
