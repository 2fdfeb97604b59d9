"""The corpus index on a few real ToTA treaties (skips without ../shared)."""

from __future__ import annotations

from pathlib import Path

from treatydiff.corpus import Corpus


def test_tota_sources_find_the_earlier_template(tota_dir: Path, tmp_path: Path) -> None:
    files = [str(tota_dir / f"pta_{n}.xml") for n in (1, 312, 313)]
    with Corpus(tmp_path / "c.sqlite") as corpus:
        summary = corpus.update(files, jobs=1)
        later = corpus.sources("pta_312")  # signed 1998, after pta_313 (1997)
        earlier = corpus.sources("pta_313")
        hits = corpus.like("pta_312", "1", k=1)
    assert (summary.treaties, summary.failed) == (3, ())
    top = later.sources[0]
    assert (top.treaty, top.signed) == ("pta_313", "1997-06-02")
    assert top.share > 0.7
    assert earlier.sources == ()  # nothing in the index is earlier
    assert hits[0].treaty == "pta_313" and hits[0].score >= 80


def test_tota_reuse_pairs_run_earlier_to_later(tota_dir: Path, tmp_path: Path) -> None:
    files = [str(tota_dir / f"pta_{n}.xml") for n in (312, 313)]
    with Corpus(tmp_path / "c.sqlite") as corpus:
        corpus.update(files, jobs=1)
        pairs = list(corpus.reuse(threshold=80, jobs=1))
    assert len(pairs) >= 28
    assert {(p.a_treaty, p.b_treaty) for p in pairs} == {("pta_313", "pta_312")}
