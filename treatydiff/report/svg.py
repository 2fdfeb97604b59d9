"""Alignment maps in hand-written SVG, and the SVG pieces the heat-map shares.

A map puts the base treaty's articles down the left and another treaty's down
the right, in document order (each side fills the same height, so an unchanged
run reads as level lines), with one path per link of their
:class:`~treatydiff.model.results.Alignment`, coloured by kind (match, moved,
split, merge, regroup). Articles without counterpart are dark marks, digest
placeholders (not encoded) pale ones; chapter boundaries are rules across a
shaded band, the chapter named beside it. Pairs that a correspondence group of
the report joins but the text alignment does not (shared provision kinds
between digests, or a link through a third treaty) are dashed lines. Rows
shrink with the article count down to about two pixels, so 400 × 400 articles
stay legible: lines thin out, ref labels are thinned to one every few rows,
and every article, link and chapter has a ``<title>`` tooltip (ref, heading,
kind, score). Paths carry ``data-a``, ``data-b``, ``data-kind``, ``data-moved``
and ``data-score`` (dashed ones ``data-basis="group"`` instead of a kind), so a
test or a script can read the links back.

Everything is an lxml element in the SVG namespace, so treaty text is only
ever a text node or an attribute value (escaped on output), styled with
presentation attributes rather than CSS and without script: a map renders the
same inline in the HTML report, standalone (:func:`render_svg`, ``compare
--format svg``) or pasted into a paper figure.

>>> from treatydiff.model import AlignedPair, Alignment
>>> al = Alignment(a_id="old", b_id="new", threshold=0.5,
...     pairs=[AlignedPair(a="1", b="2", score=0.9, moved=True)],
...     unmatched_a=["2"], unmatched_b=["1"], a_articles=["1", "2"],
...     b_articles=["1", "2"])
>>> [(p.get("data-a"), p.get("data-b"), p.get("class"))
...  for p in alignment_map(al).iter("{*}path")]
[('1', '2', 'link moved')]
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
from lxml import etree
from lxml.builder import ElementMaker

from treatydiff.errors import InvalidArgument
from treatydiff.model import AlignedPair, Alignment, Division, Treaty
from treatydiff.report.formatting import safe
from treatydiff.report.view import GroupView, ReportView

__all__ = [
    "FONT",
    "INK",
    "LINK_COLOURS",
    "PAD",
    "RULE",
    "SVG",
    "alignment_map",
    "clip",
    "group_index",
    "link_class",
    "maps",
    "number",
    "render_svg",
]

SVG_NS = "http://www.w3.org/2000/svg"
#: Builds elements in the SVG namespace (``SVG.rect(x="1")``).
SVG = ElementMaker(namespace=SVG_NS, nsmap={None: SVG_NS})
FONT = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif"
INK, RULE, PAD = "#1c1d20", "#d3d5da", 10.0
_MUTED = "#5b6068"

#: Link colour by shown class (Okabe–Ito hues, safe for colour-blind readers;
#: plain matches muted so the exceptions stand out).
LINK_COLOURS = {
    "match": "#8fa3b8",
    "moved": "#d55e00",
    "split": "#009e73",
    "merge": "#cc79a7",
    "regroup": "#e69f00",
}
_GROUP_LINK, _BOUNDARY = "#6b5b95", "#6b7079"
_MARKS = {"linked": "#c4c8ce", "unmatched": INK, "placeholder": "#f1f2f4"}

_HEIGHT = 900.0  # the column height a long treaty is scaled into
_MAX_ROW = 16.0  # row height of short treaties
_LABEL_GAP = 11.0  # minimum distance between two ref or chapter labels
_BAR = 9.0
_REF_W, _CHAPTER_W, _LINK_W = 44.0, 118.0, 300.0


def number(value: float) -> str:
    """A coordinate with at most two decimals (``12``, ``3.5``)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def clip(text: str, size: int) -> str:
    """``text`` cut to ``size`` characters, an ellipsis marking the cut."""
    return text if len(text) <= size else text[: size - 1] + "…"


