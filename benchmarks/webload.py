# SPDX-License-Identifier: AGPL-3.0-or-later
"""A small closed-loop load generator: C clients, each sending its next request as soon as the
previous one is answered, for a fixed time; latencies are measured on the client side."""
from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass
from typing import Awaitable, Callable

import httpx2 as httpx


@dataclass
class Figures:
    name: str
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    failures: dict | None = None

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def line(self) -> str:
        return (f"{self.name:<34} {self.requests:>6} req {self.rps:>7.1f} req/s   "
                f"p50 {self.p50_ms:>6.1f} ms   p95 {self.p95_ms:>6.1f} ms   "
                f"p99 {self.p99_ms:>6.1f} ms   errors {self.errors}"
                + (f" {self.failures}" if self.errors else ""))


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def _run(name: str, base: str, clients: int, seconds: float,
               setup: Callable[[httpx.AsyncClient], Awaitable[object]],
               request: Callable[[httpx.AsyncClient, object, int], Awaitable[httpx.Response]],
               ok: Callable[[httpx.Response], bool]) -> Figures:
    latencies: list[float] = []
    errors = 0
    statuses: dict[str, int] = {}
    counter = 0

    async def one_client() -> None:
        nonlocal errors, counter
        async with httpx.AsyncClient(base_url=base, timeout=30, follow_redirects=False) as c:
            state = await setup(c)
            while time.perf_counter() < deadline:
                counter += 1
                started = time.perf_counter()
                try:
                    response = await request(c, state, counter)
                    good = ok(response)
                    if not good:
                        key = str(response.status_code)
                        statuses[key] = statuses.get(key, 0) + 1
                except httpx.HTTPError as err:
                    good = False
                    statuses[type(err).__name__] = statuses.get(type(err).__name__, 0) + 1
                latencies.append((time.perf_counter() - started) * 1000)
                if not good:
                    errors += 1

    start = time.perf_counter()
    deadline = start + seconds
    await asyncio.gather(*(one_client() for _ in range(clients)))
    elapsed = time.perf_counter() - start
    return Figures(name, len(latencies), errors, elapsed, statistics.median(latencies),
                   percentile(latencies, 0.95), percentile(latencies, 0.99), statuses)


def run(name, base, clients, seconds, setup, request, ok=lambda r: r.status_code < 400):
    return asyncio.run(_run(name, base, clients, seconds, setup, request, ok))
