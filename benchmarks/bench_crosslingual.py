"""Cross-language alignment quality: the same treaty written in English and in
Russian (own-words texts, articles reordered, one article only on each side).

    python benchmarks/bench_crosslingual.py

Pairs and their answers are in ``tests/fixtures/crosslingual`` (``gold.json``
maps each English article to its Russian one). Prints per pair and pooled
article-link precision, recall and F1, and whether the one-sided articles
stayed unmatched.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from treatydiff import compare
from treatydiff.formats.plaintext.parser import parse

FIXTURES = Path(__file__).resolve().parent.parent / "tests/fixtures/crosslingual"


def main() -> None:
    gold = json.loads((FIXTURES / "gold.json").read_text(encoding="utf-8"))
    tp = fp = fn = 0
    lonely_ok = lonely_all = 0
    started = time.perf_counter()
    for name, answer in sorted(gold.items()):
        en = parse((FIXTURES / f"{name}.en.txt").read_text("utf-8"), id="en")
        ru = parse((FIXTURES / f"{name}.ru.txt").read_text("utf-8"), id="ru")
        al = compare(en, ru).alignments["en", "ru"]
        found = {(p.a, p.b) for p in al.pairs}
        want = set(answer.items())
        hit = len(found & want)
        tp, fp, fn = tp + hit, fp + len(found - want), fn + len(want - found)
        lonely_en = [a.ref for a in en.articles if a.ref not in answer]
        lonely_ru = [b.ref for b in ru.articles if b.ref not in answer.values()]
        ok = sum(r in al.unmatched_a for r in lonely_en) + sum(
            r in al.unmatched_b for r in lonely_ru
        )
        lonely_ok, lonely_all = lonely_ok + ok, lonely_all + len(lonely_en + lonely_ru)
        print(
            f"{name:12} links {len(found):2}  correct {hit:2}/{len(want):2}  "
            f"one-sided unmatched {ok}/{len(lonely_en + lonely_ru)}"
            + "".join(f"\n    wrong {a}->{b}" for a, b in sorted(found - want))
        )
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(
        f"pooled: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
        f"one-sided unmatched {lonely_ok}/{lonely_all}  "
        f"({time.perf_counter() - started:.2f} s)"
    )


if __name__ == "__main__":
    argparse.ArgumentParser(  # no options: --help says what it measures
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    main()
