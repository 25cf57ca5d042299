"""The sending unit's name, from the letterhead (kop) or, failing that, the signer's post."""
from __future__ import annotations

import difflib
import re
from typing import NamedTuple

from pipeline.letter.lexicon import known
from pipeline.letter.lines import Line

GOV = re.compile(r"^\s*PEMERINTAH\s+(KOTA|KABUPATEN|KAB\.?|PROVINSI)\s+(.+)$", re.I)
ADDRESS = re.compile(r"(jalan|jl\.|telepon|telp|laman|pos-?el|e-?mail|faks|fax|kode pos|"
                     r"website|www\.|@|\.go\.id|\d{3,})", re.I)
MINOR = {"dan", "atau", "serta", "dengan", "untuk", "pada", "di", "ke", "dari", "yang"}
UPPER = {"DKI", "DPRD", "RSUD", "UPTD", "UPT", "BLUD", "SMP", "SMA", "SMK", "SD", "KB", "PPKB",
         "PPA", "P3A", "PMD", "PTSP", "UMKM", "PUPR", "DPUPR", "RS", "II", "III", "IV"}
SHORT_FORMS = {"KAB", "PROV", "KEC", "KEL"}  # a region's kind as a post may shorten it
VOCAB = ("BADAN DINAS SEKRETARIAT INSPEKTORAT KECAMATAN KELURAHAN DISTRIK KAMPUNG KANTOR SATUAN "
         "POLISI PAMONG PRAJA DAERAH KEPEGAWAIAN PENGEMBANGAN SUMBER DAYA MANUSIA PENGELOLAAN "
         "KEUANGAN ASET PENDAPATAN PENDIDIKAN KEBUDAYAAN KESEHATAN SOSIAL PEKERJAAN UMUM PENATAAN "
         "RUANG PERENCANAAN PEMBANGUNAN PENELITIAN PERUMAHAN KAWASAN PERMUKIMAN LINGKUNGAN HIDUP "
         "PERHUBUNGAN KOMUNIKASI INFORMATIKA PERTANIAN PANGAN KETAHANAN PERIKANAN PERDAGANGAN "
         "PERINDUSTRIAN KOPERASI USAHA MIKRO KECIL MENENGAH TENAGA KERJA PENANAMAN MODAL "
         "PELAYANAN TERPADU SATU PINTU KEPENDUDUKAN PENCATATAN SIPIL PEMBERDAYAAN MASYARAKAT DESA "
         "PEREMPUAN PERLINDUNGAN ANAK KELUARGA BERENCANA PENGENDALIAN PENDUDUK PEMUDA OLAHRAGA "
         "PARIWISATA ARSIP PERPUSTAKAAN KESATUAN BANGSA POLITIK PENANGGULANGAN BENCANA RUMAH "
         "SAKIT UMUM DPRD UTARA SELATAN BARAT TIMUR TENGAH DAN").split()
SIGNER = [(re.compile(r"^Sekretaris\s+(DPRD\b.*)", re.I), "Sekretariat {}"),
          (re.compile(r"^Camat\s+(.+)", re.I), "Kecamatan {}"),
          (re.compile(r"^Lurah\s+(.+)", re.I), "Kelurahan {}"),
          (re.compile(r"^Inspektur\s+(.+)", re.I), "Inspektorat {}"),
          (re.compile(r"^(?:Kepala|Direktur|Plt\.?\s+Kepala|Pj\.?\s+Kepala)\s+(.+)", re.I), "{}")]


# a person's titles in a unit named after them ("RUMAH SAKIT UMUM DAERAH DR. H. SOETOMO"):
# hospitals are named after physicians, whose title is "dr." (Dr. is a doctorate)
NAME_TITLES = {"DR.": "dr.", "DRG.": "drg.", "HJ.": "Hj.", "IR.": "Ir.", "PROF.": "Prof."}


def title(text: str) -> str:
    words = []
    for i, w in enumerate(text.split()):
        if w.upper() in NAME_TITLES:
            words.append(NAME_TITLES[w.upper()])
        elif w.upper() in UPPER or (w.isupper() and not re.search(r"[AEIOU]", w) and len(w) > 1):
            words.append(w.upper())
        elif i and w.lower() in MINOR:
            words.append(w.lower())
        else:
            words.append(w[:1].upper() + w[1:].lower())
    return " ".join(words)


