# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the office is told about its sender check at worker start and in `paraf rules check`."""
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.core.config import Workflow
from pipeline.core.rules import Opd
from pipeline.core.trustnotes import notes

OPDS = (Opd("disdik", "Dinas Pendidikan", domains=("disdik.pemkot.go.id",)),
        Opd("kel", "Kelurahan", emails=("kel@gmail.com",), domains=("gmail.com",)))


def test_officials_under_a_shared_domain_and_free_mail_opds_are_named():
    """GIVEN officials at inspektorat.pemkot.go.id and OPDs under pemkot.go.id and on Gmail
    WHEN the notes are made THEN both risks are named; officials on their own registered
    domain get no shared-domain warning."""
    lines = notes(Workflow(authserv_id="mx.pemkot.go.id"), ["a@inspektorat.pemkot.go.id"], OPDS)
    text = "\n".join(lines)
    assert "require" in lines[0]
    assert "domain bersama pemkot.go.id" in text and "disdik.pemkot.go.id" in text
    assert "OPD kel: domain gmail.com" in text
    alone = notes(Workflow(authserv_id="mx.itda.go.id"), ["a@itda-kota.go.id"], ())
    assert not any("domain bersama" in line for line in alone)


def test_prefer_and_off_are_said_plainly():
    """GIVEN prefer without an authserv_id, or off WHEN the notes are made THEN they say that
    unstamped mail is accepted, or that nothing is checked."""
    assert any("DITERIMA" in line for line in notes(Workflow(), [], ()))
    assert "PERINGATAN" in notes(Workflow(auth_policy="off"), [], ())[0]


def test_rules_check_prints_the_notes(app):
    """GIVEN the sample workspace WHEN `paraf rules check` runs THEN the sender-check notes are
    printed with the rule report."""
    result = CliRunner().invoke(cli, ["--config", str(app.cfg.base_dir / "config.toml"),
                                      "rules", "check"])
    assert "Autentikasi pengirim: auth_policy = prefer" in result.output, result.output
