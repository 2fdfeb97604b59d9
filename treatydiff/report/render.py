"""Render a comparison (its ``to_dict()``) as text, Markdown, JSON or HTML.

Every format carries the same findings, in the same order: the treaties, the
provision × treaty matrix (present refs; ``✓ article unknown`` where a source
puts the provision in the treaty without its article; missing cells with
their status, confirmed absent or not found, and the nearest candidate), the
correspondence groups with their change kinds, the word diffs of changed
groups with their significance flags, the missing-provision findings with
evidence, and the coverage notes. Text, Markdown and HTML list a group that
holds only placeholder articles (``"placeholders"`` of a treaty: digest
articles whose content is not encoded) not one by one but in one line per
treaty with compressed ranges (``6–11, 13, 15–47``); JSON keeps every group.

Redline marks in text: ``[-deleted-]``, ``{+inserted+}``, ``[~n moved away~]``
and ``{~n moved here~}`` (``n`` pairs both ends of a move); Markdown uses
``~~deleted~~``, ``**inserted**`` and ``↷n`` before moved text. Control and
bidirectional-override characters in treaty text are shown as escapes
(``\\x1b``, ``\\u202e``), never passed to a terminal or page.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from typing import Any

from treatydiff.diff.changes import CHANGE_KINDS
from treatydiff.diff.words import describe_group
from treatydiff.errors import InvalidArgument

__all__ = [
    "FORMATS",
    "html_fragment",
    "render",
    "score_label",
]

FORMATS = ("text", "md", "json", "html")

_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
_STATUS = {
    "confirmed-absent": "confirmed absent",
    "not-found": "not found",
    "unplaced": "unplaced (in the treaty, article not identified)",
}
_NUMBERS = re.compile(r"[0-9]+ [0-9]+")  # two article numbers
#: The heading of the findings: missing provisions and unplaced ones.
FINDINGS = "Missing provisions and provisions at an unknown article"
#: The matrix cell of a provision a source puts in the treaty at an unknown article.
UNPLACED = "✓ article unknown"


def render(
    data: dict[str, Any],
    fmt: str = "text",
    *,
    color: bool = False,
    only: str | None = None,
    changed_only: bool = False,
) -> str:
    """Render a comparison dict in ``fmt`` (text, md, json, html).

    ``only`` keeps the groups where the group or one of its treaties has that
    change kind; ``changed_only`` hides identical groups. Groups without diffs
    get them from :func:`treatydiff.diff.words.describe_group`. ``color`` adds ANSI
    colours to text.
    """
    _check(fmt, only)
    data = prepare(data, only=only, changed_only=changed_only)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from treatydiff.report.html import (
            render_html,  # report_html builds on the helpers here
        )

        return render_html(data)
    return _render_md(data) if fmt == "md" else _render_text(data, color)


def html_fragment(
    data: dict[str, Any], *, only: str | None = None, changed_only: bool = False
) -> str:
    """The HTML report as one ``<div>`` with scoped CSS, for ``_repr_html_``."""
    _check(None, only)
    from treatydiff.report.html import (
        render_fragment,  # report_html builds on the helpers here
    )

    return render_fragment(prepare(data, only=only, changed_only=changed_only))


def _check(fmt: str | None, only: str | None) -> None:
    if fmt is not None and fmt not in FORMATS:
        raise InvalidArgument(
            f"unknown report format {fmt!r}; expected one of {FORMATS}"
        )
    if only is not None and only not in CHANGE_KINDS:
        raise InvalidArgument(
            f"unknown change kind {only!r}; expected one of {CHANGE_KINDS}"
        )


# -- shared view of the data ---------------------------------------------------


def prepare(
    data: dict[str, Any], *, only: str | None = None, changed_only: bool = False
) -> dict[str, Any]:
    """A copy of ``data`` with diffs filled in and groups filtered."""
    if not isinstance(data, dict) or not isinstance(data.get("treaties"), list):
        raise InvalidArgument(
            "not a comparison: expected a dict with a 'treaties' list"
        )
    data = copy.deepcopy(data)
    ids = treaty_ids(data)
    data.setdefault("base", ids[0] if ids else None)
    groups = []
    for group in data.get("groups", []):
        if "diffs" not in group and len(ids) > 1:
            group.update(_describe(group, data["base"]))
        diffs = group.get("diffs") or []
        changes = {group.get("change")} | {d.get("change") for d in diffs}
        if (only is None or only in changes) and not (
            changed_only and group.get("change") == "identical"
        ):
            groups.append(group)
    data["groups"] = groups
    return data


def _describe(group: dict[str, Any], base: str) -> dict[str, Any]:
    texts = group.get("texts", {})
    members = {
        tid: [(ref, texts.get(tid, {}).get(ref, "")) for ref in refs]
        for tid, refs in group.get("members", {}).items()
    }
    return describe_group(
        members, base, kind=group.get("kind", "match"), moved=group.get("moved")
    )


def treaty_ids(data: dict[str, Any]) -> list[str]:
    """The compared treaty ids, in column order."""
    return [t["id"] for t in data["treaties"]]


def safe(text: Any) -> str:
    """``text`` as a string, with control and bidi-override characters escaped."""
    return _UNSAFE.sub(
        lambda m: m.group().encode("unicode_escape").decode("ascii"),
        "" if text is None else str(text),
    )


def coverage(treaty: dict[str, Any]) -> str:
    """``"6/47 encoded"`` (``?`` when the total is unknown)."""
    cov = treaty.get("coverage") or {}
    total = cov.get("total")
    return f"{cov.get('encoded', '?')}/{'?' if total is None else total} encoded"


def missing_entry(data: dict[str, Any], kind: str, tid: str) -> dict[str, Any] | None:
    """The missing-provision finding for ``kind`` in treaty ``tid``, if any."""
    return (data.get("missing") or {}).get(kind, {}).get(tid)


def nearest_line(nearest: dict[str, Any] | None) -> str:
    """``"3.3 (non-assistance-to-aggressor): why"`` or ``""``."""
    if not nearest:
        return ""
    kinds = ", ".join(nearest.get("kinds") or [])
    line = safe(nearest.get("ref"))
    if kinds:
        line += f" ({safe(kinds)})"
    if nearest.get("why"):
        line += f": {safe(nearest['why'])}"
    return line


def matrix_cell(
    data: dict[str, Any], kind: str, tid: str
) -> tuple[str, str, dict[str, Any] | None]:
    """One provision × treaty cell: (state, short text, nearest candidate or None).

    ``state`` is ``present``, ``unplaced`` (in the treaty, article unknown:
    ``✓ article unknown``, with the article hint if any), ``confirmed-absent``,
    ``not-found`` or ``missing`` (no finding recorded).
    """
    refs = (data.get("provisions") or {}).get(kind, {}).get(tid) or []
    if refs:
        return "present", ", ".join(safe(r) for r in refs), None
    entry = missing_entry(data, kind, tid)
    if entry is None:
        return "missing", "—", None
    status = entry.get("status", "not-found")
    if status == "unplaced":
        hint = entry.get("article")
        return status, UNPLACED + (f" (hint: {safe(hint)})" if hint else ""), None
    return status, f"— {_STATUS.get(status, safe(status))}", entry.get("nearest")


def score_label(group: dict[str, Any]) -> str:
    """A group's score, marked when only shared provision kinds link it.

    Such a score is the overlap of curated provision kinds, not text similarity.
    """
    score = group.get("score")
    if score is None:
        return ""
    by_kinds = group.get("basis") == ["provisions"]
    return f"{score:.2f}" + (" (by provisions)" if by_kinds else "")


def status_label(entry: dict[str, Any]) -> str:
    """A finding's status in words (``"confirmed absent"``)."""
    status = entry.get("status")
    return _STATUS.get(status, safe(status))


