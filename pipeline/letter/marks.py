"""The marks of a naskah dinas's parts that several readers look for (the body's list, the
heading's labels, the signature, the name read again, the PDF's text layer): a list's numbers,
a question's words, the closing paragraph's openings, the NIP's label, the rank under the name,
the signature's placeholder and the Tembusan heading."""
from __future__ import annotations

import re

# a list number; its text follows after a space, or glued when a tab collapsed ("f.Apakah")
# ("38.A/LHP/..." wrapped to a line's start is a number's end, not item 38: a glued item text
# opens with a word)
ITEM = re.compile(r"^\s*(?:(\d{1,2})\s*[.),]|\((\d{1,2})\)|([a-z])\s*[.)])(?:\s+|(?=[A-Z][a-z]))(\S.*)$")
# a bulleted item: a bullet glyph (Word's Symbol-font bullet comes out of a PDF as U+F0B7), or
# a dash or star before a space; its text opens a sentence
BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u25a0\u25e6\u00b7\u2043\u27a2\uf0b7\uf0a7\uf0d8]\s*"
                    r"|[-\u2013\u2014*]\s+)(?=[A-Z\"'(\u201c])(\S.*)$")
# ... as a scan reads a bullet: a mark alone ("+", "«", "°", "*", "#"; not a sentence's mark,
# ".,;:", a quote, a bracket, or a table's rule, "|", "/"), a round letter ("e", "o", "c"), or
# both ("e«"); body.items takes it only where another line beside it is marked so too
OCR_BULLET = re.compile(r"^\s*(?:[eoc]?[^\w\s.,;:\"'(\[\u201c\u201d\u2018\u2019|/\\]|[eoc])\s+"
                        r"(?=[A-Z][a-z])(\S.*)$")
# OCR reads a letter whose capital is only a bigger lowercase ("c", "o", "s", "v", "w", "x",
# "z") as the capital: "C." after "b." is item c of the list
OCR_UPPER = re.compile(r"^\s*([COSVWXZ])\s*[.)](?:\s+|(?=[A-Z]))(\S.*)$")
# Openings of the closing paragraph (penutup) of a naskah dinas; it follows the body's list.
CLOSING = re.compile(r"^\s*(demikian|atas perhatian|terima kasih|wassalam|untuk koordinasi|"
                     r"sebagai bahan pertimbangan|selanjutnya,? kami mohon|besar harapan)", re.I)
# A question in Indonesian is told by its word as well as by "?": items of a consultation list
# often end with ";" or "." ("Apakah ... dapat dibayarkan;", "Mohon penjelasan mengenai ...").
QUESTION_WORDS = (r"apakah|bagaimana(kah)?|siapa(kah)?|berapa(kah)?|kapan(kah)?|mengapa|"
                  r"di ?manakah|bolehkah|dapatkah|perlukah|haruskah|wajibkah|bisakah")
QUESTION = re.compile(rf"\?|\b({QUESTION_WORDS})\b|"
                      r"\bmohon\s+(penjelasan|petunjuk|arahan|pendapat|konfirmasi|pertimbangan)", re.I)
ASKING = re.compile(r"(pertanyaan|penjelasan|konsultasi|arahan|petunjuk|pendapat|bertanya|"
                    r"mohon)", re.I)
# the signer's NIP line opens with its label (a scan may put a speck or two before it); a NIP
# quoted inside a sentence ("tunjangan Sdr. X, NIP 1980...") is no signature
# (a speck may be read glued before the label: "SNIP. 1970…"; no word ends in "NIP")
NIP = re.compile(r"^.{0,8}?(?<![a-z])NIP\b\.?\s*[:.]?\s*([0-9OoIil|\s]{18,32})")
WRAPPED_NIP = re.compile(r"^.{0,8}?\bNIP\b\.?\s*[:.]?\s*(\d[\d ]{6,20})$")  # fewer than 18 digits
# the rank (pangkat) under the name; a scan may put marks before it ("- Pembina", "<2: Pembina"),
# or a stamp's letters ("yen Pembina", "so. Pembina"), and read "Pembina" as "Peribina" or
# "Pernbina" (m as ri, rn), or with the stamp's ring over its middle, "Pombina", "Pembuta",
# "Pembrra"
RANK = re.compile(r"^(?:[^A-Za-z]{0,4}|(?!(?:an|ub|ttd)[.,:;])[a-z]{1,3}[.,:;]?\s)\s*"
                  r"(pe[a-z]{1,3}bina|p[eo]mb[a-z]{2}a|penata|pengatur|juru)\b|"
                  # (the golongan's I read as l, 1 or |: "(IlI/d)")
                  r"(?<!\w)(?=[Il1|]{0,2}[IV])(?:[Il1|]{1,3}|[Il1|]?V)\s*/\s*[a-e]\b|"
                  # the rank's second words, whatever OCR made of its first ("Pembrra Utama Muda",
                  # "mbin ingkat I") or of Utama's first letters ("nektama Muda"; names: capitals)
                  r"\butama\s+(muda|madya)$|\b(muda\s+)?(tk\.|t?ingkat)\s*I$|"
                  r"(?-i:\b[a-z]+tama\s+M(?:uda|adya))$", re.I)
SKIP = re.compile(r"^\s*(\(?ttd\.?\)?|cap|ditandatangani|tertanda|t\.t\.d)", re.I)
TEMBUSAN = re.compile(r"^\s*tembusan\b[^:]*:?\s*(.*)$", re.I)
