"""Reading one source for the index: a file or a bundled digest → records.

Runs in worker processes: :func:`extract` takes a source name and returns
picklable records (or a :class:`~treatydiff.corpus.records.Failure`), never
raising for bad input.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from treatydiff import bundled, formats, provisions
from treatydiff.alignment.normalise import normalize
from treatydiff.corpus.minhash import MIN_WORDS, band_keys_many
from treatydiff.corpus.records import ArticleRecord, Failure, TreatyRecord
from treatydiff.errors import TreatyDiffError
from treatydiff.model import Treaty

__all__ = ["BUNDLED", "Extracted", "content_hash", "extract", "records"]

#: Prefix of a bundled digest's source name: ``bundled:ru-kp-2024``.
BUNDLED = "bundled:"

Extracted = tuple[str, TreatyRecord, tuple[ArticleRecord, ...]] | Failure


def content_hash(source: str) -> str:
    """SHA-256 of a source's bytes (a bundled digest: of the loaded value)."""
    if source.startswith(BUNDLED):
        data = repr(bundled.load(source.removeprefix(BUNDLED))).encode("utf-8")
    else:
        data = Path(source).read_bytes()
    return hashlib.sha256(data).hexdigest()


def records(
    treaty: Treaty, source: str
) -> tuple[TreatyRecord, tuple[ArticleRecord, ...]]:
    """A treaty's stored form: labelled articles with text and band keys."""
    labelled = provisions.label_treaty(treaty)
    kept = [(pos, art) for pos, art in enumerate(labelled.articles) if art.encoded]
    texts = [normalize(art.text) for _, art in kept]
    sizes = [len(text.split()) for text in texts]
    keys = band_keys_many(
        [
            text if size >= MIN_WORDS else ""
            for text, size in zip(texts, sizes, strict=True)
        ]
    )
    arts = [
        ArticleRecord(
            pos=pos,
            ref=art.ref,
            num=art.num,
            heading=art.heading,
            text=art.text,
            words=size,
            labels=sorted({label.kind for label in art.labels}),
            keys=art_keys,
        )
        for (pos, art), size, art_keys in zip(kept, sizes, keys, strict=True)
    ]
    record = TreatyRecord(
        name=treaty.id,
        title=treaty.title,
        parties=treaty.parties,
        signed=treaty.signed_date,
        lang=treaty.lang,
        kind=treaty.kind,
        source=source,
        articles=len(arts),
    )
    return record, tuple(arts)


def extract(job: tuple[str, str]) -> Extracted:
    """Read and record one ``(source, content hash)``; a failure is returned."""
    source, digest = job
    try:
        if source.startswith(BUNDLED):
            treaty = bundled.load(source.removeprefix(BUNDLED))
        else:
            treaty = formats.read(source)
        record, arts = records(treaty, source)
    except TreatyDiffError as exc:
        return Failure(source=source, error=str(exc))
    except OSError as exc:
        return Failure(source=source, error=exc.strerror or str(exc))
    return digest, record, arts
