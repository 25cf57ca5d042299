# SPDX-License-Identifier: AGPL-3.0-or-later
"""Tembusan: who gets a copy of a signed letter, and at which address.

The names come from the letter itself (its "Tembusan:" list, as the officials left it in the
draft), or from the office's default list when the letter has none. rules/tembusan.toml maps
names to addresses. A name without an address is never dropped silently: the caller records
it for the clerk, who sends that copy another way or adds the address.
"""
from __future__ import annotations

import io
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.errors import RulesError
from pipeline.core.rules import EMAIL_RE

FILE = "tembusan.toml"
_TOP_KEYS = {"default", "tembusan"}
_ENTRY_KEYS = {"name", "aliases", "emails"}
_HEADING = re.compile(r"^\s*tembusan\b[^:]{0,20}:?\s*(.*)$", re.I)
_BULLET = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[a-z]\s*[.)]|[-\u2022*\u2013\u00b7])\s*", re.I)
_YTH = re.compile(r"^\s*(?:yth|yang\s+terhormat)\s*\.?\s*:?\s*", re.I)
_TAIL = re.compile(r"(?:\s*[;,.]\s*(?:dan|and)?\s*|\s+(?:dan|and)\s*)+$", re.I)
_REMARK = re.compile(r"\([^)]*\)")


def key(name: str) -> str:
    """How a name is compared: 'Yth. Wali Kota Pekalongan (sebagai laporan);' ->
    'wali kota pekalongan'. Remarks in brackets, honorifics and list punctuation do not count."""
    text = _YTH.sub("", _BULLET.sub("", name or ""))
    text = _REMARK.sub(" ", text)
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def display(name: str) -> str:
    """The name as a list item shows it: 'Wali Kota Pekalongan (sebagai laporan)'."""
    return " ".join(_TAIL.sub("", _YTH.sub("", _BULLET.sub("", name or ""))).split())


@dataclass(frozen=True)
class Recipient:
    name: str
    emails: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Copies:
    """The copies of one letter: the names printed on it, the addresses found for them, and
    the names that have no address (for the clerk)."""
    names: tuple[str, ...] = ()
    addresses: tuple[tuple[str, str], ...] = ()      # (name, address)
    unaddressed: tuple[str, ...] = ()
    from_default: bool = False

    def as_data(self) -> dict:
        return {"names": list(self.names), "cc": [a for _, a in self.addresses],
                "unaddressed": list(self.unaddressed), "from_default": self.from_default}


