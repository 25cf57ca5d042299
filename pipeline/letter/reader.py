"""Read one letter in this process: sniff, pick the reader for the real format, parse.

Only for trusted callers and for use inside the sandbox; mail attachments go through
`sandbox.read_letter`, which runs this in a resource-limited child.
"""
from __future__ import annotations

from pipeline.letter import lines as L
from pipeline.letter.docx_reader import read_docx
from pipeline.letter.model import LetterReading, Limits, Refused
from pipeline.letter.ocr import ocr_image
from pipeline.letter.parse import parse
from pipeline.letter.pdf_reader import read_pdf
from pipeline.letter.sniff import sniff


def check_size(data: bytes, limits: Limits) -> None:
    if len(data) > limits.max_bytes:
        raise Refused(f"file is {len(data) / 1024 / 1024:.1f} MB, "
                      f"limit is {limits.max_bytes / 1024 / 1024:.0f} MB")


def read_letter_inprocess(data: bytes, filename: str, limits: Limits | None = None,
                          opd_names: list[str] | None = None) -> LetterReading:
    limits = limits or Limits()
    check_size(data, limits)
    kind = sniff(data, filename)
    if kind == "pdf":
        lines, fmt = read_pdf(data, limits)
    elif kind == "zip":
        lines, fmt = read_docx(data, filename, limits), "docx"
    else:
        lines, fmt = ocr_image(data, limits), "image"
    if not any(ln.text.strip() for ln in lines):
        raise Refused("no readable text in the document")
    return parse(lines, fmt, opd_names)


def read_text(text: str, opd_names: list[str] | None = None) -> LetterReading:
    """A letter typed straight into the e-mail body."""
    return parse(L.from_text(text), "text", opd_names)
