"""Dates, letter numbers, kop address lines, openings and closings (formal Indonesian)."""
from __future__ import annotations

import datetime as dt
import random

from . import data

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def pick_date(rng: random.Random, start=dt.date(2024, 7, 1), days=480) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(days))


def date_text(d: dt.date, pad: bool = False) -> str:
    day = f"{d.day:02d}" if pad else str(d.day)
    return f"{day} {MONTHS[d.month - 1]} {d.year}"


def nomor(rng: random.Random, klas: str, abbr: str, d: dt.date) -> tuple[str, str]:
    a = abbr.replace(" dan ", "-").replace(" ", "")
    seq = str(rng.randint(12, 2480))
    fmt = rng.choice(["A", "A", "B", "C", "D", "E", "F"])
    roman, y = ROMAN[d.month - 1], d.year
    out = {
        "A": f"{klas}/{seq}/{a}/{y}",
        "B": f"{klas}/{seq}/{a}.{rng.randint(1, 4)}/{roman}/{y}",
        "C": f"{seq}/{klas}/{a}/{roman}/{y}",
        "D": f"{klas}/{seq}-{a}",
        "E": f"B/{seq}/{klas}/{a}/{y}",
        "F": f"{klas}/ {seq} /{a}/{y}",
    }[fmt]
    return out, fmt


def address_lines(rng: random.Random, unit, sub: str) -> list[str]:
    r = unit.region
    street = rng.choice(data.STREETS)
    street += f" Nomor {rng.randint(1, 180)}" if rng.random() < 0.6 else f" No. {rng.randint(1, 99)}"
    tel = f"({r.area}) {rng.randint(200000, 899999)}"
    postal = f"{rng.randint(20, 99)}{rng.randint(100, 999)}"
    web = f"{sub}.{unit.domain}"
    mail = f"{sub}@{unit.domain}"
    style = rng.choice(["two", "three", "one-long"])
    if style == "two":
        return [f"{street}, Telepon {tel}, Faksimile {tel[:-1]}{rng.randint(0, 9)}",
                f"Laman: {web}, Pos-el: {mail}, Kode Pos {postal}"]
    if style == "three":
        return [f"{street} Telp. {tel}",
                f"Website: https://{web}  E-mail: {mail}",
                f"{unit.place.upper()} - {postal}"]
    return [f"{street}, {unit.place} {postal}, Telepon {tel}, Laman {web}, Surel {mail}"]


def phrase(hal: str) -> str:
    """The subject in running text: strip the request words and lower ordinary words."""
    for pre in ("Permohonan Konsultasi ", "Konsultasi "):
        if hal.startswith(pre):
            hal = hal[len(pre):]
    out = []
    for w in hal.split():
        if "-" in w:
            head, _, tail = w.partition("-")
            w = (head.lower() if head[1:].islower() else head) + "-" + tail
        elif w[:1].isupper() and w[1:].islower():
            w = w.lower()
        out.append(w)
    return " ".join(out)


def opening(rng: random.Random, L, topic: dict, other: tuple[str, str]) -> tuple[str, str]:
    ph, ref, insp = phrase(topic["hal"]), L.unit.pengirim, L.inspektorat
    if L.style["cited_date"]:
        nomor2, tgl2 = other
        kind = rng.choice(["rapat", "surat"])
        if kind == "rapat":
            return "rapat", (
                f"Menindaklanjuti hasil rapat koordinasi pengawasan pada tanggal {tgl2} di "
                f"{insp}, bersama ini kami sampaikan permohonan konsultasi terkait {ph} di "
                f"lingkungan {ref}.")
        return "surat", (
            f"Menindaklanjuti Surat Inspektur Nomor {nomor2} tanggal {tgl2} hal Layanan "
            f"Konsultasi dan Pendampingan bagi Perangkat Daerah, dengan ini kami mengajukan "
            f"permohonan konsultasi mengenai {ph}.")
    kind = rng.choice(["rangka", "dasar", "sehubungan"])
    if kind == "rangka":
        return kind, (f"Dalam rangka tertib administrasi dan akuntabilitas pengelolaan keuangan "
                      f"di lingkungan {ref}, dengan ini kami mohon konsultasi kepada {insp} "
                      f"terkait {ph}.")
    if kind == "dasar":
        return kind, (f"Berdasarkan {topic['dasar'][0]}, serta memperhatikan kondisi yang "
                      f"terjadi di lingkungan kami, bersama ini kami mengajukan permohonan "
                      f"konsultasi mengenai {ph}.")
    return kind, (f"Sehubungan dengan adanya permasalahan dalam pelaksanaan {ph} di lingkungan "
                  f"{ref}, dengan hormat kami mohon kiranya Bapak/Ibu Inspektur berkenan "
                  f"memberikan penjelasan dan arahan.")


LEADINS = ["Adapun hal-hal yang kami konsultasikan adalah sebagai berikut:",
           "Pokok permasalahan yang kami mohonkan penjelasan adalah sebagai berikut:",
           "Berkenaan dengan hal tersebut, kami mohon penjelasan atas beberapa pertanyaan "
           "berikut:",
           "Sehubungan dengan hal tersebut di atas, bersama ini kami sampaikan beberapa hal "
           "untuk mendapatkan penjelasan, yaitu:"]

CLOSINGS = ["Demikian permohonan ini kami sampaikan. Atas perhatian dan kerja sama yang baik, "
            "kami ucapkan terima kasih.",
            "Demikian disampaikan, atas perhatian dan arahan Bapak/Ibu kami ucapkan terima "
            "kasih.",
            "Besar harapan kami atas jawaban tertulis dari Bapak/Ibu sebagai pedoman dalam "
            "pelaksanaan kegiatan. Atas perhatiannya, kami sampaikan terima kasih.",
            "Demikian kami sampaikan untuk dapat ditindaklanjuti. Atas perkenan Bapak/Ibu, "
            "diucapkan terima kasih."]


def contact(rng: random.Random, name: str) -> str:
    phone = f"08{rng.randint(11, 59)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
    return (f"Untuk koordinasi lebih lanjut, Bapak/Ibu dapat menghubungi Sdr. {name} "
            f"(Kepala Subbagian Keuangan) melalui nomor telepon {phone}.")


BSRE = ["Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
        "yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan "
        "Sandi Negara.",
        "UU ITE No. 11 Tahun 2008 Pasal 5 Ayat 1: Informasi Elektronik dan/atau Dokumen "
        "Elektronik dan/atau hasil cetaknya merupakan alat bukti hukum yang sah. Dokumen ini "
        "telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang "
        "diterbitkan BSrE."]
