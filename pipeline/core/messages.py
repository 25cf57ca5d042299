# SPDX-License-Identifier: AGPL-3.0-or-later
"""The catalogue of what a user reads: reasons, refusals, and the names of states and steps,
each keyed by a stable code and worded in Indonesian.

The lower layers (the letter reader, the MIME parser, the intake checks) explain themselves
in English for the log and the administrator's command line. Where such an explanation
becomes part of the record (a case's reason, a refused attachment), `Reason.of` recognises
it once, by its pattern, and the record keeps the code and its parameters; pages and mails
render the code in Indonesian with `say`. Text already in Indonesian (a clerk's rejection, a
newer check that speaks Indonesian) is kept as it is, under the code `text`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# code: Indonesian wording, with {parameters}
CATALOGUE: dict[str, str] = {
    "text": "{text}",
    "several": "{parts}",                  # rendered part by part (Reason.say)
    # intake decisions
    "sender.unknown": "Pengirim bukan OPD yang terdaftar: {why}",
    "sender.none": "pesan tanpa alamat pengirim",
    "sender.address": "alamat {email} tidak terdaftar sebagai alamat atau domain OPD",
    "sender.shared": "domain {domain} dipakai oleh {count} OPD dan surat tidak menyebut unitnya",
    "mail.auto": "Pesan otomatis (balasan otomatis atau surat massal); dicatat tanpa dijawab",
    "mail.bounce": "Laporan pengiriman dari {sender}; dicatat tanpa dijawab",
    "letter.missing": "Belum lengkap: {items}",
    "letter.duplicate": "Sudah diterima sebagai {first} ({how})",
    "letter.refused": "Berkas «{name}» ditolak: {why}",
    # why a file was refused (the reader's own explanations)
    "file.empty": "berkas kosong",
    "file.executable": "berkas program yang menyamar sebagai .{ext}",
    "file.ole": "dokumen Office lama atau berkata sandi (OLE2) tidak didukung",
    "file.unsupported": "jenis berkas tidak didukung (bukan PDF, DOCX atau gambar): .{ext}",
    "file.zip_corrupt": "arsip ZIP rusak",
    "file.zip_entries": "arsip berisi {count} berkas, batasnya {limit}",
    "file.too_big_unpacked": "ukuran setelah diekstrak melebihi {size}",
    "file.zip_bomb": "arsip berbahaya (bom ZIP): rasio kompresi {ratio}",
    "file.macro": "dokumen bermakro tidak diterima",
    "file.spreadsheet": "lembar kerja (XLSX), bukan surat",
    "file.presentation": "presentasi (PPTX), bukan surat",
    "file.zip_not_docx": "arsip ZIP, bukan dokumen Word",
    "file.xml_entity": "dokumen Word berisi deklarasi DOCTYPE/ENTITY yang berbahaya",
    "file.pdf_encrypted": "PDF terkunci kata sandi",
    "file.pdf_corrupt": "PDF rusak atau tidak dapat dibaca",
    "file.pdf_empty": "PDF tanpa halaman",
    "file.pdf_pages": "PDF berisi {count} halaman, batasnya {limit}",
    "file.too_big": "berkas berukuran {size}, batasnya {limit}",
    "file.no_text": "tidak ada teks yang dapat dibaca dalam dokumen",
    "file.memory": "membaca berkas memerlukan memori lebih dari {limit}",
    "file.docx_corrupt": "dokumen Word rusak",
    "file.too_slow": "membaca berkas melebihi batas waktu {seconds} detik",
    "file.reader_crashed": "pembaca berkas berhenti tidak wajar; berkas dianggap tidak aman",
    "file.image_pixels": "gambar terlalu besar ({megapixels} megapiksel)",
    "file.image_shape": "gambar tidak berbentuk halaman surat ({width} x {height} piksel)",
    "file.image_corrupt": "gambar rusak atau tidak dapat dibaca",
    "file.image_kind": "isi berkas bukan gambar .{ext}",
    "file.content_kind": "isi berkas adalah {kind}, bukan .{ext}",
    "file.ocr": "pembacaan pindaian gagal; berkas disimpan untuk diperiksa petugas",
    # a message that could not be read or recorded at all
    "message.too_deep": "susunan MIME pesan terlalu dalam (lebih dari {limit} tingkat)",
    "message.too_many_parts": "pesan berisi lebih dari {limit} bagian MIME",
    "message.too_big": "ukuran pesan melebihi batas",
    "message.empty": "pesan kosong",
    "message.unreadable": "pesan tidak dapat dibaca sebagai surel",
    "message.not_mail": "bukan surel (tanpa alamat pengirim atau tanda pengenal pesan)",
    "message.attachment": "lampiran {name} tidak dapat dibaca",
    "message.not_recorded": "pesan tidak dapat dicatat; petugas sistem telah diberi tahu",
    "message.error": "pesan tidak dapat diproses karena kesalahan sistem ({error}); pesan "
                     "aslinya disimpan",
}

# What the reader and the checks say in English, in order; the first match wins. Each
# pattern's named groups are the code's parameters.
PATTERNS: tuple[tuple[str, str], ...] = (
    (r"sender is not a known OPD: (?P<why>.*)", "sender.unknown"),
    (r"the message has no sender address", "sender.none"),
    (r"sender (?P<email>\S+) is not a known OPD address or domain", "sender.address"),
    (r"domain (?P<domain>\S+) is shared by (?P<count>\d+) OPDs.*", "sender.shared"),
    (r"automatic message.*", "mail.auto"),
    (r"delivery report from (?P<sender>\S+)", "mail.bounce"),
    (r"missing: (?P<items>.*)", "letter.missing"),
    (r"already received as (?P<first>\S+) \((?P<how>.*)\)", "letter.duplicate"),
    (r"attachment '(?P<name>.*?)' refused: (?P<why>.*)", "letter.refused"),
    (r"empty file", "file.empty"),
    (r"executable file.* disguised as \.(?P<ext>\w+)", "file.executable"),
    (r"legacy or password-protected Office file.*", "file.ole"),
    (r"unsupported file type.* named \.(?P<ext>\w*)", "file.unsupported"),
    (r"corrupt zip (container|member).*", "file.zip_corrupt"),
    (r"zip has (?P<count>\d+) entries, limit is (?P<limit>\d+)", "file.zip_entries"),
    (r"decompressed size exceeds (?P<size>.*)", "file.too_big_unpacked"),
    (r"zip bomb: .* compresses (?P<ratio>\d+:1)", "file.zip_bomb"),
    (r"macro-enabled document.*", "file.macro"),
    (r"spreadsheet \(XLSX\), not a letter", "file.spreadsheet"),
    (r"presentation \(PPTX\), not a letter", "file.presentation"),
    (r"zip archive, not a Word document", "file.zip_not_docx"),
    (r"XML with DOCTYPE/ENTITY.*", "file.xml_entity"),
    (r"encrypted PDF.*", "file.pdf_encrypted"),
    (r"corrupt PDF.*|PDFium: .*", "file.pdf_corrupt"),
    (r"PDF has no pages", "file.pdf_empty"),
    (r"PDF has (?P<count>\d+) pages, limit is (?P<limit>\d+)", "file.pdf_pages"),
    (r"file is (?P<size>[\d.]+ MB), (the )?limit is (?P<limit>.*)", "file.too_big"),
    (r"no readable text.*", "file.no_text"),
    (r"reading needed more than (?P<limit>\d+ MB) of memory", "file.memory"),
    (r"corrupt Word XML.*|Word document is missing a part.*|Bad CRC-32.*", "file.docx_corrupt"),
    (r"reading (took longer than|used more than) (?P<seconds>\d+) s.*", "file.too_slow"),
    (r"reader crashed.*", "file.reader_crashed"),
    (r"image (has|exceeds) (?P<megapixels>\d+) megapixels.*", "file.image_pixels"),
    (r"image is not shaped like a page \((?P<width>\d+) x (?P<height>\d+) pixels\)",
     "file.image_shape"),
    (r"corrupt image.*", "file.image_corrupt"),
    (r"the content is not a \.(?P<ext>\w+) image", "file.image_kind"),
    (r"the content is (?P<kind>\w+), not \.(?P<ext>\w+)", "file.content_kind"),
    (r"(tesseract|pdftoppm|ocrmypdf)\b.*", "file.ocr"),
    (r"MIME nesting deeper than (?P<limit>\d+) levels", "message.too_deep"),
    (r"more than (?P<limit>\d+) MIME parts", "message.too_many_parts"),
    (r"message is [\d,]+ bytes.*", "message.too_big"),
    (r"empty message", "message.empty"),
    (r"not readable as e-mail.*", "message.unreadable"),
    (r"no From or Message-ID header.*", "message.not_mail"),
    (r"attachment (?P<name>.*) is not .*", "message.attachment"),
    (r"could not be recorded.*", "message.not_recorded"),
    (r"(?P<error>[A-Z]\w*(Error|Exception)): .*", "message.error"),
)
# -- issue 15, mail outcomes: konsep letters and ZIP archives --------------------------------
CATALOGUE.update({
    "letter.draft": "Surat masih berupa konsep: nomor {nomor} belum berisi nomor urut",
    "file.zip_nested": "arsip di dalam arsip lebih dari {depth} tingkat tidak dibuka",
    "file.zip_member_big": "berkas {name} di dalam arsip melebihi batas ukuran lampiran",
    "file.zip_files": "arsip berisi {count} berkas, padahal satu surel paling banyak {limit}",
    "file.zip_unreadable": "arsip ZIP tidak dapat dibaca",
})
PATTERNS += (
    (r"draft letter: the number (?P<nomor>.*) has no sequence", "letter.draft"),
    (r"archive nested more than (?P<depth>\d+) deep is not opened", "file.zip_nested"),
    (r"(?P<name>.*) in the archive is larger than the attachment limit", "file.zip_member_big"),
    (r"the archive holds (?P<count>\d+) files, a mail may carry (?P<limit>\d+) in all",
     "file.zip_files"),
    (r"archive not readable.*", "file.zip_unreadable"),
)
HOW = {"the same file": "berkas yang sama",
       "the same OPD and letter number": "OPD dan nomor surat yang sama"}
_COMPILED = tuple((re.compile(p, re.S), code) for p, code in PATTERNS)
# Words of the English explanations above: text that has any of them is not Indonesian.
ENGLISH = re.compile(r"\b(the|is|not|refused|missing|already|received|sender|known|file|"
                     r"exceeds|limit|corrupt|disguised|executable|message|reading|"
                     r"unsupported|encrypted|could|there|need|needs|took|failed|error)\b",
                     re.I)


@dataclass(frozen=True)
class Reason:
    """A reason as the record keeps it: a catalogue code and its parameters."""
    code: str
    params: dict = field(default_factory=dict)

    @classmethod
    def of(cls, text: str | None) -> Reason | None:
        """The coded form of a reason the lower layers wrote (English), or of Indonesian text.

        Parameters that are themselves reasons (the why of a refusal) are coded in turn.
        """
        if not text:
            return None
        text = " ".join(str(text).split())
        parts = text.split("; ")
        if len(parts) > 1 and all(cls.of(p).code != "text" for p in parts):
            return cls("several", {"parts": [cls.of(p).as_json() for p in parts]})
        for pattern, code in _COMPILED:
            match = pattern.fullmatch(text)
            if match:
                params = {k: v for k, v in match.groupdict().items() if v is not None}
                if "why" in params:
                    params["why"] = say_text(params["why"])
                if "how" in params:
                    params["how"] = HOW.get(params["how"], params["how"])
                return cls(code, params)
        return cls("text", {"text": text})

    def say(self) -> str:
        if self.code == "several":            # several refusals, as one check joins them
            return "; ".join(Reason(p["code"], p.get("params") or {}).say()
                             for p in self.params.get("parts", []))
        template = CATALOGUE.get(self.code)
        if template is None:
            return self.params.get("text") or self.code
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template

    def as_json(self) -> dict:
        return {"code": self.code, "params": self.params}


def say_text(text: str | None) -> str:
    """Any stored reason, legacy English or coded, as the Indonesian a user reads."""
    reason = Reason.of(text)
    return reason.say() if reason else ""


def say(code: str | None, params: dict | None = None, fallback: str | None = None) -> str:
    """The Indonesian wording of a stored code, or of FALLBACK text when there is no code."""
    if code:
        return Reason(code, dict(params or {})).say()
    return say_text(fallback)


def looks_english(text: str) -> bool:
    return bool(ENGLISH.search(text or ""))


# -- the names of things a page shows --------------------------------------------------------
STEP_KINDS = {"check": "Pemeriksaan kelengkapan", "disposition": "Disposisi",
              "drafting": "Penyusunan jawaban", "paraf": "Paraf", "signing": "Tanda tangan"}
STEP_STATUSES = {"open": "menunggu", "done": "selesai", "superseded": "digantikan",
                 "moved": "dialihkan"}
STEP_OUTCOMES = {"accepted": "lengkap, diterima", "incomplete": "belum lengkap",
                 "disposed": "didisposisikan", "drafted": "konsep dikirim",
                 "approved": "diparaf", "returned": "dikembalikan", "revised": "direvisi",
                 "superseded": "diganti revisi baru", "signed": "ditandatangani",
                 "answered": "dijawab langsung", "sign-pending": "akan ditandatangani",
                 "signing": "sedang ditandatangani", "sign-failed": "gagal ditandatangani",
                 "moved": "dialihkan (pejabat berhalangan atau kembali)"}
MAIL_STATUSES = {"planned": "disiapkan", "queued": "dalam antrean", "sending": "sedang dikirim",
                 "sent": "terkirim", "failed": "gagal dikirim",
                 "held": "ditahan untuk diperiksa petugas"}
MESSAGE_OUTCOMES = {"new": "baru", "registered": "didaftarkan", "incomplete": "belum lengkap",
                    "duplicate": "duplikat", "quarantined": "dikarantina", "failed": "gagal dibaca",
                    "rejected": "ditolak", "linked": "dilampirkan pada kasus",
                    "completed": "melengkapi kasus", "redelivered": "terkirim ulang",
                    "reply": "balasan pejabat", "refused": "balasan ditolak",
                    "away": "ketidakhadiran pejabat"}
DRAFT_SOURCES = {"mail": "balasan surel", "web": "halaman web", "docx": "berkas DOCX",
                 "upload": "unggahan DOCX", "generated": "isian awal"}


def word(table: dict[str, str], key: str | None) -> str:
    """A key's Indonesian name; an unknown key is shown as it is rather than hidden."""
    return table.get(key or "", key or "-")


