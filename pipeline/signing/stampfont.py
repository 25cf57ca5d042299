# SPDX-License-Identifier: AGPL-3.0-or-later
"""The signature block's font, embedded as a subset so the signed PDF stays archivable.

pyHanko's glyph accumulator writes glyph widths in the font's own units. That is right for CFF
fonts (1000 units per em) but not for TrueType fonts such as Liberation Sans (2048): viewers
read the widths of a Type 2 CID font in thousandths of an em, so every glyph was drawn twice as
far apart and the text ran out of the block. This accumulator shapes in thousandths of an em
and writes widths and metrics scaled to match.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

EM = 1000


class _ThousandthsAccumulator(GlyphAccumulator):
    _font_units = EM

    def to_thousandths(self) -> None:
        """Shape in thousandths of an em; scale the descriptor's metrics alike."""
        self._font_units = self.units_per_em
        if self._font_units != EM:
            self.units_per_em = EM
            self.hb_font.scale = (EM, EM)
            self._scale_descriptor()

    def _scaled(self, value):
        return round(value * EM / self._font_units)

    def _get_cid_and_width(self, glyph_id: int) -> tuple[int, int]:
        # The cache is what the /W array is written from, so it holds the scaled width.
        if glyph_id not in self._glyphs:
            cid, width = super()._get_cid_and_width(glyph_id)
            self._glyphs[glyph_id] = (cid, self._scaled(width))
        return self._glyphs[glyph_id]

    def _scale_descriptor(self) -> None:
        descriptor = self.cidfont_obj._font_descriptor
        for key in ("/Ascent", "/Descent", "/CapHeight"):
            if key in descriptor:
                descriptor[generic.pdf_name(key)] = generic.NumberObject(
                    self._scaled(int(descriptor[key])))
        if "/FontBBox" in descriptor:
            descriptor[generic.pdf_name("/FontBBox")] = generic.ArrayObject(
                generic.NumberObject(self._scaled(int(v))) for v in descriptor["/FontBBox"])


# What a name, a NIP and a code can hold: ASCII and Latin-1/Extended-A letters.
_CHARS = [*range(0x20, 0x7F), *range(0xA0, 0x180)]


@lru_cache(maxsize=4)
def _latin_subset(path: str) -> bytes:
    """The font cut down to Latin once per process: each signature subsets it again for its
    own glyphs, and parsing a full font for that took a third of a letter's signing time."""
    from fontTools import subset
    from fontTools.ttLib import TTFont
    font = TTFont(path)
    options = subset.Options()
    options.drop_tables += ["FFTM"]
    options.notdef_outline = True
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=_CHARS)
    cutter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class StampFont(GlyphAccumulatorFactory):
    """A GlyphAccumulatorFactory whose fonts measure in thousandths of an em, loaded from a
    Latin subset of the font file made once per process."""

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        engine = GlyphAccumulator(
            writer=writer, font_handle=io.BytesIO(_latin_subset(self.font_file)),
            font_size=self.font_size, ot_script_tag=self.ot_script_tag,
            ot_language_tag=self.ot_language_tag, writing_direction=self.writing_direction,
            bcp47_lang_code=self.bcp47_lang_code, obj_stream=obj_stream)
        engine.__class__ = _ThousandthsAccumulator     # the library builds it; we measure it
        engine.to_thousandths()
        return engine
