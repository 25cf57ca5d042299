# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf doctor`'s checks of the machine: config, database, clock, secret, tools, key, disk.

`fail` means some of the work would stop (mail not read, letters not signed, requests not
sent); `warn` means it works now but needs attention soon.
"""
from __future__ import annotations

import math
import shutil
import string
import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

OK, WARN, FAIL = "ok", "warn", "fail"
CERT_WARN_DAYS = 30
CLOCK_WARN, CLOCK_FAIL = timedelta(seconds=30), timedelta(minutes=5)


@dataclass
class Result:
    name: str
    level: str
    detail: str
    fix: str = ""

    def line(self) -> str:
        tag = {OK: " OK ", WARN: "WARN", FAIL: "FAIL"}[self.level]
        text = f"[{tag}] {self.name}: {self.detail}"
        return text + (f" -> fix: {self.fix}" if self.fix and self.level != OK else "")


@dataclass
class Probe:
    """What the checks share: the config (once it loads), the environment and the clock."""
    cfg: object
    env: dict
    now: Callable[[], datetime]
    min_free_gb: float
    engine: object = None


def check_config(config_path, env) -> tuple[object, list[Result]]:
    from pipeline.core import config as config_mod
    from pipeline.core.errors import ParafError
    try:
        cfg = config_mod.load(config_path, env=env)
    except ParafError as err:
        return None, [Result("config", FAIL, str(err),
                             "correct config.toml (or the environment variable it names); "
                             "'paraf init DIR' writes a commented example")]
    where = Path(config_path or env.get(config_mod.CONFIG_ENV) or "config.toml")
    results = [Result("config", OK, f"{where} is valid")]
    from pipeline.core.rulecheck import check_rules
    try:
        problems = check_rules(cfg.rules_path)
    except ParafError as err:
        problems = [str(err)]
    if problems:
        results.append(Result("rules", FAIL, f"{len(problems)} problem(s) in {cfg.rules_path}, "
                              f"first: {problems[0]}", "run 'paraf rules check' and correct "
                              "the files it names"))
    else:
        results.append(Result("rules", OK, f"{cfg.rules_path} is valid"))
    return cfg, results


def check_database(p: Probe) -> Result:
    from alembic.script import ScriptDirectory
    from sqlalchemy import text

    from pipeline.core import db
    url = p.cfg.database_url
    kind = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
    try:
        if kind == "SQLite" and not Path(url.removeprefix("sqlite:///")).exists():
            return Result("database", FAIL, f"no SQLite file at {url.removeprefix('sqlite:///')}",
                          "run 'paraf migrate' to create it, or restore a backup")
        if kind == "PostgreSQL" and "connect_timeout" not in url:     # answer, don't hang
            url += ("&" if "?" in url else "?") + "connect_timeout=10"
        p.engine = db.make_engine(url, writer=False)
        with p.engine.connect() as conn:
            conn.execute(text("select 1"))
        current = db.current_revision(p.engine)
    except Exception as err:                       # any driver's error means: not reachable
        p.engine = None
        return Result("database", FAIL, f"{kind} not reachable: {str(err).splitlines()[0]}",
                      "start the database server and check 'database' in config.toml")
    script = ScriptDirectory.from_config(db.alembic_config(p.engine))
    head = script.get_current_head()
    if current == head:
        return Result("database", OK, f"{kind} reachable, schema at {head} (head)")
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        return Result("database", FAIL, f"schema {current} is newer than this Paraf ({head})",
                      "install the Paraf version that wrote this database, or restore a backup")
    return Result("database", FAIL, f"schema at {current or 'none'}, this Paraf needs {head}",
                  "run 'paraf migrate' (the systemd units do so before starting)")


def check_clock(p: Probe) -> Result:
    """Tokens, due dates and DKIM all read the clock: compare it with the database server's."""
    from sqlalchemy import text
    theirs = None
    if p.engine is not None and p.engine.dialect.name == "postgresql":
        with p.engine.connect() as conn:
            theirs = conn.execute(text("select now()")).scalar_one()
        source = "the PostgreSQL server"
    if theirs is None:
        return _clock_from_ntp()
    skew = p.now() - theirs
    size = abs(skew)
    side = "ahead of" if skew > timedelta(0) else "behind"
    detail = f"{size.total_seconds():.1f} s {side} {source}"
    level = FAIL if size > CLOCK_FAIL else WARN if size > CLOCK_WARN else OK
    return Result("clock", level, detail, "enable time synchronisation on both machines "
                  "(timedatectl set-ntp true, or chrony)")


def _clock_from_ntp() -> Result:
    exe = shutil.which("timedatectl")
    if exe:
        out = subprocess.run([exe, "show", "-p", "NTPSynchronized", "--value"],
                             capture_output=True, text=True).stdout.strip()
        if out == "yes":
            return Result("clock", OK, "synchronised by NTP (timedatectl)")
        if out == "no":
            return Result("clock", WARN, "not synchronised by NTP", "timedatectl set-ntp true")
    return Result("clock", WARN, "no server time to compare with (SQLite) and no timedatectl",
                  "make sure the machine's clock is kept by NTP (chrony or systemd-timesyncd)")


