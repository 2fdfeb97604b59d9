"""The report view: all a report shows of one comparison, built once as typed values.

:func:`build_view` reads a :class:`~treatydiff.model.results.ComparisonResult`
and gathers what every renderer needs: each treaty with its article refs and
placeholders (digest articles whose content is not encoded), each group with
its stable id (:attr:`~treatydiff.model.results.Group.id`), texts, headings and
change against the base (:func:`~treatydiff.diff.changes.describe_group`),
the provision × treaty matrix with a typed label (ref, strength, confidence,
evidence) for every found provision and a typed finding for every empty cell
(:func:`~treatydiff.provisions.matrix`), and the coverage notes. A treaty
in another language than the base, and a group linked by provisions only,
have no word redline (the clauses are shown side by side with the base's;
see ``GroupView.side_by_side``). Filters
(``only``, ``changed_only``) drop groups here, so every format shows the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from treatydiff.alignment.crosslingual import treaty_language
from treatydiff.diff.changes import describe_group
from treatydiff.errors import InvalidArgument, UnknownRef
from treatydiff.model import (
    Alignment,
    Article,
    ChangeKind,
    ComparisonResult,
    Group,
    GroupChange,
    Paragraph,
    Span,
    Strength,
    Treaty,
)
from treatydiff.provisions import matrix

__all__ = [
    "FRAME_PARTS",
    "CellLabel",
    "Finding",
    "GroupView",
    "Nearest",
    "ReportView",
    "TreatyView",
    "article_index",
    "build_view",
    "check_change",
    "check_strength",
    "describe",
]

#: Treaty parts outside the articles reported as groups of their own
#: (member ref → heading).
FRAME_PARTS = {"preamble": "Preamble", "closing": "Closing"}


@attrs.frozen(kw_only=True)
class TreatyView:
    """A compared treaty, its article refs in document order and the refs of
    its placeholder articles."""

    treaty: Treaty
    articles: tuple[str, ...]
    placeholders: tuple[str, ...]

    @property
    def id(self) -> str:
        """The treaty's id."""
        return self.treaty.id


@attrs.frozen(kw_only=True)
class GroupView:
    """A correspondence group as reported: its id, the group, the texts and
    headings of its members (treaty id → ref → text) and its change;
    ``side_by_side`` holds the treaties whose diffs carry no word ops or flags
    (their clauses are shown beside the base's): those in another language
    than the base, and all of them in a group linked by provisions only;
    ``placeholder``: every member is a placeholder article (no change told)."""

    id: str
    group: Group
    texts: Mapping[str, Mapping[str, str]]
    headings: Mapping[str, Mapping[str, str | None]]
    change: GroupChange
    side_by_side: frozenset[str] = frozenset()
    placeholder: bool = False

    @property
    def members(self) -> Mapping[str, tuple[str, ...]]:
        """Treaty id → refs in the group (``()``: no counterpart)."""
        return self.group.members


@attrs.frozen(kw_only=True)
class Nearest:
    """The clause nearest to a missing provision, and why it is not one."""

    ref: str
    kinds: tuple[str, ...]
    why: str


@attrs.frozen(kw_only=True)
class CellLabel:
    """A provision found in a treaty: the ref that carries the label, its
    strength, confidence, source (``classifier`` or ``curated``) and evidence."""

    ref: str
    strength: Strength | None
    confidence: float
    source: str
    evidence: tuple[Span, ...]


@attrs.frozen(kw_only=True)
class Finding:
    """Why a provision × treaty cell is empty.

    ``status`` is ``confirmed-absent``, ``not-found``, ``unplaced`` (in the
    treaty at an unknown article; then ``article`` is a hint or ``None`` and
    ``confidence`` says how sure the source is) or, under a strength filter,
    ``other-strength`` (found only at another strength).
    """

    status: str
    note: str
    sources: tuple[str, ...]
    nearest: Nearest | None
    article: str | None = None
    confidence: str | None = None


