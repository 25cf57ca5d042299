# SPDX-License-Identifier: AGPL-3.0-or-later
"""The Inspector's commands: a test key, the signing batch, and checking a signed letter."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import click

from pipeline.cli.base import cli, console, pass_ctx
from pipeline.core.errors import ParafError


@cli.group()
def keys():
    """Signing keys."""


@keys.command("create-test")
@click.option("--passphrase-file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--official", help="another official's test key (a Plt., the Sekretaris)")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="where to write it (default: [signing] pkcs12, or keys/<official>.p12)")
@pass_ctx
def keys_create_test(ctx, passphrase_file, official, out):
    """Make a self-signed test key for the Inspector (demos and tests, never real letters)."""
    from pipeline.signing.keys import create_test_pkcs12, passphrase_from
    app = ctx.app
    cfg = app.cfg
    if app.workflow is None:
        raise ParafError("no officials.toml: who is the Inspector?")
    who = app.workflow.by_code.get(official) if official else app.workflow.inspector
    if who is None:
        raise ParafError(f"unknown official '{official}'")
    target = out or (cfg.path(cfg.signing.pkcs12) if not official
                     else cfg.path(cfg.signing.pkcs12).parent / f"{who.code}.p12")
    path = create_test_pkcs12(target, _passphrase(passphrase_from,
                              passphrase_file), who.name, who.nip, who.jabatan, cfg.office.name)
    console.print(f"test key for {who.name} written to {path}", markup=False)


@keys.command("import")
@click.argument("p12", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--root", "root_pem", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="the CA's root certificate (PEM) to trust; it becomes [signing] trust_pem")
@click.option("--passphrase-file", type=click.Path(dir_okay=False, path_type=Path))
@pass_ctx
def keys_import(ctx, p12, root_pem, passphrase_file):
    """Take the Inspector's PKCS#12 from the CA (certificate, key, intermediate CAs)."""
    import shutil

    from pipeline.signing.certcheck import check_signer
    from pipeline.signing.keys import load_signer, passphrase_from
    from pipeline.signing.lookup import trust_roots
    cfg = ctx.cfg
    signer = load_signer(p12, _passphrase(passphrase_from, passphrase_file))
    trust = [root_pem.read_bytes()] if root_pem else trust_roots(cfg)
    check_signer(signer, trust)     # expired, revoked, or not chaining to the root: refused
    target = cfg.path(cfg.signing.pkcs12)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(p12, target)
    target.chmod(0o600)
    if root_pem:
        shutil.copyfile(root_pem, cfg.path(cfg.signing.trust_pem))
    cert = signer.signing_cert
    chain = [c.subject.human_friendly for c in (signer.cert_registry or [])
             if c.subject != cert.subject]
    console.print(f"key of {cert.subject.human_friendly} (valid until "
                  f"{cert.not_valid_after:%Y-%m-%d}) imported to {target}; chain: "
                  f"{'; '.join(chain) or 'none in the file'}", markup=False)


def _passphrase(passphrase_from, file):
    if file or os.environ.get("PARAF_SIGN_PASSPHRASE"):
        return passphrase_from(os.environ, file)
    return click.prompt("Key passphrase", hide_input=True).encode()


@cli.command()
@click.argument("agenda_nos", nargs=-1)
@click.option("--all", "sign_all", is_flag=True, help="sign every letter in the batch")
@click.option("--passphrase-file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--as", "form", type=click.Choice(["plt", "an"]),
              help="sign as Plt. Inspektur (the Inspektur is away) or a.n. Inspektur; "
                   "default: Plt. when the Inspektur is away")
@click.option("--key", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="the signer's own PKCS#12 (default: [signing] pkcs12, the Inspektur's)")
@pass_ctx
def sign(ctx, agenda_nos, sign_all, passphrase_file, form, key):
    """Show the signing batch; with --all or AGENDA_NOS, sign them (the key is unlocked here)."""
    from pipeline.signing.batch import ready, sign_batch
    from pipeline.signing.keys import load_signer, passphrase_from
    app = ctx.app
    with app.session() as session:
        batch = ready(session)
    for i, row in enumerate(batch, 1):
        console.print(f"{i:>3}. {row['agenda_no']}  {row['opd']}  {row['hal']}  initialled by "
                      f"{', '.join(row['initialled_by'])}  waiting since "
                      f"{row['waiting_since']:%Y-%m-%d %H:%M}", markup=False)
    if not batch:
        console.print("nothing waits for signature")
        return
    if not (sign_all or agenda_nos):
        return
    chosen = None if sign_all else [r["id"] for r in batch if r["agenda_no"] in agenda_nos]
    from pipeline.signing.signer_form import LABELS, choose
    now = datetime.now(timezone.utc)
    with app.session() as session:
        who = choose(app.workflow, session, now, form)
    console.print(f"signing as {LABELS[who.form]}: {who.official.name}", markup=False)
    signer = load_signer(key or app.cfg.path(app.cfg.signing.pkcs12),
                         _passphrase(passphrase_from, passphrase_file))
    signed, problems = sign_batch(app, signer, now, chosen, form=who)
    for letter in signed:
        console.print(f"signed {letter.agenda_no} as {letter.number}", markup=False)
    for line in problems:
        console.print(f"not signed: {line}", markup=False)


