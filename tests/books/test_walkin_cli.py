# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf walkin`: the desk from the command line, in confirm mode (the Inspector's
disposition e-mail, or a senior official disposing at the desk) and in auto mode (by rule)."""
from __future__ import annotations

import io
import json
from datetime import datetime, timezone

import pdfplumber
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli.main import cli
from pipeline.consult import walkin
from pipeline.core.models import AgendaEntry, OutboxMail, Step
from pipeline.core.workspace import set_key

SECRET = "s3cret-for-tests-only-0123456789abcdef"
ADD = ["walkin", "add", "--name", "Agus Salim", "--institution", "Disdik",
       "--position", "Bendahara BOS", "--purpose", "Konsultasi tindak lanjut LHP Dana BOS",
       "--question", "Bagaimana menyetor kelebihan bayar?", "--question",
       "Apakah boleh diangsur?", "--email", "agus@example.id", "--phone", "0812 111 222"]


def text_of(path) -> str:
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        return " ".join(" ".join((p.extract_text() or "") for p in pdf.pages).split())


@pytest.fixture
def run(app, monkeypatch):
    monkeypatch.setenv("PARAF_SECRET", SECRET)
    runner = CliRunner()
    base = ["--config", str(app.cfg.base_dir / "config.toml")]

    def invoke(*args, ok=True):
        result = runner.invoke(cli, base + list(args))
        if ok:
            assert result.exit_code == 0, (result.output, result.exception)
        return result
    return invoke


def test_add_dispose_answer_and_list_in_confirm_mode(app, run, tmp_path):
    added = run(*ADD, "--form", str(tmp_path / "formulir.pdf"))
    agenda_no = added.output.splitlines()[0]
    assert agenda_no == "0001/KONS/ITDA/2026"
    assert "same-day target" in added.output and "disposition by inspektur" in added.output
    form = text_of(tmp_path / "formulir.pdf")
    assert "FORMULIR KONSULTASI" in form and "Agus Salim" in form
    assert "Dinas Pendidikan Kota Pekalongan" in form           # 'Disdik' is the rules' OPD
    assert "Apakah boleh diangsur?" in form

    listed = json.loads(run("walkin", "list", "--json").output)
    assert [(r["agenda_no"], r["status"], r["waiting_on"], r["today"]) for r in listed] == [
        (agenda_no, "registered", "disposition:inspektur", True)]

    refused = run("walkin", "dispose", agenda_no, "--to", "auditor-1a", "--by", "p2upd-1b",
                  ok=False)
    assert refused.exit_code != 0 and "tidak berwenang" in str(refused.exception)
    run("walkin", "dispose", agenda_no, "--to", "auditor-1a", "--by", "irban-1",
        "--instructions", "Jawab hari ini.")
    with app.session() as s:
        entry = s.scalar(select(AgendaEntry).where(AgendaEntry.agenda_no == agenda_no))
        assert entry.status == "disposed"
        steps = list(s.scalars(select(Step).where(Step.entry_id == entry.id).order_by(Step.id)))
        assert [(st.kind, st.official, st.status) for st in steps] == [
            ("disposition", "inspektur", "done"), ("drafting", "auditor-1a", "open")]
        assert walkin.utc(steps[1].due_at) <= walkin.target_of(entry)   # held to the day

    wrong = run("walkin", "answer", agenda_no, "--official", "auditor-2a", "--summary", "x",
                ok=False)
    assert wrong.exit_code != 0 and "tidak memegang" in str(wrong.exception)
    answered = run("walkin", "answer", agenda_no, "--official", "auditor-1a", "--summary",
                   "Setor ke kas daerah; angsuran dengan surat pernyataan.", "--copy",
                   str(tmp_path / "salinan.pdf"))
    assert "within the same-day target" in answered.output
    assert "copy mailed to agus@example.id" in answered.output
    copy = text_of(tmp_path / "salinan.pdf")
    assert "SALINAN" in copy and "Setor ke kas daerah; angsuran dengan surat pernyataan." in copy
    assert "Jawab hari ini." in copy and "(tepat waktu)" in copy

    run("walkin", "print", agenda_no, "--copy", "--out", str(tmp_path / "lagi.pdf"))
    assert (tmp_path / "lagi.pdf").read_bytes() == (tmp_path / "salinan.pdf").read_bytes()
    [row] = json.loads(run("walkin", "list", "--json").output)
    assert (row["status"], row["on_time"]) == ("closed", True)
    table = run("walkin", "list").output
    assert agenda_no in table and "Selesai" in table
    with app.session() as s:
        [mail] = s.scalars(select(OutboxMail).where(OutboxMail.kind == "walkin-copy"))
        assert mail.to_addrs == ["agus@example.id"]
        kinds = [e.kind for e in s.scalar(select(AgendaEntry)).events]
        assert kinds == ["register", "printed", "dispose", "answer", "notified", "archived",
                         "close", "printed", "printed"]


def test_auto_mode_disposes_by_rule_and_holds_the_step_to_the_day(app, run, tmp_path):
    config = app.cfg.base_dir / "config.toml"
    config.write_text(set_key(config.read_text(), "disposition", "auto"))
    added = run(*ADD)
    assert "disposed by rule" in added.output or "drafting by auditor-3a" in added.output
    with app.session() as s:
        entry = s.scalar(select(AgendaEntry))
        step = walkin.drafting_step(s, entry)
        assert (entry.status, step.official) == ("disposed", "auditor-3a")
        assert walkin.utc(step.due_at) <= walkin.target_of(entry)
    run("walkin", "answer", entry.agenda_no, "--official", "auditor-3a", "--summary", "Ya.")
    with app.session() as s:
        assert s.scalar(select(AgendaEntry.status)) == "closed"


def test_a_visit_needs_a_name_and_a_valid_address(run):
    bad = run("walkin", "add", "--name", " ", "--institution", "Disdik", "--purpose", "x",
              "--question", "y", "--email", "not-an-address", ok=False)
    assert bad.exit_code != 0
    assert "Nama wajib diisi" in str(bad.exception) and "surel" in str(bad.exception)


def test_the_same_day_target_skips_days_off_and_closed_hours(app):
    cfg = app.cfg
    at = lambda *a: datetime(*a, tzinfo=timezone.utc)               # noqa: E731
    # Monday 30 Nov 2026, 09.00 WIB: that day at 16.00 WIB (09.00 UTC)
    assert walkin.target_for(cfg, at(2026, 11, 30, 2, 0)) == at(2026, 11, 30, 9, 0)
    # the same Monday at 17.00 WIB: after closing, so Tuesday 16.00 WIB
    assert walkin.target_for(cfg, at(2026, 11, 30, 10, 0)) == at(2026, 12, 1, 9, 0)
    # Saturday 28 Nov: the next working day, Monday
    assert walkin.target_for(cfg, at(2026, 11, 28, 3, 0)) == at(2026, 11, 30, 9, 0)
    # Friday 25 Dec 2026 is Christmas: Monday 28 Dec
    assert walkin.target_for(cfg, at(2026, 12, 24, 10, 0)) == at(2026, 12, 28, 9, 0)
