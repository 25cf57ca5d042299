"""`paraf template check FILE`, and an office's own template replacing the default."""
from __future__ import annotations

import dataclasses
import io
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.casework import drafting
from pipeline.casework.revisions import Revisions
from pipeline.cli.main import cli
from pipeline.core import config, example, rules
from tests.drafting import texts
from tests.drafting.office_template import build as office_template


def run(path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["template", "check", str(path)])
    return result.exit_code, result.output


def edited(docx: bytes, change) -> bytes:
    doc = Document(io.BytesIO(docx))
    change(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_default_and_office_templates_pass(tmp_path):
    """GIVEN the default template and an office's own, differently laid out one
    WHEN checked THEN both are OK, the placeholders they use are listed, and the font each asks
    for is named with the metric-compatible font LibreOffice uses in its place."""
    (tmp_path / "default.docx").write_bytes(drafting.default_template())
    (tmp_path / "office.docx").write_bytes(office_template())
    code, out = run(tmp_path / "default.docx")
    assert code == 0, out
    assert "inspektur.nama" in out and "kop.lambang" in out and "OK: this template" in out
    assert "font: Arial" in out and "Liberation Sans" in out and "WARNING" not in out
    code, out = run(tmp_path / "office.docx")
    assert code == 0, out
    assert "not used (optional): kop.kontak, kop.lambang" in out
    assert "font: Times New Roman" in out and "Liberation Serif" in out


def test_missing_unknown_and_unsignable_are_refused(tmp_path):
    """GIVEN templates without the signer's name, with a placeholder drafting does not fill,
    and without a Nomor field WHEN checked THEN each is NOT OK (exit 1) and says why."""
    def drop_name(doc):
        for t in doc.tables:
            for p in t.rows[0].cells[0].paragraphs:
                if "inspektur.nama" in p.text:
                    p.runs[0].text = "NAMA"

    def unknown(doc):
        doc.add_paragraph("{{ kop.logo }} {{ nomor_agenda }}")

    def no_nomor(doc):
        table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Nomor")
        table.rows[0].cells[0].paragraphs[0].runs[0].text = "No. surat"

    cases = {"noname": (drop_name, "MISSING (required): inspektur.nama"),
             "unknown": (unknown, "UNKNOWN (drafting does not fill these): kop.logo, "
                                  "nomor_agenda"),
             "nonomor": (no_nomor, "SIGNING: no 'Nomor' field found in the draft")}
    for name, (change, said) in cases.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(edited(drafting.default_template(), change))
        code, out = run(path)
        assert code == 1 and said in out and "NOT OK" in out, (name, out)


def test_font_not_installed_is_warned(tmp_path):
    """GIVEN a template whose body font is not on this machine and has no metric twin
    WHEN checked THEN a warning says lines will wrap differently (the template is still usable)."""
    def font(doc):
        doc.styles["Normal"].font.name = "Paraf Nonexistent Grotesk"
    path = tmp_path / "font.docx"
    path.write_bytes(edited(drafting.default_template(), font))
    code, out = run(path)
    assert code == 0
    assert "WARNING font: Paraf Nonexistent Grotesk is not installed" in out


def test_not_a_docx(tmp_path):
    """GIVEN a file that is not a Word document WHEN checked THEN a clear error, exit 1."""
    path = tmp_path / "x.docx"
    path.write_bytes(b"%PDF-1.4 not a docx")
    code, out = run(path)
    assert code == 1 and "not a Word document" in out


@pytest.mark.parametrize("place", ["Pemalang", ""])
def test_office_template_replaces_the_default(tmp_path, place):
    """GIVEN an office's own template and an OPD whose place the directory gives (or not)
    WHEN the workflow renders a case's draft THEN the office's layout is used, the kop comes
    from config, the place after "di" comes from the directory, and never the office's city."""
    cfg = config.from_dict({}, tmp_path)
    cfg = dataclasses.replace(cfg, office=dataclasses.replace(
        cfg.office, website="itda.example.go.id", phone="(0285) 1", city="Pekalongan"))
    opd = rules.Opd(code="setwan-pemalang", name="Sekretariat DPRD Kabupaten Pemalang",
                    place=place)
    loaded = dataclasses.replace(rules.load(example.rules()), opds=(opd,))
    ws = Revisions()                   # what Workflow mixes it into: cfg, rules, template, ...
    ws.cfg, ws.rules, ws.template = cfg, loaded, office_template()
    ws.inspector = SimpleNamespace(name="Drs. A, M.Si.", nip="1" * 18, jabatan="Inspektur",
                                   pangkat="")
    entry = SimpleNamespace(opd_code="setwan-pemalang", agenda_no="0001/SM/ITDA/2026",
                            opd_name=opd.name, letter={"pengirim": opd.name, "hal": "Tanya"})
    lines = texts(ws.render(entry, ["Ya."]))
    assert "Demikian, untuk menjadi periksa." in lines
    assert "Laman itda.example.go.id, Pos-el konsultasi@inspektorat.example.go.id" in lines
    assert "Yth. Sekretaris DPRD Kabupaten Pemalang" in lines
    assert ("di Pemalang" in lines) == bool(place)
    assert "di Pekalongan" not in lines


def test_drafter_is_told_when_the_place_is_unknown(tmp_path):
    """GIVEN a case whose OPD has no place in the directory WHEN the drafting request mail is
    written THEN it carries the draft's note that the "di ..." line was left out; with a known
    place the mail has no such note."""
    from pipeline.intake import notices
    cfg = config.from_dict({}, tmp_path)
    case = SimpleNamespace(agenda_no="0001/SM/ITDA/2026", opd_name="Sekretariat DPRD",
                           sender_email="x@y.go.id", subject="Tanya")
    base = dict(office=cfg.office, entry=case, letter={"nomor": "1", "hal": "Tanya"},
                letter_date="1 Desember 2026", official=SimpleNamespace(name="A", jabatan="B"),
                disposed_by="Inspektur", instructions=None, notes=None, returned_by="",
                questions=["Q?"], chain=[], due="5 Desember 2026")
    unknown = drafting.context_for({"opd_name": "Sekretariat DPRD Kabupaten Pemalang",
                                    "letter": {"pengirim": "Sekretariat DPRD Kabupaten Pemalang"}},
                                   {}, {"name": "A"})
    mail = notices.render(cfg, "step_drafting", **base, draft_notes=unknown["catatan"])
    assert "Catatan konsep:" in mail
    assert "Tempat kedudukan Sekretaris DPRD Kabupaten Pemalang belum tercatat" in mail
    known = notices.render(cfg, "step_drafting", **base, draft_notes=())
    assert "Catatan konsep" not in known