# (Papua names its Kecamatan a Distrik and its Desa a Kampung: UU 21/2001 on its special
# autonomy)
HEADS = ["BADAN", "DINAS", "SEKRETARIAT", "INSPEKTORAT", "KECAMATAN", "KELURAHAN", "DISTRIK",
         "KAMPUNG", "KANTOR", "SATUAN", "RUMAH", "RSUD", "UPTD", "UPT", "PUSKESMAS", "BAGIAN", "BIRO"]
SUB_UNITS = {"BAGIAN", "BIRO", "UPTD", "UPT", "PUSKESMAS", "KELURAHAN", "KAMPUNG"}  # a unit under another


def _fix_ocr(words: list[str]) -> list[str]:
    """Letterhead words OCR often clips ("DAN KEPEGAWAIAN" for "BADAN KEPEGAWAIAN")."""
    out = []
    for i, w in enumerate(words):
        w = re.sub(r"(?<=\w)[\u201c\u201d\u2018\u2019\"'`]+[.,]*$", "", w)  # a speck after it: "ALAM”."
        u = re.sub(r"[^A-Z]", "", w.upper())
        tail = re.search(r"[.,]*$", w).group()  # "PEREMPUAN," "DR.": the kop's own stops
        if i == 0 and u not in HEADS:
            best = max(HEADS, key=lambda h: difflib.SequenceMatcher(None, u, h).ratio())
            if difflib.SequenceMatcher(None, u, best).ratio() >= 0.4:
                u = best
        elif u not in VOCAB and len(u) >= 4 and not (w.rstrip(".,").isalpha() and known(u.lower())):
            # (a word a reader knows, read letter for letter, is no misread one: "PANDAN ARANG"
            # is not "PANGAN RUANG"; "PERTAN1AN" is, though "PERTANAN" stems to "tan")
            hit = difflib.get_close_matches(u, VOCAB, n=1, cutoff=0.8)
            u = hit[0] if hit else w
            tail = "" if u == w else tail
        out.append(u + tail if u else w)
    return out


# the emblem beside a kop line, read into it as a mark or two before the unit's capitals
# ("a: DINAS TENAGA KERJA"); a speck after it goes too ("DINAS PENDIDIKAN :")
# (marks, or a small letter and a mark: not "dr." before a hospital's name, nor a school's "1";
# or a capital or two before the unit's kind, "TA DINAS KEPENDUDUKAN": no unit's name opens
# so, and the head's mending would take the bits for a clipped kind, "SATUAN")
EMBLEM_SPECK = re.compile(r"^(?:[^\w\s]{1,3}|[a-z][^\w\s]{1,2}|[A-Z]{1,2}(?=\s+(?:%s)\b))"
                          r"\s+(?=[A-Z]{3})" % "|".join(HEADS))


def _region_word(text: str) -> bool:
    """A line that can end a region's name: a word or two of a place ("MANDAR", "KOMERING
    ILIR"), not an acronym or a unit's line."""
    words = text.split()
    return 0 < len(words) <= 2 and all(re.search(r"[AEIOUaeiou]", w) for w in words)


def _head(text: str, ocr: bool) -> bool:
    """Whether a kop line opens with the kind of a unit (DINAS, BADAN, RUMAH SAKIT ...)."""
    first = re.sub(r"[^A-Z]", "", (text.split() or [""])[0].upper())
    if first in HEADS:
        return True
    # a word of a name the kop knows ("SELATAN", "UTARA") is no misread head ("SATUAN")
    return ocr and first not in VOCAB and bool(difflib.get_close_matches(first, HEADS, n=1, cutoff=0.75))


def _capitals(text: str) -> bool:
    """A kop line is set in capitals; honorifics in a hospital's name may not be ("dr. H.")."""
    words = [w for w in text.split() if not re.fullmatch(r"[a-z]{1,3}\.", w)]
    return bool(words) and " ".join(words).isupper()


