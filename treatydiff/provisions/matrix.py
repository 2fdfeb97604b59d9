"""Labelling whole treaties, and the provision × treaty matrix of a comparison."""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

import attrs

from treatydiff.errors import AlignmentError, InvalidArgument
from treatydiff.model import Article, Label, Paragraph, Span, Treaty
from treatydiff.provisions.classifier import classify, merge_labels
from treatydiff.provisions.cues import Cue, Cues
from treatydiff.provisions.sentences import CUES, languages, sentences
from treatydiff.provisions.strength import strength
from treatydiff.provisions.taxonomy import LOOKALIKES, kind_order

__all__ = ["label_treaty", "matrix"]


def _curated(labels: tuple[Label, ...]) -> bool:
    return any(lab.source == "curated" for lab in labels)


def _lang(treaty: Treaty) -> str | None:
    """The treaty's cue language; ``None`` detects it sentence by sentence.

    Raises :class:`InvalidArgument` for a declared language without cues.
    """
    return languages("", treaty.lang)[0] if treaty.lang else None


def _kept(labels: tuple[Label, ...]) -> list[Label]:
    """Labels from elsewhere than the classifier (re-labelling replaces ours)."""
    return [lab for lab in labels if lab.source != "classifier"]


def _shifted(label: Label, offset: int) -> Label:
    spans = tuple(
        Span(s.text, s.start + offset, s.end + offset) for s in label.evidence
    )
    return attrs.evolve(label, evidence=spans)


def _crosses(text: str, bounds: list[tuple[int, int]]) -> bool:
    """Whether a sentence of ``text`` runs over a paragraph boundary."""
    ends = [b for _, b in bounds[:-1]]  # ascending
    for start, end in sentences(text):
        first = bisect.bisect_right(ends, start)  # the first end past start
        if first < len(ends) and ends[first] < end - 1:
            return True
    return False


def _strengthened(
    labels: tuple[Label, ...], text: str, lang: str | None
) -> tuple[Label, ...]:
    """``labels`` with a strength read from ``text`` where they have none (a
    curated label without one)."""
    return tuple(
        lab
        if lab.strength is not None
        else attrs.evolve(
            lab,
            strength=strength(
                text,
                lab.kind,
                (lab.evidence[0].start, lab.evidence[0].end) if lab.evidence else None,
                lang=lang,
            ),
        )
        for lab in labels
    )


@lru_cache(maxsize=1 << 12)
def _label_article(art: Article, lang: str | None) -> Article:
    """``art`` with its labels (cached: a comparison labels its unlinked
    articles, then its matrix all of them, and a repeated one the same again)."""
    paragraphs = tuple(
        attrs.evolve(para, labels=_strengthened(para.labels, para.full_text, lang))
        if _curated(para.labels)
        else attrs.evolve(
            para,
            labels=merge_labels(
                [*_kept(para.labels), *classify(para.full_text, lang=lang)]
            ),
        )
        for para in art.paragraphs
    )
    art = attrs.evolve(art, paragraphs=paragraphs)
    if _curated(art.labels):
        return attrs.evolve(art, labels=_strengthened(art.labels, art.text, lang))
    found: list[Label] = []
    bounds: list[tuple[int, int]] = []
    offset = 0
    for para in paragraphs:  # paragraph evidence, moved to offsets in art.text
        if para.full_text:
            found.extend(_shifted(lab, offset) for lab in para.labels)
            bounds.append((offset, offset + len(para.full_text)))
            offset += len(para.full_text) + 1
    # Article-only labels: evidence that crosses paragraphs (a chapeau and its
    # continuation); within one paragraph, that paragraph's labels decide.
    if _crosses(art.text, bounds):
        found.extend(
            lab
            for lab in classify(art.text, lang=lang)
            if not any(
                all(a <= s.start and s.end <= b for s in lab.evidence)
                for a, b in bounds
            )
        )
    return attrs.evolve(art, labels=merge_labels([*_kept(art.labels), *found]))


def label_treaty(treaty: Treaty, refs: Collection[str] | None = None) -> Treaty:
    """The treaty with classifier labels on every paragraph and article (only
    on the articles ``refs`` when given).

    Curated labels are authoritative: a paragraph or article that has any
    keeps its labels as they are (one without a strength gets it read from
    the clause's text). An article's labels are the union of its
    paragraphs' labels and those whose evidence crosses its paragraphs, one
    per kind.
    Placeholder articles (``encoded=False``) are left alone, and so is a
    treaty in a language the classifier has no cues for.
    """
    if not isinstance(treaty, Treaty):
        raise InvalidArgument(f"expected a Treaty, not {type(treaty).__name__}")
    try:
        lang = _lang(treaty)
    except InvalidArgument:
        return treaty  # a language the classifier has no cues for: no labels
    articles = tuple(
        _label_article(art, lang)
        if art.encoded and (refs is None or art.ref in refs)
        else art
        for art in treaty.articles
    )
    return attrs.evolve(treaty, articles=articles)


