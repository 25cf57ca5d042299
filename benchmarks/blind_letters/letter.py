"""Letter model: one consultation letter (OPD -> Inspektorat) as a dict of printed fields.

`make_letter` draws everything a letter says; the other modules only decide how it looks.
The rng calls run in the same order as the original standalone generator, so a seed gives
the same letters.
"""
import datetime as dt

from benchmarks.blind_letters.body import body
from benchmarks.blind_letters.common import fmt_date, month_name, rand_date, wchoice
from benchmarks.blind_letters.data import (FIRST_F, FIRST_M, LAST, MONTHS, REGIONS, ROMAN, SETDA_ABBR,
                                           SETDA_TOPICS, SETDA_UNITS, UNITS)
from benchmarks.blind_letters.kop import letterhead
from benchmarks.blind_letters.recipients import recipients
from benchmarks.blind_letters.signer import signer
from benchmarks.blind_letters.topics import TOPICS


def region_full(reg):
    return f"{reg[0]} {reg[1]}"


def kepala_daerah(reg):
    return {"Kabupaten": "Bupati", "Kota": "Wali Kota", "Provinsi": "Gubernur"}[reg[0]] + " " + reg[1]


def make_letter(rng, idx, kind):
    """Draw letter idx; kind (docx/pdf/scan) only matters for the blank-day date of scans."""
    L = {"idx": idx, "kind": kind}
    nota = rng.random() < 0.12
    reg = rng.choice(REGIONS)
    jenis, place = reg[0], reg[2]
    R = region_full(reg)
    HEAD = kepala_daerah(reg)
    L.update(reg=reg, R=R, HEAD=HEAD, place=place, nota=nota)
    if nota:
        sub = rng.choice(SETDA_UNITS)
        unit = ("Biro " if jenis == "Provinsi" else "Bagian ") + sub
        pengirim = f"{unit} Sekretariat Daerah {R}"
        jabatan = f"Kepala {unit} Sekretariat Daerah {R}"
        kop_unit = "SEKRETARIAT DAERAH"
        abbr = ("Biro." if jenis == "Provinsi" else "Bag.") + SETDA_ABBR[sub]
        topics = SETDA_TOPICS[sub]
        codes = ["000.9", "700.1", "100.3", "180", "027"]
        L["dari"] = f"Kepala {unit}"
        L["unit_short"] = unit
    else:
        units = [u for u in UNITS if not (jenis == "Provinsi" and u[1] == "RSUD")]
        u = rng.choice(units)
        unit, abbr, hp, topics, codes = u
        pengirim = f"{unit} {R}"
        jabatan = f"Sekretaris DPRD {R}" if abbr == "Setwan" else f"{hp} {unit} {R}"
        kop_unit = unit.upper()
        L["unit_short"] = unit
    L.update(pengirim=pengirim, unit=unit)
    plt = rng.random() < 0.12
    L["jabatan"] = ("Plt. " if plt else "") + jabatan
    letterhead(rng, L, kop_unit, abbr)
    # date
    d = rand_date(rng)
    L["date"] = d
    L["date_str"] = fmt_date(rng, d, pad=rng.random() < 0.15)
    L["blank_day"] = kind == "scan" and rng.random() < 0.3
    if L["blank_day"]:
        L["date_str"] = f"{month_name(rng, d.month)} {d.year}"
    L["date_place"] = (rng.random() > 0.1) or L["blank_day"]
    d_other = d - dt.timedelta(days=rng.randint(8, 200))
    Y, Y1 = d.year, d.year - 1
    # nomor
    code = rng.choice(codes)
    seq = rng.randint(12, 2400)
    seqs = ("%04d" % seq) if rng.random() < 0.2 else str(seq)
    ab = abbr.replace(" ", "-")
    r = rng.random()
    if nota:
        nomor = rng.choice([f"B-{seqs}/{ab}/{Y}", f"{code}/{seqs}/{ab}/{Y}", f"{code}/{seqs}/{ab}/{ROMAN[d.month-1]}/{Y}"])
    elif r < 0.35:
        nomor = f"{code}/{seqs}/{ab}/{Y}"
    elif r < 0.55:
        nomor = f"{code}/{seqs}/{ab}/{ROMAN[d.month-1]}/{Y}"
    elif r < 0.72:
        nomor = f"B-{seqs}/{ab}/{code}/{d.month:02d}/{Y}"
    elif r < 0.84:
        nomor = f"{code}/{seqs}-{ab}/{Y}"
    elif r < 0.93:
        nomor = f"{code}/{seqs}/{rng.randint(101,499)}.{rng.randint(1,9)}/{Y}"
    else:
        nomor = f"{ab}.{code}/{seqs}/{Y}"
    L["nomor"] = nomor
    L["sifat"] = wchoice(rng, [("Biasa", 5), ("Penting", 3), ("Segera", 3), ("Sangat Segera", 1), ("Terbatas", 1), (None, 2)])
    lamp = wchoice(rng, [("-", 4), ("1 (satu) berkas", 3), ("1 (satu) bendel", 2), ("2 (dua) lembar", 2),
                         ("3 (tiga) lembar", 1), ("1 (satu) eksemplar", 1), ("1 berkas", 1), (None, 2)])
    L["lampiran_print"] = lamp
    L["lampiran"] = None if lamp in (None, "-") else lamp
    topic = rng.choice(topics)
    T = TOPICS[topic]
    L["topic"] = topic
    perno = rng.randint(3, 68)
    lhp = f"{rng.randint(10, 95)}.A/LHP/XVIII.{rng.choice(['YOG','SMG','SBY','BDG','MKS','PDG','MDN','DPS'])}/{rng.randint(1,12):02d}/{Y1 if rng.random()<0.5 else Y}"
    fill = dict(Y=Y, Y1=Y1, R=R, RS=HEAD, UNIT=unit + " " + R if not nota else unit, PERNO=perno, LHP=lhp,
                D_OTHER=fmt_date(rng, d_other), M_OTHER=MONTHS[(d.month - 2) % 12],
                M_NEXT=MONTHS[d.month % 12], NOMOR_KONTRAK=f"{rng.choice(codes)}/{rng.randint(100,999)}/PPK-{ab}/{Y}",
                CP="Sdr. " + rng.choice(FIRST_M + FIRST_F) + " " + rng.choice(LAST), HP="08" + str(rng.randint(1100000000, 1399999999)))
    L["hal"] = rng.choice(T["hal"]).format(**fill)
    L["hal_label"] = "Perihal" if rng.random() < 0.3 else "Hal"
    body(rng, L, topic, topics, fill)
    signer(rng, L)
    recipients(rng, L)
    # layout family
    if nota:
        fam = "nota"
    else:
        fam = wchoice(rng, [("klasik", 4), ("duakolom", 3), ("tglttd", 3)])
    L["family"] = fam
    if fam == "tglttd":
        L["date_place"] = True
    if fam == "nota":
        L["date_place"] = False
    return L


def date_line(L):
    """The date as printed; a blank day leaves room for a handwritten one (scans)."""
    if L["blank_day"]:
        if L["family"] == "nota":
            return f"{' ' * 10}{L['date_str']}"
        return f"{L['place']},{' ' * 10}{L['date_str']}"
    if L["date_place"]:
        return f"{L['place']}, {L['date_str']}"
    return L["date_str"]
