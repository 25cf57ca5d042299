"""Self-check of a generated set: every truth value must appear in the text layer (pdf) or in
LibreOffice's rendering (docx), so the truth never asks for something that was not printed.
Scans have no text layer and are not checked.

usage: python -m benchmarks.blind_letters.check SETDIR [--sample K] [--seed S] [--kinds pdf,docx]
"""
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile

import pdfplumber


def norm(s):
    return re.sub(r"\s+", " ", s).strip().casefold()


def pdftext(p):
    return subprocess.run(["pdftotext", p, "-"], capture_output=True, text=True).stdout


def main(argv=None):
    argv = sys.argv if argv is None else argv
    d = argv[1]
    k = int(argv[argv.index("--sample") + 1]) if "--sample" in argv else 0
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 0
    kinds = argv[argv.index("--kinds") + 1].split(",") if "--kinds" in argv else ["pdf", "docx"]
    man = {r["file"]: r for r in csv.DictReader(open(os.path.join(d, "manifest.csv")))}
    files = [f for f in sorted(man) if man[f]["kind"] in kinds]
    if k:
        files = random.Random(seed).sample(files, min(k, len(files)))
    tmp = tempfile.mkdtemp()
    docx = [os.path.join(d, f) for f in files if f.endswith(".docx")]
    if docx:
        subprocess.run(["soffice", "-env:UserInstallation=file://" + tmp + "/prof", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp] + docx, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    bad = 0
    for f in files:
        pdf = os.path.join(d, f) if f.endswith(".pdf") else os.path.join(tmp, f[:-5] + ".pdf")
        raw = pdftext(pdf)
        T = norm(raw)
        Tn = re.sub(r"\s", "", T)
        t = json.load(open(os.path.join(d, f.rsplit(".", 1)[0] + ".json")))
        miss = []
        vals = {"nomor": t["nomor"], "hal": t["hal"], "tujuan": t["tujuan"], "nama": t["penandatangan"]["nama"],
                "jabatan": t["penandatangan"]["jabatan"], "date": man[f]["date_printed"]}
        if t["sifat"]:
            vals["sifat"] = t["sifat"]
        if t["lampiran"]:
            vals["lampiran"] = t["lampiran"]
        for i, x in enumerate(t["tembusan"]):
            vals["tem%d" % i] = x
        for i, x in enumerate(t["pertanyaan"]):
            vals["q%d" % i] = x
        T2 = None
        for key, v in vals.items():
            if norm(v) not in T:
                if T2 is None:  # pdftotext reading order can interleave columns / justified words: retry with pdfplumber
                    with pdfplumber.open(pdf) as P:
                        T2 = norm(re.sub(r"- \d+ -", " ", " ".join(p.extract_text() or "" for p in P.pages)))
                if norm(v) not in T2:
                    miss.append((key, v))
        if t["penandatangan"]["nip"] not in Tn:
            miss.append(("nip", t["penandatangan"]["nip"]))
        # pengirim: unit part must appear, region must appear
        m = re.match(r"(.*?) ((Kabupaten|Kota|Provinsi) .*)$", t["pengirim"])
        unit, regn = m.group(1), m.group(2)
        unit_chk = unit.replace("Sekretariat Daerah", "").strip()
        if norm(unit_chk) not in T and norm(unit_chk.replace("Biro ", "").replace("Bagian ", "")) not in T:
            miss.append(("pengirim-unit", unit))
        if norm(regn) not in T:
            miss.append(("pengirim-region", regn))
        status = "OK " if not miss else "BAD"
        bad += bool(miss)
        print(status, f, man[f]["layout"], "pages=%s" % man[f]["pages"], "" if not miss else miss)
    print("checked", len(files), "bad", bad)


if __name__ == "__main__":
    main()
