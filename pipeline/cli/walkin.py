# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf walkin`: the walk-in desk (seed 2) from the command line."""
from __future__ import annotations

import getpass
import json
from datetime import datetime, timezone
from pathlib import Path

import click
from rich.table import Table
from rich.text import Text

from pipeline.cli.base import cli, console, pass_ctx
from pipeline.core.errors import ParafError


@cli.group()
def walkin():
    """The walk-in desk: visitors who consult in person (same-day answer)."""


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _actor(app, code: str | None, role: str) -> str:
    """'cli:<code>' for an official of the rules, else 'cli:<os user>'."""
    if code:
        if app.workflow is not None and code not in app.workflow.by_code:
            raise ParafError(f"no official '{code}' in rules/officials.toml")
        return f"cli:{code}"
    if app.workflow is not None:
        found = next((o for o in app.workflow.officials if role in o.roles), None)
        if found:
            return f"cli:{found.code}"
    return f"cli:{getpass.getuser()}"


@walkin.command("add")
@click.option("--name", required=True, help="the visitor's full name")
@click.option("--institution", required=True, help="their OPD or institution")
@click.option("--purpose", required=True, help="the purpose of the consultation")
@click.option("--question", "questions", multiple=True, required=True,
              help="a summary of one question (repeat for several)")
@click.option("--position", default="", help="their position (jabatan)")
@click.option("--phone", default="")
@click.option("--email", default="", help="where the completed copy is mailed")
@click.option("--nip", default="", help="18 digits, if a civil servant")
@click.option("--clerk", metavar="CODE", help="the clerk registering (default: the rules' clerk)")
@click.option("--form", "form_out", type=click.Path(dir_okay=False, path_type=Path),
              help="write the pre-filled consultation form (PDF) here")
@pass_ctx
def walkin_add(ctx, name, institution, purpose, questions, position, phone, email, nip, clerk,
               form_out):
    """Record a visitor in the consultation book; prints the agenda number."""
    from pipeline.consult import walkin as desk
    app = ctx.app
    now = datetime.now(timezone.utc)
    visit = desk.Visit(name=name, institution=institution, purpose=purpose,
                       questions=tuple(questions), position=position, phone=phone, email=email,
                       nip=nip)
    with app.session() as s:
        entry = desk.register(s, app, visit, now, actor=_actor(app, clerk, "clerk"))
        agenda_no, status, opd = entry.agenda_no, entry.status, entry.opd_code
        target = desk.target_of(entry)
        waiting = desk.waiting_on(s, [entry]).get(entry.id)
        step = f"{waiting.kind} by {waiting.official}" if waiting else None
        if form_out:
            _write(form_out, desk.form_pdf(s, app, entry, completed=False, now=now))
            desk.note_printed(entry, "formulir", actor=_actor(app, clerk, "clerk"), now=now)
    click.echo(agenda_no)
    from pipeline.intake.notices import local_time
    known = "" if opd else " (institution not in the OPD list)"
    console.print(f"registered as a walk-in consultation{known}; same-day target: "
                  f"{local_time(app.cfg, target)}", markup=False, highlight=False)
    if step:
        console.print(f"waiting on: {step}", markup=False, highlight=False)
    elif status == "disposed":
        console.print("disposed by rule", markup=False, highlight=False)
    else:
        console.print("the disposition waits for the worker (PARAF_SECRET / officials.toml)",
                      markup=False, highlight=False)
    if form_out:
        console.print(f"form written to {form_out}", markup=False, highlight=False)


@walkin.command("dispose")
@click.argument("agenda_no")
@click.option("--to", "assignee", required=True, metavar="CODE", help="the official who answers")
@click.option("--by", "by_code", metavar="CODE",
              help="who disposes: the Inspector (default) or an official above the assignee")
@click.option("--instructions", default="", help="the disposition's instructions")
@pass_ctx
def walkin_dispose(ctx, assignee, agenda_no, by_code, instructions):
    """The Inspector (or a senior official) assigns a walk-in to an official at the desk."""
    from pipeline.books.views import find
    from pipeline.consult import walkin as desk
    app = ctx.app
    if app.workflow is None:
        raise ParafError("this installation has no officials.toml / routing.toml")
    by_code = by_code or app.workflow.inspector.code
    now = datetime.now(timezone.utc)
    with app.session() as s:
        entry = find(s, agenda_no)
        desk.dispose(s, app, entry, assignee, by_code=by_code, instructions=instructions,
                     now=now, actor=f"cli:{by_code}")
    console.print(f"{agenda_no} disposed to {assignee} by {by_code}", markup=False,
                  highlight=False)


