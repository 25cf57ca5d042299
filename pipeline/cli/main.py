# SPDX-License-Identifier: AGPL-3.0-or-later
"""The `paraf` command."""
from __future__ import annotations

import faulthandler
import json
import signal
import sys
from pathlib import Path

import click

from pipeline.cli import away, clerk, doctor, ops, precedents, sign, template, walkin, web  # noqa: F401  (each registers its commands)
from pipeline.cli.base import cli, console, pass_ctx
from pipeline.core.errors import ParafError


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--intake", help="intake URL to write into the new config")
@click.option("--smtp", help="outgoing mail URL to write into the new config")
@click.option("--database", help="database URL to write into the new config")
def init(folder, intake, smtp, database):
    """Create a working FOLDER: config.toml, rules/ and a migrated database."""
    from pipeline.core.workspace import init as do_init
    path = do_init(folder, intake=intake, smtp=smtp, database=database)
    console.print(f"Created {path} and {folder / 'rules'}; the database is migrated.")


@cli.group()
def rules():
    """The office's rule files."""


@rules.command("import-opd")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_ctx
def import_opd(ctx, csv_file):
    """Load the OPD directory from a spreadsheet export (CSV) into rules/opd.toml."""
    from pipeline.core.rules import load_opds, opds_from_csv, opds_to_toml
    cfg = ctx.cfg
    opds = opds_from_csv(csv_file.read_text(encoding="utf-8-sig"))
    target = cfg.rules_path / "opd.toml"
    if target.exists():
        target.replace(target.with_suffix(".toml.bak"))
    target.write_text(opds_to_toml(opds), encoding="utf-8")
    load_opds(target)
    console.print(f"Imported {len(opds)} OPDs into {target}")


@rules.command("check")
@pass_ctx
def rules_check(ctx):
    """Validate every rule file: OPDs, numbering, officials, routing (with line numbers)."""
    from pipeline.core.rulecheck import check_rules, report
    from pipeline.core.rules import load
    folder = ctx.cfg.rules_path
    loaded = load(folder)
    problems = check_rules(folder)
    click.echo(f"{len(loaded.opds)} OPDs; incoming numbers '{loaded.numbering.incoming}', "
               f"outgoing '{loaded.numbering.outgoing}'")
    click.echo(report(problems, folder))
    from pipeline.core.trustnotes import for_folder
    for line in for_folder(ctx.cfg.workflow, folder):
        click.echo(f"Autentikasi pengirim: {line}")
    if problems:
        sys.exit(1)


@rules.command("explain")
@click.argument("agenda_no")
@pass_ctx
def rules_explain(ctx, agenda_no):
    """Which routing rule sent AGENDA_NO to whom, and why (or would, if not yet disposed)."""
    from sqlalchemy import select

    from pipeline.books.views import find
    from pipeline.casework.route import explain, explain_trail
    from pipeline.core.models import Disposition
    app = ctx.app
    if app.workflow is None:
        raise ParafError("this installation has no officials.toml / routing.toml")
    with app.session() as session:
        entry = find(session, agenda_no)
        disp = session.scalars(select(Disposition).where(Disposition.entry_id == entry.id)
                               .order_by(Disposition.id.desc()).limit(1)).first()
        if disp is not None:
            click.echo(f"Disposed by {disp.decided_by} to {disp.assignee}; paraf chain: "
                       f"{' -> '.join(disp.chain) or '(none)'}")
            if disp.instructions:
                click.echo(f"Instructions: {disp.instructions}")
            lines = explain_trail(disp.trail or [])
        else:
            click.echo("Not disposed yet; the rules would decide:")
            lines = explain(app.workflow.route(entry))
    for line in lines:
        click.echo(line)


