"""The Q in a signer's name, which the Indonesian OCR model cannot write (letter/nameline.py)."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from PIL import Image, ImageDraw, ImageFont

from pipeline.letter import nameline
from pipeline.letter.lines import Word

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")


def run(cmd, stdin, timeout):
    return subprocess.run(cmd, input=stdin, capture_output=True, timeout=timeout, check=True).stdout


def page():
    """A page's signature block at ~300 dpi: post, name (with a Q and an O), rank, NIP."""
    img = Image.new("L", (2480, 700), 255)
    d = ImageDraw.Draw(img)
    bold = ImageFont.truetype("DejaVuSans-Bold.ttf", 46)
    plain = ImageFont.truetype("DejaVuSans.ttf", 46)
    d.text((1300, 60), "Kepala Dinas Sosial,", font=plain, fill=0)
    d.text((1300, 360), "dr. H. MUHAMMAD IQBAL SOEMARNO", font=bold, fill=0)
    d.text((1300, 440), "Pembina Utama Muda", font=plain, fill=0)
    d.text((1300, 520), "NIP. 197502251989062004", font=plain, fill=0)
    return img


def words_as_read():
    """The page as the Indonesian-first reading gives it: IQBAL spelt IOBAL."""
    def line(texts, top, key):
        out, x = [], 1300.0
        for t in texts.split():
            out.append(Word(t, x, x + 30 * len(t), top, top + 50, 0.9, key))
            x += 30 * len(t) + 20
        return out
    return (line("Kepala Dinas Sosial,", 60, (1, 1, 1)) + line("dr. H. MUHAMMAD IOBAL SOEMARNO", 360, (1, 2, 1))
            + line("Pembina Utama Muda", 440, (1, 3, 1)) + line("NIP. 197502251989062004", 520, (1, 4, 1)))


def test_the_names_q_is_read_and_nothing_else_changes():
    """GIVEN a page read with "IQBAL" spelt "IOBAL" by the Indonesian model
    WHEN the name's line is read again
    THEN IQBAL has its Q, and SOEMARNO (a real O) and every other line stay as read."""
    words = words_as_read()
    before = [w.text for w in words]
    got = [w.text for w in nameline.with_q(page(), words, run, 30)]
    assert got == [("IQBAL" if t == "IOBAL" else t) for t in before]


def test_only_an_o_can_become_a_q():
    assert nameline._q_for_o("IOBAL", "IQBAL")
    assert not nameline._q_for_o("SOEMARNO", "SOEMARNO")
    assert not nameline._q_for_o("IOBAL", "IQBAI")
    assert not nameline._q_for_o("BUDI", "QUDI")
    # a Q stands beside a vowel in a name (qaf); after a consonant at a word's end it is an O
    for page, eng in (("TAOWA", "TAQWA"), ("RAFIO", "RAFIQ"), ("OOMAR", "QOMAR")):
        assert nameline._q_for_o(page, eng), eng
    for page, eng in (("WIBOWO", "WIBOWQ"), ("PRASETYO,", "PRASETYQ,")):
        assert not nameline._q_for_o(page, eng), eng
