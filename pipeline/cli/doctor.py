# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf doctor`: is this server ready to work? One line per check, each with its fix.

An office's IT staff run it after installing, after an upgrade and whenever the worker
misbehaves. Exit 1 when anything would stop work (a `fail` line).
"""
from __future__ import annotations

import os
import sys
from datetime import datetime, timezone

import click

from pipeline.cli import doctor_mail
from pipeline.cli.base import cli, pass_ctx
from pipeline.cli.checks import (
    FAIL,
    WARN,
    Probe,
    Result,
    check_certificate,
    check_clock,
    check_config,
    check_database,
    check_disk,
    check_libreoffice,
    check_secret,
    check_tesseract,
)


def run_checks(config_path, env, now=None, min_free_gb: float = 1.0) -> list[Result]:
    cfg, results = check_config(config_path, env)
    results += [check_tesseract(), check_libreoffice()]
    if cfg is None:
        return results
    p = Probe(cfg, env, now or (lambda: datetime.now(timezone.utc)), min_free_gb)
    results.append(check_database(p))
    for check in (check_clock, check_secret, check_certificate, check_disk):
        results.append(_guarded(check, p))
    results += doctor_mail.checks(p)
    if p.engine is not None:
        p.engine.dispose()
    return results


def _guarded(check, p: Probe) -> Result:
    try:
        return check(p)
    except Exception as err:                   # a check that breaks is itself a finding
        return Result(check.__name__.removeprefix("check_"), FAIL, f"check failed: {err}",
                      "see the message; run with -v for details")


@cli.command()
@click.option("--min-free-gb", type=float, default=1.0, show_default=True,
              help="fail when the data folder has less free space than this")
@pass_ctx
def doctor(ctx, min_free_gb):
    """Check that this server can work: config, database, mail, tools, key, disk, clock."""
    results = run_checks(ctx.config_path, dict(os.environ), min_free_gb=min_free_gb)
    for result in results:
        click.echo(result.line())
    failed = sum(r.level == FAIL for r in results)
    warned = sum(r.level == WARN for r in results)
    click.echo(f"{len(results)} checks: {failed} failed, {warned} warnings")
    sys.exit(1 if failed else 0)
