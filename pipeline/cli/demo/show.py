# SPDX-License-Identifier: AGPL-3.0-or-later
"""What a person wants to look at after the demo: the books, one case's history, the signed
letters and a check of one, the service figures, and how to open the web pages."""
from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy import select

from pipeline.app import App
from pipeline.books import rows as books
from pipeline.books import sla
from pipeline.books.views import find
from pipeline.core import naskah
from pipeline.core.models import OutgoingLetter
from pipeline.core.workdays import Calendar
from pipeline.mail.transport import FileTransport

INCOMING = [("agenda_no", "No. Agenda"), ("received_on", "Diterima"), ("opd", "Asal Surat"),
            ("letter_no", "Nomor Surat"), ("hal", "Perihal"),
            ("assignee_name", "Disposisi Kepada"), ("status", "Status"), ("note", "Keterangan")]
OUTGOING = [("outgoing_no", "No. Surat Keluar"), ("date", "Tanggal"), ("to", "Tujuan"),
            ("hal", "Perihal"), ("agenda_no", "No. Agenda Masuk")]


def accounts(app: App) -> str:
    """A clerk and an Inspector account for trying the web pages; one shared password."""
    import secrets

    from pipeline.web import accounts as users
    password = secrets.token_urlsafe(9)
    now = datetime.now(timezone.utc)
    with app.session() as s:
        users.add(s, "agendaris", "Dewi Lestari, A.Md.", "clerk", password,
                  official="agendaris", actor="demo", now=now)
        users.add(s, "inspektur", app.workflow.inspector.name, "inspector", password,
                  official="inspektur", actor="demo", now=now)
    return password


def table(console: Console, title: str, rows: list[dict], columns) -> None:
    out = Table(title=title, title_style="bold", expand=True)
    for _, header in columns:
        out.add_column(header, overflow="fold")
    for row in rows:
        cells = [row.get(key) for key, _ in columns]
        if not cells[0]:
            cells[0] = f"#{row['id']}"
        out.add_row(*(Text("" if c is None else str(c)) for c in cells))   # never markup
    console.print(out)


def book_tables(app: App, console: Console) -> None:
    zone = app.cfg.office.timezone
    names = {o.code: o.name for o in app.workflow.officials}
    with app.session() as s:
        incoming = books.incoming(s, names=names, zone=zone)
        outgoing = books.outgoing(s, zone=zone)
    table(console, "Buku Agenda Surat Masuk (incoming book)", incoming, INCOMING)
    table(console, "Buku Agenda Surat Keluar (outgoing book)", outgoing, OUTGOING)


def history(app: App, console: Console, agenda_no: str) -> None:
    """Who did what, when: every event of one case, in the office's time."""
    zone = ZoneInfo(app.cfg.office.timezone)
    names = {e: o.name for o in app.workflow.officials for e in o.emails}
    out = Table(title=f"History of {agenda_no} (the draft returned with REVISI)",
                title_style="bold", expand=True)
    for header in (f"Waktu ({naskah.zone_label(app.cfg.office.timezone)})", "Peristiwa",
                   "Status", "Oleh", "Lewat"):
        out.add_column(header, overflow="fold")
    with app.session() as s:
        entry = find(s, agenda_no)
        for ev in entry.events:
            at = ev.at if ev.at.tzinfo else ev.at.replace(tzinfo=timezone.utc)
            moved = f"{ev.from_status or ''} → {ev.to_status}" if ev.to_status != ev.from_status \
                else ev.to_status
            who = names.get((ev.actor or "").lower(), ev.actor)
            out.add_row(*(Text(str(c)) for c in (f"{at.astimezone(zone):%H:%M:%S}", ev.kind,
                                                  moved, who,
                                                  "e-mail" if ev.message_id else "-")))
    console.print(out)


def signed_letters(app: App, console: Console, folder: Path) -> list[Path]:
    """Each signed PDF copied under a readable name, with the mail that carried it."""
    target = folder / "surat-keluar"
    target.mkdir(exist_ok=True)
    sent = FileTransport(app.cfg.url_path(app.cfg.smtp))
    paths = []
    console.print("[bold]The signed letters[/bold] (PAdES, from the store; the same bytes went "
                  "to the OPD):")
    with app.session() as s:
        for letter in s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.seq)):
            path = target / f"surat-{letter.number.replace('/', '-')}.pdf"
            path.write_bytes(app.store.get(letter.pdf_sha256, "signed"))
            paths.append(path)
            console.print(f"  {letter.number:<18} {short(path)}", highlight=False,
                          soft_wrap=True)
            console.print(f"  {'':<18} mailed as {short(sent.path_for(letter.mail_message_id))}",
                          highlight=False, soft_wrap=True)
    return paths


