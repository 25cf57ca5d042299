# SPDX-License-Identifier: AGPL-3.0-or-later
"""A long steady run of the worker: letters, officials' replies and web posts for 30 minutes.

Against Dovecot and an SMTP sink on loopback, with `paraf run` and `paraf web` as an office runs
them, officials answering every request by mail (tests/faults/harness.py's Officials). Prints
throughput, p50/p95 delivery -> receipt, the worker's memory (RSS) and open file descriptors
at start and end, and every WARNING/ERROR/Traceback line the worker logged.

    .venv/bin/python benchmarks/soak.py                      # 30 minutes, SQLite
    .venv/bin/python benchmarks/soak.py --minutes 2 --database postgresql
"""
from __future__ import annotations

import argparse
import email
import os
import statistics
import sys
import time
import uuid
from email import policy
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx2 as httpx  # noqa: E402
from latency import CSRF, Sink, p95, running_office  # noqa: E402

from tests.faults.harness import Officials  # noqa: E402
from tests.mails import fields, letter_mail  # noqa: E402


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def run(args) -> int:
    with running_office(args.database, 1, "paraf-soak-") as office:
        dovecot, smtp, base = office.dovecot, office.smtp, office.base
        worker, log = office.workers[0], office.logs[0]
        sink, officials = Sink(smtp), Officials(smtp, dovecot)
        officials.start()
        time.sleep(2)
        start = (rss_mb(worker.pid), fds(worker.pid))
        end_at = time.monotonic() + args.minutes * 60
        sent_letters, posts, receipts, n = [], 0, [], 0
        client = httpx.Client(base_url=base, timeout=60)   # a slow page is measured, not fatal
        web_times = []
        while time.monotonic() < end_at:
            raw = letter_mail(letter=fields(10000 + n), kind="pdf" if n % 3 else "docx")
            mid = str(email.message_from_bytes(raw, policy=policy.default)["Message-ID"])
            sent_letters.append((time.monotonic(), mid))
            dovecot.append("INBOX", raw)
            if n % 2 == 0:
                began = time.monotonic()
                token = CSRF.search(client.get("/").text).group(1)
                client.post("/permohonan", data={
                    "name": "Siti Aminah", "opd": "disdik-kota-pekalongan",
                    "institution_other": "", "position": "Bendahara",
                    "email": f"soak{n}.{uuid.uuid4().hex[:6]}@example.org",
                    "phone": "0285 421000", "bidang": "Keuangan dan Aset Daerah",
                    "wilayah": "Kecamatan Pekalongan Utara",
                    "purpose": "Meminta penjelasan tentang belanja hibah.",
                    "pertanyaan": ["Apakah hibah wajib melalui NPHD?"], "csrf": token})
                web_times.append(time.monotonic() - began)
                posts += 1
            n += 1
            time.sleep(args.every)
        time.sleep(10)                                  # let the last ones through
        end = (rss_mb(worker.pid), fds(worker.pid))
        for began, mid in sent_letters:
            at, _ = sink.first(lambda g, m, mid=mid: str(m["In-Reply-To"] or "") == mid,
                               timeout=0.01)
            if at:
                receipts.append(at - began)
        officials.stop.set()
        sink.stop()
        client.close()
        lines = log.read_text(errors="replace").splitlines()
        bad = [line for line in lines if (" WARNING " in line or " ERROR " in line
               or "Traceback" in line) and "sender check:" not in line]
        # (the start-up notes on the office's sender-check settings are by design: this
        # office on loopback has no authserv_id)
        minutes = args.minutes
        print(f"soak, {args.database}, {minutes:g} min, a letter every {args.every:g} s "
              f"(a third DOCX), a web post every other, officials answering by mail")
        print(f"  letters {len(sent_letters)} ({len(sent_letters) / minutes:.1f}/min), "
              f"web posts {posts}, receipts {len(receipts)}, "
              f"requests answered by officials {officials.answered}, "
              f"mails at the sink {len(smtp.messages)}")
        if receipts:
            print(f"  delivery -> receipt p50 {statistics.median(receipts):.3f} s, "
                  f"p95 {p95(receipts):.3f} s, max {max(receipts):.3f} s")
        if web_times:
            print(f"  web form (page + post) p50 {statistics.median(web_times):.3f} s, "
                  f"p95 {p95(web_times):.3f} s, max {max(web_times):.3f} s")
        print(f"  worker RSS {start[0]:.0f} MB -> {end[0]:.0f} MB, "
              f"open fds {start[1]} -> {end[1]}")
        print(f"  warning/error lines: {len(bad)}")
        for line in bad[:20]:
            print("    " + line)
        return 0 if not bad and len(receipts) == len(sent_letters) else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--every", type=float, default=8.0, help="seconds between letters")
    raise SystemExit(run(parser.parse_args()))


if __name__ == "__main__":
    main()
