# SPDX-License-Identifier: AGPL-3.0-or-later
"""Who signs by reply today, and with which key (issue 19: the Inspektur away).

The digest and its TTD/TOLAK reply belong to whoever signs today: the Inspektur, or, while an
absence with a delegate covers today and rules/officials.toml [signing] allows `plt`, that
delegate as "Plt. Inspektur" (`signer_form.choose`). The question is asked again when the
reply arrives and when the worker signs, so a reply from the Inspektur during the absence, or
from the Plt. once it is over, signs nothing: it is refused with the reason in Indonesian.

Each signer signs with their own certificate: the Inspektur's is `[signing] pkcs12` unlocked by
PARAF_SIGN_PASSPHRASE; a Plt.'s is `<code>.p12` in the same folder (what `paraf keys
create-test --official CODE` writes, or the CA's file copied there), unlocked by
PARAF_SIGN_PASSPHRASE_<CODE> (upper case, `-` as `_`). Never one for the other.
"""
from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from pipeline.casework.absences import current, today
from pipeline.core import naskah
from pipeline.core.officials import Official
from pipeline.signing.errors import SigningError
from pipeline.signing.keys import PASSPHRASE_ENV
from pipeline.signing.signer_form import LABELS, SignerForm, choose


def today_form(wf, session, now: datetime) -> tuple[SignerForm | None, str | None]:
    """(the form a batch signed by reply takes NOW, None), or (None, why none can)."""
    try:
        return choose(wf, session, now), None
    except SigningError as err:
        return None, str(err)


def for_official(wf, session, code: str, now: datetime) -> tuple[SignerForm | None, str | None]:
    """(the form, None) when official CODE signs by reply NOW; else (None, why not), said to
    them in Indonesian."""
    form, why = today_form(wf, session, now)
    if form is None:
        return None, why
    if form.official.code == code:
        return form, None
    inspector = wf.inspector
    if code == inspector.code:
        absence = current(session, code, today(wf.cfg, now))
        until = f" s.d. {naskah.tanggal(absence.ends_on)}" if absence else ""
        reason = absence.reason if absence else "berhalangan"
        return None, (f"Bapak/Ibu tercatat sedang {reason}{until}; selama itu surat "
                      f"ditandatangani oleh {form.official.name} sebagai "
                      f"{form.stamp_jabatan()}, dengan sertifikat elektronik miliknya sendiri")
    holder = (f"{form.official.name} sebagai {form.stamp_jabatan()}" if form.form
              else f"{inspector.name} ({inspector.jabatan})")
    return None, ("Bapak/Ibu tidak sedang menjadi Plt. Inspektur pada hari ini (masa "
                  f"ketidakhadiran Inspektur telah berakhir atau diubah); surat "
                  f"ditandatangani oleh {holder}")


def passphrase_variable(official: Official, inspector: Official) -> str:
    if official.code == inspector.code:
        return PASSPHRASE_ENV
    return f"{PASSPHRASE_ENV}_{re.sub(r'[^A-Z0-9]', '_', official.code.upper())}"


def key_path(cfg, official: Official, inspector: Official) -> Path:
    own = cfg.path(cfg.signing.pkcs12)
    return own if official.code == inspector.code else own.parent / f"{official.code}.p12"


def key_problem(cfg, form: SignerForm) -> str | None:
    """Why the worker cannot sign as FORM now (in Indonesian, for the signer), or None."""
    from pipeline.signing.keys import load_signer
    variable = passphrase_variable(form.official, form.inspector)
    if not os.environ.get(variable):
        return ("frasa sandi kunci tanda tangan tidak disimpan di server Paraf (variabel "
                f"lingkungan {variable} belum diatur), sehingga server tidak dapat "
                "menandatangani atas nama Bapak/Ibu")
    try:
        load_signer(key_path(cfg, form.official, form.inspector),
                    os.environ[variable].encode())
    except SigningError:
        return ("kunci tanda tangan " + ("" if not form.form else f"{LABELS[form.form]} ") +
                "di server Paraf tidak dapat dibuka dengan frasa sandi yang tersimpan (frasa "
                "sandi salah atau berkas kunci tidak ada)")
    return None


def load(cfg, form: SignerForm):
    """FORM's own signer, from its key file and its passphrase variable."""
    from pipeline.signing.keys import load_signer
    variable = passphrase_variable(form.official, form.inspector)
    passphrase = os.environ.get(variable)
    if passphrase is None:
        raise SigningError(f"no signing passphrase: set {variable}")
    return load_signer(key_path(cfg, form.official, form.inspector), passphrase.encode())
