# SPDX-License-Identifier: AGPL-3.0-or-later
"""One function per kind of OPD mail; each appends its mail(s), with their truth, to MAILS."""
from __future__ import annotations

from email.message import EmailMessage

from tests.mailbox_gen import clients

COVER = ["Dengan hormat,\nBersama ini kami sampaikan surat permohonan konsultasi sebagaimana "
         "terlampir.\nAtas perhatiannya kami ucapkan terima kasih.",
         "Yth. Inspektur,\nTerlampir surat kami. Mohon arahan.",
         "Selamat siang, bersama ini kami kirimkan surat dari Kepala Dinas.",
         "Kepada Yth. Inspektorat\n\nMohon diterima surat terlampir.\nTerima kasih."]
NOTHING = ["Dengan hormat,\nBersama ini kami sampaikan surat permohonan konsultasi nomor "
           "{nomor} hal {hal}, terlampir.\nTerima kasih.",
           "Terlampir surat kami nomor {nomor} perihal {hal}.",
           "Yth. Inspektur Daerah,\nsebagaimana terlampir kami mohon konsultasi mengenai {hal}."
           "\nHormat kami.",
           "Terlampir.\nNomor: {nomor} Hal: {hal}"]


def _emit(mails, msg: EmailMessage, kind, client, outcome, **truth):
    from tests.mailbox_gen import Mail
    mails.append(Mail(msg.as_bytes(), kind, client, outcome, message_id=msg["Message-ID"],
                      **truth))
    return len(mails) - 1


def _letter(maker, client):
    spec = maker.spec()
    how = "photo" if client == "phone" else maker.rng.choice(["docx", "pdf"])
    return spec, maker.render(spec, how)


def letter(maker, client, sender, mails):
    """An OPD sends its letter, attached as its client attaches files."""
    spec, (name, data) = _letter(maker, client)
    msg = clients.message(maker.rng, client, sender, spec["hal"][:80],
                          maker.rng.choice(COVER), len(mails))
    clients.attach(msg, name, data)
    _emit(mails, msg, "letter", client, "registered", status="registered", nomor=spec["nomor"])


def in_zip(maker, client, sender, mails):
    """The letter and its spreadsheet annex zipped together."""
    spec = maker.spec()
    files = [maker.render(spec, maker.rng.choice(["docx", "pdf"])), maker.xlsx()]
    maker.rng.shuffle(files)
    msg = clients.message(maker.rng, client, sender, f"Konsultasi - {spec['hal'][:60]}",
                          maker.rng.choice(COVER), len(mails))
    clients.attach(msg, *maker.zipped(files))
    _emit(mails, msg, "zip", client, "registered", status="registered", nomor=spec["nomor"])


def nothing_attached(maker, client, sender, mails):
    """`Terlampir ...` and nothing attached; then (every other time) a phone photo of it."""
    spec = maker.spec()
    body = maker.rng.choice(NOTHING).format(nomor=spec["nomor"], hal=spec["hal"])
    msg = clients.message(maker.rng, client, sender, spec["hal"][:70], body, len(mails))
    _emit(mails, msg, "nothing_attached", client, "incomplete", status="incomplete")
    if len(mails) % 2:
        return
    answer = clients.message(maker.rng, "phone", sender, msg["Subject"],
                             "Mohon maaf, berikut foto suratnya.", len(mails),
                             answering=(msg["Message-ID"], body))
    clients.attach(answer, *maker.render(spec, "photo"))
    _emit(mails, answer, "photo_completes", "phone", "completed", status="registered",
          nomor=spec["nomor"])


def sheet_only(maker, client, sender, mails):
    msg = clients.message(maker.rng, client, sender, "Data tindak lanjut LHP",
                          maker.rng.choice(COVER), len(mails))
    clients.attach(msg, *maker.xlsx())
    _emit(mails, msg, "sheet_only", client, "incomplete", status="incomplete")


