#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Check requirements.lock against a local snapshot of the PyPA advisory database.

pip-audit asks an online service; this reads a clone (or bare mirror) of
github.com/pypa/advisory-database with git, no work tree needed, for machines where that
service is unreachable. Needs PyYAML and packaging (`pip install pyyaml packaging`).

    python tools/check_advisories.py GIT_DIR [requirements.lock]

Prints one line per locked package with the advisories that affect its locked version, and
the snapshot's commit and date; exits 1 when any locked version is affected.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version


def git(git_dir: str, *args: str) -> str:
    return subprocess.run(["git", f"--git-dir={git_dir}", *args], check=True,
                          capture_output=True, text=True).stdout


def locked(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)", line.strip())
        if match:
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def _in_range(version: Version, events: list[dict]) -> bool:
    """OSV ECOSYSTEM range: affected from each 'introduced' up to 'fixed' (exclusive) or
    'last_affected' (inclusive)."""
    affected = False
    for event in sorted(events, key=lambda e: _key(next(iter(e.values())))):
        kind, value = next(iter(event.items()))
        bound = _key(value)
        if kind == "introduced" and version >= bound:
            affected = True
        elif kind == "fixed" and version >= bound:
            affected = False
        elif kind == "last_affected" and version > bound:
            affected = False
    return affected


def _key(value: str) -> Version:
    return Version("0") if value == "0" else Version(value)


def affects(advisory: dict, name: str, version: str) -> bool:
    try:
        v = Version(version)
    except InvalidVersion:
        return False
    for item in advisory.get("affected", []):
        package = item.get("package", {})
        if canonicalize_name(package.get("name", "")) != name:
            continue
        if version in (item.get("versions") or []):
            return True
        for rng in item.get("ranges", []):
            if rng.get("type") == "ECOSYSTEM":
                try:
                    if _in_range(v, rng.get("events", [])):
                        return True
                except InvalidVersion:
                    continue
    return False


def main(argv: list[str]) -> int:
    git_dir = argv[0]
    lock = Path(argv[1] if len(argv) > 1 else "requirements.lock")
    head = git(git_dir, "log", "-1", "--format=%H %cI").split()
    folders = {canonicalize_name(p.rsplit("/", 1)[-1]): p
               for p in git(git_dir, "ls-tree", "--name-only", "HEAD", "vulns/").split()}
    print(f"snapshot {head[0]} of {head[1]}")
    hit = 0
    for name, version in sorted(locked(lock).items()):
        found, withdrawn = [], []
        folder = folders.get(name)
        if folder:
            for path in git(git_dir, "ls-tree", "--name-only", "HEAD", f"{folder}/").split():
                advisory = yaml.safe_load(git(git_dir, "show", f"HEAD:{path}"))
                if affects(advisory, name, version):       # withdrawn ones count for nothing
                    (withdrawn if advisory.get("withdrawn") else found).append(
                        advisory.get("id", path))
        count = len(git(git_dir, "ls-tree", "--name-only", "HEAD", f"{folder}/").split()) \
            if folder else 0
        note = f" (withdrawn, ignored: {', '.join(withdrawn)})" if withdrawn else ""
        print(f"{name}=={version}: {count} advisories known, "
              f"{'AFFECTED by ' + ', '.join(found) if found else 'none affects this version'}"
              f"{note}")
        hit += bool(found)
    return 1 if hit else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
