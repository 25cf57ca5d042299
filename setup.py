# SPDX-License-Identifier: AGPL-3.0-or-later
"""Ship the top-level example (`config.toml`, `rules/`) inside the wheel as `pipeline/_example`.

Everything else is declared in pyproject.toml; this hook exists only because a wheel cannot
carry files from outside its packages (see `pipeline/core/example.py`).
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent


class BuildWithExample(build_py):
    def run(self):
        super().run()
        if self.editable_mode:
            return      # an editable install reads the files in place
        target = Path(self.build_lib) / "pipeline" / "_example"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        shutil.copy2(ROOT / "config.toml", target / "config.toml")
        shutil.copytree(ROOT / "rules", target / "rules",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithExample})
