# SPDX-License-Identifier: AGPL-3.0-or-later
"""Several server processes on one port, each with a listening socket of its own.

uvicorn's own workers share one socket, and a process that wins a burst of accepts keeps those
keep-alive connections: with 50 clients arriving at once one process got twice the clients of
the other, and was the bottleneck while the other idled. With SO_REUSEPORT the kernel spreads
connections evenly over the processes' sockets (as nginx's `reuseport`). A process that dies
is started again; SIGINT or SIGTERM stops them all.
"""
from __future__ import annotations

import multiprocessing
import socket
import time

from pipeline.core.errors import ParafError
from pipeline.core.stopsignals import note_signals


def _socket(host: str, port: int, *, share: bool) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if share:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def _serve(host: str, port: int, options: dict) -> None:
    import uvicorn
    sock = _socket(host, port, share=True)
    sock.listen(2048)
    config = uvicorn.Config("pipeline.web.asgi:create", factory=True, **options)
    uvicorn.Server(config).run(sockets=[sock])


def run(host: str, port: int, workers: int, options: dict) -> None:
    """Serve the app from WORKERS processes on HOST:PORT until told to stop."""
    try:                           # another server there would silently share the port
        _socket(host, port, share=False).close()
    except OSError as err:
        raise ParafError(f"cannot listen on {host}:{port}: {err.strerror}") from err
    spawn = multiprocessing.get_context("spawn")

    def start():
        process = spawn.Process(target=_serve, args=(host, port, options), daemon=False)
        process.start()
        return process

    signalled, restore = note_signals()
    processes = [start() for _ in range(workers)]
    try:
        while not signalled:
            time.sleep(0.5)
            processes = [p if p.is_alive() else start() for p in processes]
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
        restore()
