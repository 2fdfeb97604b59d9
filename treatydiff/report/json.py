"""The JSON report: the comparison as versioned, JSON-ready data.

The document opens with ``"format": "treatydiff-comparison/1"``, then
``treaties`` (each treaty's header with its article refs and placeholder
refs), ``base``, ``groups`` (members, score, kind, basis, ``placeholder``
(every member a placeholder article: then ``change`` is ``null``, never
``"added"``), moved, texts, headings, the group's ``change`` and one entry
per other treaty under ``diffs``), ``provisions`` (kind → treaty id →
refs), ``labels`` (kind → treaty id → one entry per ref: ``ref``,
``strength``, ``confidence``, ``source`` and ``evidence`` spans
``{"text", "start", "end"}`` in the clause), ``missing`` and ``notes``. A
diff's ``ops`` have the same keys for every kind::

    {"op": "equal" | "insert" | "delete" | "replace" | "move-from" | "move-to",
     "a": text on the left ("" for insert, move-to),
     "b": text on the right ("" for delete, move-from),
     "move": n}            # only on move-from / move-to: pairs the two ends

and its ``flags`` are ``{"flag", "a": [removed terms], "b": [added terms], "note"}``.
"""

from __future__ import annotations

import json
from typing import Any

from treatydiff.formats.treatyjson import treaty_header
from treatydiff.model import Flag, Op, OpKind, TreatyChange
from treatydiff.report.view import (
    CellLabel,
    Finding,
    GroupView,
    ReportView,
    TreatyView,
)

__all__ = ["FORMAT", "comparison_data", "op_data", "render_json"]

#: The name and version of the JSON document's shape.
FORMAT = "treatydiff-comparison/1"

#: Each op kind's name (a look-up: ``.value`` costs two calls per op).
_OP_NAMES = {kind: kind.value for kind in OpKind}


def render_json(view: ReportView) -> str:
    """The report as indented JSON text (non-ASCII kept as is)."""
    return (
        json.dumps(comparison_data(view), ensure_ascii=False, indent=2, allow_nan=False)
        + "\n"
    )


def comparison_data(view: ReportView) -> dict[str, Any]:
    """The report as JSON-ready data (the module docstring gives its shape)."""
    return {
        "format": FORMAT,
        "treaties": [_treaty(t) for t in view.treaties],
        "base": view.base,
        "groups": [_group(g) for g in view.groups],
        "provisions": {
            kind: {tid: list(refs) for tid, refs in cells.items()}
            for kind, cells in view.provisions.items()
        },
        "labels": {
            kind: {tid: [_label(lab) for lab in found] for tid, found in cells.items()}
            for kind, cells in view.labels.items()
        },
        "missing": {
            kind: {tid: _finding(entry) for tid, entry in cells.items()}
            for kind, cells in view.missing.items()
        },
        "notes": list(view.notes),
    }


def op_data(op: Op) -> dict[str, Any]:
    """One diff op as JSON-ready data."""
    data: dict[str, Any] = {"op": _OP_NAMES[op.kind], "a": op.a, "b": op.b}
    if op.move is not None:
        data["move"] = op.move
    return data


def _treaty(view: TreatyView) -> dict[str, Any]:
    return {
        **treaty_header(view.treaty),
        "articles": list(view.articles),
        "placeholders": list(view.placeholders),
    }


def _group(view: GroupView) -> dict[str, Any]:
    group = view.group
    return {
        "id": view.id,
        "members": {tid: list(refs) for tid, refs in group.members.items()},
        "score": group.score,
        "kind": group.kind.value,
        "basis": list(group.basis),
        "placeholder": view.placeholder,
        "moved": dict(group.moved),
        "texts": {tid: dict(texts) for tid, texts in view.texts.items()},
        "headings": {tid: dict(heads) for tid, heads in view.headings.items()},
        "change": _value(view.change.change),
        "diffs": [_diff(d) for d in view.change.diffs],
    }


def _value(kind: object) -> str | None:
    return None if kind is None else str(kind)


def _diff(diff: TreatyChange) -> dict[str, Any]:
    return {
        "treaty": diff.treaty,
        "base": diff.base,
        "change": _value(diff.change),
        "moved": diff.moved,
        "similarity": diff.similarity,
        "ops": [op_data(op) for op in diff.ops],
        "flags": [_flag(f) for f in diff.flags],
    }


def _flag(flag: Flag) -> dict[str, Any]:
    return {
        "flag": flag.kind.value,
        "a": list(flag.removed),
        "b": list(flag.added),
        "note": flag.note,
    }


def _label(label: CellLabel) -> dict[str, Any]:
    return {
        "ref": label.ref,
        "strength": _value(label.strength),
        "confidence": label.confidence,
        "source": label.source,
        "evidence": [
            {"text": s.text, "start": s.start, "end": s.end} for s in label.evidence
        ],
    }


def _finding(entry: Finding) -> dict[str, Any]:
    near = entry.nearest
    data: dict[str, Any] = {
        "status": entry.status,
        "note": entry.note,
        "sources": list(entry.sources),
        "nearest": None
        if near is None
        else {"ref": near.ref, "kinds": list(near.kinds), "why": near.why},
    }
    if entry.status == "unplaced":
        data["article"] = entry.article
        data["confidence"] = entry.confidence
    return data
