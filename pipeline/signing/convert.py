# SPDX-License-Identifier: AGPL-3.0-or-later
"""DOCX to PDF/A-2b with LibreOffice headless: one process for a whole batch of letters.

Starting LibreOffice costs a second or more, so a signing batch converts every letter in one
run. The drafts are written to a scratch folder under the workspace (`core.scratch`), never to
the shared temp directory. LibreOffice's real binary is started directly (not through the
`soffice` script and its `oosplash` launcher, which would leave `soffice.bin` a grandchild),
in the caller's process group, and with PR_SET_PDEATHSIG: it dies with its parent whether the
parent is killed alone or with its group, and a timeout kills it. The death signal is set by
util-linux's `setpriv`, which then execs LibreOffice: a `preexec_fn` would do the same but is
unsafe in a threaded process such as `paraf web`; it is only the fallback.
"""
from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
from pathlib import Path

from pipeline.core import scratch

# PDF/A-2b: fonts embedded, XMP identification; what an archive accepts.
PDFA = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
_PR_SET_PDEATHSIG = 1
_RESTART = 81             # soffice.bin's exit code after it created a fresh profile


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def binary() -> str | None:
    """soffice.bin next to the `soffice` script, else the script itself."""
    exe = soffice()
    if exe is None:
        return None
    real = Path(exe).resolve().with_name("soffice.bin")
    return str(real) if real.is_file() else exe


def _die_with_parent() -> None:            # runs in the child, between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() == 1:                  # the parent died before prctl took effect
        os._exit(1)


def _run(cmd: list[str], cwd: Path, timeout: float) -> int:
    env = {**os.environ, "TMPDIR": str(cwd)}        # LibreOffice's own temp files too
    setpriv = shutil.which("setpriv")
    if setpriv:
        proc = subprocess.Popen([setpriv, "--pdeathsig", "KILL", "--", *cmd],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd,
                                env=env)
    else:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                preexec_fn=_die_with_parent, cwd=cwd, env=env)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()
    except BaseException:                  # interrupted: never leave it running
        proc.kill()
        proc.wait()
        raise


def to_pdf(docxs: list[bytes], timeout: float = 300) -> list[bytes | None]:
    """PDF/A-2b bytes for each DOCX, in order; None where conversion failed or LibreOffice is
    absent."""
    exe = binary()
    if not exe or not docxs:
        return [None] * len(docxs)
    with scratch.folder("pdf") as work:
        sources = []
        for i, data in enumerate(docxs):
            src = work / f"surat-{i:04d}.docx"
            src.write_bytes(data)
            sources.append(src)
        cmd = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
               "--norestore", "--nolockcheck", "--convert-to", PDFA, "--outdir", str(work),
               *map(str, sources)]
        for _ in range(2):
            if _run(cmd, work, timeout) != _RESTART:
                break
        out = []
        for src in sources:
            pdf = src.with_suffix(".pdf")
            out.append(pdf.read_bytes() if pdf.exists() else None)
        return out
