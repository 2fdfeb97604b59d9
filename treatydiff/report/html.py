"""The HTML report: one self-contained page (inline CSS, no script, no external asset).

The page is built as an lxml tree, so every piece of treaty text is a text
node or an attribute value that lxml escapes on output: text holding
``<script>``, quotes or ``</td>`` is shown as text and can never become markup.
Only ``http(s)`` source addresses become links.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml.builder import E

from treatydiff.report.render import (
    FINDINGS,
    UNPLACED,
    changed_diffs,
    coverage,
    diff_title,
    finding_details,
    flag_line,
    listed_groups,
    matrix_cell,
    missing_findings,
    nearest_line,
    safe,
    score_label,
    status_label,
    treaty_ids,
)

__all__ = ["CSS", "render_fragment", "render_html"]

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
.tdr .change-split, .tdr .change-merged { background: #efe1fa; }
.tdr ul.flags { margin: .2rem 0 .35rem; padding-left: 1.1rem; font-size: .85em; }
.tdr ul.flags li { color: #6b3b00; }
.tdr dl.findings dt { font-weight: 600; margin-top: .6rem; }
.tdr dl.findings dd { margin: .1rem 0 0 1.2rem; }
.tdr .legend > span { margin-right: 1rem; }
@media print {
  .tdr { font-size: 9.5pt; max-width: none; padding: 0; }
  .tdr h2 { break-after: avoid; }
  .tdr tr, .tdr dl.findings dd { break-inside: avoid; }
  .tdr thead { display: table-header-group; }
  .tdr, .tdr * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .tdr a { color: inherit; }
  .tdr a[href]::after { content: " <" attr(href) ">"; font-size: .8em; }
}
"""

_HTTP = re.compile(r"^https?://", re.I)


def _del(*children: Any) -> Any:
    return E("del", *children)


def _cls(*names: str) -> dict[str, str]:
    return {"class": " ".join(n for n in names if n)}


def _badge(change: str | None) -> Any:
    name = safe(change or "—")
    return E.span(name, _cls("badge", f"change-{name}"))


def _ops_html(ops: list[dict[str, Any]]) -> list[Any]:
    out: list[Any] = []
    for op in ops:
        kind, a, b = op["op"], safe(op.get("a")), safe(op.get("b"))
        if kind == "equal":
            out.append(b)
        elif kind in ("move-from", "move-to"):
            tag = E.sup(f"↷{op.get('move', '')}", _cls("move"))
            title = {"title": f"moved text {op.get('move', '')}"}
            out.append(
                E.ins(tag, b, _cls("moved"), title)
                if kind == "move-to"
                else _del(tag, a, _cls("moved"), title)
            )
        else:
            if a:
                out.append(_del(a))
            if b:
                out.append(E.ins(b))
    return out


def _treaties(data: dict[str, Any]) -> Any:
    rows = [
        E.tr(
            E.td(E.strong(safe(t["id"]))),
            E.td(safe(t.get("title") or "")),
            E.td(safe(t.get("lang") or "")),
            E.td(safe(t.get("kind") or "")),
            E.td(safe(t.get("signed_date") or "")),
            E.td(coverage(t)),
        )
        for t in data["treaties"]
    ]
    head = E.tr(
        *[E.th(h) for h in ("ID", "Title", "Language", "Kind", "Signed", "Coverage")]
    )
    return E.table(E.thead(head), E.tbody(*rows), _cls("treaties"))


def _matrix(data: dict[str, Any]) -> Any:
    ids = treaty_ids(data)
    head = E.tr(E.th("Provision"), *[E.th(safe(t), {"scope": "col"}) for t in ids])
    rows = []
    for kind in data.get("provisions") or {}:
        cells = [E.th(safe(kind), {"scope": "row"})]
        for tid in ids:
            state, short, nearest = matrix_cell(data, kind, tid)
            cell = E.td(E.span(short, _cls("mark")), _cls(state))
            if state == "unplaced":
                cell.set("title", "in the treaty; its article is not identified")
            near = nearest_line(nearest)
            if near:
                cell.append(E.span(f"nearest: {near}", _cls("nearest")))
            cells.append(cell)
        rows.append(E.tr(*cells))
    cols = E.colgroup(E.col(_cls("kind")), *[E.col() for _ in ids])
    return E.table(cols, E.thead(head), E.tbody(*rows), _cls("matrix"))


def _member_block(group: dict[str, Any], tid: str) -> list[Any]:
    refs = group.get("members", {}).get(tid) or []
    headings = group.get("headings", {}).get(tid, {})
    labels = [
        safe(r) + (f" · {safe(headings.get(r))}" if headings.get(r) else "")
        for r in refs
    ]
    return [E.div("Art. " + "; ".join(labels), _cls("refs"))] if labels else []


