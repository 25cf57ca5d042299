# SPDX-License-Identifier: AGPL-3.0-or-later
"""No header Paraf emits carries a line break from its input (issue 14), checked with
hypothesis: 10,000 generated names, subjects, file names and notes through the one header
policy every outgoing message is built with, then through the real mail builders and the
outbox's spool, whose check refuses any header block that differs from what was set."""
from __future__ import annotations

import ast
import dataclasses
import re
from datetime import datetime, timezone
from email import policy
from email.header import decode_header
from email.parser import BytesParser
from email.utils import formataddr
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.consult import request as consult_request
from pipeline.consult import walkin
from pipeline.core.models import AgendaEntry
from pipeline.intake import desk, notices
from pipeline.mail import headers, outbox
from tests.conftest import make_workspace

BREAKING = ["", "\r", "\n", "\r\n", "\r\n ", "\n\t", "\x85", "\u2028", "\u2029", "\x0b",
            "\x0c", "\x00", "\r\nBcc: korban@example.org", "\nTo: lain@example.org",
            "\r\n\r\n<html>", "=?utf-8?q?a=0D=0ABcc:_x@example.org?=",
            "=?utf-8?b?DQpCY2M6IHhAZXhhbXBsZS5vcmc=?=", "Budi", "Dinas Pendidikan", "x" * 120]
ALPHABET = st.sampled_from(list("aZ é—şÑ日:;,\"<>@()=?\\\t\r\n\x85\u2028\x00"))
# text around one or two known-bad fragments: cheap to draw, and shrinks to the fragment
hostile = st.tuples(st.text(ALPHABET, max_size=12), st.sampled_from(BREAKING),
                    st.text(ALPHABET, max_size=12), st.sampled_from(BREAKING),
                    st.text(ALPHABET, max_size=12)).map("".join)
names, subjects, filenames, notes = hostile, hostile, hostile, hostile
ROOT = Path(__file__).resolve().parents[2]


QUICK = settings(max_examples=500, deadline=None, database=None,
                 suppress_health_check=list(HealthCheck))
BATCH = 5                 # values per example: 4 tests x 500 examples x 5 = 10,000 values
ADDRESS = "opd@example.go.id"


def _one_line_written(msg) -> None:
    """Each header as the generator writes it (folded, encoded): one logical line once the
    folds are undone, and none hidden in an encoded word either."""
    for key, value in msg.items():
        line = msg.policy.fold(key, value)
        assert line.endswith("\n"), line
        unfolded = re.sub(r"\r?\n[ \t]", " ", line)[:-1]
        assert "\r" not in unfolded and "\n" not in unfolded, line
        decoded = "".join(part.decode(enc or "ascii", "replace") if isinstance(part, bytes)
                          else part for part, enc in decode_header(unfolded))
        assert "\r" not in decoded and "\n" not in decoded, (line, decoded)


# 4 x 500 x 5 = 10,000 generated values, one header each: the policy every builder uses
def batch(values):
    return st.lists(values, min_size=BATCH, max_size=BATCH)


@QUICK
@given(batch(names))
def test_no_name_breaks_the_to_header(values):
    """GIVEN any sender or requester name WHEN it is the display name of To (formataddr, as
    every builder writes it) THEN To is one line with one address, the right one."""
    for name in values:
        msg = headers.new_message()
        msg["To"] = formataddr((name, ADDRESS))
        _one_line_written(msg)
        assert [a.addr_spec for a in msg["To"].addresses] == [ADDRESS]
        received = BytesParser(policy=policy.default).parsebytes(msg.as_bytes())
        assert [a.addr_spec for a in received["To"].addresses] == [ADDRESS]


@QUICK
@given(batch(subjects))
def test_no_subject_breaks_the_subject_header(values):
    """GIVEN any letter subject (hal) WHEN it is put in a Subject THEN it stays one line."""
    for subject in values:
        msg = headers.new_message()
        msg["Subject"] = f"Tanda Terima Surat Nomor {subject} [0001/SM/ITDA/2026]"
        _one_line_written(msg)


@QUICK
@given(batch(filenames))
def test_no_file_name_breaks_the_content_disposition(values):
    """GIVEN any attachment name WHEN a file is attached under it THEN Content-Disposition
    stays one line and its file name has no line break."""
    for filename in values:
        part = headers.new_message()
        part.add_header("Content-Disposition", "attachment", filename=filename or "berkas")
        _one_line_written(part)
        assert not headers.BREAKS.search(part.get_filename() or "")


@QUICK
@given(batch(notes))
def test_no_note_breaks_a_header(values):
    """GIVEN any note an official or clerk typed WHEN it reaches a Subject and a Reply-To
    display name THEN both stay one line."""
    for note in values:
        msg = headers.new_message()
        msg["Subject"] = f"Catatan: {note}"
        msg["Reply-To"] = formataddr((note, "balas@example.go.id"))
        _one_line_written(msg)


# -- the real builders, through the outbox's spool ---------------------------------------------
@pytest.fixture(scope="module")
def cfg(tmp_path_factory):
    app = make_workspace(tmp_path_factory.mktemp("ws"), "sqlite:///:memory:")
    yield app.cfg
    app.close()


