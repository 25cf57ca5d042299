# SPDX-License-Identifier: AGPL-3.0-or-later
"""The exceptions Paraf raises on purpose. Each one means something a user can act on."""
import errno

# OS errors that are the machine's fault, never the content's: full disk, exhausted resources.
MACHINE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.ENOMEM, errno.EMFILE,
                            errno.ENFILE, errno.EROFS, errno.EAGAIN, errno.EINTR})


class ParafError(Exception):
    """Base of every error Paraf raises deliberately."""


class ConfigError(ParafError):
    """config.toml or the environment is wrong; the message names the key."""


class RulesError(ParafError):
    """A file in rules/ is invalid; the message names the file and the entry."""


class IllegalTransition(ParafError):
    """A case was asked to move along an edge the state machine does not have."""


class NotFound(ParafError):
    """The agenda entry, message or mail asked for does not exist."""


class Transient(ParafError):
    """The surroundings failed, not the work: a full disk, a dropped database connection, a
    killed helper process. Nothing was recorded; the same work is tried again later."""


class Interrupted(Transient):
    """A helper process was killed from outside (not by its own limits) while it worked."""


def is_transient(err: BaseException | None) -> bool:
    """True when ERR, or an error it was raised from, is the surroundings' fault (a full disk,
    a dropped database connection, a killed helper), not the work's."""
    from sqlalchemy.exc import DBAPIError, OperationalError
    seen = 0
    while err is not None and seen < 10:
        if isinstance(err, (Transient, OperationalError)):
            return True
        if isinstance(err, DBAPIError) and err.connection_invalidated:
            return True
        if isinstance(err, OSError) and err.errno in MACHINE_ERRNOS:
            return True
        err, seen = err.__cause__ or err.__context__, seen + 1
    return False
