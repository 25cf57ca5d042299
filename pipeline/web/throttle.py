# SPDX-License-Identifier: AGPL-3.0-or-later
"""Failed sign-ins slow the guesser down; they never lock the real user out.

Failures are counted per account name (known or not, so the delay tells nothing about which
names exist) and per client address. After the free failures, each further try must wait
1 s, 2 s, 4 s … up to a cap after the last failure; a try during the wait is refused without
checking the password and without extending the wait. The real user waits at most the cap,
while a guesser gets at most one guess per cap per account. A success forgets the account's
failures (not the address's: one valid account must not reset a spraying address).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from pipeline.core.db import utc
from pipeline.core.models import RateHit
from pipeline.web.ratelimit import recent, record

ACCOUNT, ADDRESS = "login-user", "login-ip"
FREE_PER_ADDRESS = 30        # an office behind one NAT address shares this


@dataclass(frozen=True)
class Keys:
    account: str
    address: str

    @classmethod
    def of(cls, username: str, address: str) -> "Keys":
        return cls(username.strip().lower()[:64] or "?", address)

    def pairs(self, web) -> list[tuple[str, str, int]]:
        return [(ACCOUNT, self.account, web.login_attempts),
                (ADDRESS, self.address, max(FREE_PER_ADDRESS, web.login_attempts))]


def delay(failures: int, free: int, cap: int) -> float:
    """Seconds to wait after the last of FAILURES: 0 within FREE, then doubling, capped."""
    if failures < free:
        return 0.0
    return float(min(2 ** min(failures - free, 30), cap))


def wait(session: Session, keys: Keys, web, now: datetime) -> int:
    """Whole seconds before the next try may be checked; 0 when it may be checked now."""
    since = now - timedelta(minutes=web.login_window_minutes)
    longest = 0.0
    for bucket, key, free in keys.pairs(web):
        count, last = recent(session, bucket, key, since)
        if last is not None:
            left = delay(count, free, web.login_max_delay_seconds) - \
                (now - utc(last)).total_seconds()
            longest = max(longest, left)
    return int(-(-longest // 1)) if longest > 0 else 0


def failed(session: Session, keys: Keys, web, now: datetime) -> None:
    for bucket, key, _ in keys.pairs(web):
        record(session, bucket, key, now)


def succeeded(session: Session, keys: Keys) -> None:
    session.execute(delete(RateHit).where(RateHit.bucket == ACCOUNT,
                                          RateHit.key == keys.account))
