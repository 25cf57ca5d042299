# SPDX-License-Identifier: AGPL-3.0-or-later
"""config.toml is validated at start, with one clear line naming the key."""
from pathlib import Path

import pytest

from pipeline.core import example
from pipeline.core.config import from_dict, load
from pipeline.core.errors import ConfigError


def test_the_shipped_config_is_valid_and_needs_no_secret():
    """GIVEN the commented config `paraf init` writes WHEN it is loaded THEN it validates."""
    import tomllib
    data = tomllib.loads(example.config_text())
    cfg = from_dict(data, Path("/srv/paraf"), env={})
    assert cfg.intake == "maildir://intake"
    assert cfg.database_url == "sqlite:////srv/paraf/paraf.db"


@pytest.mark.parametrize("data, words", [
    ({"intkae": "maildir://x"}, "unknown key 'intkae'"),
    ({"mailbox": {"chunk": "fifty"}}, "'mailbox.chunk' must be an integer"),
    ({"mailbox": {"chnk": 5}}, "unknown key 'mailbox.chnk'"),
    ({"service": {"extra_holidays": [20261224]}}, "'service.extra_holidays' must be a list of str"),
    ({"mailbox": {"idle": "yes"}}, "'mailbox.idle' must be true or false"),
    ({"intake": "pop3://x@y/INBOX"}, "'intake' must be a URL with one of the schemes"),
    ({"intake": "imaps://paraf@mail.example.go.id:993/INBOX"}, "PARAF_IMAP_PASSWORD"),
    ({"smtp": "smtps://paraf@mail.example.go.id:465"}, "PARAF_SMTP_PASSWORD"),
])
def test_a_bad_config_names_the_key(data, words):
    """GIVEN a typo, a wrong type or a missing secret WHEN loading THEN the error names it."""
    with pytest.raises(ConfigError) as err:
        from_dict(data, Path("."), env={})
    assert words in str(err.value)
    assert "\n" not in str(err.value)


def test_passwords_come_from_the_environment_only(tmp_path):
    """GIVEN an IMAP URL with a user WHEN the password is in the environment THEN it is used."""
    (tmp_path / "config.toml").write_text('intake = "imaps://paraf@mail.example.go.id/INBOX"\n')
    cfg = load(tmp_path / "config.toml", env={"PARAF_IMAP_PASSWORD": "s3cret"})
    assert cfg.imap_password == "s3cret"
    assert "s3cret" not in repr(cfg)


def test_a_missing_file_says_how_to_make_one(tmp_path):
    with pytest.raises(ConfigError, match="paraf init"):
        load(tmp_path / "nope.toml", env={})
