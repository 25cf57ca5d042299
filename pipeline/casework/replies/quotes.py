# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the person wrote now, without the quoted history their mail program added.

A reply quotes Paraf's own request, which contains the very words (SETUJU, REVISI) that decide
a paraf; reading the quote as the answer would approve letters nobody approved. So the rule is
conservative: text counts as fresh only when it is neither '>'-quoted nor below a marker that
starts quoted or foreign text (attribution line, "Original Message" separator, an Outlook
From:/Sent:/To: block, a signature, a mobile footer). Top-posting is the norm; text typed below
or between '>'-quoted blocks that follow an attribution line (bottom-posting) is kept too.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

MAX_CHARS = 200_000          # a reply longer than this is not a decision; bounds regex work

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
_QUOTED = re.compile(r"^\s*>")
_ATTRIBUTION_END = re.compile(r"(?:wrote|writes|menulis|tulis)\s*:$", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ATTRIBUTION_START = re.compile(r"^(?:on|pada)\s", re.I)
_SEPARATOR = re.compile(
    r"^(?:-{2,}\s*(?:original message|pesan asli|forwarded message|pesan terusan|"
    r"pesan yang diteruskan|reply message|pesan balasan)\s*-{2,}"
    r"|_{10,}|begin forwarded message:|awal pesan yang diteruskan:|pesan yang diteruskan:)$",
    re.I)
_HEADER_FIRST = re.compile(r"^\*{0,2}(?:from|dari)\s*:\*{0,2}\s*\S", re.I)
_HEADER_NEXT = re.compile(
    r"^\*{0,2}(?:sent|date|tanggal|dikirim|terkirim|to|kepada|cc|subject|subjek|perihal)"
    r"\s*:", re.I)
_FOOTER = re.compile(
    r"^(?:sent (?:from|with|via) .{1,50}|dikirim (?:dari|melalui|via|dengan) .{1,50}"
    r"|get outlook for .{1,20}|dapatkan outlook untuk .{1,20}|diketik dari .{1,40})$", re.I)


def fresh_text(text: str, html: str = "") -> str:
    """The lines the sender typed in this reply; "" when there are none."""
    body = text if (text or "").strip() else html_to_text(html or "")
    body = _INVISIBLE.sub("", body[:MAX_CHARS]).replace("\xa0", " ")
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if _QUOTED.match(line):
            i += 1
            continue
        marker = _marker(lines, i)
        if marker is None:
            out.append(line)
            i += 1
            continue
        kind, span = marker
        if kind != "attribution":
            break                      # separator, header block, signature, footer: stop
        j = i + span
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and _QUOTED.match(lines[j]):
            i = j                      # a '>'-quoted block follows: text below it may be fresh
            continue
        break                          # unquoted history (e.g. Yahoo): nothing below is fresh
    return _tidy(out)


def _marker(lines: list[str], i: int) -> tuple[str, int] | None:
    """(kind, number of lines) when line I starts quoted or foreign text, else None."""
    line = lines[i].strip()
    if not line:
        return None
    if line == "--":
        return "signature", 1
    if _SEPARATOR.match(line):
        return "separator", 1
    if len(line) <= 70 and _FOOTER.match(line):
        return "footer", 1
    if len(line) > 500:
        return None
    if _is_attribution(line):
        return "attribution", 1
    if _ATTRIBUTION_START.match(line):          # wrapped attribution, over 2 or 3 lines
        joined = line
        for extra in (1, 2):
            if i + extra >= len(lines) or _QUOTED.match(lines[i + extra]):
                break
            joined = f"{joined} {lines[i + extra].strip()}"
            if _is_attribution(joined):
                return "attribution", extra + 1
    if _HEADER_FIRST.match(line):
        following = [s.strip() for s in lines[i + 1:i + 12] if s.strip()][:6]
        if sum(1 for s in following if _HEADER_NEXT.match(s)) >= 2:
            return "header", 1
    return None


def _is_attribution(line: str) -> bool:
    """'On/Pada <date>, <name> wrote:/menulis:' or '<name> <address> wrote:'.

    Two cheap checks instead of one regex: a single pattern with an open middle backtracks
    badly on long hostile lines."""
    if not _ATTRIBUTION_END.search(line):
        return False
    return bool(_ATTRIBUTION_START.match(line) or _EMAIL.search(line))


def _tidy(lines: list[str]) -> str:
    text = "\n".join(s.rstrip() for s in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n").strip()


# -- HTML ---------------------------------------------------------------------------------------

_BLOCK = frozenset({"p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4",
                    "h5", "h6", "hr", "pre", "section", "article", "header", "footer", "dl",
                    "dt", "dd", "address", "center"})
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "col", "area", "base",
                   "source", "embed", "param", "track"})
_INVISIBLE_TAGS = frozenset({"head", "style", "script", "title", "template", "noscript"})
_QUOTE_CLASSES = ("gmail_quote", "gmail_attr", "gmail_signature", "moz-cite-prefix",
                  "moz-signature", "yahoo_quoted", "protonmail_quote")
_STOP_IDS = frozenset({"divrplyfwdmsg", "appendonsend", "mail-editor-reference-message-container"})


class _Text(HTMLParser):
    """Visible text, with quote containers dropped and Outlook's reply header ending it all."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.pre = 0
        self.stopped = False

    def handle_starttag(self, tag, attrs):
        if self.stopped:
            return
        if self.skip_tag is not None:
            if tag == self.skip_tag and tag not in _VOID:
                self.skip_depth += 1
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        if values.get("id", "").strip().lower() in _STOP_IDS:
            self.stopped = True
            return
        classes = values.get("class", "").lower().split()
        if (tag == "blockquote" or tag in _INVISIBLE_TAGS
                or any(c.startswith(q) for c in classes for q in _QUOTE_CLASSES)):
            if tag not in _VOID:
                self.skip_tag, self.skip_depth = tag, 1
            return
        if tag == "pre":
            self.pre += 1
        if tag in _BLOCK:
            self.chunks.append("\n")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.stopped:
            return
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth <= 0:
                    self.skip_tag = None
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in _BLOCK:
            self.chunks.append("\n")

    def handle_data(self, data):
        if self.stopped or self.skip_tag is not None:
            return
        self.chunks.append(data if self.pre else re.sub(r"[ \t\r\n\f]+", " ", data))


def html_to_text(html: str) -> str:
    """Plain text of an HTML body, without blockquotes and reply-history containers."""
    if not html.strip():
        return ""
    parser = _Text()
    try:
        parser.feed(html[:MAX_CHARS * 5])
        parser.close()
    except Exception:            # html.parser is lenient; never let odd markup crash intake
        pass
    lines = (s.strip() for s in "".join(parser.chunks).replace("\xa0", " ").split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
