# SPDX-License-Identifier: AGPL-3.0-or-later
"""The clerk's commands: the agenda books, the SLA board and the officials' queue."""
from __future__ import annotations

import json
from pathlib import Path

import click

from pipeline.cli.base import cli, console, pass_ctx


@cli.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="machine-readable output")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="received on or after")
@click.option("--status", help="registered, incomplete, duplicate, quarantined, failed, ...")
@click.option("--limit", type=int)
@click.pass_context
def agenda(click_ctx, as_json, since, status, limit):
    """The incoming agenda as the worker sees it; `in` and `out` are the clerk's books."""
    if click_ctx.invoked_subcommand:
        return
    from pipeline.books.views import agenda_rows, print_agenda
    app = click_ctx.obj.app
    with app.session() as session:
        rows = agenda_rows(session, since=since.date() if since else None, status=status,
                           low_confidence=app.cfg.service.low_confidence, limit=limit)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print_agenda(rows, console)


def _book_options(fn):
    for option in reversed([
        click.option("--from", "since", type=click.DateTime(["%Y-%m-%d"])),
        click.option("--to", "until", type=click.DateTime(["%Y-%m-%d"])),
        click.option("--opd", help="OPD code or name"),
        click.option("--xlsx", type=click.Path(dir_okay=False, path_type=Path),
                     help="also write the book as a spreadsheet"),
        click.option("--json", "as_json", is_flag=True)]):
        fn = option(fn)
    return fn


@agenda.command("in")
@_book_options
@click.option("--status", multiple=True)
@click.option("--official", help="assigned official (code)")
@click.option("--channel", type=click.Choice(["letter", "web", "walk-in"]))
@click.option("--search", help="words in the subject, hal, number or questions")
@pass_ctx
def agenda_in(ctx, since, until, opd, xlsx, as_json, status, official, channel, search):
    """The incoming agenda book (buku agenda surat masuk)."""
    from pipeline.books import rows as books
    from pipeline.books import xlsx as sheet
    app = ctx.app
    names = {o.code: o.name for o in app.workflow.officials} if app.workflow else None
    with app.session() as session:
        rows = books.incoming(session, since=since.date() if since else None,
                              until=until.date() if until else None, opd=opd,
                              status=list(status) or None, official=official, channel=channel,
                              search=search, names=names, zone=app.cfg.office.timezone)
    _show_book(rows, sheet.INCOMING_COLUMNS, xlsx, as_json, "Buku Agenda Surat Masuk")


@agenda.command("out")
@_book_options
@pass_ctx
def agenda_out(ctx, since, until, opd, xlsx, as_json):
    """The outgoing agenda book (buku agenda surat keluar)."""
    from pipeline.books import rows as books
    from pipeline.books import xlsx as sheet
    app = ctx.app
    with app.session() as session:
        rows = books.outgoing(session, since=since.date() if since else None,
                              until=until.date() if until else None, opd=opd,
                              zone=app.cfg.office.timezone)
    _show_book(rows, sheet.OUTGOING_COLUMNS, xlsx, as_json, "Buku Agenda Surat Keluar")


def _show_book(rows, columns, xlsx_path, as_json, title):
    from rich.table import Table
    from rich.text import Text

    from pipeline.books import xlsx as sheet
    if xlsx_path:
        sheet.export(rows, columns, xlsx_path, title)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    table = Table(title=title, expand=True)
    for _, header in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if row.get(k) is None else str(row[k])) for k, _ in columns))
    console.print(table)
    if xlsx_path:
        console.print(f"written to {xlsx_path}", markup=False)


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def sla(ctx, as_json):
    """Open cases against the 3-working-day promise and each step's target, overdue first."""
    from datetime import datetime, timezone

    from pipeline.books import sla as board
    from pipeline.core.workdays import Calendar
    app = ctx.app
    with app.session() as session:
        rows = board.open_cases(session, Calendar(app.cfg.service.extra_holidays),
                                datetime.now(timezone.utc), app.cfg.service.answer_working_days,
                                zone=app.cfg.office.timezone)
    if as_json:
        click.echo(json.dumps([r.__dict__ for r in rows], default=str, ensure_ascii=False,
                              indent=2))
        return
    for r in rows:
        step = f"{r.step_kind} by {r.step_official}" if r.step_kind else "no step open"
        late = "OVERDUE " if r.overdue else ""
        click.echo(f"{late}{r.agenda_no:<18} due {r.due_on}  {r.days_left:+d} working days  "
                   f"{step}{'  (step overdue)' if r.step_overdue else ''}  {r.opd or ''}")
    for line in board.per_official(rows):
        click.echo(f"  {line['official'] or '(nobody yet)'}: {line['open']} open, "
                   f"{line['overdue']} overdue")


@cli.command()
@click.option("--official", help="only this official's queue (code)")
@click.option("--overdue", is_flag=True, help="only steps past their target")
@pass_ctx
def steps(ctx, official, overdue):
    """Open hand-overs: dispositions to give, answers to draft, drafts to initial."""
    from datetime import datetime, timezone

    from sqlalchemy import select

    from pipeline.core.db import utc as aware
    from pipeline.core.models import AgendaEntry, Step
    now = datetime.now(timezone.utc)
    with ctx.app.session() as session:
        query = select(Step, AgendaEntry).join(AgendaEntry, AgendaEntry.id == Step.entry_id) \
            .where(Step.status == "open").order_by(Step.due_at)
        if official:
            query = query.where(Step.official == official)
        for step, entry in session.execute(query):
            late = aware(step.due_at) < now
            if overdue and not late:
                continue
            click.echo(f"{entry.agenda_no:<18} {step.kind:<11} {step.official:<14} "
                       f"rev {step.revision} stage {step.stage + 1}  due "
                       f"{aware(step.due_at):%Y-%m-%d %H:%M} UTC{'  OVERDUE' if late else ''}")


