"""Stamps drawn onto test pages: a cap dinas's star, and the stamp pressed onto the print."""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageChops

# a five-pointed star 100 px across, about its centre
STAR = [(0, -50), (15, -10), (50, -10), (20, 15), (30, 55), (0, 30), (-30, 55), (-20, 15),
        (-50, -10), (-15, -10)]


def star(draw, cx: int, cy: int, ink: int, scale: float = 1.0) -> None:
    draw.polygon([(cx + round(x * scale), cy + round(y * scale)) for x, y in STAR], fill=ink)


def pressed(page: Image.Image, stamp: Image.Image, noise: float, seed: int = 3) -> Image.Image:
    """STAMP pressed on PAGE (ink over ink multiplies), with the scanner's noise over all."""
    a = np.asarray(ImageChops.multiply(page, stamp)).astype(float)
    a += np.random.default_rng(seed).normal(0, noise, a.shape)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
