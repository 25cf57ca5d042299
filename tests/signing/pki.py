# SPDX-License-Identifier: AGPL-3.0-or-later
"""A test PKI shaped like the national CA's, served for real on loopback by certomancer's
animator: a root, an intermediate CA that issues the signers' certificates, an OCSP responder
for the intermediate, CRLs for both, and an RFC 3161 time-stamping authority.

Keys are generated per test session; validity dates are relative to today. Signers: `signer`
(valid), `revoked` (revoked yesterday), `expired` (expired yesterday).
"""
from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.web.live import free_port

ARCH = "paraf"
KEYS = ("root", "interm", "tsa", "ocsp", "signer", "revoked", "expired")


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S+0000")


def _config(port: int) -> dict:
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    past, future = _iso(now - dt.timedelta(days=400)), _iso(now + dt.timedelta(days=3650))
    usage = lambda *u: {"id": "key_usage", "critical": True,  # noqa: E731
                        "smart-value": {"schema": "key-usage", "params": list(u)}}
    ca = [{"id": "basic_constraints", "critical": True, "value": {"ca": True}},
          usage("digital_signature", "key_cert_sign", "crl_sign")]
    leaf = [usage("digital_signature", "non_repudiation"),
            {"id": "crl_distribution_points",
             "smart-value": {"schema": "crl-dist-url", "params": {"crl-repo-names": ["interm"]}}},
            {"id": "authority_information_access",
             "smart-value": {"schema": "aia-urls",
                             "params": {"ocsp-responder-names": ["interm"],
                                        "ca-issuer-links": [{"repo": "interm"}]}}}]
    signer = {"issuer": "interm", "validity": {"valid-from": past, "valid-to": future},
              "extensions": leaf}
    return {
        "external-url-prefix": f"http://127.0.0.1:{port}",
        "keysets": {ARCH: {"keys": {k: {"path": f"{k}.key.pem"} for k in KEYS}}},
        "pki-architectures": {ARCH: {
            "keyset": ARCH,
            "entity-defaults": {"country-name": "ID", "organization-name": "Uji PSrE Paraf"},
            "entities": {"root": {"common-name": "Paraf Uji Root CA"},
                         "interm": {"common-name": "Paraf Uji CA Intermediate"},
                         "tsa": {"common-name": "Paraf Uji TSA"},
                         "ocsp": {"common-name": "Paraf Uji OCSP"},
                         "signer": {"common-name": "Drs. BAMBANG HARYANTO, M.Si."},
                         "revoked": {"common-name": "Pejabat Dicabut"},
                         "expired": {"common-name": "Pejabat Kedaluwarsa"}},
            "certs": {
                "root": {"subject": "root", "issuer": "root", "extensions": ca,
                         "validity": {"valid-from": past, "valid-to": _iso(
                             now + dt.timedelta(days=7300))}},
                "interm": {"issuer": "root", "validity": {"valid-from": past,
                                                          "valid-to": future},
                           "extensions": ca + [{"id": "crl_distribution_points",
                                                "smart-value": {"schema": "crl-dist-url",
                                                                "params": {"crl-repo-names":
                                                                           ["root"]}}}]},
                "ocsp": {"issuer": "interm", "validity": {"valid-from": past,
                                                          "valid-to": future},
                         "extensions": [usage("digital_signature"),
                                        {"id": "extended_key_usage", "critical": True,
                                         "value": ["ocsp_signing"]},
                                        {"id": "ocsp_no_check"}]},
                "tsa": {"issuer": "root", "validity": {"valid-from": past, "valid-to": future},
                        "extensions": [usage("digital_signature"),
                                       {"id": "extended_key_usage", "critical": True,
                                        "value": ["time_stamping"]},
                                       {"id": "crl_distribution_points",
                                        "smart-value": {"schema": "crl-dist-url",
                                                        "params": {"crl-repo-names":
                                                                   ["root"]}}}]},
                "signer": signer,
                "revoked": {**signer, "revocation": {
                    "revoked-since": _iso(now - dt.timedelta(days=1)),
                    "reason": "key_compromise"}},
                "expired": {**signer, "validity": {
                    "valid-from": past, "valid-to": _iso(now - dt.timedelta(days=1))}},
            },
            "services": {
                "ocsp": {"interm": {"for-issuer": "interm", "responder-cert": "ocsp",
                                    "signing-key": "ocsp"}},
                "crl-repo": {"root": {"for-issuer": "root", "signing-key": "root",
                                      "simulated-update-schedule": "P90D"},
                             "interm": {"for-issuer": "interm", "signing-key": "interm",
                                        "simulated-update-schedule": "P30D"}},
                "cert-repo": {"root": {"for-issuer": "root", "publish-issued-certs": True},
                              "interm": {"for-issuer": "interm",
                                         "publish-issued-certs": True}},
                "time-stamping": {"tsa": {"signing-key": "tsa", "signing-cert": "tsa"}},
            },
        }},
    }


@dataclass
class TestPKI:
    folder: Path
    port: int
    arch: object
    server: object = None
    thread: threading.Thread | None = None

    __test__ = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def tsa_url(self) -> str:
        return f"{self.url}/{ARCH}/tsa/tsa"

    def root_pem(self) -> bytes:
        return _pem(self.arch.get_cert("root"))

    def pkcs12(self, label: str, passphrase: bytes, with_root: bool = False) -> Path:
        """LABEL's key and certificate with the intermediate CA (and the root, if asked)."""
        chain = ["interm", "root"] if with_root else ["interm"]
        data = self.arch.package_pkcs12(label, certs_to_embed=chain, password=passphrase)
        path = self.folder / f"{label}.p12"
        path.write_bytes(data)
        return path

    def start(self) -> None:
        from certomancer.integrations.animator import Animator, AnimatorArchStore
        from werkzeug.serving import make_server
        animator = Animator(AnimatorArchStore({ARCH: self.arch}), with_web_ui=False)
        self.server = make_server("127.0.0.1", self.port, animator, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.thread.join(timeout=10)
            self.server = None


def _pem(cert) -> bytes:
    from cryptography import x509
    return x509.load_der_x509_certificate(cert.dump()).public_bytes(serialization.Encoding.PEM)


def make_pki(folder: Path) -> TestPKI:
    """Keys and configuration in FOLDER; the animator is not yet started."""
    from certomancer.registry import CertomancerConfig
    folder.mkdir(parents=True, exist_ok=True)
    for name in KEYS:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        (folder / f"{name}.key.pem").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
    port = free_port()
    config = CertomancerConfig(_config(port), key_search_dir=str(folder))
    return TestPKI(folder, port, config.get_pki_arch(ARCH))
