"""ToTA treaties rendered as official publications print them, parsed back.

    python benchmarks/published.py

Forty English ToTA treaties (:data:`SELECTION`: every tenth English file by
number, from pta_1) are each rendered in one of several publication styles,
chosen by the treaty's place in the selection: article numbers in Arabic
figures, Roman numerals of any size (``ARTICLE CLXXXVIII``) or words
(``Article Twenty-One``, below 100 articles); the keyword as written or in
capitals; headings on their own line or inline (``Article 5. Definitions``,
``ARTICLE V - DEFINITIONS``), as written or in capitals; the treaty's chapter
and part lines; a title and a preamble; the closing formula and signature
blocks (``For the Government of ...: NAME``); page numbers between articles.
:func:`treatydiff.parse` must give back every article exact (its ref, its
heading, its text word for word) and the treaty intact (no word lost or
invented: division headings, preamble and closing are accounted for). The
script prints the count of treaties that pass; ``tests/test_parse_published.py``
holds the same check to the README's target.

    python benchmarks/published.py --styles 12   # each of the 40 in 12 styles
    python benchmarks/published.py --others      # every other English ToTA file
    # (a treaty whose ToTA text keeps the next article's heading alone on a line
    # inside an article is left out, with its reason: see tota_defect)
    python benchmarks/published.py --russian     # Статья 12, Статья 12¹, ...
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import attrs

from treatydiff import parse
from treatydiff.formats.tota import read_tota
from treatydiff.model import Division, Paragraph, Treaty
from treatydiff.vocabulary.numerals import int_to_roman

__all__ = ["SELECTION", "check", "render"]

#: Every tenth English ToTA file by number (pta_1, pta_11, ...), leaving out the
#: files whose ToTA segmentation is itself defective (tests/test_parse_tota.py).
SELECTION = (
    "pta_1",
    "pta_11",
    "pta_25",
    "pta_37",
    "pta_47",
    "pta_58",
    "pta_69",
    "pta_80",
    "pta_92",
    "pta_102",
    "pta_113",
    "pta_124",
    "pta_134",
    "pta_145",
    "pta_156",
    "pta_168",
    "pta_178",
    "pta_188",
    "pta_198",
    "pta_208",
    "pta_218",
    "pta_228",
    "pta_238",
    "pta_250",
    "pta_261",
    "pta_271",
    "pta_281",
    "pta_291",
    "pta_301",
    "pta_311",
    "pta_322",
    "pta_332",
    "pta_345",
    "pta_355",
    "pta_365",
    "pta_375",
    "pta_388",
    "pta_398",
    "pta_411",
    "pta_423",
)

_UNITS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def in_words(n: int) -> str:
    """``n`` (1-99) in English words, hyphenated: ``twenty-one``."""
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_UNITS[unit]}" if unit else "")


@attrs.frozen
class Style:
    """How one publication prints a treaty."""

    numbers: str  # "arabic", "roman", "words" or "inserted" (see numbering)
    upper_keyword: bool
    heading: str  # "line" or an inline separator: ". ", " - ", " – ", ": "
    upper_heading: bool
    page_numbers: bool
    signatures_on_one_line: bool
    keyword: str = "Article"


def style_for(position: int, treaty: Treaty) -> Style:
    """The style of the treaty at ``position`` in the selection (words only
    below 100 articles: publications spell no hundreds)."""
    numbers = ("roman", "words", "arabic")[position % 3]
    if numbers == "words" and len(treaty.articles) >= 100:
        numbers = "roman"
    return Style(
        numbers=numbers,
        upper_keyword=position % 2 == 0,
        heading=("line", ". ", " - ", "line", " – ", ": ")[position % 6],
        upper_heading=position % 4 in (1, 2),
        page_numbers=position % 5 in (0, 3),
        signatures_on_one_line=position % 2 == 1,
    )


def _number(n: int, style: Style) -> str:
    if style.numbers == "roman":
        return int_to_roman(n).upper()
    if style.numbers == "words":
        words = in_words(n)
        return words.upper() if style.upper_keyword else words.title()
    return str(n)


def numbering(count: int, style: Style) -> list[tuple[str, str]]:
    """(number as printed, the ref it parses to) for ``count`` articles. With
    "inserted", every sixth article is one inserted after the article before
    it, as amended Russian texts number them: ``12¹`` after ``12``, ref
    ``12.1``."""
    if style.numbers != "inserted":
        return [(_number(n, style), str(n)) for n in range(1, count + 1)]
    out, base = [], 0
    for k in range(count):
        if k % 6 == 5 and base:
            out.append((f"{base}¹", f"{base}.1"))
        else:
            base += 1
            out.append((str(base), str(base)))
    return out


def _division_lines(divisions: tuple[Division, ...]) -> dict[str, list[str]]:
    """The division lines to print before each article ref (outer first)."""
    lines: dict[str, list[str]] = {}

    def walk(divs: tuple[Division, ...]) -> None:
        for div in divs:
            first = div.articles[0] if div.articles else None
            if first is not None and div.num:
                head = f"{div.kind.upper()} {div.num}"
                lines.setdefault(first, []).append(
                    head + (f"\n{div.heading.upper()}" if div.heading else "")
                )
            walk(div.divisions)

    walk(divisions)
    return lines


def _parties(treaty: Treaty) -> list[str]:
    names = [p.strip() for p in re.split(r"\s+-\s+|\s*,\s*", treaty.title or "")]
    return [p for p in names if p][:2] or ["the First Party", "the Second Party"]


def render(treaty: Treaty, style: Style) -> str:
    """``treaty`` as a publication in ``style`` prints it."""
    out = [(treaty.title or "Agreement").upper()]
    out.append(treaty.preamble or "The Parties,\n\nHAVE AGREED AS FOLLOWS:")
    divisions = _division_lines(treaty.divisions)
    keyword = style.keyword.upper() if style.upper_keyword else style.keyword
    nums = numbering(len(treaty.articles), style)
    for n, (art, (num, _)) in enumerate(zip(treaty.articles, nums, strict=True), 1):
        out += divisions.get(art.ref, [])
        head = f"{keyword} {num}"
        heading = art.heading and " ".join(art.heading.split())
        if heading and style.upper_heading:
            heading = heading.upper()
        if heading and style.heading == "line":
            head += f"\n{heading}"
        elif heading:
            head += f"{style.heading}{heading}"
        out.append(f"{head}\n{art.text}")
        if style.page_numbers and n % 4 == 0:
            out.append(f"- {n // 4 + 1} -")
    closing = treaty.closing or (
        "DONE at Geneva, this first day of June 1998, in two originals "
        "in the English language, both texts being equally authentic."
    )
    out.append(closing)
    for k, party in enumerate(_parties(treaty)):
        name = f"{'AB'[k]}. {('Smith', 'Petrov')[k]}"
        gap = " " if style.signatures_on_one_line else "\n"
        out.append(f"For the Government of {party}:{gap}{name}")
    return "\n\n".join(out)


# Words of three letters or more; paragraph and point labels ("1.", "(a)",
# "(iv)") and other short tokens are left out on both sides.
_WORD_RE = re.compile(r"\w{3,}")
_LABELS = frozenset(
    [str(n) for n in range(1000)]
    + [
        r + u
        for r in ("", "x", "xx", "xxx", "xl", "l")
        for u in ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
    ]
)


def words(text: str | None) -> list[str]:
    return [w for w in _WORD_RE.findall((text or "").casefold()) if w not in _LABELS]


def _fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _division_words(divisions: tuple[Division, ...]) -> Iterator[str]:
    for div in divisions:
        yield from words(f"{div.kind} {div.num or ''} {div.heading or ''}")
        yield from _division_words(div.divisions)


def _same_text(got: list[str], printed: list[str], lifted: Counter[str]) -> bool:
    """Word for word, but for division lines that ToTA keeps inside an
    article's text and the parser lifts out into divisions."""
    if got == printed:
        return True
    rest = iter(printed)
    in_order = all(word in rest for word in got)
    return in_order and not Counter(printed) - Counter(got) - lifted


