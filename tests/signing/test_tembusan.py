# SPDX-License-Identifier: AGPL-3.0-or-later
"""Copies of the signed letter go to the tembusan addresses; names without one are shown."""
from __future__ import annotations

import email
import io
from email import policy

import docx
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.casework import tembusan
from pipeline.casework.drafting import context_for, default_template, render
from pipeline.cli.main import cli
from pipeline.core.errors import RulesError
from pipeline.core.models import Event
from pipeline.core.rulecheck import check_rules
from pipeline.core.workspace import init
from pipeline.signing.convert import soffice
from pipeline.worker import run_once
from tests.mails import fields, letter_mail
from tests.signing.test_batch_flow import office  # noqa: F401  (fixture)
from tests.workflow.conftest import Mailroom

OFFICE = {"name": "Inspektorat Daerah Kota Pekalongan", "city": "Pekalongan",
          "government": "Pemerintah Kota Pekalongan"}
INSPECTOR = {"name": "Dr. Bambang Suryanto", "nip": "196905121994031005",
             "jabatan": "Inspektur Daerah Kota Pekalongan"}


def draft(names=None) -> bytes:
    return render(default_template(), context_for(
        {"agenda_no": "0001/SM/ITDA/2026", "letter": fields(1)}, OFFICE, INSPECTOR,
        ["Dapat.", "Melalui aplikasi."], tembusan=names))


def test_the_names_are_read_from_the_draft_as_the_officials_left_it():
    """GIVEN drafts with a Tembusan list, an edited one, and one without the list WHEN read
    THEN the names come back as printed (numbering, 'Yth.' and ';' removed), None without."""
    assert tembusan.names_from_docx(draft(["Wali Kota Pekalongan (sebagai laporan)",
                                           "Sekretaris Daerah Kota Pekalongan"])) == [
        "Wali Kota Pekalongan (sebagai laporan)", "Sekretaris Daerah Kota Pekalongan"]
    assert tembusan.names_from_docx(draft([])) is None
    edited = docx.Document(io.BytesIO(draft([])))
    for line in ("Tembusan Yth.:", "1. Walikota Pekalongan;", "2. Inspektur Provinsi Jawa Tengah;"
                 " dan", "3. Arsip."):
        edited.add_paragraph(line)
    out = io.BytesIO()
    edited.save(out)
    assert tembusan.names_from_docx(out.getvalue()) == [
        "Walikota Pekalongan", "Inspektur Provinsi Jawa Tengah", "Arsip"]


SAMPLE = '''default = ["Wali Kota Pekalongan (sebagai laporan)"]

[[tembusan]]
name = "Wali Kota Pekalongan"
aliases = ["Walikota Pekalongan"]
emails = ["walikota@pekalongankota.go.id"]

[[tembusan]]
name = "Sekretaris Daerah Kota Pekalongan"
emails = ["setda@pekalongankota.go.id", "arsip.setda@pekalongankota.go.id"]
'''


def test_names_map_to_addresses_and_the_rest_is_listed(tmp_path):
    """GIVEN a tembusan.toml WHEN a letter's names are resolved THEN known names and aliases
    give their addresses (remarks and case ignored), unknown names are kept as unaddressed,
    and a letter without a list uses the office's default list."""
    (tmp_path / "tembusan.toml").write_text(SAMPLE)
    directory = tembusan.load(tmp_path)
    copies = directory.copies(["WALIKOTA PEKALONGAN (sebagai laporan)",
                               "Sekretaris Daerah Kota Pekalongan", "Inspektur Provinsi"])
    assert [a for _, a in copies.addresses] == [
        "walikota@pekalongankota.go.id", "setda@pekalongankota.go.id",
        "arsip.setda@pekalongankota.go.id"]
    assert copies.unaddressed == ("Inspektur Provinsi",)
    default = directory.copies(None)
    assert default.from_default and default.names == ("Wali Kota Pekalongan (sebagai laporan)",)
    assert [a for _, a in default.addresses] == ["walikota@pekalongankota.go.id"]
    assert tembusan.load(tmp_path / "nowhere").copies(["Wali Kota"]).unaddressed == (
        "Wali Kota",)


