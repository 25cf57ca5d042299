# SPDX-License-Identifier: AGPL-3.0-or-later
"""How the office is doing, in numbers: for Prometheus (/metrics) and for `paraf status`.

Only counts, ages and durations leave here, labelled by status, outcome, step kind or job; never
a name, an address, a subject or an agenda number, so the metrics hold no personal data.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pipeline.core.db import utc
from pipeline.core.heartbeat import last
from pipeline.core.models import AgendaEntry, InboundMessage, OutboxMail, Step

READ_SAMPLE = 500             # letter-reading time over the most recent letters read
STALLED_AFTER = 600           # seconds without a finished intake pass (IDLE wakes every 60 s)


@dataclass
class Snapshot:
    at: datetime
    messages: dict[str, int] = field(default_factory=dict)       # inbound, by outcome
    entries: dict[str, int] = field(default_factory=dict)        # cases, by status
    outbox: dict[str, int] = field(default_factory=dict)         # outgoing mail, by status
    steps_open: dict[str, int] = field(default_factory=dict)     # by kind
    steps_overdue: dict[str, int] = field(default_factory=dict)  # by kind
    polled: dict[str, datetime] = field(default_factory=dict)    # job -> last completed pass
    read_seconds: list[float] = field(default_factory=list)      # recent letters, sorted

    @property
    def held(self) -> int:
        """Waiting for the clerk: mail held back and cases in quarantine."""
        return self.outbox.get("held", 0) + self.entries.get("quarantined", 0)

    @property
    def signing_queue(self) -> int:
        return self.entries.get("initialled", 0)

    def lag(self, job: str) -> float | None:
        return (self.at - self.polled[job]).total_seconds() if job in self.polled else None

    def quantile(self, q: float) -> float | None:
        values = self.read_seconds
        return values[min(len(values) - 1, int(q * len(values)))] if values else None


def _grouped(session: Session, column, *where) -> dict[str, int]:
    query = select(column, func.count()).group_by(column)
    for clause in where:
        query = query.where(clause)
    return {str(key): n for key, n in session.execute(query)}


def snapshot(session: Session, now: datetime) -> Snapshot:
    snap = Snapshot(at=now)
    snap.messages = _grouped(session, InboundMessage.outcome)
    snap.entries = _grouped(session, AgendaEntry.status)
    snap.outbox = _grouped(session, OutboxMail.status)
    snap.steps_open = _grouped(session, Step.kind, Step.status == "open")
    snap.steps_overdue = _grouped(session, Step.kind, Step.status == "open", Step.due_at < now)
    snap.polled = last(session)
    metas = session.scalars(select(AgendaEntry.letter_meta).where(
        AgendaEntry.letter_meta.is_not(None)).order_by(AgendaEntry.id.desc()).limit(READ_SAMPLE))
    snap.read_seconds = sorted(float(m["read_seconds"]) for m in metas
                               if isinstance(m, dict) and "read_seconds" in m)
    return snap


def _esc(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def prometheus(snap: Snapshot) -> str:
    """The Prometheus text exposition format (version 0.0.4)."""
    out: list[str] = []

    def family(name: str, kind: str, help_: str, samples) -> None:
        out.append(f"# HELP {name} {help_}")
        out.append(f"# TYPE {name} {kind}")
        for labels, value in samples:
            text = ",".join(f'{k}="{_esc(str(v))}"' for k, v in labels.items())
            out.append(f"{name}{{{text}}} {value}" if text else f"{name} {value}")

    family("paraf_up", "gauge", "The web process is serving and its database answered.",
           [({}, 1)])
    family("paraf_messages_total", "counter", "Inbound messages recorded, by outcome.",
           [({"outcome": k}, v) for k, v in sorted(snap.messages.items())])
    family("paraf_entries", "gauge", "Cases, by status.",
           [({"status": k}, v) for k, v in sorted(snap.entries.items())])
    family("paraf_outbox_mails", "gauge", "Outgoing mail, by delivery status.",
           [({"status": k}, v) for k, v in sorted(snap.outbox.items())])
    family("paraf_held", "gauge", "Waiting for the clerk: held mail plus quarantined cases.",
           [({}, snap.held)])
    family("paraf_steps_open", "gauge", "Open steps (disposition, drafting, paraf...), by kind.",
           [({"kind": k}, v) for k, v in sorted(snap.steps_open.items())])
    family("paraf_steps_overdue", "gauge", "Open steps past their due time, by kind.",
           [({"kind": k}, v) for k, v in sorted(snap.steps_overdue.items())])
    family("paraf_signing_queue", "gauge", "Initialled letters waiting for the signature.",
           [({}, snap.signing_queue)])
    family("paraf_intake_last_poll_timestamp_seconds", "gauge",
           "When the worker last finished reading each mailbox (Unix time).",
           [({"job": k}, f"{v.timestamp():.3f}") for k, v in sorted(snap.polled.items())])
    family("paraf_intake_lag_seconds", "gauge", "Seconds since the worker last read each mailbox.",
           [({"job": k}, f"{snap.lag(k):.3f}") for k in sorted(snap.polled)])
    values = snap.read_seconds
    family("paraf_letter_read_seconds", "summary",
           f"Time to read a letter (OCR included), over the last {READ_SAMPLE} letters read.",
           [({"quantile": q}, f"{snap.quantile(q):.3f}") for q in (0.5, 0.9, 0.99) if values])
    out.append(f"paraf_letter_read_seconds_sum {sum(values):.3f}")
    out.append(f"paraf_letter_read_seconds_count {len(values)}")
    return "\n".join(out) + "\n"


def human(snap: Snapshot) -> list[str]:
    """The same, for a person at a terminal."""
    def pairs(d: dict[str, int]) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(d.items())) or "none"
    lines = [f"messages:        {pairs(snap.messages)}",
             f"cases:           {pairs(snap.entries)}",
             f"outbox:          {pairs(snap.outbox)}",
             f"held for clerk:  {snap.held} (held mail {snap.outbox.get('held', 0)}, "
             f"quarantined {snap.entries.get('quarantined', 0)})",
             f"open steps:      {pairs(snap.steps_open)}",
             f"overdue steps:   {pairs(snap.steps_overdue)}",
             f"to sign:         {snap.signing_queue}"]
    for job in ("intake", "replies"):
        if job in snap.polled:
            when = utc(snap.polled[job]).isoformat(timespec="seconds")
            stalled = "  <- is the worker running? (systemctl status paraf-worker)" \
                if snap.lag(job) > STALLED_AFTER else ""
            lines.append(f"last {job + ' pass:':<12} {when} ({snap.lag(job):.0f} s ago){stalled}")
    if "intake" not in snap.polled:
        lines.append("last intake pass: never (is the worker running?)")
    if snap.read_seconds:
        lines.append(f"letter reading:  median {snap.quantile(0.5):.2f} s, 90% within "
                     f"{snap.quantile(0.9):.2f} s (last {len(snap.read_seconds)} letters)")
    return lines
