"""Reading one source for the index: a file or a bundled digest → records.

Runs in worker processes: :func:`extract` takes a source name and returns
picklable records (or a :class:`~treatydiff.corpus.records.Failure`), never
raising for bad input.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from treatydiff import bundled, formats, provisions
from treatydiff.alignment.normalise import normalize
from treatydiff.corpus.minhash import MIN_WORDS, band_keys_many
from treatydiff.corpus.records import ArticleRecord, Failure, Finding, TreatyRecord
from treatydiff.errors import TreatyDiffError
from treatydiff.model import Article, Treaty

__all__ = ["BUNDLED", "Extracted", "content_hash", "extract", "findings", "records"]

#: Prefix of a bundled digest's source name: ``bundled:ru-kp-2024``.
BUNDLED = "bundled:"

Extracted = (
    tuple[str, TreatyRecord, tuple[ArticleRecord, ...], tuple[Finding, ...]] | Failure
)


def content_hash(source: str) -> str:
    """SHA-256 of a source's bytes (a bundled digest: of the loaded value)."""
    if source.startswith(BUNDLED):
        data = repr(bundled.load(source.removeprefix(BUNDLED))).encode("utf-8")
    else:
        data = Path(source).read_bytes()
    return hashlib.sha256(data).hexdigest()


#: Provision kinds of the article texts this process has labelled, by
#: :func:`_label_key`: treaties share many verbatim articles, each distinct one
#: is labelled once per worker. Cleared when it reaches :data:`_LABELS_MAX`.
_LABELS: dict[bytes, tuple[str, ...]] = {}
_LABELS_MAX = 200_000


def _label_key(lang: str | None, art: Article) -> bytes | None:
    """What an article's classifier labels depend on (its language, text and
    paragraph texts), hashed; ``None`` for one with labels of its own."""
    if art.labels or any(para.labels for para in art.paragraphs):
        return None
    parts = (lang, art.text, tuple(para.full_text for para in art.paragraphs))
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).digest()


def _kinds(treaty: Treaty) -> dict[int, tuple[str, ...]]:
    """The provision kinds of each encoded article (by position), labelling
    only the articles whose text this process has not labelled before."""
    keys = {
        pos: _label_key(treaty.lang, art)
        for pos, art in enumerate(treaty.articles)
        if art.encoded
    }
    kinds = {
        pos: _LABELS[key]
        for pos, key in keys.items()
        if key is not None and key in _LABELS
    }
    todo = keys.keys() - kinds.keys()
    if todo:
        refs = {treaty.articles[pos].ref for pos in todo}
        labelled = provisions.label_treaty(treaty, refs=refs).articles
        if len(_LABELS) + len(todo) > _LABELS_MAX:
            _LABELS.clear()
        for pos in todo:
            kinds[pos] = tuple(sorted({label.kind for label in labelled[pos].labels}))
            key = keys[pos]
            if key is not None:
                _LABELS[key] = kinds[pos]
    return kinds


def findings(treaty: Treaty) -> tuple[Finding, ...]:
    """The curated absences and unplaced provisions of a treaty, as the
    provision matrix reads them (only a treaty that records some is read)."""
    if not (treaty.absences or treaty.metadata.get("unplaced_topics")):
        return ()
    missing = provisions.matrix([treaty])["missing"]
    return tuple(
        Finding(kind=kind, status=cell["status"], note=cell["note"])
        for kind, cells in missing.items()
        for cell in [cells[treaty.id]]
        if cell["status"] != "not-found"
    )


def records(
    treaty: Treaty, source: str
) -> tuple[TreatyRecord, tuple[ArticleRecord, ...]]:
    """A treaty's stored form: labelled articles with text and band keys."""
    kinds = _kinds(treaty)
    kept = [(pos, treaty.articles[pos]) for pos in sorted(kinds)]
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
            labels=kinds[pos],
            keys=np.array(art_keys, np.int64).tobytes() if art_keys else None,
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
        found = findings(treaty)
    except TreatyDiffError as exc:
        # The summary names the source: the reason alone, not the path again.
        return Failure(source=source, error=str(exc).removeprefix(f"{source}: "))
    except OSError as exc:
        return Failure(source=source, error=exc.strerror or str(exc))
    return digest, record, arts, found