def secret_bits(secret: str) -> float:
    """A rough upper bound on the secret's entropy: length times the alphabet it draws from,
    and near zero for a repeated pattern or a handful of distinct characters."""
    n = len(secret)
    for k in range(1, n // 2 + 1):
        if n % k == 0 and secret == secret[:k] * (n // k):
            return k * math.log2(max(len(set(secret)), 2))
    if all(c in string.hexdigits for c in secret):
        alphabet = 16
    else:
        classes = ((string.ascii_lowercase, 26), (string.ascii_uppercase, 26), (string.digits, 10))
        alphabet = sum(size for chars, size in classes if any(c in chars for c in secret))
        alphabet += 32 if any(c not in string.ascii_letters + string.digits for c in secret) else 0
    distinct = len(set(secret))
    if distinct < 8:                          # "aaaa...", "abab...": a handful of symbols
        return distinct * math.log2(max(distinct, 2))
    return n * math.log2(alphabet)


def check_secret(p: Probe) -> Result:
    fix = "set PARAF_SECRET in the EnvironmentFile to the output of " \
          "'python3 -c \"import secrets; print(secrets.token_urlsafe(32))\"'"
    if not p.cfg.secret:
        return Result("PARAF_SECRET", FAIL, "not set: no approval mail can be sent and "
                      "'paraf web' will not start", fix)
    bits = secret_bits(p.cfg.secret.decode())
    if bits < 96:
        return Result("PARAF_SECRET", FAIL, f"guessable (about {bits:.0f} bits)", fix)
    if bits < 128:
        return Result("PARAF_SECRET", WARN, f"weaker than it should be (about {bits:.0f} bits)",
                      fix)
    return Result("PARAF_SECRET", OK, f"set, about {bits:.0f} bits")


def check_tesseract() -> Result:
    fix = "apt-get install tesseract-ocr tesseract-ocr-ind poppler-utils"
    missing = [exe for exe in ("tesseract", "pdftoppm") if not shutil.which(exe)]
    if missing:
        return Result("OCR", FAIL, f"{' and '.join(missing)} not found: scanned letters "
                      "cannot be read", fix)
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True,
                           text=True).stdout.split()
    if "ind" not in langs:
        return Result("OCR", FAIL, "tesseract has no Indonesian language data (ind)", fix)
    from pipeline.letter import tessapi
    if not tessapi.available():
        return Result("OCR", WARN, "tesseract cannot run in-process (libtesseract not loadable, "
                      "or OpenMP loaded before it): each scanned page loads its models 4-6 "
                      "times, about 1 s slower",
                      "apt-get install libtesseract5")
    return Result("OCR", OK, "tesseract with 'ind' (in-process: its models loaded once), "
                  "pdftoppm")


def check_libreoffice() -> Result:
    from pipeline.signing.convert import soffice
    exe = soffice()
    if exe is None:
        return Result("LibreOffice", FAIL, "soffice not found: drafts cannot become PDFs to sign",
                      "apt-get install libreoffice-writer-nogui")
    return Result("LibreOffice", OK, exe)


def check_certificate(p: Probe) -> Result:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import pkcs12
    cfg = p.cfg
    p12, pem = cfg.path(cfg.signing.pkcs12), cfg.path(cfg.signing.trust_pem)
    if not p12.exists():
        return Result("certificate", WARN, f"no signing key at {p12}: letters cannot be signed",
                      "copy the Inspector's PKCS#12 there (mode 600, owned by the paraf user)")
    if p12.stat().st_mode & 0o077:
        return Result("certificate", WARN, f"{p12} can be read by other users of this machine",
                      f"chmod 600 {p12} (owned by the paraf user)")
    certs, note = [], ""
    passphrase = p.env.get("PARAF_SIGN_PASSPHRASE")
    try:
        _key, leaf, extra = pkcs12.load_key_and_certificates(
            p12.read_bytes(), passphrase.encode() if passphrase else None)
        certs += [c for c in [leaf, *extra] if c is not None]
    except (ValueError, TypeError):
        note = " (the key itself is locked by its passphrase; only the trust file was read)"
    if pem.exists():
        certs += x509.load_pem_x509_certificates(pem.read_bytes())
    if not certs:
        return Result("certificate", WARN, f"cannot read a certificate from {p12} or {pem}",
                      f"export the certificate chain to {pem}")
    first = min(certs, key=lambda c: c.not_valid_after_utc)
    left = first.not_valid_after_utc - p.now()
    cn = first.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    who = str(cn[0].value) if cn else first.subject.rfc4514_string()
    until = first.not_valid_after_utc.date().isoformat()
    fix = "ask the certificate authority (BSrE) for a new certificate and replace the PKCS#12"
    if left <= timedelta(0):
        return Result("certificate", FAIL, f"{who} expired on {until}{note}", fix)
    if left <= timedelta(days=CERT_WARN_DAYS):
        return Result("certificate", WARN, f"{who} expires on {until}, in {left.days} days{note}",
                      fix)
    return Result("certificate", OK, f"valid until {until} ({left.days} days){note}")


def check_disk(p: Probe) -> Result:
    folder = p.cfg.data_path
    usage = shutil.disk_usage(folder if folder.exists() else p.cfg.base_dir)
    free = usage.free / 2**30
    detail = f"{free:.1f} GiB free of {usage.total / 2**30:.0f} GiB at {folder}"
    fix = "free space or grow the volume; Paraf keeps every message and attachment forever"
    if free < p.min_free_gb:
        return Result("disk", FAIL, detail, fix)
    if free < 10 * p.min_free_gb or usage.free < usage.total * 0.05:
        return Result("disk", WARN, detail, fix)
    return Result("disk", OK, detail)
