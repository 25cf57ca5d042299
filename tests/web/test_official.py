# SPDX-License-Identifier: AGPL-3.0-or-later
"""Officials act on their own queue on the web, through the same workflow as e-mail replies."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from pipeline.core import events
from pipeline.core.models import AgendaEntry, DraftRevision, Event, Step
from pipeline.signing.convert import soffice

from .cases import (
    ANSWERS,
    edited_docx,
    hidden,
    letters,
    open_step,
    to_drafting,
    to_paraf,
    use_routing,
)
from .conftest import sign_in
from .publicform import body, mails


@pytest.fixture
def office(web_app):
    use_routing(web_app)
    letters(web_app, 1)
    return web_app


def form(client, step_id: int) -> dict:
    page = client.get(f"/staf/tugas/{step_id}")
    assert page.status_code == 200, page.text
    return {"csrf": hidden(page.text, "csrf"), "revision": hidden(page.text, "revision"),
            "stage": hidden(page.text, "stage")}


def entry_events(app, step) -> list[Event]:
    with app.session() as s:
        entry = s.get(AgendaEntry, step.entry_id)
        return [(e.kind, e.actor, e.to_status) for e in entry.events]


def test_the_queue_lists_my_open_steps_with_due_times(office, client):
    to_drafting(office)
    sign_in(client, "rina")
    page = client.get("/staf/tugas")
    assert page.status_code == 200
    assert "Penyusunan jawaban" in page.text and "0001/SM/ITDA/2026" in page.text
    sign_in(client, "hendro")
    assert "Tidak ada tugas" in client.get("/staf/tugas").text


def test_an_official_drafts_and_the_superior_initials_on_the_web(office, client):
    """GIVEN a disposed case WHEN rina writes the answers and hendro initials on the web
    THEN the case is ready to sign, and the events name web:rina and web:hendro."""
    to_drafting(office)
    drafting = open_step(office, "drafting", "auditor-1a")
    sign_in(client, "rina")
    page = client.get(f"/staf/tugas/{drafting.id}")
    assert "Apakah pengembalian kelebihan" in page.text          # the letter's questions
    assert client.get(f"/staf/tugas/{drafting.id}/konsep.docx").headers[
        "content-disposition"].startswith("attachment")
    sent = client.post(f"/staf/tugas/{drafting.id}", data={
        **form(client, drafting.id), "action": "draft", "answer": ANSWERS})
    assert sent.status_code == 303, sent.text
    paraf = open_step(office, "paraf", "irban-1")
    assert paraf.revision == 1
    sign_in(client, "hendro")
    page = client.get(f"/staf/tugas/{paraf.id}")
    assert "Beri paraf" in page.text
    if soffice():
        preview = client.get(f"/staf/tugas/{paraf.id}/pratinjau.pdf")
        assert preview.content.startswith(b"%PDF")
        assert preview.headers["content-disposition"].startswith("attachment")
    done = client.post(f"/staf/tugas/{paraf.id}", data={**form(client, paraf.id),
                                                          "action": "approve"})
    assert done.status_code == 303 and done.headers["location"] == "/staf/tugas"
    history = entry_events(office, paraf)
    assert ("draft", "web:rina", "drafted") in history
    assert ("paraf", "web:hendro", "drafted") in history
    assert history[-1] == ("initial", "paraf", "initialled")
    with office.session() as s:
        assert s.scalars(select(DraftRevision.source)).all() == ["web"]
        assert events.verify(s) == []


def test_return_with_notes_goes_back_to_the_drafter(office, client):
    to_paraf(office)
    paraf = open_step(office, "paraf", "irban-1")
    sign_in(client, "hendro")
    fields = form(client, paraf.id)
    empty = client.post(f"/staf/tugas/{paraf.id}", data={**fields, "action": "return",
                                                          "notes": "  "})
    assert empty.status_code == 400 and "catatan" in empty.text.lower()
    assert open_step(office, "paraf", "irban-1").id == paraf.id     # nothing changed
    back = client.post(f"/staf/tugas/{paraf.id}", data={
        **fields, "action": "return", "notes": "Paragraf kedua kurang jelas."})
    assert back.status_code == 303
    drafting = open_step(office, "drafting", "auditor-1a")
    assert ("return", "web:hendro", "disposed") in entry_events(office, paraf)
    sign_in(client, "rina")
    assert "Paragraf kedua kurang jelas." in client.get(f"/staf/tugas/{drafting.id}").text


def test_upload_of_a_revised_docx_makes_a_new_revision(office, client):
    """GIVEN hendro, the only level of the chain, at his paraf WHEN he uploads a revised DOCX
    THEN it becomes revision 2, counts as his paraf on it (he is not asked again), so the case
    is ready to sign, and his registered address gets the confirmation."""
    to_paraf(office)
    paraf = open_step(office, "paraf", "irban-1")
    sign_in(client, "hendro")
    fields = form(client, paraf.id)
    bogus = client.post(f"/staf/tugas/{paraf.id}", data={**fields, "action": "upload"},
                        files={"docx": ("konsep.docx", b"not a word file", "application/zip")})
    assert bogus.status_code == 400 and "bukan dokumen Word" in bogus.text
    revised = client.post(f"/staf/tugas/{paraf.id}", data={**fields, "action": "upload"},
                          files={"docx": ("konsep-perbaikan.docx", edited_docx(office, paraf),
                                          "application/vnd.openxmlformats-officedocument."
                                          "wordprocessingml.document")})
    assert revised.status_code == 303, revised.text
    assert ("revise", "web:hendro", "drafted") in entry_events(office, paraf)
    with office.session() as s:
        authors = s.scalars(select(DraftRevision.author).order_by(DraftRevision.number)).all()
        assert authors == ["web:rina", "web:hendro"]
        own = s.scalars(select(Step).where(Step.kind == "paraf", Step.revision == 2)).one()
        assert (own.official, own.status, own.outcome) == ("irban-1", "done", "approved")
        assert s.scalars(select(AgendaEntry.status)).one() == "initialled"
    (confirm,) = [m for m in mails(office, "note-step_confirm")
                  if "revisi baru" in body(m)]
    assert confirm["To"].addresses[0].addr_spec == office.workflow.by_code["irban-1"].emails[0]
    assert "halaman web Paraf (akun hendro)" in body(confirm)


def test_a_stale_form_is_refused_and_changes_nothing(office, client):
    """GIVEN hendro's paraf page for revision 1 WHEN a new revision replaces it and he sends
    the old page THEN he is told it is outdated and nothing moves."""
    to_paraf(office)
    paraf = open_step(office, "paraf", "irban-1")
    sign_in(client, "hendro")
    old = form(client, paraf.id)
    client.post(f"/staf/tugas/{paraf.id}", data={**old, "action": "upload"},
                files={"docx": ("k.docx", edited_docx(office, paraf), "application/octet-stream")})
    with office.session() as s:      # his own revision counts as his paraf on it
        newer = s.scalars(select(Step).where(Step.kind == "paraf", Step.revision == 2)).one()
        newer_id = newer.id
    before = entry_events(office, paraf)
    stale = client.post(f"/staf/tugas/{paraf.id}", data={**old, "action": "approve"})
    assert stale.status_code == 409 and "usang" in stale.text
    wrong_rev = client.post(f"/staf/tugas/{newer_id}", data={**old, "action": "approve"})
    assert wrong_rev.status_code == 409
    assert entry_events(office, paraf) == before


def test_someone_elses_step_is_forbidden(office, client):
    to_drafting(office)
    drafting = open_step(office, "drafting", "auditor-1a")
    sign_in(client, "rina")
    fields = form(client, drafting.id)
    sign_in(client, "hendro")
    assert client.get(f"/staf/tugas/{drafting.id}").status_code == 403
    assert client.get(f"/staf/tugas/{drafting.id}/konsep.docx").status_code == 403
    posted = client.post(f"/staf/tugas/{drafting.id}", data={
        **fields, "csrf": form_csrf(client), "action": "draft", "answer": ANSWERS})
    assert posted.status_code == 403
    assert open_step(office, "drafting", "auditor-1a").id == drafting.id
    assert client.get("/staf/tugas/999999").status_code == 404


def form_csrf(client) -> str:
    return hidden(client.get("/staf/tugas").text, "csrf")


def test_the_clerk_with_an_official_code_sees_her_own_queue(office, client):
    sign_in(client, "dewi")
    assert client.get("/staf/tugas").status_code == 200
    sign_in(client, "admin")
    assert client.get("/staf/tugas").status_code == 403
