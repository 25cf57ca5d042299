# SPDX-License-Identifier: AGPL-3.0-or-later
"""The routing engine: first matching rule by order decides, with a trail that explains it."""
from pathlib import Path

import pytest

from pipeline.casework.route import RouteInput, explain, load_routing, route
from pipeline.core.errors import RulesError
from pipeline.core.models import AgendaEntry
from pipeline.core.officials import load_officials
from pipeline.core.rules import load_opds
from tests.routing import DEFAULT_RULE, write_office

DEFAULTS = Path(__file__).parents[2] / "rules"

RULES = '''
[[rule]]
name = "Aset"
order = 30
words = ["aset", "barang milik daerah", "hibah*"]
assignee = "auditor-1"
chain = ["superior", "superior:2"]

[[rule]]
name = "BPKAD"
order = 20
opd = ["bpkad"]
assignee = "irban-1"
chain = ["sekretaris"]
mode = "auto"

[[rule]]
name = "Batang segera"
order = 10
wilayah = ["kabupaten  batang"]
sifat = ["Segera", "Sangat Segera"]
assignee = "irban-2"

[[rule]]
name = "Switched off"
order = 5
enabled = false
words = ["aset"]
assignee = "sekretaris"
''' + DEFAULT_RULE


@pytest.fixture
def office(tmp_path):
    folder = write_office(tmp_path / "rules", RULES)
    return (load_routing(folder / "routing.toml"), load_officials(folder / "officials.toml"),
            load_opds(folder / "opd.toml"))


def go(office, **case) -> object:
    rules, officials, opds = office
    return route(rules, officials, opds, RouteInput(**case))


def test_rules_are_tried_by_order_not_by_file_position(office):
    """GIVEN rules written out of order WHEN loaded THEN they come back sorted by `order`."""
    assert [r.name for r in office[0]] == ["Switched off", "Batang segera", "BPKAD", "Aset",
                                           "Lainnya"]


def test_routing_by_opd_resolves_the_chain_and_the_mode(office):
    """GIVEN a letter from BPKAD about something unlisted WHEN routed THEN the BPKAD rule gives
    irban-1, the chain names the Sekretaris, and the rule's mode is kept."""
    decided = go(office, opd_code="bpkad", hal="Konsultasi perjalanan dinas")
    assert decided.rule == "BPKAD" and decided.assignee.code == "irban-1"
    assert [o.code for o in decided.chain] == ["sekretaris"] and decided.mode == "auto"


def test_routing_by_wilayah_and_sifat_needs_both(office):
    """GIVEN a rule for urgent letters from Kabupaten Batang WHEN an urgent and a normal letter
    from Batang are routed THEN only the urgent one matches; spacing and case do not matter."""
    urgent = go(office, opd_code="disdik-batang", sifat="SANGAT  SEGERA", hal="Konsultasi")
    assert urgent.rule == "Batang segera" and urgent.assignee.code == "irban-2"
    assert urgent.mode is None and urgent.chain == ()
    normal = go(office, opd_code="disdik-batang", sifat="Biasa", hal="Konsultasi")
    assert normal.rule == "Lainnya"
    assert normal.trail[1]["filters"] == [
        {"filter": "wilayah", "matched": True, "detail": "pemda 'Kabupaten Batang' is listed"},
        {"filter": "sifat", "matched": False,
         "detail": "sifat 'Biasa' is not one of 'Segera', 'Sangat Segera'"}]


@pytest.mark.parametrize("text, rule", [
    ("Permohonan konsultasi penghapusan ASET tetap", "Aset"),
    ("Konsultasi pemanfaatan barang   milik daerah", "Aset"),
    ("Konsultasi pencatatan asetnya", "Lainnya"),          # whole words only
    ("Konsultasi tentang asetisasi", "Lainnya"),
    ("Konsultasi hibahnya kepada yayasan", "Aset"),        # "hibah*" allows suffixes
    ("Konsultasi penghibahan", "Lainnya"),                 # ... but not prefixes
    ("Konsultasi (aset).", "Aset"),                        # punctuation is a word boundary
])
def test_words_match_whole_words_in_the_hal(office, text, rule):
    """GIVEN the word rule WHEN a letter's hal uses the word in different shapes THEN only whole
    words (or the starred prefix) match."""
    assert go(office, opd_code="disdik-batang", hal=text).rule == rule


def test_words_are_also_found_in_the_subject_and_the_questions(office):
    """GIVEN a hal without the word WHEN the subject or a question has it THEN the rule matches
    and the trail says where."""
    by_subject = go(office, hal="Konsultasi", subject="Fwd: soal aset")
    assert by_subject.rule == "Aset"
    assert by_subject.trail[-1]["filters"][0]["detail"] == "'aset' is in the subject"
    by_question = go(office, hal="Konsultasi", questions=("Apakah boleh?", "Bagaimana hibah itu?"))
    assert by_question.trail[-1]["filters"][0]["detail"] == "'hibah*' is in the question 2"


