# SPDX-License-Identifier: AGPL-3.0-or-later
"""config.toml, validated into frozen dataclasses.

An unknown key, a wrong type or a missing secret stops the program with one line that names the
key, because a typo in an office's config must not silently fall back to a default.
"""
from __future__ import annotations

import dataclasses
import os
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.core.errors import ConfigError

CONFIG_ENV = "PARAF_CONFIG"


@dataclass(frozen=True)
class Office:
    """Who we are: printed on receipts and used as the From: of outgoing mail."""
    name: str = "Inspektorat Daerah Kota Pekalongan"
    government: str = "Pemerintah Kota Pekalongan"
    short_name: str = "Inspektorat"
    city: str = "Pekalongan"
    address: str = "Jl. Mataram No. 1, Pekalongan"
    email: str = "konsultasi@inspektorat.example.go.id"
    timezone: str = "Asia/Jakarta"
    # The letterhead (kop) of the answer letters: contacts as printed, and the region's emblem
    # (a PNG, relative to this file; "" = none). Empty contact fields are left out.
    phone: str = ""
    fax: str = ""
    website: str = ""
    emblem: str = ""


@dataclass(frozen=True)
class Mailbox:
    """Where intake mail goes once handled; nothing is ever deleted."""
    processed_folder: str = "Paraf/Processed"
    failed_folder: str = "Paraf/Failed"
    chunk: int = 50
    poll_seconds: int = 60
    idle: bool = True
    poison_tries: int = 3          # starts without an outcome before a message is `failed`


@dataclass(frozen=True)
class Outbox:
    max_attempts: int = 8
    retry_base_seconds: int = 30
    sent_folder: str = ""


@dataclass(frozen=True)
class Service:
    """The service promise of the SOPs: a written answer within N working days."""
    answer_working_days: int = 3
    extra_holidays: list[str] = field(default_factory=list)
    low_confidence: float = 0.6


@dataclass(frozen=True)
class Limits:
    """Bounds for reading untrusted documents and messages."""
    max_message_bytes: int = 40_000_000
    max_attachment_bytes: int = 25_000_000
    max_pages: int = 500
    max_decompressed_bytes: int = 50_000_000
    seconds_per_document: int = 30
    memory_mb: int = 768
    max_mime_depth: int = 8
    max_parts: int = 100


@dataclass(frozen=True)
class Workflow:
    """Disposition, drafting and paraf: modes, service targets in working hours, reply checks."""
    disposition: str = "confirm"        # auto: the routing rule decides; confirm: the Inspector
    office_hours: str = "07:30-16:00"
    check_hours: float = 2.0            # the clerk's completeness check of a web request
    disposition_hours: float = 2.0
    drafting_hours: float = 8.5         # one working day
    paraf_hours: float = 4.25           # half a working day
    escalate_after: float = 2.0         # remind at the target, escalate at this multiple of it
    # Sender authentication (pipeline.core.senderauth, docs/security.md). auto = require when
    # authserv_id is set, else prefer; off is for tests and warns at every start.
    auth_policy: str = "auto"           # auto | require | prefer | off
    authserv_id: str = ""               # our receiving server's id in Authentication-Results
    our_hosts: list[str] = field(default_factory=list)   # our MTAs' names/IPs in Received
    arc_sealers: list[str] = field(default_factory=list)  # forwarders whose ARC seal we trust
    shared_domains: list[str] = field(default_factory=list)  # many people's domains (+free mail)


@dataclass(frozen=True)
class Signing:
    """The Inspector's key (PKCS#12; its passphrase is never stored) and the verify page."""
    pkcs12: str = "keys/inspektur.p12"
    trust_pem: str = "keys/inspektur.pem"
    verify_url: str = "https://inspektorat.example.go.id/verifikasi"
    digest_times: list[str] = field(default_factory=lambda: ["08:00", "14:00"])
    # The Inspector may answer the digest with TTD/TOLAK; the worker then holds the key's
    # passphrase (PARAF_SIGN_PASSPHRASE), so this is off unless an office chooses it.
    sign_by_reply: bool = False
    stamp_font: str = ""            # a .ttf for the signature block; default Liberation Sans
    # Long-term validity: an RFC 3161 time-stamping authority gives PAdES B-T (credentials,
    # when it needs them, from PARAF_TSA_USER / PARAF_TSA_PASSWORD); with embed_validation
    # the chain's OCSP/CRL answers go into the PDF (B-LT).
    tsa_url: str = ""
    tsa_timeout: float = 10.0
    embed_validation: bool = False
    archive_renew_days: int = 180   # `paraf archive timestamp`: renew this long before expiry


