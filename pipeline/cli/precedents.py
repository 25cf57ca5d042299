# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf precedents`: rebuild the precedents index, and show a case's precedents."""
from __future__ import annotations

import json

import click

from pipeline.cli.base import cli, console, pass_ctx


@cli.group()
def precedents():
    """Precedents for the drafter: earlier answered and signed cases like a new one."""


@precedents.command()
@pass_ctx
def reindex(ctx):
    """Rebuild the index from every signed case (after an upgrade or a restore)."""
    from pipeline.casework import precedents as index
    app = ctx.app
    with app.session() as session:
        count = index.reindex(session, lambda e: index.signed_answers(session, app.store, e))
    console.print(f"Indeks preseden dibangun ulang: {count} pertanyaan terjawab.", markup=False)


@precedents.command()
@click.argument("agenda_no")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
def show(ctx, agenda_no, as_json):
    """The precedents a drafter of AGENDA_NO (or #ID) is shown."""
    from pipeline.books.views import find
    from pipeline.casework import precedents as index
    app = ctx.app
    with app.session() as session:
        rows = index.shown(index.find(session, find(session, agenda_no)),
                           app.cfg.signing.verify_url)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        console.print("Belum ada preseden yang serupa.", markup=False)
    for i, p in enumerate(rows, 1):
        console.print(f"{i}. {p['number']} ({p['tanggal']}, agenda {p['agenda_no']}, {p['opd']})\n"
                      f"   Hal: {p['hal']}\n   Pertanyaan: {p['question']}\n"
                      f"   Jawaban: {p['answer']}\n   {p['link'] or ''}", markup=False)