@walkin.command("answer")
@click.argument("agenda_no")
@click.option("--official", required=True, metavar="CODE",
              help="the official who holds the case (its open drafting step)")
@click.option("--summary", required=True, help="the summary of the answer")
@click.option("--copy", "copy_out", type=click.Path(dir_okay=False, path_type=Path),
              help="write the completed copy (PDF) here")
@pass_ctx
def walkin_answer(ctx, agenda_no, official, summary, copy_out):
    """Record the official's answer: the copy goes to the visitor, the case is closed."""
    from pipeline.books.views import find
    from pipeline.consult import walkin as desk
    app = ctx.app
    now = datetime.now(timezone.utc)
    with app.session() as s:
        entry = find(s, agenda_no)
        copy = desk.answer(s, app, entry, official, summary, now, actor=f"cli:{official}")
        mailed = entry.sender_email
        if copy_out:
            _write(copy_out, copy)
            desk.note_printed(entry, "salinan", actor=f"cli:{official}", now=now)
        met = desk.on_time(entry, now)
    console.print(f"{agenda_no} answered and closed "
                  f"({'within' if met else 'after'} the same-day target)", markup=False,
                  highlight=False)
    console.print(f"copy mailed to {mailed}" if mailed else "no e-mail address: hand the "
                  "printed copy to the visitor", markup=False, highlight=False)
    if copy_out:
        console.print(f"copy written to {copy_out}", markup=False, highlight=False)


@walkin.command("print")
@click.argument("agenda_no")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--copy", "completed", is_flag=True, help="the completed copy (after the answer)")
@pass_ctx
def walkin_print(ctx, agenda_no, out, completed):
    """Write the pre-filled form (or, with --copy, the completed copy) of a walk-in again."""
    from pipeline.books.views import find
    from pipeline.consult import walkin as desk
    app = ctx.app
    now = datetime.now(timezone.utc)
    with app.session() as s:
        entry = find(s, agenda_no)
        if entry.channel != desk.CHANNEL:
            raise ParafError(f"{agenda_no} is not a walk-in consultation")
        data = desk.copy_pdf(app, entry) if completed else \
            desk.form_pdf(s, app, entry, completed=False, now=now)
        if data is None:
            raise ParafError(f"{agenda_no} has not been answered yet: no completed copy")
        _write(out, data)
        desk.note_printed(entry, "salinan" if completed else "formulir",
                          actor=_actor(app, None, "clerk"), now=now)
    console.print(f"written to {out}", markup=False, highlight=False)


@walkin.command("list")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def walkin_list(ctx, as_json):
    """Today's visitors and the walk-ins still open, with their same-day target."""
    from pipeline.consult import walkin as desk
    from pipeline.intake.notices import local_time
    from pipeline.web.render import STATUS_WORDS
    app = ctx.app
    now = datetime.now(timezone.utc)
    with app.session() as s:
        today, earlier = desk.desk(s, app.cfg, now)
        steps = desk.waiting_on(s, today + earlier)
        rows = []
        for e in today + earlier:
            step = steps.get(e.id)
            met = desk.on_time(e, now)
            rows.append({
                "agenda_no": e.agenda_no, "visited_at": e.received_at.isoformat(),
                "name": (e.requester or {}).get("name"), "institution": e.opd_name,
                "status": e.status, "target": (desk.target_of(e) or now).isoformat(),
                "target_text": local_time(app.cfg, desk.target_of(e)) if desk.target_of(e)
                else "-",
                "waiting_on": f"{step.kind}:{step.official}" if step else None,
                "on_time": met, "today": e in today})
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title="Konsultasi Langsung", expand=True)
    for col in ("No. Agenda", "Pengunjung", "Instansi", "Status", "Target", "Menunggu",
                "Tepat waktu"):
        table.add_column(col, overflow="fold")
    for r in rows:
        met = {True: "ya", False: "TERLAMBAT", None: "-"}[r["on_time"]]
        table.add_row(*(Text(str(v or "-")) for v in (
            r["agenda_no"], r["name"], r["institution"], STATUS_WORDS.get(r["status"]),
            r["target_text"], r["waiting_on"], met)))
    console.print(table)
    if not rows:
        console.print("no walk-in visitors today and none open", markup=False)
