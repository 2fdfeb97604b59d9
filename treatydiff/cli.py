"""The ``treatydiff`` command line: thin argparse over the library.

Bad input ends with one line ``treatydiff: error: ...`` and exit status 1;
usage mistakes exit 2. Output files are written whole or not at all.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

import attrs

from treatydiff import __version__
from treatydiff.errors import InvalidArgument, TreatyDiffError
from treatydiff.model import ChangeKind, Strength, Treaty
from treatydiff.output import (
    check_target,
    safe,
    write_chunks,
    write_file,
    write_stdout,
)

# The rest of the package is imported by the command that runs it (start-up
# time: a report loads SciPy and the cue tables, ``--version`` nothing).

__all__ = ["main"]

_PROG = "treatydiff"


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage mistake as one error line (and exit status 2)."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix(_PROG).strip()
        where = f"{command}: " if command else ""
        hint = f"see '{self.prog} --help'"
        self.exit(2, f"{_PROG}: error: {_one_line(where + message)} ({hint})\n")


def _build_parser(command: str | None) -> argparse.ArgumentParser:
    """The parser. The options of ``compare`` and of ``index``/``reuse``
    import what those commands run, so they are made only when ``command``
    (the subcommand invoked) is one of them: ``--version`` imports nothing."""
    parser = _Parser(
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
    if command == "compare":
        _compare_options(p)
    _corpus_parsers(sub, command)
    return parser


def _compare_options(p: argparse.ArgumentParser) -> None:
    from treatydiff import report

    p.add_argument(
        "treaties",
        nargs="+",
        metavar="TREATY",
        help="bundled id, file path, http(s) URL, or ID=FILE / ID=URL (the file "
        "with that id; with a bundled id, an official text in the digest's place)",
    )
    p.add_argument(
        "--format",
        choices=list(report.FORMATS),
        default="text",
        help="report format: %(choices)s (default: %(default)s; csv: the "
        "provision matrix, one row per provision and treaty; svg: the alignment "
        "map of the base with each other treaty)",
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
    p.set_defaults(usage_error=p.error)  # compare's usage mistakes show its usage
    p.add_argument(
        "--strength",
        metavar="STRENGTH",
        choices=[s.value for s in Strength],
        help="matrix: only the provision labels of this strength: %(choices)s",
    )
    p.add_argument(
        "--provision",
        metavar="KIND",
        help="only this provision, treaty by treaty: the clause with its evidence "
        "marked, or the absence with its source and the nearest candidate's text "
        "(text, md or html; kinds: 'treatydiff provisions')",
    )


def _corpus_parsers(sub: Any, command: str | None) -> None:
    def db(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--db", required=True, type=_file_name, help="the index (an SQLite file)"
        )

    def engine(p: argparse.ArgumentParser) -> None:
        if command != p.prog.split()[-1]:
            return
        from treatydiff.corpus import Engine

        p.add_argument("--jobs", type=int, help="workers (default: all cores)")
        p.add_argument("--engine", choices=[e.value for e in Engine], default="process")
        p.add_argument("--scheduler", help="address of a running Dask scheduler")

    p = sub.add_parser("index", help="build or update a corpus index")
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="treaty file, directory or bundled id"
    )
    db(p)
    engine(p)

    p = sub.add_parser("search", help="articles of the index similar to a text")
    p.add_argument("text", nargs="?", help="text of a clause (or a keyword query)")
    p.add_argument("--like", metavar="TREATY:REF", help="an indexed article instead")
    p.add_argument("--keyword", action="store_true", help="FTS5 keyword search")
    p.add_argument("-k", type=_positive, default=10, help="results (default 10)")
    db(p)
    p.add_argument("--format", choices=["text", "json", "csv"], default="text")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")

    p = sub.add_parser("sources", help="earlier treaties a treaty's articles come from")
    p.add_argument("treaty", help="treaty id in the index")
    p.add_argument("--threshold", type=_score, default=80.0)
    db(p)
    p.add_argument("--format", choices=["text", "json", "csv"], default="text")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")

    p = sub.add_parser("reuse", help="all article pairs above a similarity")
    p.add_argument("--threshold", type=_score, default=80.0)
    p.add_argument("--lang", help="only treaties in this language")
    p.add_argument(
        "--share",
        type=_share,
        default=0.8,
        help="the corpus figure: treaties taking this share from one (default 0.8)",
    )
    p.add_argument(
        "--aligned",
        metavar="FILE",
        help="also align the treaty pairs that reuse at least --align-share of "
        "either one's articles, and write which article became which to FILE "
        "(in --format)",
    )
    p.add_argument(
        "--align-share",
        type=_share,
        default=0.5,
        metavar="SHARE",
        help="treaty pairs aligned for --aligned (default 0.5)",
    )
    db(p)
    engine(p)
    p.add_argument(
        "--format",
        choices=["csv", "json", "parquet"],
        default="csv",
        help="pairs are written as they come, never all held at once "
        "(parquet: in row groups of 1,048,576; needs -o)",
    )
    p.add_argument(
        "-o", "--output", help="write to this file (whole or not at all), not stdout"
    )
    p.set_defaults(usage_error=p.error)

    p = sub.add_parser("census", help="provision x treaty matrix of the index")
    p.add_argument(
        "--provision", action="append", metavar="KIND", help="only this kind"
    )
    db(p)
    p.add_argument("--format", choices=["text", "json", "csv", "html"], default="csv")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")


def _positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= _LARGEST:
        raise argparse.ArgumentTypeError(
            f"must be a number from 1 to {_LARGEST}, not {value!r}"
        )
    return number


_LARGEST = 2**63 - 1  # the largest SQLite integer


def _file_name(value: str) -> str:
    """An argparse type: a file name that is not empty (SQLite takes ``''``
    for a temporary database, thrown away at the end)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("must name a file, not be empty")
    return value


