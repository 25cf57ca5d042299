# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reading a message as a job: the mailbox's holder stores it, any worker reads and registers it.

The holder of a mailbox stores each new message's raw bytes (content-addressed, fsynced) and
submits an `intake` job for it, keyed by the bytes' SHA-256 (one job per message, however often
it is fetched). Any worker claims the job (`core.jobs`) and runs the whole of `Consumer.consume`
on the stored bytes: reading the letter, OCR, the checks and the registration, whose own guards
(content hash and Message-ID, checked again in the write transaction) keep it exactly once even
when a job is taken over from a worker that died. The outcome is the job's result; the holder
moves each message out of the inbox, in UID order, only once its outcome is recorded.
"""
from __future__ import annotations

import dataclasses

from pipeline.core import jobs
from pipeline.intake.consume import Consumer, Outcome

KIND = "intake"


def handler(consumer: Consumer):
    """The `intake` job for CONSUMER's office: read and register one stored message."""
    def read(job: jobs.Claim) -> dict:
        raw = consumer.store.get(job.subject, "raw")
        outcome = consumer.consume(raw, source=job.payload.get("source", "?"),
                                   ref=job.payload.get("ref"))
        return dataclasses.asdict(outcome)
    return read


def handlers(consumer: Consumer) -> dict:
    return {KIND: handler(consumer)}


def outcome_of(result: dict) -> Outcome:
    return Outcome(**{f.name: result.get(f.name) for f in dataclasses.fields(Outcome)})
