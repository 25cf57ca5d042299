# SPDX-License-Identifier: AGPL-3.0-or-later
"""A picture of an answer letter's first page, as the OPD receives it (numbered and dated).

Used by `paraf demo` and for the README's screenshot, so anyone can look at what Paraf writes
(one LibreOffice run, then poppler's pdftoppm). Run on a workspace:
`.venv/bin/python -m pipeline.casework.picture --config DEMO/config.toml OUT.png`.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

# Answers to the demo's first letter (Dinas Pendidikan, two questions on a follow-up of audit
# findings), written as an official would reply.
SAMPLE_ANSWERS = [
    "Pengembalian kelebihan pembayaran perjalanan dinas dapat dilakukan secara bertahap "
    "melalui pemotongan tambahan penghasilan pegawai, sepanjang dituangkan dalam surat "
    "pernyataan kesanggupan dan jadwal angsuran yang disetujui Kepala Perangkat Daerah.\n"
    "Setiap angsuran disetorkan ke Rekening Kas Umum Daerah dan bukti setornya disampaikan "
    "kepada Inspektorat Daerah sebagai bukti tindak lanjut.",
    "Apabila pihak ketiga telah dinyatakan pailit, Perangkat Daerah melaporkan putusan pailit "
    "beserta pengajuan tagihan kepada kurator sebagai bukti upaya tindak lanjut, untuk "
    "selanjutnya diproses penyelesaiannya melalui Majelis Tuntutan Ganti Kerugian.",
]


def first_page_png(docx: bytes, out: Path, dpi: int = 60) -> Path | None:
    """Convert DOCX and write page 1 as OUT (PNG); None when LibreOffice or poppler is absent."""
    from pipeline.signing.convert import to_pdf
    if not shutil.which("pdftoppm"):
        return None
    pdf = to_pdf([docx], timeout=120)[0]
    if pdf is None:
        return None
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="paraf-png-") as tmp:
        src = Path(tmp) / "surat.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1",
                        "-singlefile", str(src), str(out.with_suffix(""))],
                       check=True, timeout=120)
    return out


def sample_answer(app, nomor: str = "700/1/ITDA/2026", when: str = "2026-11-25") -> bytes | None:
    """The answer to the workspace's first registered letter, with the sample answers,
    numbered and dated as signing does (a fixed date: three working days after the demo's
    letters, so the README's picture does not change from day to day); None without a
    workflow or a letter."""
    from sqlalchemy import select

    from pipeline.casework.drafting import fill_signing, render
    from pipeline.core.models import AgendaEntry
    if app.workflow is None:
        return None
    with app.session() as session:
        entry = session.scalars(select(AgendaEntry).where(AgendaEntry.letter_nomor.is_not(None))
                                .order_by(AgendaEntry.id).limit(1)).first()
        if entry is None:
            return None
        docx = render(app.workflow.template, app.workflow.draft_context(entry, SAMPLE_ANSWERS))
    return fill_signing(docx, nomor, when, app.cfg.office.city)


def write(app, out: Path, dpi: int = 60) -> Path | None:
    """Page 1 of the sample answer as OUT (and OUT with .pdf), or None if it cannot be made."""
    docx = sample_answer(app)
    return first_page_png(docx, out, dpi) if docx else None


def main(argv: list[str] | None = None) -> None:
    from pipeline.app import App
    from pipeline.core.config import load
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="config.toml")
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    app = App.open(load(args.config))
    try:
        made = write(app, args.out, args.dpi)
    finally:
        app.close()
    print(made or "no picture: no registered letter, LibreOffice or pdftoppm")


if __name__ == "__main__":
    main()
