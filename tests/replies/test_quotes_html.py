# SPDX-License-Identifier: AGPL-3.0-or-later
"""Fresh text from HTML-only replies: quote containers and Outlook's reply header are dropped
before the plain-text rules run."""
from pipeline.casework.replies import decide, fresh_text, html_to_text

REQUEST_HTML = ("<p>Mohon paraf konsep jawaban terlampir.</p><p>SETUJU<br>REVISI: &lt;catatan&gt;"
                "</p><p>Balas dengan SETUJU untuk memberi paraf, atau REVISI: &lt;catatan&gt; "
                "untuk mengembalikan kepada konseptor.</p>")


def test_outlook_html_only_reply_stops_at_the_reply_header():
    """GIVEN an Outlook (web) HTML-only reply with #appendonsend and #divRplyFwdMsg WHEN
    stripped THEN only the typed paragraphs remain."""
    html = f"""<html><head><style>p {{ margin: 0 }}</style></head><body>
<div dir="ltr"><p>REVISI:&nbsp;nomor surat</p><p>dan tanggal&nbsp;perlu diganti.</p></div>
<div id="appendonsend"></div>
<hr style="display:inline-block;width:98%" tabindex="-1">
<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri"><b>From:</b> Paraf Inspektorat
&lt;konsultasi@x.go.id&gt;<br><b>Sent:</b> Monday, November 23, 2026 9:15 AM<br>
<b>To:</b> Budi<br><b>Subject:</b> Permohonan paraf</font></div>
<div>{REQUEST_HTML}</div></body></html>"""
    got = fresh_text("", html)
    assert got == "REVISI: nomor surat\n\ndan tanggal perlu diganti."
    assert decide(got).kind == "return"


def test_outlook_desktop_html_without_ids_is_cut_at_the_header_block():
    """GIVEN an Outlook desktop HTML reply whose header block is plain bold paragraphs WHEN
    stripped THEN the From/Sent/To/Subject block ends the fresh text."""
    html = f"""<div class="WordSection1"><p class="MsoNormal">Setuju<o:p></o:p></p>
<div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>Dari:</b>
Paraf Inspektorat &lt;konsultasi@x.go.id&gt;<br><b>Dikirim:</b> Senin, 23 November 2026 09.15
<br><b>Kepada:</b> Budi<br><b>Subjek:</b> Permohonan paraf</p></div>{REQUEST_HTML}</div>"""
    assert fresh_text("", html) == "Setuju"


def test_gmail_html_drops_the_gmail_quote():
    """GIVEN a Gmail HTML reply WHEN stripped THEN div.gmail_quote (attribution and blockquote)
    is gone."""
    html = f"""<div dir="ltr">OK setuju</div><br><div class="gmail_quote gmail_quote_container">
<div dir="ltr" class="gmail_attr">On Mon, 23 Nov 2026 at 09:15 Paraf &lt;k@x.go.id&gt; wrote:<br>
</div><blockquote class="gmail_quote" style="margin:0px">{REQUEST_HTML}</blockquote></div>"""
    assert fresh_text("", html) == "OK setuju"


def test_gmail_html_bottom_post_keeps_text_after_the_quote():
    """GIVEN a bottom-posted HTML reply WHEN stripped THEN the text after the quote is fresh."""
    html = (f'<div class="gmail_quote"><blockquote>{REQUEST_HTML}</blockquote></div>'
            "<div>TOLAK: surat ini bukan kewenangan Inspektorat.</div>")
    assert fresh_text("", html) == "TOLAK: surat ini bukan kewenangan Inspektorat."


def test_thunderbird_and_apple_html_blockquotes_are_dropped():
    """GIVEN Thunderbird (moz-cite-prefix + blockquote type=cite) and Apple Mail HTML WHEN
    stripped THEN neither the attribution nor the quote remains."""
    thunderbird = (f'<p>Disetujui.</p><div class="moz-cite-prefix">On 23/11/2026 09.15, Paraf '
                   f'wrote:<br></div><blockquote type="cite">{REQUEST_HTML}</blockquote>')
    apple = (f'<div>PARAF</div><div><br><blockquote type="cite"><div>On 23 Nov 2026, at 09:15, '
             f'Paraf &lt;k@x.go.id&gt; wrote:</div><div><blockquote>{REQUEST_HTML}</blockquote>'
             '</div></blockquote></div><div>Sent from my iPhone</div>')
    assert fresh_text("", thunderbird) == "Disetujui."
    assert fresh_text("", apple) == "PARAF"


def test_plain_text_part_wins_over_html_and_scripts_are_invisible():
    """GIVEN both parts WHEN stripped THEN the text part is used; GIVEN HTML with script/style
    THEN their content never shows up as text."""
    assert fresh_text("Setuju", "<p>REVISI: x</p>") == "Setuju"
    html = "<style>.a{}</style><script>var s='SETUJU'</script><p>REVISI: kop surat</p>"
    assert html_to_text(html) == "REVISI: kop surat"


def test_broken_html_does_not_crash():
    """GIVEN unbalanced, truncated markup WHEN converted THEN text comes back, no exception."""
    assert fresh_text("", "<div><p>Setuju<blockquote><p>REVISI") == "Setuju"
    assert fresh_text("", "") == ""