def _entry(name, subject, note, **over) -> AgendaEntry:
    now = datetime(2026, 12, 4, 2, 0, tzinfo=timezone.utc)
    values = dict(id=7, agenda_no="0007/SM/ITDA/2026", sender_email="opd@example.go.id",
                  sender_name=name, subject=subject, received_at=now, opd_name=None,
                  message_id="<a@example.go.id>", letter={"nomor": note, "hal": subject},
                  requester={"name": name, "email": "opd@example.go.id", "position": note,
                             "institution": subject, "phone": ""},
                  consultation={"answer": {"at": now.isoformat(), "summary": note,
                                           "name": name, "jabatan": subject}})
    return AgendaEntry(**{**values, **over})


def _spooled(cfg, msg):
    """Spool MSG for real (the outbox's guard runs) and read the file back."""
    spooled = outbox.spool(cfg, msg)
    raw = (cfg.outbox_path / spooled.spool_path).read_bytes()
    return BytesParser(policy=policy.default).parsebytes(raw)


def _one_line_everywhere(parsed) -> None:
    for part in parsed.walk():
        for key, value in part.items():
            assert "\r" not in str(value) and "\n" not in str(value), key
        if part.get_filename() is not None:
            assert "\r" not in part.get_filename() and "\n" not in part.get_filename()
    assert parsed.get_all("Bcc") is None and len(parsed.get_all("To")) == 1


BUILDERS = {
    "receipt": lambda cfg, e, fn: notices.compose(cfg, "receipt", e),
    "incomplete-notice": lambda cfg, e, fn: notices.compose(cfg, "incomplete", e),
    "rejection": lambda cfg, e, fn: desk.rejection_mail(cfg, e, e.subject),
    "walk-in-copy": lambda cfg, e, fn: walkin._copy_mail(cfg, e, b"%PDF-1.4 salinan"),
    "consultation-mail": lambda cfg, e, fn: consult_request.mail_requester(
        type("A", (), {"cfg": cfg})(), e, (e.sender_name, e.sender_email), e.subject, "isi"),
}


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_each_builder_writes_one_line_headers(cfg, builder):
    """GIVEN hostile names, subjects, file names and notes in a case
    WHEN the receipt, a notice, a rejection, the walk-in copy or a consultation mail is built
    and spooled
    THEN the spooled file has one-line headers only, and no added recipient."""
    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(name=names, subject=subjects, filename=filenames, note=notes)
    def run(name, subject, filename, note):
        msg = BUILDERS[builder](cfg, _entry(name, subject, note), filename)
        _one_line_everywhere(_spooled(cfg, msg))
    run()


def test_step_mail_attachments_keep_hostile_file_names_on_one_line(cfg):
    """GIVEN an official's request carrying the requester's files under hostile names
    WHEN built the way `StepDesk.mail` attaches them and spooled
    THEN each Content-Disposition stays one line."""
    @settings(max_examples=40, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(filename=filenames, subject=subjects)
    def run(filename, subject):
        msg = headers.new_message()
        msg["Subject"] = f"[PARAF-x] Permintaan paraf: {subject} [0007/SM/ITDA/2026]"
        msg["To"] = "irban1@example.go.id"
        msg.set_content("isi")
        msg.add_attachment(b"data", maintype="application", subtype="pdf",
                           filename=filename or "berkas")
        _one_line_everywhere(_spooled(cfg, msg))
    run()


@pytest.mark.parametrize("subject", ["Hal\n\nisi", "=?utf-8?q?Hal=0D=0ABcc:_x@example.org?="])
def test_the_spool_refuses_a_header_block_it_did_not_set(cfg, subject):
    """GIVEN a message built outside the policy (compat32, as given) whose Subject carries an
    empty line or an encoded CR/LF
    WHEN spooled
    THEN the outbox refuses it instead of writing it."""
    from email.mime.text import MIMEText
    msg = MIMEText("isi", "plain", "utf-8")
    msg["Subject"] = subject
    msg["From"] = msg["To"] = "opd@example.go.id"
    with pytest.raises(outbox.OutboxError, match="line break|appeared or vanished"):
        outbox.spool(cfg, msg)


def test_every_outgoing_message_is_made_by_new_message():
    """GIVEN the code under pipeline/ WHEN searched for message constructors THEN only the
    header module makes an EmailMessage, the consultation mail (compat32, flattened first)
    a MIMEText, and the demo its incoming sample mail: a new builder cannot bypass the
    policy unnoticed."""
    allowed = {("pipeline/mail/headers.py", "EmailMessage"),
               ("pipeline/consult/request.py", "MIMEText"),
               ("pipeline/cli/demo/letters.py", "EmailMessage"),     # the demo's incoming
               ("pipeline/cli/demo/people.py", "EmailMessage")}      # sample mail
    found = set()
    for path in (ROOT / "pipeline").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in (
                    "EmailMessage", "MIMEText", "MIMEMultipart", "Message"):
                found.add((str(path.relative_to(ROOT)), node.func.id))
    assert found <= allowed, found - allowed
    assert dataclasses.is_dataclass(outbox.Spooled)
