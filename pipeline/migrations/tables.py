# SPDX-License-Identifier: AGPL-3.0-or-later
"""Every table of the schema in one `Base.metadata`: the core models and each stage's own
model modules. Alembic's environment and the schema test import this one place, so a new
model module is listed once, here."""
from pipeline.consult import survey_models  # noqa: F401
from pipeline.core import (  # noqa: F401
    models_away, models_complaint, models_jobs, models_precedents)
from pipeline.core.models import Base

__all__ = ["Base"]
