"""treatydiff's own data inside Akoma Ntoso: ``<proprietary source="#treatydiff">``.

Akoma Ntoso has no place for part of the model: the treaty's kind, parties,
signature place, source, absences, metadata and division tree, and for an
article its ref (when it is not its number's), labels, confidence, sources
and ``encoded``. :mod:`treatydiff.formats.akn` writes them with :func:`write_extras`
as one ``<td:treaty>`` in the :data:`TD_NS` namespace and reads them back
with :func:`read_extras` and :func:`read_article_extras`, so that
``read_akn(to_akn(t)) == t``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

import attrs
from lxml import etree

from treatydiff.errors import ParseError
from treatydiff.model import Absence, Article, Division, Label, Paragraph, Span, Treaty
from treatydiff.model.refs import num_to_ref

__all__ = [
    "TD_NS",
    "read_article_extras",
    "read_extras",
    "sub_element",
    "write_extras",
]

TD_NS = "https://treatydiff.invalid/ns/1"
_T = f"{{{TD_NS}}}"


def sub_element(
    parent: etree._Element, tag: str, text: str | None = None, **attrib: str
) -> etree._Element:
    """A new child ``tag`` of ``parent`` with ``attrib`` and, if given, ``text``."""
    el = etree.SubElement(parent, tag, attrib)
    if text is not None:
        el.text = text
    return el


# --------------------------------------------------------------------------
# Writing


def write_extras(
    proprietary: etree._Element, treaty: Treaty, eids: dict[int, str], metadata: str
) -> None:
    """Write ``<td:treaty>`` into ``proprietary``: what Akoma Ntoso has no place for.

    ``eids`` maps article indexes to their eIds; ``metadata`` is the treaty's
    metadata already serialised as JSON.
    """
    td = sub_element(proprietary, _T + "treaty")
    td.set("id", treaty.id)
    td.set("kind", treaty.kind)
    for attr, value in (
        ("lang", treaty.lang),
        ("signedDate", treaty.signed_date),
        ("signedPlace", treaty.signed_place),
        ("source", treaty.source),
    ):
        if value is not None:
            td.set(attr, value)
    for party in treaty.parties:
        sub_element(td, _T + "party", party)
    for absence in treaty.absences:
        ael = sub_element(td, _T + "absence", kind=absence.kind)
        sub_element(ael, _T + "note", absence.note)
        for src in absence.sources:
            sub_element(ael, _T + "source", src)
    for div in treaty.divisions:
        _write_division(td, div)
    for i, art in enumerate(treaty.articles):
        _write_article_extras(td, art, eids[i])
    if treaty.metadata:
        sub_element(td, _T + "metadata", metadata)


def _write_division(parent: etree._Element, div: Division) -> None:
    el = sub_element(parent, _T + "division", kind=div.kind)
    if div.num is not None:
        el.set("num", div.num)
    if div.heading is not None:
        sub_element(el, _T + "heading", div.heading)
    for ref in div.articles:
        sub_element(el, _T + "ref", ref)
    for child in div.divisions:
        _write_division(el, child)


def _write_article_extras(parent: etree._Element, art: Article, eid: str) -> None:
    labelled = [(i, p) for i, p in enumerate(art.paragraphs) if p.labels]
    if not (
        art.ref != num_to_ref(art.num)
        or art.labels
        or art.confidence is not None
        or art.sources
        or not art.encoded
        or labelled
    ):
        return
    el = sub_element(parent, _T + "article", ref=art.ref)
    el.set("for", eid)
    if art.confidence is not None:
        el.set("confidence", art.confidence)
    if not art.encoded:
        el.set("encoded", "false")
    _write_labels(el, art.labels)
    for src in art.sources:
        sub_element(el, _T + "source", src)
    for i, para in labelled:
        _write_labels(sub_element(el, _T + "paragraph", index=str(i + 1)), para.labels)


def _write_labels(parent: etree._Element, labels: Iterable[Label]) -> None:
    for label in labels:
        el = sub_element(
            parent,
            _T + "label",
            kind=label.kind,
            confidence=repr(label.confidence),
            source=label.source,
        )
        if label.note is not None:
            sub_element(el, _T + "note", label.note)
        for span in label.evidence:
            sub_element(
                el, _T + "span", span.text, start=str(span.start), end=str(span.end)
            )


# --------------------------------------------------------------------------
# Reading


def read_extras(td: etree._Element, source: str | None) -> dict[str, Any]:
    """Treaty fields from a ``<td:treaty>`` element (articles excepted)."""
    metadata = _read_metadata(td.findtext(_T + "metadata"), source)
    kind = td.get("kind", "text")
    if kind not in ("text", "digest"):
        raise ParseError(
            f"unknown treaty kind {kind!r}", source=source, line=td.sourceline
        )
    return {
        "id": td.get("id") or "akn",
        "kind": kind,
        "lang": td.get("lang"),
        "signed_date": td.get("signedDate"),
        "signed_place": td.get("signedPlace"),
        "source": td.get("source"),
        "parties": [p.text or "" for p in td.iterfind(_T + "party")],
        "absences": [
            Absence(
                kind=a.get("kind", ""),
                note=a.findtext(_T + "note") or "",
                sources=[s.text or "" for s in a.iterfind(_T + "source")],
            )
            for a in td.iterfind(_T + "absence")
        ],
        "divisions": [_read_division(d) for d in td.iterfind(_T + "division")],
        "metadata": metadata,
    }


def _read_metadata(meta: str | None, source: str | None) -> dict[str, Any]:
    """The ``<td:metadata>`` JSON object: strict JSON (no NaN or Infinity),
    an object, ``articles_total`` a count or null."""

    def no_constant(name: str) -> None:
        raise ValueError(f"{name} is not JSON")

    try:
        metadata = json.loads(meta, parse_constant=no_constant) if meta else {}
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else exc
        raise ParseError(
            f"bad treatydiff metadata JSON: {reason}", source=source
        ) from None
    if not isinstance(metadata, dict):
        raise ParseError(
            "bad treatydiff metadata: a JSON object expected, got "
            f"{type(metadata).__name__}",
            source=source,
        )
    total = metadata.get("articles_total")
    if total is not None and (
        not isinstance(total, int) or isinstance(total, bool) or total < 0
    ):
        raise ParseError(
            f"bad treatydiff metadata: articles_total {total!r} is not a count",
            source=source,
        )
    return metadata


def _read_division(el: etree._Element) -> Division:
    return Division(
        kind=el.get("kind", "chapter"),
        num=el.get("num"),
        heading=el.findtext(_T + "heading"),
        articles=[r.text or "" for r in el.iterfind(_T + "ref")],
        divisions=[_read_division(d) for d in el.iterfind(_T + "division")],
    )


def read_article_extras(
    extra: etree._Element, paragraphs: list[Paragraph], source: str | None
) -> dict[str, Any]:
    """Article fields from a ``<td:article>``: ref, labels, confidence, sources,
    ``encoded``, and ``paragraphs`` with their labels."""
    fields: dict[str, Any] = {
        "ref": extra.get("ref"),
        "confidence": extra.get("confidence"),
        "encoded": extra.get("encoded") != "false",
        "labels": _read_labels(extra, source),
        "sources": [s.text or "" for s in extra.iterfind(_T + "source")],
    }
    paras = list(paragraphs)
    for pel in extra.iterfind(_T + "paragraph"):
        i = _int(pel.get("index"), source) - 1
        if not 0 <= i < len(paras):
            raise ParseError(
                f"proprietary labels for a missing paragraph {i + 1}",
                source=source,
                line=pel.sourceline,
            )
        paras[i] = attrs.evolve(paras[i], labels=_read_labels(pel, source))
    fields["paragraphs"] = paras
    return fields


def _read_labels(parent: etree._Element, source: str | None) -> list[Label]:
    labels = []
    for el in parent.iterfind(_T + "label"):
        note = el.find(_T + "note")
        spans = [
            Span(s.text or "", _int(s.get("start"), source), _int(s.get("end"), source))
            for s in el.iterfind(_T + "span")
        ]
        try:
            confidence = float(el.get("confidence", "1.0"))
            if not math.isfinite(confidence):
                raise ValueError
        except ValueError:
            raise ParseError(
                f"bad label confidence {el.get('confidence')!r}",
                source=source,
                line=el.sourceline,
            ) from None
        labels.append(
            Label(
                kind=el.get("kind", ""),
                confidence=confidence,
                evidence=spans,
                source=el.get("source", "classifier"),
                note=None if note is None else note.text or "",
            )
        )
    return labels


def _int(value: str | None, source: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        raise ParseError(f"expected an integer, got {value!r}", source=source) from None