def _lowest(unit: list[str], ocr: bool) -> list[str]:
    """The kop's lines from the unit that writes the letter down. A kop names its unit under
    its parent (Permendagri 1/2023: the unit's own name last, above the address): SEKRETARIAT
    DAERAH over BAGIAN HUKUM, DINAS KESEHATAN over UPTD PUSKESMAS X, KECAMATAN Y over
    KELURAHAN Z. A Bagian or Biro is part of its Setda and is named with it ("Bagian Hukum
    Sekretariat Daerah"); a UPTD or a Kelurahan is a unit of its own."""
    # (a unit's own name has more than its kind, and the line above does not run on into it:
    # "DINAS PEMBERDAYAAN MASYARAKAT DAN" / "KELURAHAN" is one name wrapped; a kind alone
    # over its name, a narrow kop's wrap, is one line: "KELURAHAN" / "LAMBARA")
    unit = list(unit)
    for k in range(len(unit) - 2, 0, -1):
        if _kind(unit[k]) in SUB_UNITS and len(unit[k].split()) == 1 \
                and not _head(unit[k + 1], ocr) \
                and not re.search(r"(\bDAN|\bSERTA|,)\s*$", unit[k - 1], re.I):
            unit[k:k + 2] = [f"{unit[k]} {unit[k + 1]}"]
    sub = next((k for k, t in enumerate(unit) if k and _head(t, ocr) and _kind(t) in SUB_UNITS
                and len(t.split()) > 1 and not re.search(r"(\bDAN|\bSERTA|,)\s*$", unit[k - 1], re.I)),
               None)
    if sub is None:
        return unit
    if unit[sub - 1].split() in (["UPTD"], ["UPT"]):
        sub -= 1  # "UPTD" / "PUSKESMAS X": a scan read the one line as two
    if _kind(unit[sub]) in ("BAGIAN", "BIRO"):
        return unit[sub:] + unit[:sub]
    return unit[sub:]


def _kind(text: str) -> str:
    return re.sub(r"[^A-Z]", "", (text.split() or [""])[0].upper())


class Kop(NamedTuple):
    name: str  # the sending unit: "Dinas Kesehatan Kota Tegal"
    line: Line  # the kop's first line, "PEMERINTAH KOTA TEGAL"
    region: str  # "Kota Tegal", a region's name wrapped in the kop whole


def from_letterhead(lines: list[Line]) -> Kop | None:
    """Build "Dinas Kesehatan Kota Tegal" from "PEMERINTAH KOTA TEGAL" + "DINAS KESEHATAN"."""
    top = [ln for ln in lines[:25] if not ln.blank]
    for i, ln in enumerate(top):
        m = GOV.match(ln.text)
        if not m:
            continue
        unit = []
        for nxt in top[i + 1:i + 6]:
            if nxt.ocr and (not re.search(r"[A-Za-z]{3}", nxt.text) or None not in (
                    nxt.x1, ln.x0) and nxt.x1 < ln.x0 and len(nxt.text) <= 6):
                continue  # the emblem or a speck beside the kop, read as "_—", "VY" or "Ney"
            text = EMBLEM_SPECK.sub("", nxt.text).rstrip(" :;|") if nxt.ocr else nxt.text
            if ADDRESS.search(text) or not _capitals(text) or ":" in text:
                break
            unit.append(text)
        # a long region's name wraps too ("PEMERINTAH KABUPATEN POLEWALI" / "MANDAR"): what
        # stands before the line that opens with the unit's kind (DINAS, BADAN ...) is region
        opens = [k for k, t in enumerate(unit) if _head(t, ln.ocr)]
        rest = unit[:opens[0]] if opens else []
        if not all(_region_word(t) for t in rest):
            rest = []  # a kop's own line ("PUSKESMAS …", "BPBD"), not the region's tail
        unit = _lowest(unit[len(rest):], ln.ocr)
        where = region(" ".join([ln.text] + rest))
        if not unit:
            return None
        words = " ".join(unit).split()
        if ln.ocr:  # no word of a unit's name is one letter ("BADAN PENGELOLAAN A KEUANGAN")
            words = _fix_ocr([w for w in words if not re.fullmatch(r"[A-Z]", w)])
        name = title(" ".join(words)).rstrip(".,")  # a speck after it: "DINAS KESEHATAN."
        if not re.match(r"(Kecamatan|Kelurahan|Desa|Distrik|Kampung)\b", name) and \
                where.lower() not in name.lower():
            name = f"{name} {where}"
        return Kop(name, ln, where)
    return None


