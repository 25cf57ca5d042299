# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf web --workers 2` as an office runs it: two server processes, each with its own
socket on the one port, a clear error when the port is taken, and a clean stop."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx

from tests.conftest import make_workspace
from tests.web.conftest import SECRET
from tests.web.live import free_port


def children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in found.split()]


def paraf_web(app, port: int) -> subprocess.Popen:
    paraf = Path(sys.executable).with_name("paraf")
    return subprocess.Popen([str(paraf), "--config", str(app.cfg.base_dir / "config.toml"),
                             "web", "--listen", f"127.0.0.1:{port}", "--workers", "2"],
                            env={**os.environ, "PARAF_SECRET": SECRET},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_processes_serve_one_port_and_stop_together(tmp_path, db_url):
    app = make_workspace(tmp_path / "ws", db_url)
    app.close()
    port = free_port()
    server = paraf_web(app, port)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/masuk").status_code == 200:
                    break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, server.stderr.read()
                time.sleep(0.2)
        workers = [p for p in children(server.pid)
                   if "spawn_main" in Path(f"/proc/{p}/cmdline").read_text()]
        assert len(workers) == 2
        for _ in range(20):                  # new connections, spread by the kernel
            with httpx.Client() as c:
                assert c.get(f"http://127.0.0.1:{port}/").status_code == 200

        busy = paraf_web(app, port)          # a second server on the same port is refused
        out, _ = busy.communicate(timeout=30)
        assert busy.returncode != 0 and f"cannot listen on 127.0.0.1:{port}" in out
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    assert server.returncode == 0
    assert all(not Path(f"/proc/{p}").exists() for p in workers)
