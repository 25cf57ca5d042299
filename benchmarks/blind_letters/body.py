"""Letter body: opening paragraph, optional context list, the numbered questions, closing.

The questions are what the reader must return as `pertanyaan`; their printed endings and
numbering styles vary on purpose.
"""
import re

from benchmarks.blind_letters.common import wchoice
from benchmarks.blind_letters.topics import CLOSINGS, CONTEXT_LISTS, EXTRAS, LEADS, PREAMBLES, TOPICS


def body(rng, L, topic, topics, fill):
    """Fill L's body fields; rng calls in the original generator's order."""
    T = TOPICS[topic]
    nq = wchoice(rng, [(1, 1), (2, 4), (3, 6), (4, 5), (5, 3), (6, 2)])
    long_letter = rng.random() < 0.14
    pool = list(T["q"])
    rng.shuffle(pool)
    if long_letter:  # long letters borrow questions from the unit's other topics
        nq = rng.randint(6, 9)
        other = [q for t in topics for q in TOPICS[t]["q"] if t != topic]
        rng.shuffle(other)
        pool += other
    qs = [q.format(**fill) for q in pool[:nq]]
    if long_letter or rng.random() < 0.15:
        pre_pool = list(PREAMBLES)
        rng.shuffle(pre_pool)
        for i in range(len(qs)):
            if pre_pool and rng.random() < (0.6 if long_letter else 0.3):
                qs[i] = pre_pool.pop().format(**fill) + " " + qs[i]
    qend = rng.random()
    if qend < 0.15:  # questions printed ending with ';' and last with '.'
        qs = [re.sub(r"[?.]$", "", q) + (";" if i < len(qs) - 1 else ".") for i, q in enumerate(qs)]
        L["q_end"] = "semicolon"
    elif qend < 0.3:
        qs = [q if q.endswith("?") else q + "." for q in qs]
        L["q_end"] = "period"
    else:
        L["q_end"] = "natural"
    L["questions"] = qs
    L["long"] = long_letter
    L["qnum"] = wchoice(rng, [("1.", 6), ("1)", 2), ("a.", 2), ("(1)", 1), ("a)", 1)])
    opening = rng.choice(T["open"]).format(**fill)
    L["context"] = None
    if rng.random() < 0.15:
        ctx = [c.format(**fill) for c in rng.choice(CONTEXT_LISTS)]
        L["context"] = ctx
        L["ctx_num"] = rng.choice(["-", "a." if L["qnum"] not in ("a.", "a)") else "1)"])
        L["p1"] = opening + ". Adapun kondisi yang kami hadapi saat ini antara lain:"
        L["p_lead"] = rng.choice(["Sehubungan dengan hal tersebut di atas, kami mohon penjelasan atas hal-hal sebagai berikut:",
                                  "Berkenaan dengan kondisi tersebut, kami mohon pendapat Saudara mengenai:",
                                  "Sehubungan dengan hal tersebut, kami sampaikan pertanyaan sebagai berikut:"])
    else:
        L["p1"] = opening + " " + rng.choice(LEADS)
        L["p_lead"] = None
    L["extra"] = rng.choice(EXTRAS).format(**fill) if rng.random() < 0.35 else None
    L["closing"] = rng.choice(CLOSINGS)


def qlabel(style, i):
    a = "abcdefghijklmnop"[i]
    return {"1.": f"{i+1}.", "1)": f"{i+1})", "a.": f"{a}.", "(1)": f"({i+1})", "a)": f"{a})"}[style]


def ctx_label(style, i):
    if style == "-":
        return "-"
    return qlabel(style, i)