def finding_details(entry: dict[str, Any]) -> list[str]:
    """A finding's evidence lines after its note: ``"article hint: 7+"``,
    ``"confidence: inferred"`` for an unplaced provision, the nearest candidate."""
    details = []
    if entry.get("status") == "unplaced":
        if entry.get("article"):
            details.append(f"article hint: {safe(entry['article'])}")
        if entry.get("confidence"):
            details.append(f"confidence: {safe(entry['confidence'])}")
    if entry.get("nearest"):
        details.append(f"nearest candidate: {nearest_line(entry['nearest'])}")
    return details


def missing_findings(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(kind, treaty id, finding) for every missing provision, matrix order."""
    for kind, per_treaty in (data.get("missing") or {}).items():
        for tid in treaty_ids(data):
            if tid in per_treaty:
                yield kind, tid, per_treaty[tid]


def listed_groups(
    data: dict[str, Any],
) -> tuple[list[dict[str, Any]], list[str]]:
    """The groups to list one by one, and one line per treaty for the groups
    that hold only its placeholder articles (``"placeholders"`` of a treaty;
    without that key every group is listed)."""
    holes = {t["id"]: set(t.get("placeholders") or ()) for t in data["treaties"]}
    listed, hidden = [], {tid: set() for tid in holes}
    for group in data["groups"]:
        members = [
            (tid, ref)
            for tid, refs in group.get("members", {}).items()
            for ref in refs or ()
        ]
        if members and all(ref in holes.get(tid, ()) for tid, ref in members):
            for tid, ref in members:
                hidden[tid].add(ref)
        else:
            listed.append(group)
    lines = []
    for treaty in data["treaties"]:
        refs = hidden[treaty["id"]]
        if refs:
            order = {r: i for i, r in enumerate(treaty.get("articles") or ())}
            ranked = sorted(refs, key=lambda r: (order.get(r, len(order)), r))
            digest = " in the digest" if treaty.get("kind") == "digest" else ""
            many = "s" if len(refs) > 1 else ""
            lines.append(
                f"{safe(treaty['id'])}: {len(refs)} article{many} not encoded"
                f"{digest} (placeholder{many}): {ref_ranges(ranked)}"
            )
    return listed, lines


def ref_ranges(refs: list[str]) -> str:
    """Refs with runs of three or more consecutive numbers compressed:
    ``["6", "7", "8", "13", "15", "16"]`` → ``"6–8, 13, 15, 16"``."""
    runs: list[list[str]] = []
    for ref in map(safe, refs):
        last = runs[-1][-1] if runs else ""
        if _NUMBERS.fullmatch(f"{last} {ref}") and int(ref) == int(last) + 1:
            runs[-1].append(ref)
        else:
            runs.append([ref])
    return ", ".join(
        f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(run) for run in runs
    )


def members_line(group: dict[str, Any], ids: list[str]) -> list[str]:
    """Each treaty's refs in a group with its change against the base
    (``4 (modified)``; ``—`` when it has none), column order."""
    members = group.get("members", {})
    changes = {d.get("treaty"): d.get("change") for d in group.get("diffs") or []}
    cells = []
    for tid in ids:
        refs = ", ".join(safe(r) for r in members.get(tid) or []) or "—"
        change = changes.get(tid)
        cells.append(
            refs if change in (None, "removed") else f"{refs} ({safe(change)})"
        )
    return cells


def changed_diffs(group: dict[str, Any]) -> list[dict[str, Any]]:
    """The diffs of a group that change something."""
    return [
        d
        for d in group.get("diffs") or []
        if d.get("change") not in (None, "identical")
    ]


def flag_line(diff: dict[str, Any]) -> str:
    """``"modality: shall → may; time: 30 days → 60 days"``."""
    return "; ".join(
        f"{safe(f['flag'])}: {safe(f.get('note'))}" for f in diff.get("flags", [])
    )


def diff_title(group: dict[str, Any], diff: dict[str, Any]) -> str:
    """``"g2 · ru-kp-2024 4 vs ru-ir-2025 3.3: modified"``."""
    members = group.get("members", {})
    side = ", ".join(members.get(diff["treaty"]) or []) or "—"
    base = ", ".join(members.get(diff["base"]) or []) or "—"
    title = (
        f"{safe(group.get('id'))} · {safe(diff['treaty'])} {safe(side)} vs "
        f"{safe(diff['base'])} {safe(base)}: {safe(diff.get('change'))}"
    )
    return title + (
        " (moved)" if diff.get("moved") and diff.get("change") != "moved" else ""
    )


# -- text ----------------------------------------------------------------------

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


def redline_text(ops: list[dict[str, Any]], color: bool = False) -> str:
    """A diff's ops as one text with redline marks (ANSI colours when ``color``)."""
    out = []
    for op in ops:
        kind, a, b = op["op"], safe(op.get("a")), safe(op.get("b"))
        if kind == "equal":
            out.append(b)
        elif kind in ("move-from", "move-to"):
            left, right = ("[~", "~]") if kind == "move-from" else ("{~", "~}")
            out.append(
                _paint(f"{left}{op.get('move', '')} {a or b}{right}", "move", color)
            )
        else:
            if a:
                out.append(_paint(f"[-{a}-]", "del", color))
            if b:
                out.append(_paint(f"{{+{b}+}}", "ins", color))
    return "".join(out)


def _render_text(data: dict[str, Any], color: bool) -> str:
    ids = treaty_ids(data)
    base = data.get("base")
    head = lambda title: ["", _paint(title, "head", color)]  # noqa: E731
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
                safe(t["id"]),
                safe(t.get("signed_date") or ""),
                safe(t.get("lang") or ""),
                safe(t.get("kind") or ""),
                coverage(t),
                safe(t.get("title") or ""),
            ]
            for t in data["treaties"]
        ]
    )

    lines += head(
        f"Provisions (provision × treaty; {UNPLACED}: in the treaty, article not "
        "identified; — missing: confirmed absent or not found)"
    )
    rows = [["PROVISION", *[safe(t) for t in ids]]]
    for kind in data.get("provisions") or {}:
        row = [safe(kind)]
        for tid in ids:
            _, short, nearest = matrix_cell(data, kind, tid)
            near = f"; nearest {safe(nearest.get('ref'))}" if nearest else ""
            row.append(short + near)
        rows.append(row)
    lines += _table(rows)

    groups, placeholders = listed_groups(data)
    lines += head("Correspondence groups")
    rows = [["GROUP", "CHANGE", "SCORE", *[safe(t) for t in ids]]]
    for group in groups:
        rows.append(
            [
                safe(group.get("id")),
                safe(group.get("change") or "—"),
                score_label(group),
                *members_line(group, ids),
            ]
        )
    lines += _table(rows) if groups else ["  (no groups)"]
    lines += [f"  {line}" for line in placeholders]

    lines += head(f"Changes against {safe(base)}")
    lines.append("  marks: [-deleted-] {+inserted+} [~n moved away~] {~n moved here~}")
    for group in groups:
        for diff in changed_diffs(group):
            lines.append("")
            lines.append("  " + _paint(diff_title(group, diff), "head", color))
            if diff.get("flags"):
                lines.append("    flags: " + flag_line(diff))
            body = redline_text(diff.get("ops", []), color)
            lines += ["    " + line for line in body.splitlines()]

    lines += head(FINDINGS)
    for kind, tid, entry in missing_findings(data):
        style = "unplaced" if entry.get("status") == "unplaced" else "missing"
        lines.append(
            f"  {safe(kind)} · {safe(tid)}: "
            + _paint(status_label(entry), style, color)
        )
        if entry.get("note"):
            lines.append(f"    note: {safe(entry['note'])}")
        lines += [f"    {line}" for line in finding_details(entry)]
        if entry.get("sources"):
            lines.append("    sources: " + ", ".join(safe(s) for s in entry["sources"]))

    lines += head("Coverage notes")
    lines += [f"  - {safe(note)}" for note in data.get("notes") or []] or ["  (none)"]
    return "\n".join(lines) + "\n"


