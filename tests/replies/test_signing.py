# SPDX-License-Identifier: AGPL-3.0-or-later
"""The Inspector signs a batch by reply: TTD SEMUA, TTD 1,3, TTD 1-3, TOLAK 2: notes."""
import pytest

from pipeline.casework.replies import Rejection, decide_signing, explain_signing


@pytest.mark.parametrize("fresh", ["TTD SEMUA", "ttd semua", "TTD: semuanya", "*TTD SEMUA*",
                                   "Sign all", "TTD SEMUA\n\nTerima kasih"])
def test_sign_everything(fresh):
    """GIVEN 'TTD SEMUA' WHEN read THEN every item of the batch is signed."""
    decision = decide_signing(fresh, count=4)
    assert decision.clear and decision.sign_all
    assert decision.to_sign(4) == (1, 2, 3, 4)


@pytest.mark.parametrize("fresh, items", [
    ("TTD 1,3", (1, 3)), ("TTD 1, 3", (1, 3)), ("TTD 1-3", (1, 2, 3)), ("ttd 3 dan 1", (1, 3)),
    ("TTD 1 - 2, 4", (1, 2, 4)), ("TTD 2\nTTD 4", (2, 4)), ("TTD 1,1,2", (1, 2)),
])
def test_sign_listed_items(fresh, items):
    """GIVEN TTD with numbers and ranges WHEN read THEN exactly those items are signed."""
    decision = decide_signing(fresh, count=5)
    assert decision.clear and not decision.sign_all
    assert decision.to_sign(5) == items


def test_sign_some_and_return_others_with_multi_line_notes():
    """GIVEN TTD lines and TOLAK lines whose notes continue on the next lines WHEN read THEN
    the signed and returned items are separated and the notes kept whole."""
    fresh = ("TTD 1,3\nTOLAK 2: dasar hukum kurang\nPerbup 12/2025 dicantumkan.\n\n"
             "TOLAK 4 - salah alamat\nTTD 5")
    decision = decide_signing(fresh, count=5)
    assert decision.clear
    assert decision.to_sign(5) == (1, 3, 5)
    assert decision.reject == (
        Rejection(2, "dasar hukum kurang\nPerbup 12/2025 dicantumkan."),
        Rejection(4, "salah alamat"))


def test_reject_only():
    """GIVEN only a TOLAK line WHEN read THEN nothing is signed and the item is returned."""
    decision = decide_signing("TOLAK 2, 3: tanggal surat salah", count=3)
    assert decision.clear and decision.to_sign(3) == ()
    assert [r.item for r in decision.reject] == [2, 3]


@pytest.mark.parametrize("fresh, problem", [
    ("", "no TTD or TOLAK"),
    ("Terima kasih", "not a command"),
    ("Mohon maaf\nTTD SEMUA", "not a command"),
    ("TTD SEMUA\nTOLAK 2: salah", "TTD SEMUA together with TOLAK"),
    ("TTD 1,2\nTOLAK 2: salah", "both signed and rejected"),
    ("TOLAK 2", "has no notes"),
    ("TOLAK: semua salah", "needs item numbers"),
    ("TTD 9", "no such item"),
    ("TTD 0", "invalid item"),
    ("TTD 3-1", "invalid item"),
    ("TTD yang penting saja", "cannot read"),
    ("TTD SEMUA\nkecuali nomor 2", "may change its meaning"),
    ("TTD 1\nyang 2 jangan dulu", "may change its meaning"),
])
def test_unreadable_or_conflicting_replies_sign_nothing(fresh, problem):
    """GIVEN a signing reply that conflicts, lacks numbers or notes, or says more than a command
    WHEN read THEN it is not clear, nothing is signed, and the problem is named."""
    decision = decide_signing(fresh, count=3)
    assert not decision.clear and decision.to_sign(3) == ()
    assert any(problem in p for p in decision.problems), decision.problems


def test_the_signing_explanation_shows_every_form():
    """GIVEN an unclear signing reply WHEN Paraf explains THEN every command form is shown."""
    text = explain_signing()
    assert all(word in text for word in ("TTD SEMUA", "TTD 1,3", "TTD 1-3", "TOLAK 2:"))


@pytest.mark.parametrize("fresh", ["", "Terima kasih", "TTD SEMUA\nTOLAK 2: salah",
                                   "TTD 1,2\nTOLAK 2: salah", "TOLAK 2", "TOLAK: semua salah",
                                   "TTD 9", "TTD 0", "TTD yang penting saja",
                                   "TTD 1\nyang 2 jangan dulu", "TTD " + "1," * 600])
def test_every_problem_is_told_to_the_inspector_in_indonesian(fresh):
    """GIVEN a signing reply Paraf cannot act on WHEN the Inspector is told why THEN each
    problem has its own Indonesian sentence (not the generic fallback)."""
    from pipeline.signing.byreply import in_indonesian
    problems = decide_signing(fresh, count=3).problems
    assert problems
    assert all(in_indonesian(p) != "perintah tidak dapat dibaca dengan pasti" for p in problems)


def test_sign_by_reply_is_off_unless_the_config_turns_it_on(tmp_path):
    """GIVEN the shipped config WHEN loaded THEN sign-by-reply is off and the file explains the
    passphrase trade-off; a value that is not true/false is refused by name."""
    from pipeline.core import example
    from pipeline.core.config import from_dict
    from pipeline.core.errors import ConfigError
    assert from_dict({}, tmp_path, env={}).signing.sign_by_reply is False
    assert from_dict({"signing": {"sign_by_reply": True}}, tmp_path,
                     env={}).signing.sign_by_reply is True
    with pytest.raises(ConfigError, match="'signing.sign_by_reply' must be true or false"):
        from_dict({"signing": {"sign_by_reply": "ya"}}, tmp_path, env={})
    shipped = example.config_text()
    assert "# sign_by_reply = true" in shipped and "PARAF_SIGN_PASSPHRASE" in shipped
