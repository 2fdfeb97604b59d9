"""Alignment speed on real ToTA treaties, ratios from one run.

    python benchmarks/bench_align_speed.py [--repeat 3]

Times are the best of ``--repeat`` runs. "difflib" is what users reach for
today: ``difflib.SequenceMatcher(None, a, b).ratio()`` over all article pairs,
then optimal one-to-one assignment. "compare" is ``treatydiff.compare`` on
the treaties as read by ``treatydiff.tota.read_tota`` (article and paragraph
alignment, groups); ``to_dict`` adds word diffs and the provision matrix.
Labels and diffs are cached per text, so the first ``to_dict`` (cold) is
printed on its own; pta_153 and the 3-way rows time one ``to_dict``, after
``compare`` alone (cold too).
"""

from __future__ import annotations

import argparse
import difflib
import os

import numpy as np
from rapidfuzz import fuzz, process
from redrafts import best_of, load, pool_articles
from scipy.optimize import linear_sum_assignment

from treatydiff.alignment.pairwise import align
from treatydiff.comparison import compare
from treatydiff.model import Article, Paragraph, Treaty


def long_article() -> tuple[Treaty, Treaty]:
    """One article of about 5 MB (the paragraphs of pta_153, pta_154, pta_149
    and pta_150 repeated, each copy numbered) against a copy with every
    hundredth paragraph reworded and every 250th deleted."""
    base = [
        para.text
        for name in ("pta_153", "pta_154", "pta_149", "pta_150")
        for art in load(name).articles
        for para in art.paragraphs
    ]
    texts: list[str] = []
    while sum(map(len, texts)) < 5_000_000:
        texts += [f"{text} ({len(texts) + k})" for k, text in enumerate(base)]
    edited = [
        text.replace(" the ", " a ", 1) if k % 100 == 0 else text
        for k, text in enumerate(texts)
        if k % 250 != 1
    ]

    def one(id_: str, paras: list[str]) -> Treaty:
        return Treaty(
            id=id_,
            articles=[Article(num="1", paragraphs=[Paragraph(text=t) for t in paras])],
        )

    return one("long", texts), one("edited", edited)


def recast_size() -> tuple[Treaty, Treaty]:
    """61 articles of pta_153 against 414: each of their paragraphs as an
    article of its own (a recast that splits everything), topped up with
    articles of other treaties."""
    old = load("pta_153")
    a = Treaty(id="old", articles=old.articles[:61])
    pieces = [
        Article(num="0", paragraphs=[para])
        for art in a.articles
        for para in art.paragraphs
    ]
    pieces += pool_articles(["pta_154", "pta_149", "pta_150"], 414)[: 414 - len(pieces)]
    b = Treaty(
        id="new",
        articles=[
            Article(num=str(k + 1), paragraphs=art.paragraphs)
            for k, art in enumerate(pieces[:414])
        ],
    )
    return a, b


def difflib_way(a, b) -> None:
    texts_a = [x.text for x in a.articles]
    texts_b = [x.text for x in b.articles]
    scores = np.array(
        [
            [difflib.SequenceMatcher(None, x, y).ratio() for y in texts_b]
            for x in texts_a
        ]
    )
    linear_sum_assignment(scores, maximize=True)


def rapidfuzz_way(a, b) -> None:
    scores = process.cdist(
        [x.text for x in a.articles],
        [x.text for x in b.articles],
        scorer=fuzz.token_set_ratio,
        workers=-1,
    )
    linear_sum_assignment(scores, maximize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    rows = []
    a, b = load("pta_312", paragraphs=False), load("pta_313", paragraphs=False)
    size = f"{len(a.articles)} × {len(b.articles)}"
    t_difflib = best_of(lambda: difflib_way(a, b), 1)
    t_compare = best_of(lambda: compare(a, b), args.repeat)
    t_cold = best_of(lambda: compare(a, b).to_dict(), 1)  # labels and diffs not cached
    t_dict = best_of(lambda: compare(a, b).to_dict(), args.repeat)
    rows.append(
        (
            "pta_312 vs pta_313 (Turkey–Latvia / –Lithuania)",
            size,
            t_difflib,
            best_of(lambda: rapidfuzz_way(a, b), args.repeat),
            t_compare,
            t_dict,
        )
    )
    a, b = load("pta_153", paragraphs=False), load("pta_154", paragraphs=False)
    size = f"{len(a.articles)} × {len(b.articles)}"
    rows.append(
        (
            "pta_153 vs pta_154 (EFTA–Colombia / –Peru)",
            size,
            None,
            best_of(lambda: rapidfuzz_way(a, b), args.repeat),
            best_of(lambda: compare(a, b), args.repeat),
            best_of(lambda: compare(a, b).to_dict(), 1),
        )
    )
    three = [load(n, paragraphs=False) for n in ("pta_149", "pta_150", "pta_155")]
    size = " × ".join(str(len(t.articles)) for t in three)
    rows.append(
        (
            "3-way pta_149, pta_150, pta_155 (Japan–Indonesia / India / Switzerland)",
            size,
            None,
            None,
            best_of(lambda: compare(*three), args.repeat),
            best_of(lambda: compare(*three).to_dict(), 1),
        )
    )
    print(
        f"best of {args.repeat}; {os.cpu_count()} cores; load average "
        f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after\n"
    )
    print(
        "| treaties | articles | difflib all pairs + assignment "
        "| rapidfuzz token_set + assignment | treatydiff compare | compare + to_dict |"
    )
    print("|---|---|---|---|---|---|")
    for name, size, t_dl, t_rf, t_cmp, t_all in rows:
        cells = [
            f"{t:.3f} s" if t is not None else "—" for t in (t_dl, t_rf, t_cmp, t_all)
        ]
        print(f"| {name} | {size} | " + " | ".join(cells) + " |")
    print(
        f"\ncompare is {t_difflib / t_compare:.0f}× faster than the difflib way "
        f"on pta_312 vs pta_313 ({t_difflib / t_dict:.0f}× including to_dict; "
        f"the first to_dict, before labels and diffs are cached, {t_cold:.3f} s, "
        f"{t_difflib / t_cold:.0f}×)."
    )
    a, b = long_article()
    t_long = best_of(lambda: align(a, b), 1)
    size = sum(len(p.text) for p in a.articles[0].paragraphs) / 1e6
    print(
        f"align one article of {size:.1f} MB ({len(a.articles[0].paragraphs)} "
        f"paragraphs) against an edited copy: {t_long:.1f} s."
    )
    a, b = recast_size()
    t_recast = best_of(lambda: align(a, b), args.repeat)
    print(
        f"align at recast size, {len(a.articles)} × {len(b.articles)} articles "
        f"(every paragraph of the 61 its own article): {t_recast:.3f} s."
    )


if __name__ == "__main__":
    main()
