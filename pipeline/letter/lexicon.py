"""Whether a word is Indonesian: the word, or its root after Sastrawi strips its affixes, is
one of Sastrawi's root words (kata dasar, about 30,000, shipped with PySastrawi: no model).

A scan's misread word is one a reader would not know ("teriambat", "Pegawa!"); the same word
with the letter it confused set right is one it would ("terlambat", "Pegawai").
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _sastrawi():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    factory = StemmerFactory()
    return factory.create_stemmer(), frozenset(factory.get_words())


@lru_cache(maxsize=50_000)
def known(word: str) -> int:
    """How surely WORD (lowercase) is Indonesian: 2 a root word as it stands, 1 a root word
    with affixes (the stemmer may take a misread ending for a suffix: "pegawal"), 0 not."""
    stemmer, roots = _sastrawi()
    return 2 if word in roots else int(stemmer.stem(word) in roots)