def link_class(pair: AlignedPair) -> str:
    """The colour class of a link: its kind, or ``moved`` for a moved match."""
    if pair.kind == "match":
        return "moved" if pair.moved else "match"
    return str(pair.kind)


def group_index(groups: Iterable[GroupView]) -> dict[tuple[str, str], str]:
    """``(treaty id, article ref)`` → the id of the group holding it."""
    return {
        (tid, ref): group.id
        for group in groups
        for tid, refs in group.members.items()
        for ref in refs
    }


@attrs.frozen
class _Column:
    """One side of a map: article refs in document order, each one's row
    number, the top of the first row and the row height."""

    refs: tuple[str, ...]
    pos: Mapping[str, int]
    top: float
    row: float

    def y(self, ref: str) -> float:
        """The centre line of ``ref``'s row."""
        return self.top + (self.pos[ref] + 0.5) * self.row

    @property
    def bottom(self) -> float:
        """The foot of the last row."""
        return self.top + self.row * len(self.refs)


def _column(refs: Sequence[str], top: float, height: float) -> _Column:
    return _Column(
        tuple(refs),
        {r: i for i, r in enumerate(refs)},
        top,
        min(2 * _MAX_ROW, height / max(len(refs), 1)),
    )


def _chapters(treaty: Treaty | None) -> list[tuple[str, str, tuple[str, ...]]]:
    """The top-level divisions: (short label, full label, article refs)."""
    if treaty is None:
        return []

    def refs(div: Division) -> Iterator[str]:
        yield from div.articles
        for sub in div.divisions:
            yield from refs(sub)

    out = []
    for div in treaty.divisions:
        name = " ".join(safe(x) for x in (div.kind.capitalize(), div.num) if x)
        full = name + (f" · {safe(div.heading)}" if div.heading else "")
        out.append((name, full, tuple(refs(div))))
    return out


def _text(words: str, x: float, y: float, size: float, **attrib: str) -> Any:
    attrib.setdefault("fill", INK)
    return SVG.text(
        words, x=number(x), y=number(y), **{"font-size": number(size)}, **attrib
    )


def _chapter_bands(
    treaty_id: str, col: _Column, treaty: Treaty | None, *, left: bool, bar_x: float
) -> list[Any]:
    """A shaded band per chapter with a boundary rule at its top and, where
    there is room, its name (the full name in the tooltip)."""
    out: list[Any] = []
    band_w = _CHAPTER_W + _REF_W + 4 + _BAR
    band_x = bar_x + _BAR - band_w if left else bar_x
    label_x = bar_x - 8 - _REF_W if left else bar_x + _BAR + 8 + _REF_W
    last_label = -math.inf
    for k, (name, full, refs) in enumerate(_chapters(treaty)):
        rows = [col.y(r) for r in refs if r in col.pos]
        if not rows:
            continue
        y0, y1 = min(rows) - col.row / 2, max(rows) + col.row / 2
        band = SVG.rect(
            {"class": "chapter", "x": number(band_x), "y": number(y0)},
            width=number(band_w),
            height=number(y1 - y0),
            fill="#eef0f3" if k % 2 == 0 else "#ffffff",
        )
        band.append(SVG.title(f"{safe(treaty_id)} {full}"))
        rule = SVG.line(
            x1=number(band_x),
            x2=number(band_x + band_w),
            y1=number(y0),
            y2=number(y0),
            stroke=_BOUNDARY,
        )
        rule.set("stroke-width", "0.8")
        out += [band, rule]
        if y0 - last_label >= _LABEL_GAP:
            last_label = y0
            label = _text(
                clip(name if y1 - y0 < 24 else full, 22),
                label_x,
                y0 + 9,
                9,
                fill=_MUTED,
            )
            label.set("class", "chapter-label")
            label.set("text-anchor", "end" if left else "start")
            label.append(SVG.title(full))
            out.append(label)
    return out


