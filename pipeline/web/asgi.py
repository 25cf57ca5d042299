# SPDX-License-Identifier: AGPL-3.0-or-later
"""The web app as uvicorn imports it in each worker process: config from $PARAF_CONFIG."""
from __future__ import annotations

from starlette.applications import Starlette


def create() -> Starlette:
    from pipeline.app import App
    from pipeline.core import config
    from pipeline.web import create_app
    return create_app(App.open(config.load()))