@attrs.frozen(kw_only=True)
class ReportView:
    """One comparison as the reports show it; ``groups`` are those the
    filters keep, in the comparison's order; ``clauses`` holds the text of
    every clause the matrix cites (treaty id → ref → text, document order)."""

    treaties: tuple[TreatyView, ...]
    base: str
    groups: tuple[GroupView, ...]
    provisions: Mapping[str, Mapping[str, tuple[str, ...]]]
    missing: Mapping[str, Mapping[str, Finding]]
    notes: tuple[str, ...]
    labels: Mapping[str, Mapping[str, tuple[CellLabel, ...]]] = attrs.field(
        factory=dict
    )
    #: The base's alignment with each other treaty, in column order (the
    #: maps; a hand-built comparison may hold none).
    alignments: tuple[Alignment, ...] = ()
    #: Per other treaty, the (base ref, its ref) article pairs that a group
    #: joins, whatever the filters keep.
    joined: Mapping[str, frozenset[tuple[str, str]]] = attrs.field(factory=dict)
    clauses: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict)

    @property
    def ids(self) -> list[str]:
        """The compared treaty ids, in column order."""
        return [t.id for t in self.treaties]


def check_change(only: str | None) -> None:
    """Raise InvalidArgument unless ``only`` is ``None`` or a change kind."""
    if only is not None and only not in set(ChangeKind):
        names = tuple(k.value for k in ChangeKind)
        raise InvalidArgument(f"unknown change kind {only!r}; expected one of {names}")


def check_strength(strength: str | None) -> None:
    """Raise InvalidArgument unless ``strength`` is ``None`` or a strength."""
    if strength is not None and strength not in set(Strength):
        names = tuple(k.value for k in Strength)
        raise InvalidArgument(f"unknown strength {strength!r}; expected one of {names}")


def build_view(
    comparison: ComparisonResult,
    *,
    only: str | None = None,
    changed_only: bool = False,
    strength: str | None = None,
) -> ReportView:
    """The view of ``comparison``.

    ``only`` keeps the groups where the group or one of its treaties has that
    change kind; ``changed_only`` hides identical groups; ``strength`` keeps
    in the matrix only the labels of that strength (see :func:`_of_strength`).
    Raises :class:`InvalidArgument` for anything but a comparison or an
    unknown kind or strength.
    """
    if not isinstance(comparison, ComparisonResult):
        raise InvalidArgument(
            f"not a comparison: expected a ComparisonResult, got "
            f"{type(comparison).__name__}"
        )
    check_change(only)
    check_strength(strength)
    articles = article_index(comparison.treaties)
    langs = {t.id: treaty_language(t) for t in comparison.treaties}
    foreign = frozenset(
        t for t, lang in langs.items() if lang != langs[comparison.base]
    )
    groups = [
        _group_view(articles, comparison.base, group.id, group, foreign)
        for group in comparison.groups
    ]
    table = matrix(list(comparison.treaties))
    if strength is not None:
        table = _of_strength(table, strength)
    missing = {
        kind: {tid: _finding(entry) for tid, entry in cells.items()}
        for kind, cells in table["missing"].items()
    }
    return ReportView(
        treaties=tuple(_treaty_view(t) for t in comparison.treaties),
        base=comparison.base,
        groups=tuple(g for g in groups if _kept(g, only, changed_only)),
        provisions={
            kind: {tid: tuple(refs) for tid, refs in cells.items()}
            for kind, cells in table["provisions"].items()
        },
        missing=missing,
        clauses=_cited_clauses(comparison.treaties, table["provisions"], missing),
        labels={
            kind: {tid: tuple(map(_cell_label, found)) for tid, found in cells.items()}
            for kind, cells in table["labels"].items()
        },
        notes=(
            *(
                f"{t.id}: {t.source}"
                for t in comparison.treaties
                if t.source and "digest" in t.metadata and t.kind == "text"
            ),
            *_language_notes(langs, comparison.base),
            *(note for t in comparison.treaties if (note := _coverage_note(t))),
        ),
        alignments=tuple(
            comparison.alignment(comparison.base, t.id)
            for t in comparison.treaties
            if {(comparison.base, t.id), (t.id, comparison.base)}
            & comparison.alignments.keys()
        ),
        joined=_joined(comparison),
    )


