"""The corpus index at scale: a synthetic corpus of ``--scale`` times ToTA
(../shared/corpora/tota/xml), indexed and all-pairs-reused, with peak memory;
with ``--dask``, the same reuse on a ``dask.distributed`` LocalCluster and
whether it gives the identical pair set.

Each ToTA treaty is kept and redrafted ``scale - 1`` times by a seeded,
deterministic generator: every redraft drops about 8% of the articles and
rewords about half of the others (about 12% of their words dropped or
replaced by other words of the treaty), and is signed one year later per
redraft. The files are written to a temporary directory, never the repo.

Run: ``python benchmarks/bench_corpus_scale.py --scale 2`` first, then
``--scale 10 --dask``. Prints Markdown tables; timings include the process
pool's start-up.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from treatydiff.corpus import Corpus

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tota" / "xml"


def _reword(text: str, rng: random.Random, pool: list[str]) -> str:
    words = text.split()
    out = words[:1]
    for word in words[1:-1]:
        roll = rng.random()
        if roll < 0.06:
            continue  # dropped
        out.append(rng.choice(pool) if roll < 0.12 else word)
    return " ".join(out + words[-1:]) if len(words) > 1 else text


def generate(src: Path, out: Path, scale: int, seed: int) -> tuple[int, float]:
    """Write ``scale - 1`` redrafts of every ToTA file in ``src`` to ``out``
    (beside links to the originals); returns files written and seconds."""
    start = time.perf_counter()
    files = 0
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for path in sorted(src.glob("pta_*.xml")):
        (out / path.name).symlink_to(path)
        files += 1
        tree = etree.parse(str(path), parser)
        pool = sorted(
            {
                w
                for el in tree.iter("article")
                for w in "".join(el.itertext()).split()
                if w.isalpha()
            }
        ) or ["text"]
        for k in range(1, scale):
            rng = random.Random(f"{seed}:{path.stem}:{k}")
            variant = copy.deepcopy(tree)
            meta = variant.find("meta")
            if meta is not None:
                for tag in ("treaty_identifier", "wto_rta_id"):
                    for el in meta.findall(tag):
                        meta.remove(el)
                signed = meta.find("date_signed")
                if signed is not None and signed.text and signed.text[:4].isdigit():
                    signed.text = f"{int(signed.text[:4]) + k}{signed.text[4:]}"
            for art in list(variant.iter("article")):
                roll = rng.random()
                if roll < 0.08:
                    art.getparent().remove(art)
                elif roll < 0.58:
                    text = "".join(art.itertext())
                    for child in list(art):
                        art.remove(child)
                    art.text = _reword(text, rng, pool)
            name = f"syn_{path.stem.removeprefix('pta_')}_{k}.xml"
            variant.write(str(out / name), encoding="UTF-8", xml_declaration=True)
            files += 1
    return files, time.perf_counter() - start


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child, MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--threshold", type=float, default=80)
    parser.add_argument("--dask", action="store_true", help="also reuse on Dask")
    parser.add_argument("--keep", help="build in this directory and keep it")
    args = parser.parse_args()
    if not sorted(CORPUS.glob("pta_*.xml")):
        print(f"ToTA corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    work = Path(args.keep or tempfile.mkdtemp(prefix="bench_corpus_scale."))
    src = work / "corpus"
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    db = work / "corpus.sqlite"
    for stale in work.glob("corpus.sqlite*"):
        stale.unlink()
    files, made = generate(CORPUS, src, args.scale, args.seed)
    print(f"{args.scale}x ToTA: {files} files generated in {made:.0f} s (not timed)")
    print()
    print("| step | result | seconds | peak MB (main / largest worker) |")
    print("| --- | --- | ---: | ---: |")

    def row(step: str, result: str, seconds: float) -> None:
        own, child = _peak_mb()
        print(f"| {step} | {result} | {seconds:.0f} | {own:.0f} / {child:.0f} |")
        sys.stdout.flush()

    start = time.perf_counter()
    with Corpus(db) as corpus:
        summary = corpus.update([str(src)], jobs=args.jobs)
    indexed = time.perf_counter() - start
    row(f"index --jobs {args.jobs}", summary.lines()[0], indexed)
    size = sum(p.stat().st_size for p in work.glob("corpus.sqlite*")) / 1e6
    print(f"| index size | {size:.0f} MB | | |")

    with Corpus(db, create=False) as corpus:
        start = time.perf_counter()
        pairs = list(corpus.reuse(threshold=args.threshold, lang="en", jobs=args.jobs))
        reused = time.perf_counter() - start
        row(
            f"reuse --lang en --threshold {args.threshold:g}",
            f"{len(pairs):,} pairs",
            reused,
        )
        copied = corpus.copies(pairs, lang="en")
        print(
            f"| the figure | {len(copied)} treaties take >= 80% of their articles"
            " from a single earlier treaty | | |"
        )
        print(f"| index + reuse | {args.scale}x ToTA | {indexed + reused:.0f} | |")
        if args.dask:
            start = time.perf_counter()
            on_dask = corpus.reuse(
                threshold=args.threshold, lang="en", jobs=args.jobs, engine="dask"
            )
            # Compared pair by pair as they come (not a second list in memory).
            count = 0
            same = True
            for got, want in itertools.zip_longest(on_dask, pairs):
                count += got is not None
                same = same and got == want
            row(
                f"reuse on a Dask LocalCluster ({args.jobs} workers)",
                f"{count:,} pairs, {'identical' if same else 'DIFFERENT'} to the"
                " process pool's",
                time.perf_counter() - start,
            )
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
