# SPDX-License-Identifier: AGPL-3.0-or-later
"""Indonesian text as the precedent search compares it: lowercased words, stop words out,
each word reduced to its stem by Sastrawi (`PySastrawi`, a rule-based stemmer: no model, no
network), so "penggunaan", "digunakan" and "menggunakan" all become "guna".

Stemming is the costly part (a dictionary walk per word), so stems are cached per word; a
history of cases repeats the same few thousand words.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

WORD = re.compile(r"[a-z0-9]+")

# Function words of Indonesian and the formulae of a consultation letter ("mohon penjelasan",
# "bagaimana ketentuannya"): they occur in every question and say nothing about its topic.
STOP_WORDS = frozenset("""
ada adalah agar akan akankah apa apabila apakah atas atau bagaimana bagaimanakah bagi bahwa
baik bapak beberapa belum berapa berdasarkan berikut bila boleh bolehkah bisa bisakah dalam
dan dapat dapatkah dari demikian dengan di dia harus hal hanya ibu ini itu jika juga kah
kami kamu kapan karena ke kepada ketentuan ketentuannya kita lagi lain maka masih mana manakah
melalui mengenai menurut merupakan mohon mohonkan namun oleh pada para perlu perlukah
penjelasan petunjuk saat saja sama sampai sebagai sebelum sedang sehingga sejak selain
seperti serta setelah siapa suatu sudah supaya tahun tanya tentang terhadap tersebut
tetapi untuk wajib wajibkah yaitu yakni yang arahan kiranya sekiranya kah pun
""".split())


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if word.isdigit() or len(word) <= 3:
        return word
    return _stemmer().stem(word) or word


def terms(text: str | None) -> list[str]:
    """The text's content words as stems, in order, repeats kept (they count in BM25)."""
    out = []
    for word in WORD.findall((text or "").lower()):
        if word in STOP_WORDS or word.isdigit():
            continue                    # numbers and years say nothing about the topic
        s = stem(word)
        if s and s not in STOP_WORDS:
            out.append(s)
    return out


def question_key(question: str | None) -> str:
    """Two questions with the same set of stems are the same question: the newer answer to
    it corrects the older one."""
    words = sorted(set(terms(question)))
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]
