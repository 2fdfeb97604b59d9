"""The provision census: which indexed treaties carry which provision kinds, where."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator

from treatydiff.corpus.records import CensusRow
from treatydiff.errors import InvalidArgument
from treatydiff.provisions import TAXONOMY

__all__ = ["census"]


def census(
    conn: sqlite3.Connection, kinds: Iterable[str] | None = None
) -> Iterator[CensusRow]:
    """One row per treaty (by id): the refs of its articles labelled with each
    kind, in taxonomy order, and each kind's status; ``kinds`` defaults to
    every kind labelled or recorded in the index."""
    if kinds is None:
        present = {
            kind
            for (labels,) in conn.execute("SELECT DISTINCT labels FROM articles")
            for kind in labels.split()
        } | {kind for (kind,) in conn.execute("SELECT DISTINCT kind FROM findings")}
        chosen = [k for k in TAXONOMY if k in present]
    else:
        chosen = list(kinds)
        unknown = [k for k in chosen if k not in TAXONOMY]
        if unknown:
            raise InvalidArgument(
                f"unknown provision kind {unknown[0]!r} (see 'treatydiff provisions')"
            )
    for treaty, name, signed, parties in conn.execute(
        "SELECT id, name, signed, parties FROM treaties ORDER BY name"
    ).fetchall():
        refs: dict[str, list[str]] = defaultdict(list)
        for ref, labels in conn.execute(
            "SELECT ref, labels FROM articles WHERE treaty = ? ORDER BY pos", (treaty,)
        ):
            for kind in labels.split():
                refs[kind].append(ref)
        found = dict(
            conn.execute(
                "SELECT kind, status FROM findings WHERE treaty = ?", (treaty,)
            )
        )
        yield CensusRow(
            treaty=name,
            signed=signed,
            parties=json.loads(parties),
            refs=tuple((k, tuple(refs.get(k, ()))) for k in chosen),
            status=tuple(
                (k, "present" if k in refs else found.get(k, "not-found"))
                for k in chosen
            ),
        )
