# SPDX-License-Identifier: AGPL-3.0-or-later
"""The web app as uvicorn imports it in each worker process: config from $PARAF_CONFIG."""
from __future__ import annotations

from starlette.applications import Starlette


def create() -> Starlette:
    from .. import config
    from ..app import App
    from . import create_app
    return create_app(App.open(config.load()))
