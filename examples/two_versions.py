"""What changed between two versions of an act?

Compares the Payment Services Directive (2007/64/EC) with its recast
(2015/2366) from ../shared/corpora/eu-recasts: lists the articles that were
changed (modified or only reworded), moved, split or merged, those removed or
added, and writes the one-page HTML report.

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

    try:
        old, new = treatydiff.read(old_path), treatydiff.read(new_path)
        comparison = treatydiff.compare(old, new)  # aligned articles, changes, diffs
    except treatydiff.TreatyDiffError as error:  # unreadable file, same ids, ...
        sys.exit(f"two_versions.py: error: {error}")
    by_change: dict[str, list[str]] = {}
    moved = []
    for group in comparison.to_dict()["groups"]:  # as in `--format json`
        refs = group["members"]  # {"old": ["4"], "new": ["5", "6"]}: a split
        link = f"{'+'.join(refs[old.id]) or '-'} -> {'+'.join(refs[new.id]) or '-'}"
        # change: identical, reworded, modified, added, removed, split, merged, ...
        by_change.setdefault(group["change"], []).append(link)
        if any(group["moved"].values()):  # out of document order
            moved.append(link)
    kinds = ["modified", "reworded", "split", "merged", "regrouped", "added", "removed"]
    for name, links in [
        *((kind, by_change.get(kind, [])) for kind in kinds),
        ("moved", moved),
    ]:
        shown = ", ".join(links[:6]) + (", ..." if len(links) > 6 else "")
        print(f"{name:<9} {len(links):>3}  {shown}")
    print(f"identical {len(by_change.get('identical', [])):>3}")

    report.write_text(comparison.render("html"), encoding="utf-8")
    print(f"report: {report}")


if __name__ == "__main__":
    main()
