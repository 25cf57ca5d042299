# SPDX-License-Identifier: AGPL-3.0-or-later
"""The signing package's own error, so callers can tell a signing problem from others."""
from pipeline.core.errors import ParafError


class SigningError(ParafError):
    """A key, passphrase or signing input is unusable; the message says which, never a secret."""
