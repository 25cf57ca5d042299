"""Pictures on a scanned page (a QR code, a logo, a photograph) left out of what OCR reads.

An electronically signed letter (TTE) carries a QR code where the wet signature would be, and a
kop its region's emblem. Tesseract reads such a picture as lines of gibberish ("fiat", "Aram",
"ee!") in the signature block or beside the kop, where they pass for the signer's post or a
line of the unit's name. A picture is told from print by how much of it is ink, and how: an
area at least a centimetre across inked throughout, in every direction, with no white row of
pixels across it. Lines of text, even bold, set close and darkened by the scanner, leave such
a row between two lines (a table too, between its rules); a QR code's every row crosses its
modules, and an emblem is solid. Such areas are made white before OCR.
"""
from __future__ import annotations

from PIL import Image, ImageFilter

from pipeline.letter.blocks import A4_CM, patches

BLOCK_CM = 0.2  # blocks of 2 mm: finer than a picture, coarser than a stroke
SOLID = 0.3  # a block this much inked may be part of a picture (a line of text, about as much)
# a small QR code's fine modules, as a TTE box prints it, ink its blocks 25-60 %: the page is
# looked at again with this share, and what it finds apart from the first look's boxes added
# (this share alone joins a larger code to the text beside it, and the whole reads as lines)
FINE = 0.25
MIN_CM = 1.0  # a picture is at least this wide and tall
GROW_CM = 1.0  # the edge of a picture its solid inside may leave, on each side
GAP_CM = 0.08  # white across a picture narrower than this is inside it (a QR code's row)
ROW_INK = 0.08  # a row of pixels across lines of text this little inked is between two lines
# (a QR code's least inked row measured 13-29 %, an emblem's 42-59 %)


def boxes(bw: Image.Image) -> list[tuple[int, int, int, int]]:
    """The boxes, in pixels, of the pictures on BW (mode "L", print black on white)."""
    side = max(2, round(bw.width / A4_CM * BLOCK_CM))
    blocks, ink = bw.reduce(side), None  # (the page's ink, white, only where a look finds any)
    found: list[tuple[int, int, int, int]] = []
    for solid in (SOLID, FINE):
        # what is inked three blocks across in every direction: a line of text, one or two
        # blocks tall, is gone; a picture's inside stays (and is then grown by ink to its edge)
        inked = blocks.point([255 if v < 255 * (1 - solid) else 0 for v in range(256)])
        core = inked.filter(ImageFilter.MinFilter(3))
        if not core.getbbox():
            continue
        ink = ink or bw.point([255 if v < 128 else 0 for v in range(256)])
        first = list(found)
        for x0, y0, x1, y1 in patches(core):
            if (min(x1 - x0, y1 - y0) + 2) * BLOCK_CM < MIN_CM:
                continue
            whole = _whole(ink, (x0 * side, y0 * side, min(bw.width, x1 * side),
                                 min(bw.height, y1 * side)))
            if not _lined(ink, whole) and not any(  # (the finer look adds what is new)
                    whole[0] < b[2] and b[0] < whole[2] and whole[1] < b[3] and b[1] < whole[3]
                    for b in first):
                found.append(whole)
    return found


def _lined(ink: Image.Image, box: tuple[int, int, int, int]) -> bool:
    """Whether the area is lines of text (or a table's): some row of pixels across it is all
    but white, between two lines. A QR code's every row crosses modules, an emblem is solid."""
    area = ink.crop(box)
    # a table's column rules run through every row: they are left out of the rows' ink
    cols = area.resize((area.width, 1), Image.BOX).tobytes()
    for x, v in enumerate(cols):
        if v > 0.9 * 255:
            area.paste(0, (x, 0, x + 1, area.height))
    rows = area.resize((1, area.height), Image.BOX)
    edge = rows.height // 8  # (a round emblem's top and bottom rows, a skewed edge's, are thin)
    return rows.crop((0, edge, 1, rows.height - edge)).getextrema()[0] < 255 * ROW_INK


def _whole(ink: Image.Image, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """BOX grown, side by side, to the white margin around the picture it lies in (a QR code's
    quiet zone, the paper around an emblem), by at most GROW_CM; a white gap narrower than
    GAP_CM (between a QR code's rows of modules) is crossed. INK is the page, ink white."""
    per_cm = ink.width / A4_CM
    most, gap = round(per_cm * GROW_CM), max(1, round(per_cm * GAP_CM))
    box = list(box)
    # (side, step, strip at offset d): left, right, top, bottom
    sides = ((0, -1, lambda b, d: (b[0] - d - 1, b[1], b[0] - d, b[3])),
             (2, 1, lambda b, d: (b[2] + d, b[1], b[2] + d + 1, b[3])),
             (1, -1, lambda b, d: (b[0], b[1] - d - 1, b[2], b[1] - d)),
             (3, 1, lambda b, d: (b[0], b[3] + d, b[2], b[3] + d + 1)))
    for k, step, strip in sides:
        reach, white = 0, 0
        for d in range(most):
            s = strip(box, d)
            if s[0] < 0 or s[1] < 0 or s[2] > ink.width or s[3] > ink.height:
                break
            if ink.crop(s).getbbox() is None:
                white += 1
                if white > gap:
                    break
            else:
                white, reach = 0, d + 1
        box[k] += step * reach
    return tuple(box)


def blank(bw: Image.Image) -> Image.Image:
    """BW (mode "L", print black on white) with its pictures made white."""
    found = boxes(bw)
    if not found:
        return bw
    bw = bw.copy()
    for box in found:
        bw.paste(255, box)
    return bw
