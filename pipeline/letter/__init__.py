"""Read Indonesian official letters (surat dinas) from DOCX, PDF, scans and photos.

`read_letter` is the entry point for untrusted files (sandboxed); `choose_letter` picks the
letter among an e-mail's attachments; `specimen` makes realistic labelled letters for tests.
"""
from pipeline.letter.choose import Choice, choose_letter
from pipeline.letter.disarm import Disarmed, disarm, screen
from pipeline.letter.model import LetterReading, Limits, Refused
from pipeline.letter.reader import read_letter_inprocess, read_text
from pipeline.letter.sandbox import read_letter

__all__ = ["Choice", "Disarmed", "disarm", "screen", "LetterReading", "Limits", "Refused", "choose_letter", "read_letter",
           "read_letter_inprocess", "read_text"]
