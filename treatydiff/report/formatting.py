"""Wording shared by the text, Markdown and HTML reports: cells, labels, safe text.

Every renderer takes its words from here, so the formats say the same
things; none of these helpers knows a format's markup. Control and
bidirectional-override characters in treaty text are shown as escapes
(``\\x1b``, ``\\u202e``), never passed to a terminal or page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from treatydiff.model import ChangeKind, Span, Strength, Treaty, TreatyChange
from treatydiff.output import safe
from treatydiff.report.view import Finding, GroupView, Nearest, ReportView

__all__ = [
    "FINDINGS",
    "UNPLACED",
    "cell_refs",
    "cell_runs",
    "changed_diffs",
    "clause_anchor",
    "coverage",
    "diff_title",
    "finding_details",
    "flag_line",
    "highlight",
    "listed_groups",
    "matrix_cell",
    "member_refs",
    "members_line",
    "missing_findings",
    "nearest_line",
    "provision_anchor",
    "ref_ranges",
    "safe",
    "score_label",
    "side_by_side",
    "status_label",
    "strength_note",
]

_STATUS = {
    "confirmed-absent": "confirmed absent",
    "not-found": "not found",
    "unplaced": "unplaced (in the treaty, article not identified)",
    "other-strength": "other strength",
}
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9.-]")
_NUMBERS = re.compile(r"[0-9]+ [0-9]+")  # two article numbers
#: The heading of the findings: missing provisions and unplaced ones.
FINDINGS = "Missing provisions and provisions at an unknown article"
#: The matrix cell of a provision a source puts in the treaty at an unknown article.
UNPLACED = "✓ article unknown"


def highlight(text: str, spans: Sequence[Span]) -> list[tuple[str, bool]]:
    """``text`` cut into ``(piece, is_evidence)`` runs; a span whose offsets do
    not hold its text is looked up by its text, and overlapping spans merge."""
    cuts: list[tuple[int, int]] = []
    for span in spans:
        start = span.start
        if text[span.start : span.end] != span.text:
            start = text.find(span.text) if span.text else -1
            if start < 0:
                continue
        cuts.append((start, start + len(span.text)))
    merged: list[list[int]] = []
    for start, end in sorted(cuts):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[tuple[str, bool]] = []
    pos = 0
    for start, end in merged:
        out += [(text[pos:start], False), (text[start:end], True)]
        pos = end
    out.append((text[pos:], False))
    return [(piece, marked) for piece, marked in out if piece]


def coverage(treaty: Treaty) -> str:
    """``"6/47 encoded"`` (``?`` when the total is unknown)."""
    encoded, total = treaty.coverage
    return f"{encoded}/{'?' if total is None else total} encoded"


def nearest_line(nearest: Nearest | None) -> str:
    """``"3.3 (non-assistance-to-aggressor): why"`` or ``""``."""
    if nearest is None:
        return ""
    line = safe(nearest.ref)
    if nearest.kinds:
        line += f" ({safe(', '.join(nearest.kinds))})"
    if nearest.why:
        line += f": {safe(nearest.why)}"
    return line


def cell_runs(
    view: ReportView, kind: str, tid: str
) -> list[tuple[list[str], Strength | None]]:
    """The refs of a present cell in runs of one strength (refs unescaped):
    ``[(["4.1", "4.2"], Strength.BINDING)]``."""
    found = view.labels.get(kind, {}).get(tid, ())
    if not found:
        return [(list(view.provisions[kind].get(tid, ())), None)]
    runs: list[tuple[list[str], Strength | None]] = []
    for label in found:
        if runs and runs[-1][1] == label.strength:
            runs[-1][0].append(label.ref)
        else:
            runs.append(([label.ref], label.strength))
    return runs


def strength_note(strength: Strength | None) -> str:
    """``" (binding)"``, or ``""`` for no strength."""
    return "" if strength is None else f" ({safe(strength)})"


def cell_refs(view: ReportView, kind: str, tid: str) -> str:
    """The refs of a present cell with their strength: ``4 (binding)``; refs
    of one strength share it (``4.1, 4.2 (binding)``)."""
    return ", ".join(
        ", ".join(map(safe, refs)) + strength_note(strength)
        for refs, strength in cell_runs(view, kind, tid)
    )


def clause_anchor(tid: str, ref: str) -> str:
    """The HTML id of a cited clause: ``clause-ru-ir-2025:3.3``; any character
    but ASCII letters, digits, ``-`` and ``.`` is written ``_hex_``, so two
    (treaty, ref) pairs never share an id."""
    return f"clause-{_id_part(tid)}:{_id_part(ref)}"


def provision_anchor(kind: str) -> str:
    """The HTML id of a provision's matrix row: ``provision-mutual-defence``."""
    return f"provision-{_id_part(kind)}"


def _id_part(text: str) -> str:
    return _ID_UNSAFE.sub(lambda m: f"_{ord(m.group()):x}_", text)


def matrix_cell(
    view: ReportView, kind: str, tid: str
) -> tuple[str, str, Nearest | None]:
    """One provision × treaty cell: (state, short text, nearest candidate or None).

    ``state`` is ``present``, ``unplaced`` (in the treaty, article unknown:
    ``✓ article unknown``, with the article hint if any), ``confirmed-absent``,
    ``not-found`` or ``missing`` (no finding recorded).
    """
    refs = view.provisions[kind].get(tid, ())
    if refs:
        return "present", cell_refs(view, kind, tid), None
    entry = view.missing.get(kind, {}).get(tid)
    if entry is None:
        return "missing", "—", None
    if entry.status == "unplaced":
        hint = entry.article
        return "unplaced", UNPLACED + (f" (hint: {safe(hint)})" if hint else ""), None
    return entry.status, f"— {status_label(entry)}", entry.nearest