def test_order_decides_between_two_matching_rules(office):
    """GIVEN a BPKAD letter about assets WHEN routed THEN BPKAD (order 20) wins over Aset
    (order 30), and Aset is not even tried."""
    decided = go(office, opd_code="bpkad", hal="Penghapusan aset")
    assert decided.rule == "BPKAD"
    assert [step["rule"] for step in decided.trail] == ["Switched off", "Batang segera", "BPKAD"]


def test_a_disabled_rule_is_skipped(office):
    """GIVEN a disabled rule that would match first WHEN routed THEN it is recorded as skipped."""
    decided = go(office, hal="aset")
    assert decided.rule == "Aset"
    assert decided.trail[0] == {"rule": "Switched off", "order": 5, "matched": False,
                                "filters": [], "note": "disabled"}


def test_the_default_rule_catches_the_rest(office):
    decided = go(office, opd_code="unknown", hal="Konsultasi lain")
    assert decided.rule == "Lainnya" and decided.assignee.code == "irban-2"
    assert decided.trail[-1]["note"] == "default: no rule matched before it"


def test_a_default_rule_without_order_is_tried_last(tmp_path):
    """GIVEN a default rule written first and without `order` WHEN routed THEN the other rules
    are tried before it, and the explanation calls its place "last"."""
    folder = write_office(tmp_path / "r", '''
[[rule]]
name = "Lainnya"
default = true
assignee = "irban-2"

[[rule]]
name = "BPKAD"
order = 500
opd = ["bpkad"]
assignee = "irban-1"
''')
    office = (load_routing(folder / "routing.toml"), load_officials(folder / "officials.toml"),
              load_opds(folder / "opd.toml"))
    assert [r.name for r in office[0]] == ["BPKAD", "Lainnya"]
    assert go(office, opd_code="bpkad").rule == "BPKAD"
    lines = explain(go(office, opd_code="disdik-batang"))
    assert lines[-1] == '  [last] "Lainnya": matched (default: no rule matched before it)'


def test_positions_are_resolved_from_the_assignee(office):
    """GIVEN chain ["superior", "superior:2"] for auditor-1 WHEN routed THEN it is irban-1 then
    the Sekretaris."""
    decided = go(office, hal="aset")
    assert decided.assignee.code == "auditor-1"
    assert [o.code for o in decided.chain] == ["irban-1", "sekretaris"]


def _one_rule(tmp_path, chain: str, extra: str = ""):
    folder = write_office(tmp_path / "r", f'''
[[rule]]
name = "Only"
order = 1
default = true
assignee = "auditor-1"
chain = {chain}
{extra}''')
    return (load_routing(folder / "routing.toml"), load_officials(folder / "officials.toml"),
            load_opds(folder / "opd.toml"))


@pytest.mark.parametrize("chain, message", [
    ('["superior:3"]', r"'superior:3' is the Inspector"),
    ('["superior:4"]', r"'superior:4' goes above the top: auditor-1 has fewer than 4"),
    ('["irban-1", "superior"]', r"irban-1 would initial twice"),
    ('["kepala"]', r"'kepala' in chain is not an official"),
])
def test_a_chain_that_cannot_be_carried_out_raises(tmp_path, chain, message):
    """GIVEN a chain that reaches the Inspector, runs out of superiors, repeats someone or names
    nobody WHEN routed THEN RulesError names the rule."""
    office = _one_rule(tmp_path, chain)
    with pytest.raises(RulesError, match=r'rule "Only": ' + message):
        go(office, hal="x")


def test_the_assignee_never_initials_their_own_draft(tmp_path):
    office = _one_rule(tmp_path, '["auditor-1", "superior"]')
    assert [o.code for o in go(office, hal="x").chain] == ["irban-1"]


def test_stop_processing_false_lets_a_later_rule_take_over(tmp_path):
    """GIVEN a matching rule with stop_processing = false WHEN a later rule matches too THEN the
    later one decides; WHEN none does THEN the first stands and the default is not used."""
    folder = write_office(tmp_path / "r", '''
[[rule]]
name = "Keep looking"
order = 1
opd = ["bpkad"]
assignee = "irban-1"
stop_processing = false

[[rule]]
name = "Assets"
order = 2
words = ["aset"]
assignee = "auditor-1"
''' + DEFAULT_RULE)
    office = (load_routing(folder / "routing.toml"), load_officials(folder / "officials.toml"),
              load_opds(folder / "opd.toml"))
    assert go(office, opd_code="bpkad", hal="aset").rule == "Assets"
    alone = go(office, opd_code="bpkad", hal="lain")
    assert alone.rule == "Keep looking"
    assert alone.trail[-1]["note"] == 'default not needed: "Keep looking" matched'


