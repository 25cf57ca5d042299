"""Data types shared by the letter reader: limits, the reading, the refusal."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

REQUIRED = ("nomor", "hal")
FIELDS = ("nomor", "tanggal", "sifat", "lampiran", "hal", "pengirim",
          "penandatangan", "tujuan", "tembusan", "pertanyaan")


class Refused(Exception):
    """A file we will not read (hostile, unreadable, or over a limit); `reason` is for humans."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    """Bounds on what one letter may cost; a file past them is refused, not read."""
    max_bytes: int = 25 * 1024 * 1024
    max_pages: int = 500
    max_decompressed: int = 50 * 1024 * 1024
    seconds: float = 30.0
    memory_mb: int = 768
    ocr_dpi: int = 300
    max_zip_entries: int = 2000
    max_ratio: int = 200
    max_pixels: int = 60_000_000


@dataclass
class LetterReading:
    """The fields read from one letter, plus where each came from (provenance)."""
    nomor: str | None = None
    tanggal: str | None = None
    sifat: str | None = None
    lampiran: str | None = None
    hal: str | None = None
    pengirim: str | None = None
    penandatangan: dict | None = None
    tujuan: str | None = None
    tembusan: list[str] = field(default_factory=list)
    pertanyaan: list[str] = field(default_factory=list)
    pengantar: str | None = None  # number of the cover letter (surat pengantar) that forwarded it
    format: str = "pdf"
    provenance: dict[str, dict[str, Any]] = field(default_factory=dict)
    pages_read: int = 0

    def to_json(self) -> dict:
        out = {k: getattr(self, k) for k in FIELDS}
        return {**out, "pengantar": self.pengantar} if self.pengantar else out

    def meta(self) -> dict:
        return {"format": self.format, "provenance": self.provenance,
                "pages_read": self.pages_read}

    def missing(self) -> list[str]:
        return [k for k in REQUIRED if not getattr(self, k)]

    def low_confidence(self, threshold: float = 0.8) -> list[str]:
        """Fields a human should check, because the reader was unsure of them."""
        return [k for k, p in self.provenance.items() if p.get("confidence", 1.0) < threshold]

    def score(self) -> float:
        """How letter-like this reading is (0..1); used to pick the letter among attachments."""
        marks = [self.nomor, self.hal, self.tujuan, self.penandatangan,
                 self.tanggal, self.sifat, self.pertanyaan]
        weights = [3, 3, 2, 2, 1, 1, 1]
        return sum(w for m, w in zip(marks, weights) if m) / sum(weights)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "LetterReading":
        return cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})
