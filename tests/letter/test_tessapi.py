"""Tesseract in-process (tessapi): what the CLI would print, with the models loaded once."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import threading
import time

import pytest

from pipeline.letter import ocr, readahead, sandbox, tessapi
from pipeline.letter.model import Limits, Refused

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None or not tessapi.available(),
                                reason="tesseract and its library are needed to read scans")

PAGE = ["PEMERINTAH KABUPATEN SINTANG", "DINAS PERHUBUNGAN", "Sintang, 4 Maret 2026",
        "Nomor : 551/118/DISHUB/2026", "Hal : Permohonan Konsultasi",
        "Yth. Inspektur Kabupaten Sintang", "di Sintang",
        "1. Apakah retribusi terminal dapat dipungut oleh pihak ketiga?",
        "2. Bagaimana menyetorkan retribusi yang dipungut pada hari libur?",
        "Kepala Dinas Perhubungan,", "Drs. EKO PRASETYO, M.Si.", "NIP. 196805121994031007"]
PAGE_CMD = ["tesseract", "-", "-", "-l", ocr.LANGS, "--psm", "6", "-c", "tessedit_do_invert=0",
            "tsv"]
BAND_CMD = ["tesseract", "-", "-", "-l", ocr.LANGS, "--psm", "7", "-c", "tessedit_do_invert=0",
            "tsv"]
LINE_CMD = ["tesseract", "-", "-", "-l", "eng", "--psm", "7"]


def _image(lines: list[str], width: int = 1700, size: int = 34):
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("DejaVuSerif.ttf", size)
    img = Image.new("L", (width, 60 + int(size * 1.6) * len(lines)), 255)
    draw = ImageDraw.Draw(img)
    for k, text in enumerate(lines):
        draw.text((40, 30 + int(size * 1.6) * k), text, font=font, fill=0)
    return img


def _bytes(img, fmt: str, more=()) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **({"save_all": True, "append_images": list(more)} if more else {}))
    return buf.getvalue()


def _cli(cmd: list[str], data: bytes) -> bytes:
    return subprocess.run(cmd, input=data, capture_output=True, check=True, env=ocr.ENV).stdout


def _kop_in_white() -> bytes:
    """A page whose kop is white on black, over its Hal: a line tesseract reads unsure, where
    whether it tries the line inverted (tessedit_do_invert) shows in the reading."""
    from PIL import ImageDraw, ImageFont

    img = _image(PAGE[:5])
    draw = ImageDraw.Draw(img)
    draw.rectangle((30, 200, 1100, 260), fill=0)
    draw.text((50, 205), "DINAS KESEHATAN DAERAH",
              font=ImageFont.truetype("DejaVuSerif.ttf", 40), fill=255)
    return _bytes(img, "PNG")


def test_a_page_a_tiff_of_bands_and_a_line_read_as_the_cli_prints_them():
    page = _bytes(_image(PAGE).convert("1", dither=0), "PPM")
    bands = [_image([t]) for t in ("Drs. EKO PRASETYO, M.Si.", "Pembina Utama Muda",
                                   "NIP. 196805121994031007")]
    tiff = _bytes(bands[0], "TIFF", bands[1:])
    line = _bytes(_image(["QOMARUDIN"]), "PNG")
    for cmd, data in ((PAGE_CMD, page), (BAND_CMD, tiff), (LINE_CMD, line),
                      (PAGE_CMD, _kop_in_white()),
                      (PAGE_CMD, page)):  # (the last on models kept from the first)
        got = tessapi.run(tessapi.spec(cmd), data, 60)
        assert got == _cli(cmd, data)
    text = tessapi.run(tessapi.spec(PAGE_CMD), page, 60).decode()
    assert "551/118/DISHUB/2026" in text and "PRASETYO," in text
    pages = {row.split("\t")[1] for row in
             tessapi.run(tessapi.spec(BAND_CMD), tiff, 60).decode().splitlines()[1:]}
    assert pages == {"1", "2", "3"}  # each band its own page, as read_bands reads them


def test_bands_read_as_text_are_parted_as_the_cli_parts_pages():
    bands = [_image([t]) for t in ("HELLO", "WORLD")]
    tiff = _bytes(bands[0], "TIFF", bands[1:])
    assert tessapi.run(tessapi.spec(LINE_CMD), tiff, 60) == _cli(LINE_CMD, tiff)


def test_the_models_are_loaded_once_for_the_page_and_its_bands():
    tessapi.run(tessapi.spec(PAGE_CMD), _bytes(_image(PAGE[:3]), "PNG"), 60)
    models = tessapi.spec(PAGE_CMD)._replace(psm=0)
    kept = list(tessapi._idle[models])
    tessapi.run(tessapi.spec(BAND_CMD), _bytes(_image(PAGE[3:4]), "PNG"), 60)
    assert tessapi._idle[models] == kept  # the page's handle read the band: no second load


def test_two_pages_at_once_read_as_one_after_the_other():
    pages = [_bytes(_image(PAGE[k:k + 6]), "PNG") for k in (0, 6)]
    alone = [tessapi.run(tessapi.spec(PAGE_CMD), p, 60) for p in pages]
    got = [b""] * 2
    threads = [threading.Thread(target=lambda k=k: got.__setitem__(
        k, tessapi.run(tessapi.spec(PAGE_CMD), pages[k], 60))) for k in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == alone


def test_an_abandoned_page_stops_long_before_its_reading_would_end():
    dense = _bytes(_image(PAGE * 6, size=30), "PNG")
    start = time.monotonic()
    tessapi.run(tessapi.spec(PAGE_CMD), dense, 60)
    whole = time.monotonic() - start
    stop = threading.Event()
    threading.Timer(0.05, stop.set).start()
    start = time.monotonic()
    with pytest.raises(Refused, match="abandoned"):
        tessapi.run(tessapi.spec(PAGE_CMD), dense, 60, stop)
    assert time.monotonic() - start < max(0.5, whole / 2)
    with pytest.raises(Refused, match="abandoned"):  # set before: nothing is read
        tessapi.run(tessapi.spec(PAGE_CMD), dense, 60, stop)


def test_a_page_over_its_time_is_refused_with_the_reason():
    dense = _bytes(_image(PAGE * 6, size=30), "PNG")
    with pytest.raises(Refused, match="took longer than"):
        tessapi.run(tessapi.spec(PAGE_CMD), dense, 0.01)
    with pytest.raises(Refused, match="could not be read"):
        tessapi.run(tessapi.spec(PAGE_CMD), b"not an image", 5)


def test_a_forked_reader_reads_with_the_models_its_parent_loaded():
    data = _bytes(_image(PAGE[:4]), "PNG")
    want = tessapi.run(tessapi.spec(PAGE_CMD), data, 60)
    models = tessapi.spec(PAGE_CMD)._replace(psm=0)
    ocr.warm(2)  # as sandbox.read_letter does before each reader is forked
    assert len(tessapi._idle[models]) >= 2

    def read() -> dict:
        loaded = len(tessapi._idle[models])
        return {"tsv": tessapi.run(tessapi.spec(PAGE_CMD), data, 60).decode(),
                "loaded": loaded, "pid": os.getpid()}

    got = sandbox.run_limited(read, Limits())
    assert got["tsv"].encode() == want and got["pid"] != os.getpid() and got["loaded"] >= 2


def test_models_that_cannot_load_refuse_only_a_scan(monkeypatch):
    def broken(tess, models):
        raise Refused(f"tesseract could not load the models for {models.langs}")

    monkeypatch.setattr(tessapi, "_new", broken)
    monkeypatch.setattr(tessapi, "_idle", tessapi.defaultdict(list))
    ocr.warm(2)  # (before every letter, a DOCX too: it loads nothing and refuses nothing)
    with pytest.raises(Refused, match="could not load the models"):
        tessapi.run(tessapi.spec(PAGE_CMD), _bytes(_image(PAGE[:2]), "PNG"), 60)


def test_a_reader_on_two_cores_has_its_cpu_time_on_each():
    """Tesseract's CPU is the reader's own now: a letter read on two threads has its time
    limit of CPU on each, not half of it each (the wall-clock limit still bounds it)."""
    import resource

    got = sandbox.run_limited(lambda: {"cpu": resource.getrlimit(resource.RLIMIT_CPU)[0]},
                              Limits(seconds=2))
    assert got["cpu"] == (2 * 2 if readahead.possible() else 2) + 1


def test_other_commands_and_other_forms_are_left_to_the_cli():
    assert tessapi.spec(["pdftoppm", "-r", "300", "-png"]) is None
    assert tessapi.spec(["tesseract", "in.png", "-"]) is None
    assert tessapi.spec(["tesseract", "-", "-", "--oem", "1"]) is None
    assert tessapi.spec(["tesseract", "-", "-", "hocr"]) is None  # (renderers only text, TSV)
    assert tessapi.spec(["tesseract", "-", "-", "-c", "tessedit_create_hocr=1"]) is None
    assert tessapi.spec(["tesseract", "-", "-", "tsv", "-l", "ind"]) is None
    assert tessapi.spec(LINE_CMD) == ("eng", 7, (), ())
    assert tessapi.spec(["tesseract", "-", "-", "-l", "eng", "--psm", "7", "-c",
                         "tessedit_char_whitelist=0123456789", "tsv"]) == (
        "eng", 7, (("tessedit_char_whitelist", "0123456789"),), ("tsv",))


def test_without_the_library_the_cli_reads_as_before(monkeypatch):
    data = _bytes(_image(PAGE[:4]), "PNG")
    monkeypatch.setattr(tessapi, "_libs", [None])
    assert not tessapi.available()
    assert ocr._run(PAGE_CMD, data, 60) == _cli(PAGE_CMD, data)


def test_a_nota_dinas_scan_reads_the_same_through_the_worker_in_process_and_by_the_cli(
        monkeypatch):
    """A layout the generators here do not scan: a Setda bureau's Nota Dinas (Yth. / Dari /
    Tembusan / Tanggal / Nomor / Sifat / Lampiran / Hal), signed overleaf, read as the worker
    reads it (a forked sandboxed reader) with tesseract in-process, and again with the CLI:
    every field the same, and the fields right."""
    from tests.letter.test_pages_ahead import _scan

    first = ["PEMERINTAH KABUPATEN BANYUMAS", "SEKRETARIAT DAERAH", "", "NOTA DINAS", "",
             "Yth.        : Inspektur Kabupaten Banyumas",
             "Dari        : Kepala Bagian Hukum Sekretariat Daerah",
             "Tembusan : Sekretaris Daerah Kabupaten Banyumas",
             "Tanggal    : 14 Oktober 2026", "Nomor      : 180/412/Hukum/2026",
             "Sifat        : Biasa", "Lampiran   : -",
             "Hal          : Konsultasi Penyusunan Peraturan Bupati", "",
             "Sehubungan dengan penyusunan Peraturan Bupati, kami mohon petunjuk:",
             "1. Apakah rancangan perlu difasilitasi oleh Biro Hukum Provinsi?"]
    second = ["2. Bagaimana tata cara pengundangan dalam Berita Daerah?", "",
              "Demikian disampaikan, atas perhatiannya diucapkan terima kasih.", "",
              "Kepala Bagian Hukum,", "", "", "SRI WAHYUNI, S.H., M.H.",
              "Pembina", "NIP. 197603142001122003"]
    data = _scan(first, second)
    inside = sandbox.read_letter(data, "nota.pdf").to_dict()
    monkeypatch.setattr(tessapi, "_libs", [None])  # (the forked reader inherits it)
    assert sandbox.read_letter(data, "nota.pdf").to_dict() == inside
    assert inside["nomor"] == "180/412/Hukum/2026" and inside["tanggal"] == "2026-10-14"
    assert len(inside["pertanyaan"]) == 2
    assert inside["penandatangan"]["nip"] == "197603142001122003"
