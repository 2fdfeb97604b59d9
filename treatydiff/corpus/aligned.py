"""Treaty pairs that share much of their text, aligned article by article with
:func:`treatydiff.align` (the corpus answer to "which article became which")."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator

from treatydiff.alignment.pairwise import align
from treatydiff.corpus.engine import Engine, run
from treatydiff.corpus.records import Correspondence, ReusePair
from treatydiff.corpus.sources import ReuseTally
from treatydiff.model import Article, Paragraph, Treaty

__all__ = ["aligned", "pair_shares", "stored_treaty"]


def stored_treaty(conn: sqlite3.Connection, name: str) -> Treaty:
    """A treaty as the index holds it: metadata and articles (one paragraph per
    stored line of text; points are not kept apart)."""
    tid, title, parties, signed, lang, kind = conn.execute(
        "SELECT id, title, parties, signed, lang, kind FROM treaties WHERE name = ?",
        (name,),
    ).fetchone()
    articles = [
        Article(
            num=num,
            ref=ref,
            heading=heading,
            paragraphs=[Paragraph(text=line) for line in text.split("\n")],
        )
        for num, ref, heading, text in conn.execute(
            "SELECT num, ref, heading, text FROM articles WHERE treaty = ?"
            " ORDER BY pos",
            (tid,),
        )
    ]
    return Treaty(
        id=name,
        title=title,
        parties=json.loads(parties),
        signed_date=signed,
        lang=lang,
        kind=kind,
        articles=articles,
    )


def pair_shares(
    conn: sqlite3.Connection,
    pairs: Iterable[ReusePair] | ReuseTally,
    *,
    lang: str | None = None,
) -> dict[tuple[str, str], float]:
    """For each treaty pair with reused articles, the larger of the two shares:
    articles of one treaty found in the other, over its comparable articles."""
    compared = dict(
        conn.execute(
            "SELECT t.name, count(a.id) FROM treaties t JOIN articles a"
            " ON a.treaty = t.id WHERE a.keys IS NOT NULL"
            + (" AND t.lang = ?" if lang else "")
            + " GROUP BY t.id",
            (lang,) if lang else (),
        )
    )
    return {
        (a, b): max(len(a_refs) / compared[a], len(b_refs) / compared[b])
        for (a, b), (a_refs, b_refs) in ReuseTally.of(pairs).refs.items()
    }


def _align(job: tuple[Treaty, Treaty, float]) -> list[Correspondence]:
    a, b, share = job
    return [
        Correspondence(
            a_treaty=a.id,
            b_treaty=b.id,
            share=share,
            a_ref=pair.a,
            b_ref=pair.b,
            link=pair.kind.value,
            score=pair.score,
            moved=pair.moved,
        )
        for pair in align(a, b).pairs
    ]


def aligned(
    conn: sqlite3.Connection,
    pairs: Iterable[ReusePair] | ReuseTally,
    *,
    share: float = 0.5,
    lang: str | None = None,
    jobs: int | None = None,
    engine: Engine | str = Engine.PROCESS,
    scheduler: str | None = None,
) -> Iterator[Correspondence]:
    """See :meth:`treatydiff.corpus.Corpus.aligned`."""
    chosen = sorted(
        (ab, s) for ab, s in pair_shares(conn, pairs, lang=lang).items() if s >= share
    )
    treaties: dict[str, Treaty] = {}

    def treaty(name: str) -> Treaty:
        if name not in treaties:
            treaties[name] = stored_treaty(conn, name)
        return treaties[name]

    work = [(treaty(a), treaty(b), s) for (a, b), s in chosen]
    found = run(_align, work, jobs=jobs, engine=engine, scheduler=scheduler)
    done = {(rows[0].a_treaty, rows[0].b_treaty): rows for rows in found if rows}
    for ab, _ in chosen:
        yield from done.get(ab, ())
