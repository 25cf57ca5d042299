# SPDX-License-Identifier: AGPL-3.0-or-later
"""Which address a request really came from, for the per-address limits.

Behind the office's reverse proxy every request arrives from the proxy, so per-address limits
would count the whole town as one visitor. X-Forwarded-For is believed only when the request
comes from a proxy listed in `[web] trusted_proxies`: walking it from the right, trusted hops
are skipped and the first address that is not a listed proxy is the client. Anything to its
left was written by the client itself and is ignored.
"""
from __future__ import annotations

import functools
import ipaddress

from pipeline.core.errors import ConfigError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@functools.lru_cache(maxsize=8)
def networks(trusted: tuple[str, ...]) -> tuple[Network, ...]:
    """`[web] trusted_proxies` as networks; a wrong entry stops the server at start."""
    out = []
    for item in trusted:
        try:
            out.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            raise ConfigError(f"config: 'web.trusted_proxies' has '{item}', which is not an "
                              f"IP address or network") from None
    return tuple(out)


def _address(text: str):
    text = text.strip().strip('"')
    if text.startswith("[") and "]" in text:          # [v6]:port
        text = text[1:text.index("]")]
    elif text.count(":") == 1:                        # v4:port
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address, nets: tuple[Network, ...]) -> bool:
    return address is not None and any(address in net for net in nets)


def client_address(peer: str | None, forwarded_for: list[str], trusted: tuple[str, ...]) -> str:
    """The client's address: PEER, or when PEER is a trusted proxy the right-most address in
    FORWARDED_FOR (every X-Forwarded-For header, in order) that is not a trusted proxy."""
    peer = peer or "?"
    nets = networks(tuple(trusted))
    if not nets or not _trusted(_address(peer), nets):
        return peer
    hops = [h for value in forwarded_for for h in value.split(",") if h.strip()]
    last = peer
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:            # garbage in the header: the last proxy is all we know
            return last
        if not _trusted(address, nets):
            return str(address)
        last = str(address)
    return last