@attrs.frozen
class _Unit:
    """The finest labelled unit: a paragraph, or an article for its own labels."""

    ref: str
    labels: tuple[Label, ...]
    text: str

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(lab.kind for lab in self.labels)


def _para_ref(art: Article, para: Paragraph) -> str:
    if para.num is None and len(art.paragraphs) == 1:
        return art.ref  # an unnumbered single paragraph is the article itself
    return para.ref(art)


def _units(treaty: Treaty) -> Iterator[_Unit]:
    for art in treaty.articles:
        if not art.encoded:
            continue
        in_paragraphs: set[str] = set()
        for para in art.paragraphs:
            in_paragraphs.update(lab.kind for lab in para.labels)
            yield _Unit(_para_ref(art, para), para.labels, para.full_text)
        own = tuple(lab for lab in art.labels if lab.kind not in in_paragraphs)
        if own or not art.paragraphs:
            yield _Unit(art.ref, own, art.text)


def _hints(kind: str, cues: Cues) -> tuple[Cue, ...]:
    """Patterns that hint at ``kind`` even when the full structure is absent."""
    structural = {
        "mutual-defence": (cues.equivalence, cues.collective_action, cues.assist),
        "non-assistance-to-aggressor": (cues.aggressor, cues.neutrality),
        "consultation": (cues.consult,),
        "non-aggression": (cues.non_aggression,),
        "no-hostile-alliance": (cues.alliance, cues.territory),
    }
    return structural.get(kind, cues.topics.get(kind, ()))


@lru_cache(maxsize=1 << 14)
def _hinted(text: str, kind: str) -> tuple[str, ...]:
    """The first match of each hint of ``kind`` in ``text`` (cached per text)."""
    found = []
    for code in languages(text, None):
        for pattern in _hints(kind, CUES[code]):
            m = pattern.search(text)
            if m:
                found.append(m.group())
    return tuple(found)


def _nearest(units: list[_Unit], kind: str) -> dict[str, Any] | None:
    for other, why in LOOKALIKES.get(kind, ()):
        for unit in units:
            if other in unit.kinds:
                return {"ref": unit.ref, "kinds": list(unit.kinds), "why": why}
    best: _Unit | None = None
    best_cues: tuple[str, ...] = ()
    for unit in units:
        cues_found = _hinted(unit.text, kind)
        if len(cues_found) > len(best_cues):
            best, best_cues = unit, cues_found
    if best is None:
        return None
    quoted = ", ".join(f"'{c}'" for c in best_cues)
    name = kind.replace("-", " ")
    why = f"it shares cues with {name} ({quoted}) but states no {name} obligation"
    if best.kinds:
        why = f"{why}; it is labelled {', '.join(best.kinds)}"
    return {"ref": best.ref, "kinds": list(best.kinds), "why": why}


def _not_found_note(treaty: Treaty) -> str:
    encoded, total = treaty.coverage
    if total is None:
        return (
            f"not found among {encoded} encoded articles; the treaty's full "
            "number of articles is unknown"
        )
    if total == 0:
        return "the treaty has no articles"
    if encoded < total:
        rest = total - encoded
        are = "article is" if rest == 1 else "articles are"
        return (
            f"not found among {encoded} of {total} encoded articles; "
            f"{rest} placeholder {are} not encoded"
        )
    return f"not found in any of the {total} articles"


def _unplaced(treaty: Treaty) -> dict[str, dict[str, Any]]:
    """``metadata["unplaced_topics"]`` as ``"unplaced"`` findings, one per kind.

    Raises :class:`InvalidArgument` for a topic without a string ``kind`` and
    ``summary``.
    """
    by_kind: dict[str, list[Mapping[str, Any]]] = {}
    for topic in treaty.metadata.get("unplaced_topics") or ():
        if not (
            isinstance(topic, Mapping)
            and isinstance(topic.get("kind"), str)
            and isinstance(topic.get("summary"), str)
        ):
            raise InvalidArgument(
                f"{treaty.id}: an unplaced topic needs a string 'kind' and 'summary'"
            )
        by_kind.setdefault(topic["kind"], []).append(topic)
    return {kind: _unplaced_entry(topics) for kind, topics in by_kind.items()}


