"""Pictures of a comparison in hand-written SVG: alignment maps, provision heat-map.

An **alignment map** puts the base treaty's articles down the left and another
treaty's down the right, in document order (each side fills the same height,
so an unchanged run reads as level lines), with one path per link of their
:class:`~treatydiff.model.results.Alignment`, coloured by kind (match, moved,
split, merge, regroup); articles without counterpart are dark marks, chapter
boundaries are rules with the chapter named beside them. Rows shrink with the
article count down to a couple of pixels (400 articles a side stay legible);
ref labels are thinned to one every few rows when rows are small, and every
article, link and chapter has a ``<title>`` tooltip (ref, heading, kind,
score). Paths carry ``data-a``, ``data-b``, ``data-kind``, ``data-moved`` and
``data-score`` so a test or a script can read the links back.

The **heat-map** is the provision × treaty matrix of the report as one row of
cells per treaty, coloured by the cell's status (present, by obligation
strength; in the treaty at an unknown article; confirmed absent; not found),
taken from :func:`~treatydiff.report.formatting.matrix_cell`, the same data as
the matrix table.

Both are built as lxml elements in the SVG namespace, so treaty text is only
ever a text node or an attribute value (escaped on output), with presentation
attributes rather than CSS and no script: a map renders the same inline in the
HTML report, standalone (:func:`render_svg`) or pasted into a paper figure.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs
from lxml import etree
from lxml.builder import ElementMaker

from treatydiff.errors import InvalidArgument
from treatydiff.model import AlignedPair, Alignment, Division, Treaty
from treatydiff.report.formatting import matrix_cell, safe
from treatydiff.report.view import GroupView, ReportView

__all__ = [
    "CELL_COLOURS",
    "LINK_COLOURS",
    "alignment_map",
    "cell_state",
    "heat_map",
    "link_class",
    "maps",
    "render_svg",
    "report_links",
]

SVG_NS = "http://www.w3.org/2000/svg"
_S = ElementMaker(namespace=SVG_NS, nsmap={None: SVG_NS})
_FONT = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif"
_INK, _MUTED, _RULE = "#1c1d20", "#5b6068", "#d3d5da"

#: Link colour by shown class (Okabe–Ito hues, safe for colour-blind readers;
#: plain matches muted so the exceptions stand out).
LINK_COLOURS = {
    "match": "#8fa3b8",
    "moved": "#d55e00",
    "split": "#009e73",
    "merge": "#cc79a7",
    "regroup": "#e69f00",
}
_LINKED, _UNMATCHED = "#c4c8ce", "#1c1d20"

#: Heat-map colour by cell state: present by strength, then the empty cells.
CELL_COLOURS = {
    "binding": "#1b7837",
    "negative": "#762a83",
    "discretionary": "#5aae61",
    "consultative": "#a6dba0",
    "aspirational": "#d9f0d3",
    "present": "#4d9fd6",
    "unplaced": "#c6dbef",
    "confirmed-absent": "#d6604d",
    "not-found": "#fdf0c2",
    "missing": "#ffffff",
}
_CELL_WORDS = {
    "binding": "present, binding",
    "negative": "present, negative (shall not)",
    "discretionary": "present, discretionary",
    "consultative": "present, consultative",
    "aspirational": "present, aspirational",
    "present": "present, strength not stated",
    "unplaced": "in the treaty, article unknown",
    "confirmed-absent": "confirmed absent",
    "not-found": "not found",
    "missing": "no finding",
}
#: Strengths in the order a cell with several labels takes its colour from.
_STRENGTH_ORDER = (
    "binding",
    "negative",
    "discretionary",
    "consultative",
    "aspirational",
)

_HEIGHT = 900.0  # the column height a long treaty is scaled into
_MAX_ROW = 16.0  # row height of short treaties
_LABEL_GAP = 11.0  # minimum distance between two ref or chapter labels
_BAR = 9.0
_REF_W, _CHAPTER_W, _LINK_W, _PAD = 44.0, 118.0, 300.0, 10.0
_TOP = 70.0  # title and legend above the columns


def _num(value: float) -> str:
    """A coordinate with at most two decimals (``12``, ``3.5``)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def link_class(pair: AlignedPair) -> str:
    """The colour class of a link: its kind, or ``moved`` for a moved match."""
    if pair.kind == "match":
        return "moved" if pair.moved else "match"
    return str(pair.kind)


