# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf demo`, as a newcomer runs it: the whole loop, in a minute, leaving /tmp as it was."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from sqlalchemy import select

from pipeline.app import App
from pipeline.books import rows as books
from pipeline.core.config import load
from pipeline.core.models import AgendaEntry, Event, InboundMessage, OutgoingLetter
from pipeline.signing.convert import soffice

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "test-output"
BUDGET_SECONDS = 60
BY_MAIL = {"dispose", "draft", "paraf", "return"}     # what only an official's reply can do

pytestmark = pytest.mark.skipif(soffice() is None or shutil.which("pdfsig") is None,
                                reason="needs LibreOffice and poppler's pdfsig")


def _private_tmp_works() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    # a checkout or virtualenv under /tmp would vanish behind the empty /tmp mounted over it
    if any(Path(p).resolve().is_relative_to("/tmp") for p in (sys.executable, OUT)):
        return False
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "true"],
                           capture_output=True)
    return probe.returncode == 0


def run_demo(folder: Path) -> tuple[subprocess.CompletedProcess, float, set[str]]:
    """Run `paraf demo --keep FOLDER`; returns the run, its wall time and what it left in /tmp.

    As root, the demo gets a /tmp of its own (a private mount namespace over an empty folder),
    so the listing is exact although other programs (the other test worker) use the real /tmp
    meanwhile. Otherwise (a checkout under /tmp, no root) its TMPDIR is an empty folder of its
    own, which Python's tempfile and LibreOffice write to, and that folder is listed."""
    OUT.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "pipeline", "demo", "--keep", str(folder)]
    env = {k: v for k, v in os.environ.items() if k not in ("PARAF_SECRET", "PARAF_CONFIG")}
    tmp = OUT / "demo-private-tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    if _private_tmp_works():
        command = ["unshare", "-m", "--propagation", "private", "sh", "-c",
                   'mount --bind "$0" /tmp && exec "$@"', str(tmp), *command]
    else:
        env["TMPDIR"] = str(tmp)
    started = time.monotonic()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    seconds = time.monotonic() - started
    (OUT / "paraf-demo.log").write_text(f"{done.stdout}{done.stderr}\nwall time {seconds:.1f} s\n")
    return done, seconds, set(os.listdir(tmp))


def mails(folder: Path) -> list:
    return [message_from_bytes(p.read_bytes(), policy=policy.default)
            for p in sorted((folder / "outbox" / "sent").glob("*.eml"))]


def test_the_demo_runs_the_whole_loop_through_the_mail_in_a_minute():
    """GIVEN a fresh checkout WHEN `paraf demo` runs THEN within 60 s, leaving nothing in /tmp,
    every OPD letter ends answered: the officials' replies went through the intake mailbox (with
    one draft returned and corrected), and each signed answer lies in outbox/sent in the OPD's
    thread, with an outgoing number that stands in the outgoing book and a signature that
    `paraf verify` and poppler's pdfsig accept, made with a key marked as a test key."""
    folder = OUT / "paraf-demo"
    done, seconds, left_in_tmp = run_demo(folder)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert seconds < BUDGET_SECONDS, f"the demo took {seconds:.0f} s"
    assert left_in_tmp == set()
    assert not list((folder / "data" / "scratch").glob("*"))     # conversions cleaned up
    assert re.search(r"Done in \d+ s: 4 letters registered", done.stdout)
    assert "PARAF_SECRET=\"$(cat " in done.stdout                # the secret is not inlined

    config = folder / "config.toml"
    app = App.open(load(config, env={}), migrate=False)
    try:
        with app.session() as s:
            letters = {l.number: l for l in s.scalars(select(OutgoingLetter))}
            entries = {e.id: e for e in s.scalars(select(AgendaEntry))}
            book = {row["outgoing_no"] for row in books.outgoing(s)}
            inbound = {m.message_id: m for m in s.scalars(select(InboundMessage))}
            events = list(s.scalars(select(Event)))
            acts = [e for e in events if e.kind in BY_MAIL]
            officials = {a for o in app.workflow.officials for a in o.emails}
    finally:
        app.close()
    assert len(letters) == 4 and set(letters) == book
    assert {e.status for e in entries.values() if e.agenda_no} == {"closed"}

    # Every act of an official came as a reply through the intake, from that official, and
    # none was refused (the server's Authentication-Results satisfy auth_policy = require).
    assert {e.kind for e in acts} == BY_MAIL
    assert not [e for e in events if e.kind in ("refused", "unclear")]
    assert 'auth_policy = "require"' in config.read_text()
    for event in acts:
        reply = inbound.get(event.message_id)
        assert reply is not None and reply.from_addr in officials, event.kind
    returned = [e for e in acts if e.kind == "return"]
    assert len(returned) == 1
    again = letters[next(n for n, l in letters.items() if l.entry_id == returned[0].entry_id)]
    assert again.revision == 2                   # the corrected draft is the one signed

    answers = [m for m in mails(folder) if str(m["Subject"]).startswith("Surat Jawaban Nomor")]
    assert len(answers) == 4
    for mail in answers:
        number = re.search(r"Nomor (\S+)", str(mail["Subject"])).group(1)
        assert number in book
        entry = entries[letters[number].entry_id]
        assert mail["In-Reply-To"] == entry.message_id and entry.sender_email in str(mail["To"])
        pdf = next(p for p in mail.iter_attachments() if p.get_content_type() == "application/pdf")
        path = folder / f"check-{number.replace('/', '-')}.pdf"
        path.write_bytes(pdf.get_content())
        verified = subprocess.run([sys.executable, "-m", "pipeline", "--config", str(config),
                                   "verify", str(path)], capture_output=True, text=True)
        assert verified.returncode == 0, verified.stdout + verified.stderr
        assert "valid, intact, trusted" in verified.stdout and number in verified.stdout
        sig = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True)
        assert "Signature Validation: Signature is Valid." in sig.stdout, sig.stdout
        assert "OU=KUNCI UJI COBA" in sig.stdout
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
        assert number in text.stdout


def test_the_demo_replaces_its_own_folder_and_nothing_else(tmp_path):
    """GIVEN a folder with someone's files WHEN the demo is pointed at it THEN it refuses and
    deletes nothing; GIVEN an earlier demo's folder THEN that one may be replaced."""
    from pipeline.cli.demo import MARKER, fresh_folder
    from pipeline.core.errors import ParafError
    theirs = tmp_path / "mine"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("penting")
    with pytest.raises(ParafError, match="not empty"):
        fresh_folder(theirs)
    assert (theirs / "notes.txt").read_text() == "penting"
    earlier = tmp_path / "demo"
    fresh_folder(earlier)
    (earlier / "paraf.db").write_text("old")
    assert list(fresh_folder(earlier).iterdir()) == [earlier / MARKER]
