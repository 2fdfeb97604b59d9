"""The provision matrix as a heat-map in hand-written SVG.

One row of cells per treaty, one column per provision kind, in the order of
the matrix table; a cell's colour is its state: present (by the firmest
obligation strength among its labels), in the treaty at an unknown article,
confirmed absent, not found. The states and the words in each cell's tooltip
come from :func:`~treatydiff.report.formatting.matrix_cell`, the function the
matrix table is drawn from, so the two cannot disagree. Built like the maps
of :mod:`treatydiff.report.svg`: lxml elements, text escaped, no script.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from treatydiff.report.formatting import (
    clause_anchor,
    matrix_cell,
    provision_anchor,
    safe,
)
from treatydiff.report.svg import FONT, INK, PAD, RULE, SVG, clip, group_index, number
from treatydiff.report.view import GroupView, ReportView

__all__ = ["CELL_COLOURS", "STATES", "cell_links", "cell_state", "heat_map"]

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
#: Every cell state, with the words of the legend.
STATES = {
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
_FIRMEST = ("binding", "negative", "discretionary", "consultative", "aspirational")
_CELL, _GAP = 18.0, 2.0


def _colour(state: str) -> str:
    """A state's colour; a state of the matrix this map does not know yet is
    grey (and named as it is in the legend)."""
    return CELL_COLOURS.get(state, "#bdbdbd")


def cell_state(view: ReportView, kind: str, tid: str) -> str:
    """The heat-map state of a matrix cell: the firmest strength of a present
    cell (``present`` when none is stated), else the state of
    :func:`~treatydiff.report.formatting.matrix_cell`."""
    state, _, _ = matrix_cell(view, kind, tid)
    if state != "present":
        return state
    found = {
        str(c.strength) for c in view.labels.get(kind, {}).get(tid, ()) if c.strength
    }
    return next((s for s in _FIRMEST if s in found), "present")


def cell_links(
    view: ReportView, listed: Sequence[GroupView]
) -> dict[tuple[str, str], str]:
    """The HTML report's address for each cell: the cited clause of a present
    cell's first ref (else the group holding it, else the matrix), the
    provision's matrix row, which folds the finding, for an empty cell with
    a finding."""
    where = group_index(listed)
    out: dict[tuple[str, str], str] = {}
    for kind, per_treaty in view.provisions.items():
        for tid in view.ids:
            refs = per_treaty.get(tid, ())
            if refs and refs[0] in view.clauses.get(tid, {}):
                out[kind, tid] = "#" + clause_anchor(tid, refs[0])
            elif refs:
                gid = _group_of(where, tid, refs[0])
                out[kind, tid] = "#" + gid if gid else "#matrix"
            elif tid in view.missing.get(kind, {}):
                out[kind, tid] = "#" + provision_anchor(kind)
    return out


def _group_of(where: Mapping[tuple[str, str], str], tid: str, ref: str) -> str | None:
    """The group of the article holding ``ref`` (``"4.2.a"`` is in article
    ``"4.2"`` or ``"4"``, the longest that is one)."""
    parts = ref.split(".")
    for n in range(len(parts), 0, -1):
        gid = where.get((tid, ".".join(parts[:n])))
        if gid is not None:
            return gid
    return None


def heat_map(
    view: ReportView, hrefs: Mapping[tuple[str, str], str] | None = None
) -> Any:
    """The provision matrix as an lxml ``<svg>``: a row of cells per treaty,
    a column per provision kind, a legend of the states shown.

    ``hrefs`` maps ``(kind, treaty id)`` to the address a cell opens.
    """
    kinds, ids = list(view.provisions), view.ids
    names = [clip(safe(t), 24) + (" (base)" if t == view.base else "") for t in ids]
    left = PAD + 6.6 * max((len(n) for n in names), default=4) + 8
    # column labels run up and right at 60°: about 5.6 px a character
    longest = 5.6 * min(36, max((len(safe(k)) for k in kinds), default=4))
    top = PAD + longest * 0.87 + 8
    width = max(left + len(kinds) * (_CELL + _GAP) + longest * 0.5 + PAD, 480.0)
    root = SVG.svg(
        {"class": "heat-map", "role": "img", "font-family": FONT}, width=number(width)
    )
    root.append(
        SVG.title(f"Provision heat-map: {len(kinds)} provisions × {len(ids)} treaties")
    )
    for j, kind in enumerate(kinds):
        x = left + j * (_CELL + _GAP) + _CELL / 2 + 3
        label = SVG.text(
            clip(safe(kind), 36),
            transform=f"translate({number(x)},{number(top - 4)}) rotate(-60)",
            fill=INK,
        )
        label.set("font-size", "10")
        label.append(SVG.title(safe(kind)))
        root.append(label)
    seen: list[str] = []
    for i, (tid, name) in enumerate(zip(ids, names, strict=True)):
        y = top + i * (_CELL + _GAP)
        label = SVG.text(name, x=number(left - 6), y=number(y + _CELL * 0.72), fill=INK)
        label.set("font-size", "11")
        label.set("text-anchor", "end")
        root.append(label)
        for j, kind in enumerate(kinds):
            state = cell_state(view, kind, tid)
            seen.append(state)
            rect = SVG.rect(
                {
                    "class": f"cell {state}",
                    "data-kind": safe(kind),
                    "data-treaty": safe(tid),
                    "data-state": state,
                },
                x=number(left + j * (_CELL + _GAP)),
                y=number(y),
                width=number(_CELL),
                height=number(_CELL),
                fill=_colour(state),
                stroke=RULE if state in ("missing", "not-found") else "none",
            )
            short = matrix_cell(view, kind, tid)[1]
            rect.append(SVG.title(f"{safe(kind)} · {safe(tid)}: {short}"))
            href = (hrefs or {}).get((kind, tid))
            root.append(SVG.a(rect, href=href) if href else rect)
    foot = _legend(
        root,
        [*(s for s in STATES if s in seen), *sorted(set(seen) - STATES.keys())],
        width,
        y=top + len(ids) * (_CELL + _GAP) + 16,
    )
    root.set("height", number(foot + PAD))
    root.set("viewBox", f"0 0 {number(width)} {number(foot + PAD)}")
    return root


def _legend(root: Any, states: Sequence[str], width: float, y: float) -> float:
    """Append a swatch per state shown, wrapped to ``width``; the foot."""
    x = PAD
    for state in states:
        step = 24 + 5.6 * len(STATES.get(state, state))
        if x + step > width and x > PAD:
            x, y = PAD, y + 18
        root.append(
            SVG.rect(
                x=number(x),
                y=number(y - 9),
                width="11",
                height="11",
                fill=_colour(state),
                stroke=RULE,
            )
        )
        name = STATES.get(state, state)
        words = SVG.text(name, x=number(x + 15), y=number(y), fill=INK)
        words.set("font-size", "10")
        root.append(words)
        x += step
    return y + 9
