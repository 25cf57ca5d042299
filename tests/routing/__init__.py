"""Routing tests: a small office written as TOML text, so each test can spoil one thing."""
from pathlib import Path

OFFICIALS = '''
[[official]]
code = "inspektur"
name = "Dr. Bambang Suryanto"
nip = "196905121994031005"
jabatan = "Inspektur Daerah"
emails = ["inspektur@inspektorat.example.go.id"]
roles = ["inspector"]

[[official]]
code = "sekretaris"
name = "Sri Wahyuni"
nip = "197203181998032004"
jabatan = "Sekretaris Inspektorat Daerah"
emails = ["sekretaris@inspektorat.example.go.id"]
superior = "inspektur"

[[official]]
code = "irban-1"
name = "Hendro Wibowo"
nip = "19740921 199903 1 003"
jabatan = "Inspektur Pembantu Wilayah I"
emails = ["irban1@inspektorat.example.go.id"]
superior = "sekretaris"

[[official]]
code = "auditor-1"
name = "Rina Kusumawati"
nip = "198304102009022006"
jabatan = "Auditor Ahli Madya"
emails = ["Rina@Inspektorat.example.go.id"]
superior = "irban-1"

[[official]]
code = "irban-2"
name = "Slamet Riyadi"
nip = "197106051997031007"
jabatan = "Inspektur Pembantu Wilayah II"
emails = ["irban2@inspektorat.example.go.id"]
superior = "inspektur"
'''

OPDS = '''
[[opd]]
code = "bpkad"
name = "Badan Pengelolaan Keuangan dan Aset Daerah Kota Pekalongan"
pemda = "Kota Pekalongan"

[[opd]]
code = "disdik-batang"
name = "Dinas Pendidikan Kabupaten Batang"
pemda = "Kabupaten Batang"
'''

DEFAULT_RULE = '''
[[rule]]
name = "Lainnya"
order = 999
default = true
assignee = "irban-2"
'''


def write_office(folder: Path, routing: str, officials: str = OFFICIALS, opds: str = OPDS) -> Path:
    """A rules folder with the three files; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "officials.toml").write_text(officials, encoding="utf-8")
    (folder / "routing.toml").write_text(routing, encoding="utf-8")
    (folder / "opd.toml").write_text(opds, encoding="utf-8")
    return folder
