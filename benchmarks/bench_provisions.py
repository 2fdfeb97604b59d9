"""Precision and recall of the provision classifier per security-core kind.

Run: ``python benchmarks/bench_provisions.py``. Three sets:

- **tune**: the fixture clauses the cues were written against;
- **held-out**: fixture clauses written apart from the tuning, in other
  drafting styles (the honest figure);
- **digests**: the restatements in the bundled digests, scored against their
  curated labels at paragraph level (skipped when treatydiff.corpus has no
  bundled treaties).

Prints Markdown tables, the count of look-alikes labelled mutual-defence, the
throughput, and the method's known limits.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path

from treatydiff.model import Label
from treatydiff.provisions import SECURITY_CORE, classify

ROOT = Path(__file__).resolve().parent.parent
CLAUSES = ROOT / "tests" / "fixtures" / "provisions" / "clauses.json"

LIMITS = """\
Known limits of the method (cue rules over sentences, no parser, no model):
- It reads one sentence at a time: a pledge whose trigger sits in another
  sentence ("Such an attack ... In that case the other Party shall ...") is missed
  unless the two share a sentence or an article's paragraphs are one sentence.
- Polarity is the last modality marker before the cue in its clause, or a negation
  bound to the cue; double negation ("shall not fail to assist") and negation far
  from the verb can be misread.
- Triggers need an attack, aggression, war or invasion word; a pledge triggered by
  an "encroachment on security" or similar is not recognised as mutual defence.
- Cues are hand-written stems for English and Russian only; other languages get
  no labels. Paraphrase outside the cue lists (new verbs for "help") is missed.
- The fixture clauses were written by the same author as the cues; held-out
  clauses reduce, but do not remove, that bias. Figures on the digests compare
  with curated labels written by another helper on restatements, not treaty text."""


def _core(labels: Iterable[str]) -> set[str]:
    return set(labels) & set(SECURITY_CORE)


def _score(pairs: list[tuple[set[str], set[str]]]) -> dict[str, tuple[int, int, int]]:
    """kind → (true positives, false positives, false negatives)."""
    counts = {}
    for kind in SECURITY_CORE:
        tp = sum(kind in exp and kind in got for exp, got in pairs)
        fp = sum(kind not in exp and kind in got for exp, got in pairs)
        fn = sum(kind in exp and kind not in got for exp, got in pairs)
        counts[kind] = (tp, fp, fn)
    return counts


def _fmt(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else "–"


def _table(sets: dict[str, list[tuple[set[str], set[str]]]]) -> str:
    names = list(sets)
    head = "| kind | " + " | ".join(f"{n} P | {n} R | {n} n" for n in names) + " |"
    rule = "|---|" + "---:|---:|---:|" * len(names)
    scores = {n: _score(p) for n, p in sets.items()}
    rows = []
    for kind in [*SECURITY_CORE, "all (micro)"]:
        cells = []
        for n in names:
            if kind == "all (micro)":
                tp, fp, fn = (sum(c[i] for c in scores[n].values()) for i in range(3))
            else:
                tp, fp, fn = scores[n][kind]
            cells.append(f"{_fmt(tp, tp + fp)} | {_fmt(tp, tp + fn)} | {tp + fn}")
        rows.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join([head, rule, *rows])


def _fixture_pairs(clauses: list[dict], split: str) -> list[tuple[set[str], set[str]]]:
    pairs = []
    for c in clauses:
        if c["split"] == split:
            got = classify(c["text"], lang=c["lang"])
            pairs.append((_core(c["labels"]), _core(lab.kind for lab in got)))
    return pairs


def _curated(labels: Iterable[Label]) -> list[str]:
    return [lab.kind for lab in labels if lab.source == "curated"]


def _digest_pairs() -> list[tuple[set[str], set[str]]]:
    try:
        from treatydiff import corpus

        treaties = [corpus.load(i) for i in corpus.ids()]
    except Exception:  # no bundled treaties in this checkout
        return []
    pairs = []
    for treaty in treaties:
        for art in treaty.articles:
            if not art.encoded:
                continue
            for para in art.paragraphs:
                curated = _curated(para.labels) or _curated(art.labels)
                if para.full_text and curated:
                    got = classify(para.full_text, lang=treaty.lang)
                    pairs.append((_core(curated), _core(lab.kind for lab in got)))
    return pairs


def main() -> None:
    clauses = json.loads(CLAUSES.read_text(encoding="utf-8"))
    sets = {
        "tune": _fixture_pairs(clauses, "tune"),
        "held-out": _fixture_pairs(clauses, "heldout"),
    }
    digests = _digest_pairs()
    if digests:
        sets["digests"] = digests
    langs = {lang: sum(c["lang"] == lang for c in clauses) for lang in ("en", "ru")}
    print(
        f"Fixture clauses: {len(clauses)} "
        f"({langs['en']} English, {langs['ru']} Russian); "
        f"tune {len(sets['tune'])}, held-out {len(sets['held-out'])}"
        + (f"; digest paragraphs {len(digests)}" if digests else "")
        + ". P = precision, R = recall, n = clauses that carry the kind.\n"
    )
    print(_table(sets))
    lookalikes = [c for c in clauses if c["lookalike"]]
    wrong = [
        c["id"]
        for c in lookalikes
        if "mutual-defence" in {lab.kind for lab in classify(c["text"], lang=c["lang"])}
    ]
    print(
        f"\nLook-alikes labelled mutual-defence: {len(wrong)} of {len(lookalikes)}"
        + (f" ({', '.join(wrong)})" if wrong else "")
    )
    texts = [c["text"] for c in clauses] * 5
    start = time.perf_counter()
    for text in texts:
        classify(text)
    elapsed = time.perf_counter() - start
    print(f"Throughput: {len(texts) / elapsed:,.0f} clauses/s ({len(texts)} clauses)\n")
    print(LIMITS)


if __name__ == "__main__":
    main()
