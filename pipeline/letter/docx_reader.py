"""DOCX to lines: header letterhead, paragraphs, tables, text boxes, list numbering.

Parsed with a locked-down lxml parser (no DTDs, no entities, no network) straight from the
zip, so headers and text boxes are seen too, which python-docx's paragraph API skips.
"""
from __future__ import annotations

import re

from lxml import etree

from pipeline.letter.asktable import ASK_HEAD
from pipeline.letter.lines import Line
from pipeline.letter.model import Limits, Refused
from pipeline.letter.sniff import check_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                         huge_tree=False, remove_comments=True)
LABEL = re.compile(r"^\s*(nomor|sifat|lampiran|hal|perihal|no\.?)\s*$", re.I)
HEADING = re.compile(r"^\s*no\.?\s*(:|$)", re.I)  # a numbered table's first heading cell
CELL_NUMBER = re.compile(r"^\s*(?:\d{1,2}|\(?\d{1,2}[.)]|[a-z][.)])\s*$")


class _Walker:
    def __init__(self, numbered_styles: set[str]):
        self.numbered_styles = numbered_styles
        self.counters: dict[tuple, int] = {}

    def para(self, p, in_cell: bool = False) -> list[str]:
        """A paragraph's text; w:br splits lines; text boxes come out as their own lines. In a
        table's cell Word's number stands even with no text (the No column of a table)."""
        boxes, buf = [], []
        for el in p.iter():
            if el.tag == f"{MC}Fallback":
                continue
            if el.tag == f"{W}txbxContent":
                if not any(a.tag == f"{MC}Fallback" for a in el.iterancestors()):
                    for child in el:
                        boxes.extend(self.block(child))
                continue
            if any(a.tag in (f"{W}txbxContent", f"{MC}Fallback") for a in el.iterancestors()):
                continue
            if el.tag == f"{W}t":
                buf.append(el.text or "")
            elif el.tag == f"{W}tab":
                buf.append("\t")
            elif el.tag in (f"{W}br", f"{W}cr"):
                buf.append("\n")
        text = "".join(buf)
        prefix = self.number(p)
        if prefix and (text.strip() or in_cell):
            text = prefix + text.lstrip()
        # text pushed right with several tabs (a date beside Nomor) is its own line
        return boxes + [part for ln in text.split("\n") for part in re.split(r"\t{2,}", ln)]

    def number(self, p) -> str:
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            return ""
        num = ppr.find(f"{W}numPr")
        style = ppr.find(f"{W}pStyle")
        sid = style.get(f"{W}val") if style is not None else None
        if num is not None:
            nid, lvl = num.find(f"{W}numId"), num.find(f"{W}ilvl")
            key = (nid.get(f"{W}val") if nid is not None else "?",
                   lvl.get(f"{W}val") if lvl is not None else "0")
            if key[0] == "0":
                return ""
        elif sid in self.numbered_styles:
            key = ("style", sid)
        else:
            return ""
        self.counters[key] = self.counters.get(key, 0) + 1
        return f"{self.counters[key]}. "

    def cell(self, tc) -> list[str]:
        out = []
        for child in tc:
            out.extend(self.para(child, True) if child.tag == f"{W}p" else self.block(child))
        return out

    def table(self, tbl) -> list[str]:
        """Label|:|value cells are joined per row; other layout columns are read column by column."""
        rows = []
        raw = [[self.cell(tc) for tc in tr if tc.tag == f"{W}tc"]
               for tr in tbl.iter(f"{W}tr") if tr.getparent() is tbl]
        asked = _asked(raw)
        if asked is not None:
            return asked
        for cells in raw:
            merged: list[list[str]] = []
            for c in cells:
                first = c[0].strip() if c else ""
                prev = merged[-1][0].strip() if merged and merged[-1] else ""
                if merged and (first.startswith(":") or prev.endswith(":") or LABEL.match(prev)):
                    glue = " " if (first.startswith(":") or prev.endswith(":")) else " : "
                    merged[-1] = [merged[-1][0].rstrip() + glue + first] + merged[-1][1:] + c[1:]
                else:
                    merged.append(list(c))
            merged = [m for m in merged if any(t.strip() for t in m)]
            if len(merged) > 1 and len(merged[0]) == 1 and CELL_NUMBER.match(merged[0][0]):
                # a numbered table (No | Pertanyaan): the row's number heads its text, as in a list
                mark = merged[0][0].strip()
                mark += "." if mark.isalnum() else ""
                merged = [[f"{mark} {merged[1][0].strip()}"] + merged[1][1:]] + merged[2:]
            rows.append(merged or [[""]])
        if len(rows) > 1 and HEADING.match(" ".join(rows[0][0])) and rows[1][0] \
                and re.match(r"^\(?(1|a)[.)] ", rows[1][0][0]):
            rows = rows[1:]  # "No | Pertanyaan" over a numbered table: a heading, not text
        out = []
        width = max((len(r) for r in rows), default=0)
        for col in range(width):
            for r in rows:
                if col < len(r):
                    out.extend(r[col])
            out.append("")
        return out

    def block(self, el) -> list[str]:
        if el.tag == f"{W}p":
            return self.para(el)
        if el.tag == f"{W}tbl":
            return self.table(el)
        if el.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            return [t for child in el for t in self.block(child)]
        return []


