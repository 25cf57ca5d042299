# SPDX-License-Identifier: AGPL-3.0-or-later
"""Fixtures for signing tests: a test PKCS#12 (made once per module) and reportlab letters."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.signing.keys import create_test_pkcs12, load_signer

PASSPHRASE = b"kunci-rahasia-42"
NAME = "Dr. Budi Santoso, M.Si."
NIP = "197001011995031001"
JABATAN = "Inspektur Daerah Kota Pekalongan"
VERIFY_URL = "https://paraf.pekalongankota.go.id/verifikasi/{code}"


def make_letter(number: str = "700/123/INSP/2025", pages: int = 1) -> bytes:
    """A plain A4 letter; uncompressed so tests can find and alter its text in the bytes."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, pageCompression=0, invariant=1)
    for i in range(pages):
        c.setFont("Helvetica", 11)
        c.drawString(72, 770, "PEMERINTAH KOTA PEKALONGAN - INSPEKTORAT DAERAH")
        c.drawString(72, 740, f"Nomor: {number}")
        c.drawString(72, 700, f"Halaman {i + 1}: Dengan hormat, menindaklanjuti surat Saudara ...")
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def key_file(tmp_path_factory) -> Path:
    return create_test_pkcs12(tmp_path_factory.mktemp("keys") / "inspektur.p12", PASSPHRASE,
                              NAME, NIP, JABATAN)


@pytest.fixture(scope="module")
def signer(key_file):
    return load_signer(key_file, PASSPHRASE)


@pytest.fixture(scope="module")
def trust(key_file) -> list[bytes]:
    return [key_file.with_suffix(".pem").read_bytes()]


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """The loopback PKI (root, intermediate, OCSP, CRLs, TSA) served by certomancer."""
    from tests.signing.pki import make_pki
    ca = make_pki(tmp_path_factory.mktemp("pki"))
    ca.start()
    yield ca
    ca.stop()