def _side(
    treaty_id: str,
    col: _Column,
    treaty: Treaty | None,
    unmatched: frozenset[str],
    *,
    left: bool,
    bar_x: float,
) -> Any:
    """One column: chapter bands, article marks, thinned ref labels."""
    articles = {a.ref: a for a in treaty.articles} if treaty else {}
    group = SVG.g({"class": "side", "data-treaty": safe(treaty_id)})
    group.extend(_chapter_bands(treaty_id, col, treaty, left=left, bar_x=bar_x))
    every = max(1, math.ceil(_LABEL_GAP / col.row))
    size = min(11.0, max(7.0, col.row * 0.8))
    for i, ref in enumerate(col.refs):
        y = col.y(ref)
        article = articles.get(ref)
        hole = article is not None and not article.encoded
        state = "placeholder" if hole else "unmatched" if ref in unmatched else ""
        mark = SVG.rect(
            {"class": f"article {state}".strip(), "data-ref": safe(ref)},
            x=number(bar_x),
            y=number(y - col.row / 2 + min(0.5, col.row * 0.15)),
            width=number(_BAR),
            height=number(max(col.row - min(1.0, col.row * 0.3), 0.6)),
            fill=_MARKS[state or "linked"],
        )
        if hole:
            mark.set("stroke", "#9ea3ab")
            mark.set("stroke-width", "0.5")
        tip = f"{safe(treaty_id)} Art. {safe(ref)}"
        if article is not None and article.heading:
            tip += f" — {safe(article.heading)}"
        if state:
            tip += " (not encoded)" if hole else " (no counterpart)"
        mark.append(SVG.title(tip))
        group.append(mark)
        if i % every == 0:
            label = _text(
                safe(ref),
                bar_x - 4 if left else bar_x + _BAR + 4,
                y + size * 0.35,
                size,
                fill=INK if state == "unmatched" else _MUTED,
            )
            label.set("class", "ref")
            label.set("text-anchor", "end" if left else "start")
            group.append(label)
    return group


def _legend(
    entries: Sequence[tuple[str, str, str]], width: float, y: float
) -> tuple[Any, float]:
    """Swatches (``line``, ``dash`` or ``mark``) with their words, wrapped to
    ``width``, and the foot of the last line."""
    group = SVG.g({"class": "legend"})
    x = PAD
    for shape, colour, words in entries:
        step = 28 + 5.6 * len(words)
        if x + step > width - PAD and x > PAD:
            x, y = PAD, y + 16
        if shape == "mark":
            swatch = SVG.rect(x=number(x + 4), y=number(y - 5), width="8", height="10")
            swatch.set("fill", colour)
            swatch.set("stroke", "#9ea3ab")
        else:
            swatch = SVG.line(
                x1=number(x), x2=number(x + 16), y1=number(y), y2=number(y)
            )
            swatch.set("stroke", colour)
            swatch.set("stroke-width", "1" if colour == _BOUNDARY else "2.5")
            if shape == "dash":
                swatch.set("stroke-dasharray", "4 2")
        group.append(swatch)
        group.append(_text(words, x + 20, y + 3.5, 10))
        x += step
    return group, y + 8


def _legend_entries(
    counts: Mapping[str, int], chapters: bool
) -> list[tuple[str, str, str]]:
    """The legend of what a map shows, with counts; nothing it does not show."""
    entries = [
        ("line", LINK_COLOURS[name], f"{name} ({counts[name]})")
        for name in LINK_COLOURS
        if counts.get(name)
    ]
    extra = [
        ("dash", _GROUP_LINK, "group", "same group, no text link"),
        ("mark", _MARKS["unmatched"], "unmatched", "no counterpart"),
        ("mark", _MARKS["placeholder"], "placeholder", "not encoded"),
    ]
    entries += [
        (shape, colour, f"{words} ({counts[key]})")
        for shape, colour, key, words in extra
        if counts.get(key)
    ]
    if chapters:
        entries.append(("line", _BOUNDARY, "chapter boundary"))
    return entries


