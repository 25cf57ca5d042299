# SPDX-License-Identifier: AGPL-3.0-or-later
"""Intake: a message from the mailbox (IMAP or Maildir) to an agenda entry, exactly once.

`runner` fetches, `consume` stores, parses and reads it, the `chain` of `checks` decides, and
`register` puts the case in the book and answers the sender (`notices`).
"""
