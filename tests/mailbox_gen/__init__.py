# SPDX-License-Identifier: AGPL-3.0-or-later
"""A mailbox of varied OPD mails with the outcome each must get (issue 15, mail outcomes).

`mailbox(seed)` returns the mails in delivery order; a mail that answers an earlier one
(a numbered letter after a konsep, a photo after `Terlampir` with nothing attached, a
follow-up letter) comes after it. The letters come from `tests.letters_gen` (other local
governments' layouts), the envelopes from `clients`. Truth per mail:

- `outcome`: what the message becomes (InboundMessage.outcome): registered, incomplete,
  completed (an incomplete case now booked), duplicate, rejected (automatic mail, recorded and
  unanswered), linked;
- `status`: the case's status afterwards; `nomor`: the letter number the case must carry;
- `follows`: index of the mail whose case this new letter follows up.
"""
from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass, field

from tests.letters_gen import compose, docx_out, pdf_out, scan_out
from tests.letters_gen.specs import make_spec
from tests.mailbox_gen import clients
from tests.mailbox_gen.kinds import KINDS

SENDERS = [("Dinas Pendidikan", "disdik@pekalongankota.go.id"),
           ("Dinas Kesehatan", "dinkes@pekalongankota.go.id"),
           ("BPKAD", "bpkad@pekalongankota.go.id"),
           ("Dinas PUPR", "dpupr@pekalongankota.go.id"),
           ("Dinas Sosial", "dinsos@pekalongankota.go.id"),
           ("Sekretariat DPRD", "setwan@pekalongankota.go.id"),
           ("Kecamatan Pekalongan Utara", "kecutara@pekalongankota.go.id")]


@dataclass
class Mail:
    raw: bytes
    kind: str
    client: str
    outcome: str
    status: str | None = None
    nomor: str | None = None
    follows: int | None = None
    message_id: str = ""
    notes: dict = field(default_factory=dict)


class Maker:
    """Letters and files for one mailbox; letter i is `tests.letters_gen` spec (seed, i)."""

    def __init__(self, seed: int):
        self.seed, self.rng, self.count = seed, random.Random(seed), 0

    def spec(self) -> dict:
        self.count += 1
        spec = make_spec(self.count * 7 + self.seed, self.seed)
        while spec["family"] == "cover":           # a forwarded letter is a reading matter
            self.count += 1
            spec = make_spec(self.count * 7 + self.seed, self.seed)
        return spec

    def render(self, spec: dict, how: str) -> tuple[str, bytes]:
        blocks = compose.compose(spec)
        stem = self.rng.choice(["Surat Permohonan Konsultasi", "surat_konsultasi",
                                f"{spec['nomor'].replace('/', '_')}", "SURAT",
                                "Permohonan konsultasi (final)", "scan surat"])
        if how == "docx":
            return f"{stem}.docx", docx_out.render(blocks, spec)
        pdf = pdf_out.render(blocks, spec)
        if how == "photo":
            return (f"IMG_{self.rng.randint(1000, 9999)}.JPG",
                    scan_out.scan(pdf, spec["penandatangan"]["nama"], self.count, photo=True))
        return f"{stem}.pdf", pdf

    def draft(self, spec: dict) -> dict:
        """The konsep of SPEC: its number with the sequence left blank."""
        parts = spec["nomor"].split("/")
        blank = self.rng.choice(["    ", "…", " ... ", "___", ".........."])
        parts[1] = blank
        if self.rng.random() < .3:
            parts[0] = "…"
        w = dict(spec["_w"], nomor="/".join(parts))
        return {**spec, "nomor": "/".join(parts), "_w": w}

    def xlsx(self) -> tuple[str, bytes]:
        from openpyxl import Workbook
        book = Workbook()
        sheet = book.active
        sheet.append(["No", "Uraian Temuan", "Rekomendasi", "Nilai (Rp)"])
        for i in range(1, self.rng.randint(3, 12)):
            sheet.append([i, f"Temuan {i}", "Setor ke kas daerah", self.rng.randint(10**6, 10**8)])
        out = io.BytesIO()
        book.save(out)
        return self.rng.choice(["Lampiran Data.xlsx", "rekap_tindak_lanjut.xlsx",
                                "Matriks TL LHP.xlsx"]), out.getvalue()

    def zipped(self, files: list[tuple[str, bytes]]) -> tuple[str, bytes]:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            folder = self.rng.choice(["", "surat/", "Konsultasi Inspektorat/"])
            for name, data in files:
                z.writestr(folder + name, data)
        return self.rng.choice(["surat dan lampiran.zip", "Konsultasi.zip", "berkas.zip"]), \
            out.getvalue()


def mailbox(seed: int = 1, n: int = 50) -> list[Mail]:
    """N mails (at least; a kind that takes two mails is not cut) in delivery order."""
    maker, mails = Maker(seed), []
    i = 0
    while len(mails) < n:
        kind = KINDS[i % len(KINDS)]
        client = clients.CLIENTS[(i + i // len(KINDS)) % len(clients.CLIENTS)]
        sender = SENDERS[i % len(SENDERS)]
        kind(maker, client, sender, mails)
        i += 1
    return mails
