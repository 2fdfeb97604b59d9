"""The Markdown report: GitHub tables, redlines as strike-through and bold.

Redline marks: ``~~deleted~~``, ``**inserted**`` and ``↷n`` before moved text.
Treaty text is escaped so that it stays text: no HTML, no Markdown syntax.
"""

from __future__ import annotations

import re
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
    nearest_line,
    safe,
    score_label,
    side_by_side,
    status_label,
)
from treatydiff.report.view import ReportView

__all__ = ["md_escape", "redline_md", "render_markdown"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_LEADING = re.compile(r"^(\s*|\s*\d+(?=[.)]))([-+#=.)])(?=\s|$)", re.M)


def md_escape(text: object) -> str:
    """Treaty text as inert Markdown: HTML and Markdown syntax escaped."""
    text = safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_LEADING.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", text))
    return text.replace("\n", "<br>")


def _md_mark(text: str, mark: str, prefix: str = "") -> str:
    """``**text**`` with the edge whitespace outside the marks (Markdown needs it)."""
    core = text.strip()
    if not core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{prefix}{mark}{md_escape(core)}{mark}{trail}"


def redline_md(ops: Sequence[Op]) -> str:
    """A diff's ops as Markdown: ~~deleted~~, **inserted**, ↷n before moved text."""
    out = []
    for op in ops:
        kind, a, b = op.kind, op.a, op.b
        if kind == OpKind.EQUAL:
            out.append(md_escape(b))
        elif kind == OpKind.MOVE_FROM:
            out.append(_md_mark(a, "~~", f"↷{op.move} "))
        elif kind == OpKind.MOVE_TO:
            out.append(_md_mark(b, "**", f"↷{op.move} "))
        else:
            out.append(_md_mark(a, "~~") + (" " if a and b else "") + _md_mark(b, "**"))
    return "".join(out).replace("\n", "<br>")


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_md_row(header), _md_row(["---"] * len(header)), *map(_md_row, rows)]


def render_markdown(view: ReportView) -> str:
    """The report as Markdown (GitHub tables; treaty text made inert)."""
    ids = view.ids
    base = view.base
    lines = [
        "# treatydiff comparison",
        "",
        f"Base: {md_escape(base)}; treaties: " + ", ".join(md_escape(t) for t in ids),
        "",
        "## Treaties",
        "",
    ]
    lines += _md_table(
        ["ID", "Title", "Language", "Kind", "Signed", "Coverage"],
        [
            [
                md_escape(t.id),
                md_escape(t.title or ""),
                md_escape(t.lang or ""),
                md_escape(t.kind or ""),
                md_escape(t.signed_date or ""),
                coverage(t),
            ]
            for t in (v.treaty for v in view.treaties)
        ],
    )

    lines += [
        "",
        "## Provisions",
        "",
        f"Provision × treaty: refs where present; *{UNPLACED}*: in the treaty, "
        "article not identified; — missing (confirmed absent or not found) with "
        "the nearest candidate.",
        "",
    ]
    rows = []
    for kind in view.provisions:
        row = [md_escape(kind)]
        for tid in ids:
            state, short, nearest = matrix_cell(view, kind, tid)
            mark = {"present": "", "unplaced": "*"}.get(state, "**")
            cell = f"{mark}{md_escape(short)}{mark}"
            near = nearest_line(nearest)
            row.append(cell + (f"<br>nearest: {md_escape(near)}" if near else ""))
        rows.append(row)
    lines += _md_table(["Provision", *[md_escape(t) for t in ids]], rows)

    groups, placeholders = listed_groups(view)
    lines += ["", "## Correspondence groups", ""]
    lines += _md_table(
        ["Group", "Change", "Score", *[md_escape(t) for t in ids]],
        [
            [
                md_escape(g.id),
                md_escape(g.change.change or "—"),
                md_escape(score_label(g)),
                *[md_escape(m) for m in members_line(g, ids)],
            ]
            for g in groups
        ],
    )
    if placeholders:
        lines += ["", *[f"- {md_escape(line)}" for line in placeholders]]

    lines += [
        "",
        f"## Changes against {md_escape(base)}",
        "",
        "~~deleted~~ **inserted**; ↷n marks both ends of moved text n.",
    ]
    for group in groups:
        for diff in changed_diffs(group):
            lines += ["", f"### {md_escape(diff_title(group, diff))}", ""]
            if diff.flags:
                lines += [f"Flags: {md_escape(flag_line(diff))}", ""]
            beside = side_by_side(group, diff)
            if beside:
                lines += [
                    "| " + " | ".join(md_escape(label) for label, _ in beside) + " |",
                    "|" + "---|" * len(beside),
                    "| " + " | ".join(md_escape(text) for _, text in beside) + " |",
                ]
            else:
                lines.append("> " + redline_md(diff.ops))

    lines += ["", f"## {FINDINGS}", ""]
    for kind, tid, entry in missing_findings(view):
        status = md_escape(status_label(entry))
        parts = [f"- **{md_escape(kind)}** · {md_escape(tid)}: {status}"]
        if entry.note:
            parts.append(f"note: {md_escape(entry.note)}")
        parts += [md_escape(line) for line in finding_details(entry)]
        if entry.sources:
            parts.append("sources: " + ", ".join(md_escape(s) for s in entry.sources))
        lines.append("; ".join(parts))

    lines += ["", "## Coverage notes", ""]
    lines += [f"- {md_escape(n)}" for n in view.notes] or ["(none)"]
    return "\n".join(lines) + "\n"
