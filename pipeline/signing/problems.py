# SPDX-License-Identifier: AGPL-3.0-or-later
"""What went wrong with a signing reply or a letter it asked for, as the Inspector reads it.

`decide_signing` and `Batch.run` describe problems in English for the logs; the Inspector's
mails say them in Indonesian. One table, so sign-by-reply and its jobs word them alike.
"""
from __future__ import annotations

import re

_PROBLEMS = [
    (r"the reply has no TTD or TOLAK line", "balasan tidak memuat baris TTD atau TOLAK"),
    (r"first line is not a command: (.*)", "baris pertama bukan perintah: {0}"),
    (r"TTD SEMUA together with TOLAK.*", "TTD SEMUA tidak dapat digabung dengan TOLAK; sebutkan "
                                         "nomor urut surat yang ditandatangani"),
    (r"items both signed and rejected: (.*)", "nomor urut {0} diminta ditandatangani sekaligus "
                                              "dikembalikan"),
    (r"TOLAK (\d+) has no notes", "TOLAK {0} tidak disertai alasan"),
    (r"TOLAK needs item numbers: (.*)", "TOLAK harus diikuti nomor urut surat: {0}"),
    (r"no such item \(the batch has (\d+)\): (.*)", "nomor urut {1} tidak ada dalam daftar "
                                                    "(daftar memuat {0} surat)"),
    (r"cannot read which items to sign: ('.*') \(.*", "nomor urut surat yang akan "
                                                     "ditandatangani tidak terbaca: {0}"),
    (r"a line after TTD may change its meaning: (.*)", "baris setelah perintah TTD dapat "
                                                       "mengubah maksudnya: {0}"),
    (r"a line is too long to be a command", "baris terlalu panjang untuk sebuah perintah"),
    # Batch.run's problems
    (r"entry #(\d+): LibreOffice could not convert the draft",
     "konsep surat entri #{0} tidak dapat diubah menjadi PDF; surat tetap menunggu"),
    (r"(.*): no longer waiting for signature \((.*)\)",
     "{0} tidak lagi menunggu tanda tangan (status: {1})"),
    (r"entry #(\d+): other signers kept taking its number.*",
     "nomor surat untuk entri #{0} terus terpakai oleh penandatanganan lain; surat tetap "
     "menunggu"),
]


def in_indonesian(problem: str, default: str | None = None) -> str:
    """decide_signing's or Batch.run's problem (English, for logs) as the Inspector reads it;
    DEFAULT (or a generic line) when the table does not know it."""
    for pattern, text in _PROBLEMS:
        match = re.fullmatch(pattern, problem, re.S)
        if match:
            return text.format(*match.groups())
    return default if default is not None else "perintah tidak dapat dibaca dengan pasti"
