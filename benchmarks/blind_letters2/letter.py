"""Build one letter: its printed content and its truth (layout is chosen in style.py)."""
import datetime as dt

from . import data as D
from .people import make_nip, make_person
from .unit import make_unit
from .util import fmt_date, pick_weighted, split_balanced
from .wording import BRIDGES, CLOSINGS, OPENINGS, OPENINGS_WITH_FACTS, fill, make_questions

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def make_nomor(rng, unit, d):
    n = rng.randint(1, 999)
    ns = str(n) if rng.random() < 0.7 else f"{n:03d}"
    code = unit["code"] if rng.random() < 0.7 else unit["code"] + "." + str(rng.randint(1, 9))
    abbr = unit["abbr"].replace(" ", "")
    y = d.year
    return pick_weighted(rng, [
        (f"{code}/{ns}/{abbr}/{y}", 35), (f"{code}/{ns}/{ROMAN[d.month - 1]}/{y}", 12),
        (f"B/{ns}/{code}/{abbr}/{y}", 10), (f"{code}/{abbr}/{ns}/{y}", 10),
        (f"{code}/{ns}-{abbr}/{ROMAN[d.month - 1]}/{y}", 10), (f"{code}/{ns}/{y}", 8),
        (f"B-{ns}/{abbr}/{code}/{ROMAN[d.month - 1]}/{y}", 8),
        (f"{code}/{ns}/{abbr}.{rng.randint(1, 5)}/{y}", 7)])


AFFINITY = [  # (keyword in the unit name or kind, preferred topic indexes in data.TOPICS)
    ("Pendidikan", [0, 0, 1, 2, 3, 7]), ("Kesehatan", [5, 1, 2, 3]), ("Rumah Sakit", [5, 5, 2, 1]),
    ("Puskesmas", [5, 3, 4]), ("Desa", [8, 8, 6, 3]), ("Kecamatan", [8, 3, 4, 7]),
    ("Kelurahan", [3, 4, 6, 7]), ("Keuangan", [6, 10, 3, 1]), ("Pendapatan", [11, 10, 1]),
    ("Perhubungan", [11, 2, 4]), ("Pariwisata", [11, 7, 4]), ("Sosial", [6, 6, 4]),
    ("Pekerjaan Umum", [2, 2, 10, 3]), ("Perumahan", [2, 10, 3]), ("Sekretariat", [4, 7, 1, 9]),
]


def pick_topic(rng, unit):
    if rng.random() < 0.7:
        for key, idx in AFFINITY:
            if key in unit["display"]:
                return rng.choice(idx)
    return rng.randrange(len(D.TOPICS))