def konsep(maker, client, sender, mails):
    """A konsep with a blank sequence, then the numbered letter in the same thread."""
    spec = maker.spec()
    draft = maker.draft(spec)
    name, data = maker.render(draft, maker.rng.choice(["docx", "pdf"]))
    msg = clients.message(maker.rng, client, sender, f"Konsep surat {spec['hal'][:50]}",
                          "Berikut konsep surat kami untuk dikoreksi.", len(mails))
    clients.attach(msg, "KONSEP " + name, data)
    _emit(mails, msg, "konsep", client, "incomplete", status="incomplete")
    answer = clients.message(maker.rng, client, sender, msg["Subject"],
                             "Berikut surat yang sudah bernomor.", len(mails),
                             answering=(msg["Message-ID"], "Berikut konsep surat kami."))
    clients.attach(answer, *maker.render(spec, maker.rng.choice(["docx", "pdf"])))
    _emit(mails, answer, "numbered_completes", client, "completed", status="registered",
          nomor=spec["nomor"])


def follow_up(maker, client, sender, mails):
    """A letter, then a second letter with its own number in the same thread."""
    first, (name, data) = _letter(maker, "outlook" if client == "phone" else client)
    msg = clients.message(maker.rng, client, sender, first["hal"][:70],
                          maker.rng.choice(COVER), len(mails))
    clients.attach(msg, name, data)
    earlier = _emit(mails, msg, "letter", client, "registered", status="registered",
                    nomor=first["nomor"])
    second = maker.spec()
    answer = clients.message(maker.rng, client, sender, msg["Subject"],
                             "Menindaklanjuti surat kami sebelumnya, bersama ini kami sampaikan "
                             "surat lanjutan.", len(mails),
                             answering=(msg["Message-ID"], maker.rng.choice(COVER)))
    clients.attach(answer, *maker.render(second, maker.rng.choice(["docx", "pdf"])))
    _emit(mails, answer, "follow_up", client, "registered", status="registered",
          nomor=second["nomor"], follows=earlier)


def resend(maker, client, sender, mails):
    """The same letter sent twice (a new mail, not a reply): the second is a duplicate."""
    spec = maker.spec()
    name, data = maker.render(spec, maker.rng.choice(["docx", "pdf"]))
    for outcome in ("registered", "duplicate"):
        msg = clients.message(maker.rng, client, sender, spec["hal"][:70],
                              maker.rng.choice(COVER), len(mails))
        clients.attach(msg, name, data)
        _emit(mails, msg, "resend", client, outcome, status=outcome, nomor=spec["nomor"])


def automatic(maker, client, sender, mails):
    """An out-of-office reply or a bounce: recorded, never registered nor answered."""
    n = len(mails)
    if n % 2:
        msg = clients.message(maker.rng, client, sender, "Automatic reply: Tanda terima",
                              "Saya sedang cuti sampai 30 November 2026. Terlampir jadwal.",
                              n, headers={"Auto-Submitted": "auto-replied",
                                          "X-Auto-Response-Suppress": "All"})
    else:
        msg = clients.message(maker.rng, "thunderbird", ("Mail Delivery System",
                              f"MAILER-DAEMON@{sender[1].split('@')[1]}"),
                              "Undelivered Mail Returned to Sender",
                              "This is the mail system. Your message could not be delivered.",
                              n)
    _emit(mails, msg, "automatic", client, "rejected", status="rejected")


def forwarded(maker, client, sender, mails):
    """A secretariat forwards the head's message (message/rfc822) with the letter inside."""
    spec, (name, data) = _letter(maker, "gmail")
    inner = clients.message(maker.rng, "outlook", sender, spec["hal"][:70],
                            maker.rng.choice(COVER), len(mails))
    clients.attach(inner, name, data)
    outer = clients.message(maker.rng, client, sender, "Fwd: " + spec["hal"][:70],
                            "Diteruskan surat dari kepala dinas.", len(mails))
    outer.add_attachment(inner)
    _emit(mails, outer, "forwarded", client, "registered", status="registered",
          nomor=spec["nomor"])


KINDS = (letter, in_zip, nothing_attached, konsep, sheet_only, follow_up, automatic, resend,
         forwarded, letter, in_zip, nothing_attached)
