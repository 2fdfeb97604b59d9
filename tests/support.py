"""Helpers shared by test modules (fixtures stay in conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from treatydiff.formats.akn.schema import SCHEMA_ENV
from treatydiff.model import (
    Absence,
    Article,
    ComparisonResult,
    Group,
    Label,
    Paragraph,
    Treaty,
)

__all__ = [
    "AKN_SCHEMA",
    "CUSTOMS",
    "DISPUTES",
    "NOTIFY",
    "ORIGIN",
    "SUBSIDY",
    "SYNTHETIC",
    "comparison_from",
    "distinct_clause",
    "needs_akn_schema",
    "treaty",
]

# Dictionary text drawn at random has a higher chance-level similarity than
# real treaty text (same small vocabulary, no syntax), so laws that compare
# with the known answer use a threshold calibrated for it.
SYNTHETIC = 0.65

# Trade-agreement clauses written for the alignment tests.
CUSTOMS = (
    "Customs duties on imports between the Parties "
    "shall be abolished on entry into force."
)
ORIGIN = (
    "Products wholly obtained in a Party are "
    "originating; Protocol B lays down the rules."
)
DISPUTES = (
    "Any dispute concerning the interpretation of this Agreement "
    "shall go to an arbitral tribunal."
)
SUBSIDY = (
    "State aid that distorts competition "
    "by favouring certain undertakings is incompatible."
)
NOTIFY = (
    "Each Party shall notify the Joint Committee "
    "of any subsidy granted to domestic firms."
)


def treaty(id: str, *texts: str | list[str], **fields: Any) -> Treaty:
    """A treaty whose article N holds ``texts[N-1]``: one unnumbered paragraph,
    or numbered paragraphs when given a list."""
    arts = []
    for i, text in enumerate(texts):
        paras = (
            [Paragraph(num=str(k + 1), text=t) for k, t in enumerate(text)]
            if isinstance(text, list)
            else [Paragraph(text=text)]
        )
        arts.append(Article(num=str(i + 1), paragraphs=paras))
    return Treaty(id=id, articles=arts, **fields)


#: The OASIS schema: ``$TREATYDIFF_AKN_SCHEMA``, else ../shared beside the checkout.
AKN_SCHEMA = Path(
    os.environ.get(SCHEMA_ENV)
    or Path(__file__).resolve().parents[2] / "shared/schemas/akn/akomantoso30.xsd"
)

needs_akn_schema = pytest.mark.skipif(
    not AKN_SCHEMA.is_file(),
    reason=f"OASIS Akoma Ntoso schema not found at {AKN_SCHEMA} "
    f"(set {SCHEMA_ENV} or put ../shared beside the checkout)",
)
"""Skips a test that needs the OASIS Akoma Ntoso 3.0 schema when it is absent."""


def comparison_from(data: dict[str, Any]) -> ComparisonResult:
    """A comparison shaped like a report fixture (a hand-written comparison
    JSON): its treaties with the articles, texts and headings of its groups
    (placeholders not encoded), its groups, curated provision labels where its
    matrix has refs, curated absences for its confirmed-absent findings and
    unplaced topics for its unplaced ones."""
    texts: dict[str, dict[str, str]] = {}
    headings: dict[str, dict[str, str | None]] = {}
    for group in data["groups"]:
        for tid, refs in group["members"].items():
            for ref in refs:
                texts.setdefault(tid, {})[ref] = group["texts"][tid][ref]
                headings.setdefault(tid, {})[ref] = group["headings"][tid][ref]
    treaties = []
    for entry in data["treaties"]:
        tid = entry["id"]
        kinds: dict[str, list[str]] = {}
        for kind, cells in data["provisions"].items():
            for ref in cells.get(tid, []):
                kinds.setdefault(ref, []).append(kind)
        findings = {
            kind: cells[tid] for kind, cells in data["missing"].items() if tid in cells
        }
        holes = set(entry.get("placeholders") or ())
        articles = [
            Article(
                num=ref,
                heading=headings.get(tid, {}).get(ref),
                paragraphs=[
                    Paragraph(
                        text=texts.get(tid, {}).get(ref, ""),
                        labels=[
                            Label(kind=k, source="curated") for k in kinds.get(ref, [])
                        ],
                    )
                ]
                if ref not in holes
                else [],
                encoded=ref not in holes,
            )
            for ref in entry["articles"]
        ]
        topics = [
            {
                "kind": kind,
                "summary": f["note"],
                "sources": f["sources"],
                "article": f["article"],
                "confidence": f["confidence"],
            }
            for kind, f in findings.items()
            if f["status"] == "unplaced"
        ]
        treaties.append(
            Treaty(
                id=tid,
                title=entry["title"],
                lang=entry["lang"],
                kind=entry["kind"],
                signed_date=entry["signed_date"],
                articles=articles,
                absences=[
                    Absence(kind=kind, note=f["note"], sources=f["sources"])
                    for kind, f in findings.items()
                    if f["status"] == "confirmed-absent"
                ],
                metadata={
                    "articles_total": entry["coverage"]["total"],
                    "unplaced_topics": topics,
                },
            )
        )
    groups = [
        Group(
            members={tid: tuple(refs) for tid, refs in g["members"].items()},
            score=g["score"],
            kind=g["kind"],
            moved=g["moved"],
            basis=g.get("basis", ()),
        )
        for g in data["groups"]
    ]
    return ComparisonResult(
        treaties=treaties, base=data["base"], groups=groups, alignments={}
    )


# Invented clauses without a content word in common: each draws its own words.
_NOUNS = tuple(
    " ".join(
        (
            "harbour pilot vessel cargo berth quay anchor buoy channel lock tug",
            "ferry salmon trout herring cod quota net trawl season license logbook",
            "catch forest timber sawmill seedling nursery wildfire ranger reserve",
            "grazing orchard vineyard grain silo harvest fertiliser irrigation",
            "pasture dairy railway wagon freight platform signal track tunnel",
            "bridge depot timetable airport runway hangar cockpit terminal baggage",
            "customsbond courier parcel museum archive manuscript painting",
            "sculpture theatre orchestra festival satellite antenna spectrum",
            "frequency broadcast cable fibre router server vaccine clinic nurse",
            "surgeon pharmacy hospital ambulance laboratory university scholarship",
            "professor lecture diploma curriculum textbook pupil glacier volcano",
            "earthquake drought flood storm typhoon avalanche tsunami",
            "lighthouse compass telescope microscope bakery brewery tannery",
            "quarry foundry refinery pipeline turbine windmill reservoir canal",
            "aqueduct harpoon sextant",
        )
    ).split(" ")
)


def distinct_clause(k: int) -> str:
    """The k-th invented clause (k < 30); no two share a content word."""
    words = _NOUNS[4 * k : 4 * k + 4]
    return f"The {words[0]} and the {words[1]} of the {words[2]} with {words[3]}."
