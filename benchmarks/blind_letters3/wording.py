"""Openings, legal bases, lead-ins, closings and dates."""
from __future__ import annotations

import datetime as dt

from .data import HIJRI_MONTHS, MONTHS, OLD_MONTHS

LAWS = [
    "Undang-Undang Nomor 1 Tahun 2004 tentang Perbendaharaan Negara",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa"
    " kali diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023",
    "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
    "Peraturan Pemerintah Nomor 60 Tahun 2008 tentang Sistem Pengendalian Intern Pemerintah",
    "Peraturan Presiden Nomor 16 Tahun 2018 tentang Pengadaan Barang/Jasa Pemerintah"
    " sebagaimana telah diubah dengan Peraturan Presiden Nomor 12 Tahun 2021",
    "Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020 tentang Pedoman Teknis Pengelolaan"
    " Keuangan Daerah",
    "Peraturan Menteri Dalam Negeri Nomor 19 Tahun 2016 tentang Pedoman Pengelolaan Barang"
    " Milik Daerah",
    "Peraturan Menteri Dalam Negeri Nomor 79 Tahun 2018 tentang Badan Layanan Umum Daerah",
    "Peraturan Menteri Dalam Negeri Nomor 1 Tahun 2023 tentang Tata Naskah Dinas di"
    " Lingkungan Pemerintah Daerah",
]

OPENINGS = [
    "Menindaklanjuti hasil rapat koordinasi pengawasan internal yang dilaksanakan pada"
    " tanggal {ref_day}, bersama ini kami sampaikan bahwa dalam pelaksanaan program dan"
    " kegiatan pada {unit} Tahun Anggaran {ta} terdapat beberapa hal yang memerlukan"
    " penjelasan dari Aparat Pengawasan Intern Pemerintah.",
    "Menindaklanjuti Surat {insp_short} Nomor {ref_no} tanggal {ref_day} perihal"
    " Pemberitahuan Layanan Konsultasi Pengawasan, dengan hormat kami mengajukan permohonan"
    " konsultasi atas beberapa permasalahan yang kami hadapi.",
    "Sehubungan dengan pelaksanaan anggaran pada {unit} Tahun Anggaran {ta}, dengan hormat"
    " kami mohon kesediaan Bapak/Ibu untuk memberikan penjelasan dan petunjuk atas beberapa"
    " hal yang kami hadapi di lapangan.",
    "Berdasarkan hasil evaluasi internal yang kami lakukan pada triwulan berjalan, masih"
    " terdapat beberapa hal yang belum memiliki kejelasan pengaturan sehingga kami"
    " memerlukan pendampingan dari {insp_short}.",
    "Dalam rangka mewujudkan tata kelola pemerintahan yang baik serta mencegah terjadinya"
    " temuan pemeriksaan, kami bermaksud berkonsultasi mengenai pelaksanaan kegiatan pada"
    " {unit}.",
]
DASAR_LEADS = [
    "Dengan memperhatikan ketentuan peraturan perundang-undangan sebagai berikut:",
    "Sebagai dasar pelaksanaan kegiatan tersebut, kami berpedoman pada:",
    "Adapun ketentuan yang menjadi acuan kami antara lain:",
]
QUESTION_LEADS = [
    "Sehubungan dengan hal tersebut, kami mohon penjelasan atas hal-hal sebagai berikut:",
    "Adapun hal-hal yang ingin kami konsultasikan adalah sebagai berikut:",
    "Berkenaan dengan itu, mohon kiranya Bapak/Ibu dapat memberikan petunjuk mengenai:",
    "Untuk itu kami mohon penjelasan terhadap beberapa pertanyaan berikut:",
    "Pertanyaan yang kami ajukan adalah sebagai berikut:",
]
SUB_LEADS = [
    "Terkait ketentuan tersebut, kami mohon penjelasan:",
    "Dalam pelaksanaannya, kami mohon petunjuk mengenai:",
    "Berkaitan dengan hal ini, mohon penjelasan:",
]
CLOSINGS = [
    "Demikian permohonan ini kami sampaikan, atas perhatian dan kerja sama Bapak/Ibu"
    " diucapkan terima kasih.",
    "Atas perhatian dan kerja samanya, kami ucapkan terima kasih.",
    "Demikian disampaikan, atas perkenan Bapak/Ibu kami ucapkan terima kasih.",
    "Besar harapan kami agar permohonan ini dapat ditindaklanjuti. Untuk koordinasi lebih"
    " lanjut dapat menghubungi Sdr. {contact} melalui nomor {phone}. Atas perhatiannya kami"
    " sampaikan terima kasih.",
    "Kami sangat mengharapkan jawaban tertulis sebagai pedoman pelaksanaan kegiatan."
    " Demikian, atas bantuan Bapak/Ibu kami ucapkan terima kasih.",
]
TEMBUSAN_HEADS = ["Tembusan:", "Tembusan Yth.:", "Tembusan disampaikan kepada Yth.:",
                  "TEMBUSAN:", "Tembusan :"]


def date_id(d: dt.date, pad: bool = False, old: bool = False) -> str:
    month = OLD_MONTHS.get(d.month, MONTHS[d.month - 1]) if old else MONTHS[d.month - 1]
    day = f"{d.day:02d}" if pad else str(d.day)
    return f"{day} {month} {d.year}"


def hijri(d: dt.date) -> tuple[int, int, int]:
    """The tabular Islamic calendar (civil epoch): (day, month 1-12, year)."""
    jd = d.toordinal() + 1721425
    days = jd - 1948440 + 10632
    cycles = (days - 1) // 10631
    days = days - 10631 * cycles + 354
    j = ((10985 - days) // 5316) * ((50 * days) // 17719) + (days // 5670) * (
        (43 * days) // 15238)
    days = days - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    month = (24 * days) // 709
    day = days - (709 * month) // 24
    year = 30 * cycles + j - 30
    return day, month, year


def hijri_id(d: dt.date) -> str:
    day, month, year = hijri(d)
    return f"{day} {HIJRI_MONTHS[month - 1]} {year} H"
