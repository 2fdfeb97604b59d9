"""Where did each article of a treaty come from?

Indexes a few agreements of the ToTA corpus (../shared/corpora/tota/xml) into
a temporary SQLite file with the corpus index, then prints the sources of one
of them: the earlier treaties it shares articles with (by share of its
articles), and each article's earliest dated source.

    python examples/article_sources.py [TREATY]     # default: pta_12
"""

import pathlib
import sys
import tempfile

from treatydiff import TreatyDiffError
from treatydiff.corpus import Corpus

# ../shared sits beside the repository (this file is in examples/).
SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"
TOTA = SHARED / "corpora/tota/xml"
# pta_12 (2004) draws on pta_30, which draws on pta_25; pta_13 and pta_16 are
# earlier agreements it might have drawn on too.
FILES = ["pta_12.xml", "pta_30.xml", "pta_25.xml", "pta_13.xml", "pta_16.xml"]


def main() -> None:
    treaty = sys.argv[1] if len(sys.argv) > 1 else "pta_12"
    paths = [TOTA / name for name in FILES]
    if not all(path.exists() for path in paths):
        print(f"skipped: ../shared not found ({TOTA} is missing)")
        return
    with tempfile.TemporaryDirectory() as tmp, Corpus(f"{tmp}/corpus.sqlite") as corpus:
        print(corpus.update(paths, jobs=2).lines()[0])  # the indexing summary
        try:
            report = corpus.sources(treaty)  # similarity >= 80 counts as a source
        except TreatyDiffError as error:  # e.g. a treaty that is not in the index
            sys.exit(f"article_sources.py: error: {error}")
        print(
            f"\n{treaty} (signed {report.signed}): {report.compared} articles compared"
        )
        for source in report.sources:  # earlier treaties, largest share first
            share = f"{source.share:4.0%}"
            print(f"  {share} of its articles in {source.treaty} ({source.signed})")
        print("\narticle  earliest source")
        for article in report.articles:
            if article.source is None:
                print(f"{article.ref:<8} -")
            else:
                print(
                    f"{article.ref:<8} {article.source} art. {article.source_ref}"
                    f" ({article.signed}, similarity {article.score:.0f})"
                )


if __name__ == "__main__":
    main()
