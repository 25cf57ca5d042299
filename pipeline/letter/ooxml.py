"""Active content in an Office Open XML zip (DOCX, and XLSX/PPTX appendices): refused.

Three things make an Office file act when a clerk opens it: a DTD (XXE, billion laughs), a
macro project, and a relationship Word follows by itself (an attached template or a linked
image fetched from a server the sender chose). Each XML-looking member is streamed whole,
in any of the encodings an XML parser would accept, so a declaration behind a long comment,
in a part Paraf never reads, or in UTF-16 is still found. Hyperlinks stay: they act only
when clicked, and letters carry them in their letterheads.
"""
from __future__ import annotations

import codecs
import re
import zipfile

from lxml import etree

from pipeline.letter.model import Refused

DECLARATION = re.compile(r"<!\s*(doctype|entity)", re.I)
MACRO_TYPES = (b"macroenabled", b"vbaproject", b"vbadata", b"activex")
MACRO_NAMES = ("vbaproject.bin", "vbadata.xml", "activex")
CLICK_ONLY = ("/hyperlink",)
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                         huge_tree=False)
CHUNK = 1 << 16
KINDS = {"attachedtemplate": "templat terlampir", "image": "gambar tertaut",
         "oleobject": "objek OLE tertaut", "frame": "bingkai tertaut",
         "subdocument": "subdokumen tertaut"}


def _encoding(head: bytes) -> str | None:
    """The encoding an XML parser would use, or None when the member is not XML at all."""
    boms = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
            (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
            (codecs.BOM_UTF16_BE, "utf-16-be"))
    for bom, name in boms:
        if head.startswith(bom):
            return name
    starts = {b"<\0\0\0": "utf-32-le", b"\0\0\0<": "utf-32-be", b"<\0": "utf-16-le",
              b"\0<": "utf-16-be"}
    for start, name in starts.items():
        if head.startswith(start):
            return name
    if head.lstrip(b" \t\r\n").startswith(b"<"):
        return "utf-8"
    found = [(at, name) for mark, name in ((b"<\0", "utf-16-le"), (b"\0<", "utf-16-be"))
             if (at := head[:256].find(mark)) >= 0]   # UTF-16 after whitespace, with no BOM
    return min(found)[1] if found else None


def _declares_dtd(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Stream one member to its end; the zip checks already bound its inflated size."""
    with z.open(info) as fh:
        first = fh.read(CHUNK)
        name = _encoding(first)
        if name is None:
            return False
        decoder = codecs.getincrementaldecoder(name)(errors="replace")
        tail, chunk = "", first
        while chunk:
            text = tail + decoder.decode(chunk)
            if DECLARATION.search(text):
                return True
            tail = text[-16:]
            chunk = fh.read(CHUNK)
        return bool(DECLARATION.search(tail + decoder.decode(b"", final=True)))


def _short(target: str) -> str:
    clean = "".join(ch for ch in target if ch.isprintable())
    return clean if len(clean) <= 80 else clean[:77] + "…"


def _external(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> str | None:
    """The first relationship Word would follow on its own: 'templat terlampir (URL)'."""
    root = etree.fromstring(z.read(info), PARSER)
    for rel in root:
        if str(rel.get("TargetMode") or "").lower() != "external":
            continue
        kind = str(rel.get("Type") or "")
        if kind.lower().endswith(CLICK_ONLY):
            continue
        word = kind.rsplit("/", 1)[-1]
        return f"{KINDS.get(word.lower(), 'tautan ' + word)} ({_short(rel.get('Target') or '')})"
    return None


def check_active(z: zipfile.ZipFile, infos: list[zipfile.ZipInfo], filename: str) -> None:
    """Raise Refused (Indonesian reason) for a macro project, a DTD in any member, or an
    external relationship that is loaded without a click."""
    names = [i.filename.lower() for i in infos]
    ctypes = b""
    if "[content_types].xml" in names:
        ctypes = z.read(infos[names.index("[content_types].xml")]).lower()
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    macro = next((n for n in names if n.rsplit("/", 1)[-1].startswith(MACRO_NAMES)), None)
    if macro or any(t in ctypes for t in MACRO_TYPES) or ext in ("docm", "dotm", "xlsm", "pptm"):
        raise Refused(f"dokumen bermakro ({macro or 'tipe isi makro'}) ditolak: makro dapat "
                      f"menjalankan program di komputer staf")
    for info in infos:
        try:
            if _declares_dtd(z, info):
                raise Refused(f"XML dengan deklarasi DOCTYPE/ENTITY di {info.filename} ditolak "
                              f"(kemungkinan serangan XXE atau billion laughs)")
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as e:
            raise Refused(f"anggota zip rusak {info.filename}: {e}") from None
    for info in infos:
        if info.filename.lower().endswith(".rels"):
            try:
                found = _external(z, info)
            except etree.XMLSyntaxError as e:
                raise Refused(f"XML rusak di {info.filename}: {e}") from None
            if found:
                raise Refused(f"dokumen memuat hubungan eksternal yang dibuka otomatis: {found}; "
                              f"berkas ditolak, tidak dibersihkan")
