# SPDX-License-Identifier: AGPL-3.0-or-later
"""The OPD directory: imported from an office's spreadsheet, used to recognise senders."""
import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.core.errors import RulesError
from pipeline.core.rules import load_opds, opds_from_csv
from pipeline.intake.identify import identify

CSV = """nama,singkatan,email,domain,pemda,jabatan_kepala
Dinas Pendidikan Kota Tegal,Disdik,disdik@tegalkota.go.id,tegalkota.go.id,Kota Tegal,Kepala Dinas Pendidikan
Dinas Kesehatan Kota Tegal,Dinkes,dinkes@tegalkota.go.id,tegalkota.go.id,Kota Tegal,Kepala Dinas Kesehatan
Sekretariat DPRD Kabupaten Pemalang,Setwan,setwan@pemalangkab.go.id,pemalangkab.go.id,Kabupaten Pemalang,Sekretaris DPRD
Kecamatan Pekalongan Utara,Kec.Ptr,kecutara@tegalkota.go.id,tegalkota.go.id,,Camat
Kecamatan Pekalongan Utara,Kec.Ptr,kecutara@pemalangkab.go.id,pemalangkab.go.id,,Camat
"""


def test_import_opd_from_a_spreadsheet_export(tmp_path, db_url):
    """GIVEN a workspace and a CSV export WHEN `paraf rules import-opd` runs THEN rules/opd.toml
    holds every unit with unique codes, and it loads back."""
    runner = CliRunner()
    ws = tmp_path / "ws"
    assert runner.invoke(cli, ["init", str(ws), "--database", db_url]).exit_code == 0
    (tmp_path / "opd.csv").write_text(CSV, encoding="utf-8")
    result = runner.invoke(cli, ["--config", str(ws / "config.toml"), "rules", "import-opd",
                                 str(tmp_path / "opd.csv")])
    assert result.exit_code == 0, result.output
    assert "Imported 5 OPDs" in result.output
    opds = load_opds(ws / "rules" / "opd.toml")
    assert len({o.code for o in opds}) == 5
    assert opds[1].name == "Dinas Kesehatan Kota Tegal" and opds[1].emails == (
        "dinkes@tegalkota.go.id",)
    assert (ws / "rules" / "opd.toml.bak").exists()


def test_semicolon_export_with_english_headers():
    opds = opds_from_csv("Name;Email;Region\nDinas Sosial Kota Batang;dinsos@batangkab.go.id;"
                         "Kabupaten Batang\n")
    assert opds[0].domains == ("batangkab.go.id",) and opds[0].pemda == "Kabupaten Batang"


def test_a_bad_row_is_named_by_line():
    with pytest.raises(RulesError, match="line 3"):
        opds_from_csv("nama,email\nDinas A,a@x.go.id\nDinas B,not-an-address\n")


def test_senders_are_recognised_by_address_or_by_domain_and_letter():
    opds = tuple(opds_from_csv(CSV))
    assert identify(opds, "DINKES@tegalkota.go.id", None).opd.name == "Dinas Kesehatan Kota Tegal"
    shared = identify(opds, "sekretariat@tegalkota.go.id", "Dinas Pendidikan Kota Tegal")
    assert shared.opd.name == "Dinas Pendidikan Kota Tegal" and shared.how == "domain+letter"
    assert identify(opds, "sekretariat@tegalkota.go.id", None).opd is None
    assert identify(opds, "promo@diskon.example.com", "Dinas Kesehatan Kota Tegal").opd is None


def test_place_of_an_opd_from_csv_and_toml(tmp_path):
    """GIVEN an export with a 'tempat' column (filled for some units only) WHEN imported and
    written back as opd.toml THEN each unit keeps its place (printed after "di" in answers),
    and units without one have none: no place is invented."""
    from pipeline.core.rules import opds_to_toml
    opds = opds_from_csv("nama,email,pemda,tempat\n"
                         "Sekretariat DPRD Kabupaten Pemalang,setwan@pemalangkab.go.id,"
                         "Kabupaten Pemalang,Pemalang\n"
                         "Dinas Sosial Kabupaten Pekalongan,dinsos@pekalongankab.go.id,"
                         "Kabupaten Pekalongan,Kajen\n"
                         "Kecamatan Tirto,tirto@pekalongankab.go.id,Kabupaten Pekalongan,\n")
    path = tmp_path / "opd.toml"
    path.write_text(opds_to_toml(opds), encoding="utf-8")
    loaded = load_opds(path)
    assert [o.place for o in loaded] == ["Pemalang", "Kajen", ""]
