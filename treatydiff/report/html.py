"""The HTML report: one self-contained page (inline CSS, no script, no external asset).

The page is built as an lxml tree, so every piece of treaty text is a text
node or an attribute value that lxml escapes on output: text holding
``<script>``, quotes or ``</td>`` is shown as text and can never become markup.
Only ``http(s)`` source addresses become links.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, cast

import attrs
import lxml.html
from lxml.builder import E

from treatydiff.model import ChangeKind, Op, OpKind, Span
from treatydiff.report.formatting import (
    FINDINGS,
    UNPLACED,
    cell_runs,
    changed_diffs,
    clause_anchor,
    coverage,
    diff_title,
    finding_details,
    flag_line,
    highlight,
    listed_groups,
    matrix_cell,
    missing_findings,
    nearest_line,
    provision_anchor,
    safe,
    score_label,
    status_label,
    strength_note,
)
from treatydiff.report.heatmap import cell_links, heat_map
from treatydiff.report.svg import maps
from treatydiff.report.view import Finding, GroupView, ReportView

__all__ = ["CSS", "mark_evidence", "page_html", "render_fragment", "render_html"]

CSS = """
.tdr { --del: #a1251b; --del-bg: #fde4e1; --ins: #17652a; --ins-bg: #def3dc;
       --move: #17468f; --move-bg: #e2eafb; --line: #d3d5da; --muted: #5b6068;
       font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
             "DejaVu Sans", sans-serif;
       color: #1c1d20; margin: 0 auto; padding: 1.2rem 1.5rem; max-width: 1500px; }
.tdr, .tdr * { box-sizing: border-box; }
.tdr h1 { font-size: 1.55rem; margin: 0 0 .2rem; }
.tdr h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .2rem;
          border-bottom: 2px solid #1c1d20; }
.tdr .lead, .tdr .muted, .tdr .nearest, .tdr .refs { color: var(--muted); }
.tdr table { border-collapse: collapse; width: 100%; }
.tdr th, .tdr td { border: 1px solid var(--line); padding: .35rem .55rem;
                   text-align: left; vertical-align: top; }
.tdr thead th { background: #eef0f3; }
.tdr th .muted { font-weight: normal; }
.tdr table.treaties td:first-child,
.tdr table.treaties td:nth-child(5),
.tdr table.treaties td:nth-child(6) { white-space: nowrap; }
.tdr table.matrix, .tdr table.groups { table-layout: fixed; }
.tdr table.matrix col.kind { width: 15rem; }
.tdr table.groups col.info { width: 9.5rem; }
.tdr .present { background: #eaf6ea; }
.tdr .unplaced { background: #e3eefb; border: 2px dotted var(--move); }
.tdr .confirmed-absent { background: #f9d6d2; border: 2px solid var(--del); }
.tdr .not-found, .tdr .missing { background: #fff3d6; border: 2px dashed #b07a00; }
.tdr .other-strength { background: #f1ecf9; border: 2px dashed #6b4fa0; }
.tdr mark { background: #ffe27a; color: inherit; }
.tdr .legend .key { display: inline-block; padding: 0 .4em; border-width: 1px; }
.tdr .mark { font-weight: 600; }
.tdr .nearest { display: block; font-size: .85em; margin-top: .2rem; }
.tdr .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.tdr .refs { font-size: .85em; margin-bottom: .25rem; }
.tdr .absent { color: var(--muted); font-style: italic; }
.tdr del { color: var(--del); background: var(--del-bg);
           text-decoration: line-through; }
.tdr ins { color: var(--ins); background: var(--ins-bg); text-decoration: underline; }
.tdr del.moved, .tdr ins.moved { color: var(--move); background: var(--move-bg);
                                 text-decoration-style: dotted; }
.tdr sup.move { font-size: .7em; font-weight: 600; margin-right: .15em; }
.tdr del + ins, .tdr ins + del { margin-left: .2em; }
.tdr .badge { display: inline-block; padding: 0 .45em; border-radius: .6em;
              font-size: .8em; background: #e8e9ec; margin: 0 .2em .2em 0; }
.tdr .change-reworded, .tdr .change-moved { background: #e2eafb; }
.tdr .change-modified { background: #ffe2bf; }
.tdr .change-added { background: #def3dc; }
.tdr .change-removed { background: #fde4e1; }
.tdr .change-split, .tdr .change-merged, .tdr .change-regrouped { background: #efe1fa; }
.tdr ul.flags { margin: .2rem 0 .35rem; padding-left: 1.1rem; font-size: .85em; }
.tdr ul.flags li { color: #6b3b00; }
.tdr dl.findings dt { font-weight: 600; margin-top: .6rem; }
.tdr dl.findings dd { margin: .1rem 0 0 1.2rem; }
.tdr .legend > span { margin-right: 1rem; }
.tdr .maps { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.tdr svg.alignment-map, .tdr svg.heat-map { max-width: 100%; height: auto; }
.tdr .clause { border-left: 3px solid var(--line); padding: .2rem .6rem;
               margin: .5rem 0; }
.tdr .clause:target, .tdr tr:target > th { background: #fff7c2; }
.tdr td summary { cursor: pointer; }
@media print {
  .tdr { font-size: 9.5pt; max-width: none; padding: 0; }
  .tdr h2 { break-after: avoid; }
  .tdr tr, .tdr dl.findings dd { break-inside: avoid; }
  .tdr thead { display: table-header-group; }
  .tdr, .tdr * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .tdr a { color: inherit; }
  .tdr a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; }
}
"""

_HTTP = re.compile(r"^https?://", re.I)


def _del(*children: Any) -> Any:
    return E("del", *children)


def _cls(*names: str) -> dict[str, str]:
    return {"class": " ".join(n for n in names if n)}


def _badge(change: ChangeKind | None) -> Any:
    name = safe(change or "—")
    return E.span(name, _cls("badge", f"change-{name}"))


def _ops_html(ops: Sequence[Op]) -> list[Any]:
    out: list[Any] = []
    for op in ops:
        kind, a, b = op.kind, safe(op.a), safe(op.b)
        if kind == OpKind.EQUAL:
            out.append(b)
        elif kind in (OpKind.MOVE_FROM, OpKind.MOVE_TO):
            tag = E.sup(f"↷{op.move}", _cls("move"))
            title = {"title": f"moved text {op.move}"}
            out.append(
                E.ins(tag, b, _cls("moved"), title)
                if kind == OpKind.MOVE_TO
                else _del(tag, a, _cls("moved"), title)
            )
        else:
            if a:
                out.append(_del(a))
            if b:
                out.append(E.ins(b))
    return out


def _treaties(view: ReportView) -> Any:
    rows = [
        E.tr(
            E.td(E.strong(safe(t.id))),
            E.td(safe(t.title or "")),
            E.td(safe(t.lang or "")),
            E.td(safe(t.kind or "")),
            E.td(safe(t.signed_date or "")),
            E.td(coverage(t)),
        )
        for t in (v.treaty for v in view.treaties)
    ]
    head = E.tr(
        *[E.th(h) for h in ("ID", "Title", "Language", "Kind", "Signed", "Coverage")]
    )
    return E.table(E.thead(head), E.tbody(*rows), _cls("treaties"))


def _clause_link(view: ReportView, tid: str, ref: str) -> Any:
    """``ref`` as a link to its clause in the cited clauses, when there is one."""
    if ref in view.clauses.get(tid, {}):
        return E.a(safe(ref), href="#" + clause_anchor(tid, ref))
    return safe(ref)


def _joined(items: Sequence[Any], sep: str = ", ") -> list[Any]:
    out: list[Any] = []
    for i, item in enumerate(items):
        out += [sep, item] if i else [item]
    return out


def _present_refs(view: ReportView, kind: str, tid: str) -> list[Any]:
    """A present cell's refs as links, each run with its strength."""
    out: list[Any] = []
    for i, (refs, strength) in enumerate(cell_runs(view, kind, tid)):
        out += [", "] if i else []
        out += _joined([_clause_link(view, tid, r) for r in refs])
        out.append(strength_note(strength))
    return out


def _missing_cell(
    view: ReportView, tid: str, cell: Any, short: str, entry: Finding
) -> None:
    """Fill a missing cell: its status and nearest candidate (a link) in view,
    the candidate's kinds and why, the note and sources folded in ``<details>``."""
    summary: list[Any] = [E.span(short, _cls("mark"))]
    near = entry.nearest
    folded: list[Any] = []
    if near is not None:
        link = _clause_link(view, tid, near.ref)
        kinds = f" ({safe(', '.join(near.kinds))})" if near.kinds else ""
        summary += [E.br(), E.span("nearest: ", link, kinds, _cls("nearest"))]
        if near.why:
            folded.append(E.div(safe(near.why), _cls("nearest")))
    if entry.note:
        folded.append(E.div(f"note: {safe(entry.note)}"))
    if entry.sources:
        folded.append(E.div(*_sources(entry)))
    if folded:
        cell.append(E.details(E.summary(*summary), *folded))
    else:
        cell.extend(summary)


def _matrix(view: ReportView) -> Any:
    ids = view.ids
    head = E.tr(E.th("Provision"), *[E.th(safe(t), {"scope": "col"}) for t in ids])
    rows = []
    for kind in view.provisions:
        cells = [E.th(safe(kind), {"scope": "row"})]
        for tid in ids:
            state, short, _ = matrix_cell(view, kind, tid)
            cell = E.td(_cls(state))
            entry = view.missing.get(kind, {}).get(tid)
            if state == "present":
                cell.append(E.span(*_present_refs(view, kind, tid), _cls("mark")))
            elif state == "unplaced" or entry is None:
                cell.append(E.span(short, _cls("mark")))
                if state == "unplaced":
                    cell.set("title", "in the treaty; its article is not identified")
            else:
                _missing_cell(view, tid, cell, short, entry)
            cells.append(cell)
        rows.append(E.tr(*cells, {"id": provision_anchor(kind)}))
    cols = E.colgroup(E.col(_cls("kind")), *[E.col() for _ in ids])
    return E.table(cols, E.thead(head), E.tbody(*rows), _cls("matrix"))


def _clauses(view: ReportView) -> list[Any]:
    """Every cited clause with its anchor, linking back to the matrix rows
    that cite it (as present or as the nearest candidate)."""
    cited: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for kind, cells in view.provisions.items():
        for tid, refs in cells.items():
            for ref in refs:
                cited.setdefault((tid, ref), []).append((kind, "present"))
    for kind, findings in view.missing.items():
        for tid, entry in findings.items():
            if entry.nearest is not None:
                cited.setdefault((tid, entry.nearest.ref), []).append((kind, "nearest"))
    evidence: dict[tuple[str, str], list[Span]] = {}
    for per_treaty in view.labels.values():
        for tid, labels in per_treaty.items():
            for label in labels:
                evidence.setdefault((tid, label.ref), []).extend(label.evidence)
    out: list[Any] = []
    for tid in view.ids:
        texts = view.clauses.get(tid, {})
        if not texts:
            continue
        out.append(E.h3(safe(tid)))
        for ref, text in texts.items():
            back = [
                E.a(
                    safe(kind) + ("" if role == "present" else " (nearest)"),
                    href="#" + provision_anchor(kind),
                )
                for kind, role in cited.get((tid, ref), [])
            ]
            out.append(
                E.div(
                    E.div(
                        E.strong(f"{safe(tid)} {safe(ref)}"),
                        " · in the matrix: ",
                        *_joined(back),
                        _cls("refs"),
                    ),
                    E.div(
                        *mark_evidence(text, evidence.get((tid, ref), [])), _cls("text")
                    )
                    if text
                    else E.div("(text not encoded)", _cls("absent")),
                    _cls("clause"),
                    {"id": clause_anchor(tid, ref)},
                )
            )
    return out or [E.p("No clause is cited.")]


def mark_evidence(text: str, spans: Sequence[Span]) -> list[Any]:
    """``text`` with its evidence spans in ``<mark>``."""
    return [E.mark(safe(p)) if m else safe(p) for p, m in highlight(text, spans)]


def _member_block(group: GroupView, tid: str) -> list[Any]:
    refs = group.members.get(tid, ())
    headings = group.headings.get(tid, {})
    labels = [
        safe(r) + (f" · {safe(headings.get(r))}" if headings.get(r) else "")
        for r in refs
    ]
    return [E.div("Art. " + "; ".join(labels), _cls("refs"))] if labels else []


def _group_row(
    group: GroupView, ids: Sequence[str], base: str, langs: dict[str, str]
) -> Any:
    score = score_label(group)
    info = E.th(
        {"scope": "row"},
        E.strong(safe(group.id)),
        E.br(),
        _badge(group.change.change),
        E.br(),
        E.span(
            f"{safe(group.group.kind)}" + (f" · score {score}" if score else ""),
            _cls("muted"),
        ),
    )
    diffs = {d.treaty: d for d in group.change.diffs}
    cells = [info]
    for tid in ids:
        cell = E.td(
            *_member_block(group, tid), {"lang": langs[tid]} if langs.get(tid) else {}
        )
        refs = group.members.get(tid, ())
        diff = diffs.get(tid)
        if tid != base and diff is not None and diff.change is not None:
            cell.append(_badge(diff.change))
            if diff.flags:
                cell.append(
                    E.ul(
                        *[E.li(f"{safe(f.kind)}: {safe(f.note)}") for f in diff.flags],
                        _cls("flags"),
                    )
                )
        if not refs:
            cell.append(E.div("— no counterpart", _cls("absent")))
        elif tid != base and diff is not None and tid not in group.side_by_side:
            cell.append(E.div(*_ops_html(diff.ops), _cls("text")))
        else:
            texts = group.texts.get(tid, {})
            cell.append(
                E.div("\n".join(safe(texts.get(r, "")) for r in refs), _cls("text"))
            )
        cells.append(cell)
    return E.tr(*cells, id=group.id)


def _groups(view: ReportView, groups: Sequence[GroupView]) -> Any:
    ids = view.ids
    langs = {t.id: safe(t.treaty.lang or "") for t in view.treaties}
    base = view.base
    head = E.tr(
        E.th("Group"), *[E.th(safe(t) + (" (base)" if t == base else "")) for t in ids]
    )
    cols = E.colgroup(E.col(_cls("info")), *[E.col() for _ in ids])
    rows = [_group_row(g, ids, base, langs) for g in groups]
    return E.table(cols, E.thead(head), E.tbody(*rows), _cls("groups"))


def _findings(view: ReportView) -> list[Any]:
    """Confirmed absences and unplaced provisions first; the often long list
    of provisions not found folded in a ``<details>`` (no script needed)."""
    found = list(missing_findings(view))
    if not found:
        return [E.p("No missing provisions.")]
    shown = [f for f in found if f[2].status != "not-found"]
    folded = [f for f in found if f[2].status == "not-found"]
    out: list[Any] = [_finding_list(view, shown)] if shown else []
    if folded:
        many = "s" if len(folded) > 1 else ""
        summary = f"{len(folded)} provision{many} not found among the encoded articles"
        out.append(
            E.details(
                E.summary(summary), _finding_list(view, folded), _cls("not-found")
            )
        )
    return out


def _finding_list(view: ReportView, found: list[tuple[str, str, Finding]]) -> Any:
    items: list[Any] = []
    for kind, tid, entry in found:
        state = safe(entry.status)
        status = E.span(status_label(entry), _cls("mark", "key", state))
        items.append(E.dt(f"{safe(kind)} · {safe(tid)}: ", status))
        if entry.note:
            items.append(E.dd(f"note: {safe(entry.note)}"))
        items += [
            E.dd(line) for line in finding_details(attrs.evolve(entry, nearest=None))
        ]
        if entry.nearest is not None:
            link = _clause_link(view, tid, entry.nearest.ref)
            why = nearest_line(attrs.evolve(entry.nearest, ref=""))
            items.append(E.dd("nearest candidate: ", link, why))
        if entry.sources:
            items.append(E.dd(*_sources(entry)))
    return E.dl(*items, _cls("findings"))


def _sources(entry: Finding) -> list[Any]:
    """``sources: `` and the finding's sources, ``http(s)`` ones as links."""
    links: list[Any] = [
        E.a(src, href=src) if _HTTP.match(src) else E.code(src)
        for src in map(safe, entry.sources)
    ]
    return ["sources: ", *_joined(links)]


def _changes_list(groups: Sequence[GroupView]) -> Any:
    """Every change with its flags, one line each (the findings, for print)."""
    items = []
    for group in groups:
        for diff in changed_diffs(group):
            line = diff_title(group, diff)
            if diff.flags:
                line += f" — {flag_line(diff)}"
            items.append(E.li(line))
    return E.ul(*items, _cls("changes")) if items else E.p("No changes.")


def _matrix_legend() -> Any:
    return E.p(
        _cls("legend", "muted"),
        E.span(E.span("4.1", _cls("key", "present")), " present (refs)"),
        E.span(
            E.span(UNPLACED, _cls("key", "unplaced")),
            " in the treaty, article not identified",
        ),
        E.span(
            E.span("— confirmed absent", _cls("key", "confirmed-absent")),
            " a source states the treaty lacks it",
        ),
        E.span(
            E.span("— not found", _cls("key", "not-found")),
            " not among the encoded articles",
        ),
    )


def _pictures(view: ReportView, groups: Sequence[GroupView]) -> tuple[Any, Any]:
    """The provision heat-map (:mod:`.heatmap`) and the alignment maps
    (:mod:`.svg`), linked to the listed groups, the findings and the matrix."""
    drawn = maps(view, groups)
    about = (
        f"Articles of {safe(view.base)} on the left, of the other treaty on the "
        "right, in document order: a line per link, coloured by kind (dashed: "
        "in one group without a text link); dark marks have no counterpart, pale "
        "ones are not encoded. Hover for refs and headings; a line opens its group."
    )
    return heat_map(view, cell_links(view, groups)), E.div(
        E.p(about if drawn else "No pairwise alignment to draw.", _cls("muted")),
        E.div(*drawn, _cls("maps")),
    )


def _report(view: ReportView) -> Any:
    """The report as one ``div.tdr`` element (all CSS rules are scoped to it)."""
    ids = view.ids
    base = view.base
    groups, placeholders = listed_groups(view)
    heat, drawn = _pictures(view, groups)
    legend = E.p(
        _cls("legend", "muted"),
        E.span("Redline against ", E.strong(safe(base)), ":"),
        E.span(_del("deleted")),
        E.span(E.ins("inserted")),
        E.span(_del(E.sup("↷1", _cls("move")), "moved away", _cls("moved"))),
        E.span(E.ins(E.sup("↷1", _cls("move")), "moved here", _cls("moved"))),
    )
    return E.div(
        _cls("tdr"),
        E.header(
            E.h1("Treaty comparison"),
            E.p(
                " · ".join(safe(t) + (" (base)" if t == base else "") for t in ids),
                _cls("lead"),
            ),
        ),
        E.section(E.h2("Treaties"), _treaties(view), {"id": "treaties"}),
        E.section(
            E.h2("Provisions"),
            E.p(
                "Provision × treaty: refs where present; a provision that sources put "
                "in the treaty at an unknown article is marked as such; missing cells "
                "say whether the absence is confirmed by a source or the provision was "
                "not found among the encoded articles, with the nearest candidate "
                "clause.",
                _cls("muted"),
            ),
            heat,
            _matrix_legend(),
            _matrix(view),
            {"id": "matrix"},
        ),
        E.section(E.h2(FINDINGS), *_findings(view), {"id": "missing"}),
        E.section(E.h2("Cited clauses"), *_clauses(view), {"id": "clauses"}),
        E.section(E.h2("Alignment map"), drawn, {"id": "map"}),
        E.section(
            E.h2("Correspondence"),
            legend,
            _groups(view, groups),
            *[E.p(line, _cls("placeholders", "muted")) for line in placeholders],
            {"id": "groups"},
        ),
        E.section(E.h2("Changes"), _changes_list(groups), {"id": "changes"}),
        E.section(
            E.h2("Coverage notes"),
            E.ul(*[E.li(safe(n)) for n in view.notes]) if view.notes else E.p("None."),
            {"id": "notes"},
        ),
    )


def render_html(view: ReportView) -> str:
    """The report as a self-contained HTML page."""
    title = "treatydiff: " + " · ".join(safe(t) for t in view.ids)
    page = E.html(
        E.head(
            E.meta(charset="utf-8"),
            E.meta(name="viewport", content="width=device-width, initial-scale=1"),
            E.title(title),
            E.style("body { margin: 0; }" + CSS),
        ),
        E.body(_report(view)),
        lang="en",
    )
    return page_html(page)


def page_html(page: Any) -> str:
    """A built ``<html>`` element as one HTML5 document (doctype, final newline)."""
    html: str = lxml.html.tostring(
        cast(lxml.html.HtmlElement, page),
        doctype="<!DOCTYPE html>",
        encoding="unicode",
        method="html",
    )
    return html + "\n"


def render_fragment(view: ReportView) -> str:
    """The report as one ``<div>`` with its own scoped style (for Jupyter)."""
    div = _report(view)
    div.insert(0, E.style(CSS))
    return lxml.html.tostring(div, encoding="unicode", method="html")
