"""Run the reader in a forked child with memory, CPU and wall-clock limits.

Fork (not spawn) because the parent has already imported lxml/pdfplumber, so the child starts
in about a millisecond; the child gets its own process group so that a timeout also kills
pdftoppm/tesseract grandchildren. The parent loads tesseract's models once (ocr.warm), and each
child takes them loaded, copy-on-write. Run `python -m pipeline.letter.sandbox FILE` to try a
file.
"""
from __future__ import annotations

import gc
import json
import os
import resource
import select
import signal
import sys
import time
from typing import Callable

from pipeline.core.errors import MACHINE_ERRNOS, Interrupted, Transient
from pipeline.letter import ocr, readahead
from pipeline.letter.model import LetterReading, Limits, Refused
from pipeline.letter.reader import check_size, read_letter_inprocess


def _address_space() -> int:
    """This process's virtual size now, in bytes: what the fork brought from the worker."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _child(wfd: int, work: Callable[[], dict], limits: Limits) -> None:
    os.setpgid(0, 0)
    # The limit is on what reading adds: a fork starts with the worker's whole address space
    # (its threads' arenas, loaded libraries), which grows over a long run and would otherwise
    # leave a reader no room at all, so every scan would be refused as a memory bomb.
    mem = _address_space() + limits.memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    cpu = _cpu_seconds(limits)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    try:
        out = {"ok": work()}
    except Refused as e:
        out = {"refused": e.reason}
    except MemoryError:
        out = {"refused": f"reading needed more than {limits.memory_mb} MB of memory"}
    except RecursionError:
        out = {"refused": "document nesting too deep"}
    except OSError as e:
        # A full disk or too many open files is the machine's fault, never the letter's.
        out = ({"transient": f"{type(e).__name__}: {e}"} if e.errno in MACHINE_ERRNOS else
               {"refused": f"unreadable file ({type(e).__name__}: {str(e)[:120]})"})
    except Exception as e:  # noqa: BLE001 - a hostile file may break any parser
        out = {"refused": f"unreadable file ({type(e).__name__}: {str(e)[:120]})"}
    payload = json.dumps(out).encode()
    view = memoryview(payload)
    while view:
        view = view[os.write(wfd, view):]
    os._exit(0)


def _cpu_seconds(limits: Limits) -> int:
    """The reader's CPU limit: its time limit on each thread that reads a page (readahead),
    for tesseract reads in the reader's own process (tessapi), as the CLI's runs did not; the
    wall-clock limit still bounds the whole reading."""
    return int(limits.seconds) * readahead.threads() + 1


def _kill(pid: int) -> None:
    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            target()
        except (ProcessLookupError, PermissionError):
            pass


def read_letter(data: bytes, filename: str, limits: Limits | None = None,
                opd_names: list[str] | None = None) -> LetterReading:
    """Read one untrusted letter file; raises Refused with a human reason instead of hanging."""
    limits = limits or Limits()
    check_size(data, limits)
    ocr.warm(readahead.threads())  # once: each forked reader takes them loaded
    out = run_limited(lambda: read_letter_inprocess(data, filename, limits, opd_names).to_dict(),
                      limits)
    return LetterReading.from_dict(out)


def run_limited(work: Callable[[], dict], limits: Limits) -> dict:
    """WORK's JSON-able result, computed in a child under LIMITS; Refused when it fails."""
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        gc.disable()     # a short-lived child: collecting would only copy the parent's pages
        os.close(rfd)
        try:
            _child(wfd, work, limits)
        finally:
            os._exit(1)
    os.close(wfd)
    chunks, deadline, timed_out = [], time.monotonic() + limits.seconds, False
    # poll, not select: select() refuses a descriptor numbered 1024 or more, which a busy
    # process (many connections, open files) reaches
    waiting = select.poll()
    waiting.register(rfd, select.POLLIN)
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready = waiting.poll(max(1, int(left * 1000)))
            if not ready:
                continue
            chunk = os.read(rfd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(rfd)
        if timed_out:
            _kill(pid)
        _, status, usage = os.wait4(pid, 0)
        _kill(pid)  # stray grandchildren in the child's process group
    if timed_out:
        raise Refused(f"reading took longer than {limits.seconds:.0f} s")
    if not chunks:
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        if sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP) or (
                sig == signal.SIGKILL and usage.ru_utime + usage.ru_stime < _cpu_seconds(limits)):
            # Killed from outside (a stop, the OOM killer, an operator), not by its own CPU
            # limit: the letter is not at fault, so it is read again later.
            raise Interrupted(f"the letter reader was killed by signal {sig}")
        if sig in (signal.SIGXCPU, signal.SIGKILL):
            raise Refused(f"reading used more than {_cpu_seconds(limits)} s of CPU")
        raise Refused(f"reader crashed (exit status {status}), "
                      f"possibly over the {limits.memory_mb} MB memory limit")
    out = json.loads(b"".join(chunks))
    if "transient" in out:
        raise Transient(f"reading the letter: {out['transient']}")
    if "refused" in out:
        raise Refused(out["refused"])
    return out["ok"]


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    for path in args:
        with open(path, "rb") as fh:
            data = fh.read()
        try:
            r = read_letter(data, os.path.basename(path))
            print(json.dumps({"file": path, **r.to_json(), "meta": r.meta()}, ensure_ascii=False))
        except Refused as e:
            print(json.dumps({"file": path, "refused": e.reason}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
