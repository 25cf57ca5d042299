# SPDX-License-Identifier: AGPL-3.0-or-later
"""Issue 19 part 2, "where is our letter?": an OPD asks by mail and gets its case's state, and
only its own; strangers, forgers, floods and replays get nothing more than the record."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from pipeline.app import App
from pipeline.core.config import load
from pipeline.core.models import AgendaEntry, Event, InboundMessage
from pipeline.core.workspace import set_key
from tests.conftest import make_workspace
from tests.mails import fields, letter_mail
from tests.side_by_side import side_by_side
from tests.stamps import OURS, stamp

from .helpers import agenda, mail_in, run_until_idle, sent_mail

CITY = "pekalongankota.go.id"
DISDIK, DINKES = f"disdik@{CITY}", f"dinkes@{CITY}"
PASS = f"dkim=pass header.d={CITY}; spf=pass smtp.mailfrom={{who}}; dmarc=pass header.from={CITY}"


@pytest.fixture
def office(tmp_path, db_url):
    """The sample office, its mail server's id set, so every sender must pass to act."""
    make_workspace(tmp_path / "ws", db_url).close()
    config = tmp_path / "ws" / "config.toml"
    config.write_text(set_key(config.read_text(), "authserv_id", OURS))
    app = App.open(load(config))
    yield app
    app.close()


def ok(raw: bytes, who: str = DISDIK) -> bytes:
    return stamp(raw, PASS.format(who=who))


def ask(sender=DISDIK, subject="STATUS", body="", reply_to=None, results=None, **kw) -> bytes:
    raw = letter_mail(sender=sender, subject=subject, body=body or "-", attach_letter=False,
                      in_reply_to=reply_to, **kw)
    return stamp(raw, results if results is not None else PASS.format(who=sender))


def registered(app, n: int, sender=DISDIK, **over) -> tuple[str, str]:
    """Mail a letter, run the worker; (agenda number, Message-ID of its receipt)."""
    before = {m["Message-ID"] for m in sent_mail(app)}
    mail_in(app, ok(letter_mail(sender=sender, letter=fields(n, **over)), sender))
    run_until_idle(app)
    receipt = next(m for m in sent_mail(app) if m["Message-ID"] not in before
                   and m["Subject"].startswith("Tanda Terima"))
    return receipt["X-Paraf-Agenda"], receipt["Message-ID"]


def new_mail(app, before: set[str]) -> list:
    return [m for m in sent_mail(app) if m["Message-ID"] not in before]


def seen(app) -> set[str]:
    return {m["Message-ID"] for m in sent_mail(app)}


def outcomes(app) -> list[tuple[str, str | None]]:
    with app.session() as s:
        return [(m.outcome, m.error) for m in s.scalars(
            select(InboundMessage).order_by(InboundMessage.id))]


def test_a_question_in_the_receipt_thread_gets_the_state(office):
    """GIVEN a registered letter and its receipt WHEN the OPD replies 'bagaimana
    perkembangannya?' THEN one mail answers with the agenda number, the Hal, the stage and
    the role holding it (no person's name or mailbox), the due date and the timing; no case
    is opened and the question is in the case's history."""
    number, receipt = registered(office, 1, hal="Permohonan Konsultasi Dana BOS")
    before = seen(office)
    mail_in(office, ask(subject="Re: Tanda Terima Surat", reply_to=receipt,
                        body="Selamat siang,\n\nBagaimana perkembangannya?\n\nTerima kasih\n"))
    run_until_idle(office)
    (answer,) = new_mail(office, before)
    text = answer.get_content()
    assert answer["To"].addresses[0].addr_spec == DISDIK and answer["In-Reply-To"]
    assert number in text and "Permohonan Konsultasi Dana BOS" in text
    assert "menunggu disposisi" in text and "Inspektur Daerah Kota Pekalongan" in text
    assert "masih dalam tenggat" in text and "Tenggat" in text
    for private in ("inspektur@", "Bambang", "irban"):
        assert private not in text
    assert len(agenda(office)) == 1
    with office.session() as s:
        kinds = [e.kind for e in s.scalars(select(Event).order_by(Event.id))]
        assert kinds.count("status_query") == 1
    assert outcomes(office)[-1] == ("status", None)