def alignment_map(
    alignment: Alignment,
    a: Treaty | None = None,
    b: Treaty | None = None,
    *,
    hrefs: Mapping[tuple[str, str], str] | None = None,
    group_links: Collection[tuple[str, str]] = (),
) -> Any:
    """The map of ``alignment`` as an lxml ``<svg>`` element.

    ``a`` and ``b`` (the aligned treaties) add headings to the tooltips,
    chapter boundaries and placeholder marks; ``hrefs`` maps a pair of refs
    ``(ref_a, ref_b)`` to the address its line opens (the group in the HTML
    report); ``group_links`` are pairs joined by a correspondence group but not
    by the alignment, drawn dashed.
    """
    known = set(alignment.a_articles), set(alignment.b_articles)
    extra = sorted(
        (ra, rb)
        for ra, rb in set(group_links) - alignment.links
        if ra in known[0] and rb in known[1]
    )
    chapters_a, chapters_b = bool(_chapters(a)), bool(_chapters(b))
    bar_a = PAD + _CHAPTER_W * chapters_a + _REF_W
    bar_b = bar_a + _BAR + _LINK_W
    width = bar_b + _BAR + _REF_W + _CHAPTER_W * chapters_b + PAD
    holes = {
        tid: {x.ref for x in t.articles if not x.encoded}
        for tid, t in ((alignment.a_id, a), (alignment.b_id, b))
        if t is not None
    }
    counts: dict[str, int] = {"group": len(extra)}
    for pair in alignment.pairs:
        counts[link_class(pair)] = counts.get(link_class(pair), 0) + 1
    for tid, lone in (
        (alignment.a_id, alignment.unmatched_a),
        (alignment.b_id, alignment.unmatched_b),
    ):
        placeholders = len(holes.get(tid, set()) & set(lone))
        counts["placeholder"] = counts.get("placeholder", 0) + placeholders
        counts["unmatched"] = counts.get("unmatched", 0) + len(lone) - placeholders
    a_id, b_id = safe(alignment.a_id), safe(alignment.b_id)
    legend, foot = _legend(_legend_entries(counts, chapters_a or chapters_b), width, 54)
    top = foot + 14
    longest = max(len(alignment.a_articles), len(alignment.b_articles), 1)
    height = min(_HEIGHT, longest * _MAX_ROW)
    col_a = _column(alignment.a_articles, top, height)
    col_b = _column(alignment.b_articles, top, height)
    total = max(col_a.bottom, col_b.bottom) + PAD
    root = SVG.svg(
        {
            "class": "alignment-map",
            "data-a": a_id,
            "data-b": b_id,
            "role": "img",
            "font-family": FONT,
        },
        width=number(width),
        height=number(total),
        viewBox=f"0 0 {number(width)} {number(total)}",
    )
    root.append(
        SVG.title(
            f"Alignment map: {a_id} ({len(col_a.refs)} articles) against "
            f"{b_id} ({len(col_b.refs)} articles), {len(alignment.pairs)} links"
        )
    )
    root.append(SVG.rect(width="100%", height="100%", fill="#ffffff"))
    names = (
        _text(clip(a_id, 26), PAD, 18, 13),
        _text(clip(b_id, 26), width - PAD, 18, 13),
    )
    for name, anchor in zip(names, ("start", "end"), strict=True):
        name.set("text-anchor", anchor)
        name.set("font-weight", "600")
        root.append(name)
    dashed = f" (+{len(extra)} dashed)" if extra else ""
    summary = _text(
        f"{len(col_a.refs)} articles · {len(alignment.pairs)} links{dashed} · "
        f"{len(col_b.refs)} articles",
        width / 2,
        36,
        10,
        fill=_MUTED,
    )
    summary.set("text-anchor", "middle")
    root.append(summary)
    root.append(legend)
    for tid, col, treaty, lone, left, bar in (
        (a_id, col_a, a, alignment.unmatched_a, True, bar_a),
        (b_id, col_b, b, alignment.unmatched_b, False, bar_b),
    ):
        root.append(_side(tid, col, treaty, frozenset(lone), left=left, bar_x=bar))
    root.append(
        _links(alignment, extra, (col_a, col_b), (bar_a + _BAR, bar_b), hrefs or {})
    )
    return root


def _curve(x1: float, y1: float, x2: float, y2: float) -> str:
    mid = number((x1 + x2) / 2)
    return (
        f"M{number(x1)} {number(y1)}C{mid} {number(y1)} {mid} {number(y2)} "
        f"{number(x2)} {number(y2)}"
    )