@dataclass(frozen=True)
class Web:
    """`paraf web`: the public form, tracking pages and the staff pages."""
    listen: str = "127.0.0.1:8080"
    workers: int = 2                             # server processes; one per core is right
    threads: int = 16                            # page threads per process
    base_url: str = "http://127.0.0.1:8080"      # how visitors reach it; printed in mails
    secure_cookies: bool = True                  # false only for plain http off loopback
    session_hours: float = 9.0
    max_files: int = 5
    max_file_bytes: int = 10_000_000
    requests_per_address_hour: int = 5           # form submissions per e-mail address
    requests_per_ip_hour: int = 20
    login_attempts: int = 5                      # failures per account before delays start
    login_max_delay_seconds: int = 60            # delays double from 1 s up to this; no lock-out
    login_window_minutes: int = 15               # failures older than this are forgotten
    lockout_minutes: int = 15                    # ignored (there is no lock-out); older files load
    trusted_proxies: list[str] = field(default_factory=list)   # reverse proxies (IP or CIDR)
    tracking_days: int = 365                     # a tracking link works this long after closing
    verify_per_ip_hour: int = 60                 # /verifikasi look-ups and uploads per address


@dataclass(frozen=True)
class Worker:
    intake_seconds: int = 60
    outbox_seconds: int = 300      # the safety-net period; work is handed on at commit


@dataclass(frozen=True)
class Config:
    database: str = "sqlite:///paraf.db"
    intake: str = "maildir://intake"
    replies: str = ""               # a second mailbox for officials' replies; "" = the intake
    smtp: str = "file://outbox/sent"
    data_dir: str = "data"
    rules_dir: str = "rules"
    outbox_dir: str = "outbox"
    office: Office = field(default_factory=Office)
    mailbox: Mailbox = field(default_factory=Mailbox)
    outbox: Outbox = field(default_factory=Outbox)
    service: Service = field(default_factory=Service)
    limits: Limits = field(default_factory=Limits)
    worker: Worker = field(default_factory=Worker)
    workflow: Workflow = field(default_factory=Workflow)
    signing: Signing = field(default_factory=Signing)
    web: Web = field(default_factory=Web)
    # Not from the file: where the file lives, and the secrets from the environment.
    base_dir: Path = field(default=Path("."), compare=False)
    imap_password: str | None = field(default=None, repr=False, compare=False)
    smtp_password: str | None = field(default=None, repr=False, compare=False)
    secret: bytes | None = field(default=None, repr=False, compare=False)

    def path(self, value: str) -> Path:
        """A path from the config, relative to the config file's folder."""
        p = Path(value).expanduser()
        return p if p.is_absolute() else self.base_dir / p

    @property
    def data_path(self) -> Path:
        return self.path(self.data_dir)

    @property
    def rules_path(self) -> Path:
        return self.path(self.rules_dir)

    @property
    def outbox_path(self) -> Path:
        return self.path(self.outbox_dir)

    @property
    def scratch_path(self) -> Path:
        """Work folders of helper programs (LibreOffice): inside the workspace, not /tmp
        (`core/scratch.py` makes and sweeps them)."""
        return self.base_dir / "tmp"

    @property
    def database_url(self) -> str:
        """SQLite paths are taken relative to the config file, like every other path."""
        if self.database.startswith("sqlite:///") and not self.database.startswith("sqlite:////"):
            rel = self.database[len("sqlite:///"):]
            if rel and rel != ":memory:":
                return "sqlite:///" + str(self.path(rel))
        return self.database

    def url_path(self, url: str) -> Path:
        """The folder of a maildir:// or file:// URL, relative to the config file."""
        parts = urlsplit(url)
        return self.path(parts.netloc + parts.path)


