# SPDX-License-Identifier: AGPL-3.0-or-later
"""Precedents for the drafter: the earlier answered and signed cases most like this one.

Indexed once, when the answer is signed (`index_signed`, from `signing/batch.py`): one row
per question with its answer, its stems (`precedent_text`) and the signed letter's number.
`paraf precedents reindex` rebuilds the whole index from the signed cases.

Finding them (`find`), the same on both databases:
1. each question of the new case (or its Hal, when no question was read) becomes stems;
2. the database's own full-text index picks candidates: the rows holding any of the query's
   rarest stems, as many as fit POSTINGS index entries (none in more than COMMON of all
   precedents, unless it is the rarest) (SQLite FTS5 ranked by its
   `bm25()`, PostgreSQL the stored `tsv` column (migration 0015) ranked by `ts_rank`), at
   most CANDIDATES of them;
3. those candidates are scored by BM25 (Okapi, k1=1.2, b=0.75) over all of the query's stems
   with the document frequencies of `precedent_terms`, so both databases rank alike;
4. a precedent whose question was asked and answered again later (the same stems, or at least
   SAME of them in common) shows the newer answer; the OPD is not part of the score; the
   case itself never appears.

`benchmarks/precedents.py` measured this against rank-bm25 scanning the whole history in
memory (README, "Precedents").
"""
from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from pipeline.casework.precedent_text import question_key, terms
from pipeline.core.models import AgendaEntry, DraftRevision, OutgoingLetter
from pipeline.core.models_precedents import Precedent, PrecedentTerm

log = logging.getLogger(__name__)

LIMIT = 3
CANDIDATES = 100
COMMON = 0.05          # stems in more than 5 % of precedents only score, never select
POSTINGS = 5_000       # how many index entries the candidate query may read
K1, B = 1.2, 0.75
TOTAL = ""             # PrecedentTerm row that holds the count (df) and total length


@dataclass(frozen=True)
class Found:
    """One precedent as the drafter sees it."""
    entry_id: int
    agenda_no: str | None
    number: str | None
    hal: str | None
    answered_on: date
    opd_name: str | None
    question: str
    answer: str
    verification_code: str | None
    score: float
    corrected: bool = False        # a newer answer to the same question replaced the matched one


# -- indexing ---------------------------------------------------------------------------------
def rows_for(entry: AgendaEntry, answers: list[str], letter: OutgoingLetter) -> list[dict]:
    """The index rows of a signed case: one per question that has an answer."""
    data = entry.letter or {}
    hal = data.get("hal") or entry.subject
    questions = list(data.get("pertanyaan") or [])
    purpose = (entry.consultation or {}).get("purpose")
    if not questions and (purpose or hal):
        questions = [purpose or hal]
    rows = []
    for i, (q, a) in enumerate(zip(questions, answers), start=1):
        q, a = " ".join(str(q or "").split()), str(a or "").strip()
        if not q or not a:
            continue
        stems = terms(" ".join((hal or "", q, a)))
        rows.append({"entry_id": entry.id, "item": i, "agenda_no": entry.agenda_no,
                     "number": letter.number, "verification_code": letter.verification_code,
                     "opd_code": entry.opd_code, "opd_name": entry.opd_name, "hal": hal,
                     "answered_on": letter.signed_at.date(), "question": q, "answer": a,
                     "question_key": question_key(q), "terms": " ".join(stems),
                     "length": len(stems)})
    return rows


def add(session: Session, rows: list[dict]) -> int:
    """Insert ROWS and count their stems; bulk (one INSERT each) for reindex and benchmarks."""
    if not rows:
        return 0
    session.execute(Precedent.__table__.insert(), rows)
    df: Counter = Counter()
    for row in rows:
        df.update(set(row["terms"].split()))
    df[TOTAL] = len(rows)
    _count(session, df, sum(r["length"] for r in rows))
    return len(rows)


def _count(session: Session, df: Counter, length: int) -> None:
    table = PrecedentTerm.__table__
    if session.get_bind().dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    items = sorted(df.items())              # one order for every writer: no deadlock
    for start in range(0, len(items), 1000):
        chunk = [{"term": t[:64], "df": n, "length": length if t == TOTAL else 0}
                 for t, n in items[start:start + 1000]]
        stmt = insert(table).values(chunk)
        session.execute(stmt.on_conflict_do_update(
            index_elements=["term"], set_={"df": table.c.df + stmt.excluded.df,
                                           "length": table.c.length + stmt.excluded.length}))


