# SPDX-License-Identifier: AGPL-3.0-or-later
"""Which precedents the drafter is shown: the best match whatever its OPD, the newest answer
to a question answered twice, never the case itself, and each signed case indexed once.

The cases are real registered letters (Maildir intake, the worker); they are indexed by the
same `index_signed` the signing batch calls, without LibreOffice (the whole path, signing
included, is in test_precedents.py)."""
from __future__ import annotations

from datetime import datetime, timezone
from types import SimpleNamespace

from sqlalchemy import select

from pipeline.casework import precedents
from pipeline.core.models import AgendaEntry, Step

from .cases import letters, to_drafting, use_routing
from .conftest import PASSWORD
from .live import browser_sign_in, shot


def cases(app, specs: list[dict]) -> list[int]:
    """Register one letter per SPEC and give it SPEC's OPD, Hal and questions."""
    letters(app, len(specs), start=950)
    with app.session() as s:
        entries = s.scalars(select(AgendaEntry).order_by(AgendaEntry.id)).all()[-len(specs):]
        for entry, spec in zip(entries, specs):
            entry.opd_code, entry.opd_name = spec.get("opd", ("disdik", "Dinas Pendidikan"))
            entry.letter = {**(entry.letter or {}), "hal": spec["hal"],
                            "pertanyaan": spec["questions"]}
        return [e.id for e in entries]


def sign(app, entry_id: int, answers: list[str], number: str, when: str) -> int:
    letter = SimpleNamespace(number=number, verification_code=f"CODE-{number[:3]}",
                             signed_at=datetime.fromisoformat(when).replace(tzinfo=timezone.utc))
    with app.session() as s:
        return precedents.index_signed(s, s.get(AgendaEntry, entry_id), answers, letter)


def shown(app, entry_id: int) -> list[dict]:
    with app.session() as s:
        return precedents.shown(precedents.find(s, s.get(AgendaEntry, entry_id)),
                                app.cfg.signing.verify_url)


HIBAH = "Apakah hibah kepada KONI dapat dicairkan sebelum NPHD ditandatangani?"
HIBAH_AGAIN = "Apakah dana hibah kepada KONI dapat dicairkan sebelum NPHD ditandatangani?"


def test_the_better_match_wins_over_the_own_opd_and_the_case_itself_never_shows(web_app):
    """GIVEN a precedent from the asking OPD that shares only the topic and one from another
    OPD that asks the same thing WHEN the drafter's precedents are found THEN the other OPD's
    comes first; a case in the drafting never appears among its own precedents."""
    own, other, unrelated, new = cases(web_app, [
        {"hal": "Konsultasi Dana BOS", "questions": [
            "Apakah dana BOS dapat digunakan untuk langganan internet sekolah?"]},
        {"hal": "Konsultasi Honor Guru", "opd": ("kec-utara", "Kecamatan Pekalongan Utara"),
         "questions": ["Bolehkah honor guru honorer yang belum terdaftar di Dapodik dibayar "
                       "dari dana BOS?"]},
        {"hal": "Konsultasi Perjalanan Dinas", "questions": [
            "Apakah uang harian perjalanan dinas dalam kota dapat dibayarkan penuh?"]},
        {"hal": "Konsultasi Dana BOS", "questions": [
            "Apakah honor guru honorer yang tidak tercatat di Dapodik boleh dibayar dengan "
            "dana BOS?"]}])
    sign(web_app, own, ["Dapat, sesuai juknis BOS."], "700/10/ITDA/2025", "2025-03-01")
    sign(web_app, other, ["Tidak dapat; hanya guru yang tercatat di Dapodik."],
         "700/20/ITDA/2025", "2025-04-01")
    sign(web_app, unrelated, ["Dibayar sesuai standar harga satuan."], "700/30/ITDA/2025",
         "2025-05-01")
    sign(web_app, new, ["Jawaban kasus ini sendiri."], "700/40/ITDA/2026", "2026-01-05")
    found = shown(web_app, new)
    assert [p["number"] for p in found[:2]] == ["700/20/ITDA/2025", "700/10/ITDA/2025"]
    assert found[0]["opd"] == "Kecamatan Pekalongan Utara"
    assert all(p["entry_id"] != new for p in found)
    assert found[0]["tanggal"] == "1 April 2025"
    assert found[0]["link"] == f"{web_app.cfg.signing.verify_url}/CODE-700"


