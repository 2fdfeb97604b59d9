"""Helpers shared by test modules (fixtures stay in conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from treatydiff.diff.words import describe_group
from treatydiff.formats.akn.schema import SCHEMA_ENV
from treatydiff.model import Article, Paragraph, Treaty

__all__ = [
    "AKN_SCHEMA",
    "CUSTOMS",
    "DISPUTES",
    "NOTIFY",
    "ORIGIN",
    "SUBSIDY",
    "SYNTHETIC",
    "needs_akn_schema",
    "treaty",
    "with_diffs",
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


def with_diffs(data: dict[str, Any]) -> dict[str, Any]:
    """A hand-written comparison dict as Comparison.to_dict() gives it: each
    group merged with describe_group()."""
    for group in data["groups"]:
        members = {
            tid: [(ref, group["texts"][tid][ref]) for ref in refs]
            for tid, refs in group["members"].items()
        }
        group.update(
            describe_group(
                members, data["base"], kind=group["kind"], moved=group["moved"]
            )
        )
    return data
