# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reasons become record once, in the catalogue's terms, whichever code path writes them.

A mapper event on each model that carries a reason: when the text column changes, its code and
parameters are set from `Reason.of`, and the text column is rewritten in Indonesian. Intake,
the desk, the web form and later checks then never need to remember to translate; the
`reason_code`/`reason_params` columns are what reports and pages rely on.
"""
from __future__ import annotations

from sqlalchemy import event, inspect

from pipeline.core.messages import Reason


def listen(model, text: str, code: str, params: str) -> None:
    def coded(target) -> None:
        reason = Reason.of(getattr(target, text))
        if reason is None:
            setattr(target, code, None)
            setattr(target, params, None)
            return
        setattr(target, code, reason.code)
        setattr(target, params, reason.params)
        setattr(target, text, reason.say())

    def on_insert(_mapper, _connection, target) -> None:
        coded(target)

    def on_update(_mapper, _connection, target) -> None:
        if inspect(target).attrs[text].history.has_changes():
            coded(target)

    event.listen(model, "before_insert", on_insert)
    event.listen(model, "before_update", on_update)
