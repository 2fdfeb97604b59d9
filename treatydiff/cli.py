"""The ``treatydiff`` command line: thin argparse over the library.

Bad input ends with one line ``treatydiff: error: ...`` and exit status 1;
usage mistakes exit 2. Output files are written whole or not at all.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import attrs

from treatydiff import __version__, bundled, formats, provisions, report
from treatydiff.comparison import compare
from treatydiff.errors import TreatyDiffError
from treatydiff.formats.akn import to_akn
from treatydiff.formats.plaintext.writer import to_text
from treatydiff.formats.treatyjson import treaty_to_dict
from treatydiff.model import Article, ChangeKind, Paragraph, Point, Treaty
from treatydiff.output import write_file, write_stdout
from treatydiff.report.formatting import safe

__all__ = ["main"]

_PROG = "treatydiff"


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_PROG, description="Compare international treaties clause by clause."
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="parse a treaty file and print its structure")
    p.add_argument(
        "file", help="treaty file: plain text, HTML, Akoma Ntoso or ToTA XML"
    )
    p.add_argument(
        "--lang", choices=["en", "ru"], help="language (detected if omitted)"
    )
    p.add_argument("--format", choices=["text", "json", "akn"], default="text")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")

    sub.add_parser("list", help="list the bundled treaties")

    p = sub.add_parser("show", help="print a bundled treaty, or one of its clauses")
    p.add_argument("id", help="bundled treaty id (see 'treatydiff list')")
    p.add_argument(
        "ref", nargs="?", help="a clause only: article, paragraph or point (3.3, 4.2.b)"
    )
    p.add_argument(
        "--format",
        choices=["text", "json", "akn"],
        default="text",
        help="%(choices)s (a clause: text or json)",
    )
    p.add_argument("-o", "--output", help="write to this file instead of stdout")

    sub.add_parser("provisions", help="list the provision kinds and their definitions")

    p = sub.add_parser(
        "fetch", help="download a treaty from the publication URLs its digest records"
    )
    p.add_argument("id", help="bundled treaty id (see 'treatydiff list')")
    p.add_argument("--refresh", action="store_true", help="download again, not cached")
    p.add_argument("-o", "--output", help="save the downloaded page to this file")

    p = sub.add_parser("compare", help="align two or more treaties and report")
    p.add_argument(
        "treaties",
        nargs="+",
        metavar="TREATY",
        help="bundled id, file path, http(s) URL, or ID=FILE / ID=URL (an official "
        "text in a digest's place)",
    )
    p.add_argument(
        "--format",
        choices=list(report.FORMATS),
        default="text",
        help="report format: %(choices)s (default: %(default)s; csv: the "
        "provision matrix, one row per provision and treaty)",
    )
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.add_argument(
        "--base", help="treaty id to diff the others against (default: first)"
    )
    p.add_argument(
        "--only",
        metavar="KIND",
        choices=[kind.value for kind in ChangeKind],  # a usage error, before any work
        help="show only groups of this change kind: %(choices)s",
    )
    p.add_argument("--changed", action="store_true", help="hide identical groups")
    return parser


def _write(text: str | bytes, output: str | None) -> None:
    """Print, or write ``output`` whole (see :mod:`treatydiff.output`); bytes
    are written as they are."""
    if output is None:
        write_stdout(text if isinstance(text, str) else text.decode("utf-8", "replace"))
    else:
        write_file(text, output)


def _render_treaty(treaty: Treaty, fmt: str) -> str:
    if fmt == "json":
        data = treaty_to_dict(provisions.label_treaty(treaty))
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if fmt == "akn":
        return to_akn(treaty).decode("utf-8")
    # Terminal escapes in a treaty's text are shown, never obeyed.
    if treaty.kind == "digest":
        return safe(_digest_banner(treaty) + to_text(treaty))
    return safe(to_text(treaty))


def _digest_banner(treaty: Treaty) -> str:
    encoded, total = treaty.coverage
    shown = "?" if total is None else total
    return (
        f"[treatydiff digest {treaty.id}: "
        "the project's own restatement of each article,"
        f" NOT the official text. {encoded} of {shown} articles encoded; an article"
        " heading with no text below it is a placeholder whose content is not"
        " encoded. Sources: treatydiff show ID --format json.]\n\n"
    )


def _cmd_show(args: argparse.Namespace) -> str:
    treaty = bundled.load(args.id)
    if args.ref is None:
        return _render_treaty(treaty, args.format)
    found = treaty.find(args.ref)
    if isinstance(found, Article):
        text = found.text
    elif isinstance(found, Paragraph):
        text = found.full_text
    elif isinstance(found, Point):
        text = found.text
    else:
        text = found
    if args.format == "json":
        data = {"treaty": treaty.id, "ref": args.ref, "text": text}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    digest = " (digest: the project's restatement, not the official text)"
    kind = digest if treaty.kind == "digest" else ""
    return safe(f"{treaty.id} {args.ref}{kind}\n{text}\n")


def _unique_ids(treaties: list[Treaty], args: Sequence[str]) -> list[Treaty]:
    """Treaties read from files whose names give the same id (``v1/treaty.txt``,
    ``v2/treaty.txt``) get ids from their paths (``v1/treaty``, ``v2/treaty``)."""
    ids = [t.id for t in treaties]
    out = []
    for treaty, arg in zip(treaties, args, strict=True):
        path = Path(arg)
        if ids.count(treaty.id) > 1 and "=" not in arg and path.is_file():
            parts = path.with_suffix("").parts
            others = [Path(a).with_suffix("").parts for a in args if a != arg]
            for n in range(2, len(parts) + 1):
                if all(o[-n:] != parts[-n:] for o in others):
                    treaty = attrs.evolve(treaty, id="/".join(parts[-n:]))
                    break
        out.append(treaty)
    return out


def _cmd_parse(args: argparse.Namespace) -> str:
    return _render_treaty(formats.read(args.file, lang=args.lang), args.format)


def _cmd_list(_: argparse.Namespace) -> str:
    rows = [("ID", "DATE", "ARTICLES", "COVERAGE", "TITLE")]
    for treaty_id in bundled.ids():
        t = bundled.load(treaty_id)
        encoded, total = t.coverage
        shown = "?" if total is None else str(total)
        rows.append(
            (t.id, t.signed_date or "", shown, f"{encoded}/{shown}", t.title or "")
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True))
        + "  "
        + row[4]
        + "\n"
        for row in rows
    )


def _cmd_fetch(args: argparse.Namespace) -> str:
    found = bundled.fetch(args.id, refresh=args.refresh)
    if args.output is not None:
        _write(found.page.data, args.output)
    saved = args.output or str(found.page.path)
    role = found.place.get("role") or "copy"
    return (
        f"{args.id}: {len(found.treaty.articles)} articles from {found.page.url} "
        f"({found.place['publisher']}; {role}), sha256 {found.page.sha256[:12]}\n"
        f"saved at {saved}\n"
        f"compare it with: treatydiff compare {args.id}={saved} ...\n"
    )


def _cmd_provisions(_: argparse.Namespace) -> str:
    width = max((len(k) for k in provisions.TAXONOMY), default=0)
    return "".join(
        f"{kind.ljust(width)}  {definition}\n"
        for kind, definition in provisions.TAXONOMY.items()
    )


class _Progress:
    """A one-line progress bar on stderr; silent when stderr is not a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.live = sys.stderr.isatty()

    def step(self, label: str) -> None:
        if not self.live:
            return
        self.done += 1
        filled = round(20 * self.done / self.total)
        bar = "#" * filled + "." * (20 - filled)
        sys.stderr.write(f"\r[{bar}] {self.done}/{self.total} {label[:50]:<50}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.live:
            sys.stderr.write("\r" + " " * 80 + "\r")
            sys.stderr.flush()


def _cmd_compare(args: argparse.Namespace) -> str:
    progress = _Progress(len(args.treaties) + 2)
    try:
        treaties = []
        for arg in args.treaties:
            progress.step(f"reading {arg}")
            treaties.append(bundled.resolve(arg))
        treaties = _unique_ids(treaties, args.treaties)
        progress.step("aligning")
        comparison = compare(*treaties, base=args.base)
        progress.step("rendering")
        color = args.output is None and args.format == "text" and sys.stdout.isatty()
        return report.render(
            comparison,
            args.format,
            color=color,
            only=args.only,
            changed_only=args.changed,
        )
    finally:
        progress.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command == "compare" and len(args.treaties) < 2:
        parser.error("compare needs at least two treaties")  # exits 2
    if args.command == "show" and args.ref and args.format == "akn":
        parser.error("show ID REF prints a clause as text or json, not akn")
    try:
        if args.command == "parse":
            out = _cmd_parse(args)
        elif args.command == "show":
            out = _cmd_show(args)
        elif args.command == "list":
            out = _cmd_list(args)
        elif args.command == "provisions":
            out = _cmd_provisions(args)
        elif args.command == "fetch":
            out = _cmd_fetch(args)
            args.output = None  # the page went to --output; the summary to stdout
        else:
            out = _cmd_compare(args)
        _write(out, getattr(args, "output", None))
    except TreatyDiffError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, no flush at exit.
        if sys.stdout is not None:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}")
    except KeyboardInterrupt:
        return _fail("interrupted", status=130)
    except (MemoryError, RecursionError) as exc:
        return _fail(f"input too large or too deeply nested ({type(exc).__name__})")
    return 0


def _fail(message: str, *, status: int = 1) -> int:
    """Print the one error line (control characters escaped); return ``status``."""
    if sys.stderr is not None:
        print(f"{_PROG}: error: {safe(message)}", file=sys.stderr)
    return status