_SECTIONS = {f.name: f.type for f in dataclasses.fields(Config)}
_NOT_FROM_FILE = {"base_dir", "imap_password", "smtp_password", "secret"}
_CHOICES = {"workflow.disposition": ("auto", "confirm"),
            "workflow.auth_policy": ("auto", "require", "prefer", "off")}


def _build(cls, data: dict, prefix: str):
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)} - _NOT_FROM_FILE
    for key in data:
        if key not in known:
            raise ConfigError(f"config: unknown key '{prefix}{key}'")
    values = {}
    for name in known & set(data):
        values[name] = _check(hints[name], data[name], prefix + name)
        allowed = _CHOICES.get(prefix + name)
        if allowed and values[name] not in allowed:
            raise ConfigError(f"config: '{prefix}{name}' must be one of {', '.join(allowed)}")
    return cls(**values)


def _check(hint, value, key: str):
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise ConfigError(f"config: '{key}' must be a table ([{key}])")
        return _build(hint, value, key + ".")
    origin = typing.get_origin(hint)
    if origin is list:
        (item,) = typing.get_args(hint)
        if not isinstance(value, list) or not all(isinstance(v, item) for v in value):
            raise ConfigError(f"config: '{key}' must be a list of {item.__name__}")
        return list(value)
    expected = {int: "an integer", float: "a number", str: "a string", bool: "true or false"}[hint]
    ok = isinstance(value, hint) and not (hint is int and isinstance(value, bool))
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        value, ok = float(value), True
    if not ok:
        raise ConfigError(f"config: '{key}' must be {expected}, got {type(value).__name__}")
    return value


def _needs_password(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in ("maildir", "file", "") and bool(parts.username)


def from_dict(data: dict, base_dir: Path, env: typing.Mapping[str, str] = os.environ) -> Config:
    """Validate a parsed config and attach the secrets from the environment."""
    cfg = _build(Config, data, "")
    for key, scheme_ok in (("intake", ("imap", "imaps", "imap+starttls", "maildir")),
                           ("replies", ("imap", "imaps", "imap+starttls", "maildir")),
                           ("smtp", ("smtp", "smtps", "smtp+starttls", "file"))):
        scheme = urlsplit(getattr(cfg, key)).scheme
        if key == "replies" and not cfg.replies:
            continue
        if scheme not in scheme_ok:
            raise ConfigError(f"config: '{key}' must be a URL with one of the schemes "
                              f"{', '.join(scheme_ok)}; got '{scheme or getattr(cfg, key)}'")
    secrets = {}
    for key, var in (("intake", "PARAF_IMAP_PASSWORD"), ("smtp", "PARAF_SMTP_PASSWORD")):
        if _needs_password(getattr(cfg, key)):
            if not env.get(var):
                raise ConfigError(f"config: '{key}' names a user, so the environment variable "
                                  f"{var} must hold the password")
            secrets["imap_password" if key == "intake" else "smtp_password"] = env[var]
    if env.get("PARAF_SECRET"):
        if len(env["PARAF_SECRET"]) < 32:
            raise ConfigError("config: the environment variable PARAF_SECRET must hold at least "
                              "32 characters (it signs the tokens in approval e-mails)")
        secrets["secret"] = env["PARAF_SECRET"].encode()
    return dataclasses.replace(cfg, base_dir=base_dir.resolve(), **secrets)


def load(path: str | Path | None = None, env: typing.Mapping[str, str] = os.environ) -> Config:
    """Read config.toml from PATH, $PARAF_CONFIG or ./config.toml."""
    path = Path(path or env.get(CONFIG_ENV) or "config.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config: no file at {path} (run 'paraf init DIR' to make one)") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"config: {path} is not valid TOML: {err}") from None
    return from_dict(data, path.parent, env)
