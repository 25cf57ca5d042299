"""Connected patches on a coarse grid of a scanned page: where a stamp or a picture lies.

A page is cut into blocks a few millimetres across and each block judged on its own (much
stamp ink, much solid ink); the blocks that pass and touch make one patch. Its box, in blocks,
is what the callers measure against a stamp's or a picture's size.
"""
from __future__ import annotations

from PIL import Image

A4_CM = 21.0  # the page's width, to turn centimetres into pixels whatever the resolution


def patches(blocks: Image.Image) -> list[tuple[int, int, int, int]]:
    """The boxes (x0, y0, x1, y1, in blocks) of the 4-connected patches of non-zero BLOCKS."""
    w, h = blocks.size
    on, seen, boxes = blocks.tobytes(), bytearray(w * h), []
    for start in range(w * h):
        if not on[start] or seen[start]:
            continue
        seen[start] = 1
        todo, xs, ys = [start], [], []
        while todo:
            i = todo.pop()
            x, y = i % w, i // w
            xs.append(x)
            ys.append(y)
            for j in (i - 1 if x else -1, i + 1 if x + 1 < w else -1, i - w, i + w):
                if 0 <= j < w * h and on[j] and not seen[j]:
                    seen[j] = 1
                    todo.append(j)
        boxes.append((min(xs), min(ys), max(xs) + 1, max(ys) + 1))
    return boxes
