"""The sending unit (OPD, RSUD, Kecamatan, ...): kop lines, codes, head and truth name."""
from . import data as D
from .util import pick_weighted, split_balanced


def make_unit(rng, region):
    """One sending unit of the region; everything the kop, signature, stamp and truth need."""
    kind, rname, place, domain, area = region
    reg_full = f"{kind} {rname}"
    head_of_region = {"Provinsi": "Gubernur", "Kabupaten": "Bupati",
                      "Kota": rng.choice(["Wali Kota", "Walikota"])}[kind]
    ukind = pick_weighted(rng, [("opd", 52), ("rsud", 10), ("kec", 10), ("kel", 6),
                                ("bagian", 10), ("sekwan", 6), ("pkm", 6)])
    if kind == "Provinsi" and ukind in ("kec", "kel", "pkm"):
        ukind = "opd"
    health = False
    if ukind == "opd":
        allowed = {"Provinsi": ("PKK", "PK", "P"), "Kabupaten": ("PKK", "KK", "PK"),
                   "Kota": ("PKK", "KK")}[kind]
        opts = [o for o in D.OPD if o[4] in allowed]
        name, abbr, code, mail, _ = rng.choice(opts)
        unit_lines = [name.upper()]
        display = name
        head = ("Kepala Pelaksana " if name.startswith("Badan Penanggulangan") else "Kepala ") + name
        health = name == "Dinas Kesehatan"
        parents = []
    elif ukind == "rsud":
        rs = rng.choice(D.RSUD_NAMES + [rname])
        display = f"Rumah Sakit Umum Daerah {rs}"
        unit_lines = ["RUMAH SAKIT UMUM DAERAH", rs.upper()] if rng.random() < 0.6 else [display.upper()]
        abbr, code, mail = "RSUD", rng.choice(["400.7", "445", "000.9"]), "rsud"
        head = rng.choice(["Direktur ", "Direktur "]) + display   # the draw keeps the seed stream
        health = True
        parents = []
    elif ukind == "kec":
        k = rng.choice(D.PLACE_NAMES)
        display = f"Kecamatan {k}"
        unit_lines = [display.upper()]
        abbr, code, mail = rng.choice(["Kec", f"Kec.{k[:3]}", k[:3].upper()]), "000.9", "kec" + k.lower()
        head = f"Camat {k}"
        parents = []
    elif ukind == "kel":
        k, l = rng.sample(D.PLACE_NAMES, 2)
        display = f"Kelurahan {l}"
        unit_lines = [f"KECAMATAN {k.upper()}", display.upper()]
        abbr, code, mail = rng.choice(["Kel", f"Kel.{l[:3]}"]), "000.9", "kel" + l.lower()
        head = f"Lurah {l}"
        parents = [f"Kecamatan {k}"]
    elif ukind == "bagian":
        b = rng.choice(D.SETDA_BAGIAN)
        display = f"{b} Sekretariat Daerah"
        unit_lines = ["SEKRETARIAT DAERAH", b.upper()]
        abbr, code, mail = rng.choice(["Setda", "Bag.Hk", "Setda/" + "".join(w[0] for w in b.split()[1:3])]), "000.9", "setda"
        head = f"Kepala {b}"
        parents = []
    elif ukind == "sekwan":
        display = "Sekretariat Dewan Perwakilan Rakyat Daerah"
        unit_lines = ["SEKRETARIAT DEWAN PERWAKILAN RAKYAT DAERAH"]
        abbr, code, mail = rng.choice(["Setwan", "Sekr.DPRD", "DPRD"]), "000.9", "setwan"
        head = rng.choice(["Sekretaris DPRD", "Sekretaris Dewan Perwakilan Rakyat Daerah"])
        parents = []
    else:  # puskesmas
        k = rng.choice(D.PLACE_NAMES)
        display = f"UPTD Puskesmas {k}"
        unit_lines = ["DINAS KESEHATAN", display.upper()]
        abbr, code, mail = rng.choice(["PKM", f"Pusk.{k[:3]}"]), "400.7", "pkm" + k.lower()
        head = f"Kepala UPTD Puskesmas {k}"
        health = True
        parents = []
    # wrap very long unit names in the kop over 2-3 lines
    main = unit_lines[-1]
    if len(main) > 40:
        n = 3 if len(main) > 75 else 2
        unit_lines = unit_lines[:-1] + split_balanced(main, n)
    elif len(main) > 30 and rng.random() < 0.4:
        unit_lines = unit_lines[:-1] + split_balanced(main, 2)
    street = rng.choice(D.STREETS)
    no = rng.randint(1, 250)
    postcode = rng.randint(20111, 83999)
    phone = f"({area}) {rng.randint(300000, 899999)}" if len(area) == 4 else f"({area}) {rng.randint(3000000, 8999999)}"
    email = f"{mail}@{domain}"
    web = f"{mail}.{domain}" if rng.random() < 0.6 else domain
    # the project names a Kecamatan/Kelurahan without its region (its kop labels and OPD directory do)
    pengirim = display if ukind in ("kec", "kel") else f"{display} {reg_full}"
    return dict(kind=ukind, region_kind=kind, region_name=rname, region_full=reg_full, place=place,
                head_of_region=f"{head_of_region} {rname}" if kind != "Provinsi" else f"Gubernur {rname}",
                unit_lines=unit_lines, display=display, abbr=abbr, code=code, head=head,
                health=health, street=street, no=no, postcode=postcode, phone=phone,
                email=email, web=web, parents=parents,
                pengirim=pengirim)
