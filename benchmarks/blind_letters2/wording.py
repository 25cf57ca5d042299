"""Letter wording: openings, bridges, closings and the question list with its endings."""
from . import data as D
from .util import pick_weighted

def fill(rng, s, ctx):
    return s.format(y=ctx["year"], py=ctx["year"] - 1, m=rng.choice(D.MONTHS),
                    k=rng.randint(2, 17), k2=rng.randint(2, 3),
                    rp=f"{rng.randint(120, 980)}.{rng.randint(100, 999)}.000",
                    pn=rng.randint(3, 78), head=ctx["head_kind"], unit=ctx["unit_display"])


GENERIC_Q = [
    "Apakah terdapat ketentuan lain yang perlu kami perhatikan dalam pelaksanaan kegiatan tersebut?",
    "Bagaimana langkah yang harus dilakukan agar permasalahan tersebut tidak menjadi temuan pada saat pemeriksaan?",
    "Mohon arahan terkait dokumen pertanggungjawaban yang harus disiapkan",
    "Apakah diperlukan persetujuan kepala daerah sebelum kegiatan tersebut dilaksanakan?",
    "Siapa pejabat yang berwenang menandatangani dokumen pertanggungjawaban dalam hal kepala perangkat daerah berhalangan",
]

OPENINGS = [
    "Sehubungan dengan {ctx}, bersama ini kami mohon kesediaan Bapak/Ibu untuk memberikan konsultasi atas beberapa permasalahan sebagai berikut:",
    "Dalam rangka {ctx}, dengan hormat kami sampaikan permohonan konsultasi kepada {insp} terkait hal-hal sebagai berikut:",
    "Berkenaan dengan {ctx}, kami memerlukan penjelasan dan petunjuk dari Inspektorat mengenai beberapa hal berikut:",
    "Dengan hormat, dalam rangka {ctx}, bersama ini kami mengajukan permohonan konsultasi atas permasalahan sebagai berikut:",
]
OPENINGS_WITH_FACTS = [
    "Sehubungan dengan {ctx}, dapat kami sampaikan kondisi yang terjadi sebagai berikut:",
    "Dalam rangka {ctx}, bersama ini kami laporkan beberapa kondisi sebagai berikut:",
    "Berkenaan dengan {ctx}, perlu kami sampaikan hal-hal sebagai berikut:",
]
BRIDGES = [
    "Berkaitan dengan kondisi tersebut, kami mohon penjelasan atas hal-hal sebagai berikut:",
    "Sehubungan dengan hal tersebut di atas, kami mohon konsultasi sebagai berikut:",
    "Berdasarkan uraian tersebut, mohon kiranya Bapak/Ibu berkenan memberikan penjelasan atas pertanyaan berikut:",
]
CLOSINGS = [
    "Demikian permohonan ini kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.",
    "Atas perhatian dan kerja samanya, kami sampaikan terima kasih.",
    "Demikian disampaikan, atas perkenan dan petunjuk Bapak/Ibu diucapkan terima kasih.",
    "Demikian permohonan konsultasi ini kami sampaikan untuk dapat ditindaklanjuti. Atas perhatiannya kami ucapkan terima kasih.",
]


def make_questions(rng, topic, ctx, n):
    pool = list(topic[3])
    rng.shuffle(pool)
    while len(pool) < n:
        pool.append(GENERIC_Q[len(pool) % len(GENERIC_Q)])
    chosen = [fill(rng, q, ctx) for q in pool[:n]]
    end_style = pick_weighted(rng, [("semi", 40), ("dot", 25), ("none", 20), ("mixed", 15)])
    items = []
    for i, q in enumerate(chosen):
        lead, _, body = q.rpartition("|")
        truth_q = (lead + " " + body).strip() if lead else body
        printed = truth_q
        last = i == n - 1
        if not printed.endswith("?"):
            if end_style == "semi":
                printed += "." if last else ";"
            elif end_style == "dot":
                printed += "."
            elif end_style == "mixed":
                printed += rng.choice([";", ".", ""])
        elif end_style == "semi" and not last and rng.random() < 0.3:
            printed += ";"  # "?;" is sometimes written in lists
        items.append(dict(printed=printed, truth=truth_q))
    return items
