"""Recipients: the addressee (Yth. Inspektur ...) and the Tembusan (copies) list."""
from benchmarks.blind_letters.common import wchoice


def recipients(rng, L):
    """Fill L's addressee and tembusan fields; rng calls in the original generator's order."""
    jenis, nama, place = L["reg"][0], L["reg"][1], L["place"]
    R, HEAD, nota = L["R"], L["HEAD"], L["nota"]
    if jenis == "Provinsi":
        tuj = rng.choice([f"Inspektur Provinsi {nama}", f"Inspektur Daerah Provinsi {nama}"])
    else:
        tuj = rng.choice([f"Inspektur Daerah {R}", f"Inspektur {R}", f"Inspektur Daerah {R}"])
    L["tujuan"] = tuj
    L["di_style"] = wchoice(rng, [("di-indent", 4), ("di-newline", 2), ("di-inline", 2), ("di-tempat", 2), ("di-address", 1)])
    L["di_place"] = place.upper() if rng.random() < 0.3 else place
    L["insp_address"] = f"{rng.choice(['Jalan', 'Jl.'])} {rng.choice(['Diponegoro', 'Pahlawan', 'Merdeka', 'Ahmad Yani', 'Sudirman', 'Veteran', 'Gatot Subroto'])} Nomor {rng.randint(1, 99)}"
    L["kepada"] = rng.random() < 0.45
    L["tujuan_split"] = len(tuj) > 30 and rng.random() < 0.3
    # tembusan
    tem = []
    if rng.random() < 0.82:
        tem.append(HEAD)
        if rng.random() < 0.75:
            tem.append(f"Sekretaris Daerah {R}")
        if rng.random() < 0.2 and not nota:
            tem.append(f"Kepala Badan Pengelolaan Keuangan dan Aset Daerah {R}")
        if rng.random() < 0.12:
            tem.append(f"Ketua DPRD {R}")
        if nota and rng.random() < 0.5:
            tem = [f"Sekretaris Daerah {R}"]
    if nota:
        tem = [f"Sekretaris Daerah {R}"] if rng.random() < 0.5 else []
    L["laporan"] = None
    if tem and tem[0] == HEAD and not nota and rng.random() < 0.3:
        L["laporan"] = rng.choice(["(sebagai laporan)", "sebagai laporan"])
    arsip = bool(tem) and not nota and rng.random() < 0.2
    items = list(tem)
    if L["laporan"]:
        items[0] = items[0] + " " + L["laporan"]
    if arsip:
        items.append("Arsip")
    L["tembusan"] = items
    L["tem_head"] = rng.choice(["Tembusan:", "Tembusan :", "Tembusan disampaikan kepada Yth.:", "Tembusan, Yth.:", "Tembusan Yth.:"])
    L["tem_yth"] = (not L["tem_head"].rstrip(":. ").endswith("Yth")) and rng.random() < 0.35
    L["tem_punct"] = rng.choice(["semicolon", "none", "semicolon-period"])
    L["tem_num"] = rng.choice(["1.", "1.", "1)", "none"]) if len(items) > 1 else rng.choice(["none", "1."])
    L["tem_small"] = rng.random() < 0.4


def tem_lines(L):
    """Printed tembusan lines as (number marker, text): with the Yth. and punctuation the truth omits."""
    items = L["tembusan"]
    out = []
    for i, it in enumerate(items):
        s = ("Yth. " + it) if (L["tem_yth"] and it != "Arsip") else it
        p = L["tem_punct"]
        last = i == len(items) - 1
        if p == "semicolon" and not last:
            s += ";"
        elif p == "semicolon-period":
            s += "." if last else ";"
        num = {"1.": f"{i+1}.", "1)": f"{i+1})", "none": ""}[L["tem_num"]]
        out.append((num, s))
    return out