def from_signer(jabatan: str) -> str | None:
    """Guess the unit from its head's post: "Kepala Dinas Sosial Kota X" -> "Dinas Sosial Kota X"."""
    j = re.sub(r"^(a\.?n\.?|p[l1i]t[.,]?|plh\.?)\s+", "", jabatan.strip(), flags=re.I)
    for rx, fmt in SIGNER:
        m = rx.match(j)
        if m:
            return fmt.format(m.group(1).strip().rstrip(","))
    return None


PART = re.compile(r"\b(?:bidang|bagian|sub\s?bagian|seksi|sub\s?bidang|uptd?)\b", re.I)
HEAD_OF = [(re.compile(r"^Kecamatan\s+(.+)"), "Camat {}"), (re.compile(r"^Kelurahan\s+(.+)"), "Lurah {}"),
           (re.compile(r"^Sekretariat\s+(DPRD\b.+)"), "Sekretaris {}"),
           (re.compile(r"^Inspektorat\s+(.+)"), "Inspektur {}"),
           (re.compile(r"^(Rumah Sakit\b.+|RSUD\b.+)"), "Direktur {}"), (re.compile(r"^(.+)"), "Kepala {}")]

# units a Kepala heads (Permendagri 1/2023's posts: "Kepala Dinas …", "Kepala Bagian …"), but a
# hospital (its Direktur) and a BPBD (its Kepala Pelaksana: the Sekda heads it ex officio)
HEADED = re.compile(r"^(?:Dinas|Badan|UPTD?|Bagian|Biro|Kantor|Satuan)\b", re.I)
HEADED_OTHERWISE = re.compile(r"\b(?:RS[A-Z]*|Rumah Sakit|Penanggulangan Bencana)\b", re.I)


