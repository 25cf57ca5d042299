"""A spec as a list of layout blocks, which the DOCX and PDF writers both render.

Blocks follow the parts of a naskah dinas: letterhead (kop), date, the Nomor/Sifat/Lampiran/Hal
block (with the date or the Kepada column beside it), addressee, body, signature, Tembusan.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from tests.letters_gen import words as V


@dataclass
class B:
    kind: str  # kop title right fields para item sig tembusan break
    lines: list = field(default_factory=list)
    right: list = field(default_factory=list)
    right_at: int = 0
    marker: str | None = None
    indent: int = 0
    hang: bool = True


def marker(style: str, i: int) -> str | None:
    return {"1.": f"{i + 1}.", "1)": f"{i + 1})", "(1)": f"({i + 1})", "a.": f"{'abcdefghij'[i]}.",
            "auto": None}[style]


def _kop(spec: dict) -> B:
    w = spec["_w"]
    lines = [f"PEMERINTAH {w['region_upper']}"] + list(w["kop"])
    addr = [f"{w['address']} Telepon {w['phone']}", f"Laman: {w['site']} Pos-el: info@{w['site']}"]
    return B("kop", lines, right=addr)


def _addressee(spec: dict, lay: dict) -> list[str]:
    w = spec["_w"]
    out = ["Kepada"] if lay["kepada_word"] or lay["addressee"] == "right" else []
    out.append(f"Yth. {lay['honorific']}{spec['tujuan']}")
    if lay["addressee"] == "street":
        out.append(w["inspektorat_street"])
    else:
        out += ["di -", f"    {w['place']}"]
    return out


def _dated(spec: dict, lay: dict) -> str:
    w = spec["_w"]
    return f"{w['place']}, {w['date']}" if lay["date_place"] else w["date"]


def _body(spec: dict, lay: dict) -> list[B]:
    w = spec["_w"]
    unit = spec["pengirim"]
    out = []
    intro = w["intro"].format(unit=unit, bdate=w["body_date"])
    if lay["enclosures"]:
        out.append(B("para", ["Bersama ini kami sampaikan dokumen sebagai berikut:"]))
        for i, e in enumerate(w["enclosures"]):
            out.append(B("item", [e], marker=f"{i + 1}.", hang=True))
        intro = "Selanjutnya, " + intro[0].lower() + intro[1:]
    out.append(B("para", [intro]))
    if lay["long_body"]:
        out.append(B("para", [V.MEETING.format(mdate=w["body_date"], unit=unit) + " " +
                              "Pembahasan tersebut belum menghasilkan kesimpulan yang dapat "
                              "dijadikan dasar pelaksanaan kegiatan, sehingga kami memerlukan "
                              "pendapat Inspektorat Daerah sebagai aparat pengawasan intern."] * 1))
    for i, q in enumerate(spec["pertanyaan"]):
        out.append(B("item", [q], marker=marker(lay["numbering"], i), hang=lay["hang"]))
    if lay["body_date"] and not lay["long_body"]:
        out.append(B("para", [V.MEETING.format(mdate=w["body_date"], unit=unit)],
                     hang=not lay["blank_before_closing"]))
    out.append(B("para", [lay["closing"]], hang=not lay["blank_before_closing"]))
    return out


def _signature(spec: dict, lay: dict) -> B:
    w, sig = spec["_w"], spec["penandatangan"]
    post = sig["jabatan"]
    post_lines = [post.upper() if lay["sig_upper"] else post]
    if len(post) > 38:  # a long post is broken before the region, as typists do
        cut = post.rfind(" Kabupaten ") if " Kabupaten " in post else post.rfind(" Kota ")
        if cut > 0:
            p = post_lines[0]
            post_lines = [p[:cut], p[cut + 1:]]
    post_lines[-1] += ","
    name = sig["nama"]
    if lay["split_name"] and "," in name:  # long name broken before its degrees
        first, rest = name.split(",", 1)
        names = [first + ",", rest.strip()]
    else:
        names = [name]
    lines = ([_dated(spec, lay)] if lay["date_pos"] == "bottom" else []) + post_lines + \
        ["", "", ""] + names + [w["rank"], f"NIP. {w['nip']}"]
    return B("sig", lines)


def _tembusan(spec: dict, lay: dict) -> list[B]:
    if not spec["tembusan"]:
        return []
    items = []
    for i, t in enumerate(spec["tembusan"]):
        mark = f"{i + 1}." if lay["tembusan_mark"] == "1." else "-"
        yth = "Yth. " if t != "Arsip" else ""
        items.append(f"{mark} {yth}{t}" + (";" if i < len(spec["tembusan"]) - 1 else "."))
    return [B("tembusan", ["Tembusan:"] + items)]


def letter(spec: dict) -> list[B]:
    lay, w = spec["_lay"], spec["_w"]
    out = [_kop(spec)]
    if lay["date_pos"] == "top":
        out.append(B("right", [_dated(spec, lay)]))
    rows = [("Nomor", w["nomor"]), ("Sifat", spec["sifat"]), ("Lampiran", spec["lampiran"] or "-"),
            ("Hal", spec["hal"])]
    right, right_at = [], 0
    if lay["date_pos"] == "row":
        right = [_dated(spec, lay)]
    if lay["addressee"] == "right":
        right = right + [""] * (1 if right else 0) + _addressee(spec, lay)
    out.append(B("fields", rows, right=right, right_at=right_at))
    if lay["addressee"] != "right":
        out.append(B("para", _addressee(spec, lay), indent=0))
    out += _body(spec, lay)
    out.append(_signature(spec, lay))
    out += _tembusan(spec, lay)
    return out


def nota_dinas(spec: dict) -> list[B]:
    lay, w = spec["_lay"], spec["_w"]
    rows = [("Yth.", spec["tujuan"]), ("Dari", spec["penandatangan"]["jabatan"]),
            ("Tembusan", spec["tembusan"][0]), ("Tanggal", w["date"]), ("Nomor", w["nomor"]),
            ("Sifat", spec["sifat"]), ("Lampiran", spec["lampiran"] or "-"), ("Hal", spec["hal"])]
    out = [_kop(spec), B("title", ["NOTA DINAS"]), B("fields", rows)]
    out += _body(spec, lay)
    sig = _signature(spec, lay)
    out.append(sig)
    return out


def cover(spec: dict) -> list[B]:
    """A Setda's surat pengantar forwarding the OPD letter, which follows on the next page."""
    w = spec["_w"]
    name, nip = w["sekda"]
    region = spec["tujuan"].replace("Inspektur Daerah ", "")
    kop = B("kop", [f"PEMERINTAH {w['region_upper']}", "SEKRETARIAT DAERAH"],
            right=[f"Jalan Merdeka Nomor 1 {w['place']} Telepon {w['phone']}",
                   f"Laman: setda.{w['site'].split('.', 1)[1]}"])
    rows = [("Nomor", spec["pengantar"]), ("Sifat", "Biasa"), ("Lampiran", "1 (satu) berkas"),
            ("Hal", "Penyampaian Surat " + spec["pengirim"])]
    body = (f"Bersama ini kami teruskan surat Kepala {spec['pengirim']} Nomor {spec['nomor']} "
            f"tanggal {w['date']} hal {spec['hal']}, untuk ditindaklanjuti sesuai ketentuan.")
    return [kop, B("right", [f"{w['place']}, {w['cover_date']}"]), B("fields", rows),
            B("para", [f"Yth. {spec['tujuan']}", "di -", f"    {w['place']}"]),
            B("para", [body]), B("para", ["Demikian untuk menjadi maklum."]),
            B("sig", [f"Sekretaris Daerah {region},", "", "", "", name, "Pembina Utama Madya",
                      f"NIP. {nip}"]),
            B("break")] + letter(spec)


def compose(spec: dict) -> list[B]:
    if spec["family"] == "nota_dinas":
        return nota_dinas(spec)
    if spec["family"] == "cover":
        return cover(spec)
    return letter(spec)