def test_a_corrected_precedent_shows_the_newer_answer(web_app):
    """GIVEN a question answered in 2024, asked again in nearly the same words and answered
    otherwise in 2025 WHEN a reworded question arrives THEN the newer answer is shown, once, and the
    older letter not at all."""
    first, second, new = cases(web_app, [
        {"hal": "Pencairan Hibah KONI", "questions": [HIBAH]},
        {"hal": "Konsultasi Hibah", "opd": ("dispora", "Dinas Pemuda dan Olahraga"),
         "questions": [HIBAH_AGAIN]},
        {"hal": "Hibah Olahraga", "questions": [
            "Bolehkah dana hibah KONI dicairkan walaupun NPHD belum ditandatangani?"]}])
    sign(web_app, first, ["Dapat dicairkan bertahap."], "700/5/ITDA/2024", "2024-02-01")
    sign(web_app, second, ["Tidak dapat: pencairan hibah hanya setelah NPHD ditandatangani "
                           "(koreksi atas jawaban 2024)."], "700/9/ITDA/2025", "2025-02-01")
    found = shown(web_app, new)
    hibah = [p for p in found if "KONI" in p["question"]]
    assert [p["number"] for p in hibah] == ["700/9/ITDA/2025"]
    assert "koreksi atas jawaban 2024" in hibah[0]["answer"]
    assert all("bertahap" not in p["answer"] for p in found)


def test_a_signed_case_is_indexed_once_and_an_unsigned_one_never(web_app):
    """GIVEN a case indexed at signing WHEN indexing runs again (a retried batch) THEN no row is
    added; a registered case that was never signed is not a precedent of anything."""
    signed, waiting, new = cases(web_app, [
        {"hal": "Aset", "questions": ["Bagaimana penghapusan kendaraan dinas rusak berat?"]},
        {"hal": "Aset", "questions": ["Bagaimana penghapusan kendaraan dinas yang hilang?"]},
        {"hal": "Aset", "questions": ["Bagaimana cara penghapusan kendaraan dinas?"]}])
    assert sign(web_app, signed, ["Melalui lelang."], "700/1/ITDA/2025", "2025-01-01") == 1
    assert sign(web_app, signed, ["Melalui lelang."], "700/1/ITDA/2025", "2025-01-01") == 0
    found = shown(web_app, new)
    assert [p["entry_id"] for p in found] == [signed]
    assert waiting not in [p["entry_id"] for p in found]
    with web_app.session() as s:
        assert precedents.total(s) == 1


def test_the_step_page_shows_the_precedents_in_chromium(web_app, browser_page):
    """GIVEN two signed BOS answers WHEN the drafter opens the new BOS case's drafting step in
    a browser THEN the Preseden card lists them with question, answer and link (axe-clean)."""
    use_routing(web_app)
    first, second, new = cases(web_app, [
        {"hal": "Konsultasi Dana BOS", "questions": [
            "Apakah dana BOS dapat digunakan untuk langganan internet sekolah?"]},
        {"hal": "Konsultasi Honor Guru", "opd": ("kec-utara", "Kecamatan Pekalongan Utara"),
         "questions": ["Bolehkah honor guru honorer yang belum terdaftar di Dapodik dibayar "
                       "dari dana BOS?"]},
        {"hal": "Konsultasi Dana BOS", "questions": [
            "Apakah honor guru honorer yang tidak tercatat di Dapodik boleh dibayar dengan "
            "dana BOS?"]}])
    sign(web_app, first, ["Dapat, sesuai petunjuk teknis BOS Reguler, sepanjang tercantum "
                          "dalam RKAS."], "700/10/ITDA/2025", "2025-03-01")
    sign(web_app, second, ["Tidak dapat. Honor hanya bagi guru yang tercatat di Dapodik dan "
                           "memiliki NUPTK."], "700/20/ITDA/2025", "2025-04-01")
    to_drafting(web_app)
    with web_app.session() as s:
        step = s.scalars(select(Step).where(Step.entry_id == new, Step.kind == "drafting",
                                            Step.status == "open")).one()
    page = browser_page
    browser_sign_in(page, "rina", PASSWORD)
    page.goto(f"/staf/tugas/{step.id}")
    card = page.locator("section.precedents")
    assert card.locator("li").count() >= 2
    assert "700/20/ITDA/2025" in card.locator("li").first.inner_text()
    assert "memiliki NUPTK" in card.inner_text()
    shot(page, "official-step-precedents")
