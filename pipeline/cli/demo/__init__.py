# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf demo`: the whole loop on embedded defaults, with no server at all.

A workspace (Maildir intake, SQLite, outgoing mail written as .eml files) receives OPD letters
made on the spot. Everything after that goes through the code paths real mail takes: the
worker's passes register the letters and mail the requests; the Inspector's disposition, the
drafters' answers and every paraf come back as replies delivered into the intake Maildir by the
office's mail server (see `people`); one draft is returned with REVISI and corrected; the
Inspector gets the digest, signs the batch with a test key made on the spot, and the worker
mails each signed letter to its OPD in the thread of the OPD's own message.
"""
from __future__ import annotations

import os
import secrets
import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.parser import BytesHeaderParser
from email.utils import parseaddr
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from pipeline.app import App
from pipeline.cli.demo import letters, show
from pipeline.cli.demo.people import MX, Officials, received
from pipeline.core.config import load
from pipeline.core.errors import ParafError
from pipeline.core.workspace import init, set_key
from pipeline.intake.maildir import deliver
from pipeline.signing.batch import Signed, sign_batch
from pipeline.signing.convert import soffice
from pipeline.signing.digest import digest
from pipeline.signing.keys import create_test_pkcs12, load_signer
from pipeline.worker import run_once

DEFAULT_FOLDER = Path("paraf-demo")
MARKER = ".paraf-demo"               # only a folder carrying it is replaced by the next demo
SECRET_FILE = ".paraf-secret"        # the demo's PARAF_SECRET, for `paraf web` (mode 0600)
MAX_ROUNDS = 20


@dataclass
class Outcome:
    folder: Path
    config: Path
    secret_file: Path
    seconds: float = 0.0
    signed: list[Signed] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    returned: str | None = None
    replies: int = 0
    password: str = ""
    verified: bool = False


def fresh_folder(folder: Path) -> Path:
    """FOLDER, empty: an earlier demo there is removed, anything else is refused."""
    folder = folder.resolve()
    if folder.exists() and not folder.is_dir():
        raise ParafError(f"{folder} is a file; give a folder with --keep")
    if folder.exists() and any(folder.iterdir()):
        if not (folder / MARKER).exists():
            raise ParafError(f"{folder} is not empty and holds no earlier demo; give another "
                             f"folder with --keep")
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text("made by `paraf demo`; the next demo replaces this folder\n")
    return folder


def workspace(folder: Path, secret: str) -> Path:
    """`paraf init` plus what a real office has: a mail server that stamps its verdict, which
    Paraf requires for every approving reply."""
    config = init(folder)
    text = config.read_text(encoding="utf-8")
    text = set_key(set_key(text, "authserv_id", MX), "auth_policy", "require")
    config.write_text(text, encoding="utf-8")
    path = folder / SECRET_FILE
    path.touch(mode=0o600)
    path.write_text(secret + "\n", encoding="utf-8")
    return config


class Loop:
    """The demo's phases, each a few worker passes; `progress` shows where it is."""

    def __init__(self, app: App, progress: Progress, outcome: Outcome):
        self.app, self.cfg, self.progress, self.outcome = app, app.cfg, progress, outcome
        self.intake = self.cfg.url_path(self.cfg.intake)
        names = {o.emails[0]: o.name for o in app.workflow.officials}
        self.officials = Officials(self.cfg.url_path(self.cfg.smtp), self.intake, names,
                                   self.cfg.office.timezone)
        self.task = progress.add_task("", total=5)

    def say(self, line: str) -> None:
        self.progress.console.print(line, highlight=False, markup=False)

    def phase(self, description: str) -> None:
        self.progress.update(self.task, description=description)

    def run(self) -> None:
        for step in (self.letters, self.replies, self.digest, self.sign, self.mail):
            started = time.monotonic()
            step()
            self.progress.advance(self.task)
            title = self.progress.tasks[0].description.split(" (round")[0]
            self.say(f"✓ {title} ({time.monotonic() - started:.1f} s)\n")

    def letters(self) -> None:
        self.phase("OPD letters arrive at the intake mailbox")
        for label, raw in letters.sample_messages():
            sender = parseaddr(str(BytesHeaderParser().parsebytes(raw).get("From") or ""))[1]
            deliver(self.intake, received(raw, sender, self.cfg.office.email) if sender else raw)
            self.say(f"  intake  <- {label}")
        report, _ = run_once(self.app)
        self.say(f"  worker: {report.seen} messages: {report.outcomes}")
        deliver(self.intake, received(letters.completing_reply(), "setwan@pekalongankota.go.id",
                                      self.cfg.office.email))
        report, _ = run_once(self.app)
        self.say(f"  worker: the Sekretariat DPRD's reply completes its request: "
                 f"{report.outcomes}")

    def replies(self) -> None:
        for round_no in range(1, MAX_ROUNDS + 1):
            self.phase(f"Officials answer by e-mail (round {round_no})")
            seen = len(self.officials.log)
            if not self.officials.answer_all():
                break
            for agenda_no, who, what in self.officials.log[seen:]:
                self.say(f"  {agenda_no}  {who} {what}")
            report, _ = run_once(self.app)
            self.say(f"  worker: {report.seen} replies through the intake: {report.outcomes}")
        self.outcome.replies = len(self.officials.log)
        self.outcome.returned = self.officials.returned

    def digest(self) -> None:
        self.phase("The Inspector's digest of the batch, with previews")
        count = digest(self.app, datetime.now(timezone.utc))
        run_once(self.app)
        self.say(f"  digest of {count} letters mailed to the Inspector")

    def sign(self) -> None:
        self.phase("The Inspector signs the batch (test key made now)")
        passphrase = secrets.token_urlsafe(16).encode()     # kept in memory only
        who = self.app.workflow.inspector
        key = create_test_pkcs12(self.cfg.path(self.cfg.signing.pkcs12), passphrase, who.name,
                                 who.nip, who.jabatan, self.cfg.office.name)
        self.say(f"  test key for {who.name}: {show.short(key)} (marked as a test key)")
        if soffice() is None:
            self.say("  LibreOffice is not installed (`make setup` installs it): the drafts "
                     "cannot become PDFs, so nothing can be signed")
        signed, problems = sign_batch(self.app, load_signer(key, passphrase),
                                      datetime.now(timezone.utc))
        self.outcome.signed, self.outcome.problems = signed, problems
        for letter in signed:
            self.say(f"  {letter.agenda_no}  signed as {letter.number}")
        for line in problems:
            self.say(f"  not signed: {line}")

    def mail(self) -> None:
        self.phase("The worker mails each signed letter to its OPD")
        _, sent = run_once(self.app)
        self.say(f"  worker: {sent.sent if sent else 0} mails written to the outbox")


def run_demo(console: Console, keep: Path | None = None,
             picture: Path | None = None) -> Outcome:
    started = time.monotonic()
    folder = fresh_folder(Path(keep) if keep else DEFAULT_FOLDER)
    # The demo signs its approval tokens with a throwaway secret; an office sets PARAF_SECRET.
    secret = os.environ.get("PARAF_SECRET") or secrets.token_urlsafe(32)
    config = workspace(folder, secret)
    outcome = Outcome(folder, config, folder / SECRET_FILE)
    app = App.open(load(config, env={**os.environ, "PARAF_SECRET": secret}))
    try:
        console.print(f"[bold]Paraf demo[/bold] in {folder}\n")
        columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                   TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True) as progress:
            Loop(app, progress, outcome).run()
        outcome.password = show.accounts(app)
        outcome.verified = show.everything(app, console, outcome, picture) == 0
        outcome.seconds = time.monotonic() - started
        show.summary(console, outcome)
    finally:
        app.close()
    return outcome