def index_signed(session: Session, entry: AgendaEntry, answers: list[str],
                 letter: OutgoingLetter) -> int:
    """Index a case just signed, once: a case already in the index is left as it is."""
    if session.scalar(select(Precedent.id).where(Precedent.entry_id == entry.id).limit(1)):
        return 0
    return add(session, rows_for(entry, answers, letter))


def signed_answers(session: Session, store, entry: AgendaEntry) -> list[str]:
    """The answers in the case's last draft revision (the one signed), or the direct answer."""
    draft = session.scalars(select(DraftRevision).where(DraftRevision.entry_id == entry.id)
                            .order_by(DraftRevision.number.desc()).limit(1)).first()
    if draft is not None:
        from pipeline.casework.answers import docx_answers
        return docx_answers(store.get(draft.sha256, "draft"))
    direct = ((entry.consultation or {}).get("answer") or {}).get("text")
    return [direct] if direct else []


def index_after_signing(session: Session, store, entry: AgendaEntry,
                        letter: OutgoingLetter) -> int:
    """The signing transaction's last act; a draft it cannot read never stops the signing
    (it is logged, and `paraf precedents reindex` tries again)."""
    try:
        with session.begin_nested():
            return index_signed(session, entry, signed_answers(session, store, entry), letter)
    except Exception:
        log.exception("precedents: %s not indexed", entry.agenda_no)
        return 0


def clear(session: Session) -> None:
    session.execute(delete(Precedent))
    session.execute(delete(PrecedentTerm))


# -- finding ----------------------------------------------------------------------------------
def queries_of(entry: AgendaEntry) -> list[str]:
    data = entry.letter or {}
    hal = data.get("hal") or entry.subject or ""
    questions = [str(q) for q in data.get("pertanyaan") or [] if str(q).strip()]
    purpose = (entry.consultation or {}).get("purpose")
    if not questions:
        questions = [purpose or hal]
    return [f"{hal} {q}" for q in questions if (hal + q).strip()]


def _stats(session: Session, stems: list[str]) -> tuple[int, float, dict[str, int]]:
    rows = session.execute(select(PrecedentTerm.term, PrecedentTerm.df, PrecedentTerm.length)
                           .where(PrecedentTerm.term.in_([TOTAL, *stems]))).all()
    total = next((r for r in rows if r.term == TOTAL), None)
    n = total.df if total else 0
    avgdl = (total.length / n) if n else 1.0
    return n, avgdl, {r.term: r.df for r in rows if r.term != TOTAL}


def _candidates(session: Session, stems: list[str], exclude: int | None) -> list[Precedent]:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        match = " OR ".join('"' + s + '"' for s in stems)
        ids = text("SELECT rowid FROM precedent_fts WHERE precedent_fts MATCH :q "
                   "ORDER BY bm25(precedent_fts) LIMIT :n")
        found = [r[0] for r in session.execute(ids, {"q": match, "n": CANDIDATES})]
    else:
        ids = text("SELECT id FROM precedents, to_tsquery('simple', :q) query "
                   "WHERE tsv @@ query ORDER BY ts_rank(tsv, query) DESC LIMIT :n")
        found = [r[0] for r in session.execute(ids, {"q": " | ".join(stems), "n": CANDIDATES})]
    if not found:
        return []
    query = select(Precedent).where(Precedent.id.in_(found))
    if exclude is not None:
        query = query.where(Precedent.entry_id != exclude)
    return list(session.scalars(query))


def selectors(present: list[tuple[int, str]], n: int) -> list[str]:
    """The stems that pick candidates, rarest first, while their postings fit the budget: on
    a small history every stem, on a large one the few that tell this question apart."""
    chosen, postings = [], 0
    for df, stem in present:
        if chosen and (df > max(COMMON * n, 50) or postings + df > POSTINGS):
            break
        chosen.append(stem)
        postings += df
    return chosen


def bm25(stems: list[str], doc: Precedent, n: int, avgdl: float, df: dict[str, int]) -> float:
    tf = Counter(doc.terms.split())
    score = 0.0
    for s in stems:
        f = tf.get(s, 0)
        if f:
            idf = math.log(1 + (n - df.get(s, 0) + 0.5) / (df.get(s, 0) + 0.5))
            score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * doc.length / avgdl))
    return score


def ranked(session: Session, query: str,
           exclude: int | None = None) -> list[tuple[float, Precedent]]:
    """Precedent rows for one query text, best first, with their BM25 scores."""
    stems = list(dict.fromkeys(t[:64] for t in terms(query)))
    if not stems:
        return []
    n, avgdl, df = _stats(session, stems)
    if not n:
        return []
    present = sorted((df[s], s) for s in stems if df.get(s))
    if not present:
        return []
    docs = _candidates(session, selectors(present, n), exclude)
    scored = [(bm25(stems, d, n, avgdl, df), d) for d in docs]
    return sorted(scored, key=lambda p: (-p[0], -p[1].id))


