# SPDX-License-Identifier: AGPL-3.0-or-later
"""Electronic signatures on outgoing letters: keys, PAdES signing, verification."""
from pipeline.signing.errors import SigningError

__all__ = ["SigningError"]