def _asked(rows: list[list[list[str]]]) -> list[str] | None:
    """A table of questions headed `No | Permasalahan | Pertanyaan` (see asktable.py) as a
    numbered list of its questions, the cell under `Pertanyaan` of each numbered row; None
    for any other table."""
    if len(rows) < 2 or not rows[0] or not HEADING.match(" ".join(rows[0][0])):
        return None
    col = next((k for k, c in enumerate(rows[0]) if k and ASK_HEAD.match(" ".join(c))), None)
    if col is None or col == 1:  # ("No | Pertanyaan | Penjelasan": the old way, columns)
        return None
    out = []
    for cells in rows[1:]:
        number = " ".join(cells[0]).strip().rstrip(".)") if cells else ""
        text = " ".join(t.strip() for t in cells[col]) if col < len(cells) else ""
        if not ((number.isdigit() or re.fullmatch(r"[a-z]", number)) and text):  # 1. or a.
            return None
        out.append(f"{number}. {text}")
    return out + [""]


def _numbered_styles(z) -> set[str]:
    try:
        root = etree.fromstring(z.read("word/styles.xml"), PARSER)
    except KeyError:
        return set()
    return {s.get(f"{W}styleId") for s in root.iter(f"{W}style")
            if s.find(f"{W}pPr/{W}numPr") is not None}


def read_docx(data: bytes, filename: str, limits: Limits) -> list[Line]:
    z = check_docx(data, filename, limits)
    try:
        doc = etree.fromstring(z.read("word/document.xml"), PARSER)
        walker = _Walker(_numbered_styles(z))
        texts: list[str] = []
        rels = {}
        if "word/_rels/document.xml.rels" in z.namelist():
            rroot = etree.fromstring(z.read("word/_rels/document.xml.rels"), PARSER)
            rels = {r.get("Id"): r.get("Target") for r in rroot}
        sect = doc.find(f"{W}body/{W}sectPr")
        if sect is None:
            sect = next(doc.iter(f"{W}sectPr"), None)
        refs = sect.findall(f"{W}headerReference") if sect is not None else []
        refs.sort(key=lambda r: {"first": 0, "default": 1}.get(r.get(f"{W}type"), 2))
        for ref in refs[:1]:
            target = rels.get(ref.get(f"{R}id"), "")
            name = "word/" + target.lstrip("/").removeprefix("word/")
            if name in z.namelist():
                hdr = etree.fromstring(z.read(name), PARSER)
                for child in hdr:
                    texts.extend(walker.block(child))
        starts: set[int] = set()  # where the body's own paragraphs begin (not table cells')
        for child in doc.find(f"{W}body"):
            if child.tag == f"{W}p":
                starts.add(len(texts))
            texts.extend(walker.block(child))
    except etree.XMLSyntaxError as e:
        if "unknown error" in str(e) or "memory" in str(e).lower():  # libxml2 out of memory
            raise Refused(f"reading needed more than {limits.memory_mb} MB of memory") from None
        raise Refused(f"corrupt Word XML: {e}") from None
    except MemoryError:
        raise Refused(f"reading needed more than {limits.memory_mb} MB of memory") from None
    except KeyError as e:
        raise Refused(f"Word document is missing a part: {e}") from None
    return [Line(re.sub(r"[ \t\u00a0]+", " ", t).strip() if "\t" not in t.strip() else t.strip(),
                 para=k in starts) for k, t in enumerate(texts)]
