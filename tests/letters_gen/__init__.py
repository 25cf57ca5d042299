"""Generated letters with their truth, for the reading tests and the extraction benchmark.

`generate(n, seed, out)` writes `NNN-family-producer.{docx,pdf,jpg}` and the matching `.json`
truth to `out` (a temp folder; nothing here is committed as a binary). See README.md here.
"""
from tests.letters_gen.build import FORMATS, generate

__all__ = ["FORMATS", "generate"]
