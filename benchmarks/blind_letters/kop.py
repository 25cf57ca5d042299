"""Letterhead (kop): the PEMERINTAH/unit lines, the address block and a drawn logo."""
import math

from PIL import Image, ImageDraw


def letterhead(rng, L, kop_unit, abbr):
    """Fill L's kop fields; rng calls in the original generator's order."""
    _, _, place, _, area, street, kp, dom = L["reg"]
    kop_lines = [kop_unit]
    if len(kop_unit) > 34 and rng.random() < 0.8:
        # long unit names break into two balanced lines, as offices do
        w = kop_unit.split()
        best = min(range(1, len(w)), key=lambda i: abs(len(" ".join(w[:i])) - len(" ".join(w[i:]))))
        kop_lines = [" ".join(w[:best]), " ".join(w[best:])]
    L["kop_unit_lines"] = kop_lines
    L["kop_pemda"] = f"PEMERINTAH {L['R'].upper()}"
    sub_dom = abbr.lower().replace(" ", "").replace(".", "").replace("-", "")
    if L["nota"]:
        sub_dom = "setda"
    domain = f"{dom}.go.id"
    n = rng.randint(1, 160)
    pc = kp + "%02d" % rng.randint(11, 99)
    streetv = street.replace("Jalan", "Jl.") if rng.random() < 0.4 else street
    addr = [f"{streetv} Nomor {n}, {place}" + (f" {pc}" if rng.random() < 0.5 else f", Kode Pos {pc}")]
    tel = f"({area}) {rng.randint(310000, 899999) if len(area) <= 3 else rng.randint(21000, 99999)}"
    fax = f"({area}) {rng.randint(310000, 899999) if len(area) <= 3 else rng.randint(21000, 99999)}"
    r = rng.random()
    if r < 0.4:
        addr.append(f"Telepon {tel}, Faksimile {fax}")
        addr.append(f"Laman: {sub_dom}.{domain}, Pos-el: {sub_dom}@{domain}")
    elif r < 0.75:
        addr[0] += f" Telepon {tel}"
        addr.append(f"Laman {sub_dom}.{domain}   Pos-el {sub_dom}@{domain}")
    else:
        addr.append(f"Telp. {tel}  Fax. {fax}  Website: https://{sub_dom}.{domain}  E-mail: {sub_dom}@{domain}")
    L["kop_addr"] = addr
    L["email"] = f"{sub_dom}@{domain}"


def make_logo(rng, path):
    """A coat-of-arms-like PNG (shield/circle/pentagon with a star), 240x290."""
    W, H = 240, 290
    im = Image.new("RGBA", (W, H), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    c1 = rng.choice([(20, 110, 50), (200, 30, 30), (30, 70, 160), (230, 180, 20)])
    c2 = rng.choice([(240, 200, 30), (255, 255, 255), (20, 110, 50), (200, 30, 30)])
    shape = rng.choice(["shield", "circle", "penta"])
    if shape == "shield":
        poly = [(20, 20), (220, 20), (220, 150), (120, 275), (20, 150)]
        d.polygon(poly, fill=c1, outline=(0, 0, 0))
        d.line(poly + [poly[0]], fill=(0, 0, 0), width=5)
    elif shape == "circle":
        d.ellipse((10, 30, 230, 250), fill=c1, outline=(0, 0, 0), width=6)
    else:
        cx, cy, r = 120, 150, 115
        poly = [(cx + r * math.sin(2 * math.pi * k / 5), cy - r * math.cos(2 * math.pi * k / 5)) for k in range(5)]
        d.polygon(poly, fill=c1, outline=(0, 0, 0))
    # star
    cx, cy = 120, 90
    pts = []
    for k in range(10):
        rr = 32 if k % 2 == 0 else 13
        a = math.pi * k / 5 - math.pi / 2
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=c2, outline=(0, 0, 0))
    # some inner ornaments
    for k in range(rng.randint(2, 5)):
        y = 140 + k * 18
        d.line((60, y, 180, y), fill=c2, width=6)
    d.arc((60, 120, 180, 250), 200, 340, fill=(255, 255, 255), width=5)
    im.save(path)
