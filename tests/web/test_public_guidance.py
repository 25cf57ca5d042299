# SPDX-License-Identifier: AGPL-3.0-or-later
"""What a member of the public is told on the form: which fields are required, that a chosen
file must be chosen again after an error, and what to do when the upload is too large."""
from __future__ import annotations

import re

from .publicform import entries, pdf_bytes, submit


def test_every_required_field_is_marked_as_required(client):
    """GIVEN the form WHEN read THEN each field the browser requires carries the visible mark,
    and the legend explains it."""
    html = client.get("/").text
    required = re.findall(r'<label>([^<]+)<span class="req" aria-hidden="true">\*</span>', html)
    assert {r.strip() for r in required} >= {
        "Nama lengkap", "Instansi / OPD", "Jabatan", "Surel", "Nomor telepon", "Bidang",
        "Wilayah", "Maksud dan tujuan konsultasi", "Pertanyaan 1"}
    assert html.count(" required") == len(required)
    assert "wajib diisi" in html


def test_a_validation_error_says_the_chosen_file_must_be_chosen_again(client, web_app):
    """GIVEN a form with a file but no purpose WHEN sent THEN the page names the file that was
    not sent and asks for it again, and nothing is registered."""
    response = submit(client, purpose="",
                      files=[("berkas", ("rincian-anggaran.pdf", pdf_bytes(), "application/pdf"))])
    assert response.status_code == 400
    assert "rincian-anggaran.pdf" in response.text and "pilih kembali" in response.text
    assert entries(web_app) == []


def test_an_upload_over_the_limit_gets_a_page_not_a_text_line(client, web_app):
    """GIVEN a post larger than the form's limit WHEN sent THEN the visitor gets an Indonesian
    page with the limits and how to keep what they typed, under the same strict headers."""
    web = web_app.cfg.web
    limit = web.max_files * web.max_file_bytes + 1_000_000
    response = client.post("/permohonan", content=b"x" * (limit + 1),
                           headers={"content-type": "multipart/form-data; boundary=b"})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
    assert "Kiriman terlalu besar" in response.text and "tombol Kembali" in response.text
    assert f"{web.max_file_bytes // 1_000_000} MB" in response.text
    assert "default-src 'none'" in response.headers["content-security-policy"]
