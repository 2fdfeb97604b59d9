"""The plain-text report, with optional ANSI colours for a terminal.

Redline marks: ``[-deleted-]``, ``{+inserted+}``, ``[~n moved away~]`` and
``{~n moved here~}`` (``n`` pairs both ends of a move).
"""

from __future__ import annotations

from collections.abc import Sequence

from treatydiff.model import Op, OpKind
from treatydiff.report.formatting import (
    FINDINGS,
    UNPLACED,
    changed_diffs,
    coverage,
    diff_title,
    finding_details,
    flag_line,
    listed_groups,
    matrix_cell,
    members_line,
    missing_findings,
    safe,
    score_label,
    side_by_side,
    status_label,
)
from treatydiff.report.view import ReportView

__all__ = ["redline_text", "render_text"]

_ANSI = {
    "del": "31",
    "ins": "32",
    "move": "36",
    "head": "1",
    "missing": "33",
    "unplaced": "34",
}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_ANSI[style]}m{text}\x1b[0m" if color and text else text


def _table(rows: list[list[str]], indent: str = "  ") -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        indent
        + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def redline_text(ops: Sequence[Op], color: bool = False) -> str:
    """A diff's ops as one text with redline marks (ANSI colours when ``color``)."""
    out = []
    for op in ops:
        kind, a, b = op.kind, safe(op.a), safe(op.b)
        if kind == OpKind.EQUAL:
            out.append(b)
        elif kind in (OpKind.MOVE_FROM, OpKind.MOVE_TO):
            left, right = ("[~", "~]") if kind == OpKind.MOVE_FROM else ("{~", "~}")
            out.append(_paint(f"{left}{op.move} {a or b}{right}", "move", color))
        else:
            if a:
                out.append(_paint(f"[-{a}-]", "del", color))
            if b:
                out.append(_paint(f"{{+{b}+}}", "ins", color))
    return "".join(out)


def render_text(view: ReportView, color: bool = False) -> str:
    """The report as plain text (ANSI colours when ``color``)."""
    ids = view.ids
    base = view.base

    def head(title: str) -> list[str]:
        return ["", _paint(title, "head", color)]

    lines = [
        _paint(
            "treatydiff comparison: "
            + " · ".join(safe(t) + (" (base)" if t == base else "") for t in ids),
            "head",
            color,
        )
    ]

    lines += head("Treaties")
    lines += _table(
        [
            [
                safe(t.id),
                safe(t.signed_date or ""),
                safe(t.lang or ""),
                safe(t.kind or ""),
                coverage(t),
                safe(t.title or ""),
            ]
            for t in (v.treaty for v in view.treaties)
        ]
    )

    lines += head(
        f"Provisions (provision × treaty; {UNPLACED}: in the treaty, article not "
        "identified; — missing: confirmed absent or not found)"
    )
    rows = [["PROVISION", *[safe(t) for t in ids]]]
    for kind in view.provisions:
        row = [safe(kind)]
        for tid in ids:
            _, short, nearest = matrix_cell(view, kind, tid)
            near = f"; nearest {safe(nearest.ref)}" if nearest else ""
            row.append(short + near)
        rows.append(row)
    lines += _table(rows)

    groups, placeholders = listed_groups(view)
    lines += head("Correspondence groups")
    rows = [["GROUP", "CHANGE", "SCORE", *[safe(t) for t in ids]]]
    for group in groups:
        rows.append(
            [
                safe(group.id),
                safe(group.change.change or "—"),
                score_label(group),
                *members_line(group, ids),
            ]
        )
    lines += _table(rows) if groups else ["  (no groups)"]
    lines += [f"  {line}" for line in placeholders]

    lines += head(f"Changes against {safe(base)}")
    lines.append("  marks: [-deleted-] {+inserted+} [~n moved away~] {~n moved here~}")
    for group in groups:
        shown: set[str] = set()  # clauses side by side: each printed once
        for diff in changed_diffs(group):
            lines.append("")
            lines.append("  " + _paint(diff_title(group, diff), "head", color))
            if diff.flags:
                lines.append("    flags: " + flag_line(diff))
            beside = side_by_side(group, diff)
            for label, text in beside:
                lines.append(f"    [{label}]" + (" as above" if label in shown else ""))
                if label not in shown:
                    lines += ["      " + line for line in text.splitlines()]
                shown.add(label)
            if not beside:
                body = redline_text(diff.ops, color)
                lines += ["    " + line for line in body.splitlines()]

    lines += head(FINDINGS)
    for kind, tid, entry in missing_findings(view):
        style = "unplaced" if entry.status == "unplaced" else "missing"
        lines.append(
            f"  {safe(kind)} · {safe(tid)}: "
            + _paint(status_label(entry), style, color)
        )
        if entry.note:
            lines.append(f"    note: {safe(entry.note)}")
        lines += [f"    {line}" for line in finding_details(entry)]
        if entry.sources:
            lines.append("    sources: " + ", ".join(safe(s) for s in entry.sources))

    lines += head("Coverage notes")
    lines += [f"  - {safe(note)}" for note in view.notes] or ["  (none)"]
    return "\n".join(lines) + "\n"
