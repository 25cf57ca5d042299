"""python -m benchmarks.blind_letters OUT [--n 120] [--seed 11]"""
import argparse

from benchmarks.blind_letters.build import build


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m benchmarks.blind_letters",
                                 description="Write N labelled letters (docx, pdf, scans) and their truth to OUT.")
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args(argv)
    build(a.out, a.n, a.seed)


if __name__ == "__main__":
    main()
