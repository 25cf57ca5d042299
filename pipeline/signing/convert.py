# SPDX-License-Identifier: AGPL-3.0-or-later
"""DOCX to PDF with LibreOffice headless: one process for a whole batch of letters.

Starting LibreOffice costs a second or more, so a signing batch converts every letter in one
`soffice --convert-to pdf a.docx b.docx ...` run. A private profile folder keeps parallel
conversions apart and the whole process group is killed on timeout, because soffice forks.
The drafts, the profile and LibreOffice's own temporary files live in one folder that is
removed afterwards; callers put it under their workspace (`Config.scratch_path`), so letters
never land in the shared /tmp.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docxs: list[bytes], timeout: float = 300,
           workdir: Path | None = None) -> list[bytes | None]:
    """PDF bytes for each DOCX, in order; None where conversion failed or LibreOffice is absent.
    The work folder goes under WORKDIR (created if missing), else the system's temp folder."""
    exe = soffice()
    if not exe or not docxs:
        return [None] * len(docxs)
    if workdir is not None:
        Path(workdir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="paraf-pdf-", dir=workdir) as tmp:
        work = Path(tmp)
        sources = []
        for i, data in enumerate(docxs):
            src = work / f"surat-{i:04d}.docx"
            src.write_bytes(data)
            sources.append(src)
        cmd = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
               "--norestore", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(work),
               *map(str, sources)]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True, cwd=tmp,
                                env={**os.environ, "TMPDIR": tmp})     # its own temp files
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        out = []
        for src in sources:
            pdf = src.with_suffix(".pdf")
            out.append(pdf.read_bytes() if pdf.exists() else None)
        return out
