# SPDX-License-Identifier: AGPL-3.0-or-later
"""Several workers against one PostgreSQL: does the reading (and OCR) spread over them?

MAILS letters (every SCAN_EVERY-th one a scanned PDF that needs OCR, the rest text PDFs and
.docx) are put into the Dovecot INBOX, then 1, 2 and 4 `paraf run` processes are started on a
fresh PostgreSQL schema each time. One of them holds the mailbox and hands each message over as
an `intake` job (`intake.readjobs`); every worker claims jobs (`core.jobs`). Prints the time
until every letter is registered, throughput, the ratio to one worker beside the cores this
machine has, and checks that no mail is lost, registered twice, or left without a number.

    .venv/bin/python benchmarks/scale.py                 # 1,000 mails, 1/2/4 workers
    .venv/bin/python benchmarks/scale.py --mails 60 --workers 1 2
"""
from __future__ import annotations

import argparse
import email
import os
import sys
import time
from email import policy
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from latency import running_office  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from pipeline.letter import specimen  # noqa: E402
from tests.mails import fields, letter_mail  # noqa: E402


def make_mails(count: int, scan_every: int) -> list[tuple[str, bytes]]:
    scans = {}                      # OCR input is costly to make: a few scans, reused
    mails = []
    for i in range(count):
        letter = fields(20000 + i)
        if scan_every and i % scan_every == 0:
            key = i // scan_every % 8
            pdf = scans.setdefault(key, specimen.make_scan(fields(30000 + key), seed=key))
            raw = letter_mail(letter=letter, kind="pdf", body=f"Surat ke-{i} terlampir.",
                              extra=[("surat pindaian.pdf", "application/pdf", pdf)],
                              attach_letter=False)
        else:
            raw = letter_mail(letter=letter, kind="pdf" if i % 2 else "docx",
                              body=f"Surat ke-{i} terlampir.")
        mid = str(email.message_from_bytes(raw, policy=policy.default)["Message-ID"])
        mails.append((mid, raw))
    return mails


def census(url: str) -> dict:
    engine = create_engine(url)
    with engine.connect() as conn:
        messages = conn.execute(text(
            "SELECT message_id, count(*) FROM inbound_messages GROUP BY message_id")).all()
        entries = conn.execute(text(
            "SELECT message_id, count(*) FROM agenda_entries WHERE book = 'incoming' "
            "GROUP BY message_id")).all()
        numbers = conn.execute(text(
            "SELECT agenda_seq FROM agenda_entries WHERE book = 'incoming' "
            "AND agenda_seq IS NOT NULL ORDER BY agenda_seq")).scalars().all()
        unnumbered = conn.execute(text(          # registered, yet without a number
            "SELECT count(*) FROM agenda_entries WHERE book = 'incoming' "
            "AND registered_at IS NOT NULL AND agenda_no IS NULL")).scalar()
        statuses = dict(conn.execute(text(
            "SELECT status, count(*) FROM agenda_entries GROUP BY status")).all())
        failed = conn.execute(text(
            "SELECT count(*) FROM inbound_messages WHERE outcome = 'failed'")).scalar()
        jobs = dict(conn.execute(text("SELECT status, count(*) FROM jobs GROUP BY status")).all())
    engine.dispose()
    return {"messages": dict(messages), "entries": dict(entries), "numbers": numbers,
            "unnumbered": unnumbered, "failed": failed, "jobs": jobs,
            "statuses": statuses}


def one_run(mails, workers: int, timeout: float) -> dict:
    with running_office("postgresql", 0, "paraf-scale-") as office:
        for _, raw in mails:
            office.dovecot.append("INBOX", raw)
        url = office.url
        began = time.monotonic()
        office.start_workers(workers)
        want = {mid for mid, _ in mails}
        while time.monotonic() - began < timeout:
            seen = census(url)
            if want <= set(seen["messages"]):
                break
            time.sleep(1.0)
        seconds = time.monotonic() - began
        seen = census(url)
    lost = want - set(seen["messages"])
    twice = [m for m, n in seen["messages"].items() if n > 1] + \
            [m for m, n in seen["entries"].items() if n > 1]
    numbers = seen["numbers"]
    gaps = bool(numbers) and numbers != list(range(1, len(numbers) + 1))
    return {"workers": workers, "seconds": seconds, "per_min": len(mails) / seconds * 60,
            "lost": len(lost), "twice": len(twice), "gaps": gaps,
            "unnumbered": seen["unnumbered"], "failed": seen["failed"], "jobs": seen["jobs"],
            "statuses": seen["statuses"], "load": os.getloadavg()[0]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=1000)
    parser.add_argument("--scan-every", type=int, default=10, help="1 in N is a scan (OCR)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--timeout", type=float, default=3 * 3600)
    args = parser.parse_args(argv)
    mails = make_mails(args.mails, args.scan_every)
    scans = len(range(0, args.mails, args.scan_every)) if args.scan_every else 0
    print(f"{args.mails} mails ({scans} scans), cores available: {os.cpu_count()}", flush=True)
    results, ok = [], True
    for workers in args.workers:
        r = one_run(mails, workers, args.timeout)
        results.append(r)
        base = results[0]["seconds"] * results[0]["workers"] / 1 if results[0]["workers"] == 1 \
            else None
        ratio = f"{base / r['seconds']:.2f}x" if base else "-"
        good = r["lost"] == r["twice"] == r["unnumbered"] == 0 and not r["gaps"]
        ok = ok and good
        print(f"{workers} worker(s): {r['seconds']:.1f} s, {r['per_min']:.1f} mails/min, "
              f"ratio to 1 worker {ratio} (cores {os.cpu_count()}); lost {r['lost']}, "
              f"twice {r['twice']}, unnumbered {r['unnumbered']}, gaps {r['gaps']}, "
              f"failed {r['failed']}, jobs {r['jobs']}, cases {r['statuses']}, load average "
              f"{r['load']:.1f} -> {'OK' if good else 'FAIL'}",
              flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