@attrs.frozen
class _Column:
    """One side of a map: article refs in document order, each one's row
    number, and the row height."""

    refs: tuple[str, ...]
    pos: Mapping[str, int]
    row: float

    def y(self, ref: str) -> float:
        """The centre line of ``ref``'s row."""
        return _TOP + (self.pos[ref] + 0.5) * self.row

    @property
    def bottom(self) -> float:
        """The foot of the last row."""
        return _TOP + self.row * len(self.refs)


def _column(refs: Sequence[str], height: float) -> _Column:
    return _Column(
        tuple(refs),
        {r: i for i, r in enumerate(refs)},
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


def _title(text: str) -> Any:
    return _S.title(text)


def _side(
    treaty_id: str,
    col: _Column,
    treaty: Treaty | None,
    unmatched: frozenset[str],
    *,
    left: bool,
    bar_x: float,
) -> Any:
    """One column: chapter bands and labels, article marks, thinned ref labels."""
    headings = {a.ref: a.heading for a in treaty.articles} if treaty else {}
    group = _S.g({"class": "side", "data-treaty": safe(treaty_id)})
    ref_x = bar_x - 4 if left else bar_x + _BAR + 4
    chap_x = ref_x - _REF_W if left else ref_x + _REF_W
    anchor = "end" if left else "start"
    band_w = _CHAPTER_W + _REF_W + 4 + _BAR
    band_x = bar_x + _BAR - band_w if left else bar_x
    last_label = -math.inf
    for k, (name, full, refs) in enumerate(_chapters(treaty)):
        rows = [col.y(r) for r in refs if r in col.pos]
        if not rows:
            continue
        y0, y1 = min(rows) - col.row / 2, max(rows) + col.row / 2
        band = _S.rect(
            {"class": "chapter", "x": _num(band_x), "y": _num(y0)},
            width=_num(band_w),
            height=_num(y1 - y0),
            fill="#eef0f3" if k % 2 == 0 else "#ffffff",
        )
        band.append(_title(f"{safe(treaty_id)} {full}"))
        group.append(band)
        group.append(
            _S.line(
                x1=_num(band_x),
                x2=_num(band_x + band_w),
                y1=_num(y0),
                y2=_num(y0),
                stroke="#6b7079",
                **{"stroke-width": "0.8"},
            )
        )
        if y0 - last_label >= _LABEL_GAP:
            last_label = y0
            label = _S.text(
                _clip(name if col.row * len(rows) < 24 else full, 22),
                {"class": "chapter-label", "text-anchor": anchor},
                x=_num(chap_x),
                y=_num(y0 + 9),
                fill=_MUTED,
                **{"font-size": "9"},
            )
            label.append(_title(full))
            group.append(label)
    every = max(1, math.ceil(_LABEL_GAP / col.row))
    size = _num(min(11.0, max(7.0, col.row * 0.8)))
    for i, ref in enumerate(col.refs):
        y = col.y(ref)
        lone = ref in unmatched
        mark = _S.rect(
            {
                "class": "article unmatched" if lone else "article",
                "data-ref": safe(ref),
            },
            x=_num(bar_x),
            y=_num(y - col.row / 2 + min(0.5, col.row * 0.15)),
            width=_num(_BAR),
            height=_num(max(col.row - min(1.0, col.row * 0.3), 0.6)),
            fill=_UNMATCHED if lone else _LINKED,
        )
        heading = headings.get(ref)
        tip = f"{safe(treaty_id)} Art. {safe(ref)}"
        tip += f" — {safe(heading)}" if heading else ""
        mark.append(_title(tip + (" (no counterpart)" if lone else "")))
        group.append(mark)
        if i % every == 0:
            group.append(
                _S.text(
                    safe(ref),
                    {"class": "ref", "text-anchor": anchor},
                    x=_num(ref_x),
                    y=_num(y + float(size) * 0.35),
                    fill=_INK if lone else _MUTED,
                    **{"font-size": size},
                )
            )
    return group


def _legend(counts: Mapping[str, int], chapters: bool, x: float, y: float) -> Any:
    """Swatches, with counts, for the link classes and marks the map shows."""
    group = _S.g({"class": "legend"})
    entries = [
        ("line", LINK_COLOURS[name], f"{name} ({counts[name]})")
        for name in LINK_COLOURS
        if counts.get(name)
    ]
    if counts.get("unmatched"):
        entries.append(("rect", _UNMATCHED, f"no counterpart ({counts['unmatched']})"))
    if chapters:
        entries.append(("line", "#6b7079", "chapter boundary"))
    for shape, colour, words in entries:
        if shape == "rect":
            swatch = _S.rect(x=_num(x + 4), y=_num(y - 5), width="8", height="10")
            swatch.set("fill", colour)
        else:
            swatch = _S.line(x1=_num(x), x2=_num(x + 16), y1=_num(y), y2=_num(y))
            swatch.set("stroke", colour)
            swatch.set("stroke-width", "3" if words != "chapter boundary" else "1")
        group.append(swatch)
        group.append(
            _S.text(
                words, x=_num(x + 20), y=_num(y + 3.5), fill=_INK, **{"font-size": "10"}
            )
        )
        x += 28 + 5.6 * len(words)
    return group


def alignment_map(
    alignment: Alignment,
    a: Treaty | None = None,
    b: Treaty | None = None,
    *,
    hrefs: Mapping[tuple[str, str], str] | None = None,
) -> Any:
    """The map of ``alignment`` as an lxml ``<svg>`` element.

    ``a`` and ``b`` (the aligned treaties) add headings to the tooltips and
    chapter boundaries; ``hrefs`` maps a link ``(ref_a, ref_b)`` to the
    address it opens (the group in the HTML report).
    """
    col_a = _column(alignment.a_articles, _height(alignment))
    col_b = _column(alignment.b_articles, _height(alignment))
    chapters_a, chapters_b = bool(_chapters(a)), bool(_chapters(b))
    bar_a = _PAD + _CHAPTER_W * chapters_a + _REF_W
    bar_b = bar_a + _BAR + _LINK_W
    width = bar_b + _BAR + _REF_W + _CHAPTER_W * chapters_b + _PAD
    height = max(col_a.bottom, col_b.bottom) + _PAD
    counts: dict[str, int] = {}
    for pair in alignment.pairs:
        counts[link_class(pair)] = counts.get(link_class(pair), 0) + 1
    counts["unmatched"] = len(alignment.unmatched_a) + len(alignment.unmatched_b)
    a_id, b_id = safe(alignment.a_id), safe(alignment.b_id)
    root = _S.svg(
        {
            "class": "alignment-map",
            "data-a": a_id,
            "data-b": b_id,
            "role": "img",
            "font-family": _FONT,
        },
        width=_num(width),
        height=_num(height),
        viewBox=f"0 0 {_num(width)} {_num(height)}",
    )
    root.append(
        _title(
            f"Alignment map: {a_id} ({len(col_a.refs)} articles) against "
            f"{b_id} ({len(col_b.refs)} articles), {len(alignment.pairs)} links"
        )
    )
    root.append(_S.rect(width="100%", height="100%", fill="#ffffff"))
    for text, x, anchor in ((a_id, bar_a + _BAR, "end"), (b_id, bar_b, "start")):
        root.append(
            _S.text(
                _clip(text, 40),
                {"text-anchor": anchor, "font-weight": "600"},
                x=_num(x),
                y="18",
                fill=_INK,
                **{"font-size": "13"},
            )
        )
    root.append(
        _S.text(
            f"{len(col_a.refs)} articles · {len(alignment.pairs)} links · "
            f"{len(col_b.refs)} articles",
            {"text-anchor": "middle"},
            x=_num((bar_a + _BAR + bar_b) / 2),
            y="18",
            fill=_MUTED,
            **{"font-size": "10"},
        )
    )
    root.append(_legend(counts, chapters_a or chapters_b, _PAD, 42))
    root.append(
        _side(a_id, col_a, a, frozenset(alignment.unmatched_a), left=True, bar_x=bar_a)
    )
    root.append(
        _side(b_id, col_b, b, frozenset(alignment.unmatched_b), left=False, bar_x=bar_b)
    )
    root.append(_links(alignment, col_a, col_b, bar_a + _BAR, bar_b, hrefs or {}))
    return root


def _height(alignment: Alignment) -> float:
    longest = max(len(alignment.a_articles), len(alignment.b_articles), 1)
    return min(_HEIGHT, longest * _MAX_ROW)


def _links(
    alignment: Alignment,
    col_a: _Column,
    col_b: _Column,
    x1: float,
    x2: float,
    hrefs: Mapping[tuple[str, str], str],
) -> Any:
    """One path per link, plain matches drawn first so the others lie on top."""
    group = _S.g({"class": "links", "fill": "none"})
    width = _num(min(1.8, max(0.5, min(col_a.row, col_b.row) * 0.3)))
    mid = (x1 + x2) / 2
    ordered = sorted(alignment.pairs, key=lambda p: link_class(p) != "match")
    for pair in ordered:
        shown = link_class(pair)
        ya, yb = col_a.y(pair.a), col_b.y(pair.b)
        path = _S.path(
            {
                "class": f"link {shown}",
                "data-a": safe(pair.a),
                "data-b": safe(pair.b),
                "data-kind": str(pair.kind),
                "data-moved": "true" if pair.moved else "false",
                "data-score": f"{pair.score:.3f}",
                "stroke-width": width if shown == "match" else _num(float(width) + 0.4),
                "stroke-opacity": "0.75" if shown == "match" else "0.9",
            },
            d=f"M{_num(x1)} {_num(ya)}C{_num(mid)} {_num(ya)} {_num(mid)} "
            f"{_num(yb)} {_num(x2)} {_num(yb)}",
            stroke=LINK_COLOURS[shown],
        )
        words = str(pair.kind) + (", moved" if pair.moved else "")
        path.append(
            _title(
                f"{safe(alignment.a_id)} {safe(pair.a)} → {safe(alignment.b_id)} "
                f"{safe(pair.b)}: {words}, score {pair.score:.2f}"
            )
        )
        href = hrefs.get((pair.a, pair.b))
        group.append(_S.a(path, href=href) if href else path)
    return group


def cell_state(view: ReportView, kind: str, tid: str) -> str:
    """The heat-map state of a matrix cell: the strongest strength of a
    present cell (``present`` when none is stated), else the state of
    :func:`~treatydiff.report.formatting.matrix_cell`."""
    state, _, _ = matrix_cell(view, kind, tid)
    if state != "present":
        return state
    found = {
        str(c.strength) for c in view.labels.get(kind, {}).get(tid, ()) if c.strength
    }
    return next((s for s in _STRENGTH_ORDER if s in found), "present")


def heat_map(
    view: ReportView, hrefs: Mapping[tuple[str, str], str] | None = None
) -> Any:
    """The provision matrix as an lxml ``<svg>``: a row of cells per treaty,
    a column per provision kind, and a legend of the states shown.

    ``hrefs`` maps ``(kind, treaty id)`` to the address a cell opens.
    """
    kinds, ids = list(view.provisions), view.ids
    cell, gap = 15.0, 2.0
    names = [_clip(safe(t), 24) + (" (base)" if t == view.base else "") for t in ids]
    left = _PAD + 6.6 * max((len(n) for n in names), default=4) + 8
    longest = max((len(safe(k)) for k in kinds), default=4)
    top = _PAD + 0.62 * 6.2 * min(36, longest) + 12
    grid_w = len(kinds) * (cell + gap)
    states = [cell_state(view, k, t) for t in ids for k in kinds]
    shown = [s for s in CELL_COLOURS if s in states]
    legend_y = top + len(ids) * (cell + gap) + 16
    width = max(left + grid_w + 40, 480.0)
    root = _S.svg(
        {"class": "heat-map", "role": "img", "font-family": _FONT},
        width=_num(width),
    )
    root.append(
        _title(f"Provision heat-map: {len(kinds)} provisions × {len(ids)} treaties")
    )
    for j, kind in enumerate(kinds):
        x = left + j * (cell + gap) + cell / 2
        label = _S.text(
            _clip(safe(kind), 36),
            transform=f"translate({_num(x + 3)},{_num(top - 4)}) rotate(-60)",
            fill=_INK,
            **{"font-size": "10"},
        )
        label.append(_title(safe(kind)))
        root.append(label)
    for i, (tid, name) in enumerate(zip(ids, names, strict=True)):
        y = top + i * (cell + gap)
        root.append(
            _S.text(
                name,
                {"text-anchor": "end"},
                x=_num(left - 6),
                y=_num(y + cell * 0.72),
                fill=_INK,
                **{"font-size": "11"},
            )
        )
        for j, kind in enumerate(kinds):
            state = cell_state(view, kind, tid)
            _, short, _ = matrix_cell(view, kind, tid)
            rect = _S.rect(
                {
                    "class": f"cell {state}",
                    "data-kind": safe(kind),
                    "data-treaty": safe(tid),
                    "data-state": state,
                },
                x=_num(left + j * (cell + gap)),
                y=_num(y),
                width=_num(cell),
                height=_num(cell),
                fill=CELL_COLOURS[state],
                stroke=_RULE if state in ("missing", "not-found") else "none",
            )
            rect.append(_title(f"{safe(kind)} · {safe(tid)}: {short}"))
            href = (hrefs or {}).get((kind, tid))
            root.append(_S.a(rect, href=href) if href else rect)
    x, y = _PAD, legend_y
    for state in shown:
        words = _CELL_WORDS[state]
        step = 24 + 5.6 * len(words)
        if x + step > width and x > _PAD:
            x, y = _PAD, y + 18
        root.append(
            _S.rect(
                x=_num(x),
                y=_num(y - 9),
                width="11",
                height="11",
                fill=CELL_COLOURS[state],
                stroke=_RULE,
            )
        )
        root.append(
            _S.text(words, x=_num(x + 15), y=_num(y), fill=_INK, **{"font-size": "10"})
        )
        x += step
    root.set("height", _num(y + 9 + _PAD))
    root.set("viewBox", f"0 0 {_num(width)} {_num(y + 9 + _PAD)}")
    return root


def report_links(
    view: ReportView, groups: Sequence[GroupView]
) -> tuple[dict[str, dict[tuple[str, str], str]], dict[tuple[str, str], str]]:
    """The HTML report's addresses for the pictures, given the groups it lists
    (rows with the group id as anchor): per treaty, each map link → its group;
    each heat-map cell → the group of its first ref (present), the findings
    (``#missing``) for an empty cell with a finding, else the matrix."""
    where = {
        (tid, ref): group.id
        for group in groups
        for tid, refs in group.members.items()
        for ref in refs
    }
    links: dict[str, dict[tuple[str, str], str]] = {}
    for al in view.alignments:
        links[al.b_id] = {
            (p.a, p.b): "#" + gid
            for p in al.pairs
            if (gid := where.get((al.a_id, p.a))) == where.get((al.b_id, p.b))
            and gid is not None
        }
    cells: dict[tuple[str, str], str] = {}
    for kind, per_treaty in view.provisions.items():
        for tid in view.ids:
            refs = per_treaty.get(tid, ())
            if refs:
                gid = _group_of(where, tid, refs[0])
                cells[kind, tid] = "#" + gid if gid else "#matrix"
            elif tid in view.missing.get(kind, {}):
                cells[kind, tid] = "#missing"
    return links, cells


def _group_of(where: Mapping[tuple[str, str], str], tid: str, ref: str) -> str | None:
    """The group of the article holding ``ref`` (``"4.2.a"`` is in article
    ``"4.2"`` or ``"4"``, the longest that is one)."""
    parts = ref.split(".")
    for n in range(len(parts), 0, -1):
        gid = where.get((tid, ".".join(parts[:n])))
        if gid is not None:
            return gid
    return None


def _treaty(view: ReportView, tid: str) -> Treaty | None:
    return next((t.treaty for t in view.treaties if t.id == tid), None)


def maps(
    view: ReportView, hrefs: Mapping[str, Mapping[tuple[str, str], str]] | None = None
) -> list[Any]:
    """One alignment map per treaty against the base, in column order;
    ``hrefs`` maps a treaty id to its links' addresses."""
    return [
        alignment_map(
            al,
            _treaty(view, al.a_id),
            _treaty(view, al.b_id),
            hrefs=(hrefs or {}).get(al.b_id),
        )
        for al in view.alignments
    ]


def render_svg(view: ReportView) -> str:
    """The alignment maps of ``view`` as one standalone SVG document: the
    base against each other treaty, side by side."""
    parts = maps(view)
    if not parts:
        raise InvalidArgument("no pairwise alignment in this comparison to draw")
    width = sum(float(p.get("width")) for p in parts)
    height = max((float(p.get("height")) for p in parts), default=0.0)
    root = _S.svg(
        {"class": "alignment-maps", "font-family": _FONT},
        width=_num(width),
        height=_num(height),
        viewBox=f"0 0 {_num(width)} {_num(height)}",
    )
    root.append(_title("treatydiff: " + " · ".join(safe(t) for t in view.ids)))
    x = 0.0
    for part in parts:
        part.set("x", _num(x))
        x += float(part.get("width"))
        root.append(part)
    text = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"
