# SPDX-License-Identifier: AGPL-3.0-or-later
"""Precedents for the drafter, end to end: a case answered, initialled and signed for real is
shown to the drafter of a later, reworded question, in the drafting mail and on the step page;
a case still being drafted never is."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli.main import cli
from pipeline.core.models import AgendaEntry, OutgoingLetter, Step
from pipeline.intake.maildir import deliver
from pipeline.signing.convert import soffice
from pipeline.worker import run_once
from tests.mails import fields, letter_mail

from .cases import act, open_step, to_drafting, use_routing
from .conftest import sign_in
from .publicform import body, mails

PASSPHRASE = "kunci rahasia uji 42"
BOS = fields(900, hal="Permohonan Konsultasi Penggunaan Dana BOS", pertanyaan=[
    "Apakah dana BOS dapat digunakan untuk membayar honor guru honorer yang belum terdaftar "
    "di Dapodik?",
    "Bagaimana pertanggungjawaban belanja buku perpustakaan dari dana BOS?"])
BOS_ANSWERS = [
    "Tidak dapat. Honor guru honorer dari dana BOS hanya bagi guru yang tercatat di Dapodik "
    "dan memiliki NUPTK, sesuai petunjuk teknis BOS Reguler.",
    "Dipertanggungjawabkan dengan bukti pembelian dan dicatat dalam buku inventaris sekolah."]
KAPITASI = fields(901, hal="Konsultasi Sisa Dana Kapitasi JKN", pertanyaan=[
    "Apakah sisa dana kapitasi JKN tahun lalu dapat dipakai untuk pembelian alat kesehatan "
    "di puskesmas?"])
REWORDED = fields(902, hal="Permohonan Petunjuk Honorarium Guru", pertanyaan=[
    "Bolehkah honorarium guru non-ASN yang tidak tercatat dalam Dapodik dibayarkan memakai "
    "dana Bantuan Operasional Sekolah (BOS)?"])


@pytest.fixture
def office(web_app, tmp_path):
    use_routing(web_app)
    (tmp_path / "pass").write_text(PASSPHRASE + "\n")
    base = ["--config", str(web_app.cfg.base_dir / "config.toml")]
    out = CliRunner().invoke(cli, base + ["keys", "create-test", "--passphrase-file",
                                          str(tmp_path / "pass")])
    assert out.exit_code == 0, out.output
    return web_app, base, ["--passphrase-file", str(tmp_path / "pass")]


def arrive(app, letter: dict) -> int:
    deliver(app.cfg.base_dir / "intake", letter_mail(letter=letter))
    run_once(app)
    to_drafting(app)
    with app.session() as s:
        return s.scalar(select(AgendaEntry.id).where(AgendaEntry.letter["nomor"].as_string()
                                                     == letter["nomor"]))


def drafting_step(app, entry_id: int) -> Step:
    with app.session() as s:
        step = s.scalars(select(Step).where(Step.entry_id == entry_id, Step.kind == "drafting",
                                            Step.status == "open")).one()
        s.expunge(step)
        return step


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_the_drafter_sees_the_signed_precedent_in_the_mail_and_on_the_page(office, client):
    """GIVEN a BOS case answered, initialled and signed, and a capitation case still at
    drafting WHEN a reworded BOS question arrives THEN its drafting mail and its step page
    show the signed case (number, Hal, date, the matching question, its answer, a link) and
    never the unanswered one."""
    app, base, passphrase = office
    bos = arrive(app, BOS)
    kapitasi = arrive(app, KAPITASI)
    act(app, drafting_step(app, bos), "draft", "web:rina", answers=BOS_ANSWERS)
    act(app, open_step(app, "paraf"), "approve", "web:hendro")
    out = CliRunner().invoke(cli, base + ["sign", "--all"] + passphrase)
    assert out.exit_code == 0, out.output
    with app.session() as s:
        signed = s.scalars(select(OutgoingLetter)).one()
        number, code = signed.number, signed.verification_code
        kapitasi_no = s.get(AgendaEntry, kapitasi).agenda_no

    new = arrive(app, REWORDED)
    request = [m for m in mails(app, "step-drafting") if REWORDED["hal"] in str(m["Subject"])]
    text = body(request[-1])
    (app.cfg.base_dir.parent / "drafting-mail.txt").write_text(text)
    assert "Preseden" in text and number in text
    assert BOS["hal"] in text and BOS["pertanyaan"][0] in text
    assert "hanya bagi guru yang tercatat di Dapodik" in text
    assert f"{app.cfg.signing.verify_url}/{code}" in text
    assert KAPITASI["pertanyaan"][0] not in text and kapitasi_no not in text
    # the case signed before the precedents existed can still be found after a reindex
    again = CliRunner().invoke(cli, base + ["precedents", "reindex"])
    assert again.exit_code == 0 and "2 pertanyaan" in again.output, again.output
    listed = CliRunner().invoke(cli, base + ["precedents", "show", f"#{new}"])
    assert number in listed.output

    sign_in(client, "rina")
    page = client.get(f"/staf/tugas/{drafting_step(app, new).id}")
    assert page.status_code == 200
    assert "Preseden" in page.text and number in page.text
    assert "hanya bagi guru yang tercatat di Dapodik" in page.text
    assert f'href="{app.cfg.signing.verify_url}/{code}"' in page.text
    assert kapitasi_no not in page.text
    kapitasi_page = client.get(f"/staf/tugas/{drafting_step(app, kapitasi).id}")
    assert kapitasi_page.status_code == 200
