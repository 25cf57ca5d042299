# SPDX-License-Identifier: AGPL-3.0-or-later
"""Outgoing mail: the outbox (spooled, recorded, then sent once), its transports, and the
check of the server's Sent folder after an uncertain send."""
