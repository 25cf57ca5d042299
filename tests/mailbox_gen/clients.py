# SPDX-License-Identifier: AGPL-3.0-or-later
"""The envelopes OPD staff's mail clients really put letters in (issue 15, mail outcomes).

Each client shapes the message its own way: Outlook sends text + HTML with a long signature
and RFC 2231 file names, Gmail quotes the history under `On ... wrote:`, Thunderbird sends
format=flowed text, a phone sends `Dikirim dari iPhone saya` with a JPEG named IMG_1234.JPG.
"""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

CLIENTS = ("outlook", "gmail", "thunderbird", "phone")
MAILER = {"outlook": "Microsoft Outlook 16.0", "thunderbird": "Mozilla Thunderbird 115.6.0",
          "gmail": None, "phone": "iPhone Mail (20H115)"}
SIGNATURES = {
    "outlook": "\n\nSalam,\n{name}\nSubbagian Umum dan Kepegawaian\n{unit}\nTelp. (0285) 421{n:03d}",
    "gmail": "\n\n--\nAdmin Persuratan {unit}",
    "thunderbird": "\n\n-- \nSekretariat {unit}",
    "phone": "\n\nDikirim dari iPhone saya",
}


def _logo() -> bytes:
    """The small logo an HTML signature shows inline (Content-ID): never a letter."""
    import io

    from PIL import Image, ImageDraw
    img = Image.new("RGB", (96, 40), "white")
    ImageDraw.Draw(img).ellipse((4, 4, 36, 36), fill=(20, 90, 160))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


LOGO = _logo()


def message(rng: random.Random, client: str, sender: tuple[str, str], subject: str,
            body: str, n: int, answering: tuple[str, str] | None = None,
            headers: dict | None = None) -> EmailMessage:
    """A message from SENDER (name, address); ANSWERING is (Message-ID, quoted text)."""
    name, addr = sender
    msg = EmailMessage()
    msg["From"] = f"{name} <{addr}>"
    msg["To"] = "Konsultasi Inspektorat <konsultasi@inspektorat.example.go.id>"
    msg["Subject"] = subject if not answering else f"{'RE' if client == 'outlook' else 'Re'}: " \
                                                    f"{subject}"
    when = datetime(2026, 11, 2, 1, 0, tzinfo=timezone.utc) + timedelta(hours=n * 3 + 1)
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{client}.{n}.{rng.randrange(10**9)}@{addr.split('@')[1]}>"
    if MAILER[client]:
        msg["X-Mailer"] = MAILER[client]
    for key, value in (headers or {}).items():
        msg[key] = value
    text = body + SIGNATURES[client].format(name=name, unit=name, n=n)
    if answering:
        msg["In-Reply-To"] = answering[0]
        msg["References"] = answering[0]
        quoted = "\n".join("> " + line for line in answering[1].splitlines())
        text += f"\n\nPada {format_datetime(when - timedelta(hours=2))}, {addr} menulis:\n{quoted}"
    if client == "thunderbird":
        msg.set_content(text, params={"format": "flowed"})
    else:
        msg.set_content(text)
    if client in ("outlook", "gmail"):
        html = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines())
        if client == "outlook":
            html += '<p><img src="cid:logo001@kop"></p>'
        msg.add_alternative(html + "</body></html>", subtype="html")
        if client == "outlook":
            msg.get_payload()[1].add_related(LOGO, maintype="image", subtype="png",
                                             cid="<logo001@kop>", filename="image001.png")
    return msg


def attach(msg: EmailMessage, name: str, data: bytes) -> None:
    kinds = {"pdf": ("application", "pdf"), "jpg": ("image", "jpeg"), "jpeg": ("image", "jpeg"),
             "zip": ("application", "zip"),
             "docx": ("application",
                      "vnd.openxmlformats-officedocument.wordprocessingml.document"),
             "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")}
    maintype, subtype = kinds[name.rsplit(".", 1)[-1].lower()]
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
