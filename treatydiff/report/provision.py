"""One provision across the compared treaties, treaty by treaty: the side by
side a lawyer reads (``treatydiff compare A B C --provision mutual-defence``).

For each treaty, the clauses that carry the provision with their evidence
marked (text: ``[[evidence]]``; Markdown: ``**evidence**``; HTML: ``<mark>``),
their strength, source and confidence; or, where the provision is missing,
the finding (confirmed absent, not found, unplaced, other strength) with its
note and sources and the text of the nearest candidate clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from lxml.builder import E

from treatydiff.errors import InvalidArgument
from treatydiff.model import ComparisonResult
from treatydiff.provisions import TAXONOMY
from treatydiff.report.formatting import (
    finding_details,
    highlight,
    safe,
    status_label,
    strength_note,
)
from treatydiff.report.html import CSS, mark_evidence, page_html
from treatydiff.report.markdown import md_escape
from treatydiff.report.view import CellLabel, Finding, ReportView, build_view

__all__ = ["PROVISION_FORMATS", "render_provision"]

#: The formats of the provision view.
PROVISION_FORMATS = ("text", "md", "html")


@attrs.frozen(kw_only=True)
class _Entry:
    """One treaty's cell: its labelled clauses (label, text) or its finding
    and the nearest candidate's text."""

    treaty: str
    found: tuple[tuple[CellLabel, str], ...]
    finding: Finding | None
    nearest_text: str | None


def _entries(view: ReportView, kind: str) -> list[_Entry]:
    out = []
    for tid in view.ids:
        clauses = view.clauses.get(tid, {})
        labels = view.labels.get(kind, {}).get(tid, ())
        finding = view.missing.get(kind, {}).get(tid)
        near = finding.nearest if finding is not None else None
        out.append(
            _Entry(
                treaty=tid,
                found=tuple((lab, clauses.get(lab.ref, "")) for lab in labels),
                finding=finding,
                nearest_text=clauses.get(near.ref) if near is not None else None,
            )
        )
    return out


def _label_line(label: CellLabel) -> str:
    """``4 (binding); classifier, confidence 0.90``."""
    return (
        f"{safe(label.ref)}{strength_note(label.strength)}; "
        f"{safe(label.source)}, confidence {label.confidence:.2f}"
    )


def _status(entry: _Entry) -> str:
    if entry.found:
        return "present"
    return status_label(entry.finding) if entry.finding else "not found"


def render_provision(
    comparison: ComparisonResult,
    kind: str,
    fmt: str = "text",
    *,
    strength: str | None = None,
) -> str:
    """The provision view of ``kind`` in ``fmt`` (:data:`PROVISION_FORMATS`);
    ``strength`` filters the labels as in :func:`treatydiff.report.render`.
    Raises :class:`InvalidArgument` for an unknown kind (listing the known
    ones), format or strength."""
    if kind not in TAXONOMY:
        raise InvalidArgument(
            f"unknown provision kind {kind!r}; known kinds: {', '.join(TAXONOMY)}"
        )
    if fmt not in PROVISION_FORMATS:
        raise InvalidArgument(
            f"unknown provision view format {fmt!r}; expected one of "
            f"{PROVISION_FORMATS}"
        )
    view = build_view(comparison, strength=strength)
    entries = _entries(view, kind)
    if fmt == "html":
        return _html(kind, entries)
    return _markdown(kind, entries) if fmt == "md" else _text(kind, entries)


def _text(kind: str, entries: Sequence[_Entry]) -> str:
    lines = [
        f"treatydiff provision view: {safe(kind)}",
        f"  {safe(TAXONOMY[kind])}",
        "  evidence marked [[like this]]",
    ]

    def clause(text: str) -> list[str]:
        body = text or "(text not encoded)"
        return ["      " + line for line in body.splitlines()]

    for entry in entries:
        lines += ["", f"{safe(entry.treaty)}: {_status(entry)}"]
        for label, text in entry.found:
            marked = "".join(
                f"[[{safe(p)}]]" if m else safe(p)
                for p, m in highlight(text, label.evidence)
            )
            lines += [f"  {_label_line(label)}", *clause(marked)]
        if entry.finding is not None:
            if entry.finding.note:
                lines.append(f"  note: {safe(entry.finding.note)}")
            if entry.finding.sources:
                lines.append(
                    "  sources: " + ", ".join(map(safe, entry.finding.sources))
                )
            lines += [f"  {line}" for line in finding_details(entry.finding)]
            if entry.nearest_text is not None:
                lines += clause(safe(entry.nearest_text))
    return "\n".join(lines) + "\n"


def _markdown(kind: str, entries: Sequence[_Entry]) -> str:
    lines = [
        f"# Provision: {md_escape(kind)}",
        "",
        md_escape(TAXONOMY[kind]) + "; evidence in **bold**.",
    ]
    for entry in entries:
        lines += ["", f"## {md_escape(entry.treaty)}: {md_escape(_status(entry))}"]
        for label, text in entry.found:
            marked = "".join(
                f"**{md_escape(p)}**" if m else md_escape(p)
                for p, m in highlight(text, label.evidence)
            )
            lines += ["", f"{md_escape(_label_line(label))}", "", f"> {marked}"]
        if entry.finding is not None:
            details = [
                *([f"note: {entry.finding.note}"] if entry.finding.note else []),
                *(
                    ["sources: " + ", ".join(entry.finding.sources)]
                    if entry.finding.sources
                    else []
                ),
                *finding_details(entry.finding),
            ]
            lines += ["", *[f"- {md_escape(d)}" for d in details]]
            if entry.nearest_text is not None:
                lines += ["", f"> {md_escape(entry.nearest_text)}"]
    return "\n".join(lines) + "\n"


def _html(kind: str, entries: Sequence[_Entry]) -> str:
    body: list[Any] = [
        E.h1(f"Provision: {safe(kind)}"),
        E.p(safe(TAXONOMY[kind]), {"class": "lead"}),
    ]
    for entry in entries:
        state = "present" if entry.found else (entry.finding or _NOT_FOUND).status
        section = E.section(
            E.h2(f"{safe(entry.treaty)}: ", E.span(_status(entry), {"class": state})),
            {"id": f"treaty-{safe(entry.treaty)}"},
        )
        for label, text in entry.found:
            pieces = mark_evidence(text, label.evidence)
            section.append(E.div(_label_line(label), {"class": "refs"}))
            section.append(
                E.div(*pieces, {"class": "text clause"})
                if text
                else E.div("(text not encoded)", {"class": "absent"})
            )
        if entry.finding is not None:
            finding = entry.finding
            items = [f"note: {safe(finding.note)}"] if finding.note else []
            items += (
                ["sources: " + ", ".join(map(safe, finding.sources))]
                if finding.sources
                else []
            )
            items += finding_details(finding)
            section.append(E.ul(*[E.li(item) for item in items]))
            if entry.nearest_text is not None:
                section.append(
                    E.div(safe(entry.nearest_text), {"class": "text clause"})
                )
        body.append(section)
    page = E.html(
        E.head(
            E.meta(charset="utf-8"),
            E.meta(name="viewport", content="width=device-width, initial-scale=1"),
            E.title(f"treatydiff: {safe(kind)}"),
            E.style("body { margin: 0; }" + CSS),
        ),
        E.body(E.div({"class": "tdr"}, *body)),
        lang="en",
    )
    return page_html(page)


_NOT_FOUND = Finding(status="not-found", note="", sources=(), nearest=None)
