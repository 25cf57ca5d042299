# SPDX-License-Identifier: AGPL-3.0-or-later
"""The satisfaction survey over HTTP: asked once when the answer is delivered, taken once,
refused plainly when used, expired or unknown, and counted in the quarter's report with the
index computed by hand in tests/books/test_ikm.py."""
from __future__ import annotations

import io
import re
from datetime import timedelta

import pdfplumber
import pytest
from click.testing import CliRunner
from docx import Document
from sqlalchemy import select

from pipeline.books import evaluation
from pipeline.cli.main import cli
from pipeline.consult import survey, walkin
from pipeline.consult.survey_models import SurveyInvitation
from pipeline.core.db import utc
from pipeline.web import page as web_page
from tests.books.test_ikm import HAND, HAND_IKM

from .conftest import csrf_of, sign_in
from .surveys import answered_walkin, mail_text, survey_mails, token_of


def answers(values: list[int]) -> dict:
    return {e.code: str(v) for e, v in zip(survey.ELEMENTS, values)}


def post(client, token: str, values: list[int] | dict, comment: str = ""):
    form = values if isinstance(values, dict) else answers(values)
    return client.post(f"/survei/{token}", data={"csrf": csrf_of(client, "/"), **form,
                                                  "komentar": comment})


def invitation(app, entry_id: int) -> SurveyInvitation:
    with app.session() as s:
        row = s.scalar(select(SurveyInvitation).where(SurveyInvitation.entry_id == entry_id))
        s.expunge(row)
        return row


def test_an_answered_visit_is_asked_once_by_mail_and_by_a_qr_on_its_copy(web_app):
    """GIVEN a walk-in visitor whose question was answered THEN one short Indonesian mail
    carries a link whose token is kept only as a hash, valid 30 days; the completed copy
    prints the same link beside its QR code; asking again plans nothing more."""
    entry_id = answered_walkin(web_app, 1)
    [row] = survey_mails(web_app, entry_id)
    assert row.to_addrs == ["pengunjung1@example.id"]
    assert row.once_key == f"{entry_id}:survey:-"
    subject, body = mail_text(web_app, row)
    assert subject.startswith("Survei Kepuasan Layanan Konsultasi [")
    assert "Yth. Bapak/Ibu Pengunjung Uji 1" in body and "hanya dapat digunakan satu kali" in body
    token = token_of(web_app, entry_id)
    assert len(token) >= 22                                   # 16 random bytes, base64url
    row = invitation(web_app, entry_id)
    assert row.token_hash == survey.token_hash(token) and token not in row.token_hash
    assert utc(row.expires_at) - utc(row.created_at) == timedelta(days=30)
    assert (row.channel, row.official, row.unit) == ("walk-in", "auditor-1a",
                                                      row.unit or "-") and row.unit
    assert row.answered_at is None

    with web_app.session() as s:
        copy = walkin.copy_pdf(web_app, walkin.get(s, entry_id))
    with pdfplumber.open(io.BytesIO(copy)) as pdf:
        text = " ".join(" ".join((p.extract_text() or "") for p in pdf.pages).split())
    assert "Survei Kepuasan Masyarakat" in text and f"/survei/{token}" in text.replace(" ", "")

    with web_app.session() as s:
        assert survey.invite(s, web_app, walkin.get(s, entry_id), row.created_at) is None
    assert len(survey_mails(web_app)) == 1


def test_a_visitor_without_an_address_gets_only_the_printed_code(web_app):
    entry_id = answered_walkin(web_app, 2, email_addr="")
    assert survey_mails(web_app, entry_id) == []
    assert invitation(web_app, entry_id).token_hash