@cli.command()
@click.option("--once", is_flag=True, help="one pass of every job, then exit")
@pass_ctx
def run(ctx, once):
    """Start the worker: watch the intake mailbox and deliver the outbox."""
    from pipeline.worker import run_forever, run_once
    if once:
        report, sent = run_once(ctx.app)
        if report is None:
            raise ParafError("intake pass failed; see the log (-v)")
        console.print(f"intake: {report.seen} messages {report.outcomes or ''}; "
                      f"outbox: {sent.sent if sent else 0} sent", highlight=False)
    else:
        run_forever(ctx.app)


@cli.command("import")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_ctx
def import_(ctx, files):
    """Feed saved .eml FILES through the same pipeline as the mailbox."""
    app = ctx.app
    for path in files:
        outcome = app.consumer.consume(path.read_bytes(), source="file", ref=str(path))
        console.print(f"{path}: {outcome.status} {outcome.agenda_no or outcome.reason or ''}",
                      markup=False, highlight=False)


@cli.command()
@click.argument("agenda_no")
@pass_ctx
def show(ctx, agenda_no):
    """One entry: its fields, attachments and history (AGENDA_NO, or #ID)."""
    from pipeline.books.views import find, print_entry
    app = ctx.app
    with app.session() as session:
        print_entry(find(session, agenda_no), console, app.cfg.service.low_confidence)


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True)
@click.option("--meta", is_flag=True, help="also where each field was read and how surely")
@pass_ctx
def extract(ctx, file, as_json, meta):
    """What Paraf reads from one letter (PDF, DOCX, JPG/PNG) or one .eml."""
    from pipeline.cli.extract import extract_file
    result = extract_file(file, ctx.config_path, with_meta=meta or not as_json)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for key, value in result.items():
            console.print(f"{key + ':':<16}{value}", highlight=False)


@cli.group(invoke_without_command=True)
@click.option("--status", help="queued, sending, sent, failed, held")
@click.pass_context
def outbox(click_ctx, status):
    """Outgoing mail and its delivery state."""
    if click_ctx.invoked_subcommand:
        return
    from pipeline.mail import outbox as ob
    app = click_ctx.obj.app
    with app.session() as session:
        for mail in ob.listing(session, status):
            console.print(f"{mail.id:>5} {mail.status:<8} {mail.kind:<11} {', '.join(mail.to_addrs)}"
                          f"  {mail.subject}  {mail.last_error or ''}", highlight=False)


@outbox.command("release")
@click.argument("mail_id", type=int)
@pass_ctx
def outbox_release(ctx, mail_id):
    """Queue a held or failed mail again."""
    from pipeline.mail import outbox as ob
    ob.release(ctx.app.factory, mail_id)
    console.print(f"mail {mail_id} queued again")


@cli.group()
def audit():
    """The history's integrity."""


@audit.command("verify")
@pass_ctx
def audit_verify(ctx):
    """Check every entry's hash-chained history."""
    from pipeline.core.events import verify
    with ctx.app.session() as session:
        problems = verify(session)
    for line in problems:
        console.print(f"[red]{line}[/red]")
    if problems:
        sys.exit(1)
    console.print("history intact")


@cli.command()
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="build the demo workspace in DIR (default ./paraf-demo; an earlier demo "
                   "there is replaced)")
@click.option("--picture", type=click.Path(dir_okay=False, path_type=Path), metavar="PNG",
              help="also write page 1 of the first signed answer here (as the OPD sees it)")
def demo(keep, picture):
    """The whole loop on sample letters, with no server: from the OPD's letter to the signed
    answer mailed back in its thread."""
    from pipeline.cli.demo import run_demo
    outcome = run_demo(console, keep, picture)
    if outcome.problems or not outcome.signed or not outcome.verified:
        sys.exit(1)




def main() -> None:
    # `kill -USR1 <pid>` prints every thread's stack to stderr: how an operator (or a test)
    # sees where a worker that does not stop is waiting.
    faulthandler.register(signal.SIGUSR1, all_threads=True)
    try:
        cli(standalone_mode=True)
    except ParafError as err:
        console.print(f"[red]error:[/red] {err}", highlight=False)
        sys.exit(2)