def post_agree(post: str, unit: str) -> str:
    """A scanned post under a stamp ("Kepala Badan Pengelolaan euangan ... ves abupaten Banjar")
    told by the kop: a unit's head is titled by the unit (Permendagri 1/2023: "Kepala" + the
    unit's name, "Camat", "Direktur" ...), and the kop, above the stamp, is read whole. Kept as
    read unless the two agree closely."""
    lead = re.match(r"^((?:P[l1i]t|Plh|Pj)[.,]?\s+)?", post, re.I).group(0)
    want = head_of(unit)
    title_read, title_want = (post[len(lead):].split() or [""])[0], want.split()[0]
    # (the title as long as the kop's: the stamp may have joined the next word to it,
    # "KepilarDinas")
    title_read = title_read[:len(title_want) + 1]
    rest = [_letters(w) for w in post[len(lead):].split()]
    if len(rest) >= 2 and rest == [_letters(w) for w in unit.split()][:len(rest)] and \
            HEADED.match(unit) and not HEADED_OTHERWISE.search(unit):
        # (a post names an office, never its unit alone: the stamp hid the office's word,
        # "UPTD Balai Latihan Kerja" under that UPTD's kop)
        read = post[len(lead):]
        return f"{lead}{'KEPALA' if read.isupper() else 'Kepala'} {read}"
    if difflib.SequenceMatcher(None, title_read.lower(), title_want.lower()).ratio() < 0.7:
        return post  # another post (a Sekretaris signing for the Kepala): not the head's
    first = (post[len(lead):].split() or [""])[0]
    if first.isalpha() and first.lower() != title_want.lower() and not known(first) and \
            len(title_want) <= len(first) <= len(title_want) + 2:  # "SKERALA BAGIAN UMUM"
        post = lead + (title_want.upper() if first.isupper() else title_want) + \
            post[len(lead) + len(first):]
    if _part(post) and not _part(want):
        return post  # the head of a part of the unit ("Kepala Bidang ..."), however alike
    read = [_letters(w) for w in post[len(lead):].split()]
    kop = [_letters(w) for w in want.split()]
    if read and read == kop[:len(read)]:
        return post  # read whole, the kop's post up to its region, which a post may leave out
    extra = _besides(read, kop)
    if extra and len(extra) <= 2 and all(len(w) >= 4 and known(w) and w not in kop
                                         for w in extra):
        return post  # each word read whole, with a word of the post's own: a BPBD's daily
        # head is its "Kepala Pelaksana" (the Sekda heads it ex officio); not stamp debris
    if any(_own(w) and _letters(w) not in kop for w in post[len(lead):].split()):
        return post  # an acronym the kop's post has not: a post of its own ("Kepala Dinas
        # Sosial P3A" under a Dinas Sosial's kop), not a misreading
    good = _letters(want)
    if "".join(read) == good:
        return post
    # (without the stamp's bits between its words: short words the kop's post has not, that
    # are no word, acronym or abbreviation of a post's, "INFORMATIKA SAP Sel R DAN STATISTIK";
    # "P3A", "KB", "SMP", "Kab." are the post's own)
    kept = "".join(w for w in read if len(w) > 3 or w in kop)
    # close, and as long: a Kepala Bagian's post under a Setda's kop is longer by its Bagian
    if not any(abs(len(got) - len(good)) <= 0.15 * len(good)
               and difflib.SequenceMatcher(None, got, good).ratio() >= 0.85
               for got in ("".join(read), kept)):
        return post
    title = {"plh": "Plh. ", "pj": "Pj. "}.get(_letters(lead), "Plt. ")
    # (in capitals as read, though the stamp's bits among them are not)
    read_post = post[len(lead):]
    caps = sum(c.isupper() for c in read_post) > 0.8 * sum(c.isalpha() for c in read_post)
    return (title if lead else "") + (want.upper() if caps else want)


def _own(word: str) -> bool:
    """Whether WORD of a scanned post is a post's own short word read whole, not the stamp's:
    an acronym a post writes ("P3A", "KB", "SMP") or a region's kind cut short ("Kab.")."""
    bare = word.strip(",.;:")
    return bare.upper() in SHORT_FORMS or bare.isupper() and (
        bare in UPPER or re.fullmatch(r"[A-Z]+\d[A-Z\d]*", bare) is not None)


def head_of(unit: str) -> str:
    """The post of UNIT's head ("Dinas Sosial Kota X" -> "Kepala Dinas Sosial Kota X")."""
    rx, fmt = next((rx, fmt) for rx, fmt in HEAD_OF if rx.match(unit))
    return fmt.format(rx.match(unit).group(1))


def told(post: str, unit: str, where: str | None) -> str:
    """A scanned post as the kop tells it: its region (post_region), then its unit's head
    (post_agree). A post ending in "Kota" alone is completed only where the head of the kop's
    unit then agrees: a unit may be named for the city ("Kepala Bidang Tata Kota")."""
    full = post_region(post, where) if where else post
    agreed = post_agree(full, unit)
    if full != post and _letters(post.split()[-1]) == "kota" \
            and not _letters(agreed).endswith(_letters(head_of(unit))):
        return post_agree(post, unit)
    if agreed == full and where and unit.lower().endswith(" " + where.lower()):
        # a post may leave out the region the kop names: "KEPALA DINAS KOMUNIKASI,
        # INFORMATIKA SAP Sel R DAN STATISTIK" is told by the head's post without it; one
        # that names it keeps it ("… Perlindungan Anak Kota Salatiga": a long post's region
        # is too short a part of it to tell it from the stamp's bits)
        bare = unit[:-len(where)].strip()
        if full.lower().endswith(" " + where.lower()):
            return f"{post_agree(full[:-len(where)].rstrip(), bare)} {full[-len(where):]}"
        return post_agree(full, bare)
    return agreed


