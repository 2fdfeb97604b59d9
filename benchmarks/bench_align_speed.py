"""Speed of the whole comparison on real ToTA treaties, ratios from one run.

    python benchmarks/bench_align_speed.py [--repeat 5]

Times are the best of ``--repeat`` runs (difflib too). "difflib" is what users
reach for today: ``difflib.SequenceMatcher(None, a, b).ratio()`` over all article pairs,
then optimal one-to-one assignment; "rapidfuzz" the naive fast alternative
(``token_set_ratio`` over all pairs, then assignment). "compare" is
``treatydiff.compare`` on the treaties as read by
``treatydiff.tota.read_tota`` (article and paragraph alignment, groups); the
"full" comparison is ``compare(a, b).to_dict()``, what every report builds
(word diffs, flags, provision labels and matrix). Tokens, labels and diffs
are cached per text in a process, so both are timed cold and warm ("compare,
repeated" is warm: the best of repeated runs on the same treaties). Cold is
what one comparison of new texts costs: the treaties read anew and every
per-text cache emptied (:func:`forget_texts`), with the one-time set-up of the
process (imports, the cue screen, concept tables) done by an earlier full
comparison of other treaties (pta_149 vs pta_150, and two bundled Russian
treaties). Warm repeats the comparison on the same treaties. The CLI rows run
``treatydiff compare A.xml B.xml --format text|html`` and the main job (the
bundled triple) in a fresh interpreter
(set-up included: what a command-line user gets); the start-up rows say how
much of that is loading Python and the package. A last table times each part
of a cold full comparison alone (the exact article scores, the alignment,
the provision labels, the word diffs and flags) against issue 13's targets.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable

import numpy as np
from rapidfuzz import fuzz, process
from redrafts import TOTA, best_of, load, pool_articles
from scipy.optimize import linear_sum_assignment

from treatydiff import bundled
from treatydiff.alignment.pairwise import align, prepare
from treatydiff.alignment.similarity import score_matrix
from treatydiff.comparison import compare
from treatydiff.diff.changes import describe_group
from treatydiff.model import Article, Paragraph, Treaty
from treatydiff.provisions.matrix import label_treaty


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


def forget_texts() -> None:
    """Empty every per-text cache of the package: the ``lru_cache``s with a
    size bound (labels, sentences, diffs, flag terms, stems, word counts, the
    cue patterns cut to what a sentence may match), and ``re``'s own cache of
    compiled patterns. Unbounded ``cache``s hold one-time set-up (the cue
    screen and patterns, concept tables, bundled treaties) and stay."""
    re.purge()
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "treatydiff":
            continue
        for value in vars(module).values():
            bounded = isinstance(value, functools._lru_cache_wrapper) and (
                value.cache_parameters()["maxsize"] is not None
            )
            if bounded:
                value.cache_clear()


def set_up() -> float:
    """The process's one-time set-up, done by full comparisons of other
    treaties (English and Russian); returns the first one's time."""
    others = [load("pta_149", paragraphs=False), load("pta_150", paragraphs=False)]
    first = best_of(lambda: compare(*others).to_dict(), 1)
    compare(bundled.load("ru-ir-2025"), bundled.load("ru-kp-2024")).to_dict()
    return first


def cold(names: tuple[str, ...], repeat: int, *, full: bool = True) -> float:
    """The best of ``repeat`` comparisons of ``names`` (full: with
    ``to_dict()``), each on treaties read anew with every per-text cache
    emptied."""
    times = []
    for _ in range(repeat):
        treaties = [load(name, paragraphs=False) for name in names]
        forget_texts()
        if full:
            times.append(best_of(lambda: compare(*treaties).to_dict(), 1))  # noqa: B023
        else:
            times.append(best_of(lambda: compare(*treaties), 1))  # noqa: B023
    return min(times)


def parts(names: tuple[str, str], repeat: int) -> dict[str, float]:
    """Each part of a full comparison of ``names`` alone, cold (best of
    ``repeat``, every per-text cache emptied before each): the exact article
    scores the alignment's floors are read from, the whole alignment, the
    provision labels of both treaties, and the word diffs and flags of the
    linked article pairs."""
    a, b = (load(name, paragraphs=False) for name in names)
    pa, pb = prepare([a, b])
    linked = [(a.article(p.a).text, b.article(p.b).text) for p in align(a, b).pairs]

    def part(func: Callable[[], object]) -> float:
        times = []
        for _ in range(repeat):
            forget_texts()
            times.append(best_of(func, 1))
        return min(times)

    return {
        "exact article scores": part(lambda: score_matrix(pa.strings, pb.strings)),
        "alignment": part(lambda: align(a, b)),
        "provision labels": part(lambda: [label_treaty(t) for t in (a, b)]),
        "word diffs and flags": part(
            lambda: [
                describe_group({"a": [("1", x)], "b": [("1", y)]}, "a")
                for x, y in linked
            ]
        ),
    }


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


def fresh(args: list[str], repeat: int) -> float:
    """The best wall time of ``repeat`` runs of ``python args`` (a new
    interpreter each time)."""
    run = [sys.executable, *args]
    return best_of(lambda: subprocess.run(run, check=True, capture_output=True), repeat)


