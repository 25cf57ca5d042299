"""python-docx primitives for the DOCX renderer: page set-up, paragraphs, runs, tables, lists."""
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from .style import PAPERS

J = WD_ALIGN_PARAGRAPH


class DocxBase:
    """Document set-up and the small XML helpers python-docx lacks (borders, indents, numbering)."""

    def __init__(self, L, S):
        self.L, self.S = L, S
        self.doc = Document()
        sec = self.doc.sections[0]
        pw, ph = PAPERS[S["paper"]]
        sec.page_width, sec.page_height = Cm(pw), Cm(ph)
        m = S["margins"]
        sec.top_margin, sec.bottom_margin = Cm(m["top"]), Cm(m["bottom"])
        sec.left_margin, sec.right_margin = Cm(m["left"]), Cm(m["right"])
        sec.header_distance = Cm(0.8)
        sec.footer_distance = Cm(0.6)
        self.text_w = pw - m["left"] - m["right"]
        st = self.doc.styles["Normal"]
        self._set_font(st.element, S["font"][0])
        st.font.name = S["font"][0]
        st.font.size = Pt(S["size"])
        pf = st.paragraph_format
        pf.space_after = Pt(0)
        pf.space_before = Pt(0)
        pf.line_spacing = S["spacing"]
        self.num_id = 90

    # ------------------------------------------------------------ helpers
    @staticmethod
    def _set_font(el, name):
        rpr = el.get_or_add_rPr()
        rf = rpr.find(qn("w:rFonts"))
        if rf is None:
            rf = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
            rpr.append(rf)
        for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rf.set(qn(a), name)

    def para(self, container=None, text="", align=None, bold=False, size=None, left=None,
             first=None, after=0, underline=False, font=None, spacing=None, italic=False):
        c = container if container is not None else self.doc
        p = c.add_paragraph()
        if text:
            self.run(p, text, bold=bold, size=size, underline=underline, font=font, italic=italic)
        pf = p.paragraph_format
        if align is not None:
            p.alignment = align
        if left is not None:
            pf.left_indent = Cm(left)
        if first is not None:
            pf.first_line_indent = Cm(first)
        pf.space_after = Pt(after)
        if spacing is not None:
            pf.line_spacing = spacing
        return p

    def run(self, p, text, bold=False, size=None, underline=False, font=None, italic=False):
        r = p.add_run(text)
        r.bold = bold
        r.italic = italic
        r.underline = underline
        if size:
            r.font.size = Pt(size)
        if font:
            r.font.name = font
            self._set_font(r._element, font)
        return r

    def table(self, container, rows, cols, widths, borders=False):
        c = container if container is not None else self.doc
        t = c.add_table(rows=rows, cols=cols)
        t.autofit = False
        if borders:
            t.style = self.doc.styles["Table Grid"]
        grid = t._tbl.tblGrid
        for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
            gc.set(qn("w:w"), str(int(w * 567)))
        for row in t.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = Cm(w)
        return t

    @staticmethod
    def table_indent(t, cm):
        tblPr = t._tbl.tblPr
        ind = parse_xml(f'<w:tblInd {nsdecls("w")} w:w="{int(cm * 567)}" w:type="dxa"/>')
        tblPr.append(ind)

    @staticmethod
    def cell_margins(t, left=0.05, right=0.05):
        tblPr = t._tbl.tblPr
        tblPr.append(parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:left w:w="{int(left * 567)}" w:type="dxa"/>'
            f'<w:right w:w="{int(right * 567)}" w:type="dxa"/></w:tblCellMar>'))

    @staticmethod
    def bottom_border(p, kind):
        val, sz = {"double": ("double", 6), "thickthin": ("thickThinSmallGap", 24),
                   "single": ("single", 18)}[kind]
        pPr = p._p.get_or_add_pPr()
        pPr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="{val}" w:sz="{sz}" '
                             f'w:space="1" w:color="000000"/></w:pBdr>'))

    def cell_text(self, cell, text, **kw):
        p = cell.paragraphs[0]
        if text:
            self.run(p, text, bold=kw.get("bold", False), size=kw.get("size"))
        if kw.get("align") is not None:
            p.alignment = kw["align"]
        return p

    def add_numbering(self, fmt):
        """Create a fresh Word list (auto-numbering) and return its numId."""
        numbering = self.doc.part.numbering_part.element
        self.num_id += 1
        nid = self.num_id
        numfmt, text = ("lowerLetter", "%1.") if fmt == "a." else ("decimal", "%1.")
        left = int((self.body_left() + 0.75) * 567)
        absx = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{nid}"><w:multiLevelType w:val="hybridMultilevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{numfmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="425"/></w:pPr></w:lvl></w:abstractNum>')
        nums = numbering.findall(qn("w:num"))
        if nums:
            nums[0].addprevious(absx)
        else:
            numbering.append(absx)
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{nid}"/></w:num>'))
        return nid

    @staticmethod
    def set_num(p, nid):
        pPr = p._p.get_or_add_pPr()
        pPr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>'))

    def body_left(self):
        """Left indent (cm) of body text and lists; the numbering XML needs it too."""
        return {"aligned": 2.9, "first": 0.0, "block": 0.0}[self.S["body_indent"]]
