# SPDX-License-Identifier: AGPL-3.0-or-later
"""The Inspector's signing key: loading it from PKCS#12, and making test keys.

Production keys come from the certification authority as a .p12 file. Tests and demos need the
same shape of file, so `create_test_pkcs12` makes a tiny CA plus a leaf certificate (a chain
validates like the real thing, a lone self-signed leaf does not). The passphrase is only ever
passed through: it is never logged, stored or put in an error message.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.sign import signers
from pyhanko.sign.general import get_pyca_cryptography_hash

from pipeline.signing.errors import SigningError

PASSPHRASE_ENV = "PARAF_SIGN_PASSPHRASE"
# The organizational unit of every test certificate: whoever inspects a signature sees it.
TEST_MARK = "KUNCI UJI COBA - bukan untuk surat resmi"


def _name(cn: str, org: str, **extra: str) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    if "title" in extra:
        attrs.append(x509.NameAttribute(NameOID.TITLE, extra["title"]))
    if "serial" in extra:
        attrs.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, extra["serial"]))
    if "unit" in extra:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, extra["unit"]))
    attrs += [x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
              x509.NameAttribute(NameOID.COUNTRY_NAME, "ID")]
    return x509.Name(attrs)


def _key_usage(*, signer: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signer, content_commitment=signer, key_encipherment=False,
        data_encipherment=False, key_agreement=False, key_cert_sign=not signer,
        crl_sign=not signer, encipher_only=False, decipher_only=False)


def create_test_pkcs12(path: Path, passphrase: bytes, name: str, nip: str, jabatan: str,
                       org: str = "Inspektorat Daerah Kota Pekalongan",
                       days: int = 3650) -> Path:
    """Write a PKCS#12 with a test CA + leaf (RSA-2048) and the CA as `<path>.pem`.

    The leaf carries CN=name, title=jabatan, serialNumber=NIP, OU=TEST_MARK, O=org, C=ID and
    the key usages a signing certificate has (digitalSignature, nonRepudiation). Not for
    production use, and marked so.
    """
    path = Path(path)
    now = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)
    until = now + dt.timedelta(days=days)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _name(f"Paraf Test CA ({org})", org)
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_cert = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(until + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(signer=False), critical=True)
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(_name(name, org, title=jabatan, serial=nip, unit=TEST_MARK))
        .issuer_name(ca_name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(until)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(signer=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski),
                       critical=False)
        .sign(ca_key, hashes.SHA256()))
    data = pkcs12.serialize_key_and_certificates(
        name=name.encode(), key=key, cert=leaf, cas=[ca_cert],
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.chmod(path, 0o600)
    path.with_suffix(".pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    return path


class _KeyCachingSigner(signers.SimpleSigner):
    """SimpleSigner that parses its private key once instead of on every signature.

    pyHanko's SimpleSigner re-parses the key from DER for each raw signature (twice per PDF: size
    estimate and real signature); for RSA that check costs ~40 ms, most of a letter's signing time.
    """

    _pyca_key = None

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        try:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        except ValueError:
            mechanism = None
        if mechanism in ("rsassa_pkcs1v15", "ecdsa"):
            if self._pyca_key is None:
                self._pyca_key = serialization.load_der_private_key(self.signing_key.dump(), None)
            hash_algo = get_pyca_cryptography_hash(digest_algorithm)
            if mechanism == "ecdsa":
                return self._pyca_key.sign(data, ec.ECDSA(hash_algo))
            return self._pyca_key.sign(data, padding.PKCS1v15(), hash_algo)
        return super().sign_raw(data, digest_algorithm)  # PSS, EdDSA, ...: the library's way


def load_signer(path: Path, passphrase: bytes) -> signers.SimpleSigner:
    """Open the PKCS#12 at `path` as a pyHanko signer (certificate chain included).

    Raises SigningError naming the file, never the passphrase, when the file is missing or the
    passphrase does not open it.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SigningError(f"cannot read signing key {path}: {e.strerror}") from None
    try:
        loaded = signers.SimpleSigner.load_pkcs12_data(data, other_certs=None,
                                                       passphrase=passphrase)
    except ValueError:
        # cryptography cannot tell a wrong passphrase from a damaged file; the former is usual.
        raise SigningError(
            f"wrong passphrase for {path} (or the file is not a PKCS#12 key)") from None
    return _KeyCachingSigner(signing_cert=loaded.signing_cert, signing_key=loaded.signing_key,
                             cert_registry=loaded.cert_registry)


def passphrase_from(env: Mapping[str, str], file: Path | None = None) -> bytes:
    """The key passphrase: from `file` when given, else from $PARAF_SIGN_PASSPHRASE.

    A file written by an editor ends in a newline that is not part of the passphrase, so exactly
    one trailing newline (LF or CRLF) is removed; any other whitespace is kept.
    """
    if file is not None:
        try:
            raw = Path(file).read_bytes()
        except OSError as e:
            raise SigningError(f"cannot read passphrase file {file}: {e.strerror}") from None
        for ending in (b"\r\n", b"\n"):
            if raw.endswith(ending):
                return raw[: -len(ending)]
        return raw
    value = env.get(PASSPHRASE_ENV)
    if value is None:
        raise SigningError(f"no signing passphrase: set {PASSPHRASE_ENV} or give a passphrase file")
    return value.encode()
