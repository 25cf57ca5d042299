"""Tesseract through its C API, its models loaded once per process instead of once per run.

Loading ind+eng costs some 0.2 s of CPU per CLI run, and a scanned page takes four to six
runs (the page, then its name, post, Nomor and date bands): the loads cost more than reading
the bands. `run` does in-process what `tesseract - - -l LANGS --psm N -c K=V [tsv]` does
(tesseract.cpp: Init with the same config file, the -c variables set after it, then
ProcessPages: a TIFF page by page, another image whole; the TSV or text renderer's output), on
a handle kept from the last run with the same languages, variables and config. Where
libtesseract cannot be loaded, or OpenMP was loaded before OMP_THREAD_LIMIT=1 could be set,
`available` is False and ocr runs the CLI as before.
"""
from __future__ import annotations

import atexit
import ctypes
import os
import threading
import time
from collections import defaultdict
from typing import NamedTuple

from pipeline.letter.model import Refused

TSV_HEADER = (b"level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth"
              b"\theight\tconf\ttext\n")
TIFF_MAGIC = (b"II*\x00", b"MM\x00*")
OEM_DEFAULT = 3
MAX_SECONDS = 86_400.0  # a deadline tesseract's int of milliseconds holds
L_SEVERITY_ERROR = 5  # leptonica's errors only, as the CLI sets
QUIET = (("debug_file", "/dev/null"),)  # tesseract's notes on stderr, not the worker's log
CANCEL = ctypes.CFUNCTYPE(ctypes.c_bool, ctypes.c_void_p, ctypes.c_int)


class Spec(NamedTuple):
    """What a CLI command asks of tesseract."""
    langs: str
    psm: int
    variables: tuple[tuple[str, str], ...]
    configs: tuple[str, ...]


_lock = threading.Lock()
_idle: dict[Spec, list[int]] = defaultdict(list)  # handles not in use, by what they were made for
_libs: list = []  # [(tesseract, leptonica)] once loaded; [] before; [None] where they cannot be


def spec(cmd: list[str]) -> Spec | None:
    """CMD's Spec where it is `tesseract - - [-l L] [--psm N] [-c K=V]... [tsv]`, the forms
    ocr runs (text or TSV out); None for any other command, which the CLI runs."""
    if cmd[:3] != ["tesseract", "-", "-"]:
        return None
    langs, psm, variables, configs, args = "eng", 3, [], [], iter(cmd[3:])
    for arg in args:
        if configs:  # (after a config file the CLI takes every word for another)
            return None
        if arg == "-l":
            langs = next(args, "eng")
        elif arg == "--psm":
            psm = int(next(args, "3"))
        elif arg == "-c":
            key, _, value = next(args, "=").partition("=")
            if key.startswith("tessedit_create_"):  # (another renderer)
                return None
            variables.append((key, value))
        elif arg == "tsv":
            configs.append(arg)
        else:
            return None
    return Spec(langs, psm, tuple(variables), tuple(configs))


def _load():
    if _libs:
        return _libs[0]
    if os.environ.get("OMP_THREAD_LIMIT") != "1":
        if _mapped("libgomp"):  # its limit is read once, when it loads: too late to set
            _libs.append(None)
            return None
        os.environ["OMP_THREAD_LIMIT"] = "1"  # each page on one core, as the CLI is run
    try:
        tess, lept = ctypes.CDLL("libtesseract.so.5"), ctypes.CDLL("liblept.so.5")
    except OSError:
        _libs.append(None)
        return None
    p, i, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
    for lib, name, res, args in (
            (tess, "TessBaseAPICreate", p, []),
            (tess, "TessBaseAPIInit4", i, [p, s, s, i, ctypes.POINTER(s), i, ctypes.POINTER(s),
                                           ctypes.POINTER(s), ctypes.c_size_t, ctypes.c_bool]),
            (tess, "TessBaseAPISetPageSegMode", None, [p, i]),
            (tess, "TessBaseAPISetVariable", ctypes.c_int, [p, s, s]),
            (tess, "TessBaseAPIGetStringVariable", s, [p, s]),
            (tess, "TessBaseAPISetInputName", None, [p, s]),
            (tess, "TessBaseAPISetImage2", None, [p, p]),
            (tess, "TessBaseAPIRecognize", i, [p, p]),
            (tess, "TessBaseAPIGetTsvText", p, [p, i]),
            (tess, "TessBaseAPIGetUTF8Text", p, [p]),
            (tess, "TessBaseAPIClear", None, [p]),
            (tess, "TessBaseAPIDelete", None, [p]),
            (tess, "TessDeleteText", None, [p]),
            (tess, "TessMonitorCreate", p, []),
            (tess, "TessMonitorDelete", None, [p]),
            (tess, "TessMonitorSetDeadlineMSecs", None, [p, i]),
            (tess, "TessMonitorSetCancelFunc", None, [p, CANCEL]),
            (lept, "pixReadMem", p, [s, ctypes.c_size_t]),
            (lept, "pixReadMemFromMultipageTiff", p, [s, ctypes.c_size_t,
                                                      ctypes.POINTER(ctypes.c_size_t)]),
            (lept, "pixDestroy", None, [ctypes.POINTER(p)]),
            (lept, "setMsgSeverity", i, [i])):
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = res, args
    lept.setMsgSeverity(L_SEVERITY_ERROR)
    _libs.append((tess, lept))
    return _libs[0]


