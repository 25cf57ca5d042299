# SPDX-License-Identifier: AGPL-3.0-or-later
"""The `paraf` command group and what every subcommand shares: the console and the context.

Each file in this package adds its own subcommands to `cli`; `main.py` imports them all.
"""
from __future__ import annotations

import logging
import sys

import click
from rich.console import Console

from pipeline.core import config as config_mod

console = Console(width=None if sys.stdout.isatty() else 160)


class Ctx:
    def __init__(self, config_path: str | None):
        self.config_path = config_path
        self._app = None

    @property
    def cfg(self):
        return config_mod.load(self.config_path)

    @property
    def app(self):
        if self._app is None:
            from pipeline.app import App
            self._app = App.open(self.cfg)
        return self._app


pass_ctx = click.make_pass_decorator(Ctx)


@click.group()
@click.option("--config", "config_path", envvar=config_mod.CONFIG_ENV, default=None,
              metavar="PATH", help="config.toml to use (default ./config.toml or $PARAF_CONFIG)")
@click.option("-v", "--verbose", is_flag=True, help="log what the worker does")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text",
              envvar="PARAF_LOG_FORMAT", show_default=True,
              help="json: one object per line, for journald and log collectors")
@click.pass_context
def cli(ctx, config_path, verbose, log_format):
    """Paraf: the inspectorate's correspondence, by e-mail."""
    from pipeline.cli.logs import setup
    setup(logging.INFO if verbose else logging.WARNING, log_format)
    ctx.obj = Ctx(config_path)
