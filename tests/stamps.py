# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the office's receiving server adds on top of a message: its Authentication-Results and
its Received (the border hop), as Postfix with OpenDKIM/OpenDMARC writes them."""
from __future__ import annotations

OURS = "mx.inspektorat.example.go.id"


def received(client="mail.sender.example [203.0.113.5]", by=OURS) -> str:
    return (f"from {client.split()[0]} ({client}) by {by} (Postfix) with ESMTPS id 4Xy1;"
            f" Mon, 23 Nov 2026 09:00:00 +0700")


def ar(results: str, authserv=OURS) -> str:
    return f"{authserv};\r\n\t{results}"


def stamp(raw: bytes, results: str | None, *, authserv=OURS, above: list[tuple[str, str]] = (),
          client="mail.sender.example [203.0.113.5]") -> bytes:
    """RAW as our server delivers it: ABOVE (extra headers our side adds), our A-R with
    RESULTS (None: our server stamped nothing) and the border Received, on top."""
    lines = [f"{n}: {v}" for n, v in above]
    if results is not None:
        lines.append("Authentication-Results: " + ar(results, authserv))
    lines.append("Received: " + received(client))
    return ("\r\n".join(lines) + "\r\n").encode() + raw


def trace_of(raw: bytes):
    """The trace pairs pipeline.intake.parse hands to senderauth."""
    from pipeline.intake.parse import parse
    return parse(raw).trace
