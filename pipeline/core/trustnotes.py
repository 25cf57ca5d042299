# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the sender check means for this office, said at worker start and by `paraf rules check`.

An office should know when its setup weakens the check: no authserv_id (nothing verified),
`prefer` (unstamped mail accepted), `off`, officials whose domain sits under a local
government's shared domain (a sibling unit's pass must never count, see docs/security.md),
and OPDs registered by a domain that many people share (such a domain identifies nobody).
"""
from __future__ import annotations

from pathlib import Path

from pipeline.core.maildomains import domain_of, org_domain, shared
from pipeline.core.senderauth import Trust, describe


def notes(workflow, official_emails, opds) -> list[str]:
    """Indonesian lines, most serious first."""
    out = describe(Trust.from_config(workflow))
    extra = tuple(workflow.shared_domains)
    domains = sorted({domain_of(e) for e in official_emails if "@" in e})
    for domain in domains:
        org = org_domain(domain)
        if org and org != domain:
            units = sorted({d for o in opds for d in (*o.domains, *map(domain_of, o.emails))
                            if org_domain(d) == org and d != domain})
            out.append(f"Domain pejabat {domain} berada di bawah domain bersama {org}"
                       + (f" (juga dipakai OPD: {', '.join(units[:5])})" if units else "")
                       + f": balasan pejabat hanya diterima bila lulus untuk {domain} atau "
                         f"subdomainnya; dmarc=pass dari unit lain di {org} tidak dihitung.")
    for opd in opds:
        for d in opd.domains:
            if shared(d, extra):
                out.append(f"OPD {opd.code}: domain {d} adalah domain surel bersama dan tidak "
                           f"dipakai untuk mengenali pengirim; hanya alamat terdaftarnya.")
    return out


def for_folder(workflow, rules_dir: Path) -> list[str]:
    """NOTES for the rules in RULES_DIR (officials.toml may be absent)."""
    from pipeline.core.officials import load_officials
    from pipeline.core.rules import load
    path = rules_dir / "officials.toml"
    emails = [e for o in load_officials(path) for e in o.emails] if path.exists() else []
    return notes(workflow, emails, load(rules_dir).opds)
