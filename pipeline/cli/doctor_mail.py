# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf doctor`'s mail checks: the mailboxes, SMTP, the Sent folder, Authentication-Results.

They talk to the real servers with the same code the worker uses, so a line that says OK means
the worker will get in too.
"""
from __future__ import annotations

import email.parser
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.cli.checks import FAIL, OK, WARN, Result
from pipeline.intake.source import SourceError

RECENT = 20                 # messages whose headers are read for Authentication-Results


def checks(p) -> list[Result]:
    cfg = p.cfg
    results, headers = [], None
    for label, url in (("intake", cfg.intake), ("replies", cfg.replies)):
        if not url:
            continue
        result, seen = _guard(label, lambda: check_mailbox(p, label, url))
        results.append(result)
        if label == "replies" or headers is None:   # replies carry the authenticated actions
            headers = seen if seen is not None else headers
    results.append(_guard("smtp", lambda: (check_smtp(p), None))[0])
    results.append(authres_result(cfg, headers))
    return results


def _guard(label, check):
    try:
        return check()
    except Exception as err:                    # a check that breaks is itself a finding
        return Result(label, FAIL, f"check failed: {err}", "see the message"), None


def check_mailbox(p, label: str, url: str) -> tuple[Result, list[list[str]] | None]:
    """Log in, find the watched and filing folders; bring back recent messages' headers."""
    cfg = p.cfg
    if urlsplit(url).scheme == "maildir":
        folder = cfg.url_path(url)
        missing = [d for d in ("cur", "new", "tmp") if not (folder / d).is_dir()]
        if missing:
            return Result(label, WARN, f"no Maildir at {folder} yet (Paraf creates it, but "
                          "nothing delivers mail there)", f"point the mail delivery at {folder} "
                          f"or correct '{label}'"), []
        return Result(label, OK, f"Maildir {folder}"), _maildir_headers(folder)
    from pipeline.intake.imap import ImapSource
    try:
        source = ImapSource(url, cfg.imap_password, processed_folder=cfg.mailbox.processed_folder,
                            failed_folder=cfg.mailbox.failed_folder, timeout=10, retries=0)
        source.open()
    except ValueError as err:
        fix = "set PARAF_IMAP_PASSWORD in the EnvironmentFile"
        return Result(label, FAIL, str(err), fix), None
    except SourceError as err:
        cause = str(err)
        fix = ("check the user in config.toml and PARAF_IMAP_PASSWORD" if "login" in cause
               else "check the host, port and TLS scheme in the URL, and the firewall")
        if "no folder" in cause or "select" in cause.lower() or "exist" in cause.lower():
            fix = f"create the folder {source.folder} on the mail server or correct the URL"
        return Result(label, FAIL, cause, fix), None
    except Exception as err:                   # e.g. the watched folder does not exist
        return Result(label, FAIL, f"{url}: {err}",
                      "create the folder on the mail server or correct the URL"), None
    try:
        client = source._client                 # noqa: SLF001 - the doctor reads, never moves
        notes = []
        for folder in (cfg.mailbox.processed_folder, cfg.mailbox.failed_folder):
            if not client.folder_exists(source._server_name(folder)):
                notes.append(f"{folder} will be created at the first pass")
        sent = cfg.outbox.sent_folder
        result = Result(label, OK, f"logged in to {source.name}" + (f"; {'; '.join(notes)}"
                                                                      if notes else ""))
        if label == "intake" and sent and not client.folder_exists(source._server_name(sent)):
            result = Result(label, WARN, f"logged in, but the Sent folder '{sent}' does not exist",
                            "set [outbox] sent_folder to the folder the mail server files sent "
                            "mail in (see docs/deploy.md)")
        return result, _imap_headers(client, source)
    finally:
        source.close()