def region(gov_line: str) -> str | None:
    """The region a kop's first line names ("PEMERINTAH KABUPATEN LOMBOK BARAT" -> "Kabupaten
    Lombok Barat"), or None."""
    m = GOV.match(gov_line)
    if not m:
        return None
    kind = "Kabupaten" if m.group(1).upper().startswith("KAB") else m.group(1).title()
    place = m.group(2).split()
    while len(place) > 1 and not re.fullmatch(r"[A-Za-z'-]{3,}", place[-1]):
        place.pop()  # the emblem or a speck read after the place ("LOMBOK BARAT Ee"): no
        # region's name ends in a word of two letters or a mark
    # (each part of a doubled name capitalised: "Bau-Bau", "Tojo Una-Una")
    return f"{kind} {re.sub(r'-([a-z])', lambda d: '-' + d[1].upper(), title(' '.join(place)))}"


def post_region(post: str, where: str) -> str:
    """A scanned post's region told by the kop: a regional official's post ends with the
    region the kop's first line prints (Permendagri 1/2023: "Camat Sukamaju Kabupaten Lombok
    Barat" under "PEMERINTAH KABUPATEN LOMBOK BARAT"), and that line, above the stamp, reads
    better. A region's kind is not a post's last word ("SEKRETARIS DPRD KABUPATEN": its name
    went under the stamp or off the scan; but see told, for a Kota), and a region read a letter
    or two off ("Kabupak Lombok Barat", "Lombok Barst") is the kop's. A post naming another
    region ("Lombok Utara") stays, and so does every post where the kop's place was read with a
    digit or a mark."""
    kind, place = where.split(" ", 1)
    words = post.split()
    at = next((i for i in range(len(words) - 1, 0, -1) if len(_letters(words[i])) >= 4
               and difflib.SequenceMatcher(None, _letters(words[i]), kind.lower()).ratio()
               >= 0.7), None)
    if at is None or not re.fullmatch(r"[A-Za-z' -]+", place):
        return post
    read = _letters(" ".join(words[at + 1:]))
    if at == len(words) - 1:
        if _letters(words[at]) != kind.lower():
            return post
    elif read == _letters(place) and _letters(words[at]) == kind.lower() \
            or _distance(read, _letters(place)) > 2:
        return post
    lead = re.match(r"^(?:(?:a\.?n\.?|P[l1i]t[.,]?|Plh\.?|Pj\.?)\s+)*", post, re.I).group(0)
    upper = _capitals(" ".join(words[:at])[len(lead):])
    return " ".join(words[:at] + [where.upper() if upper else where])


def _distance(a: str, b: str, most: int = 2) -> int:
    """The edit distance between A and B, or MOST + 1 where it is more than MOST."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > most:
            return most + 1
    return min(row[-1], most + 1)


def _besides(read: list[str], kop: list[str]) -> list[str] | None:
    """The words of READ besides KOP's, where KOP's are all in it in their order, or None."""
    extra, k = [], 0
    for w in read:
        if k < len(kop) and w == kop[k]:
            k += 1
        else:
            extra.append(w)
    return extra if k == len(kop) else None


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _part(post: str) -> bool:
    """Whether POST names a part of a unit (a Bidang, Bagian, Seksi, UPT), words a stamp may
    have joined ("KepalaBidang")."""
    return bool(PART.search(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", post)))


def canonical(name: str | None, opd_names: list[str] | None) -> str | None:
    """The directory's spelling of `name` when one entry is close enough to be the same unit."""
    if not name or not opd_names:
        return name
    fold = {re.sub(r"\s+", " ", n).strip().lower(): n for n in opd_names}
    key = re.sub(r"\s+", " ", name).strip().lower()
    if key in fold:
        return fold[key]
    hit = difflib.get_close_matches(key, list(fold), n=1, cutoff=0.88)
    return fold[hit[0]] if hit else name


def agree(kop: str, signer: str | None) -> str:
    """The unit is named twice, in the kop and in the signer's post; OCR loses the commas and
    dots of the kop's large bold capitals more often, so when both name the same unit
    (letters alike), the post's spelling is kept."""
    if signer and _letters(signer) == _letters(kop):
        return title(signer) if _capitals(signer) else signer
    return kop
