# SPDX-License-Identifier: AGPL-3.0-or-later
"""The inspectorate's officials (rules/officials.toml): who drafts, who initials, who signs.

Routing rules and e-mail replies refer to officials by `code` and recognise them by address, so
both must be unique. `superior` lines make the hierarchy that chain positions such as
"superior:2" walk, so it must end at the top without a loop. Exactly one official has the role
"inspector": the Inspektur who disposes letters and signs the replies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import RulesError
from pipeline.core.rules import EMAIL_RE, _read_toml, texts

ROLES = ("inspector", "clerk")
NIP_RE = re.compile(r"^\d{18}$")
_KEYS = {"code", "name", "nip", "jabatan", "pangkat", "emails", "unit", "wilayah", "superior",
         "roles"}
_REQUIRED = ("code", "name", "nip", "jabatan", "emails")


@dataclass(frozen=True)
class Official:
    """One person in the inspectorate, as the letters and the mail need them."""
    code: str
    name: str
    nip: str                             # 18 digits, spaces removed
    jabatan: str                         # position, as printed under a signature
    emails: tuple[str, ...]              # lower case; the first one receives Paraf's mail
    unit: str = ""
    pangkat: str = ""                    # rank/grade, e.g. "Pembina Utama Muda (IV/c)"
    wilayah: tuple[str, ...] = ()        # regions or fields covered; shown, not matched
    superior: str = ""                   # code of the official above, "" at the top
    roles: tuple[str, ...] = ()

    @property
    def is_inspector(self) -> bool:
        return "inspector" in self.roles

    def label(self) -> str:
        return f"{self.name} ({self.jabatan})"


def parse_official(row: dict, where: str) -> Official:
    """One [[official]] table into an Official; RulesError names WHERE and the key at fault."""
    unknown = sorted(set(row) - _KEYS)
    if unknown:
        raise RulesError(f"{where}: unknown key '{unknown[0]}' "
                         f"(allowed: {', '.join(sorted(_KEYS))})")
    missing = [k for k in _REQUIRED if not row.get(k)]
    if missing:
        raise RulesError(f"{where}: '{missing[0]}' is required")
    for key in ("code", "name", "jabatan", "pangkat", "unit", "superior"):
        if key in row and not isinstance(row[key], str):
            raise RulesError(f"{where}: '{key}' must be a text in quotes")
    where = f"{where} ({row['code']})"
    nip = re.sub(r"\s+", "", str(row["nip"]))
    if not NIP_RE.match(nip):
        raise RulesError(f"{where}: NIP '{row['nip']}' must have exactly 18 digits")
    emails = tuple(e.lower() for e in texts(row["emails"], "emails", where))
    if not emails:
        raise RulesError(f"{where}: 'emails' is required")
    for email in emails:
        if not EMAIL_RE.match(email):
            raise RulesError(f"{where}: '{email}' is not an e-mail address")
    roles = texts(row.get("roles", []), "roles", where)
    for role in roles:
        if role not in ROLES:
            raise RulesError(f"{where}: unknown role '{role}' (known roles: {', '.join(ROLES)})")
    return Official(code=row["code"].strip(), name=row["name"].strip(), nip=nip,
                    jabatan=row["jabatan"].strip(), emails=emails,
                    unit=row.get("unit", "").strip(), pangkat=row.get("pangkat", "").strip(),
                    wilayah=texts(row.get("wilayah", []), "wilayah", where),
                    superior=row.get("superior", "").strip(), roles=roles)


def problems(officials: tuple[Official, ...]) -> list[tuple[int | None, str]]:
    """What is wrong across entries, as (index of the entry at fault or None, message)."""
    found: list[tuple[int | None, str]] = []
    codes: dict[str, int] = {}
    owners: dict[str, str] = {}
    for i, o in enumerate(officials):
        if o.code in codes:
            found.append((i, f"code '{o.code}' is used twice (first by official "
                             f"#{codes[o.code] + 1})"))
        codes.setdefault(o.code, i)
        for email in o.emails:
            if email in owners and owners[email] != o.code:
                found.append((i, f"{o.code}: address {email} already belongs to "
                                 f"{owners[email]}; replies could not tell them apart"))
            owners.setdefault(email, o.code)
    for i, o in enumerate(officials):
        if o.superior and o.superior not in codes:
            found.append((i, f"{o.code}: superior '{o.superior}' is not an official in this file"))
    index = {o.code: o for o in officials}
    for i, o in enumerate(officials):
        seen, cur = [o.code], o
        while cur.superior in index:
            cur = index[cur.superior]
            if cur.code in seen:
                if cur.code == o.code:
                    loop = " → ".join([*seen, cur.code])
                    found.append((i, f"{o.code}: the superiors go round in a loop ({loop})"))
                break
            seen.append(cur.code)
    inspectors = [i for i, o in enumerate(officials) if o.is_inspector]
    if not inspectors:
        found.append((None, "no official has roles = [\"inspector\"]; exactly one must "
                            "(the Inspektur who disposes and signs)"))
    for i in inspectors[1:]:
        found.append((i, f"{officials[i].code}: a second official with the role 'inspector' "
                         f"(the first is {officials[inspectors[0]].code}); exactly one signs"))
    return found


def load_officials(path: Path) -> tuple[Official, ...]:
    """Read and validate officials.toml; the first problem raises RulesError."""
    data = _read_toml(path)
    rows = data.get("official", [])
    if not isinstance(rows, list):
        raise RulesError(f"{path.name}: write each official as an [[official]] table")
    officials = tuple(parse_official(row, f"{path.name}: official #{i}")
                      for i, row in enumerate(rows, 1))
    for index, message in problems(officials):
        where = f"official #{index + 1}" if index is not None else "the file"
        raise RulesError(f"{path.name}: {where}: {message}")
    return officials


def by_email(officials: tuple[Official, ...], address: str | None) -> Official | None:
    """The official who owns ADDRESS (case-insensitive), or None."""
    address = (address or "").strip().lower()
    return next((o for o in officials if address in o.emails), None) if address else None


def by_code(officials: tuple[Official, ...], code: str | None) -> Official | None:
    return next((o for o in officials if o.code == code), None)


def superior_of(officials: tuple[Official, ...], official: Official, levels: int = 1
                ) -> Official | None:
    """The official LEVELS steps above OFFICIAL, or None when the hierarchy ends first."""
    index = {o.code: o for o in officials}
    cur: Official | None = official
    for _ in range(levels):
        cur = index.get(cur.superior) if cur and cur.superior else None
    return cur


def inspector(officials: tuple[Official, ...]) -> Official:
    return next(o for o in officials if o.is_inspector)
