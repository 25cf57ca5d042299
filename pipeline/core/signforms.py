# SPDX-License-Identifier: AGPL-3.0-or-later
"""Who may sign while the Inspektur is away, and in which form (rules/officials.toml [signing]).

Permendagri 1/2023 knows two forms besides the Inspektur's own signature:

* **Plt.** (pelaksana tugas): the official named as the Inspektur's delegate for the absence
  signs as "Plt. Inspektur …" with their own certificate. `plt = true` allows it.
* **a.n.** (atas nama): the Sekretaris signs "a.n. Inspektur … / Sekretaris" for routine
  letters only. `atas_nama` lists the kinds (the answer's Sifat: biasa, segera, rahasia …)
  for which it is allowed; `atas_nama_oleh` is the official who may sign so.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.core.errors import RulesError
from pipeline.core.officials import Official, by_code
from pipeline.core.rules import _read_toml

KINDS = ("biasa", "segera", "sangat segera", "rahasia", "terbatas")
_KEYS = {"plt", "atas_nama", "atas_nama_oleh"}


@dataclass(frozen=True)
class SigningForms:
    plt: bool = True
    atas_nama: tuple[str, ...] = ()          # letter kinds (Sifat, lower case) a.n. may sign
    atas_nama_oleh: str = "sekretaris"

    def an_allows(self, sifat: str | None) -> bool:
        return (sifat or "biasa").strip().lower() in self.atas_nama


def parse(data: dict, where: str = "officials.toml") -> SigningForms:
    table = data.get("signing", {})
    if not isinstance(table, dict):
        raise RulesError(f"{where}: [signing] must be a table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise RulesError(f"{where}: [signing]: unknown key '{unknown[0]}' "
                         f"(allowed: {', '.join(sorted(_KEYS))})")
    plt = table.get("plt", True)
    if not isinstance(plt, bool):
        raise RulesError(f"{where}: [signing] plt must be true or false")
    kinds = table.get("atas_nama", [])
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        raise RulesError(f"{where}: [signing] atas_nama must be a list of texts, e.g. [\"biasa\"]")
    kinds = tuple(k.strip().lower() for k in kinds)
    for kind in kinds:
        if kind not in KINDS:
            raise RulesError(f"{where}: [signing] atas_nama: unknown kind of letter '{kind}' "
                             f"(known: {', '.join(KINDS)})")
    by = table.get("atas_nama_oleh", "sekretaris")
    if not isinstance(by, str) or not by.strip():
        raise RulesError(f"{where}: [signing] atas_nama_oleh must be an official's code")
    return SigningForms(plt=plt, atas_nama=kinds, atas_nama_oleh=by.strip())


def problems(forms: SigningForms, officials: tuple[Official, ...]) -> list[str]:
    """What is wrong with FORMS against the officials in the same file."""
    found = []
    who = by_code(officials, forms.atas_nama_oleh)
    if forms.atas_nama and who is None:
        found.append(f"[signing] atas_nama_oleh: '{forms.atas_nama_oleh}' is not an official "
                     f"in this file")
    elif who is not None and who.is_inspector:
        found.append("[signing] atas_nama_oleh: the Inspektur cannot sign a.n. themselves")
    return found


def load(path: Path, officials: tuple[Official, ...] = ()) -> SigningForms:
    """The [signing] table of officials.toml; defaults (Plt. only) when there is none."""
    if not Path(path).exists():
        return SigningForms()
    forms = parse(_read_toml(Path(path)), Path(path).name)
    for message in problems(forms, officials) if officials else ():
        raise RulesError(f"{Path(path).name}: {message}")
    return forms
