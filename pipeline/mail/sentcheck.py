# SPDX-License-Identifier: AGPL-3.0-or-later
"""Did the mail server already accept this message? Ask the Sent folder it files copies in.

Most office mail systems (Gmail, Exchange, many Dovecot/Postfix set-ups) file every message
they accept over SMTP into the sender's Sent folder. When the config names that folder, a mail
left 'sending' by a crash is looked up there by its Message-ID: found means sent, absent means
the server never took it. Paraf never appends the copy itself: a crash between sending and
appending would then read as 'not sent' and the OPD would get the mail twice.
"""
from __future__ import annotations

import logging

from imapclient import IMAPClient

from pipeline.intake.imap import ImapSource

log = logging.getLogger(__name__)


class ImapSentFolder:
    def __init__(self, url: str, password: str | None, folder: str, timeout: float = 30):
        self.source = ImapSource(url, password, timeout=timeout, retries=1)
        self.folder = folder

    def __call__(self, message_id: str) -> bool | None:
        """True or False from the server; None when it cannot be asked."""
        try:
            self.source.open()
            client: IMAPClient = self.source._client
            client.select_folder(self.folder, readonly=True)
            return bool(client.search(["HEADER", "Message-ID", message_id.strip()]))
        except Exception as err:          # unknown means the clerk decides, never a resend
            log.warning("cannot check %s in %s: %s", message_id, self.folder, err)
            return None
        finally:
            try:
                self.source.close()
            except Exception:
                pass