def _group_row(
    group: dict[str, Any], ids: list[str], base: str, langs: dict[str, str]
) -> Any:
    score = score_label(group)
    info = E.th(
        {"scope": "row"},
        E.strong(safe(group.get("id"))),
        E.br(),
        _badge(group.get("change")),
        E.br(),
        E.span(
            f"{safe(group.get('kind') or '')}" + (f" · score {score}" if score else ""),
            _cls("muted"),
        ),
    )
    diffs = {d["treaty"]: d for d in group.get("diffs") or []}
    cells = [info]
    for tid in ids:
        cell = E.td(
            *_member_block(group, tid), {"lang": langs[tid]} if langs.get(tid) else {}
        )
        refs = group.get("members", {}).get(tid) or []
        diff = diffs.get(tid)
        if tid != base and diff is not None and diff.get("change") is not None:
            cell.append(_badge(diff.get("change")))
            if diff.get("flags"):
                cell.append(
                    E.ul(
                        *[
                            E.li(f"{safe(f['flag'])}: {safe(f.get('note'))}")
                            for f in diff["flags"]
                        ],
                        _cls("flags"),
                    )
                )
        if not refs:
            cell.append(E.div("— no counterpart", _cls("absent")))
        elif tid != base and diff is not None:
            cell.append(E.div(*_ops_html(diff.get("ops", [])), _cls("text")))
        else:
            texts = group.get("texts", {}).get(tid, {})
            cell.append(
                E.div("\n".join(safe(texts.get(r, "")) for r in refs), _cls("text"))
            )
        cells.append(cell)
    return E.tr(*cells)


def _groups(data: dict[str, Any], groups: list[dict[str, Any]]) -> Any:
    ids = treaty_ids(data)
    langs = {t["id"]: safe(t.get("lang") or "") for t in data["treaties"]}
    base = data.get("base")
    head = E.tr(
        E.th("Group"), *[E.th(safe(t) + (" (base)" if t == base else "")) for t in ids]
    )
    cols = E.colgroup(E.col(_cls("info")), *[E.col() for _ in ids])
    rows = [_group_row(g, ids, base, langs) for g in groups]
    return E.table(cols, E.thead(head), E.tbody(*rows), _cls("groups"))


def _findings(data: dict[str, Any]) -> Any:
    items: list[Any] = []
    for kind, tid, entry in missing_findings(data):
        state = safe(entry.get("status") or "")
        status = E.span(status_label(entry), _cls("mark", "key", state))
        items.append(E.dt(f"{safe(kind)} · {safe(tid)}: ", status))
        if entry.get("note"):
            items.append(E.dd(f"note: {safe(entry['note'])}"))
        items += [E.dd(line) for line in finding_details(entry)]
        if entry.get("sources"):
            links: list[Any] = ["sources: "]
            for i, src in enumerate(entry["sources"]):
                src = safe(src)
                links.append(E.a(src, href=src) if _HTTP.match(src) else E.code(src))
                if i < len(entry["sources"]) - 1:
                    links.append(", ")
            items.append(E.dd(*links))
    return E.dl(*items, _cls("findings")) if items else E.p("No missing provisions.")


def _changes_list(groups: list[dict[str, Any]]) -> Any:
    """Every change with its flags, one line each (the findings, for print)."""
    items = []
    for group in groups:
        for diff in changed_diffs(group):
            line = diff_title(group, diff)
            if diff.get("flags"):
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


def _report(data: dict[str, Any]) -> Any:
    """The report as one ``div.tdr`` element (all CSS rules are scoped to it)."""
    ids = treaty_ids(data)
    base = data.get("base")
    groups, placeholders = listed_groups(data)
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
        E.section(E.h2("Treaties"), _treaties(data), {"id": "treaties"}),
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
            _matrix_legend(),
            _matrix(data),
            {"id": "matrix"},
        ),
        E.section(E.h2(FINDINGS), _findings(data), {"id": "missing"}),
        E.section(
            E.h2("Correspondence"),
            legend,
            _groups(data, groups),
            *[E.p(line, _cls("placeholders", "muted")) for line in placeholders],
            {"id": "groups"},
        ),
        E.section(E.h2("Changes"), _changes_list(groups), {"id": "changes"}),
        E.section(
            E.h2("Coverage notes"),
            E.ul(*[E.li(safe(n)) for n in data.get("notes") or []])
            if data.get("notes")
            else E.p("None."),
            {"id": "notes"},
        ),
    )


def render_html(data: dict[str, Any]) -> str:
    """The prepared comparison dict as a self-contained HTML page."""
    title = "treatydiff: " + " · ".join(safe(t) for t in treaty_ids(data))
    page = E.html(
        E.head(
            E.meta(charset="utf-8"),
            E.meta(name="viewport", content="width=device-width, initial-scale=1"),
            E.title(title),
            E.style("body { margin: 0; }" + CSS),
        ),
        E.body(_report(data)),
        lang="en",
    )
    html = lxml.html.tostring(
        page, doctype="<!DOCTYPE html>", encoding="unicode", method="html"
    )
    return html + "\n"


def render_fragment(data: dict[str, Any]) -> str:
    """The report as one ``<div>`` with its own scoped style (for Jupyter)."""
    div = _report(data)
    div.insert(0, E.style(CSS))
    return lxml.html.tostring(div, encoding="unicode", method="html")