def _imap_headers(client, source) -> list[list[str]]:
    """The Authentication-Results values of the most recent messages, newest first."""
    out = []
    for folder in (source.folder, source._server_name(source.folders["processed"])):
        if not client.folder_exists(folder):
            continue
        client.select_folder(folder, readonly=True)
        uids = sorted(client.search("ALL"))[-RECENT:]
        if not uids:
            continue
        key = b"BODY[HEADER.FIELDS (AUTHENTICATION-RESULTS)]"
        fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (AUTHENTICATION-RESULTS)]"])
        for uid in reversed(uids):
            raw = fetched.get(uid, {}).get(key, b"")
            msg = email.parser.BytesHeaderParser().parsebytes(raw)
            out.append([str(v) for v in msg.get_all("Authentication-Results") or []])
    return out[:RECENT]


def _maildir_headers(folder: Path) -> list[list[str]]:
    files = [f for f in folder.rglob("*") if f.is_file() and f.parent.name in ("cur", "new")]
    files.sort(key=lambda f: f.stat().st_mtime, reverse=True)
    out = []
    for path in files[:RECENT]:
        with open(path, "rb") as fh:
            msg = email.parser.BytesHeaderParser().parse(fh)
        out.append([str(v) for v in msg.get_all("Authentication-Results") or []])
    return out


def authres_result(cfg, headers: list[list[str]] | None) -> Result:
    """Does our mail server stamp Authentication-Results with the configured authserv-id?"""
    from pipeline.core.authres import parse_header
    policy, wanted = cfg.workflow.auth_policy, cfg.workflow.authserv_id.strip().lower()
    name = "Authentication-Results"
    if policy == "off":
        return Result(name, WARN, "auth_policy = off: a reply is acted on without checking "
                      "its sender's DKIM/SPF", "stamp the header on the mail server and set "
                      "[workflow] auth_policy = \"require\"")
    if headers is None:
        return Result(name, WARN, "the mailbox could not be read", "fix the mailbox first")
    if not headers:
        return Result(name, WARN, "no mail in the mailbox yet to look at",
                      "send a test message from an OPD address and run 'paraf doctor' again")
    ids = [[h.authserv_id for h in map(parse_header, values) if h] for values in headers]
    if not wanted:
        seen = sorted({i[0] for i in ids if i})
        return Result(name, WARN, f"authserv_id is not set, so the topmost header is trusted "
                      f"(seen: {', '.join(seen) or 'none'})",
                      "set [workflow] authserv_id to your mail server's id "
                      f"{'(' + seen[0] + ')' if seen else ''} and strip that header from "
                      "incoming mail (docs/deploy.md)")
    stamped = sum(wanted in i for i in ids)
    detail = f"{stamped} of the {len(ids)} most recent messages carry '{wanted}'"
    fix = (f"make the mail server add 'Authentication-Results: {wanted}; dkim=… spf=…' to "
           "every incoming message (OpenDKIM/OpenDMARC or rspamd; docs/deploy.md)")
    if stamped == len(ids):
        return Result(name, OK, detail)
    if stamped == 0 and policy == "require":
        return Result(name, FAIL, detail + ": every reply would be refused (auth_policy = "
                      "require)", fix)
    return Result(name, WARN, detail, fix)


def check_smtp(p) -> Result:
    from pipeline.mail.transport import FileTransport, TransportError, open_transport
    transport = open_transport(p.cfg)
    if isinstance(transport, FileTransport):
        folder = p.cfg.url_path(p.cfg.smtp)
        folder.mkdir(parents=True, exist_ok=True)
        return Result("smtp", WARN, f"mail is written to {folder}, not sent",
                      "set 'smtp' to the office's mail server, e.g. smtps://user@mail:465")
    try:
        transport._connect().quit()              # noqa: SLF001 - connect, EHLO, login, quit
    except TransportError as err:
        fix = ("check the user and PARAF_SMTP_PASSWORD" if "auth" in str(err).lower()
               else "check the host, port and TLS scheme in 'smtp', and the firewall")
        return Result("smtp", FAIL, str(err), fix)
    where = f"{transport.scheme}://{transport.host}:{transport.port}"
    if not p.cfg.outbox.sent_folder:
        return Result("smtp", WARN, f"{where} accepts us; no Sent folder is configured, so a mail "
                      "cut off mid-send is held for the clerk", "set [outbox] sent_folder "
                      "(docs/deploy.md)")
    return Result("smtp", OK, f"{where} accepts us" + (" (logged in)" if transport.user else ""))