def _unplaced_entry(topics: list[Mapping[str, Any]]) -> dict[str, Any]:
    """Topics of one kind as one finding: summaries joined, sources and article
    hints united, ``"confirmed"`` when any topic is."""
    marks = [t.get("confidence") for t in topics]
    hints = dict.fromkeys(t["article"] for t in topics if t.get("article"))
    sources = dict.fromkeys(s for t in topics for s in t.get("sources") or ())
    return {
        "status": "unplaced",
        "note": " ".join(t["summary"] for t in topics),
        "sources": list(sources),
        "nearest": None,
        "article": ", ".join(hints) or None,
        "confidence": "confirmed" if "confirmed" in marks else marks[0],
    }


def _missing(
    treaty: Treaty, kind: str, units: list[_Unit], unplaced: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """The finding for a kind with no labelled clause: confirmed absent, else
    unplaced (in the treaty, article unknown), else not found."""
    absence = next((a for a in treaty.absences if a.kind == kind), None)
    if absence is None and kind in unplaced:
        return unplaced[kind]
    return {
        "status": "confirmed-absent" if absence else "not-found",
        "note": absence.note if absence else _not_found_note(treaty),
        "sources": list(absence.sources) if absence else [],
        "nearest": _nearest(units, kind),
    }


def matrix(treaties: Sequence[Treaty]) -> dict[str, Any]:
    """``{"provisions": {kind: {id: [refs]}}, "labels": {...}, "missing": {...}}``
    for a comparison.

    Every compared treaty is listed under every kind found in any of them; an
    empty list means the treaty lacks it. Refs are the finest level that
    carries the label (paragraph ``"3.3"`` if it has it, else article ``"4"``).
    ``labels[kind][id]`` has one entry per ref: ``ref``, ``strength``,
    ``confidence``, ``source`` and ``evidence`` (``text``, ``start``, ``end``
    in the clause's text).
    ``missing[kind][id]`` has the ``status`` of an empty cell, with ``note``,
    ``sources`` and ``nearest`` (a candidate clause and why it is not one):
    ``"confirmed-absent"`` (a curated :class:`~treatydiff.model.treaty.Absence`),
    ``"unplaced"`` (``metadata["unplaced_topics"]`` records the kind in the
    treaty at an unknown article: the note is the topic's summary, with its
    ``article`` hint or ``None`` and its ``confidence``; ``nearest`` is
    ``None``) or ``"not-found"``. Kinds found only as unplaced topics or as
    curated absences are rows too, with empty ref lists.
    """
    labelled = [label_treaty(t) for t in treaties]
    ids = [t.id for t in labelled]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise AlignmentError(f"duplicate treaty id {duplicates[0]!r}")
    units = {t.id: list(_units(t)) for t in labelled}
    refs: dict[str, dict[str, list[str]]] = {}
    found_labels: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for tid, treaty_units in units.items():
        for unit in treaty_units:
            for label in unit.labels:
                refs.setdefault(label.kind, {}).setdefault(tid, []).append(unit.ref)
                found_labels.setdefault(label.kind, {}).setdefault(tid, []).append(
                    _label_entry(unit.ref, label)
                )
    unplaced = {t.id: _unplaced(t) for t in labelled}
    absent = {a.kind for t in labelled for a in t.absences}
    kinds = set(refs).union(absent, *unplaced.values())
    provisions: dict[str, dict[str, list[str]]] = {}
    labels: dict[str, dict[str, list[dict[str, Any]]]] = {}
    missing: dict[str, dict[str, Any]] = {}
    for kind in sorted(kinds, key=kind_order):
        found = refs.get(kind, {})
        provisions[kind] = {tid: found.get(tid, []) for tid in ids}
        labels[kind] = {tid: found_labels.get(kind, {}).get(tid, []) for tid in ids}
        for treaty in labelled:
            if not provisions[kind][treaty.id]:
                missing.setdefault(kind, {})[treaty.id] = _missing(
                    treaty, kind, units[treaty.id], unplaced[treaty.id]
                )
    return {"provisions": provisions, "labels": labels, "missing": missing}


def _label_entry(ref: str, label: Label) -> dict[str, Any]:
    """One label of a matrix cell: where, how firm, how sure, on what evidence."""
    return {
        "ref": ref,
        "strength": None if label.strength is None else str(label.strength),
        "confidence": label.confidence,
        "source": label.source,
        "evidence": [
            {"text": s.text, "start": s.start, "end": s.end} for s in label.evidence
        ],
    }
