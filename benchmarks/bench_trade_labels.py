"""How many articles of three ToTA trade agreements get each general and final-clause
label (issue 12: precision on trade agreements, where most such labels are noise).

    python benchmarks/bench_trade_labels.py

Prints one row per agreement: its article count and, for the kinds the issue
named, how many articles carry them. Needs ../shared/corpora/tota; exits 0
with a message without it. Compare two versions of the code by running the
script in each checkout.
"""

from __future__ import annotations

import sys
from collections import Counter

from redrafts import TOTA, load

from treatydiff.provisions import label_treaty

AGREEMENTS = ("pta_312", "pta_313", "pta_153")
KINDS = (
    "entry-into-force",
    "trade-economy",
    "multilateral-cooperation",
    "languages",
    "duration",
    "political-dialogue",
    "consultation",
)


def main() -> None:
    if not TOTA.is_dir():
        print(f"skipped: no ToTA corpus at {TOTA}")
        return
    print("| agreement | articles | " + " | ".join(KINDS) + " |")
    print("|---|---:|" + "---:|" * len(KINDS))
    for name in AGREEMENTS:
        treaty = label_treaty(load(name, paragraphs=False))
        counts = Counter(lab.kind for art in treaty.articles for lab in art.labels)
        cells = " | ".join(str(counts[kind]) for kind in KINDS)
        print(f"| {name} | {len(treaty.articles)} | {cells} |")


if __name__ == "__main__":
    sys.exit(main())
