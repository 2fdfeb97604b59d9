"""Peak memory of ``treatydiff reuse -o`` when a corpus yields many pairs.

Writes ``--copies`` versions (default 150) of one generated 40-article treaty in
the ToTA XML layout (own words: ``alpha0 delta0 ...``; each version one month
later than the last), indexes them, then runs ``treatydiff reuse --format F
-o FILE`` once per format in a fresh interpreter and prints the number of pairs
and that process's peak resident set (the pool's workers are not counted).
Every article of every version pairs with its copies: 150 versions give
447,000 pairs. ``python benchmarks/bench_reuse_memory.py [--copies N]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

WORDS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "sigma",
    "omega",
    "state",
    "party",
    "river",
    "trade",
]
ARTICLES = 40
WORDS_PER_ARTICLE = 25

RUN = """
import resource, sys
from treatydiff.cli import main
status = main(sys.argv[1:])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"peak_kb={peak}", file=sys.stderr)
sys.exit(status)
"""


def article_text(n: int) -> str:
    """Article ``n``'s words: a fixed walk through WORDS, distinct per article."""
    return " ".join(
        f"{WORDS[(n * 7 + i * (n % 5 + 1)) % len(WORDS)]}{(i * n) % 13}"
        for i in range(WORDS_PER_ARTICLE)
    )


def treaty_xml(version: int) -> str:
    year, month = divmod(version, 12)
    articles = "".join(
        f'<article number="Article {n}" name="Heading {n}">{escape(article_text(n))}'
        "</article>"
        for n in range(1, ARTICLES + 1)
    )
    return (
        "<?xml version='1.0' encoding='UTF-8'?><treaty><meta>"
        f"<name>Treaty {1000 + version}</name>"
        f"<treaty_identifier>{1000 + version}</treaty_identifier>"
        f"<date_signed>{1900 + year:04d}-{month + 1:02d}-01</date_signed>"
        "<parties><partyisocode>AAA</partyisocode><partyisocode>BBB</partyisocode>"
        "</parties><language>en</language></meta><body>"
        f'<chapter name="Main" number="Chapter 1">{articles}</chapter></body></treaty>'
    )


def treatydiff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUN, *args], capture_output=True, text=True, check=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=150)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--formats", nargs="+", default=["csv", "json", "parquet"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "corpus")
        src.mkdir()
        for version in range(args.copies):
            Path(src, f"t{version}.xml").write_text(treaty_xml(version), "utf-8")
        db = str(Path(tmp, "gen.sqlite"))
        treatydiff("index", str(src), "--db", db, "--jobs", str(args.jobs))
        print(
            f"{args.copies} versions of a {ARTICLES}-article treaty; load average "
            f"{os.getloadavg()[0]:.1f}\n"
        )
        print(
            "| format | pairs | peak RSS of the reuse process |\n| --- | ---: | ---: |"
        )
        for fmt in args.formats:
            out = str(Path(tmp, f"pairs.{fmt}"))
            done = treatydiff(
                "reuse",
                "--db",
                db,
                "--jobs",
                str(args.jobs),
                "--format",
                fmt,
                "-o",
                out,
            )
            pairs = done.stderr.split(" article pairs", 1)[0].rsplit("\n", 1)[-1]
            peak_kb = int(done.stderr.rsplit("peak_kb=", 1)[1])
            print(f"| {fmt} | {pairs} | {peak_kb / 1024:.0f} MB |")


if __name__ == "__main__":
    main()
