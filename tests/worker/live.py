# SPDX-License-Identifier: AGPL-3.0-or-later
"""A real `paraf run` process for tests: started, watched (its log lines), stopped."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from pipeline.app import App
from pipeline.core.config import load
from tests.workflow.conftest import SECRET


def configure(config: Path, **values) -> None:
    """Set `key = value` lines of config.toml (numbers and booleans unquoted)."""
    text = config.read_text()
    for key, value in values.items():
        text, n = re.subn(rf"(?m)^{key} = .*$", f"{key} = {value}", text, count=1)
        assert n == 1, key
    config.write_text(text)


def office(tmp_path, db_url, dovecot, smtp_server, monkeypatch, routing: str | None = None,
           **values) -> App:
    """A workspace on Dovecot and aiosmtpd with the test routing (or ROUTING) and secret."""
    from tests.workflow.conftest import ROUTING, workspace
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch,
                    routing=routing or ROUTING)
    app.close()
    config = tmp_path / "ws" / "config.toml"
    configure(config, **values)
    return App.open(load(config))


class Worker:
    """`paraf -v run` in its own session; its output lines are collected as they come."""

    def __init__(self, app: App, *, name: str = "worker", env: dict | None = None):
        self.config = app.cfg.base_dir / "config.toml"
        self.name = name
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "--config", str(self.config), "-v", "run"],
            env={**os.environ, "PARAF_SECRET": SECRET, **(env or {})},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for raw in self.proc.stdout:
            self.lines.append(raw.decode(errors="replace").rstrip())

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not any(text in line for line in list(self.lines)):
            assert self.proc.poll() is None, f"{self.name} exited:\n{self.output}"
            assert time.monotonic() < deadline, f"{self.name}: no '{text}':\n{self.output}"
            time.sleep(0.05)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> float:
        """Send SIG; returns the seconds it took the process to end."""
        began = time.monotonic()
        if self.proc.poll() is None:
            os.kill(self.proc.pid, sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:   # show where it waits, then end it
                os.kill(self.proc.pid, signal.SIGUSR1)
                time.sleep(1)
                self.kill()
                raise AssertionError(f"{self.name} did not stop in {timeout} s:\n"
                                     f"{self.output}") from None
        took = time.monotonic() - began
        self._reader.join(5)
        return took

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)
        self._reader.join(5)


def until(check, timeout: float, step: float = 0.02):
    """CHECK() until truthy; returns it, or None after TIMEOUT seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(step)
    return None
