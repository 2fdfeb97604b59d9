"""What changed between two versions of an act?

Compares the Payment Services Directive (2007/64/EC) with its recast
(2015/2366) from ../shared/corpora/eu-recasts: lists the articles that were
changed, moved, split or merged, those dropped or new, and writes the one-page
HTML report.

    python examples/two_versions.py [REPORT.html] [OLD NEW]

REPORT.html defaults to a file in a temporary directory; OLD and NEW default to
the PSD pair and may be any files treatydiff reads.
"""

import pathlib
import sys
import tempfile

import treatydiff

# ../shared sits beside the repository (this file is in examples/).
SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"
PAIR = SHARED / "corpora/eu-recasts/psd_2007-64_to_2015-2366"


def main() -> None:
    args = sys.argv[1:]
    if len(args) >= 3:
        old_path, new_path = pathlib.Path(args[1]), pathlib.Path(args[2])
    else:
        old_path, new_path = PAIR / "old.txt", PAIR / "new.txt"
    if not (old_path.exists() and new_path.exists()):
        print(f"skipped: ../shared not found ({old_path} is missing)")
        return
    if args:
        report = pathlib.Path(args[0])
    else:
        report = pathlib.Path(tempfile.mkdtemp()) / "two_versions.html"

    old, new = treatydiff.read(old_path), treatydiff.read(new_path)
    alignment = treatydiff.align(old, new)  # links old articles to new ones
    changed, moved, split, merged = [], [], [], []
    for pair in alignment.pairs:  # pair.a, pair.b: "4" or "3+4" for a merge
        link = f"{pair.a} -> {pair.b}"
        if pair.kind == "split":
            split.append(link)
        elif pair.kind == "merge":
            merged.append(link)
        if pair.moved:
            moved.append(link)
        if pair.score < 1:  # the texts differ
            changed.append(link)
    for name, links in [
        ("changed", changed),
        ("moved", moved),
        ("split", split),
        ("merged", merged),
        ("dropped", list(alignment.unmatched_a)),
        ("new", list(alignment.unmatched_b)),
    ]:
        shown = ", ".join(links[:8]) + (", ..." if len(links) > 8 else "")
        print(f"{name:<8} {len(links):>3}  {shown}")

    comparison = treatydiff.compare(old, new)  # the same alignment, plus word diffs
    report.write_text(comparison.render("html"), encoding="utf-8")
    print(f"report: {report}")


if __name__ == "__main__":
    main()
