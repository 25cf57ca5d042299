# SPDX-License-Identifier: AGPL-3.0-or-later
"""ZIP archives sent as attachments: their files are the mail's attachments too.

OPDs often zip the letter together with its annex (a spreadsheet of findings, photos) because
their mail client or the office's mail gateway caps the number of attachments. The files inside
are read as if attached one by one, under the same limits as attachments: the archive must pass
`letter.sniff.open_zip` (entry count, total inflated size, per-file ratio: the zip-bomb rules),
each file may be no bigger than one attachment, the mail may not carry more files in all than
it may carry parts, and an archive inside an archive is opened one level deep only. Member
names are shown, never used as paths (`parse.safe_filename` drops any folder or `../`), and
links and folders are skipped. An archive that fails a limit stays as it is, so
`letter.screen` sets it aside with the clerk's reason.
"""
from __future__ import annotations

import dataclasses
import stat
import zipfile

from pipeline.intake.parse import Part, safe_filename
from pipeline.letter.model import Limits, Refused
from pipeline.letter.sniff import open_zip

NESTING = 2                  # a zip, and a zip inside it; deeper archives are left closed
OOXML = ("[content_types].xml",)


def _is_archive(part: Part) -> bool:
    """A plain ZIP archive: a PK file that is not an Office document (DOCX/XLSX/PPTX)."""
    if not part.payload.startswith(b"PK\x03\x04"):
        return False
    try:
        names = {n.lower() for n in zipfile.ZipFile(_buffer(part.payload)).namelist()}
    except (zipfile.BadZipFile, ValueError, OSError):
        return False
    return not names.intersection(OOXML)


def _buffer(data: bytes):
    import io
    return io.BytesIO(data)


def _members(part: Part, limits: Limits, max_bytes: int) -> list[Part]:
    z = open_zip(part.payload, part.filename, limits)        # raises Refused past a limit
    out = []
    for info in z.infolist():
        mode = info.external_attr >> 16
        if info.is_dir() or stat.S_ISLNK(mode):
            continue
        if info.file_size > max_bytes:
            raise Refused(f"{safe_filename(info.filename)} in the archive is larger than "
                          f"the attachment limit")
        with z.open(info) as fh:
            data = fh.read(max_bytes + 1)      # never trust the declared size alone
        if len(data) > max_bytes:
            raise Refused(f"{safe_filename(info.filename)} in the archive is larger than "
                          f"the attachment limit")
        name = safe_filename(info.filename, fallback="berkas")
        out.append(Part(name, "application/octet-stream", data))
    return out


def expand(parts: tuple[Part, ...], limits: Limits, max_parts: int,
           depth: int = 1) -> tuple[tuple[Part, ...], list[tuple[str, str]]]:
    """PARTS with every archive's files added after it (the archive itself is kept), and the
    archives left closed with why: the clerk sees the reason, the letter is asked for."""
    result: list[Part] = list(parts)
    closed: list[tuple[str, str]] = []
    for part in parts:
        if depth > NESTING or not _is_archive(part):
            if depth > NESTING and _is_archive(part):
                closed.append((part.filename, f"archive nested more than {NESTING} deep is not "
                                              "opened"))
            continue
        try:
            inner = _members(part, limits, limits.max_bytes)
        except Refused as err:
            closed.append((part.filename, err.reason))
            continue
        except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as err:
            closed.append((part.filename, f"archive not readable: {err}"))
            continue
        taken = {p.filename for p in result}
        inner = [dataclasses.replace(p, filename=f"{part.filename} - {p.filename}")
                 if p.filename in taken else p for p in inner]
        opened, deeper = expand(tuple(inner), limits, max_parts - len(result), depth + 1)
        if len(result) + len(opened) > max_parts:
            closed.append((part.filename, f"the archive holds {len(opened)} files, a mail may "
                                          f"carry {max_parts} in all"))
            continue
        result.extend(opened)
        closed.extend(deeper)
    return tuple(result), closed