# -- the satisfaction survey and its report ------------------------------------------------------
CHANNELS = {"letter": "Surat", "web": "Situs web", "walk-in": "Datang langsung",
            "complaint": "Pengaduan"}
# -- status questions by mail (issue 19) ---------------------------------------------------------
CATALOGUE.update({
    "status.unknown": "Pertanyaan status tidak dijawab: {email} bukan alamat surel OPD yang "
                      "terdaftar",
    "status.unauthenticated": "Pertanyaan status tidak dijawab: {why}",
    "status.limited": "Pertanyaan status dari {email} tidak dijawab: melebihi batas {limit} "
                      "pertanyaan per {minutes} menit",
})
MESSAGE_OUTCOMES.update({"status": "pertanyaan status dijawab",
                         "status_refused": "pertanyaan status ditolak",
                         "status_limited": "pertanyaan status melebihi batas"})
# -- complaints about the service (pengaduan, issue 20) -----------------------------------------
CATALOGUE.update({
    "complaint.empty": "Isi pengaduan masih kosong.",
    "complaint.too_long": "Isi pengaduan paling panjang {limit} karakter.",
    "complaint.not_yet": "Pengaduan dapat diajukan setelah permohonan tercatat dalam agenda.",
    "complaint.sender": "pengaduan melalui surel hanya diterima dari alamat pemohon atau OPD "
                        "yang terdaftar pada permohonan ({sender} bukan alamat tersebut)",
    "complaint.unauthenticated": "pengaduan melalui surel tidak diproses: {why}",
    "complaint.answer_empty": "Tulis tanggapan atas pengaduan.",
    "complaint.answer_mail": "Balas surel ini dengan tanggapan Bapak/Ibu atas pengaduan di "
                             "badan surel; tanggapan itu dikirim kepada pengadu.",
})
STEP_KINDS["complaint"] = "Tanggapan pengaduan"
STEP_OUTCOMES["responded"] = "pengaduan ditanggapi"
COMPLAINT_STATUS = {"registered": "Sedang ditangani", "sent": "Telah ditanggapi",
                    "closed": "Telah ditanggapi"}
COMPLAINT_VIA = {"web": "halaman lacak", "mail": "balasan surel", "desk": "loket layanan"}
MESSAGE_OUTCOMES["complaint"] = "pengaduan"