def _newest(session: Session, docs: list[Precedent], exclude: int | None) -> dict[str, Precedent]:
    """For each question key, its newest answered row (other than the case itself)."""
    keys = list({d.question_key for d in docs})
    if not keys:
        return {}
    query = select(Precedent).where(Precedent.question_key.in_(keys))
    if exclude is not None:
        query = query.where(Precedent.entry_id != exclude)
    newest: dict[str, Precedent] = {}
    for row in session.scalars(query):
        have = newest.get(row.question_key)
        if have is None or (row.answered_on, row.id) > (have.answered_on, have.id):
            newest[row.question_key] = row
    return newest


SAME = 0.8            # stem-set overlap (Jaccard) at which two questions are the same question


def _latest(doc: Precedent, others: list[Precedent]) -> Precedent:
    """DOC, or a later answer among OTHERS to the same question in other words."""
    mine = set(terms(doc.question))
    for other in others:
        if (other.answered_on, other.id) <= (doc.answered_on, doc.id):
            continue
        theirs = set(terms(other.question))
        if mine and len(mine & theirs) / len(mine | theirs) >= SAME:
            doc, mine = other, theirs
    return doc


def find(session: Session, entry: AgendaEntry, limit: int = LIMIT) -> list[Found]:
    """Up to LIMIT earlier signed cases most like ENTRY, one per case, best first."""
    best: dict[int, tuple[float, Precedent]] = {}
    for query in queries_of(entry):
        for score, doc in ranked(session, query, exclude=entry.id)[:limit * 4]:
            if doc.entry_id not in best or score > best[doc.entry_id][0]:
                best[doc.entry_id] = (score, doc)
    order = sorted(best.values(), key=lambda p: (-p[0], -p[1].id))
    newest = _newest(session, [d for _, d in order], entry.id)
    out: list[Found] = []
    seen: set[int] = set()
    for score, doc in order:
        shown = _latest(newest.get(doc.question_key, doc), [d for _, d in order])
        if shown.entry_id in seen:
            continue
        seen.add(shown.entry_id)
        out.append(Found(shown.entry_id, shown.agenda_no, shown.number, shown.hal,
                         shown.answered_on, shown.opd_name, shown.question, shown.answer,
                         shown.verification_code, round(score, 3),
                         corrected=shown.id != doc.id))
        if len(out) == limit:
            break
    return out


SHOWN_CHARS = 700      # the answer as the mail and the page show it; the link has the rest


def shown(found: list[Found], verify_url: str) -> list[dict]:
    """What the drafting mail and the step page show of each precedent (Indonesian dates)."""
    from pipeline.core.naskah import tanggal
    out = []
    for f in found:
        answer = f.answer if len(f.answer) <= SHOWN_CHARS else \
            f.answer[:SHOWN_CHARS].rsplit(" ", 1)[0] + " …"
        link = f"{verify_url.rstrip('/')}/{f.verification_code}" if f.verification_code else None
        out.append({"agenda_no": f.agenda_no or "-", "number": f.number or "-",
                    "hal": f.hal or "-", "tanggal": tanggal(f.answered_on),
                    "opd": f.opd_name or "-", "question": f.question, "answer": answer,
                    "link": link, "corrected": f.corrected, "entry_id": f.entry_id})
    return out


def for_drafter(session: Session, entry: AgendaEntry, verify_url: str) -> list[dict]:
    """The precedents shown to the drafter; none (and a log line) if the search fails, since
    a drafting request must go out even without them."""
    try:
        with session.begin_nested():
            return shown(find(session, entry), verify_url)
    except Exception:
        log.exception("precedents: search failed for %s", entry.agenda_no)
        return []


def reindex(session: Session, answers_of, batch: int = 500) -> int:
    """Rebuild the index from every signed case; ANSWERS_OF(entry) gives its answers."""
    clear(session)
    count, last = 0, 0
    while True:
        chunk = session.execute(select(AgendaEntry, OutgoingLetter).join(
            OutgoingLetter, OutgoingLetter.entry_id == AgendaEntry.id)
            .where(AgendaEntry.id > last).order_by(AgendaEntry.id).limit(batch)).all()
        if not chunk:
            return count
        rows = []
        for entry, letter in chunk:
            rows += rows_for(entry, answers_of(entry), letter)
        count += add(session, rows)
        session.flush()
        last = chunk[-1][0].id


def total(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Precedent)) or 0