_CLOSING_RE = re.compile(r"^\s*(?:Done (?:at|in)\b|In witness whereof)", re.I | re.M)


def as_printed(treaty: Treaty) -> Treaty:
    """``treaty`` with the closing formula that ToTA sometimes keeps at the
    end of the last article's text moved to the closing, where print has it."""
    if not treaty.articles:
        return treaty
    last = treaty.articles[-1]
    m = _CLOSING_RE.search(last.text)
    if m is None or not last.text[: m.start()].strip():
        return treaty
    closing = "\n\n".join(x for x in (last.text[m.start() :], treaty.closing) if x)
    cut = attrs.evolve(
        last, paragraphs=[Paragraph(text=last.text[: m.start()].rstrip())]
    )
    return attrs.evolve(treaty, articles=[*treaty.articles[:-1], cut], closing=closing)


_PARA_ONE_RE = re.compile(r"\n|\s\(?1[.)]\s")
_OPEN_ENDS = frozenset(["and", "or", "of", "the", "for", "in", "on", "to", "with"])


def cut_heading_end(heading: str | None, text: str) -> str | None:
    """The end of a heading that ToTA cut and left at the start of the
    article's text, which then opens in lower case or follows a heading
    ending on "And" ("Determination Of Origin" + "and Preferential Tariff
    Treatment 1. The customs ..."): up to the line break or paragraph 1.
    Print shows no cut there, so the heading may come back whole."""
    text = text.lstrip()
    if not heading or not (
        text[:1].islower() or heading.split()[-1].casefold() in _OPEN_ENDS
    ):
        return None
    end = _PARA_ONE_RE.search(text)
    return text[: end.start() if end else len(text)].strip() or None