def cli_report(fmt: str, repeat: int) -> float:
    """``treatydiff compare pta_312.xml pta_313.xml --format fmt`` in a new
    interpreter, written to a file."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, f"report.{fmt}")
        files = [str(TOTA / f"{name}.xml") for name in ("pta_312", "pta_313")]
        cli = ["-m", "treatydiff", "compare", *files, "--format", fmt, "-o", out]
        return fresh(cli, repeat)


def _cell(t: float | None) -> str:
    return f"{t:.3f} s" if t is not None else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    rows = []
    t_first = set_up()
    a, b = load("pta_312", paragraphs=False), load("pta_313", paragraphs=False)
    size = f"{len(a.articles)} × {len(b.articles)}"
    t_cold = cold(("pta_312", "pta_313"), args.repeat)
    t_compare_cold = cold(("pta_312", "pta_313"), args.repeat, full=False)
    t_difflib = best_of(lambda: difflib_way(a, b), args.repeat)
    t_compare = best_of(lambda: compare(a, b), args.repeat)
    t_warm = best_of(lambda: compare(a, b).to_dict(), args.repeat)
    rows.append(
        (
            "pta_312 vs pta_313 (Turkey–Latvia / –Lithuania)",
            size,
            t_difflib,
            best_of(lambda: rapidfuzz_way(a, b), args.repeat),
            t_compare,
            t_compare_cold,
            t_cold,
            t_warm,
        )
    )
    a, b = load("pta_153", paragraphs=False), load("pta_154", paragraphs=False)
    size = f"{len(a.articles)} × {len(b.articles)}"
    t_cold = cold(("pta_153", "pta_154"), args.repeat)
    rows.append(
        (
            "pta_153 vs pta_154 (EFTA–Colombia / –Peru)",
            size,
            None,
            best_of(lambda: rapidfuzz_way(a, b), args.repeat),
            best_of(lambda: compare(a, b), args.repeat),
            cold(("pta_153", "pta_154"), args.repeat, full=False),
            t_cold,
            best_of(lambda: compare(a, b).to_dict(), args.repeat),
        )
    )
    names = ("pta_149", "pta_150", "pta_155")
    three = [load(n, paragraphs=False) for n in names]
    size = " × ".join(str(len(t.articles)) for t in three)
    t_cold = cold(names, 1)
    rows.append(
        (
            "3-way pta_149, pta_150, pta_155 (Japan–Indonesia / India / Switzerland)",
            size,
            None,
            None,
            best_of(lambda: compare(*three), args.repeat),
            cold(names, 1, full=False),
            t_cold,
            None,
        )
    )
    budgets = {
        ("pta_312", "pta_313"): ("difflib ÷ 50", rows[0][2] / 50, rows[0][6]),
        ("pta_153", "pta_154"): ("the 0.5 s target", 0.5, rows[1][6]),
    }
    split = {names: parts(names, args.repeat) for names in budgets}
    startup = {
        "python -c 'import treatydiff'": fresh(
            ["-c", "import treatydiff"], args.repeat
        ),
        "python -c 'import treatydiff.cli'": fresh(
            ["-c", "import treatydiff.cli"], args.repeat
        ),
        "treatydiff --version": fresh(["-m", "treatydiff", "--version"], args.repeat),
        "treatydiff compare ru-ir-2025 ru-kp-2024 ru-by-2024 (the main job)": fresh(
            ["-m", "treatydiff", "compare", "ru-ir-2025", "ru-kp-2024", "ru-by-2024"],
            args.repeat,
        ),
    }
    cli = {fmt: cli_report(fmt, args.repeat) for fmt in ("text", "html")}
    print(
        f"best of {args.repeat}; {os.cpu_count()} cores; load average "
        f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after\n"
    )
    print(
        "| treaties | articles | difflib all pairs + assignment "
        "| rapidfuzz token_set + assignment | treatydiff compare, repeated "
        "| compare, cold | full compare, cold | full compare, warm |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, size, *times in rows:
        print(f"| {name} | {size} | " + " | ".join(map(_cell, times)) + " |")
    _, _, t_dl, _, t_cmp, t_cmp_cold, t_full_cold, t_full_warm = rows[0]
    assert t_dl and t_cmp and t_cmp_cold and t_full_cold and t_full_warm
    print(
        f"\npta_312 vs pta_313 against the difflib way: compare {t_dl / t_cmp:.0f}× "
        f"repeated, {t_dl / t_cmp_cold:.0f}× cold; full compare cold "
        f"{t_dl / t_full_cold:.0f}×, warm {t_dl / t_full_warm:.0f}×."
    )
    print(
        f"The process's first full comparison (pta_149 vs pta_150, one-time set-up "
        f"included): {t_first:.3f} s."
    )
    print(
        "\nWhere a cold full comparison goes: each part alone, cold (the parts "
        "share some per-text work, so they add up to a little more than the whole)."
        "\n\n| treaties | target | full compare | "
        + " | ".join(next(iter(split.values())))
        + " |\n|---|---:|---:|"
        + "---:|" * len(next(iter(split.values())))
    )
    for names, (what, budget, full) in budgets.items():
        cells = " | ".join(f"{t:.3f} s" for t in split[names].values())
        print(
            f"| {' vs '.join(names)} | {budget:.3f} s ({what}) | {full:.3f} s "
            f"| {cells} |"
        )
    cached = (
        "no bytecode cache: each run compiles treatydiff"
        if sys.dont_write_bytecode
        else "bytecode cached"
    )
    print(f"\n| fresh interpreter ({cached}) | wall time |\n|---|---:|")
    for what, t in startup.items():
        print(f"| {what} | {t:.3f} s |")
    for fmt, t in cli.items():
        print(
            f"| treatydiff compare pta_312.xml pta_313.xml --format {fmt} | {t:.3f} s |"
        )
    a, b = long_article()
    t_long = best_of(lambda: align(a, b), 1)
    size_mb = sum(len(p.text) for p in a.articles[0].paragraphs) / 1e6
    print(
        f"\nalign one article of {size_mb:.1f} MB ({len(a.articles[0].paragraphs)} "
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
