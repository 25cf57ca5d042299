# SPDX-License-Identifier: AGPL-3.0-or-later
"""Seconds per letter for a signing batch: fill number and date, one LibreOffice conversion
for the batch (PDF/A-2b), placement of the block in the signature space, PAdES signature with
an RFC 3161 timestamp (B-T) from a TSA on loopback (certomancer's animator, as in the tests),
commit, queue the mail. Printed beside a bare run of the same work: one plain
`soffice --convert-to pdf` over the same 50 DOCX, then pyHanko signing them in a loop with the
same TSA and its default stamp.

    .venv/bin/python benchmarks/signing.py [--n 50] [--no-tsa]

Bar (issues 5 and 21): at most 30 s for a batch of 50 on 2 cores, timestamps on.
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.app import App  # noqa: E402
from pipeline.casework.drafting import fill_signing  # noqa: E402
from pipeline.core import states  # noqa: E402
from pipeline.core.config import load  # noqa: E402
from pipeline.core.models import AgendaEntry, Disposition, DraftRevision  # noqa: E402
from pipeline.core.workspace import init, set_key  # noqa: E402
from pipeline.signing.batch import sign_batch  # noqa: E402
from pipeline.signing.convert import soffice  # noqa: E402
from pipeline.signing.keys import create_test_pkcs12, load_signer  # noqa: E402
from tests.mails import fields  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--no-tsa", action="store_true", help="sign B-B, without a TSA")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="paraf-bench-sign-"))
    config = init(folder)
    pki = None
    if not args.no_tsa:
        from tests.signing.pki import make_pki
        pki = make_pki(folder / "pki")
        pki.start()
        config.write_text(set_key(config.read_text(), "tsa_url", pki.tsa_url))
    app = App.open(load(config, env={**os.environ, "PARAF_SECRET": "x" * 40}))
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
    with app.session() as s:
        drafts = [fill_signing(app.store.get(r.sha256, "draft"), f"700/{r.entry_id}/ITDA/2026",
                               now.date().isoformat())
                  for r in s.query(DraftRevision).order_by(DraftRevision.entry_id)]
    started = time.perf_counter()
    signed, problems = sign_batch(app, signer, now)
    took = time.perf_counter() - started
    with app.session() as s:
        from pipeline.core.models import OutgoingLetter
        levels = sorted({lv for (lv,) in s.query(OutgoingLetter.pades_level)})
    print(f"paraf: signed {len(signed)} of {args.n} letters in {took:.1f} s "
          f"({took / max(1, len(signed)):.2f} s per letter), PAdES {', '.join(levels)}; "
          f"problems: {problems or 'none'}")
    print(f"numbers {signed[0].number} .. {signed[-1].number}" if signed else "")
    convert_s, sign_s = bare(drafts, key, pki.tsa_url if pki else None, folder)
    print(f"bare:  soffice --convert-to pdf over {len(drafts)} DOCX {convert_s:.1f} s + pyHanko "
          f"signing loop {sign_s:.1f} s = {convert_s + sign_s:.1f} s")
    if pki:
        pki.stop()
    app.close()
    shutil.rmtree(folder, ignore_errors=True)       # drafts and signed letters of the run
    if took > 30 and args.n <= 50:
        print(f"MISSED: {took:.1f} s > 30 s for the batch")
        sys.exit(1)


def bare(docxs: list[bytes], key: Path, tsa_url: str | None, folder: Path) -> tuple[float, float]:
    """The same work with nothing of Paraf: one conversion, then pyHanko in a loop."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields as sigfields
    from pyhanko.sign import signers
    from pyhanko.sign.timestamps.aiohttp_client import HTTPTimeStamper
    work = folder / "bare"
    work.mkdir()
    names = []
    for i, data in enumerate(docxs):
        (work / f"{i:04d}.docx").write_bytes(data)
        names.append(str(work / f"{i:04d}.docx"))
    started = time.perf_counter()
    subprocess.run([soffice(), f"-env:UserInstallation={(work / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(work), *names],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    converted = time.perf_counter()
    signer = signers.SimpleSigner.load_pkcs12(str(key), passphrase=b"bench")
    stamper = HTTPTimeStamper(tsa_url) if tsa_url else None
    for name in names:
        pdf = Path(name).with_suffix(".pdf").read_bytes()
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        signers.sign_pdf(writer, signers.PdfSignatureMetadata(field_name="Sig"),
                         signer=signer, timestamper=stamper,
                         new_field_spec=sigfields.SigFieldSpec("Sig", box=(300, 80, 565, 180)))
    return converted - started, time.perf_counter() - converted


if __name__ == "__main__":
    main()