def make_letter(rng, index):
    """Printed content and truth of one letter; all draws come from rng so a seed fixes the set."""
    region = rng.choice(D.REGIONS)
    unit = make_unit(rng, region)
    rk, rname = unit["region_kind"], unit["region_name"]
    start = dt.date(2024, 1, 8)
    d = start + dt.timedelta(days=rng.randint(0, 880))
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    head_kind = {"Provinsi": "Gubernur", "Kabupaten": "Bupati", "Kota": "Wali Kota"}[rk]
    ctx = dict(year=d.year, head_kind=head_kind, unit_display=unit["display"])

    topic = D.TOPICS[pick_topic(rng, unit)]
    tujuan = rng.choice(D.INSPECTOR_TITLES_PKK[rk]).format(name=rname)
    insp_org = f"Inspektorat {unit['region_full']}" if rng.random() < 0.6 else "Inspektorat"

    nomor = make_nomor(rng, unit, d)
    sifat = pick_weighted(rng, [("Biasa", 33), ("Segera", 22), ("Penting", 15),
                                ("Sangat Segera", 5), (None, 25)])
    lamp_n = rng.randint(1, 3)
    lampiran = pick_weighted(rng, [(None, 40), (f"{lamp_n} ({D.WORD_NUMS[lamp_n]}) berkas", 25),
                                   (f"{lamp_n} ({D.WORD_NUMS[lamp_n]}) lembar", 15),
                                   (f"{lamp_n} ({D.WORD_NUMS[lamp_n]}) eksemplar", 8),
                                   ("1 (satu) bendel", 5),
                                   ("Satu berkas", 7)])
    lampiran_printed = lampiran if lampiran else rng.choice(["-", "-", "—", None])
    if sifat is None and lampiran_printed is None and rng.random() < 0.5:
        lampiran_printed = "-"
    hal_prefix = pick_weighted(rng, [("Permohonan Konsultasi", 40), ("Konsultasi", 15),
                                     ("Permohonan Konsultasi terkait", 20),
                                     ("Permohonan Konsultasi dan Pendampingan", 10),
                                     ("Konsultasi Permasalahan", 8), ("Mohon Konsultasi", 7)])
    hal = f"{hal_prefix} {topic[0]}"
    if rng.random() < 0.15:
        hal += f" Tahun Anggaran {d.year}"

    # body
    ctx_text = fill(rng, topic[1], ctx)
    ref = None
    if rng.random() < 0.3:  # distractor: a reference to another letter with its own number and date
        rd = d - dt.timedelta(days=rng.randint(10, 200))
        rn = f"{rng.choice(['700', '900.1', '000.9', '400.3'])}/{rng.randint(10, 999)}/{rng.choice(['Insp', 'Inspektorat', 'BPKAD', 'Setda'])}/{rd.year}"
        src = rng.choice([f"Surat Edaran {unit['head_of_region']}", f"surat {tujuan}",
                          f"Surat Sekretaris Daerah {unit['region_full']}"])
        ref = f"Menindaklanjuti {src} Nomor {rn} tanggal {fmt_date(rd, 'plain')}"
    facts = []
    if rng.random() < 0.3:
        fpool = [fill(rng, f, ctx) for f in topic[2]]
        rng.shuffle(fpool)
        facts = fpool[:rng.randint(2, len(fpool))] if len(fpool) > 1 else fpool
    nq = pick_weighted(rng, [(1, 8), (2, 15), (3, 22), (4, 20), (5, 14), (6, 10), (7, 6), (8, 5)])
    questions = make_questions(rng, topic, ctx, nq)
    fmt_ctx = dict(ctx=ctx_text, insp=insp_org)
    if facts:
        opening = rng.choice(OPENINGS_WITH_FACTS).format(**fmt_ctx)
        bridge = rng.choice(BRIDGES)
    else:
        opening = rng.choice(OPENINGS).format(**fmt_ctx)
        bridge = None
    if ref:
        opening = ref + ", " + opening[0].lower() + opening[1:]
    closing = [rng.choice(CLOSINGS)]
    if rng.random() < 0.3:
        cf, cp, cc, cpost = make_person(rng)
        hp = f"08{rng.randint(11, 59)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        closing.insert(0, f"Untuk koordinasi lebih lanjut dapat menghubungi Sdr. {cc} selaku "
                          f"{rng.choice(['Sekretaris', 'Kepala Subbagian Keuangan', 'Bendahara Pengeluaran', 'PPK'])} "
                          f"melalui nomor telepon {hp}.")
    if lampiran and rng.random() < 0.5:
        closing.insert(0, "Sebagai bahan pertimbangan, bersama ini kami lampirkan dokumen pendukung terkait permasalahan tersebut.")

    # signer
    female, pre, core, post = make_person(rng, health=unit["health"])
    upper_name = rng.random() < 0.55
    core_p = core.upper() if upper_name else core
    nama = " ".join(pre + [core_p])
    if post:
        nama += ", " + ", ".join(post)
    nip_digits, nip_spaced = make_nip(rng, female, d.year)
    nip_label = rng.choice(["NIP.", "NIP.", "NIP", "NIP:", "NIP :", "NIP. "])
    nip_printed = f"{nip_label.strip()} {nip_spaced if rng.random() < 0.4 else nip_digits}"
    plt = rng.random() < 0.15
    low = unit["kind"] in ("kel", "pkm", "bagian")
    rank = None
    if rng.random() < 0.6:
        rank = rng.choice(D.LOW_RANKS if low else D.RANKS)
    full_post = rng.random() < 0.65
    jab = unit["head"] + (" " + unit["region_full"] if full_post else "")
    if unit["kind"] == "kel" and full_post:
        jab = unit["head"]  # a lurah does not repeat the region
    if plt:
        jab = rng.choice(["Plt. ", "Plt. ", "Pelaksana Tugas "]) + jab
    jab_case = pick_weighted(rng, [("title", 55), ("upper", 45)])
    jab_printed = jab.upper() if jab_case == "upper" else jab
    if len(jab_printed) > 34:
        jab_lines = split_balanced(jab_printed, 2 if len(jab_printed) < 80 else 3)
    else:
        jab_lines = [jab_printed]
    jab_comma = rng.random() < 0.7

    # tembusan
    nt = pick_weighted(rng, [(0, 25), (1, 20), (2, 25), (3, 18), (4, 12)])
    tpool = [f"{unit['head_of_region']}" + rng.choice([" (sebagai laporan)", "", " sebagai laporan"]),
             f"Sekretaris Daerah {unit['region_full']}",
             f"Inspektur Pembantu Wilayah {rng.choice(['I', 'II', 'III', 'IV'])} Inspektorat {unit['region_full']}",
             f"Kepala Badan Pengelolaan Keuangan dan Aset Daerah {unit['region_full']}",
             f"Asisten Administrasi Umum Sekretariat Daerah {unit['region_full']}"]
    if unit["kind"] == "pkm":
        tpool.insert(1, f"Kepala Dinas Kesehatan {unit['region_full']}")
    if unit["kind"] == "kel":
        tpool.insert(1, f"Camat {unit['parents'][0].split(' ', 1)[1]}")
    tembusan = tpool[:max(0, nt - 1)] if nt else []
    if nt:
        tembusan = tembusan + [rng.choice(["Arsip", "Arsip", "Pertinggal", "Yang bersangkutan"])] \
            if rng.random() < 0.6 else tpool[:nt]

    truth = dict(
        nomor=nomor, tanggal=d.isoformat(), sifat=sifat, lampiran=lampiran, hal=hal,
        pengirim=unit["pengirim"],
        penandatangan=dict(nama=nama, nip=nip_digits, jabatan=" ".join(jab_lines)),
        tujuan=tujuan, tembusan=list(tembusan), pertanyaan=[q["truth"] for q in questions],
    )
    return dict(index=index, unit=unit, date=d, nomor=nomor, sifat=sifat, lampiran=lampiran_printed,
                hal=hal, tujuan=tujuan, opening=opening, facts=facts, bridge=bridge,
                questions=questions, closing=closing, nama=nama, rank=rank, nip=nip_printed,
                jab_lines=jab_lines, jab_comma=jab_comma, tembusan=tembusan, truth=truth,
                female=female)
