# SPDX-License-Identifier: AGPL-3.0-or-later
"""The reader's memory limit is on what reading adds, not on what the worker already holds."""
from __future__ import annotations

import mmap

import pytest

from pipeline.letter import read_letter, specimen
from pipeline.letter.model import Limits
from tests.letter.conftest import assert_fields


def test_a_scan_is_read_when_the_worker_already_holds_more_than_the_limit(fields):
    """GIVEN a worker whose address space is already larger than the reader's memory limit (a
    long-running worker's threads and libraries; here 1.5 GB reserved) WHEN a scanned letter is
    read in the sandbox THEN it is read, not refused as a memory bomb."""
    limits = Limits(memory_mb=768)
    reserved = mmap.mmap(-1, 1536 * 1024 * 1024)     # counted in the fork's address space
    try:
        reading = read_letter(specimen.make_scan(fields[4], seed=3), "scan.pdf", limits)
    finally:
        reserved.close()
    assert_fields(reading, fields[4])


def test_a_letter_is_read_when_the_worker_holds_more_than_a_thousand_descriptors(fields):
    """GIVEN a worker holding 1,100 open descriptors (connections and files of a busy process;
    select() refuses any numbered 1024 or more) WHEN a letter is read in the sandbox THEN it
    is read, not failed with 'filedescriptor out of range'."""
    import os
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1200:
        pytest.skip(f"this machine allows {hard} open files")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1200), hard))
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
    try:
        assert max(held) >= 1024
        reading = read_letter(specimen.make_docx(fields[0]), "surat.docx")
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert_fields(reading, fields[0])