@cli.group()
def report():
    """Reports for the administration: one consultation, or a period."""


@report.command("entry")
@click.argument("agenda_no")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="FILE.docx, or FILE.pdf (through LibreOffice)")
@pass_ctx
def report_entry(ctx, agenda_no, out):
    """The consultation report of one case (seed 1, step 4)."""
    from pipeline.books.report import entry_report
    from pipeline.books.views import find
    from pipeline.core.errors import ParafError
    from pipeline.signing.convert import to_pdf
    app = ctx.app
    with app.session() as session:
        data = entry_report(session, app.cfg, find(session, agenda_no))
    if out.suffix.lower() == ".pdf":
        data = to_pdf([data])[0]
        if data is None:
            raise ParafError("PDF needs LibreOffice; write a .docx instead")
    out.write_bytes(data)
    console.print(f"written to {out}", markup=False)


@report.command("period")
@click.option("--from", "since", type=click.DateTime(["%Y-%m-%d"]))
@click.option("--to", "until", type=click.DateTime(["%Y-%m-%d"]))
@click.option("--quarter", help="a quarter instead of --from/--to, like 2026Q4")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="FILE.docx; the turnaround chart is written beside it as FILE.png")
@pass_ctx
def report_period(ctx, since, until, quarter, out):
    """The evaluation of a period: volumes, the promise kept, median and P90 per step and
    official, the satisfaction index (IKM) with its grade, and the comments."""
    from pipeline.books import evaluation
    from pipeline.books.sections import extra_sections
    from pipeline.core.errors import ParafError
    if quarter:
        if since or until:
            raise ParafError("give either --quarter or --from/--to, not both")
        since, until = evaluation.quarter(quarter)
    elif since and until:
        since, until = since.date(), until.date()
    else:
        raise ParafError("give --quarter 2026Q4, or both --from and --to")
    app = ctx.app
    with app.session() as session:
        figures = evaluation.gather(session, app.cfg, since, until, officials=tuple(
            app.workflow.officials if app.workflow else ()))
        sections = extra_sections(session, app.cfg, since, until)
        docx, png = evaluation.document(app.cfg, figures, sections)
    out.write_bytes(docx)
    out.with_suffix(".png").write_bytes(png)
    for line in evaluation_lines(figures) + [section.summary for section in sections]:
        click.echo(line)
    console.print(f"written to {out} and {out.with_suffix('.png')}", markup=False)


def evaluation_lines(figures) -> list[str]:
    """The headline figures, for the terminal."""
    sla, s = figures.sla, figures.ikm
    kept = "-" if sla.kept_share is None else f"{sla.kept_share * 100:.0f} %"
    rate = "-" if s.response_rate is None else f"{s.response_rate * 100:.0f} %"
    index = (f"{s.overall.value:.2f} grade {s.overall.grade} ({s.overall.label})"
             if s.overall.reported else f"not enough answers (minimum {s.min_responses})")
    return [f"period:        {figures.since} to {figures.until}",
            f"cases:         {sla.cases}, answered within the promise {sla.kept} ({kept})",
            f"survey:        {s.invited} sent, {s.answered} answered ({rate})",
            f"IKM:           {index}, {s.overall.respondents} respondents"]


@cli.group()
def desk():
    """The clerk's decisions on quarantined and failed messages (as on /staf/karantina)."""


def _desk_run(ctx, key, act):
    import getpass
    from datetime import datetime, timezone

    from pipeline.books.views import find
    from pipeline.intake.register import Registrar
    app = ctx.app
    now = datetime.now(timezone.utc)
    actor = f"cli:{getpass.getuser()}"
    with app.session() as session:
        entry = find(session, key)
        act(session, Registrar(app.cfg, app.rules), entry, actor, now)
        console.print(f"#{entry.id}: {entry.status} {entry.agenda_no or ''}", markup=False)


@desk.command("release")
@click.argument("key")
@click.option("--opd", help="the sender's OPD code, when the intake did not know it")
@pass_ctx
def desk_release(ctx, key, opd):
    """Register a quarantined or failed case KEY (#ID): number, due date, receipt."""
    from pipeline.core.errors import ParafError
    from pipeline.intake import desk as clerk_desk
    unit = None
    if opd:
        unit = next((o for o in ctx.app.rules.opds if o.code == opd), None)
        if unit is None:
            raise ParafError(f"unknown OPD '{opd}'")
    _desk_run(ctx, key, lambda s, reg, entry, actor, now: clerk_desk.release(
        s, reg, entry, actor=actor, now=now, opd=unit))


@desk.command("reject")
@click.argument("key")
@click.option("--reason", required=True, help="mailed to the sender (Indonesian)")
@pass_ctx
def desk_reject(ctx, key, reason):
    """Reject case KEY with a reason; the sender, when known, is told why."""
    from pipeline.intake import desk as clerk_desk
    _desk_run(ctx, key, lambda s, reg, entry, actor, now: clerk_desk.reject(
        s, ctx.app.cfg, entry, reason, actor=actor, now=now))


@desk.command("ask")
@click.argument("key")
@click.option("--missing", "items", multiple=True, required=True,
              help="what is missing, as the mail should say it (repeatable)")
@pass_ctx
def desk_ask(ctx, key, items):
    """Make case KEY incomplete and mail the sender what is missing."""
    from pipeline.intake import desk as clerk_desk
    _desk_run(ctx, key, lambda s, reg, entry, actor, now: clerk_desk.ask_missing(
        s, reg, entry, list(items), actor=actor, now=now))
