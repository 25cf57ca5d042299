# SPDX-License-Identifier: AGPL-3.0-or-later
"""Seconds per letter for a signing batch: fill number and date, one LibreOffice conversion
for the batch, PAdES signature with the visible block, commit, queue the mail.

    .venv/bin/python benchmarks/signing.py [--n 50]

Bar (issue 5): at most 30 s for a batch of 50 on 2 cores, one LibreOffice start.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.app import App  # noqa: E402
from pipeline.core import states  # noqa: E402
from pipeline.core.config import load  # noqa: E402
from pipeline.core.models import AgendaEntry, Disposition, DraftRevision  # noqa: E402
from pipeline.core.workspace import init  # noqa: E402
from pipeline.signing.batch import sign_batch  # noqa: E402
from pipeline.signing.keys import create_test_pkcs12, load_signer  # noqa: E402
from tests.mails import fields  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="paraf-bench-sign-"))
    app = App.open(load(init(folder), env={**os.environ, "PARAF_SECRET": "x" * 40}))
    wf = app.workflow
    now = datetime.now(timezone.utc)
    with app.session() as s:
        for i in range(args.n):
            letter = fields(3000 + i)
            entry = AgendaEntry(channel="letter", received_at=now, status="new",
                                agenda_no=f"{i + 1:04d}/SM/ITDA/2026", agenda_year=2026,
                                agenda_seq=i + 1, opd_code="disdik-kota-pekalongan",
                                opd_name=letter["pengirim"], sender_email="disdik@x.go.id",
                                letter=letter, message_id=f"<bench-{i}@x.go.id>")
            s.add(entry)
            states.move(entry, "register", actor="bench", at=now)
            s.flush()
            s.add(Disposition(entry_id=entry.id, assignee="auditor-3a", chain=["irban-3"],
                              rule="bench", trail=[], decided_by="bench", decided_at=now))
            states.move(entry, "dispose", actor="bench", at=now)
            draft = wf.render(entry, ["Dapat.", "Melalui aplikasi."])
            digest, path = app.store.put(draft, "draft")
            s.add(DraftRevision(entry_id=entry.id, number=1, author="bench", source="text",
                                sha256=digest, path=app.store.relative(path), created_at=now))
            states.move(entry, "draft", actor="bench", at=now)
            states.move(entry, "initial", actor="bench", at=now)
    key = folder / "keys" / "inspektur.p12"
    create_test_pkcs12(key, b"bench", wf.inspector.name, wf.inspector.nip,
                       wf.inspector.jabatan)
    signer = load_signer(key, b"bench")
    started = time.perf_counter()
    signed, problems = sign_batch(app, signer, now)
    took = time.perf_counter() - started
    print(f"signed {len(signed)} of {args.n} letters in {took:.1f} s: "
          f"{took / max(1, len(signed)):.2f} s per letter; problems: {problems or 'none'}")
    print(f"numbers {signed[0].number} .. {signed[-1].number}" if signed else "")
    if took > 30 and args.n <= 50:
        print(f"MISSED: {took:.1f} s > 30 s for the batch")
        sys.exit(1)


if __name__ == "__main__":
    main()
