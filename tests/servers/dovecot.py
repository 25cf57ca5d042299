# SPDX-License-Identifier: AGPL-3.0-or-later
"""A throwaway Dovecot IMAP server on loopback, so intake tests talk to a real server.

Everything (config, sockets, state, logs, mail store) lives in one temp dir, so
several instances can run side by side and nothing under /etc or /run is touched.
Needs root (Dovecot drops to the `dovecot`/`dovenull` users) and /usr/sbin/dovecot.
"""
from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from imapclient import IMAPClient

DOVECOT_BIN = shutil.which("dovecot") or "/usr/sbin/dovecot"

# Dovecot 2.3's default post-login capability list minus MOVE. Setting
# imap_capability replaces the whole list, which is the only switch 2.3 offers.
_CAPS_WITHOUT_MOVE = (
    "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY "
    "THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL "
    "CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 "
    "CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS "
    "BINARY SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY"
)


def _version() -> tuple[int, ...]:
    out = subprocess.run([DOVECOT_BIN, "--version"], capture_output=True, text=True).stdout
    return tuple(int(p) for p in out.split()[0].split(".")[:2])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Dovecot:
    """Context manager running `dovecot -F` with a generated config on 127.0.0.1."""

    host = "127.0.0.1"

    def __init__(self, user: str = "intake", password: str = "secret",
                 extra_users: dict[str, str] | None = None, disable_move: bool = False,
                 disable_idle: bool = False):
        self.user = user
        self.password = password
        self.users = {user: password, **(extra_users or {})}
        self.disable_move = disable_move
        self.disable_idle = disable_idle
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="dovecot-"))
        self._proc: subprocess.Popen | None = None
        self._write_config()

    # -- lifecycle -------------------------------------------------------
    def __enter__(self) -> "Dovecot":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def start(self) -> None:
        """Start (or restart) on the same port and mail store."""
        if self._proc is not None:
            return
        with open(self.root / "stderr.log", "ab") as stderr:
            self._proc = subprocess.Popen(
                [DOVECOT_BIN, "-F", "-c", str(self.config)],
                stdout=subprocess.DEVNULL, stderr=stderr,
                start_new_session=True,  # own process group, so stop() can kill all children
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"dovecot exited: {self.log_text()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5) as s:
                    s.settimeout(2)
                    if s.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.02)
        self.stop()
        raise RuntimeError(f"dovecot did not listen on {self.port}: {self.log_text()}")

    def stop(self, graceful: bool = False) -> None:
        """Stop the server, dropping client connections.

        Default is SIGKILL to the whole process group (instant, like a crash);
        graceful=True sends SIGTERM, clients get BYE, but Dovecot lingers ~1 s.
        """
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if graceful:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        # Wait until the port is free again so an immediate start() can bind it.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                socket.create_connection((self.host, self.port), timeout=0.2).close()
                time.sleep(0.02)
            except OSError:
                return

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def log_text(self) -> str:
        parts = [p.read_text(errors="replace") for p in
                 (self.root / "dovecot.log", self.root / "stderr.log") if p.exists()]
        return "\n".join(parts)[-4000:]

    # -- helpers for tests ----------------------------------------------
    def url(self, folder: str = "INBOX") -> str:
        return f"imap://{self.user}@{self.host}:{self.port}/{folder}"

    def client(self) -> IMAPClient:
        """A fresh logged-in client; caller logs out (use as context manager)."""
        c = IMAPClient(self.host, self.port, ssl=False, timeout=10)
        c.login(self.user, self.password)
        return c

    def append(self, folder: str, raw: bytes) -> None:
        with self.client() as c:
            if not c.folder_exists(folder):
                c.create_folder(folder)
            c.append(folder, raw)

    def append_many(self, folder: str, raws: list[bytes]) -> None:
        """Append many messages over one connection (fast setup for big mailboxes)."""
        with self.client() as c:
            if not c.folder_exists(folder):
                c.create_folder(folder)
            for raw in raws:
                c.append(folder, raw)

    def list_uids(self, folder: str = "INBOX") -> list[int]:
        with self.client() as c:
            if not c.folder_exists(folder):
                return []
            c.select_folder(folder, readonly=True)
            return sorted(c.search("ALL"))

    def messages(self, folder: str = "INBOX") -> list[bytes]:
        with self.client() as c:
            if not c.folder_exists(folder):
                return []
            c.select_folder(folder, readonly=True)
            uids = sorted(c.search("ALL"))
            data = c.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
            return [data[u][b"BODY[]"] for u in uids]

    def uidvalidity(self, folder: str = "INBOX") -> int:
        with self.client() as c:
            return c.folder_status(folder, ["UIDVALIDITY"])[b"UIDVALIDITY"]

    def reset_uidvalidity(self, folder: str = "INBOX") -> int:
        """Make the server hand out a new UIDVALIDITY; the messages stay. Returns it."""
        old = self.uidvalidity(folder)
        self.stop()
        maildir = self._maildir_path(folder)
        for p in list(maildir.glob("dovecot-uidlist*")) + list(maildir.glob("dovecot.index*")):
            p.unlink()
        for p in self.mail_root.glob("dovecot.list.index*"):
            p.unlink()
        self.start()
        new = self.uidvalidity(folder)
        if new == old:
            raise RuntimeError(f"UIDVALIDITY of {folder} did not change ({old})")
        return new

    # -- internals --------------------------------------------------------
    @property
    def mail_root(self) -> Path:
        return self.root / "mail" / self.user

    def _maildir_path(self, folder: str) -> Path:
        """Maildir++ layout: INBOX is the root, A/B lives in .A.B."""
        if folder.upper() == "INBOX":
            return self.mail_root
        return self.mail_root / ("." + folder.replace("/", "."))

    def _write_config(self) -> None:
        root = self.root
        os.chmod(root, 0o755)  # login/auth processes run as dovenull/dovecot
        for sub in ("run", "state", "mail", "home"):
            (root / sub).mkdir()
        dovecot = pwd.getpwnam("dovecot")
        for sub in ("mail", "home"):
            os.chown(root / sub, dovecot.pw_uid, dovecot.pw_gid)
        passwd = root / "passwd"
        passwd.write_text("".join(f"{u}:{{PLAIN}}{p}::::::\n" for u, p in self.users.items()))
        os.chmod(passwd, 0o644)
        cleartext = ("auth_allow_cleartext = yes" if _version() >= (2, 4)
                     else "disable_plaintext_auth = no")
        caps = ""
        if self.disable_move or self.disable_idle:
            names = _CAPS_WITHOUT_MOVE.split()
            if self.disable_idle:
                names.remove("IDLE")
            if not self.disable_move:
                names.append("MOVE")
            caps = "imap_capability = " + " ".join(names)
        self.config = root / "dovecot.conf"
        self.config.write_text(f"""\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
instance_name = dovecot-test-{self.port}
log_path = {root}/dovecot.log
ssl = no
{cleartext}
auth_mechanisms = plain login
auth_failure_delay = 0
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = 1
mail_location = maildir:{root}/mail/%u
mail_uid = dovecot
mail_gid = dovecot
{caps}
namespace inbox {{
  inbox = yes
  separator = /
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {passwd}
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
""")


@pytest.fixture
def dovecot():
    """A started Dovecot with user `intake`, torn down after the test."""
    with Dovecot() as server:
        yield server
