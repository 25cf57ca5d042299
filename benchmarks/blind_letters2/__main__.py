"""CLI: python -m benchmarks.blind_letters2 OUT [--n 120] [--seed 21] [--work DIR]

Intermediates (DOCX sent to LibreOffice, the text PDF behind every scan) go to OUT + "_work",
beside OUT, so that nothing is written into the repository when OUT is outside it.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys

from .letter import make_letter
from .render_docx import write_docx
from .render_rl import write_pdf
from .scan import make_scan
from .style import make_style
from .util import pick_weighted

PRODUCERS = [("docx", 33), ("rl", 25), ("lo", 19), ("scan-rl", 8), ("scan-lo", 7),
             ("photo-rl", 4), ("photo-lo", 4)]


def lo_convert(docx_paths, outdir, profile):
    if not docx_paths:
        return
    for i in range(0, len(docx_paths), 25):
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", outdir] + docx_paths[i:i + 25],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def truth_json(L, S, fmt, producer, extra):
    t = dict(L["truth"])
    t.update(format=fmt, family=S["family"], producer=producer)
    t["variant"] = dict(paper=S["paper"], font=S["font"][0] if producer in ("docx",) or "lo" in producer
                        else S["font"][1], size=S["size"], spacing=S["spacing"], logo=S["logo"],
                        header=S["header_style"], numbering=S["numbering"], q_table=S["q_table"],
                        facts=bool(L["facts"]), tte=S["tte"], tte_layout=S["tte_layout"] if S["tte"] else None,
                        **extra)
    return t


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m benchmarks.blind_letters2",
                                 description="Write N labelled letters (docx, pdf, scans) and their truth to OUT.")
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--work", default=None, help="folder for intermediates (default: OUT_work)")
    a = ap.parse_args(argv)
    out = os.path.abspath(a.out)
    work = os.path.abspath(a.work or out + "_work")
    for d in (out, work):
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
    jobs = []
    for i in range(a.n):
        rng = random.Random(f"blind3-{a.seed}-{i}")
        L = make_letter(rng, i)
        producer = pick_weighted(rng, PRODUCERS)
        S = make_style(rng, L, producer)
        jobs.append((i, L, S, producer))

    # pass 1: DOCX and reportlab PDFs, DOCX sources for LibreOffice
    lo_src = []
    for i, L, S, producer in jobs:
        stem = f"{i + 1:03d}"
        if producer == "docx":
            write_docx(L, S, os.path.join(out, f"{stem}-docx.docx"))
        elif producer == "rl":
            write_pdf(L, S, os.path.join(out, f"{stem}-pdf.pdf"))
        elif producer.endswith("rl"):
            S = dict(S, wet_mark=False)
            write_pdf(L, S, os.path.join(work, f"{stem}-src.pdf"))
        else:
            p = os.path.join(work, f"{stem}-src.docx")
            write_docx(L, S, p)
            lo_src.append(p)
    lo_convert(lo_src, work, os.path.join(work, "lo_profile"))

    # pass 2: move LO PDFs, make scans, write truth
    counts = {}
    for i, L, S, producer in jobs:
        stem = f"{i + 1:03d}"
        extra = {}
        if producer == "docx":
            fmt = "docx"
        elif producer == "rl":
            fmt = "pdf"
            extra["wet_mark"] = bool(S["wet_mark"] and not S["tte"])
        elif producer == "lo":
            fmt = "pdf"
            shutil.copy(os.path.join(work, f"{stem}-src.pdf"), os.path.join(out, f"{stem}-pdf.pdf"))
        else:
            fmt = "scan"
            src = os.path.join(work, f"{stem}-src.pdf")
            path, info = make_scan(src, L, S, os.path.join(out, f"{stem}-scan"),
                                   seed=a.seed * 100003 + i, as_photo=producer.startswith("photo"))
            if producer.startswith("photo") and info["mode"] != "photo":
                producer = "scan-" + producer.split("-")[1]   # multi-page: scanned instead
            extra.update(info)
        t = truth_json(L, S, fmt, producer, extra)
        with open(os.path.join(out, f"{stem}-{fmt}.json"), "w") as f:
            json.dump(t, f, ensure_ascii=False, indent=1)
        counts[producer] = counts.get(producer, 0) + 1
    print(json.dumps(counts), file=sys.stderr)


if __name__ == "__main__":
    main()
