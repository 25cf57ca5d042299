"""Shared specimen letters for the letter-reader tests (generated, so no shared files needed)."""
from __future__ import annotations

import pytest

from pipeline.letter import specimen


@pytest.fixture(scope="session")
def fields() -> list[dict]:
    return specimen.field_sets(6, seed=99)


@pytest.fixture(scope="session")
def one(fields) -> dict:
    return fields[1]


def assert_fields(reading, truth: dict) -> None:
    got = reading.to_json()
    for key, want in specimen.truth(truth, "x").items():
        if key != "format":
            assert got[key] == want, f"{key}: {got[key]!r} != {want!r}"