def test_a_broken_file_is_reported_by_line_and_entry(tmp_path):
    """GIVEN a tembusan.toml with mistakes WHEN checked THEN `paraf rules check` names each
    one with its line and entry, and loading it stops with the first one."""
    init(tmp_path / "ws")
    rules = tmp_path / "ws" / "rules"
    assert (rules / "tembusan.toml").exists() and check_rules(rules) == []
    (rules / "tembusan.toml").write_text(
        'default = ["Wali Kota"]\nkopi = 1\n\n[[tembusan]]\nname = "Wali Kota"\n'
        'emails = ["walikota-at-pemkot"]\n\n[[tembusan]]\nname = "Sekda"\nemail = ["a@b.go.id"]\n'
        '\n[[tembusan]]\nname = "wali kota"\nemails = ["x@y.go.id"]\n')
    found = [str(p) for p in check_rules(rules) if p.file == "tembusan.toml"]
    assert found == [
        "tembusan.toml: unknown key 'kopi' (use 'default' and [[tembusan]] entries)",
        "tembusan.toml:4: entry #1 (Wali Kota): 'walikota-at-pemkot' is not an e-mail address",
        "tembusan.toml:8: entry #2 (Sekda): unknown key 'email' (use name, aliases, emails)",
        "tembusan.toml:8: entry #2 (Sekda): 'emails' needs at least one address; leave the "
        "entry out if the copy goes on paper",
        "tembusan.toml:12: entry #3 (wali kota): 'wali kota' is also the name or an alias of "
        "entry #1"]
    with pytest.raises(RulesError, match="tembusan.toml: unknown key 'kopi'"):
        tembusan.load(rules)
    out = CliRunner().invoke(cli, ["--config", str(tmp_path / "ws" / "config.toml"),
                                   "rules", "check"])
    assert out.exit_code != 0 and "tembusan.toml:8: entry #2 (Sekda)" in out.output


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_the_signed_letter_goes_in_cc_to_the_tembusan_and_the_clerk_sees_the_rest(
        office, dovecot, smtp_server):  # noqa: F811
    """GIVEN a letter whose drafter listed two tembusan, one of them without an address WHEN
    it is signed and sent THEN the OPD's mail carries the known one in Cc (and the server got
    it for that address), the letter's mail lists both, and the case history names the one
    that got no copy."""
    app, sign, passphrase = office
    mailroom = Mailroom(smtp_server, dovecot)
    (app.cfg.rules_path / "tembusan.toml").write_text(SAMPLE)
    dovecot.append("INBOX", letter_mail(letter=fields(900)))
    run_once(app)
    drafter = app.workflow.by_code["auditor-3a"].emails[0]
    mailroom.reply(mailroom.last_to(drafter), drafter, "Terlampir konsep.",
                   attach=draft(["Wali Kota Pekalongan (sebagai laporan)",
                                 "Inspektur Provinsi Jawa Tengah"]))
    run_once(app)
    irban = app.workflow.by_code["irban-3"].emails[0]
    mailroom.reply(mailroom.last_to(irban), irban, "SETUJU")
    run_once(app)
    out = CliRunner().invoke(cli, sign + ["--all"] + passphrase)
    assert out.exit_code == 0 and "signed 0001/SM/ITDA/2026" in out.output, out.output
    run_once(app)
    sent = [m for m in smtp_server.messages if b"Surat Jawaban" in m.raw]
    assert len(sent) == 1
    assert sorted(sent[0].rcpt_tos) == ["disdik@pekalongankota.go.id",
                                        "walikota@pekalongankota.go.id"]
    mail = email.message_from_bytes(sent[0].raw, policy=policy.default)
    assert str(mail["Cc"]) == "Wali Kota Pekalongan <walikota@pekalongankota.go.id>"
    text = mail.get_body(("plain",)).get_content()
    assert "1. Yth. Wali Kota Pekalongan (sebagai laporan);" in text
    assert "2. Yth. Inspektur Provinsi Jawa Tengah" in text
    with app.session() as s:
        signed = s.scalars(select(Event).where(Event.kind == "sign")).one()
    assert signed.data["tembusan"]["unaddressed"] == ["Inspektur Provinsi Jawa Tengah"]
    assert signed.data["tembusan"]["cc"] == ["walikota@pekalongankota.go.id"]
    shown = CliRunner().invoke(cli, sign[:2] + ["show", "0001/SM/ITDA/2026"])
    history = " ".join(shown.output.split())
    assert "tembusan without an address in rules/tembusan.toml: Inspektur Provinsi Jawa " \
           "Tengah" in history
