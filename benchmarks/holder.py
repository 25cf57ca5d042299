# SPDX-License-Identifier: AGPL-3.0-or-later
"""What holding a mailbox costs a worker while no mail comes: CPU, memory, threads.

Starts two `paraf run` processes on one PostgreSQL office (one holds the intake mailbox, the
other stands by and asks for it every 15 s), leaves them idle for SECONDS, and prints each
one's CPU time over that span (from /proc), resident memory and thread count. The per-mailbox
figures of docs/deploy.md section 7 rest on these and on the code's timings: a holder wakes
every 0.5 s (IMAP IDLE checks the stop flag), runs a pass every `poll_seconds` (60 s) and
checks its advisory-lock connection then; a standby opens a connection every 15 s.

    .venv/bin/python benchmarks/holder.py --seconds 60
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from latency import running_office  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def sample(pid: int) -> tuple[float, int, int]:
    """(CPU seconds so far, resident MB, threads) of PID."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2:].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICK
    status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text()
                  .splitlines() if ":" in line)
    return cpu, int(status["VmRSS"].split()[0]) // 1024, int(status["Threads"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    with running_office("postgresql", 2, "paraf-holder-") as office:
        time.sleep(20)                  # start-up work (migrate check, first pass) is over
        holder = next(i for i, log in enumerate(office.logs)
                      if "this worker holds the mailbox" in log.read_text(errors="replace"))
        pids = [p.pid for p in office.workers]
        before = [sample(pid) for pid in pids]
        began = time.monotonic()
        time.sleep(args.seconds)
        span = time.monotonic() - began
        after = [sample(pid) for pid in pids]
    print(f"idle for {span:.0f} s, cores {os.cpu_count()}, load average "
          f"{os.getloadavg()[0]:.1f}")
    for i, (b, a) in enumerate(zip(before, after)):
        role = "holder " if i == holder else "standby"
        print(f"{role}: CPU {a[0] - b[0]:.2f} s ({(a[0] - b[0]) / span * 100:.2f} % of a core), "
              f"RSS {a[1]} MB, threads {a[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