def verify(console: Console, config: Path, pdf: Path) -> int:
    """`paraf verify` of one letter, exactly as a person would run it."""
    from pipeline.cli import sign  # noqa: F401  (registers `verify` on the command group)
    from pipeline.cli.base import cli
    console.print(f"\n[bold]Checking one:[/bold] {prog()} --config {short(config)} verify "
                  f"{short(pdf)}", highlight=False, soft_wrap=True)
    try:
        cli.main(["--config", str(config), "verify", str(pdf)], prog_name="paraf",
                  standalone_mode=False)
    except SystemExit as done:
        return int(done.code or 0)
    return 0


def service(app: App, console: Console) -> None:
    """Today's figures against the promise and each step's turnaround."""
    cfg = app.cfg
    calendar = Calendar(cfg.service.extra_holidays)
    now = datetime.now(timezone.utc)
    today = now.astimezone(ZoneInfo(cfg.office.timezone)).date()
    with app.session() as s:
        result = sla.turnaround(s, today, today, calendar=calendar,
                                promise_days=cfg.service.answer_working_days,
                                zone=cfg.office.timezone)
        still_open = sla.open_cases(s, calendar, now, cfg.service.answer_working_days,
                                    zone=cfg.office.timezone)
    share = f"{result.kept_share:.0%}" if result.kept_share is not None else "-"
    console.print(f"\n[bold]Service figures[/bold] (an answer within "
                  f"{cfg.service.answer_working_days} working days): {result.cases} cases today, "
                  f"{result.kept} in time ({share}), {len(still_open)} still open.",
                  highlight=False)
    for kind, d in result.by_kind.items():
        if d.count:
            console.print(f"  {kind:<12} {d.count:>2} steps, median {d.median_hours * 3600:.1f} s"
                          f" from request to reply", highlight=False)


def web(console: Console, outcome) -> None:
    """How to serve the pages over this workspace; the secret stays in its file."""
    secret = short(outcome.secret_file)
    lines = [
        "\n[bold]The web pages[/bold] over this workspace (the clerk's and the Inspector's "
        "pages show these cases):",
        f"  PARAF_SECRET=\"$(cat {secret})\" {prog()} --config {short(outcome.config)} web",
        "  then open http://127.0.0.1:8080/masuk and sign in as 'agendaris' (the clerk: the "
        "books at /staf/agenda)",
        "  or 'inspektur' (the Inspector: the report at /staf/laporan), both with the password:",
        f"  {outcome.password}",
    ]
    for line in lines:
        console.print(line, highlight=False, soft_wrap=True)


def everything(app: App, console: Console, outcome, picture: Path | None = None) -> int:
    """Everything above in order; returns `paraf verify`'s exit code."""
    book_tables(app, console)
    if outcome.returned:
        history(app, console, outcome.returned)
    pdfs = signed_letters(app, console, outcome.folder)
    checked = verify(console, outcome.config, pdfs[0]) if pdfs else 1
    if pdfs and picture:
        first_page(console, pdfs[0], picture)
    service(app, console)
    web(console, outcome)
    return checked


def first_page(console: Console, pdf: Path, out: Path) -> None:
    """Page 1 of a signed answer as a PNG: what the OPD sees when it opens the letter."""
    if not shutil.which("pdftoppm"):
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(out.with_suffix(""))], check=True, timeout=120)
    console.print(f"Page 1 of {pdf.name}, as the OPD sees it: {short(out)}", highlight=False)


def prog() -> str:
    """How the user started Paraf, to repeat in the suggested commands."""
    argv0 = sys.argv[0] if sys.argv and sys.argv[0] else "paraf"
    if Path(argv0).name != "paraf":
        return "paraf"
    on_path = shutil.which("paraf")
    if on_path and Path(on_path).resolve() == Path(argv0).resolve():
        return "paraf"
    return short(Path(argv0))


def short(path: Path) -> str:
    """PATH relative to the current folder when it lies below it, so commands stay short."""
    path = Path(path).absolute()
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def summary(console: Console, outcome) -> None:
    """The two lines that say what just happened."""
    numbers = [s.number for s in outcome.signed]
    signed = " to ".join(dict.fromkeys([numbers[0], numbers[-1]])) if numbers else "nothing"
    console.print(f"\n[bold]Done in {outcome.seconds:.0f} s:[/bold] {len(numbers)} letters "
                  f"registered, answered by {outcome.replies} e-mail replies, one returned with "
                  f"REVISI;", highlight=False)
    console.print(f"signed as {signed} and mailed back to each OPD in its thread. All in "
                  f"{short(outcome.folder)}/", highlight=False)
