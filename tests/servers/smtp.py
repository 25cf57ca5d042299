# SPDX-License-Identifier: AGPL-3.0-or-later
"""A real SMTP server on loopback (aiosmtpd) that remembers what it received.

Tests talk to it with the production smtplib code, and can make it answer the next DATA
commands with a temporary (451) or permanent (550) refusal, demand AUTH, or accept a message and
then drop the connection before replying, which is what a crash or network cut looks like to us.
"""
from __future__ import annotations

import errno
import socket
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    login: str | None


@dataclass
class Handler:
    messages: list[Received] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)     # replies for the next DATA commands
    drop_next: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.refusals:
                return self.refusals.pop(0)
            login = session.auth_data.login.decode() if isinstance(
                session.auth_data, LoginPassword) else None
            self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos),
                                          envelope.original_content or envelope.content, login))
            if self.drop_next:
                self.drop_next -= 1
                server.transport.close()        # accepted, but the client never hears so
            return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: Handler
    user: str | None = None

    @property
    def messages(self) -> list[Received]:
        return self.handler.messages

    def url(self) -> str:
        who = f"{self.user}@" if self.user else ""
        return f"smtp://{who}{self.host}:{self.port}"

    def fail_next(self, count: int, code: int = 451) -> None:
        """Answer the next COUNT DATA commands with CODE (4xx temporary, 5xx permanent)."""
        text = "Try again later" if code < 500 else "Mailbox unavailable"
        with self.handler.lock:
            self.handler.refusals.extend([f"{code} {text}"] * count)

    def drop_after_accepting(self, count: int = 1) -> None:
        """Keep the next COUNT messages but close the connection instead of answering 250."""
        with self.handler.lock:
            self.handler.drop_next += count


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextmanager
def running_smtp_server(user: str | None = None,
                        password: str | None = None) -> Iterator[SmtpServer]:
    """Start a server on a free loopback port; with USER, AUTH (PLAIN/LOGIN) is offered and
    each message records who logged in."""
    handler = Handler()
    kwargs = {}
    if user:
        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
                  and auth_data.password == (password or "").encode())
            return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
        kwargs = dict(authenticator=authenticator, auth_require_tls=False)
    for _ in range(5):                      # the free port may be taken between probe and bind
        controller = Controller(handler, hostname=HOST, port=_free_port(), **kwargs)
        try:
            controller.start()
            break
        except OSError as err:
            if err.errno != errno.EADDRINUSE:
                raise
    else:
        raise RuntimeError("no free loopback port for the test SMTP server")
    try:
        yield SmtpServer(HOST, controller.port, handler, user)
    finally:
        controller.stop()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    with running_smtp_server() as server:
        yield server


class WorkerCrash(BaseException):
    """Stands for the process dying: a BaseException, so no `except Exception` swallows it."""


def crash_after_send(monkeypatch) -> None:
    """Make the worker 'die' after the transport returned but before the row is marked sent."""
    from pipeline.mail import outbox

    def crash(*_args, **_kwargs):
        raise WorkerCrash("worker killed after the server accepted the message")
    monkeypatch.setattr(outbox, "_record_sent", crash)
