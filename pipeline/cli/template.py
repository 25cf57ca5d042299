# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf template check FILE`: may an office's own answer template replace the default?"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline.cli.base import cli


@cli.group()
def template():
    """The answer letter's Word template (rules/templates/jawaban.docx)."""


@template.command("check")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def template_check(file):
    """List the placeholders FILE uses and lacks, and the font it asks for; exit 1 when it
    cannot replace the default (a required placeholder missing, an unknown one, or signing
    cannot set the number and date in it)."""
    from pipeline.casework.templatecheck import REQUIRED, TemplateError, check
    try:
        report = check(file.read_bytes())
    except TemplateError as err:
        click.echo(f"{file}: {err}", err=True)
        sys.exit(1)
    click.echo(f"{file}")
    click.echo("placeholders used: " + (", ".join(report.used) or "none"))
    if report.missing_required:
        click.echo("MISSING (required): " + ", ".join(report.missing_required))
    if report.missing_optional:
        click.echo("not used (optional): " + ", ".join(report.missing_optional))
    if report.unknown:
        click.echo("UNKNOWN (drafting does not fill these): " + ", ".join(report.unknown))
    for font in report.fonts:
        if font.installed:
            click.echo(f"font: {font.family} (installed)")
        elif font.same_metrics:
            click.echo(f"font: {font.family}: not installed; LibreOffice uses {font.substitute}, "
                       "which has the same metrics (lines wrap as in Word)")
        else:
            click.echo(f"WARNING font: {font.family} is not installed; LibreOffice uses "
                       f"{font.substitute or 'another font'}, so lines wrap differently than "
                       "in Word. Install the font or choose an installed one.")
    if report.signing_problem:
        click.echo(f"SIGNING: {report.signing_problem}")
    click.echo("required: " + ", ".join(REQUIRED))
    click.echo("OK: this template can replace the default" if report.ok else
               "NOT OK: fix the above before putting it in rules/templates/jawaban.docx")
    sys.exit(0 if report.ok else 1)
