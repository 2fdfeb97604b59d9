"""Treaty → JSON-ready dict (the shape of ``treatydiff parse --format json``)."""

from __future__ import annotations

from typing import Any

from treatydiff.model import Article, Division, Label, Paragraph, Treaty

__all__ = ["division_to_dict", "label_to_dict", "treaty_header", "treaty_to_dict"]


def label_to_dict(label: Label) -> dict[str, Any]:
    """One provision label with its evidence spans."""
    out: dict[str, Any] = {
        "kind": label.kind,
        "confidence": round(label.confidence, 3),
        "source": label.source,
        "evidence": [
            {"text": s.text, "start": s.start, "end": s.end} for s in label.evidence
        ],
    }
    if label.note:
        out["note"] = label.note
    return out


def _paragraph(art: Article, para: Paragraph) -> dict[str, Any]:
    return {
        "num": para.num,
        "ref": para.ref(art),
        "text": para.full_text,
        "points": [
            {"label": p.label, "ref": f"{para.ref(art)}.{p.label}", "text": p.text}
            for p in para.points
        ],
        "provisions": [label_to_dict(lab) for lab in para.labels],
    }


def _article(art: Article) -> dict[str, Any]:
    out: dict[str, Any] = {
        "num": art.num,
        "ref": art.ref,
        "heading": art.heading,
        "text": art.text,
        "encoded": art.encoded,
        "provisions": [label_to_dict(lab) for lab in art.labels],
        "paragraphs": [_paragraph(art, p) for p in art.paragraphs],
    }
    if art.confidence:
        out["confidence"] = art.confidence
    if art.sources:
        out["sources"] = list(art.sources)
    return out


def treaty_header(treaty: Treaty) -> dict[str, Any]:
    """A treaty's identity, dates and coverage, as every JSON output opens it."""
    encoded, total = treaty.coverage
    return {
        "id": treaty.id,
        "title": treaty.title,
        "lang": treaty.lang,
        "kind": treaty.kind,
        "parties": list(treaty.parties),
        "signed_date": treaty.signed_date,
        "signed_place": treaty.signed_place,
        "source": treaty.source,
        "coverage": {"encoded": encoded, "total": total},
    }


def treaty_to_dict(treaty: Treaty) -> dict[str, Any]:
    """A treaty as plain JSON data: metadata, divisions and labelled articles."""
    return {
        **treaty_header(treaty),
        "preamble": treaty.preamble,
        "divisions": [division_to_dict(d) for d in treaty.divisions],
        "articles": [_article(a) for a in treaty.articles],
        "closing": treaty.closing,
        "absences": [
            {"kind": a.kind, "note": a.note, "sources": list(a.sources)}
            for a in treaty.absences
        ],
        "metadata": dict(treaty.metadata),
    }


def division_to_dict(div: Division) -> dict[str, Any]:
    """A part, chapter or section with the refs it holds, nested divisions included."""
    return {
        "kind": div.kind,
        "num": div.num,
        "heading": div.heading,
        "articles": list(div.articles),
        "divisions": [division_to_dict(d) for d in div.divisions],
    }