def _joined(comparison: ComparisonResult) -> dict[str, frozenset[tuple[str, str]]]:
    """Per treaty other than the base, the article pairs its groups join."""
    base = comparison.base
    return {
        t.id: frozenset(
            (ra, rb)
            for group in comparison.groups
            for ra in group.members.get(base, ())
            for rb in group.members.get(t.id, ())
            if ra not in FRAME_PARTS and rb not in FRAME_PARTS
        )
        for t in comparison.treaties
        if t.id != base
    }


def _of_strength(table: Mapping[str, Any], strength: str) -> dict[str, Any]:
    """The matrix with only the labels of ``strength``: a provision no treaty
    has at that strength is dropped; a cell whose labels all have another
    strength becomes an ``other-strength`` finding, its first ref as the
    nearest candidate."""
    out: dict[str, Any] = {"provisions": {}, "labels": {}, "missing": {}}
    for kind, cells in table["labels"].items():
        kept = {
            tid: [e for e in found if e["strength"] == strength]
            for tid, found in cells.items()
        }
        if not any(kept.values()):
            continue
        out["provisions"][kind] = {
            tid: [e["ref"] for e in k] for tid, k in kept.items()
        }
        out["labels"][kind] = kept
        missing = dict(table["missing"].get(kind, {}))
        for tid, found in cells.items():
            if found and not kept[tid]:
                shown = ", ".join(f"{e['ref']} ({e['strength']})" for e in found)
                missing[tid] = {
                    "status": "other-strength",
                    "note": f"found at another strength: {shown}",
                    "sources": [],
                    "nearest": {"ref": found[0]["ref"], "kinds": [kind], "why": ""},
                    "article": None,
                    "confidence": None,
                }
        out["missing"][kind] = missing
    return out


def _cited_clauses(
    treaties: Sequence[Treaty],
    provisions: Mapping[str, Mapping[str, Sequence[str]]],
    missing: Mapping[str, Mapping[str, Finding]],
) -> dict[str, dict[str, str]]:
    """Treaty id → ref → text of every clause the matrix cites (found refs
    and nearest candidates), in document order; refs no clause has are left out."""
    cited: dict[str, set[str]] = {}
    for cells in provisions.values():
        for tid, refs in cells.items():
            cited.setdefault(tid, set()).update(refs)
    for findings in missing.values():
        for tid, entry in findings.items():
            if entry.nearest is not None:
                cited.setdefault(tid, set()).add(entry.nearest.ref)
    out: dict[str, dict[str, str]] = {}
    for treaty in treaties:
        texts = {}
        for ref in _document_order(treaty, cited.get(treaty.id, ())):
            try:
                texts[ref] = treaty.clause_text(ref)
            except UnknownRef:
                continue
        out[treaty.id] = texts
    return out


def _document_order(treaty: Treaty, refs: Iterable[str]) -> list[str]:
    """``refs`` in the treaty's document order: by article, then by the
    paragraph and point parts (refs of no article last)."""
    position = {a.ref: i for i, a in enumerate(treaty.articles)}

    def key(ref: str) -> tuple[int, list[tuple[int, str]]]:
        parts = ref.split(".")
        for cut in range(len(parts), 0, -1):  # article "2.1" before paragraph 1
            if (head := ".".join(parts[:cut])) in position:
                rest = parts[cut:]
                return position[head], [
                    (int(p), "") if p.isdigit() else (-1, p) for p in rest
                ]
        return len(position), [(0, ref)]

    return sorted(refs, key=key)


def _language_notes(langs: Mapping[str, str], base: str) -> list[str]:
    """One note per treaty in another language than the base."""
    return [
        f"{tid} is in {lang}, {base} in {langs[base]}: articles aligned through "
        "shared concepts, numbers and named instruments; no word redline across "
        "languages, the two clauses are shown side by side"
        for tid, lang in langs.items()
        if lang != langs[base]
    ]


def article_index(treaties: Iterable[Treaty]) -> dict[str, dict[str, Article]]:
    """Treaty id → ref → article, the preamble and closing (:data:`FRAME_PARTS`)
    included as articles of their own."""
    return {
        t.id: {**{a.ref: a for a in t.articles}, **_frame_articles(t)} for t in treaties
    }


