"""python -m tests.letters_gen OUT [--n 300] [--seed 1]"""
import argparse
import time
from pathlib import Path

from tests.letters_gen.build import generate

ap = argparse.ArgumentParser()
ap.add_argument("out", type=Path)
ap.add_argument("--n", type=int, default=300)
ap.add_argument("--seed", type=int, default=1)
a = ap.parse_args()
t0 = time.perf_counter()
items = generate(a.n, a.seed, a.out)
print(f"wrote {len(items)} letters to {a.out} in {time.perf_counter() - t0:.1f} s")
