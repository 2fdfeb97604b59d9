"""MinHash signatures and LSH band keys of article texts (word 2-gram shingles).

Texts are compared as :func:`~treatydiff.alignment.normalise.normalize` gives
them. Each text's shingles (pairs of adjacent words, hashed with CRC-32) are
summarised by ``BANDS * ROWS`` minimum hashes; each band of ``ROWS`` of them
becomes one 64-bit key. Two texts whose shingle sets have Jaccard similarity
``j`` share at least one key with probability ``1 - (1 - j**ROWS)**BANDS``:
about 0.67 at ``j = 0.3``, 0.995 at ``j = 0.5``.

>>> a = band_keys("the parties shall consult each other on matters of interest")
>>> b = band_keys("the parties shall consult each other on all matters of interest")
>>> len(a), bool(set(a) & set(b))
(40, True)
"""

from __future__ import annotations

import zlib

import numpy as np
from numpy.typing import NDArray

__all__ = ["BANDS", "MIN_WORDS", "ROWS", "band_keys", "band_keys_many", "shingles"]

#: Bands and rows per band of the LSH index (stored in the database's meta).
BANDS = 40
ROWS = 3
#: Articles with fewer normalised words get no band keys: too short to tell
#: reuse from a shared formula ("This Agreement shall enter into force ...").
MIN_WORDS = 10

_PERM = BANDS * ROWS
_SEED = 20261201
_rng = np.random.default_rng(_SEED)
_A = _rng.integers(1, 2**63, size=_PERM, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=_PERM, dtype=np.uint64)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_BATCH = 64  # articles hashed together (bounds the temporary matrix)


_WORD_HASHES: dict[str, int] = {}


def _word_hash(word: str) -> int:
    h = _WORD_HASHES.get(word)
    if h is None:
        h = _WORD_HASHES[word] = zlib.crc32(word.encode("utf-8"))
    return h


def shingles(words: list[str]) -> NDArray[np.uint64]:
    """The distinct hashed word 2-grams of a list of words."""
    hashes = np.fromiter(map(_word_hash, words), np.uint64, len(words))
    pairs = (hashes[:-1] << np.uint64(32)) | hashes[1:]
    return np.unique(pairs)


def band_keys(normalised: str) -> tuple[int, ...]:
    """The ``BANDS`` LSH keys (signed 64-bit) of a normalised text; ``()`` for a
    text shorter than 2 words."""
    return band_keys_many([normalised])[0]


def band_keys_many(texts: list[str]) -> list[tuple[int, ...]]:
    """:func:`band_keys` of many normalised texts at once."""
    grams = [shingles(t.split()) for t in texts]
    out: list[tuple[int, ...]] = [()] * len(texts)
    todo = [i for i, g in enumerate(grams) if len(g)]
    for start in range(0, len(todo), _BATCH):
        batch = todo[start : start + _BATCH]
        sizes = np.array([len(grams[i]) for i in batch])
        flat = np.concatenate([grams[i] for i in batch])
        with np.errstate(over="ignore"):
            hashed = (flat[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
            offsets = np.r_[0, np.cumsum(sizes)[:-1]]
            signatures = np.minimum.reduceat(hashed, offsets, axis=0)
            keys = np.broadcast_to(
                np.arange(BANDS, dtype=np.uint64) * _MIX, (len(batch), BANDS)
            ).copy()
            bands = signatures.reshape(len(batch), BANDS, ROWS)
            for column in range(ROWS):
                keys = (keys ^ bands[:, :, column]) * _MIX
                keys ^= keys >> np.uint64(29)
        for i, row in zip(batch, keys.view(np.int64).tolist(), strict=True):
            out[i] = tuple(row)
    return out