def _links(
    alignment: Alignment,
    extra: Sequence[tuple[str, str]],
    cols: tuple[_Column, _Column],
    xs: tuple[float, float],
    hrefs: Mapping[tuple[str, str], str],
) -> Any:
    """One path per link: dashed group links first, then plain matches, then
    the other kinds on top."""
    col_a, col_b = cols
    a_id, b_id = safe(alignment.a_id), safe(alignment.b_id)
    group = SVG.g({"class": "links", "fill": "none"})
    width = min(1.8, max(0.5, min(col_a.row, col_b.row) * 0.3))
    for ra, rb in extra:
        path = SVG.path(
            {
                "class": "group-link",
                "data-a": safe(ra),
                "data-b": safe(rb),
                "data-basis": "group",
                "stroke-dasharray": "4 2",
                "stroke-width": number(width),
            },
            d=_curve(xs[0], col_a.y(ra), xs[1], col_b.y(rb)),
            stroke=_GROUP_LINK,
        )
        path.append(
            SVG.title(
                f"{a_id} {safe(ra)} ↔ {b_id} {safe(rb)}: in one group of the "
                "report (shared provision kinds, or through another treaty), "
                "not linked by their text"
            )
        )
        href = hrefs.get((ra, rb))
        group.append(SVG.a(path, href=href) if href else path)
    for pair in sorted(alignment.pairs, key=lambda p: link_class(p) != "match"):
        shown = link_class(pair)
        path = SVG.path(
            {
                "class": f"link {shown}",
                "data-a": safe(pair.a),
                "data-b": safe(pair.b),
                "data-kind": str(pair.kind),
                "data-moved": "true" if pair.moved else "false",
                "data-score": f"{pair.score:.3f}",
                "stroke-width": number(width if shown == "match" else width + 0.4),
                "stroke-opacity": "0.75" if shown == "match" else "0.9",
            },
            d=_curve(xs[0], col_a.y(pair.a), xs[1], col_b.y(pair.b)),
            stroke=LINK_COLOURS[shown],
        )
        words = str(pair.kind) + (", moved" if pair.moved else "")
        path.append(
            SVG.title(
                f"{a_id} {safe(pair.a)} → {b_id} {safe(pair.b)}: {words}, "
                f"score {pair.score:.2f}"
            )
        )
        href = hrefs.get((pair.a, pair.b))
        group.append(SVG.a(path, href=href) if href else path)
    return group


def _treaty(view: ReportView, tid: str) -> Treaty | None:
    return next((t.treaty for t in view.treaties if t.id == tid), None)


def maps(view: ReportView, listed: Sequence[GroupView] | None = None) -> list[Any]:
    """One alignment map per treaty against the base, in column order, with
    the pairs a group joins but the alignment does not drawn dashed. With
    ``listed`` (the groups the HTML report lists, each row anchored by its
    id), a line opens the group that holds both its articles."""
    anchors = group_index(listed or ())
    out = []
    for al in view.alignments:
        joined = view.joined.get(al.b_id, frozenset())
        hrefs = {
            (ra, rb): "#" + gid
            for ra, rb in joined | al.links
            if (gid := anchors.get((al.a_id, ra))) is not None
            and gid == anchors.get((al.b_id, rb))
        }
        a, b = _treaty(view, al.a_id), _treaty(view, al.b_id)
        out.append(alignment_map(al, a, b, hrefs=hrefs, group_links=joined))
    return out


def render_svg(view: ReportView) -> str:
    """The alignment maps of ``view`` as one standalone SVG document: the
    base against each other treaty, side by side."""
    parts = maps(view)
    if not parts:
        raise InvalidArgument("no pairwise alignment in this comparison to draw")
    width = sum(float(p.get("width")) for p in parts)
    height = max(float(p.get("height")) for p in parts)
    root = SVG.svg(
        {"class": "alignment-maps", "font-family": FONT},
        width=number(width),
        height=number(height),
        viewBox=f"0 0 {number(width)} {number(height)}",
    )
    root.append(SVG.title("treatydiff: " + " · ".join(safe(t) for t in view.ids)))
    x = 0.0
    for part in parts:
        part.set("x", number(x))
        x += float(part.get("width"))
        root.append(part)
    text = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
