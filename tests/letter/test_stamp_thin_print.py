# SPDX-License-Identifier: AGPL-3.0-or-later
"""A stamp is still told on a page whose print is a thin, light typeface scanned at 200 dpi."""
from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.letter.ocr import ocr_pil
from pipeline.letter.signature import signature
from tests.letter.stamps import pressed, star

POST = "Camat Sukamulya Kota Madiun"


def _second_page(size: int, print_grey: int, stamp_grey: int, at: int = 100) -> Image.Image:
    """A letter's second page as a 200-dpi greyscale scan, drawn here and by no generator: the
    closing line, the signature block and the Tembusan in a serif of SIZE pixels (11-13 pt)
    whose anti-aliased strokes are mostly grey edge, and a stamp of STAMP_GREY whose top the
    page's edge cuts, its ring and star over the post's first word (or, AT lower, a stamp
    over the name, the rank and the NIP)."""
    page = Image.new("L", (1654, 2339), 238)
    d = ImageDraw.Draw(page)
    serif = ImageFont.truetype("DejaVuSerif.ttf", size)
    rows = [((170, 40), "Atas perhatian Bapak, kami ucapkan terima kasih."), ((760, 150), POST),
            ((760, 300), "Drs. MUHAMMAD SIMANJUNTAK"), ((760, 335), "Penata Tk. I (III/d)"),
            ((760, 370), "NIP. 198505032013041006"), ((170, 450), "Tembusan:"),
            ((170, 485), "1. Walikota Madiun (sebagai laporan);"), ((170, 520), "2. Arsip.")]
    for where, text in rows:
        d.text(where, text, font=serif, fill=print_grey)
    stamp = Image.new("L", page.size, 255)
    s, ink, (cx, cy) = ImageDraw.Draw(stamp), round(stamp_grey * 255 / 238), (760, at)
    s.ellipse((cx - 150, cy - 150, cx + 150, cy + 150), outline=ink, width=7)
    s.ellipse((cx - 110, cy - 110, cx + 110, cy + 110), outline=ink, width=4)
    star(s, cx, cy, ink, 0.8)
    return pressed(page, stamp, 6)


@pytest.mark.parametrize("size,print_grey,stamp_grey,at",
                         [(22, 40, 140, 100), (22, 60, 110, 100), (24, 60, 140, 100),
                          (27, 60, 140, 100), (22, 60, 110, 340), (27, 60, 140, 340)])
def test_a_stamp_over_thin_light_print_is_told_and_the_block_read(size, print_grey,
                                                                    stamp_grey, at):
    """GIVEN a 200-dpi scan of a page holding little but the signature block, its print a thin
    typeface whose strokes reach print's dark core in only a fifth to a quarter of their
    pixels, and a pale stamp over the post, or over the name, rank and NIP WHEN it is read THEN
    the stamp is still told from the print, and the block is read whole under it (before,
    such print was judged as grey as the stamp, nothing was cleaned, and the post read
    "Camat Sukgimulya Kota Madiun Peta oi", "Camat, uamulya …", the block under the lower
    stamp not at all). Under the stamp, only the print's own dark cores count (stamp._core:
    for so light a face the bar rises to them; at 80 the NIP's 5 lost its stroke, "197303…")."""
    got = signature(ocr_pil(_second_page(size, print_grey, stamp_grey, at), 1, 60), 0)[0]
    assert (got["jabatan"], got["nama"], got["nip"]) == (
        POST, "Drs. MUHAMMAD SIMANJUNTAK", "198505032013041006"), got


def test_under_a_stamp_a_light_faces_own_cores_stay_print():
    """GIVEN a page whose thin face is so light that the darkest quarter of its print reaches
    only a grey of 82 (a 200-dpi scan's NIP, "197305…"), and a pale stamp (its commonest grey
    170) WHEN the bar for print's core under the stamp is set THEN it rises above that print's
    own core, short of the stamp's grey, and a stroke of the print's grey under the stamp
    stays (at the usual bar, 80, it went, and the 5 was read as a 3); a page of dark print
    keeps the usual bar."""
    from pipeline.letter import stamp
    own = [0] * 256
    own[170], own[150], own[85] = 400, 100, 20        # the stamp's square: mostly its own grey
    thin_bar, dark_bar = stamp._core(own, 82, thin=True), stamp._core(own, 82)
    assert 82 < thin_bar < 170 - stamp.BELOW and dark_bar == stamp.CORE
    page = Image.new("L", (60, 40), 170)                # the stamp's grey, and across it
    ImageDraw.Draw(page).rectangle((28, 5, 31, 34), fill=84)   # a stroke of the light print
    for bar, kept in ((thin_bar, True), (dark_bar, False)):
        cleaned = np.asarray(stamp.print_only(page, (0, 0, 60, 40), bar))
        assert (cleaned[10:30, 29:31] < 128).all() == kept, bar
        assert (cleaned[:, :20] > 128).all()           # the stamp's own grey goes either way