def test_status_lists_own_open_cases_and_never_another_opds(office):
    """GIVEN two Disdik letters and one Dinkes letter WHEN Disdik sends STATUS THEN both of its
    cases are listed and the Dinkes case is not; WHEN Dinkes asks about Disdik's agenda number
    or letter number THEN it is told nothing about it."""
    first, _ = registered(office, 2, hal="Hal Pertama Disdik")
    second, _ = registered(office, 3, hal="Hal Kedua Disdik")
    other, _ = registered(office, 4, sender=DINKES, hal="Hal Rahasia Dinkes",
                          pengirim="Dinas Kesehatan Kota Pekalongan")
    before = seen(office)
    mail_in(office, ask())
    run_until_idle(office)
    (listing,) = new_mail(office, before)
    text = listing.get_content()
    assert first in text and second in text and other not in text
    assert "Hal Rahasia Dinkes" not in text
    for asked in (first, "400.3/102/Disdik/2026"):
        before = seen(office)
        mail_in(office, ask(sender=DINKES, subject=f"STATUS {asked}"))
        run_until_idle(office)
        (reply,) = new_mail(office, before)
        text = reply.get_content()
        assert "tidak kami temukan" in text and "Hal Pertama Disdik" not in text
        assert "Tahap" not in text and first not in reply["Subject"]
    before = seen(office)
    mail_in(office, ask(subject="status", body=f"STATUS {other}", sender=DINKES))
    run_until_idle(office)
    (own,) = new_mail(office, before)
    assert "Hal Rahasia Dinkes" in own.get_content() and own["X-Paraf-Agenda"] == other
    assert len(agenda(office)) == 3


@pytest.mark.parametrize("sender, results, why", [
    (DISDIK, f"spf=fail smtp.mailfrom={DISDIK}; dmarc=fail header.from={CITY}", "autentikasi"),
    (DISDIK, None, "autentikasi"),                              # our server stamped nothing
    ("kepala.disdik@gmail.com", "dkim=pass header.d=gmail.com; dmarc=pass header.from="
                                "gmail.com", "bukan alamat"),
    (f"tu@{CITY}", PASS.format(who=f"tu@{CITY}"), "bukan alamat"),  # the domain, unregistered
])
def test_forged_or_unknown_senders_get_nothing(office, sender, results, why):
    """GIVEN a registered case WHEN a forged, unstamped or unregistered sender asks about it
    THEN nothing is mailed, no case is opened and the message is kept with the reason."""
    number, receipt = registered(office, 5)
    before = seen(office)
    raw = letter_mail(sender=sender, subject=f"STATUS {number}", body="-", attach_letter=False,
                      in_reply_to=receipt)
    mail_in(office, stamp(raw, results) if results else stamp(raw, None))
    run_until_idle(office)
    assert new_mail(office, before) == []
    assert len(agenda(office)) == 1
    outcome, reason = outcomes(office)[-1]
    assert outcome == "status_refused" and why in reason


def test_the_same_question_twice_is_answered_once(office):
    """GIVEN a STATUS question WHEN it is delivered again (same bytes, and again with a header
    changed in transit, which only the answer's once key can tell) THEN exactly one answer is
    sent, for a list of two cases and for one case alike."""
    registered(office, 6)
    registered(office, 16)
    before = seen(office)
    raw = ask(message_id="<tanya-1@pekalongankota.go.id>")
    mail_in(office, raw)
    run_until_idle(office)
    mail_in(office, raw)
    mail_in(office, b"X-Relayed: again\r\n" + raw)
    run_until_idle(office)
    mail_in(office, b"X-Relayed: once more\r\n" + raw)
    run_until_idle(office)
    assert len(new_mail(office, before)) == 1
    with office.session() as s:
        assert len(list(s.scalars(select(Event).where(Event.kind == "status_query")))) == 2
    before = seen(office)
    one = ask(subject="STATUS 0001/SM/ITDA/2026", message_id="<tanya-2@pekalongankota.go.id>")
    for raw in (one, b"X-Relayed: again\r\n" + one):
        mail_in(office, raw)
        run_until_idle(office)
    assert len(new_mail(office, before)) == 1


def test_a_flood_is_cut_at_the_rate_limit(office):
    """GIVEN the sample limit of 5 answers per address per hour WHEN one address asks 8 times
    THEN 5 answers go out and 3 questions are kept as limited, none answered."""
    registered(office, 7)
    before = seen(office)
    for _ in range(8):
        mail_in(office, ask())
    run_until_idle(office, passes=5)
    assert len(new_mail(office, before)) == 5
    limited = [r for o, r in outcomes(office) if o == "status_limited"]
    assert len(limited) == 3 and "melebihi batas 5" in limited[0]
    before = seen(office)
    mail_in(office, ask(sender=DINKES))             # another address has its own allowance
    run_until_idle(office)
    assert len(new_mail(office, before)) == 1


LONG = ("Sehubungan dengan surat kami terdahulu, bersama ini kami sampaikan bahwa kegiatan "
        "pengadaan barang pada Dinas Pendidikan telah dilaksanakan sesuai dengan ketentuan "
        "yang berlaku, dan kami mohon petunjuk mengenai mekanisme pertanggungjawaban dana "
        "yang belum tersalurkan pada akhir tahun anggaran.")