def test_the_survey_is_taken_once(client, web_app):
    """GIVEN a survey link WHEN the form misses an answer THEN it comes back naming it and
    nothing is saved; WHEN complete THEN saved; a second submission, whatever it says,
    changes nothing and says so in Indonesian."""
    entry_id = answered_walkin(web_app, 3)
    token = token_of(web_app, entry_id)
    page = client.get(f"/survei/{token}")
    assert page.status_code == 200
    assert page.text.count("<fieldset>") == 10                 # nine elements and the comment
    for element in survey.ELEMENTS:
        assert element.question in page.text
    assert "Sangat sesuai" in page.text and "Dikelola dengan baik" in page.text

    partial = answers(HAND[0])
    del partial["u8"]
    missing = post(client, token, partial)
    assert missing.status_code == 400
    assert "Pertanyaan 8 (Penanganan pengaduan, saran, dan masukan) belum dijawab." in missing.text
    assert 'value="4" required checked' in missing.text        # what was chosen is kept
    assert invitation(web_app, entry_id).answered_at is None
    out_of_scale = post(client, token, {**answers(HAND[0]), "u1": "5"})
    assert out_of_scale.status_code == 400 and invitation(web_app, entry_id).answered_at is None

    done = post(client, token, HAND[0], "Ruang tunggu <b>sempit</b>,\n  mohon diperluas.")
    assert done.status_code == 200 and "Terima kasih" in done.text
    saved = invitation(web_app, entry_id)
    assert saved.answers == HAND[0]
    assert saved.comment == "Ruang tunggu <b>sempit</b>, mohon diperluas."

    again = post(client, token, [1] * 9, "ubah")
    assert again.status_code == 409 and "sudah diisi" in again.text
    assert client.get(f"/survei/{token}").status_code == 409
    after = invitation(web_app, entry_id)
    assert (after.answers, after.comment, after.answered_at) == (saved.answers, saved.comment,
                                                                 saved.answered_at)


def test_an_expired_or_unknown_link_changes_nothing(client, web_app, monkeypatch):
    entry_id = answered_walkin(web_app, 4)
    token = token_of(web_app, entry_id)
    made = utc(invitation(web_app, entry_id).created_at)
    monkeypatch.setattr(web_page, "clock", lambda: made + timedelta(days=29, hours=23))
    assert client.get(f"/survei/{token}").status_code == 200             # still open
    monkeypatch.setattr(web_page, "clock", lambda: made + timedelta(days=30, seconds=1))
    gone = client.get(f"/survei/{token}")
    assert gone.status_code == 410 and "sudah tidak berlaku" in gone.text
    late = post(client, token, HAND[0])
    assert late.status_code == 410 and "sudah tidak berlaku" in late.text
    assert invitation(web_app, entry_id).answered_at is None

    for wrong in (token[:-1], token + "A", "x" * 22, token.upper()):
        if wrong == token:
            continue
        page = client.get(f"/survei/{wrong}")
        assert page.status_code == 404 and "tidak dikenal" in page.text
        assert post(client, wrong, HAND[0]).status_code == 404
    with web_app.session() as s:
        assert survey.submit(s, token, HAND[0], "", made + timedelta(days=31)) == "expired"
        assert survey.submit(s, token, HAND[0], "", made) == "saved"
        assert survey.submit(s, token, HAND[1], "", made) == "used"
    assert invitation(web_app, entry_id).answers == HAND[0]


def test_the_quarter_report_shows_the_hand_computed_index(client, web_app, tmp_path):
    """GIVEN five answered visits whose surveys hold the hand-computed example THEN the
    quarter's evaluation (CLI, Word) and the report page show IKM 83.33, grade B (Baik), the
    response rate, and the comment."""
    ids = [answered_walkin(web_app, 10 + i) for i in range(6)]   # one is never answered
    for entry_id, values in zip(ids, HAND):
        comment = "Pelayanan cepat dan jelas." if entry_id == ids[0] else ""
        assert post(client, token_of(web_app, entry_id), values, comment).status_code == 200
    with web_app.session() as s:
        local = walkin.today_local(web_app.cfg, utc(s.scalar(select(
            SurveyInvitation.answered_at).where(SurveyInvitation.answered_at.is_not(None))
            .limit(1))))
    quarter = f"{local.year}Q{(local.month - 1) // 3 + 1}"

    out = tmp_path / "evaluasi.docx"
    result = CliRunner().invoke(cli, ["--config", str(web_app.cfg.base_dir / "config.toml"),
                                      "report", "period", "--quarter", quarter,
                                      "--out", str(out)])
    assert result.exit_code == 0, (result.output, result.exception)
    assert f"IKM:           {HAND_IKM:.2f} grade B (Baik), 5 respondents" in result.output
    assert "survey:        6 sent, 5 answered (83 %)" in result.output
    doc = Document(str(out))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    text = "\n".join([p.text for p in doc.paragraphs] + cells)
    assert "83,33" in cells and "B (Baik)" in cells and "83 %" in cells   # decimal comma
    for nrr in ("3,60", "3,40", "2,80", "4,00", "3,20", "3,80"):
        assert nrr in cells
    assert "Datang langsung" in cells                         # volume and IKM by channel
    assert "Rina Kusumawati, S.E., Ak." in cells              # officials by name, not code
    assert "Pelayanan cepat dan jelas." in text
    assert len(doc.inline_shapes) == 2                        # both charts, as images
    since, until = evaluation.quarter(quarter)

    sign_in(client, "bambang")
    page = client.get(f"/staf/laporan?dari={since.isoformat()}&sampai={until.isoformat()}")
    assert page.status_code == 200
    html = " ".join(page.text.split())
    assert "83,33 · mutu B (Baik)" in html
    assert "5 dari 6 survei yang dikirim dalam periode (83 %)" in html
    assert re.search(r'<svg [^>]*role="img" aria-labelledby="ikm-title"', html)
    assert "Pelayanan cepat dan jelas." in html