@cli.command()
@click.argument("pdf", required=False, type=click.Path(exists=True, dir_okay=False,
                                                       path_type=Path))
@click.option("--code", help="the verification code printed on the letter (its QR code)")
@pass_ctx
def verify(ctx, pdf, code):
    """Check a signed letter: its signature, and that it is the file Paraf sent and logged.

    With --code, show what the verification page shows for that code and compare PDF (when
    given) with the letter sent under it, byte for byte.
    """
    import sys

    from pipeline.signing import lookup
    if code:
        sys.exit(_verify_code(ctx.app, code, pdf))
    if pdf is None:
        raise click.UsageError("give a PDF, a --code, or both")
    from sqlalchemy import select

    from pipeline.core.models import OutgoingLetter
    from pipeline.signing.verify import verify_pdf
    result = verify_pdf(pdf.read_bytes(), lookup.trust_roots(ctx.cfg))
    with ctx.app.session() as session:
        logged = session.scalar(select(OutgoingLetter).where(
            OutgoingLetter.pdf_sha256 == result.sha256))
    _print_signature(result)
    if logged:
        console.print(f"the letter {logged.number} sent for agenda entry #{logged.entry_id}, "
                      f"verification code {logged.verification_code}", markup=False)
    else:
        console.print("this exact file is not a letter Paraf signed and sent", markup=False)
    if not (result.ok and logged):
        sys.exit(1)


def _print_signature(result) -> None:
    console.print(f"signature: {'valid' if result.valid else 'NOT valid'}, "
                  f"{'intact' if result.intact else 'CHANGED after signing'}, "
                  f"{'trusted' if result.trusted else 'NOT trusted'}; signer "
                  f"{result.signer_name}", markup=False)
    for line in result.problems:
        console.print(f"  {line}", markup=False)


def _verify_code(app, code: str, pdf: Path | None) -> int:
    """The verification page on the command line; the exit status is 0 only for a match."""
    from pipeline.signing import lookup
    with app.session() as session:
        letter = lookup.find(session, code, lookup.officials_of(app), app.cfg.office.timezone)
    if letter is None:
        console.print("Kode verifikasi tidak ditemukan.", markup=False)
        return 1
    for label, value in (("Kode verifikasi", letter.code), ("Nomor surat", letter.number),
                         ("Tanggal", letter.date.isoformat()), ("Kepada", letter.addressee),
                         ("Hal", letter.hal), ("Penanda tangan", letter.signer_name),
                         ("Jabatan", letter.signer_jabatan),
                         ("Waktu penandatanganan", letter.signed_at.isoformat()),
                         ("SHA-256", letter.sha256)):
        console.print(f"{label}: {value}", markup=False)
    if pdf is None:
        return 0
    result = lookup.check(letter, pdf.read_bytes(), lookup.trust_roots(app.cfg))
    _print_signature(result.signature)
    console.print(result.verdict, markup=False)
    return 0 if result.same_file and result.signature.ok else 1


@cli.group()
def archive():
    """The archive copies of signed letters."""


@archive.command("timestamp")
@click.option("--all", "everything", is_flag=True, help="every letter, not only those due")
@pass_ctx
def archive_timestamp(ctx, everything):
    """Add document timestamps (PAdES B-LTA) to the signed letters that are due."""
    import sys

    from pipeline.signing.archive import renew
    if not ctx.cfg.signing.tsa_url:
        raise ParafError("no TSA: set [signing] tsa_url in config.toml")
    done, failed = renew(ctx.app, datetime.now(timezone.utc), everything)
    console.print(f"{done} letters timestamped" + (f", {failed} failed (TSA unreachable?)"
                                                   if failed else ""), markup=False)
    if failed:
        sys.exit(1)


@cli.command()
@pass_ctx
def digest(ctx):
    """Mail the Inspector the letters waiting for signature now (also sent on schedule)."""
    from pipeline.signing.digest import digest as send_digest
    count = send_digest(ctx.app, datetime.now(timezone.utc))
    console.print(f"digest of {count} letters queued for the Inspector" if count
                  else "nothing waits for signature")
