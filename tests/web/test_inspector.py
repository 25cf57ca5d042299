# SPDX-License-Identifier: AGPL-3.0-or-later
"""The Inspector on the web: dispositions, the signing batch with the key passphrase, the
period report."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli.main import cli
from pipeline.core import events
from pipeline.core.models import AgendaEntry, Disposition, Event, OutgoingLetter
from pipeline.signing.convert import soffice
from pipeline.signing.verify import verify_pdf

from .cases import letters, open_step, to_initialled, use_routing
from .conftest import csrf_of, sign_in

PASSPHRASE = "kunci rahasia uji 42"
needs_office = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")


@pytest.fixture
def office(web_app, tmp_path):
    use_routing(web_app)
    (tmp_path / "pass").write_text(PASSPHRASE + "\n")
    out = CliRunner().invoke(cli, ["--config", str(web_app.cfg.base_dir / "config.toml"),
                                   "keys", "create-test", "--passphrase-file",
                                   str(tmp_path / "pass")])
    assert out.exit_code == 0, out.output
    return web_app


def test_the_inspector_accepts_and_redirects_dispositions(office, client):
    letters(office, 2)
    sign_in(client, "bambang")
    page = client.get("/staf/inspektur")
    assert page.status_code == 200 and page.text.count('name="action" value="approve"') == 2
    assert "Rina Kusumawati" in page.text                        # the routing proposal
    first = open_step(office, "disposition")
    token = csrf_of(client, "/staf/inspektur")
    ok = client.post(f"/staf/tugas/{first.id}", data={
        "csrf": token, "revision": 0, "stage": 0, "action": "approve",
        "back": "/staf/inspektur"})
    assert ok.status_code == 303 and ok.headers["location"] == "/staf/inspektur"
    second = open_step(office, "disposition")
    moved = client.post(f"/staf/tugas/{second.id}", data={
        "csrf": token, "revision": 0, "stage": 0, "action": "dispose", "target": "irban-1",
        "notes": "Mohon dijawab langsung oleh Irban I.", "back": "/staf/inspektur"})
    assert moved.status_code == 303
    with office.session() as s:
        disps = s.scalars(select(Disposition).order_by(Disposition.id)).all()
        assert [(d.assignee, d.decided_by) for d in disps] == [
            ("auditor-1a", "web:bambang"), ("irban-1", "web:bambang")]
        assert disps[1].instructions == "Mohon dijawab langsung oleh Irban I."
        assert events.verify(s) == []
    assert open_step(office, "drafting", "irban-1").entry_id == second.entry_id
    again = client.post(f"/staf/tugas/{second.id}", data={
        "csrf": token, "revision": 0, "stage": 0, "action": "approve"})
    assert again.status_code == 409                               # already disposed
    assert "Tidak ada disposisi" in client.get("/staf/inspektur").text


@needs_office
def test_the_inspector_signs_a_batch_of_three(office, client):
    """GIVEN three initialled letters WHEN the Inspector types a wrong passphrase THEN nothing
    is signed; WHEN the right one, signing all THEN 700/1..3 in order, PDFs that validate."""
    letters(office, 3)
    to_initialled(office)
    sign_in(client, "bambang")
    page = client.get("/staf/tandatangan")
    assert page.status_code == 200 and page.text.count('name="entry"') == 3
    assert "Hendro Wibowo" in page.text                           # who initialled
    token = csrf_of(client, "/staf/tandatangan")
    wrong = client.post("/staf/tandatangan", data={"csrf": token, "scope": "all",
                                                   "passphrase": "bukan kuncinya"})
    assert wrong.status_code == 400 and "Kata sandi kunci salah" in wrong.text
    with office.session() as s:
        assert s.scalars(select(OutgoingLetter)).all() == []
        assert set(s.scalars(select(AgendaEntry.status))) == {"initialled"}
    none = client.post("/staf/tandatangan", data={"csrf": token, "scope": "chosen",
                                                  "passphrase": PASSPHRASE})
    assert none.status_code == 400                                 # nothing chosen
    done = client.post("/staf/tandatangan", data={"csrf": token, "scope": "all",
                                                  "passphrase": PASSPHRASE})
    assert done.status_code == 303, done.text
    with office.session() as s:
        letters_out = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.seq)).all()
        assert [l.number for l in letters_out] == [f"700/{n}/ITDA/2026" for n in (1, 2, 3)]
        assert [l.entry_id for l in letters_out] == sorted(l.entry_id for l in letters_out)
        office_events = s.scalars(select(Event).where(Event.entry_id.is_(None))).all()
        assert events.verify(s) == []
    trust = office.cfg.path(office.cfg.signing.trust_pem).read_bytes()
    for letter in letters_out:
        assert verify_pdf(office.store.get(letter.pdf_sha256, "signed"), [trust]).ok
    kinds = {e.kind: e for e in office_events}
    assert kinds["batch_signed"].actor == "web:bambang"
    assert kinds["signing_refused"].actor == "web:bambang"
    for event in office_events:                      # the passphrase is in no record
        assert PASSPHRASE not in str(event.data) and "bukan kuncinya" not in str(event.data)
    assert "700/1/ITDA/2026" in client.get("/staf/tandatangan").text   # the notice
    assert "Tidak ada surat" in client.get("/staf/tandatangan").text


@needs_office
def test_signing_chosen_letters_only(office, client):
    letters(office, 2)
    to_initialled(office)
    sign_in(client, "bambang")
    with office.session() as s:
        first, second = s.scalars(select(AgendaEntry.id).order_by(AgendaEntry.id)).all()
    preview = client.get(f"/staf/tandatangan/{second}/pratinjau.pdf")
    assert preview.status_code == 200 and preview.content.startswith(b"%PDF")
    assert preview.headers["content-disposition"].startswith("attachment")
    token = csrf_of(client, "/staf/tandatangan")
    done = client.post("/staf/tandatangan", data={"csrf": token, "scope": "chosen",
                                                  "entry": [str(second)],
                                                  "passphrase": PASSPHRASE})
    assert done.status_code == 303
    with office.session() as s:
        assert s.get(AgendaEntry, first).status == "initialled"
        assert s.get(AgendaEntry, second).status == "signed"


def test_the_period_report_shows_its_chart_and_gives_the_docx(office, client):
    letters(office, 1)
    sign_in(client, "bambang")
    page = client.get("/staf/laporan?dari=2026-01-01&sampai=2026-12-31")
    assert page.status_code == 200 and "grafik.png?dari=2026-01-01&amp;sampai=2026-12-31" \
        in page.text
    chart = client.get("/staf/laporan/grafik.png?dari=2026-01-01&sampai=2026-12-31")
    assert chart.headers["content-type"] == "image/png" and chart.content[:4] == b"\x89PNG"
    docx = client.get("/staf/laporan/laporan.docx?dari=2026-01-01&sampai=2026-12-31")
    assert docx.content[:2] == b"PK" and "attachment" in docx.headers["content-disposition"]
    bad = client.get("/staf/laporan?dari=2026-12-31&sampai=2026-01-01")
    assert bad.status_code == 400