def score_label(group: GroupView) -> str:
    """A group's score, marked when only shared provision kinds link it.

    Such a score rests on shared provision kinds (curated between digests;
    security-core kinds, weighed with wording, otherwise), not text alone.
    """
    by_kinds = group.group.basis == ("provisions",)
    return f"{group.group.score:.2f}" + (" (by provisions)" if by_kinds else "")


def status_label(entry: Finding) -> str:
    """A finding's status in words (``"confirmed absent"``)."""
    return _STATUS.get(entry.status, safe(entry.status))


def finding_details(entry: Finding) -> list[str]:
    """A finding's evidence lines after its note: ``"article hint: 7+"``,
    ``"confidence: inferred"`` for an unplaced provision, the nearest candidate."""
    details = []
    if entry.status == "unplaced":
        if entry.article:
            details.append(f"article hint: {safe(entry.article)}")
        if entry.confidence:
            details.append(f"confidence: {safe(entry.confidence)}")
    if entry.nearest is not None:
        details.append(f"nearest candidate: {nearest_line(entry.nearest)}")
    return details


def missing_findings(view: ReportView) -> Iterator[tuple[str, str, Finding]]:
    """(kind, treaty id, finding) for every missing provision, matrix order."""
    for kind, per_treaty in view.missing.items():
        for tid in view.ids:
            if tid in per_treaty:
                yield kind, tid, per_treaty[tid]


def listed_groups(view: ReportView) -> tuple[list[GroupView], list[str]]:
    """The groups to list one by one, and one line per treaty for the groups
    that hold only its placeholder articles."""
    listed: list[GroupView] = []
    hidden: dict[str, set[str]] = {t.id: set() for t in view.treaties}
    for group in view.groups:
        if group.placeholder:
            for tid, refs in group.members.items():
                hidden[tid].update(refs)
        else:
            listed.append(group)
    lines = []
    for treaty in view.treaties:
        holes = hidden[treaty.id]
        if holes:
            order = {r: i for i, r in enumerate(treaty.articles)}
            ranked = sorted(holes, key=lambda r: (order.get(r, len(order)), r))
            digest = " in the digest" if treaty.treaty.kind == "digest" else ""
            many = "s" if len(holes) > 1 else ""
            lines.append(
                f"{safe(treaty.id)}: {len(holes)} article{many} not encoded"
                f"{digest} (placeholder{many}): {ref_ranges(ranked)}"
            )
    return listed, lines


def ref_ranges(refs: Sequence[str]) -> str:
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


def member_refs(group: GroupView, tid: str) -> str:
    """A treaty's refs in a group: one ref with its heading (``4 — Scope``),
    several with runs compressed (``15–17, 21``), ``—`` for none."""
    refs = group.members.get(tid, ())
    if len(refs) == 1:
        heading = group.headings.get(tid, {}).get(refs[0])
        return safe(refs[0]) + (f" — {safe(heading)}" if heading else "")
    return ref_ranges(refs) or "—"


def members_line(group: GroupView, ids: Sequence[str]) -> list[str]:
    """Each treaty's refs in a group (see :func:`member_refs`) with its change
    against the base (``4 — Scope (modified)``), column order."""
    changes = {d.treaty: d.change for d in group.change.diffs}
    cells = []
    for tid in ids:
        refs = member_refs(group, tid)
        change = changes.get(tid)
        cells.append(
            refs if change in (None, ChangeKind.REMOVED) else f"{refs} ({safe(change)})"
        )
    return cells


def changed_diffs(group: GroupView) -> list[TreatyChange]:
    """The per-treaty changes of a group that change something; a removal
    several treaties share is listed once (its title names them all)."""
    changed = [
        d
        for d in group.change.diffs
        if d.change is not None and d.change != ChangeKind.IDENTICAL
    ]
    return [d for d in changed if _sharing(group, d)[0] == d.treaty]


def _sharing(group: GroupView, diff: TreatyChange) -> list[str]:
    """The treaties whose change is the same removal as ``diff``'s (in diff
    order), or ``diff``'s treaty alone for any other change."""
    if diff.change != ChangeKind.REMOVED:
        return [diff.treaty]
    return [
        d.treaty
        for d in group.change.diffs
        if d.change == ChangeKind.REMOVED and (d.ops, d.flags) == (diff.ops, diff.flags)
    ]


def side_by_side(group: GroupView, diff: TreatyChange) -> list[tuple[str, str]]:
    """``[(label, text)]`` for the base's clauses and then the other treaty's,
    when the two are in different languages; ``[]`` otherwise."""
    if diff.treaty not in group.side_by_side:
        return []
    return [
        (f"{safe(tid)} {safe(ref)}", safe(group.texts[tid][ref]))
        for tid in (diff.base, diff.treaty)
        for ref in group.members.get(tid, ())
    ]


def flag_line(diff: TreatyChange) -> str:
    """``"modality: shall → may; time: 30 days → 60 days"``."""
    return "; ".join(f"{safe(f.kind)}: {safe(f.note)}" for f in diff.flags)


def diff_title(group: GroupView, diff: TreatyChange) -> str:
    """``"g2 · ru-kp-2024 4 — Scope vs ru-ir-2025 3.3: modified"``; a removal
    shared by several treaties names them all (``g3 · a, b — vs c 3: removed``)."""
    side = member_refs(group, diff.treaty)
    base = member_refs(group, diff.base)
    title = (
        f"{safe(group.id)} · {', '.join(map(safe, _sharing(group, diff)))} {side} vs "
        f"{safe(diff.base)} {base}: {safe(diff.change)}"
    )
    moved = diff.moved and diff.change != ChangeKind.MOVED
    return title + (" (moved)" if moved else "")
