# SPDX-License-Identifier: AGPL-3.0-or-later
"""Test PKCS#12 creation, loading with right/wrong passphrase, and passphrase sources."""
from __future__ import annotations

import pytest
from cryptography import x509

from pipeline.core.errors import ParafError
from pipeline.signing import SigningError
from pipeline.signing.keys import create_test_pkcs12, load_signer, passphrase_from
from tests.signing.conftest import JABATAN, NAME, NIP, PASSPHRASE


def test_right_passphrase_loads_leaf_with_identity_and_key_usage(signer, key_file):
    """GIVEN a test PKCS#12 WHEN loaded with its passphrase
    THEN the certificate names the Inspector, allows signing, and is issued by the PEM CA."""
    subject = signer.signing_cert.subject.native
    assert subject["common_name"] == NAME
    assert subject["title"] == JABATAN
    assert subject["serial_number"] == NIP
    assert subject["country_name"] == "ID"
    usages = set(signer.signing_cert.key_usage_value.native)
    assert {"digital_signature", "non_repudiation"} <= usages
    ca = x509.load_pem_x509_certificate(key_file.with_suffix(".pem").read_bytes())
    assert signer.signing_cert.issuer.dump() == ca.subject.public_bytes()
    assert (key_file.stat().st_mode & 0o077) == 0


def test_wrong_passphrase_is_a_clear_error_without_the_secret(key_file):
    """GIVEN a test PKCS#12 WHEN loaded with a wrong passphrase
    THEN a SigningError (a ParafError) names the file and does not contain either passphrase."""
    wrong = b"salah-sandi-99"
    with pytest.raises(SigningError) as info:
        load_signer(key_file, wrong)
    message = str(info.value)
    assert isinstance(info.value, ParafError)
    assert message.startswith("wrong passphrase for ") and str(key_file) in message
    assert wrong.decode() not in message and PASSPHRASE.decode() not in message
    assert info.value.__cause__ is None  # the library error (and its context) is not chained


def test_missing_key_file_is_a_signing_error(tmp_path):
    """GIVEN no file WHEN loading THEN SigningError says it cannot be read."""
    with pytest.raises(SigningError, match="cannot read signing key"):
        load_signer(tmp_path / "absent.p12", PASSPHRASE)


def test_empty_passphrase_key_round_trips(tmp_path):
    """GIVEN a key made with a different, short passphrase WHEN loaded with it THEN it opens."""
    path = create_test_pkcs12(tmp_path / "k.p12", b"x", "Siti", NIP, "Sekretaris", days=30)
    assert load_signer(path, b"x").signing_cert.subject.native["common_name"] == "Siti"


def test_passphrase_from_env_and_file(tmp_path):
    """GIVEN the env var and/or a file WHEN reading the passphrase
    THEN the file wins, loses exactly one trailing newline (LF or CRLF), and env is the fallback."""
    env = {"PARAF_SIGN_PASSPHRASE": "dari-env"}
    assert passphrase_from(env, None) == b"dari-env"
    f = tmp_path / "pass"
    f.write_bytes(b"dari file \n\n")
    assert passphrase_from(env, f) == b"dari file \n"
    f.write_bytes(b"crlf\r\n")
    assert passphrase_from({}, f) == b"crlf"
    f.write_bytes(b"tanpa-newline")
    assert passphrase_from({}, f) == b"tanpa-newline"


def test_passphrase_missing_everywhere_is_an_error(tmp_path):
    """GIVEN neither env var nor a readable file WHEN reading the passphrase THEN SigningError."""
    with pytest.raises(SigningError, match="PARAF_SIGN_PASSPHRASE"):
        passphrase_from({}, None)
    with pytest.raises(SigningError, match="cannot read passphrase file"):
        passphrase_from({}, tmp_path / "none")