def test_route_input_is_built_from_an_agenda_entry(office):
    """GIVEN a registered entry WHEN turned into a RouteInput THEN the pemda comes from the OPD
    directory and the letter's fields are copied."""
    entry = AgendaEntry(opd_code="bpkad", subject="Surat konsultasi", letter={
        "hal": "Konsultasi aset", "sifat": "Segera", "pertanyaan": ["Satu?", "", "Dua?"]})
    case = RouteInput.from_entry(entry, office[2])
    assert case == RouteInput("bpkad", "Kota Pekalongan", "Konsultasi aset", "Surat konsultasi",
                              ("Satu?", "Dua?"), "Segera")
    bare = RouteInput.from_entry(AgendaEntry(opd_code=None, letter=None), office[2])
    assert bare == RouteInput()


def test_explain_says_which_rule_routed_and_why(office):
    """GIVEN a routed letter WHEN explained THEN the lines name the rule, the people, the mode
    and every filter tried."""
    lines = explain(go(office, opd_code="bpkad", hal="Konsultasi"))
    assert lines == [
        'Routed by rule "BPKAD".',
        "Drafted by: Hendro Wibowo (Inspektur Pembantu Wilayah I) [irban-1]",
        "Initialled by: Sri Wahyuni (Sekretaris Inspektorat Daerah); then the Inspector signs.",
        "Disposition mode: auto.",
        "Rules tried in order (3; later ones were not needed):",
        '  [5] "Switched off": skipped (disabled)',
        '  [10] "Batang segera": no match',
        "      no  wilayah: pemda 'Kota Pekalongan' is not one of 'kabupaten  batang'",
        "      no  sifat: the case has no sifat",
        '  [20] "BPKAD": matched',
        "      yes opd: OPD 'bpkad' is listed",
    ]


@pytest.mark.parametrize("routing, message", [
    (RULES.replace('default = true\n', ''), r"the file: no rule has default = true"),
    (RULES + DEFAULT_RULE, r'rule #6: the name "Lainnya" is used by rule #5 too'),
    (RULES.replace('mode = "auto"', 'mode = "manual"'), r"mode 'manual' must be"),
    (RULES.replace('order = 20\n', ''), r"'order' is required"),
    (RULES.replace('order = 20', 'order = "20"'), r"'order' is required and must be a whole"),
    (RULES.replace('name = "BPKAD"', 'nama = "BPKAD"'), r"unknown key 'nama'"),
    (RULES.replace('"superior:2"', '"superior:two"'), r"'superior:two' in chain: write"),
    (RULES.replace('"superior:2"', '"superior:0"'), r"levels must be 1 or more"),
    (RULES.replace('default = true', 'default = true\nsifat = ["Biasa"]'),
     r'"Lainnya": the default rule .* may have no filters \(remove sifat\)'),
    (RULES.replace('default = true', 'default = true\nenabled = false'),
     r"the default rule cannot be disabled"),
    (RULES.replace('enabled = false', 'enabled = "no"'), r"'enabled' must be true or false"),
    (RULES.replace('assignee = "irban-2"\n', ''), r"'assignee' .* is required"),
    (RULES.replace('opd = ["bpkad"]', 'opd = "bpkad"\nwords = [1]'), r"'words' must be a list"),
])
def test_each_mistake_in_routing_toml_is_refused(tmp_path, routing, message):
    """GIVEN routing.toml with one mistake WHEN loaded THEN RulesError says what and where."""
    folder = write_office(tmp_path / "r", routing)
    with pytest.raises(RulesError, match=message) as err:
        load_routing(folder / "routing.toml")
    assert str(err.value).startswith("routing.toml: ")


def test_shipped_defaults_route_sample_letters():
    """GIVEN the shipped opd.toml, officials.toml and routing.toml WHEN sample letters are routed
    THEN each lands with the official the sample comments promise."""
    office = (load_routing(DEFAULTS / "routing.toml"), load_officials(DEFAULTS / "officials.toml"),
              load_opds(DEFAULTS / "opd.toml"))
    dinkes = go(office, opd_code="dinkes-kota-pekalongan", pemda="Kota Pekalongan",
                hal="Konsultasi pembayaran insentif tenaga kesehatan")
    assert dinkes.assignee.code == "auditor-3a"
    assert [o.code for o in dinkes.chain] == ["irban-3", "sekretaris"]
    complaint = go(office, opd_code="dinkes-kota-pekalongan", hal="Tindak lanjut pengaduan")
    assert complaint.rule == "Pengaduan dan gratifikasi" and complaint.mode == "confirm"
    secret = go(office, opd_code="dinsos-kota-pekalongan", hal="Konsultasi", sifat="Rahasia")
    assert secret.assignee.code == "irban-4"
    assert go(office, opd_code="dpupr-kota-pekalongan", hal="Konsultasi PBJ").rule == \
        "Pengadaan barang/jasa"
    assert go(office, opd_code="unknown", hal="Konsultasi").rule == "Lainnya"