def test_below_the_minimum_the_report_says_so(client, web_app):
    entry_id = answered_walkin(web_app, 30)
    assert post(client, token_of(web_app, entry_id), HAND[0]).status_code == 200
    sign_in(client, "bambang")
    html = " ".join(client.get("/staf/laporan").text.split())
    assert "belum cukup jawaban (paling sedikit 5 per unsur)" in html
    assert "mutu" not in html.split("Kepuasan masyarakat")[1].split("Grafik")[0].replace(
        "Mutu", "")


@pytest.mark.parametrize("bad", [{"valid_days": 0}, {"min_responses": "lima"}, {"x": 1}])
def test_wrong_survey_rules_are_named(bad, tmp_path):
    from pipeline.consult import survey_rules
    text = "\n".join(f"{k} = {v!r}".replace("'", '"') for k, v in bad.items())
    assert survey_rules.problems(text)


def test_rules_check_names_a_wrong_survey_toml(web_app):
    from pipeline.core.rulecheck import check_rules
    path = web_app.cfg.rules_path / "survey.toml"
    path.write_text("valid_days = 0\nmin_responses = 5\n")
    problems = check_rules(web_app.cfg.rules_path)
    assert [p.message for p in problems if p.file == "survey.toml"] == [
        "'valid_days' must be a whole number from 1 to 366"]


def test_the_report_page_takes_a_quarter(client, web_app):
    sign_in(client, "bambang")
    page = client.get("/staf/laporan?triwulan=2026Q4")
    assert page.status_code == 200
    assert "Periode 1 Oktober 2026 s.d. 31 Desember 2026" in page.text
    assert 'href="/staf/laporan?triwulan=' in page.text and "Triwulan IV" in page.text
    bad = client.get("/staf/laporan?triwulan=2026Q5")
    assert bad.status_code == 400 and "Triwulan tidak sah" in bad.text


def test_a_crafted_answer_or_a_near_miss_link_changes_nothing(client, web_app):
    """What a hand-made POST could send instead of a radio button (another digit form, a
    fraction, zero, a negative, a huge comment) is refused and saves nothing; a link with one
    character changed, or in another case, opens nothing."""
    entry_id = answered_walkin(web_app, 3)
    token = token_of(web_app, entry_id)
    for bad in ("\uff14", "4.0", "0", "-1", "4\x00", "1e0", ""):
        response = post(client, token, {**answers(HAND[0]), "u3": bad})
        assert response.status_code == 400, bad
        assert invitation(web_app, entry_id).answered_at is None, bad
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    for wrong in (flipped, token.upper() if token != token.upper() else token.lower()):
        assert post(client, wrong, HAND[0]).status_code == 404
    assert invitation(web_app, entry_id).answered_at is None
    long = post(client, token, HAND[0], "x" * 200_000)
    assert long.status_code in (200, 400, 413)
    saved = invitation(web_app, entry_id)
    assert saved.answered_at is None or len(saved.comment or "") <= 5000
