# SPDX-License-Identifier: AGPL-3.0-or-later
"""Intake throughput and memory: `paraf run --once` over N letters in a real Dovecot, beside
the bare cost of the same work (imapclient fetch in chunks of 50 + mail-parser + pdfplumber
page 1) done by one plain script.

Run from the repository root:

    .venv/bin/python benchmarks/intake.py --n 200 1000 5000
    .venv/bin/python benchmarks/intake.py --n 1000 --samples /work/shared/samples/letters
    .venv/bin/python benchmarks/intake.py --n 1000 --database postgresql+psycopg://postgres@127.0.0.1/test

Both runs are subprocesses, timed from spawn to exit (interpreter start and imports included),
and their peak RSS is `ru_maxrss` from `os.wait4()` on that subprocess: the largest resident
set of any one process in its tree, the forked letter-reading sandbox children included (Linux
folds waited-for children into it). Outgoing mail goes to a `file://` transport: receipts are
written as .eml files in the workspace, so sending is cheap and local.

Bars (from the issue): ratio <= 1.5 at N = 1,000; paraf peak RSS <= 250 MB at N = 5,000 and
not growing with N. The script exits 1 when a bar that applies to the N values run is missed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 50
RATIO_BAR, RATIO_AT = 1.5, 1000
RSS_BAR_MB, RSS_AT = 250, 5000


# -- the bare baseline (runs as `intake.py --bare ...` in its own process) ------------------------
def bare(host: str, port: int, user: str, folder: str, reader: str) -> None:
    """The same work without Paraf: fetch in chunks, parse the mail, read page 1 of the PDF.

    Imports only imapclient, mail-parser and the PDF library, like a one-off script would.
    """
    import base64
    import io

    import mailparser
    from imapclient import IMAPClient

    if reader == "pdfium":
        import pypdfium2 as pdfium

        def page_one(data: bytes) -> int:
            doc = pdfium.PdfDocument(data)
            try:
                page = doc[0]
                tp = page.get_textpage()
                n = tp.count_chars()
                text = tp.get_text_range(0, n)
                boxes = [tp.get_charbox(i, loose=True) for i in range(n)]
                tp.close()
                page.close()
                return len(text) + len(boxes)
            finally:
                doc.close()
    else:
        import pdfplumber

        def page_one(data: bytes) -> int:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                return len(pdf.pages[0].extract_words())

    done = words = 0
    with IMAPClient(host, port, ssl=False, timeout=60) as client:
        client.login(user, os.environ["PARAF_IMAP_PASSWORD"])
        client.select_folder(folder, readonly=True)
        uids = sorted(client.search(["UID", "1:*"]))
        for start in range(0, len(uids), CHUNK):
            batch = uids[start:start + CHUNK]
            data = client.fetch(batch, ["BODY.PEEK[]"])
            for uid in batch:
                raw = data.pop(uid)[b"BODY[]"]
                mail = mailparser.parse_from_bytes(raw)
                for att in mail.attachments:
                    if att["filename"].lower().endswith(".pdf"):
                        payload = att["payload"]
                        pdf = (base64.b64decode(payload) if att.get("binary")
                               else payload.encode("latin-1"))
                        words += page_one(pdf)
                        break
                done += 1
    print(json.dumps({"messages": done, "words": words}))


# -- the letters --------------------------------------------------------------------------------
def _opds() -> list[dict]:
    import tomllib
    with open(ROOT / "rules" / "opd.toml", "rb") as fh:
        return tomllib.load(fh)["opd"]


def letter_fields(i: int, opds: list[dict], layouts: list[dict]) -> dict:
    """Letter I: a specimen's layout and wording, sent by one of the known OPDs of the office's
    own city, with a number no other letter of the run has."""
    opd = opds[i % len(opds)]
    base = layouts[i % len(layouts)]
    place = opd["pemda"].split()[-1]
    kind = opd["pemda"].split()[0].upper()
    chief = f"Camat {opd['name'].split(' ', 1)[1]}" if opd["name"].startswith("Kecamatan") \
        else f"{opd['head']} {opd['pemda']}"
    return {**base,
            "nomor": f"400.3/{1000 + i}/{opd['abbrev'].replace(' ', '')}/2026", "pengirim": opd["name"],
            "penandatangan": {**base["penandatangan"], "jabatan": chief},
            "tujuan": f"Inspektur Daerah {opd['pemda']}",
            "_kop": [f"PEMERINTAH {kind} {place.upper()}", opd["name"].upper(),
                     f"Jalan Pemuda No. {1 + i % 120} {place} Telepon (0285) 421{i % 1000:03d}",
                     f"Laman: {opd['abbrev'].lower()}.{place.lower()}kota.go.id"],
            "_written": {**base["_written"], "place": place}}


def generated_mails(count: int, run_tag: str) -> list[bytes]:
    """COUNT distinct 1-page PDF letter e-mails (distinct numbers, Message-IDs) from known OPDs."""
    try:
        from pipeline.letter import specimen
    except ImportError:
        sys.exit("pipeline.letter.specimen is not there yet; use --samples DIR meanwhile")
    from datetime import datetime, timezone
    from email.message import EmailMessage
    from email.utils import format_datetime

    opds = [o for o in _opds() if o.get("emails")]
    layouts = specimen.field_sets(24)
    mails = []
    for i in range(count):
        opd = opds[i % len(opds)]
        sender = opd["emails"][0]
        letter = letter_fields(i, opds, layouts)
        msg = EmailMessage()
        msg["From"] = f"{opd['name']} <{sender}>"
        msg["To"] = "Konsultasi Inspektorat <konsultasi@inspektorat.example.go.id>"
        msg["Subject"] = f"Permohonan konsultasi: {letter['hal']}"
        msg["Date"] = format_datetime(datetime(2026, 11, 23, 2, 15, tzinfo=timezone.utc))
        msg["Message-ID"] = f"<bench-{run_tag}-{i}@{sender.split('@')[1]}>"
        msg.set_content("Terlampir surat kami.")
        msg.add_attachment(specimen.make_pdf(letter), maintype="application", subtype="pdf",
                           filename=f"surat-{i}.pdf")
        mails.append(msg.as_bytes())
    return mails


def sample_mails(folder: Path, count: int, run_tag: str) -> list[bytes]:
    """COUNT e-mails cycling over the text .pdf letters in FOLDER (scans are left out: Paraf
    would OCR them and the bare script does not).

    Each copy gets a distinct Message-ID and distinct bytes (a PDF comment after %%EOF), but a
    sample's letter number repeats every len(samples) messages, so later copies are booked as
    duplicates of the first (a notice is still queued for each).
    """
    from datetime import datetime, timezone
    from email.message import EmailMessage
    from email.utils import format_datetime

    pdfs = [p for p in sorted(folder.glob("*.pdf")) if not p.with_suffix(".json").exists()
            or json.loads(p.with_suffix(".json").read_text()).get("format") != "scan"]
    if not pdfs:
        sys.exit(f"no text .pdf letters in {folder}")
    opds = _opds()
    letters = []
    for path in pdfs:
        meta = path.with_suffix(".json")
        pengirim = json.loads(meta.read_text())["pengirim"] if meta.exists() else ""
        opd = next((o for o in opds if o["name"] == pengirim and o.get("emails")), None)
        sender = opd["emails"][0] if opd else "sekretariat@pekalongankota.go.id"
        letters.append((path.name, path.read_bytes(), sender, pengirim or "OPD"))
    mails = []
    for i in range(count):
        name, data, sender, who = letters[i % len(letters)]
        msg = EmailMessage()
        msg["From"] = f"{who} <{sender}>"
        msg["To"] = "Konsultasi Inspektorat <konsultasi@inspektorat.example.go.id>"
        msg["Subject"] = f"Permohonan konsultasi ({i})"
        msg["Date"] = format_datetime(datetime(2026, 11, 23, 2, 15, tzinfo=timezone.utc))
        msg["Message-ID"] = f"<bench-{run_tag}-{i}@{sender.split('@')[1]}>"
        msg.set_content("Terlampir surat kami.")
        msg.add_attachment(data + f"\n%bench {run_tag} {i}\n".encode(), maintype="application",
                           subtype="pdf", filename=name)
        mails.append(msg.as_bytes())
    return mails


# -- measuring a subprocess ---------------------------------------------------------------------
def measure(argv: list[str], env: dict, cwd: Path) -> tuple[float, float, str]:
    """(seconds from spawn to exit, peak RSS in MB of the process tree, stdout)."""
    out = tempfile.TemporaryFile()
    began = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - began
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    text = out.read().decode(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}:\n{text[-3000:]}")
    return took, usage.ru_maxrss / 1024, text


def fresh_database(url: str | None, workdir: Path, tag: str) -> tuple[str, callable]:
    """A database for one run, and how to drop it afterwards."""
    if url is None:
        return f"sqlite:///{workdir / 'paraf.db'}", lambda: None
    if url.startswith("sqlite"):
        base = Path(url.split(":///", 1)[1])
        path = base.with_name(f"{base.stem}-{tag}{base.suffix or '.db'}")
        return f"sqlite:///{path}", lambda: [p.unlink(missing_ok=True) for p in
                                             path.parent.glob(path.name + "*")]
    from sqlalchemy import create_engine, text
    schema = f"bench_{tag}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in url else "?"

    def drop():
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    return f"{url}{sep}options=-csearch_path%3D{schema}", drop


def run_one(n: int, mails: list[bytes], args) -> dict:
    from sqlalchemy import create_engine, text

    from pipeline.core import workspace
    from tests.servers.dovecot import Dovecot

    tag = uuid.uuid4().hex[:10]
    workdir = Path(tempfile.mkdtemp(prefix=f"paraf-bench-{n}-"))
    db_url, drop_db = fresh_database(args.database, workdir, tag)
    try:
        with Dovecot() as server:
            server.append_many("INBOX", mails[:n])
            os.environ["PARAF_IMAP_PASSWORD"] = server.password   # workspace.init checks it
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            # The bare script first: it only peeks (read-only select), the inbox stays as it is.
            bare_s, bare_mb, bare_out = measure(
                [sys.executable, str(Path(__file__).resolve()), "--bare", server.host,
                 str(server.port), server.user, "INBOX", "--bare-reader", args.bare_reader],
                env, ROOT)
            bare_done = json.loads(bare_out.strip().splitlines()[-1])["messages"]
            if bare_done != n:
                raise RuntimeError(f"bare script read {bare_done} of {n} messages")

            config = workspace.init(workdir / "ws", intake=server.url(),
                                    smtp="file://outbox/sent", database=db_url)
            argv = [sys.executable, "-m", "pipeline", "--config", str(config), "run", "--once"]
            if args.profile:
                prof = Path(args.profile).with_suffix(f".n{n}.prof")
                argv[1:3] = ["-m", "cProfile", "-o", str(prof), "-m", "pipeline"]
            paraf_s, paraf_mb, paraf_out = measure(argv, env, ROOT)
            left = len(server.list_uids("INBOX"))
            moved = len(server.list_uids("Paraf/Processed"))
            failed = len(server.list_uids("Paraf/Failed"))
        engine = create_engine(db_url)
        with engine.connect() as conn:
            statuses = dict(conn.execute(text(
                "select status, count(*) from agenda_entries group by status")).all())
            mail = dict(conn.execute(text(
                "select status, count(*) from outbox_mail group by status")).all())
        engine.dispose()
        sent = len(list((workdir / "ws" / "outbox" / "sent").glob("*.eml")))
    finally:
        drop_db()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if left or moved + failed != n:
        raise RuntimeError(f"paraf left {left} in INBOX, moved {moved}+{failed} of {n}:\n"
                           f"{paraf_out[-3000:]}")
    return {"n": n, "paraf_s": paraf_s, "bare_s": bare_s, "paraf_rate": n / paraf_s,
            "bare_rate": n / bare_s, "ratio": paraf_s / bare_s, "paraf_mb": paraf_mb,
            "bare_mb": bare_mb, "statuses": statuses, "receipts": sent, "outbox": mail, "failed_folder": failed,
            "workdir": str(workdir) if args.keep else None}


def table(rows: list[dict]) -> str:
    head = (f"{'N':>6} {'paraf msg/s':>12} {'bare msg/s':>11} {'ratio':>6} "
            f"{'paraf RSS MB':>13} {'bare RSS MB':>12}  outcome")
    lines = [head, "-" * len(head)]
    for r in rows:
        outcome = ", ".join(f"{k} {v}" for k, v in sorted(r["statuses"].items()))
        lines.append(f"{r['n']:>6} {r['paraf_rate']:>12.1f} {r['bare_rate']:>11.1f} "
                     f"{r['ratio']:>6.2f} {r['paraf_mb']:>13.1f} {r['bare_mb']:>12.1f}  "
                     f"{outcome}; outbox " + ", ".join(f"{k} {v}" for k, v in
                                                       sorted(r["outbox"].items())))
    return "\n".join(lines)


def verdict(rows: list[dict]) -> list[str]:
    misses = []
    for r in rows:
        if r["n"] == RATIO_AT and r["ratio"] > RATIO_BAR:
            misses.append(f"ratio {r['ratio']:.2f} > {RATIO_BAR} at N = {r['n']}")
        if r["n"] >= RSS_AT and r["paraf_mb"] > RSS_BAR_MB:
            misses.append(f"peak RSS {r['paraf_mb']:.0f} MB > {RSS_BAR_MB} MB at N = {r['n']}")
    by_n = sorted(rows, key=lambda r: r["n"])
    if len(by_n) >= 2 and by_n[-1]["n"] >= 4 * by_n[0]["n"] and \
            by_n[-1]["paraf_mb"] > by_n[0]["paraf_mb"] * 1.2 + 10:
        misses.append(f"peak RSS grows with N: {by_n[0]['paraf_mb']:.0f} MB at "
                      f"N = {by_n[0]['n']}, {by_n[-1]['paraf_mb']:.0f} MB at N = {by_n[-1]['n']}")
    return misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[1000], help="message counts to run")
    ap.add_argument("--database", help="database URL (default: a SQLite file in a temp "
                    "workspace); PostgreSQL gets a fresh schema per run, SQLite a fresh file")
    ap.add_argument("--samples", type=Path, help="use the .pdf letters in this folder instead "
                    "of letters generated with pipeline.letter.specimen")
    ap.add_argument("--bare-reader", choices=("pdfplumber", "pdfium"), default="pdfplumber",
                    help="PDF library of the bare script (Paraf itself reads with pypdfium2)")
    ap.add_argument("--profile", metavar="FILE", help="run paraf under cProfile, writing "
                    "FILE.n<N>.prof (slows paraf down; the figures are then not comparable)")
    ap.add_argument("--keep", action="store_true", help="keep the temp workspaces")
    ap.add_argument("--json", action="store_true", help="also print the rows as JSON")
    ap.add_argument("--bare", nargs=4, metavar=("HOST", "PORT", "USER", "FOLDER"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.bare:
        host, port, user, folder = args.bare
        bare(host, int(port), user, folder, args.bare_reader)
        return 0

    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    tag = uuid.uuid4().hex[:8]
    largest = max(args.n)
    began = time.perf_counter()
    mails = (sample_mails(args.samples, largest, tag) if args.samples
             else generated_mails(largest, tag))
    print(f"built {largest} messages ({sum(map(len, mails[:largest])) / largest / 1024:.0f} KiB "
          f"average) in {time.perf_counter() - began:.1f} s; outgoing mail: file:// transport",
          file=sys.stderr)
    rows = []
    for n in args.n:
        print(f"N = {n} ...", file=sys.stderr, flush=True)
        row = run_one(n, mails, args)
        rows.append(row)
        print(table([row]).splitlines()[-1], file=sys.stderr, flush=True)
    print()
    print(table(rows))
    print("\nrates: messages / wall seconds of the subprocess (start-up and imports included); "
          "RSS: ru_maxrss of the subprocess tree (largest single process, forked sandbox "
          f"children included); bare reader: {args.bare_reader}")
    if args.json:
        print(json.dumps(rows, indent=2))
    misses = verdict(rows)
    for miss in misses:
        print(f"MISSED: {miss}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