@pytest.mark.parametrize("body, attach", [
    (f"{LONG}\n\nPada 23 Nov 2026, Disdik menulis:\n> Bagaimana perkembangannya?\n", False),
    (f"Bagaimana perkembangannya?\n\n{LONG}\n", False),
    ("Sudah sampai mana? Terlampir ralat surat kami.\n", False),
    ("Bagaimana perkembangannya?\n", True),
    ("Terima kasih atas tanda terimanya.\n", False),
])
def test_a_reply_with_content_is_not_taken_for_a_question(office, body, attach):
    """GIVEN a receipt WHEN the OPD replies with a letter, a follow-up text, a correction, a
    file, or a plain thank-you (even with a status phrase quoted or inside) THEN no status
    answer is sent: the reply goes the usual way, kept with its case."""
    _, receipt = registered(office, 8)
    before = seen(office)
    raw = letter_mail(subject="Re: Tanda Terima", body=body, attach_letter=attach,
                      letter=fields(9), in_reply_to=receipt)
    mail_in(office, ok(raw))
    run_until_idle(office)
    assert not [m for m in new_mail(office, before) if "Perkembangan" in m["Subject"]]
    assert not any(o.startswith("status") for o, _ in outcomes(office))
    with office.session() as s:
        assert not list(s.scalars(select(Event).where(Event.kind == "status_query")))
        assert s.scalar(select(AgendaEntry.id).where(AgendaEntry.agenda_no.is_(None),
                                                     AgendaEntry.status == "rejected")) is None


def test_two_workers_answer_each_question_once(app):
    """GIVEN two Disdik cases and 6 STATUS questions, each also relayed once with a header
    WHEN two workers (own connections) consume all 10 copies at once in different
    orders THEN each question is answered exactly once and no case is opened."""
    import random

    from sqlalchemy import func

    from pipeline.core.models import OutboxMail
    for n in (61, 62):
        app.consumer.consume(letter_mail(letter=fields(n)), source="test")
    raws = []
    for i in range(5):
        one = letter_mail(subject="STATUS", body="-", attach_letter=False,
                          message_id=f"<tanya-{i}@pekalongankota.go.id>")
        raws += [one, b"X-Relayed: again\r\n" + one]

    def work(i, worker):
        order = list(range(len(raws)))
        random.Random(i).shuffle(order)
        for k in order:
            worker.consumer.consume(raws[k], source="test")
    assert side_by_side(app, work) == []
    with app.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMail).where(
            OutboxMail.kind == "status")) == 5
        assert s.scalar(select(func.count()).select_from(AgendaEntry)) == 2


def test_a_late_case_says_how_many_working_days_late(office):
    """GIVEN a case whose due date was two weeks ago WHEN the OPD asks about it THEN the answer
    says it is late by the working days since (weekends not counted)."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from pipeline.books.sla import working_days_between
    from pipeline.core.workdays import Calendar
    number, _ = registered(office, 10)
    today = datetime.now(ZoneInfo(office.cfg.office.timezone)).date()   # the office's day
    due = today - timedelta(days=14)
    with office.session() as s:
        s.scalars(select(AgendaEntry)).one().due_on = due
        s.commit()
    late = working_days_between(Calendar(office.cfg.service.extra_holidays), due, today)
    before = seen(office)
    mail_in(office, ask(subject=f"STATUS {number}"))
    run_until_idle(office)
    (answer,) = new_mail(office, before)
    assert f"terlambat {late} hari kerja" in answer.get_content() and 8 <= late <= 10


def test_a_copy_another_worker_answered_meanwhile_takes_no_slot_of_the_limit(office, monkeypatch):
    """GIVEN a STATUS question answered, and a copy of it relayed in transit that a second
    worker reads while the first has not yet committed the answer (its checks for an answer
    see none; the outbox, when the second queues, finds the first's)
    WHEN the second worker finishes THEN it sends nothing, records no second event and takes
    no second slot of the address's limit: five questions still get five answers (two workers
    at once once left the fifth refused)."""
    from pipeline.core.models import RateHit
    from pipeline.intake import status_answer
    from pipeline.mail import outbox

    registered(office, 6)
    before = seen(office)
    raw = ask(message_id="<tanya-1@pekalongankota.go.id>")
    mail_in(office, raw)
    run_until_idle(office)

    class Unseen:  # the outbox as the second worker saw it before the first committed
        def __getattr__(self, name):
            return getattr(outbox, name)

        @staticmethod
        def planned_once(session, key):
            return None
    monkeypatch.setattr(status_answer, "outbox", Unseen())
    from pipeline.intake import consume  # (nor the first's copy of the message, uncommitted)
    monkeypatch.setattr(consume, "_by_message_id", lambda session, message_id: None)
    mail_in(office, b"X-Relayed: again\r\n" + raw)
    run_until_idle(office)
    assert len(new_mail(office, before)) == 1
    with office.session() as s:
        assert len(list(s.scalars(select(RateHit).where(RateHit.bucket == status_answer.BUCKET)))) == 1
        assert len(list(s.scalars(select(Event).where(Event.kind == "status_query")))) == 1
    assert outcomes(office)[-1][0] == "redelivered"
