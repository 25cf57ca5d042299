# SPDX-License-Identifier: AGPL-3.0-or-later
"""The house rules that keep the code readable: stage packages, no import cycle, small modules."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "pipeline"
MAX_LINES = 400
STAGES = ("core", "intake", "letter", "casework", "signing", "mail", "books", "consult", "web",
          "cli", "migrations")


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """Every import between pipeline modules, at any depth (function-level imports too)."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                deps.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                    base = ".".join(up + ([node.module] if node.module else []))
                for alias in node.names:
                    deps.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules
                             else base)
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_among_pipeline_modules():
    """GIVEN every module under pipeline/ WHEN its imports are walked THEN no module reaches
    itself again through others."""
    assert cycles(import_graph()) == []


def test_the_cycle_finder_sees_a_cycle():
    """GIVEN a graph with a three-module circle WHEN searched THEN that circle is reported."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_module_is_over_400_lines():
    """GIVEN every module under pipeline/ WHEN counted THEN none is over 400 lines."""
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_top_level_reads_as_the_stages():
    """GIVEN pipeline/ WHEN listed THEN its code sits in the stage packages, beside only the
    composition root (app, worker) and the entry point."""
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "app.py", "worker.py"]
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage


def test_a_clone_is_an_example_workspace():
    """GIVEN the repository WHEN looked at THEN config.toml and rules/ stand at the top, as
    `paraf init` copies them, and the package no longer carries its own copy."""
    assert (ROOT / "config.toml").is_file()
    for name in ("opd.toml", "numbering.toml", "officials.toml", "routing.toml",
                 "consultation.toml", "tembusan.toml", "templates/jawaban.docx"):
        assert (ROOT / "rules" / name).is_file(), name
    assert not (PACKAGE / "defaults").exists()


def test_the_wheel_ships_the_example(tmp_path):
    """GIVEN the repository WHEN built into a wheel THEN the top-level config.toml and rules/
    are inside it, where an installed `paraf init` finds them."""
    import shutil
    import subprocess
    import sys
    import zipfile
    had_build = (ROOT / "build").exists()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(tmp_path), str(ROOT)], check=True,
                   cwd=tmp_path, capture_output=True, timeout=300)
    if not had_build:                       # setuptools builds in the source tree
        shutil.rmtree(ROOT / "build", ignore_errors=True)
    (wheel,) = tmp_path.glob("paraf-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "pipeline/_example/config.toml" in names
    assert "pipeline/_example/rules/routing.toml" in names
    assert "pipeline/_example/rules/templates/jawaban.docx" in names