def _between(top: float) -> Callable[[str], float]:
    """An argparse type: a number from 0 to ``top`` (NaN refused)."""

    def number_in_range(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not 0 <= number <= top:  # NaN too
            raise argparse.ArgumentTypeError(
                f"must be between 0 and {top:g}, not {value!r}"
            )
        return number

    return number_in_range


_share = _between(1)  # a share of articles
_score = _between(100)  # a similarity


def _write(text: str | bytes, output: str | None) -> None:
    """Print, or write ``output`` whole (see :mod:`treatydiff.output`); bytes
    are written as they are."""
    if output is None:
        write_stdout(text if isinstance(text, str) else text.decode("utf-8", "replace"))
    else:
        write_file(text, output)


def _render_treaty(treaty: Treaty, fmt: str) -> str:
    from treatydiff.formats.akn import to_akn
    from treatydiff.formats.plaintext.writer import to_text
    from treatydiff.formats.treatyjson import treaty_to_dict

    if fmt == "json":
        from treatydiff.provisions import label_treaty  # the cue tables, now

        data = treaty_to_dict(label_treaty(treaty))
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
    from treatydiff import bundled

    treaty = bundled.load(args.id)
    if args.ref is None:
        return _render_treaty(treaty, args.format)
    text = treaty.clause_text(args.ref)
    if args.format == "json":
        data = {"treaty": treaty.id, "ref": args.ref, "text": text}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    digest = " (digest: the project's restatement, not the official text)"
    kind = digest if treaty.kind == "digest" else ""
    return safe(f"{treaty.id} {args.ref}{kind}\n{text}\n")


def _unique_ids(treaties: list[Treaty], args: Sequence[str]) -> list[Treaty]:
    """Treaties read from files whose names give the same id (``v1/treaty.txt``,
    ``v2/treaty.txt``) get ids from their paths (``v1/treaty``, ``v2/treaty``),
    or from their names when only the extension differs (``treaty.txt``)."""
    ids = [t.id for t in treaties]
    out = []
    for treaty, arg in zip(treaties, args, strict=True):
        if ids.count(treaty.id) > 1 and "=" not in arg and Path(arg).is_file():
            others = [Path(a) for a in args if a != arg]
            treaty = attrs.evolve(treaty, id=_path_id(Path(arg), others) or treaty.id)
        out.append(treaty)
    return out


def _path_id(path: Path, others: list[Path]) -> str | None:
    """The shortest end of ``path`` (without, then with its extension) that
    ends none of ``others``."""
    for strip, first in ((True, 2), (False, 1)):

        def tail(p: Path, n: int, strip: bool = strip) -> tuple[str, ...]:
            return (p.with_suffix("") if strip else p).parts[-n:]

        for n in range(first, len(path.parts) + 1):
            if all(tail(o, n) != tail(path, n) for o in others):
                return "/".join(tail(path, n))
    return None


def _cmd_parse(args: argparse.Namespace) -> str:
    from treatydiff import formats

    return _render_treaty(formats.read(args.file, lang=args.lang), args.format)


def _cmd_list(_: argparse.Namespace) -> str:
    from treatydiff import bundled

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
    from treatydiff import bundled

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
    from treatydiff.provisions import TAXONOMY

    width = max((len(k) for k in TAXONOMY), default=0)
    return "".join(
        f"{kind.ljust(width)}  {definition}\n" for kind, definition in TAXONOMY.items()
    )


def _is_terminal(stream: TextIO | None) -> bool:
    """Whether ``stream`` is open on a terminal (a closed one is ``None``)."""
    return stream is not None and not stream.closed and stream.isatty()


class _Progress:
    """A one-line progress bar on stderr; silent when stderr is not a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.live = _is_terminal(sys.stderr)

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
    from treatydiff import bundled, report
    from treatydiff.comparison import compare

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
        color = (
            args.output is None and args.format == "text" and _is_terminal(sys.stdout)
        )
        if args.provision is not None:
            return report.render_provision(
                comparison, args.provision, args.format, strength=args.strength
            )
        return report.render(
            comparison,
            args.format,
            color=color,
            only=args.only,
            changed_only=args.changed,
            strength=args.strength,
        )
    finally:
        progress.close()


def _cmd_index(args: argparse.Namespace) -> str:
    from treatydiff import corpus

    bar: _Progress | None = None

    def progress(done: int, total: int, source: str) -> None:
        nonlocal bar
        if bar is None:
            bar = _Progress(total)
        bar.step(Path(source).name)

    with corpus.Corpus(args.db) as index:
        try:
            summary = index.update(
                args.paths,
                jobs=args.jobs,
                engine=args.engine,
                scheduler=args.scheduler,
                progress=progress,
            )
        finally:
            if bar is not None:
                bar.close()
    return "".join(line + "\n" for line in summary.lines())


def _split_like(value: str) -> tuple[str, str]:
    treaty, sep, ref = value.rpartition(":")
    if not sep or not treaty or not ref:
        raise InvalidArgument(f"--like takes TREATY:REF, not {value!r}")
    return treaty, ref


def _cmd_search(args: argparse.Namespace) -> str:
    from treatydiff import corpus
    from treatydiff.corpus.tables import render_rows

    if (args.text is None) == (args.like is None):
        raise InvalidArgument("search takes a TEXT or --like TREATY:REF (one of them)")
    with corpus.Corpus(args.db, create=False) as index:
        if args.like is not None:
            hits = index.like(*_split_like(args.like), k=args.k)
        elif args.keyword:
            hits = index.keyword(args.text, k=args.k)
        else:
            hits = index.search(args.text, k=args.k)
    rows = [h.as_row() for h in hits]
    return render_rows(rows, args.format, columns=_HIT_COLUMNS)


_HIT_COLUMNS = ("treaty", "ref", "heading", "signed", "score", "labels")


def _cmd_sources(args: argparse.Namespace) -> str:
    from treatydiff import corpus
    from treatydiff.corpus.tables import render_rows

    with corpus.Corpus(args.db, create=False) as index:
        found = index.sources(args.treaty, threshold=args.threshold)
    if args.format == "json":
        data = {
            "treaty": found.treaty,
            "signed": found.signed,
            "compared": found.compared,
            "threshold": found.threshold,
            "sources": [s.as_row() for s in found.sources],
            "articles": [a.as_row() for a in found.articles],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.format == "csv":
        return render_rows([a.as_row() for a in found.articles], "csv")
    head = (
        f"{found.treaty} (signed {found.signed or 'unknown'}): {found.compared} "
        f"articles compared, similarity >= {found.threshold:g}\n\n"
    )
    shares = render_rows(
        [s.as_row() for s in found.sources],
        "text",
        columns=("source", "signed", "articles", "share"),
    )
    arts = render_rows([a.as_row() for a in found.articles], "text")
    return head + shares + "\nearliest dated source of each article:\n" + arts


def _cmd_reuse(args: argparse.Namespace) -> None:
    from treatydiff import corpus
    from treatydiff.corpus.tables import json_chunks, require_parquet, write_parquet
    from treatydiff.report.table import csv_chunks

    if args.format == "parquet" and args.output is None:
        args.usage_error("--format parquet needs -o FILE")  # exits 2
    if args.format == "parquet":
        require_parquet()
    if args.aligned is not None:
        check_target(args.aligned)  # before any pair is written
    run = {"jobs": args.jobs, "engine": args.engine, "scheduler": args.scheduler}
    tally = corpus.ReuseTally()
    with corpus.Corpus(args.db, create=False) as index:
        pairs = tally.count(
            index.reuse(threshold=args.threshold, lang=args.lang, **run)
        )
        rows = (p.as_row() for p in pairs)
        if args.format == "parquet":
            write_parquet(rows, args.output, columns=_PAIR_COLUMNS)
        elif args.format == "csv":
            write_chunks(csv_chunks(rows, _PAIR_COLUMNS), args.output)
        else:
            write_chunks(json_chunks(rows), args.output)
        copied = index.copies(tally, share=args.share, lang=args.lang)
        links = (
            []
            if args.aligned is None
            else [
                c.as_row()
                for c in index.aligned(
                    tally, share=args.align_share, lang=args.lang, **run
                )
            ]
        )
    print(
        f"{tally.pairs} article pairs with similarity >= {args.threshold:g}; "
        f"{len(copied)} treaties take >= {args.share:.0%} of their articles "
        "from a single earlier treaty",
        file=sys.stderr,
    )
    if args.aligned is not None:
        aligned_pairs = len({(r["a_treaty"], r["b_treaty"]) for r in links})
        print(
            f"{aligned_pairs} treaty pairs reusing >= {args.align_share:.0%} of "
            f"either one's articles aligned: {len(links)} links in {args.aligned}",
            file=sys.stderr,
        )
        _write_rows(links, args.format, args.aligned, _LINK_COLUMNS)


def _write_rows(
    rows: list[dict[str, Any]], fmt: str, output: str, columns: tuple[str, ...]
) -> None:
    from treatydiff.corpus.tables import render_rows, write_parquet

    if fmt == "parquet":
        write_parquet(rows, output, columns=columns)
    else:
        write_file(render_rows(rows, fmt, columns=columns), output)


_LINK_COLUMNS = (
    "a_treaty",
    "b_treaty",
    "share",
    "a_ref",
    "b_ref",
    "link",
    "score",
    "moved",
)
_PAIR_COLUMNS = ("a_treaty", "a_ref", "b_treaty", "b_ref", "score")


def _cmd_census(args: argparse.Namespace) -> str:
    from treatydiff import corpus
    from treatydiff.corpus.tables import render_rows

    with corpus.Corpus(args.db, create=False) as index:
        rows = [r.as_row() for r in index.census(args.provision)]
    return render_rows(
        rows,
        args.format,
        columns=("treaty", "signed", "parties", *(args.provision or ())),
        title="treatydiff provision census",
    )


_COMMANDS: dict[str, Callable[[argparse.Namespace], str | None]] = {
    "census": _cmd_census,
    "index": _cmd_index,
    "reuse": _cmd_reuse,
    "search": _cmd_search,
    "sources": _cmd_sources,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    words = sys.argv[1:] if argv is None else list(argv)
    command = words[0] if words and not words[0].startswith("-") else None
    parser = _build_parser(command)
    args = parser.parse_args(words)
    if args.command == "compare" and len(args.treaties) < 2:
        args.usage_error("compare needs at least two treaties")  # exits 2
    if args.command == "compare" and args.provision is not None:
        _check_provision(args)
    if args.command == "show" and args.ref and args.format == "akn":
        parser.error("show ID REF prints a clause as text or json, not akn")
    out: str | None
    previous = _on_term(_terminator(os.getpid()))
    try:
        if getattr(args, "output", None) is not None:
            check_target(args.output)  # before the work, not after it
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
        elif args.command in _COMMANDS:
            out = _COMMANDS[args.command](args)
        else:
            out = _cmd_compare(args)
        if out is not None:
            _write(out, getattr(args, "output", None))
    except TreatyDiffError as exc:
        return _fail(str(exc))
    except BrokenPipeError:
        # The reader went away (``| head``): it has all it wanted, so stop
        # quietly with success (issue 13), no flush at exit.
        if sys.stdout is not None:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}")
    except KeyboardInterrupt:
        return _fail("interrupted", status=130)
    except _Terminated:
        return _fail("terminated", status=128 + signal.SIGTERM)
    except (MemoryError, RecursionError) as exc:
        return _fail(f"input too large or too deeply nested ({type(exc).__name__})")
    except Exception as exc:  # the last guard of the one-line contract
        return _fail(_unexpected(exc))
    finally:
        if previous is not None:
            _on_term(previous)
    return 0


class _Terminated(BaseException):
    """SIGTERM while a command runs: it unwinds as Ctrl-C does, so pool
    workers are stopped and no half-written output is left."""


def _terminator(pid: int) -> Callable[[int, object], None]:
    """The SIGTERM handler of process ``pid``. A pool worker forked from it
    inherits the handler, but must end on SIGTERM as before: the pool stops
    its workers so (a broken pool, shut down) and waits for them."""

    def terminate(signum: int, frame: object) -> None:
        if os.getpid() != pid:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        raise _Terminated

    return terminate


def _on_term(handler: Any) -> Any:
    """Set the SIGTERM handler and return the one it replaces (``SIG_DFL``
    for one not set from Python); outside the main thread, which may not,
    set nothing and return ``None``."""
    if threading.current_thread() is not threading.main_thread():
        return None
    previous = signal.signal(signal.SIGTERM, handler)
    return signal.SIG_DFL if previous is None else previous


def _unexpected(exc: Exception) -> str:
    """The error line for an exception no command turned into a
    :class:`TreatyDiffError`: a damaged or locked corpus index (SQLite), a
    worker process that died, anything else unforeseen."""
    if type(exc).__module__ == "sqlite3":
        return (
            f"corpus index: {exc}; the file may be damaged, locked by another "
            "run or read-only: rebuild it with 'treatydiff index'"
        )
    if type(exc).__name__ == "BrokenProcessPool":
        return "a worker process ended abruptly (out of memory or killed?)"
    return f"unexpected {type(exc).__name__}: {exc}"


def _check_provision(args: argparse.Namespace) -> None:
    """Usage errors of ``compare --provision`` (exit 2): an unknown kind, with
    the known ones listed, or a format the provision view has not."""
    from treatydiff import provisions, report

    if args.provision not in provisions.TAXONOMY:
        known = ", ".join(provisions.TAXONOMY)
        args.usage_error(
            f"unknown provision kind {args.provision!r}; known kinds: {known}"
        )
    if args.format not in report.PROVISION_FORMATS:
        formats = ", ".join(report.PROVISION_FORMATS)
        args.usage_error(f"--provision prints {formats}, not {args.format}")


def _fail(message: str, *, status: int = 1) -> int:
    """Print the one error line (control characters escaped); return ``status``."""
    if sys.stderr is not None:
        print(f"{_PROG}: error: {_one_line(message)}", file=sys.stderr)
    return status


def _one_line(message: str) -> str:
    """``message`` with control characters, line breaks and tabs escaped."""
    line = safe(message).replace("\t", "\\t").replace("\n", "\\n")
    return line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
