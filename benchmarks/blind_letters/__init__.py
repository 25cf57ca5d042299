"""Blind letter set: consultation letters generated without sight of Paraf's reader or of
tests/letters_gen, to measure reading on letters the project was not built against.
See README.md; run with `python -m benchmarks.blind_letters OUT --n 120 --seed 11`."""
