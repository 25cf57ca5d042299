# SPDX-License-Identifier: AGPL-3.0-or-later
"""The office's rule files in rules/, loaded and validated: the OPD directory and the numbers.

These are data an office edits without code. Errors name the file and the entry.
"""
from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.errors import RulesError

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Opd:
    """A sending unit (Organisasi Perangkat Daerah) the inspectorate serves."""
    code: str
    name: str
    abbrev: str = ""
    pemda: str = ""
    head: str = ""
    place: str = ""         # where its head sits, printed after "di" in letters to it
    emails: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Numbering:
    incoming: str = "{seq:04d}/SM/ITDA/{year}"
    outgoing: str = "700/{seq}/ITDA/{year}"
    consultation: str = "{seq:04d}/KONS/ITDA/{year}"     # web and walk-in requests
    complaint: str = "{seq:04d}/PENG/ITDA/{year}"        # complaints about the service


@dataclass(frozen=True)
class Rules:
    opds: tuple[Opd, ...] = ()
    numbering: Numbering = field(default_factory=Numbering)


def texts(value, key: str, where: str) -> tuple[str, ...]:
    """A TOML list of strings (or one string), stripped; RulesError naming KEY otherwise."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulesError(f"{where}: '{key}' must be a list of texts, like [\"a\", \"b\"]")
    return tuple(v.strip() for v in value if v.strip())


_OPD_KEYS = {"code", "name", "abbrev", "pemda", "head", "place", "emails", "domains", "aliases"}


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulesError(f"{path}: missing (run 'paraf init' to make sample rules)") from None
    except tomllib.TOMLDecodeError as err:
        raise RulesError(f"{path}: not valid TOML: {err}") from None


def load_opds(path: Path) -> tuple[Opd, ...]:
    data = _read_toml(path)
    opds, codes = [], set()
    for i, row in enumerate(data.get("opd", []), 1):
        where = f"{path.name}: OPD #{i}"
        unknown = set(row) - _OPD_KEYS
        if unknown:
            raise RulesError(f"{where}: unknown key '{sorted(unknown)[0]}'")
        if not row.get("code") or not row.get("name"):
            raise RulesError(f"{where}: 'code' and 'name' are required")
        if row["code"] in codes:
            raise RulesError(f"{where}: code '{row['code']}' is used twice")
        codes.add(row["code"])
        for email in row.get("emails", []):
            if not EMAIL_RE.match(email):
                raise RulesError(f"{where} ({row['code']}): '{email}' is not an e-mail address")
        opds.append(Opd(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()}))
    return tuple(opds)


def load_numbering(path: Path) -> Numbering:
    data = _read_toml(path)
    values = {}
    for book in ("incoming", "outgoing", "consultation", "complaint"):
        fmt = data.get(book, {}).get("format", getattr(Numbering, book))
        try:
            rendered = fmt.format(seq=1, year=2026)
        except (KeyError, IndexError, ValueError) as err:
            raise RulesError(f"{path.name}: [{book}] format '{fmt}' is invalid: {err}") from None
        if "{seq" not in fmt or rendered == fmt:
            raise RulesError(f"{path.name}: [{book}] format must contain {{seq}}")
        values[book] = fmt
    return Numbering(**values)


def load(rules_dir: Path) -> Rules:
    return Rules(opds=load_opds(rules_dir / "opd.toml"),
                 numbering=load_numbering(rules_dir / "numbering.toml"))


# --- import from an office's spreadsheet export ------------------------------------------------

_COLUMNS = {
    "name": ("nama", "name", "nama opd", "unit", "nama unit", "satuan kerja"),
    "abbrev": ("singkatan", "abbrev", "abbreviation", "akronim"),
    "emails": ("email", "e-mail", "surel", "emails"),
    "domains": ("domain", "domains", "domain email"),
    "pemda": ("pemda", "pemerintah daerah", "wilayah", "region", "kabupaten/kota"),
    "head": ("jabatan_kepala", "jabatan kepala", "kepala", "head"),
    "place": ("tempat", "tempat kedudukan", "kedudukan", "place"),
    "aliases": ("alias", "aliases", "nama lain"),
}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def opds_from_csv(text: str) -> list[Opd]:
    """Parse a CSV export (comma or semicolon separated, Indonesian or English headers)."""
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    headers = {h: (h or "").strip().lower() for h in reader.fieldnames or []}
    column = {}
    for key, names in _COLUMNS.items():
        column[key] = next((h for h, low in headers.items() if low in names), None)
    if not column["name"]:
        raise RulesError("CSV: no column with the unit's name (nama / name)")
    opds, codes = [], set()
    for line, row in enumerate(reader, 2):
        get = lambda key: (row.get(column[key]) or "").strip() if column[key] else ""
        name = get("name")
        if not name:
            raise RulesError(f"CSV line {line}: the name is empty")
        emails = tuple(e for e in re.split(r"[;,\s]+", get("emails").lower()) if e)
        for email in emails:
            if not EMAIL_RE.match(email):
                raise RulesError(f"CSV line {line}: '{email}' is not an e-mail address")
        domains = tuple(d for d in re.split(r"[;,\s]+", get("domains").lower()) if d)
        domains = domains or tuple(sorted({e.split("@", 1)[1] for e in emails}))
        base = _slug(f"{get('abbrev') or name} {get('pemda') or (domains[0] if domains else '')}")
        code, n = base, 2
        while code in codes:
            code, n = f"{base}-{n}", n + 1
        codes.add(code)
        aliases = tuple(a.strip() for a in get("aliases").split(";") if a.strip())
        opds.append(Opd(code=code, name=name, abbrev=get("abbrev"), pemda=get("pemda"),
                        head=get("head"), place=get("place"), emails=emails, domains=domains,
                        aliases=aliases))
    return opds


def _toml_str(value) -> str:
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_str(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def opds_to_toml(opds: list[Opd]) -> str:
    out = ["# OPD directory: the units whose letters Paraf registers.",
           "# A sender is recognised by an exact e-mail address, or by a domain plus the unit",
           "# named in the letter. `place` is where the unit sits, printed after \"di\" under the",
           "# addressee of an answer (left out when empty). Edit freely; 'paraf rules import-opd",
           "# FILE.csv' rewrites it.", ""]
    for opd in opds:
        out.append("[[opd]]")
        for key in ("code", "name", "abbrev", "pemda", "head", "place", "emails", "domains",
                    "aliases"):
            value = getattr(opd, key)
            if value or key in ("code", "name", "emails"):
                out.append(f"{key} = {_toml_str(value)}")
        out.append("")
    return "\n".join(out)
