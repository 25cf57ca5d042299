# SPDX-License-Identifier: AGPL-3.0-or-later
"""Active content never reaches staff (issue 14): hostile DOCX and PDF files sent by mail
(through the intake worker) and through the public form, on SQLite and PostgreSQL. A PDF
is cleaned and only the clean copy is served; an Office file with active content is refused,
listed with its reason and never served."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from pipeline.core.models import AgendaEntry, Attachment
from pipeline.letter import specimen
from tests import hostile_files as H
from tests.intake.helpers import mail_in, run_until_idle
from tests.mails import fields, letter_mail

from .conftest import sign_in
from .publicform import entries, submit

PDF_VARIANTS = ("openaction-js", "launch", "page-aa", "embedded-file", "xfa", "js-name-tree")
DOCX_VARIANTS = ("doctype-after-comment", "entity-in-custom-xml", "doctype-utf16", "macro",
                 "external-template")


def _mail_with(name: str, data: bytes, n: int) -> bytes:
    ctype = "application/pdf" if name.endswith(".pdf") else \
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return letter_mail(letter=fields(n), attach_letter=False, extra=[(name, ctype, data)])


def _rows(app, entry_id: int) -> list[Attachment]:
    with app.session() as s:
        rows = list(s.scalars(select(Attachment).where(Attachment.entry_id == entry_id)
                              .order_by(Attachment.id)))
        for r in rows:
            s.expunge(r)
    return rows


def test_mailed_pdfs_with_active_content_are_registered_from_a_clean_copy(client, web_app):
    """GIVEN letters by mail whose PDFs carry OpenAction JavaScript, Launch, a page AA, an
    embedded file, XFA, or JavaScript in the name tree
    WHEN the worker reads them and the clerk downloads the letter
    THEN each is registered from its text, the download is the cleaned copy with nothing
    active left, and the original is listed with the Indonesian reason, kept in the store,
    and refused for download."""
    originals = {}
    for n, variant in enumerate(PDF_VARIANTS, start=40):
        bad = H.HOSTILE_PDF[variant](specimen.make_pdf(fields(n)))
        originals[fields(n)["nomor"]] = bad
        mail_in(web_app, _mail_with("surat.pdf", bad, n))
    run_until_idle(web_app)
    assert sign_in(client, "dewi").status_code == 303
    found = entries(web_app)
    assert sorted(e.letter["nomor"] for e in found) == sorted(originals)
    for entry in found:
        assert entry.status == "registered", entry.reason
        letter, original = (next(r for r in _rows(web_app, entry.id) if r.role == role)
                            for role in ("letter", "refused"))
        assert original.refused_reason.startswith("isi aktif dihapus (")
        assert "salinan bersih" in original.refused_reason
        assert web_app.store.get(original.sha256, "att") == originals[entry.letter["nomor"]]
        got = client.get(f"/staf/entri/{entry.id}/berkas/{letter.id}")
        assert got.status_code == 200 and got.content.startswith(b"%PDF")
        assert got.content != originals[entry.letter["nomor"]]
        assert H.active_left(got.content) == set()
        refused = client.get(f"/staf/entri/{entry.id}/berkas/{original.id}")
        assert refused.status_code == 403 and "tidak aman" in refused.text
        page = client.get(f"/staf/entri/{entry.id}").text
        assert "isi aktif dihapus" in page
        assert f'/berkas/{original.id}"' not in page          # no link to the original


@pytest.mark.parametrize("variant", DOCX_VARIANTS)
def test_mailed_docx_with_active_content_is_refused_and_never_served(client, web_app,
                                                                      variant):
    """GIVEN a letter by mail whose only file is a DOCX with a hidden DTD, a macro project or
    an external template
    WHEN the worker reads it
    THEN no letter is read from it, the file is listed as refused with an Indonesian reason,
    and the clerk cannot download it."""
    bad = H.HOSTILE_DOCX[variant](specimen.make_docx(fields(60)))
    mail_in(web_app, _mail_with("surat.docx", bad, 60))
    start = time.perf_counter()
    run_until_idle(web_app)
    assert time.perf_counter() - start < 30
    (entry,) = entries(web_app)
    assert entry.agenda_no is None and entry.letter is None
    (row,) = _rows(web_app, entry.id)
    assert row.role == "refused" and "ditolak" in row.refused_reason
    assert sign_in(client, "dewi").status_code == 303
    assert client.get(f"/staf/entri/{entry.id}/berkas/{row.id}").status_code == 403


def test_form_upload_of_an_active_pdf_is_kept_cleaned(client, web_app):
    """GIVEN a requester uploading a PDF with an OpenAction JavaScript and a Launch action
    WHEN the form is sent and the clerk downloads the file
    THEN the request is registered, the clerk gets the cleaned copy and its note, and the
    original stays in the store as evidence only."""
    bad = H.pdf_launch(specimen.make_pdf(fields(70)))
    response = submit(client, files=[("berkas", ("lampiran.pdf", bad, "application/pdf"))])
    assert response.status_code == 200, response.text
    (entry,) = entries(web_app)
    (meta,) = entry.consultation["attachments"]
    assert web_app.store.get(meta["original_sha256"], "att") == bad
    assert "aksi Launch" in meta["note"] and "JavaScript" in meta["note"]
    assert sign_in(client, "dewi").status_code == 303
    got = client.get(f"/staf/konsultasi/{entry.id}/berkas/0")
    assert got.status_code == 200 and got.content != bad
    assert H.active_left(got.content) == set()
    assert "isi aktif dihapus" in client.get(f"/staf/konsultasi/{entry.id}").text


@pytest.mark.parametrize("variant", DOCX_VARIANTS + ("linked-image",))
def test_form_upload_of_an_active_docx_is_refused(client, web_app, variant):
    """GIVEN a requester uploading a DOCX with active content
    WHEN the form is sent
    THEN it is refused in bounded time with an Indonesian reason, and nothing registered."""
    bad = H.HOSTILE_DOCX[variant](specimen.make_docx(fields(71)))
    start = time.perf_counter()
    response = submit(client, files=[("berkas", ("surat.docx", bad, "application/octet-stream"))])
    assert time.perf_counter() - start < 10
    assert response.status_code == 400
    assert "Berkas «surat.docx» ditolak" in response.text
    assert any(w in response.text for w in ("DOCTYPE/ENTITY", "bermakro", "hubungan eksternal"))
    with web_app.session() as s:
        assert s.scalar(select(AgendaEntry.id)) is None


@pytest.mark.parametrize("variant", ("doctype-after-comment", "macro", "external-template"))
def test_an_officials_web_revision_with_active_content_is_refused(web_app, client, variant):
    """GIVEN an official at the paraf step uploading a revised draft that carries a hidden
    DTD, a macro project or an external template
    WHEN the upload is sent
    THEN it is refused with the Indonesian reason and no revision is made."""
    from .cases import edited_docx, hidden, letters, open_step, to_paraf, use_routing
    use_routing(web_app)
    letters(web_app, 1)
    to_paraf(web_app)
    paraf = open_step(web_app, "paraf", "irban-1")
    assert sign_in(client, "hendro").status_code == 303
    page = client.get(f"/staf/tugas/{paraf.id}").text
    fields = {k: hidden(page, k) for k in ("csrf", "revision", "stage")}
    bad = H.HOSTILE_DOCX[variant](edited_docx(web_app, paraf))
    response = client.post(f"/staf/tugas/{paraf.id}", data={**fields, "action": "upload"},
                           files={"docx": ("konsep-perbaikan.docx", bad, "application/zip")})
    assert response.status_code == 400 and "ditolak karena tidak aman" in response.text
    again = open_step(web_app, "paraf", "irban-1")
    assert (again.revision, again.stage) == (paraf.revision, paraf.stage)
