# SPDX-License-Identifier: AGPL-3.0-or-later
"""The signature block's font, embedded as a subset so the signed PDF stays archivable.

pyHanko's glyph accumulator writes glyph widths in the font's own units. That is right for CFF
fonts (1000 units per em) but not for TrueType fonts such as Liberation Sans (2048): viewers
read the widths of a Type 2 CID font in thousandths of an em, so every glyph was drawn twice as
far apart and the text ran out of the block. This accumulator shapes in thousandths of an em
and writes widths and metrics scaled to match.
"""
from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class StampFont(GlyphAccumulatorFactory):
    """A GlyphAccumulatorFactory whose fonts measure in thousandths of an em."""

    def create_font_engine(self, writer, obj_stream=None) -> GlyphAccumulator:
        engine = super().create_font_engine(writer, obj_stream)
        engine.__class__ = _ThousandthsAccumulator     # the library builds it; we measure it
        engine.to_thousandths()
        return engine
