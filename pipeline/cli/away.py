# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf away`: an official's absence and who stands in (casework/away.py)."""
from __future__ import annotations

from datetime import datetime, timezone

import click

from pipeline.cli.base import cli, console, pass_ctx
from pipeline.core.errors import ParafError


@cli.command()
@click.argument("code", required=False)
@click.option("--from", "start", help="first day away (12-12-2026, 12 Desember 2026, 2026-12-12)")
@click.option("--to", "end", help="last day away")
@click.option("--delegate", help="the official who stands in (code); default: the superior")
@click.option("--reason", default="cuti", show_default=True,
              help="cuti, dinas luar, sakit, izin, tugas belajar, diklat")
@click.option("--note", help="a remark kept with the absence")
@click.option("--list", "show", is_flag=True, help="absences not yet over")
@click.option("--end", "end_id", type=int, help="end absence ID now (the official is back)")
@pass_ctx
def away(ctx, code, start, end, delegate, reason, note, show, end_id):
    """Mark CODE away from --from to --to; their steps go to --delegate meanwhile."""
    from pipeline.casework import absences
    from pipeline.casework import away as do
    from pipeline.casework.away_words import read_date
    from pipeline.core.models_away import Absence
    app = ctx.app
    wf = app.workflow
    if wf is None:
        raise ParafError("no officials.toml: who is away?")
    now = datetime.now(timezone.utc)
    today = absences.today(app.cfg, now)
    with app.session() as session:
        if end_id is not None:
            absence = session.get(Absence, end_id)
            if absence is None:
                raise ParafError(f"no absence #{end_id} (see paraf away --list)")
            moved = do.end(wf, session, absence, by="cli", now=now)
            console.print(f"absence #{end_id} of {absence.official} ended; {moved} step(s) "
                          f"handed back", markup=False)
            return
        if show or not code:
            for a in absences.listing(session, today):
                console.print(f"#{a.id}  {a.official}  {a.reason}  {a.starts_on} .. {a.ends_on}"
                              f"  Plt. {a.delegate}  (set by {a.set_by})", markup=False)
            return
        official = wf.by_code.get(code)
        if official is None:
            raise ParafError(f"unknown official '{code}' (see rules/officials.toml)")
        first = read_date(start, today) if start else today
        last = read_date(end, today) if end else None
        if first is None or last is None:
            raise ParafError("give --to (and --from) as 12-12-2026, 12 Desember 2026 or "
                             "2026-12-12")
        stand_in = (do.find_official(wf, delegate) if delegate
                    else do.default_delegate(wf, session, official))
        if stand_in is None:
            raise ParafError(f"unknown delegate '{delegate}'")
        absence = do.record(wf, session, official, stand_in, first, last, reason,
                            by="cli", now=now, note=note)
        console.print(f"absence #{absence.id}: {official.code} away {first} .. {last} "
                      f"({absence.reason}); Plt. {stand_in.code}", markup=False)
