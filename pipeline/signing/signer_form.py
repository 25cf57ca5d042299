# SPDX-License-Identifier: AGPL-3.0-or-later
"""Who signs a batch, and in which form: the Inspektur; a Plt. while the Inspektur is away;
or the Sekretaris "a.n." for the kinds of letter rules/officials.toml [signing] allows.

The form decides the lines above the signature space (Permendagri 1/2023):

    INSPEKTUR DAERAH KOTA X,        Plt. INSPEKTUR DAERAH KOTA X,     a.n. INSPEKTUR DAERAH KOTA X
                                                                     SEKRETARIS INSPEKTORAT DAERAH,
    [signature]                     [signature]                      [signature]
    name of the Inspektur           name of the Plt.                 name of the Sekretaris

and whose name, rank, NIP and certificate follow. A certificate that names another NIP than
the signer's is refused: a Plt. signs with their own certificate, never the Inspektur's.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pipeline.casework.absences import current, today
from pipeline.core import signforms
from pipeline.core.officials import Official
from pipeline.signing.errors import SigningError

FORMS = ("plt", "an")
LABELS = {None: "Inspektur", "plt": "Plt. Inspektur", "an": "a.n. Inspektur"}


@dataclass(frozen=True)
class SignerForm:
    official: Official               # who signs: name, NIP and certificate
    inspector: Official
    form: str | None = None          # None | "plt" | "an"

    def heading(self) -> list[str]:
        """The lines above the signature space, as printed."""
        head = self.inspector.jabatan.upper()
        if self.form == "plt":
            return [f"Plt. {head},"]
        if self.form == "an":
            return [f"a.n. {head}", f"{self.official.jabatan.upper()},"]
        return [f"{head},"]

    def signer_line(self) -> Official:
        """The signer as the mail to the OPD names them ("… oleh Plt. Inspektur …")."""
        import dataclasses
        return dataclasses.replace(self.official, jabatan=self.stamp_jabatan())

    def stamp_jabatan(self) -> str:
        """The jabatan in the visible signature stamp and on the verification page."""
        if self.form == "plt":
            return f"Plt. {self.inspector.jabatan}"
        if self.form == "an":
            return f"a.n. {self.inspector.jabatan}, {self.official.jabatan}"
        return self.inspector.jabatan


def choose(wf, session, now: datetime, wanted: str | None = None) -> SignerForm:
    """The form a batch signed NOW takes: WANTED, or Plt. when the Inspektur is away."""
    forms = signforms.load(wf.cfg.rules_path / "officials.toml", wf.officials)
    inspector = wf.inspector
    absence = current(session, inspector.code, today(wf.cfg, now))
    if wanted is None:
        wanted = "plt" if absence is not None else None
    if wanted is None:
        return SignerForm(inspector, inspector)
    if wanted == "plt":
        if not forms.plt:
            raise SigningError("Tanda tangan Plt. tidak diizinkan oleh rules/officials.toml "
                               "[signing] plt.")
        if absence is None or absence.delegate not in wf.by_code:
            raise SigningError("Inspektur tidak sedang berhalangan; tidak ada Plt. yang dapat "
                               "menandatangani (catat dahulu dengan paraf away).")
        return SignerForm(wf.by_code[absence.delegate], inspector, "plt")
    if wanted == "an":
        who = wf.by_code.get(forms.atas_nama_oleh)
        if not forms.atas_nama or who is None:
            raise SigningError("Tanda tangan a.n. Inspektur tidak diizinkan oleh "
                               "rules/officials.toml [signing] atas_nama.")
        return SignerForm(who, inspector, "an")
    raise SigningError(f"bentuk tanda tangan '{wanted}' tidak dikenal (plt atau an)")


def refusal(wf, form: SignerForm, entry) -> str | None:
    """Why FORM may not sign ENTRY's answer (None when it may)."""
    if form.form != "an":
        return None
    forms = signforms.load(wf.cfg.rules_path / "officials.toml")
    sifat = ((entry.letter or {}).get("sifat") or "biasa").strip().lower()
    if forms.an_allows(sifat):
        return None
    return (f"{entry.agenda_no}: surat bersifat {sifat} tidak boleh ditandatangani a.n. "
            f"Inspektur (rules/officials.toml [signing] atas_nama: "
            f"{', '.join(forms.atas_nama) or 'tidak ada'}); perlu tanda tangan Inspektur "
            f"atau Plt.")


def check_certificate(signer, form: SignerForm) -> None:
    """The certificate must be the signer's own when it names a NIP (serialNumber)."""
    cert = getattr(signer, "signing_cert", None)
    if cert is None:
        return
    serials = [str(a["value"].native) for rdn in cert.subject.chosen for a in rdn
               if a["type"].native == "serial_number"]
    nips = {s.replace(" ", "") for s in serials}
    if nips and form.official.nip not in nips:
        raise SigningError(f"Sertifikat ini milik NIP {', '.join(sorted(nips))}, bukan "
                           f"{form.official.name} (NIP {form.official.nip}) yang menandatangani "
                           f"sebagai {LABELS[form.form]}; gunakan sertifikat miliknya sendiri.")