def describe(
    articles: Mapping[str, Mapping[str, Article]], base: str, group: Group
) -> tuple[GroupChange, bool]:
    """A group's change against ``base`` and whether it is a placeholder group
    (every member a placeholder article: then no change kind, no diff)."""
    members = group.members
    change = describe_group(
        {
            tid: [(r, articles[tid][r].text) for r in refs]
            for tid, refs in members.items()
        },
        base,
        kind=group.kind,
        moved=group.moved,
    )
    found = [articles[tid][r] for tid, refs in members.items() for r in refs]
    placeholder = bool(found) and not any(a.encoded for a in found)
    if placeholder:
        change = GroupChange(
            change=None,
            diffs=[
                attrs.evolve(d, change=None, ops=(), flags=()) for d in change.diffs
            ],
        )
    return change, placeholder


def _frame_articles(treaty: Treaty) -> dict[str, Article]:
    """The preamble and closing formula as articles of the frame groups."""
    return {
        part: Article(
            num=heading, ref=part, heading=heading, paragraphs=[Paragraph(text=text)]
        )
        for part, heading in FRAME_PARTS.items()
        if (text := getattr(treaty, part))
    }


def _treaty_view(treaty: Treaty) -> TreatyView:
    return TreatyView(
        treaty=treaty,
        articles=tuple(a.ref for a in treaty.articles),
        placeholders=tuple(a.ref for a in treaty.articles if not a.encoded),
    )


def _group_view(
    articles: Mapping[str, Mapping[str, Article]],
    base: str,
    gid: str,
    group: Group,
    foreign: frozenset[str],
) -> GroupView:
    members = group.members
    texts = {
        tid: {r: articles[tid][r].text for r in refs} for tid, refs in members.items()
    }
    change, placeholder = describe(articles, base, group)
    # Two independent paraphrases linked only by their provision kinds: a
    # word redline between them would be noise, so they are shown side by side.
    apart = frozenset(members) if group.basis == ("provisions",) else foreign
    if apart:
        change = attrs.evolve(
            change,
            diffs=[
                attrs.evolve(d, ops=(), flags=()) if d.treaty in apart else d
                for d in change.diffs
            ],
        )
    return GroupView(
        id=gid,
        group=group,
        texts=texts,
        headings={
            tid: {r: articles[tid][r].heading for r in refs}
            for tid, refs in members.items()
        },
        change=change,
        side_by_side=apart,
        placeholder=placeholder,
    )


def _kept(group: GroupView, only: str | None, changed_only: bool) -> bool:
    changes = {group.change.change} | {d.change for d in group.change.diffs}
    hidden = changed_only and group.change.change == ChangeKind.IDENTICAL
    return (only is None or only in changes) and not hidden


def _cell_label(entry: Mapping[str, Any]) -> CellLabel:
    """A label entry of :func:`~treatydiff.provisions.matrix` as a typed value."""
    return CellLabel(
        ref=entry["ref"],
        strength=None if entry["strength"] is None else Strength(entry["strength"]),
        confidence=entry["confidence"],
        source=entry["source"],
        evidence=tuple(
            Span(e["text"], e["start"], e["end"]) for e in entry["evidence"]
        ),
    )


def _finding(entry: Mapping[str, Any]) -> Finding:
    """A finding of :func:`~treatydiff.provisions.matrix` as a typed value."""
    near = entry["nearest"]
    unplaced = entry["status"] == "unplaced"
    return Finding(
        status=entry["status"],
        note=entry["note"],
        sources=tuple(entry["sources"]),
        nearest=None
        if near is None
        else Nearest(ref=near["ref"], kinds=tuple(near["kinds"]), why=near["why"]),
        article=entry["article"] if unplaced else None,
        confidence=entry["confidence"] if unplaced else None,
    )


def _coverage_note(treaty: Treaty) -> str | None:
    encoded, total = treaty.coverage
    if total is not None and encoded >= total:
        return None
    kind = " (digest)" if treaty.kind == "digest" else ""
    shown = "?" if total is None else total
    return f"{treaty.id}: {encoded} of {shown} articles encoded{kind}"