def check(treaty: Treaty, style: Style) -> list[str]:
    """What ``parse`` gets wrong on ``treaty`` rendered in ``style``: one line
    per problem, none when every article comes back exact and nothing is lost
    or invented."""
    treaty = as_printed(treaty)
    text = render(treaty, style)
    parsed = parse(text)
    problems = []
    lifted = Counter(_division_words(parsed.divisions))
    if len(parsed.articles) != len(treaty.articles):
        problems.append(
            f"{len(parsed.articles)} articles, {len(treaty.articles)} printed"
        )
    refs = [ref for _, ref in numbering(len(treaty.articles), style)]
    for n, (got, art, ref) in enumerate(
        zip(parsed.articles, treaty.articles, refs, strict=False), 1
    ):
        heading = " ".join(art.heading.split()) if art.heading else None
        body = got.text
        if heading is None and got.heading:
            # ToTA left this heading in the text: it may come back as one.
            body = f"{got.heading}\n{body}"
        cut = cut_heading_end(heading, art.text)
        if cut and _fold(got.heading) == _fold(f"{heading} {cut}"):
            # ToTA cut this heading: it may come back whole.
            heading, body = got.heading, f"{cut}\n{body}"
        if got.ref != ref:
            problems.append(f"article {n}: ref {got.ref!r}")
        elif heading is not None and _fold(got.heading) != _fold(heading):
            problems.append(f"article {n}: heading {got.heading!r}, not {heading!r}")
        elif not _same_text(words(body), words(art.text), lifted):
            problems.append(f"article {n}: text {' '.join(words(got.text))[:80]!r}")
    parsed_words = Counter(words(parsed.title) + words(parsed.preamble))
    parsed_words += Counter(words(parsed.closing)) + Counter(
        _division_words(parsed.divisions)
    )
    for art in parsed.articles:
        parsed_words += Counter(
            [style.keyword.casefold(), *words(f"{art.num} {art.heading or ''}")]
        )
        parsed_words += Counter(words(art.text))
    printed = Counter(words(text))
    if printed != parsed_words:
        lost, invented = printed - parsed_words, parsed_words - printed
        problems.append(f"lost {dict(lost)}, invented {dict(invented)}"[:200])
    return problems


def tota_defect(treaty: Treaty) -> str | None:
    """Why ``treaty`` cannot come back exact whatever the parser does: ToTA
    kept the next article's heading, alone on its line, inside an article's
    text (print then shows an article more than ToTA has)."""
    for k, art in enumerate(treaty.articles, 1):
        if re.search(rf"(?im)^[ \t]*article[ \t]+{k + 1}[ \t]*$", art.text):
            return f"ToTA keeps the heading of article {k + 1} in article {k}'s text"
    return None


def _run(
    treaties: list[tuple[str, Treaty]], shift: int, *, russian: bool
) -> tuple[int, int]:
    """Check each treaty in the style of its position plus ``shift``; print
    one line per treaty, return how many pass and how many were checked
    (those with a ToTA defect are left out)."""
    passed = checked = 0
    for position, (name, treaty) in enumerate(treaties):
        defect = tota_defect(treaty)
        if defect:
            print(f"{name}: left out ({defect})")
            continue
        checked += 1
        style = style_for(position + shift, treaty)
        if russian:
            style = attrs.evolve(style, numbers="inserted", keyword="Статья")
        problems = check(treaty, style)
        passed += not problems
        status = "ok" if not problems else "; ".join(problems[:2])
        print(
            f"{name} ({len(treaty.articles)} articles, {style.numbers}, "
            f"heading {style.heading!r}): {status}"
        )
    return passed, checked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--styles",
        type=int,
        default=1,
        help="print each treaty of the selection in this many styles (shifted)",
    )
    parser.add_argument(
        "--others",
        action="store_true",
        help="instead, every other English ToTA treaty (not held out: none left out)",
    )
    parser.add_argument(
        "--russian",
        action="store_true",
        help="number as amended Russian texts do: Статья 12, Статья 12¹, Статья 13",
    )
    args = parser.parse_args()
    tota = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tota" / "xml"
    if args.others:
        names = sorted(
            (p.stem for p in tota.glob("pta_*.xml")),
            key=lambda stem: int(stem[4:]),
        )
        names = [n for n in names if n not in SELECTION]
    else:
        names = list(SELECTION)
    treaties = []
    for name in names:
        path = tota / f"{name}.xml"
        treaty = read_tota(path.read_bytes(), source=str(path))
        if treaty.lang == "en" and treaty.articles:
            treaties.append((name, treaty))
    shifts = range(1 if args.others else args.styles)
    runs = [_run(treaties, shift, russian=args.russian) for shift in shifts]
    passed, total = (sum(counts) for counts in zip(*runs, strict=True))
    left_out = len(treaties) - runs[0][1]
    print(
        f"\n{passed} of {total} treaty renderings exact and intact"
        + (f" ({left_out} left out for a ToTA defect)" if left_out else "")
    )


if __name__ == "__main__":
    main()
