# SPDX-License-Identifier: AGPL-3.0-or-later
"""The public form, the receipt and the tracking page in a real Chromium, on a desktop and a
phone-sized screen; screenshots under test-output/screenshots for a person to look at."""
from __future__ import annotations

import re

from sqlalchemy import select

from pipeline.core.models import AgendaEntry

from .conftest import PASSWORD
from .live import browser_sign_in, shot
from .publicform import KNOWN, XSS, dispose, drafter_account, pdf_bytes, png_bytes


def fill(page, tmp_path, name="Sri Handayani", files=True):
    page.goto("/")
    page.fill("input[name=name]", name)
    page.select_option("select[name=opd]", "disdik-kota-pekalongan")
    page.fill("input[name=position]", "Kepala Sub Bagian Keuangan")
    page.fill("input[name=email]", KNOWN)
    page.fill("input[name=phone]", "0285 421234")
    page.select_option("select[name=bidang]", "Keuangan dan Aset Daerah")
    page.select_option("select[name=wilayah]", "Kecamatan Pekalongan Utara")
    page.fill("textarea[name=purpose]",
              "Memperoleh penjelasan tentang penatausahaan belanja hibah tahun 2026.")
    boxes = page.locator("textarea[name=pertanyaan]")
    boxes.nth(0).fill("Bagaimana pertanggungjawaban dana hibah yang terlambat disampaikan?")
    boxes.nth(1).fill("Apakah perlu reviu Inspektorat sebelum pencairan?")
    if files:
        pdf, png = tmp_path / "rincian-hibah.pdf", tmp_path / "foto-kegiatan.png"
        pdf.write_bytes(pdf_bytes("Rincian hibah"))
        png.write_bytes(png_bytes())
        page.set_input_files("input[name=berkas]", [str(pdf), str(png)])


def test_form_with_upload_receipt_and_tracking_in_chromium(browser_page, web_app, tmp_path):
    page = browser_page
    missing = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.goto("/")
    box = page.locator("div.hp").bounding_box()                   # the honeypot: off-screen
    assert box is None or box["x"] + box["width"] <= 0
    shot(page, "public-form")
    fill(page, tmp_path)
    page.click("button[type=submit]")
    page.wait_for_selector("text=Tanda Terima Permohonan Konsultasi")
    shot(page, "public-receipt")
    agenda = page.locator(".agenda-no").inner_text()
    assert "/KONS/" in agenda
    link = page.locator(".tracking-link a").get_attribute("href")
    assert re.fullmatch(r"/lacak/[A-Za-z0-9_-]{20,}", link)
    page.click(".tracking-link a")
    page.wait_for_selector("text=Tahapan layanan")
    assert page.locator("li.stage").count() == 6
    assert "rincian-hibah.pdf" in page.content()
    shot(page, "tracking-registered")
    with page.expect_download() as download:
        page.click("text=Unduh formulir permohonan (PDF)")
    assert download.value.suggested_filename.endswith(".pdf")
    # no CSP violation, no script error; the only miss is the browser's own favicon request
    # (no favicon is served yet), which Playwright does not list as a page response
    assert missing == []
    assert all("status of 404" in e for e in page.console_errors), page.console_errors


def test_tracking_through_the_steps_in_chromium(browser_page, web_app, tmp_path):
    page = browser_page
    fill(page, tmp_path, files=False)
    page.click("button[type=submit]")
    page.wait_for_selector(".tracking-link a")
    link = page.locator(".tracking-link a").get_attribute("href")
    with web_app.session() as s:
        entry_id = s.scalar(select(AgendaEntry.id))
    browser_sign_in(page, "dewi", PASSWORD)
    page.wait_for_url("**/staf/**")
    page.goto("/staf/konsultasi")
    shot(page, "staff-consultation-queue")
    page.click(f"a[href='/staf/konsultasi/{entry_id}']")
    page.check("input[value='Surat permohonan yang ditandatangani pimpinan OPD']")
    shot(page, "staff-consultation-check")
    page.click("text=Kirim permintaan kelengkapan")
    page.wait_for_url("**/staf/konsultasi")
    page.context.clear_cookies()
    page.goto(link)
    page.wait_for_selector("text=Permohonan belum lengkap")
    shot(page, "tracking-incomplete")
    extra = tmp_path / "surat-permohonan.pdf"
    extra.write_bytes(pdf_bytes("Surat permohonan"))
    page.set_input_files("input[name=berkas]", str(extra))
    page.click("text=Kirim kelengkapan")
    page.wait_for_selector("text=kelengkapan telah kami terima")
    browser_sign_in(page, "dewi", PASSWORD)
    page.wait_for_url("**/staf/**")
    page.goto(f"/staf/konsultasi/{entry_id}")
    page.click("text=Lengkap — teruskan untuk disposisi")
    page.wait_for_url("**/staf/konsultasi")
    dispose(web_app, entry_id)
    page.context.clear_cookies()
    page.goto(link)
    shot(page, "tracking-answering")
    browser_sign_in(page, drafter_account(web_app, entry_id), PASSWORD)
    page.wait_for_url("**/staf/**")
    page.goto(f"/staf/konsultasi/{entry_id}/jawab")
    page.fill("textarea[name=jawaban]", "Pertanggungjawaban dana hibah disampaikan paling "
                                        "lambat tanggal 10 Januari tahun anggaran berikutnya.")
    shot(page, "staff-consultation-answer")
    page.click("text=Kirim jawaban kepada pemohon")
    page.wait_for_url("**/staf/tugas")        # back in the official's own queue
    from pipeline import worker
    worker.deliver(web_app)
    page.context.clear_cookies()
    page.goto(link)
    assert page.locator(".step-badge.is-met").count() == 6
    shot(page, "tracking-answered")
    page.goto("/lacak/kode-yang-salah")
    assert "Tidak ditemukan" in page.content()
    shot(page, "tracking-not-found")
    assert all("status of 404" in e for e in page.console_errors), page.console_errors


def test_on_a_phone_and_with_xss_payloads(chromium, live, web_app, tmp_path):
    context = chromium.new_context(base_url=live.url, viewport={"width": 390, "height": 844},
                                   locale="id-ID", is_mobile=True, has_touch=True)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto("/")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the form scrolls sideways on a phone ({width}px)"
        shot(page, "public-form-phone")
        fill(page, tmp_path, name=XSS[0], files=False)
        page.fill("textarea[name=purpose]", XSS[1])
        page.locator("textarea[name=pertanyaan]").nth(2).fill(XSS[2])
        page.click("button[type=submit]")
        page.wait_for_selector(".tracking-link a")
        shot(page, "public-receipt-phone")
        page.click(".tracking-link a")
        page.wait_for_selector("text=Tahapan layanan")
        assert XSS[1] in page.locator("main").inner_text()        # shown as text
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        shot(page, "tracking-phone")
        assert dialogs == []
    finally:
        context.close()
