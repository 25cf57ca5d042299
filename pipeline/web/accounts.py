# SPDX-License-Identifier: AGPL-3.0-or-later
"""Staff accounts: who may sign in to the web pages, and with which role.

Passwords are hashed with Argon2id (argon2-cffi); failed logins are counted on the account and
slowed down by `pipeline.web.throttle`, never locked. Every change to an account is an event in
the office's chain.
"""
from __future__ import annotations

import secrets
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.core.errors import ParafError
from pipeline.core.events import append_office_event
from pipeline.core.models import User

ROLES = ("clerk", "official", "inspector", "admin")
MIN_PASSWORD = 10
_hasher = PasswordHasher()
# Verified against when the user does not exist, so an unknown name costs the same time.
_DUMMY = _hasher.hash(secrets.token_urlsafe(16))


class AccountError(ParafError):     # shown on the administrator's page: Indonesian
    """An account cannot be created or changed as asked."""


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"kata sandi paling sedikit {MIN_PASSWORD} karakter")


def add(session: Session, username: str, name: str, role: str, password: str, *,
        official: str | None, actor: str, now: datetime) -> User:
    username = username.strip().lower()
    if role not in ROLES:
        raise AccountError(f"peran harus salah satu dari: {', '.join(ROLES)}")
    if not username or not username.replace("-", "").replace(".", "").replace("_", "").isalnum():
        raise AccountError("nama pengguna hanya boleh berisi huruf, angka, '.', '-' atau '_'")
    if session.scalar(select(User).where(User.username == username)):
        raise AccountError(f"sudah ada pengguna bernama '{username}'")
    if role in ("official", "inspector") and not official:
        raise AccountError(("akun pejabat dan Inspektur harus dihubungkan dengan jabatannya "
                           "(kode pejabat; --official di baris perintah)"))
    check_password(password)
    user = User(username=username, name=name, role=role, official=official,
                password_hash=_hasher.hash(password), active=True, must_change=False,
                failed_logins=0, created_at=now, password_changed_at=now)
    session.add(user)
    session.flush()
    append_office_event(session, "user_added", actor=actor, at=now,
                        data={"user": username, "role": role, "official": official})
    return user


def get(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise AccountError(f"tidak ada pengguna bernama '{username}'")
    return user


def disable(session: Session, username: str, *, actor: str, now: datetime) -> User:
    user = get(session, username)
    user.active = False
    end_sessions(session, user)
    append_office_event(session, "user_disabled", actor=actor, at=now, data={"user": username})
    return user


def reset(session: Session, username: str, password: str, *, actor: str, now: datetime,
          must_change: bool = True) -> User:
    """A new password (the user must change it at the next login); signs out every browser."""
    check_password(password)
    user = get(session, username)
    user.password_hash = _hasher.hash(password)
    user.password_changed_at, user.must_change = now, must_change
    user.failed_logins, user.locked_until, user.active = 0, None, True
    end_sessions(session, user)
    append_office_event(session, "user_reset", actor=actor, at=now, data={"user": username})
    return user


def authenticate(session: Session, username: str, password: str, *,
                 now: datetime) -> tuple[User | None, str | None]:
    """(user, None) when the password is right and the account usable; (None, why) otherwise.

    The reason is for the log; the visitor is always told the same thing. There is no
    lock-out: `pipeline.web.throttle` slows repeated failures down instead.
    """
    user = session.scalar(select(User).where(User.username == username.strip().lower())
                          .with_for_update())
    if user is None:
        _verify(_DUMMY, password)
        return None, "unknown user"
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        return None, "wrong password"
    if not user.active:
        return None, "disabled"
    user.failed_logins, user.locked_until = 0, None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user, None


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def end_sessions(session: Session, user: User) -> None:
    from pipeline.core.models import WebSession
    for row in session.scalars(select(WebSession).where(WebSession.user_id == user.id)):
        session.delete(row)


def change_role(session: Session, username: str, role: str, *, official: str | None,
                actor: str, now: datetime) -> User:
    """A new role (and official code) for USERNAME; signs out every browser of theirs, so the
    new rights apply from the next login."""
    if role not in ROLES:
        raise AccountError(f"peran harus salah satu dari: {', '.join(ROLES)}")
    if role in ("official", "inspector") and not official:
        raise AccountError(("akun pejabat dan Inspektur harus dihubungkan dengan jabatannya "
                           "(kode pejabat; --official di baris perintah)"))
    user = get(session, username)
    before = {"role": user.role, "official": user.official}
    user.role, user.official = role, official or None
    end_sessions(session, user)
    append_office_event(session, "user_role", actor=actor, at=now,
                        data={"user": user.username, "before": before,
                              "after": {"role": role, "official": official or None}})
    return user


def one_time_password() -> str:
    """A random password shown once to the admin, to be changed at the first login."""
    return secrets.token_urlsafe(12)
