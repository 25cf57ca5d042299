# SPDX-License-Identifier: AGPL-3.0-or-later
"""The clerk sees a follow-up letter's link to the earlier case on the entry page."""
from __future__ import annotations

from tests.intake.helpers import agenda, mail_in, run_until_idle
from tests.mailbox_gen import Maker, clients
from tests.web.conftest import sign_in

SENDER = ("Dinas Kesehatan", "dinkes@pekalongankota.go.id")


def test_the_follow_up_entry_links_to_the_earlier_case(client, web_app):
    maker = Maker(31)
    first, second = maker.spec(), maker.spec()
    msg = clients.message(maker.rng, "thunderbird", SENDER, "Konsultasi", "Terlampir.", 1)
    clients.attach(msg, *maker.render(first, "pdf"))
    mail_in(web_app, msg.as_bytes())
    run_until_idle(web_app)
    later = clients.message(maker.rng, "thunderbird", SENDER, "Konsultasi", "Surat lanjutan.",
                            2, answering=(msg["Message-ID"], "Terlampir."))
    clients.attach(later, *maker.render(second, "docx"))
    mail_in(web_app, later.as_bytes())
    run_until_idle(web_app)
    earlier, follow = sorted(agenda(web_app), key=lambda r: r["id"])
    assert sign_in(client, "dewi").status_code == 303
    page = client.get(f"/staf/entri/{follow['id']}").text
    assert "Surat lanjutan dari" in page
    assert f'href="/staf/entri/{earlier["id"]}">{earlier["agenda_no"]}</a>' in page
    assert "Surel terkait diterima" in client.get(f"/staf/entri/{earlier['id']}").text