# -- Markdown ------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_LEADING = re.compile(r"^(\s*|\s*\d+(?=[.)]))([-+#=.)])(?=\s|$)", re.M)


def md_escape(text: Any) -> str:
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


def redline_md(ops: list[dict[str, Any]]) -> str:
    """A diff's ops as Markdown: ~~deleted~~, **inserted**, ↷n before moved text."""
    out = []
    for op in ops:
        kind, a, b = op["op"], op.get("a") or "", op.get("b") or ""
        if kind == "equal":
            out.append(md_escape(b))
        elif kind == "move-from":
            out.append(_md_mark(a, "~~", f"↷{op.get('move', '')} "))
        elif kind == "move-to":
            out.append(_md_mark(b, "**", f"↷{op.get('move', '')} "))
        else:
            out.append(_md_mark(a, "~~") + (" " if a and b else "") + _md_mark(b, "**"))
    return "".join(out).replace("\n", "<br>")


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_md_row(header), _md_row(["---"] * len(header)), *map(_md_row, rows)]


def _render_md(data: dict[str, Any]) -> str:
    ids = treaty_ids(data)
    base = data.get("base")
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
                md_escape(t["id"]),
                md_escape(t.get("title") or ""),
                md_escape(t.get("lang") or ""),
                md_escape(t.get("kind") or ""),
                md_escape(t.get("signed_date") or ""),
                coverage(t),
            ]
            for t in data["treaties"]
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
    for kind in data.get("provisions") or {}:
        row = [md_escape(kind)]
        for tid in ids:
            state, short, nearest = matrix_cell(data, kind, tid)
            mark = {"present": "", "unplaced": "*"}.get(state, "**")
            cell = f"{mark}{md_escape(short)}{mark}"
            near = nearest_line(nearest)
            row.append(cell + (f"<br>nearest: {md_escape(near)}" if near else ""))
        rows.append(row)
    lines += _md_table(["Provision", *[md_escape(t) for t in ids]], rows)

    groups, placeholders = listed_groups(data)
    lines += ["", "## Correspondence groups", ""]
    lines += _md_table(
        ["Group", "Change", "Score", *[md_escape(t) for t in ids]],
        [
            [
                md_escape(g.get("id")),
                md_escape(g.get("change") or "—"),
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
            if diff.get("flags"):
                lines += [f"Flags: {md_escape(flag_line(diff))}", ""]
            lines.append("> " + redline_md(diff.get("ops", [])))

    lines += ["", f"## {FINDINGS}", ""]
    for kind, tid, entry in missing_findings(data):
        status = md_escape(status_label(entry))
        parts = [f"- **{md_escape(kind)}** · {md_escape(tid)}: {status}"]
        if entry.get("note"):
            parts.append(f"note: {md_escape(entry['note'])}")
        parts += [md_escape(line) for line in finding_details(entry)]
        if entry.get("sources"):
            parts.append(
                "sources: " + ", ".join(md_escape(s) for s in entry["sources"])
            )
        lines.append("; ".join(parts))

    lines += ["", "## Coverage notes", ""]
    lines += [f"- {md_escape(n)}" for n in data.get("notes") or []] or ["(none)"]
    return "\n".join(lines) + "\n"