def _mapped(name: str) -> bool:
    try:
        with open("/proc/self/maps", encoding="ascii", errors="replace") as f:
            return any(name in line for line in f)
    except OSError:
        return True  # not known: assume the worst


def available() -> bool:
    return _load() is not None


def run(want: Spec, image: bytes, timeout: float, stop: threading.Event | None = None
        ) -> bytes:
    """What the CLI would print for IMAGE (PNG, PBM or TIFF bytes) asked WANT; Refused where
    it fails, passes TIMEOUT seconds, or STOP is set (a page read ahead, abandoned)."""
    if stop is not None and stop.is_set():
        raise Refused("the page's reading was abandoned")
    tess, lept = _load()
    models = want._replace(psm=0)  # the CLI, too, sets the psm after loading the models
    handle = _take(tess, models)
    try:
        return _process(tess, lept, handle, want, image, timeout, stop)
    finally:
        tess.TessBaseAPIClear(handle)  # the page's images and results; the models stay
        with _lock:
            _idle[models].append(handle)


def warm(cmd: list[str], count: int) -> None:
    """COUNT handles for CMD's models loaded now and left idle: a reader forked after this
    (sandbox) takes them as they are, copy-on-write, instead of loading the models itself."""
    want = spec(cmd)
    if want is None or not available():
        return
    models = want._replace(psm=0)
    while True:
        with _lock:
            if len(_idle[models]) >= count:
                return
        try:
            handle = _new(_load()[0], models)
        except Refused:  # (no models: a scan's reading says so; a DOCX needs none)
            return
        with _lock:
            _idle[models].append(handle)


def _take(tess, models: Spec) -> int:
    with _lock:
        if _idle[models]:
            return _idle[models].pop()
    return _new(tess, models)


def _new(tess, models: Spec) -> int:
    handle = tess.TessBaseAPICreate()
    files = (ctypes.c_char_p * len(models.configs))(*(c.encode() for c in models.configs))
    if tess.TessBaseAPIInit4(handle, None, models.langs.encode(), OEM_DEFAULT, files,
                             len(models.configs), None, None, 0, False) != 0:
        tess.TessBaseAPIDelete(handle)
        raise Refused(f"tesseract could not load the models for {models.langs}")
    # after Init, as the CLI sets -c: tessedit_do_invert given to Init reads otherwise
    for key, value in models.variables + QUIET:
        tess.TessBaseAPISetVariable(handle, key.encode(), value.encode())
    return handle


def _process(tess, lept, handle, want: Spec, image: bytes, timeout: float, stop) -> bytes:
    tess.TessBaseAPISetPageSegMode(handle, want.psm)
    tess.TessBaseAPISetInputName(handle, b"stdin")
    tsv = "tsv" in want.configs
    out, offset, page = [TSV_HEADER] if tsv else [], ctypes.c_size_t(0), 0
    tiff = image[:4] in TIFF_MAGIC
    deadline = time.monotonic() + timeout
    cancel = CANCEL(lambda _this, _words: bool(stop is not None and stop.is_set()))
    monitor = tess.TessMonitorCreate()
    try:
        while True:
            pix = ctypes.c_void_p(
                lept.pixReadMemFromMultipageTiff(image, len(image), ctypes.byref(offset))
                if tiff else lept.pixReadMem(image, len(image)))
            if not pix.value:
                if page == 0 and not tiff:  # (a TIFF's unreadable page ends it: the CLI)
                    raise Refused("tesseract failed: the image could not be read")
                break
            if tiff:
                tess.TessBaseAPISetVariable(handle, b"applybox_page", str(page).encode())
            tess.TessBaseAPISetImage2(handle, pix)
            left = min(deadline - time.monotonic(), MAX_SECONDS)
            tess.TessMonitorSetDeadlineMSecs(monitor, max(1, int(left * 1000)))
            tess.TessMonitorSetCancelFunc(monitor, cancel)
            failed = tess.TessBaseAPIRecognize(handle, monitor) < 0
            lept.pixDestroy(ctypes.byref(pix))
            if stop is not None and stop.is_set():
                raise Refused("the page's reading was abandoned")
            if failed:
                raise Refused(f"tesseract took longer than {timeout:.0f} s"
                              if time.monotonic() >= deadline else "tesseract failed")
            if page and not tsv:  # the text renderer's separator before each page after one
                out.append(tess.TessBaseAPIGetStringVariable(handle, b"page_separator") or b"")
            out.append(_text(tess, handle, page, tsv))
            page += 1
            if not tiff or not offset.value:
                break
    finally:
        tess.TessMonitorDelete(monitor)
    return b"".join(out)


def _text(tess, handle, page: int, tsv: bool) -> bytes:
    ptr = (tess.TessBaseAPIGetTsvText(handle, page) if tsv
           else tess.TessBaseAPIGetUTF8Text(handle))
    if not ptr:
        return b""
    try:
        return ctypes.string_at(ptr)
    finally:
        tess.TessDeleteText(ptr)


def _end() -> None:
    """The models freed before the interpreter's exit, so that tesseract's caches do not
    report them leaked."""
    if _libs and _libs[0]:
        with _lock:
            for handles in _idle.values():
                while handles:
                    _libs[0][0].TessBaseAPIDelete(handles.pop())


def _forget_in_child() -> None:
    """A forked reader takes the idle handles as they were (copy-on-write: no model is loaded
    again) but not a lock some other thread of the parent held at the fork."""
    global _lock
    _lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_in_child)
atexit.register(_end)
