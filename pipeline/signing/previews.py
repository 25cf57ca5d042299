# SPDX-License-Identifier: AGPL-3.0-or-later
"""PDF previews of drafts: converted once per draft, kept in the store by the draft's hash.

The same draft goes to each official of its paraf chain, to the official's task page and then
into the Inspector's digest. LibreOffice is the slow part, so a preview is made once and every
later look reads it from the store's `preview` folder; the drafts still missing are converted
together in one LibreOffice run.
"""
from __future__ import annotations

from pipeline.core.config import Config
from pipeline.core.store import ContentStore, atomic_write, sha256
from pipeline.signing import convert


def previews(store: ContentStore, cfg: Config, drafts: list[bytes],
             timeout: float = 300) -> list[bytes | None]:
    """A PDF for each draft, in order; None where LibreOffice is absent or failed."""
    paths = [store.path_for(sha256(d), "preview") for d in drafts]
    out = [p.read_bytes() if p.exists() else None for p in paths]
    todo = {paths[i]: drafts[i] for i, pdf in enumerate(out) if pdf is None}
    if todo:
        made = dict(zip(todo, convert.to_pdf(list(todo.values()), timeout)))
        for path, pdf in made.items():
            if pdf:
                atomic_write(path, pdf)
        out = [pdf if pdf is not None else made.get(path) for pdf, path in zip(out, paths)]
    return out


def preview(store: ContentStore, cfg: Config, draft: bytes, timeout: float = 60) -> bytes | None:
    """One draft's PDF preview (see `previews`)."""
    return previews(store, cfg, [draft], timeout)[0]