@dataclass(frozen=True)
class Directory:
    """rules/tembusan.toml, loaded."""
    default: tuple[str, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def lookup(self, name: str) -> Recipient | None:
        return self._index.get(key(name))

    def copies(self, names: list[str] | None) -> Copies:
        """Resolve the letter's tembusan names (None: the letter has no list -> default)."""
        from_default = names is None
        names = list(self.default if names is None else names)
        found, missing, seen = [], [], set()
        for name in names:
            who = self.lookup(name)
            if who is None:
                missing.append(name)
                continue
            for address in who.emails:
                if address.lower() not in seen:
                    seen.add(address.lower())
                    found.append((who.name, address))
        return Copies(tuple(names), tuple(found), tuple(missing), from_default)


def names_from_docx(docx: bytes) -> list[str] | None:
    """The names in the letter's last "Tembusan:" list; None when it has no such list."""
    from docx import Document
    doc = Document(io.BytesIO(docx))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    paras = ["".join((t.text or "") if t.tag == f"{w}t" else " " for t in p.iter(f"{w}t", f"{w}tab"))
             for p in doc.element.body.iter(f"{w}p")]
    start = None
    for i, text in enumerate(paras):
        match = _HEADING.match(text)
        if match and (not match.group(1).strip() or ":" in text):
            start = i
    if start is None:
        return None
    first = _HEADING.match(paras[start]).group(1)
    names: list[str] = []
    for text in ([first] if first.strip() else []) + paras[start + 1:]:
        if not text.strip():
            if names:
                break
            continue
        name = display(text)
        if name:
            names.append(name)
    return names


# -- the rules file ------------------------------------------------------------------------------

def _entry_lines(text: str) -> list[int]:
    pattern = re.compile(r"^\s*\[\[\s*tembusan\s*\]\]\s*(#.*)?$")
    return [n for n, line in enumerate(text.splitlines(), 1) if pattern.match(line)]


def _texts(value, what: str) -> tuple[tuple[str, ...], str | None]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return (), f"'{what}' must be a list of texts, like [\"a\", \"b\"]"
    return tuple(v.strip() for v in value if v.strip()), None


def problems(text: str) -> list[tuple[int, str]]:
    """Every problem in a tembusan.toml text, as (line, message); line 0 is the whole file."""
    return _parse(text)[1]


def _parse(text: str) -> tuple[Directory, list[tuple[int, str]]]:
    out: list[tuple[int, str]] = []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        at = re.search(r"line (\d+)", str(err))
        return Directory(), [(int(at.group(1)) if at else 0, f"not valid TOML: {err}")]
    for name in sorted(set(data) - _TOP_KEYS):
        out.append((0, f"unknown key '{name}' (use 'default' and [[tembusan]] entries)"))
    default, err = _texts(data.get("default", []), "default")
    if err:
        out.append((0, err))
    rows = data.get("tembusan", [])
    if not isinstance(rows, list):
        out.append((0, "write each recipient as a [[tembusan]] table"))
        rows = []
    lines = _entry_lines(text)
    recipients, index = [], {}
    for i, row in enumerate(rows):
        line = lines[i] if i < len(lines) else 0
        label = f"entry #{i + 1}"
        if not isinstance(row, dict):
            out.append((line, f"{label}: must be a table"))
            continue
        if isinstance(row.get("name"), str) and row["name"].strip():
            label += f" ({row['name'].strip()})"
        bad = sorted(set(row) - _ENTRY_KEYS)
        if bad:
            out.append((line, f"{label}: unknown key '{bad[0]}' (use name, aliases, emails)"))
        name = row.get("name")
        if not isinstance(name, str) or not key(name):
            out.append((line, f"{label}: 'name' is required, as printed after \"Tembusan:\""))
            continue
        aliases, err = _texts(row.get("aliases", []), "aliases")
        if err:
            out.append((line, f"{label}: {err}"))
        emails, err = _texts(row.get("emails", []), "emails")
        if err:
            out.append((line, f"{label}: {err}"))
        elif not emails:
            out.append((line, f"{label}: 'emails' needs at least one address; leave the entry "
                              f"out if the copy goes on paper"))
        for address in emails:
            if not EMAIL_RE.match(address):
                out.append((line, f"{label}: '{address}' is not an e-mail address"))
        who = Recipient(name.strip(), emails, aliases)
        for spelled in (name, *aliases):
            k = key(spelled)
            if k in index and index[k][0] is not who:
                out.append((line, f"{label}: '{spelled}' is also the name or an alias of entry "
                                  f"#{index[k][1]}"))
            elif k:
                index[k] = (who, i + 1)
        recipients.append(who)
    directory = Directory(default, tuple(recipients), {k: v[0] for k, v in index.items()})
    return directory, out


def load(rules_dir: Path) -> Directory:
    """rules/tembusan.toml; an empty directory when the file is absent (every name is then
    reported as having no address). A broken file stops with its first problem."""
    path = Path(rules_dir) / FILE
    if not path.exists():
        return Directory()
    directory, found = _parse(path.read_text(encoding="utf-8"))
    if found:
        line, message = found[0]
        where = f"{FILE}:{line}" if line else FILE
        raise RulesError(f"{where}: {message} (run 'paraf rules check' for every problem)")
    return directory
