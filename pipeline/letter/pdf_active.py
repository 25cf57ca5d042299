"""Active content in a PDF, found over the whole object graph and removed with pikepdf.

A desktop reader runs JavaScript, launches programs, opens embedded files and plays rich
media; a letter needs none of it. Removal works on parsed objects (names are decoded, object
streams expanded), not on bytes, so `/J#61vaScript` or an action inside a compressed object
stream is found too. Saving writes only what the trailer still reaches, so a removed action
is gone from the copy. Run inside the sandbox: the parser sees hostile bytes.
"""
from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name

from pipeline.letter.model import Refused

# what each finding is called in the reason a clerk reads
LABELS = {"/JavaScript": "JavaScript", "/Launch": "aksi Launch (menjalankan program)",
          "/EmbeddedFile": "berkas tersemat", "/RichMedia": "RichMedia (Flash/video)",
          "/XFA": "formulir XFA", "/OpenAction": "aksi otomatis saat dibuka (OpenAction)",
          "/AA": "aksi otomatis (AA)"}
SAFE_ACTIONS = {"/GoTo", "/URI", "/Named"}        # act only when clicked, inside the document
MEDIA_ANNOTS = {"/RichMedia", "/FileAttachment", "/Screen", "/Movie", "/Sound", "/3D"}
MAX_OBJECTS = 2_000_000


def _action_kinds(value) -> set[str]:
    """The action types a value (an action, a chain, a destination) would run."""
    kinds: set[str] = set()
    todo, seen = [value], 0
    while todo and seen < 1000:
        item = todo.pop()
        seen += 1
        if isinstance(item, Array):
            todo.extend(item)
        elif isinstance(item, Dictionary) and "/S" not in item and "/JS" not in item:
            todo.extend(item[k] for k in item.keys() if k not in ("/Parent", "/P"))  # triggers
        elif isinstance(item, Dictionary):
            kinds.add(str(item.S) if "/S" in item else "/JavaScript")
            if "/JS" in item:
                kinds.add("/JavaScript")
            if "/Next" in item:
                todo.append(item.Next)
    return kinds


def _finding(kinds: set[str], key: str) -> set[str]:
    out = {k for k in kinds if k in ("/JavaScript", "/Launch")}
    out |= {f"aksi {k[1:]}" for k in kinds - SAFE_ACTIONS - {"/JavaScript", "/Launch"}}
    return out | ({key} if key in ("/OpenAction", "/AA") else set())


def _scrub(d: Dictionary, found: set[str]) -> list:
    """Remove active entries from one dictionary; returns the values still to walk."""
    if "/AA" in d:
        found |= _finding(_action_kinds(d.AA), "/AA")
        del d["/AA"]
    for key in ("/OpenAction", "/A", "/Next"):
        if key not in d or key == "/OpenAction" and isinstance(d[key], Array):
            continue                           # an OpenAction array is a destination
        kinds = _action_kinds(d[key])
        if kinds - SAFE_ACTIONS or key == "/OpenAction" and kinds - {"/GoTo"}:
            found |= _finding(kinds, key)
            del d[key]
    if "/JS" in d:
        found.add("/JavaScript")
        del d["/JS"]
    if "/S" in d and str(d.S) in ("/JavaScript", "/Launch"):
        found.add(str(d.S))
        for key in list(d.keys()):
            if key not in ("/S", "/Type"):
                del d[key]
        d.S = Name.GoTo                    # an inert action where something still points
        d.D = Array([])
    for key, label in (("/JavaScript", "/JavaScript"), ("/EmbeddedFiles", "/EmbeddedFile"),
                       ("/EF", "/EmbeddedFile"), ("/XFA", "/XFA"),
                       ("/RichMediaContent", "/RichMedia"), ("/RichMediaSettings", "/RichMedia")):
        if key in d:
            found.add(label)
            del d[key]
    if d.get("/Type") == Name.EmbeddedFile:
        found.add("/EmbeddedFile")
    if "/Annots" in d and isinstance(d.Annots, Array):
        keep = [a for a in d.Annots if not (isinstance(a, Dictionary)
                                            and str(a.get("/Subtype")) in MEDIA_ANNOTS)]
        if len(keep) != len(d.Annots):
            found.add("/RichMedia" if any(str(a.get("/Subtype")) == "/RichMedia"
                                          for a in d.Annots) else "/EmbeddedFile")
            d.Annots = Array(keep)
    return _containers(d[k] for k in d.keys() if k not in ("/Parent", "/P"))


def _containers(values) -> list:
    return [v for v in values if isinstance(v, (Dictionary, Array, pikepdf.Stream))]


def scrub(pdf: pikepdf.Pdf) -> set[str]:
    """Remove every active entry reachable from the trailer; returns what was found."""
    found: set[str] = set()
    todo, seen, count = [pdf.trailer], set(), 0
    while todo:
        obj = todo.pop()
        count += 1
        if count > MAX_OBJECTS:
            raise Refused("PDF terlalu rumit untuk diperiksa (lebih dari 2 juta objek)")
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, (Dictionary, pikepdf.Stream)):
            todo.extend(_scrub(obj, found))
        elif isinstance(obj, Array):
            todo.extend(_containers(obj))
    return found


def describe(found: set[str]) -> str:
    return ", ".join(sorted(LABELS.get(f, f) for f in found))


def disarm_pdf(data: bytes) -> tuple[bytes, str | None]:
    """(the bytes to keep, what was removed or None). A clean PDF is kept byte for byte, so
    a signed letter keeps its signature; a cleaned one is rewritten and checked again."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            found = scrub(pdf)
            if not found:
                return data, None
            out = io.BytesIO()
            pdf.save(out, encryption=False, linearize=False, deterministic_id=True)
    except pikepdf.PasswordError:
        raise Refused("PDF terenkripsi (perlu kata sandi): isinya tidak dapat diperiksa") from None
    except (pikepdf.PdfError, ValueError, RecursionError) as e:
        raise Refused(f"PDF rusak, isinya tidak dapat diperiksa ({str(e)[:100]})") from None
    cleaned = out.getvalue()
    with pikepdf.open(io.BytesIO(cleaned)) as again:
        left = scrub(again)
    if left:
        raise Refused(f"isi aktif PDF tidak dapat dihapus ({describe(left)}); berkas ditolak")
    return cleaned, describe(found)
