# SPDX-License-Identifier: AGPL-3.0-or-later
"""deploy/: the systemd units pass systemd-analyze, run real paraf commands, and are hardened;
the backup script keeps the newest backups."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli.main import cli
from tests.ops.workspace import STRONG_SECRET

DEPLOY = Path(__file__).parents[2] / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service")) + \
    sorted((DEPLOY / "systemd").glob("*.timer"))
PARAF = Path(sys.executable).with_name("paraf")


def installed(tmp_path: Path) -> list[Path]:
    """The units as the install step in docs/deploy.md leaves them, with this checkout's
    paraf and script in place of /opt/paraf (systemd-analyze checks the commands exist)."""
    out = []
    for unit in UNITS:
        text = unit.read_text().replace("/opt/paraf/.venv/bin/paraf", str(PARAF))
        text = text.replace("/opt/paraf/deploy", str(DEPLOY))
        name = unit.name.replace("@.service", "@kota-pekalongan.service")
        (tmp_path / name).write_text(text)
        out.append(tmp_path / name)
    return out


def test_systemd_analyze_verify_passes(tmp_path):
    """GIVEN the units in deploy/systemd WHEN `systemd-analyze verify` loads them THEN it
    reports nothing about them: no unknown key, no missing command, no bad value."""
    exe = shutil.which("systemd-analyze")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("systemd-analyze is missing (make test-deps installs systemd)")
        pytest.skip("systemd-analyze is not installed (make test-deps installs systemd)")
    units = installed(tmp_path)
    done = subprocess.run([exe, "verify", *map(str, units)], capture_output=True, text=True,
                          timeout=120)
    about_us = [line for line in (done.stdout + done.stderr).splitlines() if "paraf" in line]
    assert done.returncode == 0 and about_us == [], done.stdout + done.stderr
    broken = tmp_path / "broken.service"
    broken.write_text(units[0].read_text().replace("NoNewPrivileges", "NoNewPrivilege"))
    done = subprocess.run([exe, "verify", str(broken)], capture_output=True, text=True)
    assert "Unknown key" in done.stderr              # the check can fail


@pytest.mark.parametrize("unit", ["paraf-worker.service", "paraf-web.service",
                                  "paraf-worker@.service"])
def test_long_running_units_are_hardened(unit):
    """GIVEN the worker and web units THEN they run as the paraf user without privileges,
    see the file system read-only except the workspace, have a private /tmp, take secrets from
    an EnvironmentFile, and migrate the database before they start."""
    lines = {line.split("=", 1)[0]: line.split("=", 1)[1]
             for line in (DEPLOY / "systemd" / unit).read_text().splitlines()
             if "=" in line and not line.startswith("#")}
    assert lines["User"] == "paraf" and lines["Group"] == "paraf"
    assert lines["NoNewPrivileges"] == "yes" and lines["ProtectSystem"] == "strict"
    assert lines["PrivateTmp"] == "yes" and lines["CapabilityBoundingSet"] == ""
    assert lines["ReadWritePaths"].split() == [lines["WorkingDirectory"]]
    assert lines["EnvironmentFile"].startswith("/etc/paraf/")
    assert lines["ExecStartPre"].endswith("paraf migrate")


def test_every_command_in_the_units_exists():
    """GIVEN each ExecStart/ExecStartPre of the units WHEN its paraf arguments are given to
    the real command line with --help THEN they parse: a renamed option breaks this test,
    not an office's server."""
    for unit in UNITS:
        for line in unit.read_text().splitlines():
            if line.startswith(("ExecStart=", "ExecStartPre=")) and "bin/paraf" in line:
                args = shlex.split(line.split("=", 1)[1])[1:]
                result = CliRunner().invoke(cli, [*args, "--help"])
                assert result.exit_code == 0, f"{unit.name}: {line}\n{result.output}"


def test_the_backup_script_keeps_the_newest(tmp_path, monkeypatch):
    """GIVEN a workspace WHEN deploy/paraf-backup.sh runs three times with KEEP=2 THEN two
    dated backups remain, the newest two, each with its manifest."""
    from pipeline.core.workspace import init
    config = init(tmp_path / "ws")
    env = {**os.environ, "PARAF_CONFIG": str(config), "PARAF_BIN": str(PARAF),
           "PARAF_BACKUP_DIR": str(tmp_path / "backups"), "PARAF_BACKUP_KEEP": "2"}
    made = []
    for _ in range(3):
        done = subprocess.run([str(DEPLOY / "paraf-backup.sh")], env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        made.append(sorted((tmp_path / "backups").iterdir())[-1].name)
        time.sleep(1.1)                          # folders are named to the second
    left = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert left == made[1:]
    assert all((tmp_path / "backups" / name / "manifest.json").exists() for name in left)


def test_paraf_admin_runs_a_command_with_the_services_secrets(tmp_path):
    """GIVEN a workspace whose intake needs a password kept only in the EnvironmentFile WHEN
    `paraf-admin doctor` runs (as root here; as the paraf user on a server) THEN the command
    sees the secrets and the config, as the units do."""
    if os.geteuid() != 0 or not shutil.which("runuser"):
        pytest.skip("runuser needs root")
    from pipeline.core.workspace import init, set_key
    config = init(tmp_path / "ws")
    config.write_text(set_key(config.read_text(), "smtp", "smtp://paraf@127.0.0.1:1"))
    envfile = tmp_path / "paraf.env"
    envfile.write_text(f"PARAF_SMTP_PASSWORD=rahasia-smtp\nPARAF_SECRET={STRONG_SECRET}\n")
    envfile.chmod(0o600)
    env = {"PATH": os.environ["PATH"], "PARAF_HOME": str(tmp_path / "ws"),
           "PARAF_ENV": str(envfile), "PARAF_BIN": str(PARAF), "PARAF_USER": "root"}
    done = subprocess.run([str(DEPLOY / "paraf-admin.sh"), "doctor"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert "[ OK ] config" in done.stdout, done.stdout + done.stderr
    assert "[ OK ] PARAF_SECRET" in done.stdout
    assert "[FAIL] smtp" in done.stdout                 # nothing listens on port 1
