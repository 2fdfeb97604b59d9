"""Pairwise alignment of two treaties: article pairs, splits, merges, paragraphs.

The results are :class:`~treatydiff.model.results.Alignment` values.

>>> from treatydiff.model import Article, Paragraph, Treaty
>>> def treaty(id, *texts):
...     arts = [Article(num=str(i + 1), paragraphs=[Paragraph(text=t)])
...             for i, t in enumerate(texts)]
...     return Treaty(id=id, articles=arts)
>>> customs = "Customs duties on imports are abolished."
>>> a = treaty("a", customs, "Disputes go to arbitration.")
>>> b = treaty("b", "Disputes are settled by arbitration.", customs)
>>> [(p.a, p.b, str(p.kind)) for p in align(a, b).pairs]
[('1', '2', 'match'), ('2', '1', 'match')]

Pairs are one-to-one by optimal assignment over all pairs (any reordering),
kept only above a calibrated no-match threshold. Splits and merges are found
before the assignment and independently of position: an article is split
when the concatenation of two or three articles of the other treaty explains
it clearly better than any single one. A split or merge appears as one
:class:`AlignedPair` per member, all with the same ``kind``, ``a_refs`` and
``b_refs`` (so ``(pair.a, pair.b)`` is always a pair of single refs); each
member keeps its own ``score`` (members found by the concatenation share its
score, members joined by clause or rare-word evidence keep their own). Order
is evidence as well: linked neighbours lower the bar for the pair between them
and carry clause links into splits and merges, the enclosing chapter's heading
weighs in the choice among candidates, a run renumbered with a constant offset
(then an equal ref) breaks ties, and an article left between two pieces of a
split (or two sources of a merge) joins it when its rarest words point to that
article (:mod:`treatydiff.alignment.evidence`), as do the members of a family
an article announces ("Articles 59 to 61") next to a piece, and an article
in the slot of one linked article whose rare words agree and that explains
it better. Last, an article no evidence
placed is linked by a paragraph nearly wholly contained in (or containing) a
paragraph of the other treaty at most three times its size.
"""

from __future__ import annotations

import bisect
import itertools
import zlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

import attrs
import numpy as np
from rapidfuzz import fuzz

from treatydiff.alignment.crosslingual import concept_words, languages_differ
from treatydiff.alignment.evidence import (
    RareWords,
    family_links,
    named_families,
    slot_links,
    split_gaps,
)
from treatydiff.alignment.matching import full_matching
from treatydiff.alignment.similarity import (
    DEFAULT_SCORER,
    STOPWORDS,
    PairScores,
    Processor,
    Scorer,
    clause_ratio,
    common_words,
    containment,
    filtered,
    median_but_best,
    process_texts,
    score_matrix,
    shorter_share,
    word_dice,
)
from treatydiff.errors import AlignmentError, InvalidArgument
from treatydiff.model.results import (
    AlignedPair,
    Alignment,
    LinkKind,
    ParagraphPair,
    sorted_pairs,
    sorted_paragraphs,
)
from treatydiff.model.treaty import Article, Division, Treaty

__all__ = [
    "DEFAULT_THRESHOLD",
    "AlignOptions",
    "Prepared",
    "align",
    "align_prepared",
    "assign",
    "background",
    "moved_flags",
    "prepare",
]

DEFAULT_THRESHOLD = 0.55
_SPLIT_CONTAINMENT = 0.6
_SPLIT_CANDIDATES = 4
_SPLIT_GAIN = 0.01
_SPLIT_ERROR_RATIO = 0.9
_NEIGHBOUR_BONUS = 0.015
_STANDOUT = 0.15
_STANDOUT_CAP = 0.85
# Order evidence: a mutual best pair in the slot between linked neighbours
# needs only to stand _SLOT_MARGIN above the background (not _STANDOUT).
_SLOT_MARGIN = 0.1
# ... and only where the background is read from at least three unrelated
# articles each way: in smaller texts a background is no evidence (two
# unrelated final articles of two-article texts would sit "in the slot").
_SLOT_MIN_ARTICLES = 4
# Renumbering with a constant offset breaks ties: a pair on the diagonal of an
# unambiguous link at most _RUN_GAP articles before or after it gains
# _OFFSET_BONUS per side (below any real difference of scores). Pieces of a
# split stand together: rare words fill gaps of at most _RUN_GAP articles
# between them (treatydiff.alignment.evidence.split_gaps).
_RUN_GAP = 3
_OFFSET_BONUS = 1e-5
# Clause evidence: two paragraphs correspond when they share at least this
# (Dice) share of their distinct non-boilerplate words and the clause
# assignment over both whole texts pairs them. An article the article-level
# pass left without counterpart is linked to each article that took at least
# _CLAUSE_COVER of its words that way (the pieces of a split, however many).
_CLAUSE_DICE = 0.6
_CLAUSE_COVER = 0.5
_CLAUSE_MIN_WORDS = 4
# Containment evidence: drafters move a paragraph out of an article into a
# new one, adding or dropping a word. Of the clauses the assignment leaves
# unpaired, a shorter one with at least _CLAUSE_CONTAINED of its distinct
# words in a longer one at most _CONTAINED_RATIO times its size is paired
# with it (one-to-one); only the shorter clause counts as covered, and such a
# link is weighed after all the others. (Without the ratio, a short article
# finds its words in some long enumeration of an unrelated treaty.)
_CLAUSE_CONTAINED = 0.75
_CONTAINED_RATIO = 3.0
# Per article pair (i, j): (share of i's words, share of j's words, mean
# clause Dice) covered by the clause pairs between them.
_ArticleCover = dict[tuple[int, int], tuple[float, float, float]]
# Headings as evidence: a pair gains up to _HEADING_WEIGHT for the share of
# heading words they have in common, leaving out words found in
# _HEADING_REPEATS or more headings of one treaty ("Amendments to Directive").
_HEADING_REPEATS = 3
_HEADING_WEIGHT = 0.1
# The enclosing chapter's heading is weaker evidence (shared by every article
# of the chapter, often boilerplate such as "Final Provisions"): it adds up to
# _CHAPTER_WEIGHT to the choice among candidates but never lifts a pair over
# the acceptance bar.
_CHAPTER_WEIGHT = 0.05
# Very long texts (issue 14: one article of megabytes): clause lists with more
# than _DENSE_CELLS pairs first pair identical clauses, then score only the
# rest (when that fits); an article or paragraph longer than _LONG_TEXT
# characters is scored by its word counts, not edit distance.
_DENSE_CELLS = 250_000
_LONG_TEXT = 50_000
# From this many article pairs on, alignment scores sparse candidate pairs
# (bounded memory; see treatydiff.alignment.blocked).
_LARGE_CELLS = 1_000_000
_ORDER_FREE = frozenset(
    {
        clause_ratio,
        fuzz.token_sort_ratio,
        fuzz.token_set_ratio,
        fuzz.token_ratio,
        fuzz.partial_token_sort_ratio,
        fuzz.partial_token_set_ratio,
        fuzz.partial_token_ratio,
    }
)


@attrs.frozen(kw_only=True)
class Prepared:
    """A treaty made ready for scoring: processed words of each aligned
    article and paragraph, boilerplate removed (see :func:`prepare`)."""

    treaty: Treaty
    refs: tuple[str, ...]
    words: tuple[tuple[str, ...], ...]
    strings: tuple[str, ...]
    paragraph_refs: tuple[tuple[str, ...], ...]
    paragraph_strings: tuple[tuple[str, ...], ...]
    drop: frozenset[str] = attrs.field(repr=False)
    headings: tuple[str, ...] = ()
    chapters: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class AlignOptions:
    """Checked options of :func:`align` (see there)."""

    scorer: Scorer
    scorer_kwargs: Mapping[str, Any]
    threshold: float
    paragraphs: bool

    @classmethod
    def make(
        cls,
        scorer: Scorer | None = None,
        threshold: float | None = None,
        scorer_kwargs: Mapping[str, Any] | None = None,
        paragraphs: bool = True,
    ) -> AlignOptions:
        """Options with defaults filled in; raises :class:`InvalidArgument`."""
        if scorer is not None and not callable(scorer):
            raise InvalidArgument(
                f"scorer must be callable, got {type(scorer).__name__}"
            )
        if threshold is not None and not 0.0 <= threshold <= 1.0:
            raise InvalidArgument(f"threshold must be within [0, 1], got {threshold!r}")
        return cls(
            scorer=scorer or DEFAULT_SCORER,
            scorer_kwargs=dict(scorer_kwargs or {}),
            threshold=DEFAULT_THRESHOLD if threshold is None else float(threshold),
            paragraphs=paragraphs,
        )


def _alignable(article: Article) -> bool:
    return article.encoded and bool(article.text.strip())


def _check(treaty: object) -> Treaty:
    if not isinstance(treaty, Treaty):
        raise InvalidArgument(f"expected a Treaty, got {type(treaty).__name__}")
    if not treaty.articles:
        raise AlignmentError(f"{treaty.id}: treaty has no articles to align")
    return treaty


def prepare(
    treaties: Sequence[Treaty],
    *,
    processor: Processor | None = None,
    boilerplate: bool = True,
) -> list[Prepared]:
    """Process every alignable article (encoded, with text) of ``treaties``
    once; boilerplate words are found across all of them together."""
    raw = []
    for treaty in treaties:
        _check(treaty)
        arts = [a for a in treaty.articles if _alignable(a)]
        paras = [[p for p in a.paragraphs if p.full_text] for a in arts]
        words = [process_texts([p.full_text for p in ps], processor) for ps in paras]
        raw.append((treaty, arts, paras, words))
    article_words = [
        [[w for ws in pw for w in ws] for pw in words] for *_, words in raw
    ]
    drop = common_words(article_words) if boilerplate else frozenset()
    return [
        Prepared(
            treaty=treaty,
            refs=tuple(a.ref for a in arts),
            words=tuple(tuple(ws) for ws in art_words),
            strings=tuple(filtered(ws, drop) for ws in art_words),
            paragraph_refs=tuple(
                tuple(p.ref(a) for p in ps) for a, ps in zip(arts, paras, strict=True)
            ),
            paragraph_strings=tuple(
                tuple(filtered(ws, drop) for ws in pw) for pw in words
            ),
            drop=drop,
            headings=tuple(
                " ".join(process_texts([a.heading or ""], processor)[0]) for a in arts
            ),
            chapters=_chapters(treaty, arts, processor),
        )
        for (treaty, arts, paras, words), art_words in zip(
            raw, article_words, strict=True
        )
    ]


def _chapters(
    treaty: Treaty, arts: Sequence[Article], processor: Processor | None
) -> tuple[str, ...]:
    """Per article, the processed heading of the innermost division (chapter,
    section) that holds it and has a heading; "" where none does."""
    enclosing: dict[str, str] = {}

    def walk(divisions: Sequence[Division]) -> None:
        for div in divisions:
            if div.heading:
                enclosing.update(dict.fromkeys(div.articles, div.heading))
            walk(div.divisions)

    walk(treaty.divisions)
    heads = sorted(set(enclosing.values()))
    words = {
        h: " ".join(ws)
        for h, ws in zip(heads, process_texts(heads, processor), strict=True)
    }
    return tuple(words.get(enclosing.get(a.ref, ""), "") for a in arts)


def assign(
    scores: np.ndarray, threshold: float | np.ndarray, bonus: np.ndarray | None = None
) -> list[tuple[int, int]]:
    """One-to-one pairs ``(row, col)`` maximising the total margin
    ``score + bonus - threshold`` over pairs whose ``score`` (without the
    tie-break ``bonus``) is at least ``threshold`` (a number, or one per pair)."""
    if scores.size == 0:
        return []
    weights = _margins(scores, threshold, 0.0 if bonus is None else bonus)
    if weights.shape == (1, 1):  # nothing to choose between
        return [(0, 0)] if weights[0, 0] > 0 else []
    return [(r, c) for r, c in full_matching(weights) if weights[r, c] > 0]


def background(scores: np.ndarray) -> np.ndarray:
    """Per pair, the typical score of unrelated articles around it: the larger
    of the median of its row and of its column, each without its best entry
    (0 where a row or column has a single entry)."""

    def medians(mat: np.ndarray) -> np.ndarray:
        if mat.shape[1] < 2:
            return np.zeros(mat.shape[0])
        return median_but_best(mat)

    if scores.size == 0:
        return np.zeros(scores.shape)
    floor: np.ndarray = np.maximum(
        medians(scores)[:, np.newaxis], medians(scores.T)[np.newaxis, :]
    )
    return floor


def _ref_hash(refs: Sequence[str]) -> np.ndarray:
    return np.array([(zlib.crc32(r.encode()) % 997 + 1) / 998 for r in refs])


def _jitter(refs_a: Sequence[str], refs_b: Sequence[str]) -> np.ndarray:
    """Tiny deterministic tie-breaks: equal refs first, then a product of ref
    hashes (symmetric in the two sides, independent of document order)."""
    codes: dict[str, int] = {}
    code_a = np.array([codes.setdefault(r, len(codes)) for r in refs_a], dtype=int)
    code_b = np.array([codes.setdefault(r, len(codes)) for r in refs_b], dtype=int)
    same = code_a[:, np.newaxis] == code_b[np.newaxis, :]
    jitter: np.ndarray = 1e-6 * same + 1e-9 * np.outer(
        _ref_hash(refs_a), _ref_hash(refs_b)
    )
    return jitter


def _combo_score(single: str, parts: Sequence[str], opts: AlignOptions) -> float:
    """How well the pieces ``parts`` together explain ``single``: the best
    score over the orders the pieces may be read in (one order for scorers
    that sort words)."""
    orders = [parts] if opts.scorer in _ORDER_FREE else itertools.permutations(parts)
    best = 0.0
    for order in orders:
        value = opts.scorer(single, " ".join(order), **opts.scorer_kwargs)
        best = max(best, float(value) / 100.0)
    return min(best, 1.0)


def _group_candidates(
    single: Prepared,
    multi: Prepared,
    scores: np.ndarray,
    contained: np.ndarray,
    opts: AlignOptions,
) -> list[tuple[float, int, tuple[int, ...]]]:
    """Candidate links of one article of ``single`` to 2–3 of ``multi``:
    ``(score, i, (j, ...))``; ``scores``/``contained`` have rows for ``single``."""
    found = []
    for i in range(scores.shape[0]):
        cands = [int(j) for j in np.flatnonzero(contained[i] >= _SPLIT_CONTAINMENT)]
        if len(cands) < 2:
            continue
        cands.sort(key=lambda j: (-contained[i, j], -scores[i, j], multi.refs[j]))
        cands = cands[:_SPLIT_CANDIDATES]
        best_single = float(scores[i].max())
        best_by_size: dict[int, tuple[float, tuple[int, ...]]] = {}
        for size in (2, 3):
            for subset in itertools.combinations(sorted(cands), size):
                value = _combo_score(
                    single.strings[i], [multi.strings[j] for j in subset], opts
                )
                if value > best_by_size.get(size, (-1.0, ()))[0]:
                    best_by_size[size] = (value, subset)
        choice = best_by_size.get(2)
        if (
            3 in best_by_size
            and choice
            and _clearly_better(best_by_size[3][0], choice[0])
        ):
            choice = best_by_size[3]
        if choice is None:
            continue
        value, subset = choice
        rivals = [np.delete(scores[:, j], i).max(initial=0.0) for j in subset]
        if (
            value >= opts.threshold
            and _clearly_better(value, best_single)
            and value > max(rivals)
            and not any(_taken(scores, i, j) for j in subset)
        ):
            found.append((value, i, subset))
    return found


def _taken(scores: np.ndarray, i: int, j: int) -> bool:
    """Whether ``j`` scores higher with another row ``k`` than with ``i``
    and ``k``'s best is ``j``: a mutual best pair elsewhere (the same clause
    kept in two places), so ``j`` is no piece of ``i``."""
    col = scores[:, j].copy()
    col[i] = -1.0
    k = int(col.argmax())
    return bool(col[k] > scores[i, j] and scores[k].argmax() == j)


def _explains_more(
    single: str, parts: Sequence[str], extra: str, opts: AlignOptions
) -> bool:
    """Whether ``single`` is explained better by ``parts`` with ``extra``
    than by ``parts`` alone."""
    return _combo_score(single, [*parts, extra], opts) > _combo_score(
        single, parts, opts
    )


def _clearly_better(value: float, than: float) -> bool:
    return value - than >= _SPLIT_GAIN and (1.0 - value) <= _SPLIT_ERROR_RATIO * (
        1.0 - than
    )


def _pair_links(
    pa: Prepared, pb: Prepared, opts: AlignOptions
) -> tuple[
    list[tuple[tuple[int, ...], tuple[int, ...], dict[tuple[int, int], float]]],
    np.ndarray,
]:
    """Linked components ``(rows of A, cols of B, {(i, j): score})`` and the
    article score matrix (from ``_LARGE_CELLS`` pairs on: sparse candidates,
    :mod:`treatydiff.alignment.blocked`)."""
    if len(pa.refs) * len(pb.refs) >= _LARGE_CELLS:
        return _sparse_links(pa, pb, opts)
    text_scores = _text_scores(pa.strings, pb.strings, opts)
    scores = np.minimum(text_scores + _heading_bonus(pa, pb), 1.0)
    floors = np.maximum(
        opts.threshold, np.minimum(background(scores) + _STANDOUT, _STANDOUT_CAP)
    )
    contained_b, contained_a = containment(pa.words, pb.words, pa.drop)
    candidates = [
        (value, (i,), subset)
        for value, i, subset in _group_candidates(
            pa, pb, text_scores, contained_b, opts
        )
    ] + [
        (value, subset, (j,))
        for value, j, subset in _group_candidates(
            pb, pa, text_scores.T, contained_a, opts
        )
    ]

    links, used_a, used_b = _take_groups(pa, pb, candidates)
    free_a = [i for i in range(len(pa.refs)) if i not in used_a]
    free_b = [j for j in range(len(pb.refs)) if j not in used_b]
    sub = scores[np.ix_(free_a, free_b)]
    floor = floors[np.ix_(free_a, free_b)]
    jitter = _jitter([pa.refs[i] for i in free_a], [pb.refs[j] for j in free_b])
    jitter += _chapter_bonus(pa, pb)[np.ix_(free_a, free_b)]
    first = [((free_a[r],), (free_b[c],)) for r, c in assign(sub, floor, jitter)]
    support = _neighbour_support(
        [*[(r, c) for r, c, _ in links], *first],
        free_a,
        free_b,
        (len(pa.refs), len(pb.refs)),
    )
    # Order evidence lowers the bar: two articles that are each other's best
    # and sit between linked neighbours on both sides (the slot the drafters
    # kept for the article) pair once they stand out of the background at all.
    slotted = (
        (support == 2)
        & _mutual_best(sub)
        & _slot_rule_applies(len(pa.refs), len(pb.refs))
    )
    bar = np.minimum(background(scores) + _SLOT_MARGIN, _STANDOUT_CAP)
    floor = np.where(slotted, np.minimum(floor, bar[np.ix_(free_a, free_b)]), floor)
    runs = _offset_support(scores, [*[(r, c) for r, c, _ in links], *first])
    bonus = (
        jitter
        + _NEIGHBOUR_BONUS * support
        + _OFFSET_BONUS * runs[np.ix_(free_a, free_b)]
    )
    for r, c in assign(sub, floor, bonus):
        links.append(((free_a[r],), (free_b[c],), float(sub[r, c])))
    return _with_clause_links(pa, pb, links, scores, opts), scores


def _text_scores(
    texts_a: Sequence[str], texts_b: Sequence[str], opts: AlignOptions
) -> np.ndarray:
    """All-pairs text scores (:func:`score_matrix` with the options' scorer);
    a text longer than :data:`_LONG_TEXT` characters is scored by its word
    counts against every other (:func:`_word_likeness`): the edit distance
    of two texts of megabytes takes minutes."""
    scores = score_matrix(
        [s if len(s) <= _LONG_TEXT else "" for s in texts_a],
        [s if len(s) <= _LONG_TEXT else "" for s in texts_b],
        scorer=opts.scorer,
        scorer_kwargs=opts.scorer_kwargs,
    )
    long_a = [i for i, s in enumerate(texts_a) if len(s) > _LONG_TEXT]
    long_b = [j for j, s in enumerate(texts_b) if len(s) > _LONG_TEXT]
    if long_a or long_b:
        counts_a = [Counter(s.split()) for s in texts_a]
        counts_b = [Counter(s.split()) for s in texts_b]
        for i in long_a:
            scores[i] = [_word_likeness(counts_a[i], c) for c in counts_b]
        for j in long_b:
            scores[:, j] = [_word_likeness(c, counts_b[j]) for c in counts_a]
    return scores


def _sparse_links(
    pa: Prepared, pb: Prepared, opts: AlignOptions
) -> tuple[
    list[tuple[tuple[int, ...], tuple[int, ...], dict[tuple[int, int], float]]],
    Any,
]:
    """:func:`_pair_links` on sparse candidate pairs (the same steps; see
    :mod:`treatydiff.alignment.blocked`) and the candidates' scores."""
    # blocked loads scipy.sparse and its graph solver (a quarter of a second):
    # only comparisons of _LARGE_CELLS article pairs and more come here.
    from treatydiff.alignment import blocked

    n, m = len(pa.refs), len(pb.refs)
    chosen, b_in_a, a_in_b = blocked.candidates(
        pa.words, pb.words, pa.drop, _SPLIT_CONTAINMENT
    )
    pair_text = PairScores(
        [s if len(s) <= _LONG_TEXT else "" for s in pa.strings],
        [s if len(s) <= _LONG_TEXT else "" for s in pb.strings],
        scorer=opts.scorer,
        scorer_kwargs=opts.scorer_kwargs,
    )
    heads_a = [set(h.split()) for h in _distinctive(pa.headings)]
    heads_b = [set(h.split()) for h in _distinctive(pb.headings)]
    chapters = any(pa.chapters) and any(pb.chapters)
    chapters_a = [set(h.split()) for h in _distinctive_once(pa.chapters)]
    chapters_b = [set(h.split()) for h in _distinctive_once(pb.chapters)]

    long_a = np.array([len(s) > _LONG_TEXT for s in pa.strings])
    long_b = np.array([len(s) > _LONG_TEXT for s in pb.strings])

    def text(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        out = pair_text(rows, cols)
        for k in np.flatnonzero(long_a[rows] | long_b[cols]):
            out[k] = _word_likeness(
                Counter(pa.strings[rows[k]].split()),
                Counter(pb.strings[cols[k]].split()),
            )
        return out

    def with_bonus(rows: np.ndarray, cols: np.ndarray, text: np.ndarray) -> Any:
        bonus = _HEADING_WEIGHT * _pair_dice(heads_a, heads_b, rows, cols)
        return np.minimum(text + bonus, 1.0)

    def scores(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        result: np.ndarray = with_bonus(rows, cols, text(rows, cols))
        return result

    coo = chosen.tocoo()
    cr, cc = coo.row.astype(np.int64), coo.col.astype(np.int64)
    texts = text(cr, cc)
    values = with_bonus(cr, cc, texts)
    seed = n * 1_000_003 + m
    background = np.maximum(
        blocked.backgrounds(scores, n, m, seed)[cr],
        blocked.backgrounds(lambda r, c: scores(c, r), m, n, seed + 1)[cc],
    )
    floors = np.maximum(
        opts.threshold, np.minimum(background + _STANDOUT, _STANDOUT_CAP)
    )
    # Tables read as _group_candidates reads the dense matrices.
    text_ab = cast(np.ndarray, blocked.Table(cr, cc, texts, (n, m)))
    text_ba = cast(np.ndarray, blocked.Table(cc, cr, texts, (m, n)))
    candidates = [
        (value, (i,), subset)
        for value, i, subset in _group_candidates(
            pa, pb, text_ab, cast(np.ndarray, blocked.Table.of(b_in_a)), opts
        )
    ] + [
        (value, subset, (j,))
        for value, j, subset in _group_candidates(
            pb, pa, text_ba, cast(np.ndarray, blocked.Table.of(a_in_b)), opts
        )
    ]
    links, used_a, used_b = _take_groups(pa, pb, candidates)
    table = blocked.Table(
        cr,
        cc,
        values,
        (n, m),
        lambda i, j: float(scores(np.array([i]), np.array([j]))[0]),
    )
    free = np.array(
        [i not in used_a and j not in used_b for i, j in zip(cr, cc, strict=True)],
        dtype=bool,
    )
    fr, fc, fv, ff = cr[free], cc[free], values[free], floors[free]
    same = np.array([pa.refs[i] == pb.refs[j] for i, j in zip(fr, fc, strict=True)])
    jitter = 1e-6 * same + 1e-9 * (_ref_hash(pa.refs)[fr] * _ref_hash(pb.refs)[fc])
    if chapters:
        jitter += _CHAPTER_WEIGHT * _pair_dice(chapters_a, chapters_b, fr, fc)
    first = blocked.assign_sparse(fr, fc, _margins(fv, ff, jitter), (n, m))
    known = [*[(r, c) for r, c, _ in links], *[((i,), (j,)) for i, j in first]]
    linked = {(i, j) for rows, cols in known for i in rows for j in cols}
    linked.update({(-1, -1), (n, m)})
    support = np.array(
        [
            ((i - 1, j - 1) in linked) + ((i + 1, j + 1) in linked)
            for i, j in zip(fr, fc, strict=True)
        ],
        dtype=np.float64,
    )
    # The slot rule and the offset tie-break of _pair_links, over candidates.
    best_a, best_b = np.full(n, -np.inf), np.full(m, -np.inf)
    np.maximum.at(best_a, fr, fv)
    np.maximum.at(best_b, fc, fv)
    slotted = (
        (support == 2)
        & (fv >= best_a[fr])
        & (fv >= best_b[fc])
        & _slot_rule_applies(n, m)
    )
    bar = np.minimum(background[free] + _SLOT_MARGIN, _STANDOUT_CAP)
    ff = np.where(slotted, np.minimum(ff, bar), ff)
    before, after = _run_cells(cast(np.ndarray, table), known)
    runs = np.array(
        [((i, j) in before) + ((i, j) in after) for i, j in zip(fr, fc, strict=True)],
        dtype=np.float64,
    )
    bonus = jitter + _NEIGHBOUR_BONUS * support + _OFFSET_BONUS * runs
    for i, j in blocked.assign_sparse(fr, fc, _margins(fv, ff, bonus), (n, m)):
        links.append(((i,), (j,), float(table[i, j])))
    return _with_clause_links(pa, pb, links, cast(np.ndarray, table), opts), table


def _margins(
    values: np.ndarray, floors: float | np.ndarray, bonus: float | np.ndarray
) -> Any:
    """The weights of :func:`assign`: margin plus tie-break ``bonus`` over the
    ``floors``, 0 below them."""
    return np.where(values >= floors, values + bonus - floors + 1e-9, 0.0)


def _pair_dice(
    sets_a: Sequence[set[str]],
    sets_b: Sequence[set[str]],
    rows: np.ndarray,
    cols: np.ndarray,
) -> np.ndarray:
    """Per pair ``(rows[k], cols[k])``, the word Dice of two word sets (as
    :func:`~treatydiff.alignment.similarity.word_dice`); 0 where either is
    empty."""
    return np.array(
        [
            2.0 * len(a & b) / (len(a) + len(b))
            if (a := sets_a[i]) and (b := sets_b[j])
            else 0.0
            for i, j in zip(rows, cols, strict=True)
        ],
        dtype=np.float64,
    )


def _take_groups(
    pa: Prepared,
    pb: Prepared,
    candidates: Sequence[tuple[float, tuple[int, ...], tuple[int, ...]]],
) -> tuple[list[tuple[tuple[int, ...], tuple[int, ...], float]], set[int], set[int]]:
    """Split and merge candidates ``(score, rows, cols)`` taken best first
    while their articles are free: the links and the rows and cols used."""

    def key(cand: tuple[float, tuple[int, ...], tuple[int, ...]]) -> tuple[Any, ...]:
        value, rows, cols = cand
        sides = sorted(
            [tuple(pa.refs[r] for r in rows), tuple(pb.refs[c] for c in cols)]
        )
        return (-round(value, 9), sides)

    links: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for value, rows, cols in sorted(candidates, key=key):
        if used_a.isdisjoint(rows) and used_b.isdisjoint(cols):
            links.append((rows, cols, value))
            used_a.update(rows)
            used_b.update(cols)
    return links, used_a, used_b


def _heading_bonus(pa: Prepared, pb: Prepared) -> np.ndarray:
    """Per article pair, the score its headings add: ``_HEADING_WEIGHT`` times
    the likeness of their distinctive words (words found in several headings
    of a treaty, such as "Amendments to Directive", count for nothing); 0
    where either article has no such heading."""
    return _HEADING_WEIGHT * _likeness(
        _distinctive(pa.headings), _distinctive(pb.headings)
    )


def _chapter_bonus(pa: Prepared, pb: Prepared) -> np.ndarray:
    """Per article pair, ``_CHAPTER_WEIGHT`` times the likeness of the
    distinctive words of their chapters' headings (each chapter counted once)."""
    if not any(pa.chapters) or not any(pb.chapters):
        return np.zeros((len(pa.refs), len(pb.refs)))
    return _CHAPTER_WEIGHT * _likeness(
        _distinctive_once(pa.chapters), _distinctive_once(pb.chapters)
    )


def _likeness(heads_a: Sequence[str], heads_b: Sequence[str]) -> np.ndarray:
    """Word Dice of two lists of headings; 0 where either is empty."""
    bonus = np.zeros((len(heads_a), len(heads_b)))
    rows = [i for i, h in enumerate(heads_a) if h]
    cols = [j for j, h in enumerate(heads_b) if h]
    if rows and cols:
        dice, _, _ = word_dice([heads_a[i] for i in rows], [heads_b[j] for j in cols])
        bonus[np.ix_(rows, cols)] = dice
    return bonus


def _distinctive_once(headings: Sequence[str]) -> list[str]:
    """:func:`_distinctive` over the distinct headings (one per chapter)."""
    unique = sorted(set(headings))
    kept = dict(zip(unique, _distinctive(unique), strict=True))
    return [kept[h] for h in headings]


def _distinctive(headings: Sequence[str]) -> list[str]:
    """Each heading without stop words and words that open several headings."""
    counts = Counter(w for h in headings for w in set(h.split()))
    return [
        " ".join(
            w for w in h.split() if w not in STOPWORDS and counts[w] < _HEADING_REPEATS
        )
        for h in headings
    ]


def _anchored(
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    dense: Callable[[list[int], list[int]], list[tuple[int, int, float]]],
) -> list[tuple[int, int, float]]:
    """One-to-one clause pairs ``(index in a, index in b, score)`` found by
    ``dense`` on index lists; above ``_DENSE_CELLS`` pairs, identical texts
    are paired first (the k-th copy with the k-th) and ``dense`` sees the
    rest only if that fits."""
    rows, cols = list(range(len(texts_a))), list(range(len(texts_b)))
    if len(rows) * len(cols) <= _DENSE_CELLS:
        return dense(rows, cols)
    where: dict[str, list[int]] = {}
    for c, text in enumerate(texts_b):
        where.setdefault(text, []).append(c)
    anchors = []
    for r, text in enumerate(texts_a):
        copies = where.get(text)
        if copies:
            anchors.append((r, copies.pop(0), 1.0))
    rest_a = sorted(set(rows) - {r for r, _, _ in anchors})
    rest_b = sorted(set(cols) - {c for _, c, _ in anchors})
    if len(rest_a) * len(rest_b) <= _DENSE_CELLS:
        anchors += dense(rest_a, rest_b)
    return anchors


def _word_likeness(count_a: Counter[str], count_b: Counter[str]) -> float:
    """Shared words over all words, counting repeats: for very long texts."""
    total = count_a.total() + count_b.total()
    return 2.0 * (count_a & count_b).total() / total if total else 0.0


def _clause_links(pa: Prepared, pb: Prepared) -> tuple[_ArticleCover, _ArticleCover]:
    """Clause evidence rolled up to articles: for each article pair ``(i, j)``
    whose paragraphs the clause assignment pairs, ``(share of i's words,
    share of j's words, mean clause Dice)`` covered by those clause pairs;
    second, the same for the clauses it leaves unpaired that are contained
    in one another (where only the shorter clause counts as covered)."""
    owners_a = [i for i, ps in enumerate(pa.paragraph_strings) for _ in ps]
    owners_b = [j for j, ps in enumerate(pb.paragraph_strings) for _ in ps]
    if not owners_a or not owners_b:
        return {}, {}
    texts_a = [s for ps in pa.paragraph_strings for s in ps]
    texts_b = [s for ps in pb.paragraph_strings for s in ps]
    refs_a = [r for rs in pa.paragraph_refs for r in rs]
    refs_b = [r for rs in pb.paragraph_refs for r in rs]
    size_a = np.array([len(set(s.split())) for s in texts_a], dtype=np.float64)
    size_b = np.array([len(set(s.split())) for s in texts_b], dtype=np.float64)
    contained: list[tuple[int, int, float]] = []

    def dense(rows: list[int], cols: list[int]) -> list[tuple[int, int, float]]:
        dice, sizes_a, sizes_b = word_dice(
            [texts_a[r] for r in rows], [texts_b[c] for c in cols]
        )
        small = (size_a[rows][:, np.newaxis] < _CLAUSE_MIN_WORDS) | (
            size_b[cols] < _CLAUSE_MIN_WORDS
        )
        dice[small] = 0.0
        jitter = _jitter([refs_a[r] for r in rows], [refs_b[c] for c in cols])
        pairs = assign(dice, _CLAUSE_DICE, jitter)
        free_r = sorted(set(range(len(rows))) - {r for r, _ in pairs})
        free_c = sorted(set(range(len(cols))) - {c for _, c in pairs})
        free = np.ix_(free_r, free_c)
        share = shorter_share(dice[free], sizes_a[free_r], sizes_b[free_c])
        sa, sb = sizes_a[free_r][:, np.newaxis], sizes_b[free_c]
        share[np.maximum(sa, sb) > _CONTAINED_RATIO * np.minimum(sa, sb)] = 0.0
        contained.extend(
            (rows[free_r[r]], cols[free_c[c]], float(dice[free][r, c]))
            for r, c in assign(share, _CLAUSE_CONTAINED, jitter[free])
        )
        return [(rows[r], cols[c], float(dice[r, c])) for r, c in pairs]

    total_a = np.bincount(owners_a, weights=size_a, minlength=len(pa.refs))
    total_b = np.bincount(owners_b, weights=size_b, minlength=len(pb.refs))

    def rolled_up(
        pairs: list[tuple[int, int, float]], shorter_only: bool
    ) -> _ArticleCover:
        sums: dict[tuple[int, int], list[float]] = {}
        for p, q, value in pairs:
            if size_a[p] < _CLAUSE_MIN_WORDS or size_b[q] < _CLAUSE_MIN_WORDS:
                continue
            acc = sums.setdefault((owners_a[p], owners_b[q]), [0.0, 0.0, 0.0, 0.0])
            longer_a, longer_b = size_a[p] > size_b[q], size_b[q] > size_a[p]
            acc[0] += 0.0 if shorter_only and longer_a else size_a[p]
            acc[1] += 0.0 if shorter_only and longer_b else size_b[q]
            acc[2] += value
            acc[3] += 1.0
        return {
            (i, j): (wa / max(total_a[i], 1.0), wb / max(total_b[j], 1.0), d / n)
            for (i, j), (wa, wb, d, n) in sums.items()
        }

    paired = rolled_up(_anchored(texts_a, texts_b, dense), False)
    return paired, rolled_up(contained, True)


def _with_clause_links(
    pa: Prepared,
    pb: Prepared,
    links: Sequence[tuple[tuple[int, ...], tuple[int, ...], float]],
    scores: np.ndarray,
    opts: AlignOptions,
) -> list[tuple[tuple[int, ...], tuple[int, ...], dict[tuple[int, int], float]]]:
    """``links`` with the article pairs that clause evidence adds (a clause
    moved into another article), regrouped into connected components: each
    ``(rows, cols, edges)`` where ``edges`` maps a linked ``(i, j)`` to its
    score."""
    edges: dict[tuple[int, int], float] = {
        (i, j): value for rows, cols, value in links for i in rows for j in cols
    }
    linked_a = sorted({i for i, _ in edges})
    linked_b = sorted({j for _, j in edges})
    set_a, set_b = set(linked_a), set(linked_b)
    added = {}
    paired, contained = _clause_links(pa, pb)
    for (i, j), (cover_a, cover_b, dice) in paired.items():
        # Drafters cut an article into consecutive pieces: a clause link that
        # continues the link of the nearest linked neighbour needs no share
        # of the article.
        next_a = any((k, j) in edges for k in _nearest(linked_a, i))
        next_b = any((i, k) in edges for k in _nearest(linked_b, j))
        if (i not in set_a and (cover_a >= _CLAUSE_COVER or next_a)) or (
            j not in set_b and (cover_b >= _CLAUSE_COVER or next_b)
        ):
            added[i, j] = max(float(scores[i, j]), dice)
    edges.update(added)
    # Order and rare words together: an article left between two pieces of a
    # split whose terms point to the split article is a piece as well.
    rare = RareWords(pa.words, pb.words, pa.drop)
    for i, j in split_gaps(edges, rare, _RUN_GAP):
        edges[i, j] = float(scores[i, j])
    # A text that names articles together ("Articles 59 to 61") announces a
    # family: members left without counterpart next to a piece of a split
    # (or a source of a merge) of another member join it.
    families = [named_families(_openings(p), p.refs) for p in (pa, pb)]
    for i, j in family_links(edges, *families):
        edges[i, j] = float(scores[i, j])
    # An article between two linked neighbours joins the one linked article
    # between their counterparts when their rare words agree both ways and
    # the two together explain the linked one better than its partners do.
    linked = {i for i, _ in edges}

    def explains(i: int, j: int) -> bool:
        if i in linked:
            parts = [pb.strings[k] for m, k in edges if m == i]
            return _explains_more(pa.strings[i], parts, pb.strings[j], opts)
        parts = [pa.strings[k] for k, m in edges if m == j]
        return _explains_more(pb.strings[j], parts, pa.strings[i], opts)

    for i, j in slot_links(edges, rare, explains):
        edges[i, j] = float(scores[i, j])
    # Containment is weighed last: it links an article no other evidence
    # placed (a paragraph moved out into a new article of its own).
    placed_a, placed_b = {i for i, _ in edges}, {j for _, j in edges}
    for (i, j), (cover_a, cover_b, dice) in contained.items():
        if (i not in placed_a and cover_a >= _CLAUSE_COVER) or (
            j not in placed_b and cover_b >= _CLAUSE_COVER
        ):
            edges[i, j] = max(float(scores[i, j]), dice)
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(node: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for i, j in edges:
        ra, rb = root(("a", i)), root(("b", j))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for i, j in sorted(edges):
        members.setdefault(root(("a", i)), []).append((i, j))
    out = []
    for component in members.values():
        rows = tuple(sorted({i for i, _ in component}))
        cols = tuple(sorted({j for _, j in component}))
        out.append((rows, cols, {e: edges[e] for e in component}))
    return out


def _openings(prepared: Prepared) -> list[str]:
    """The first paragraph of each aligned article (refs are unique)."""
    by_ref = {a.ref: a for a in prepared.treaty.articles}
    return [
        next((p.full_text for p in by_ref[ref].paragraphs if p.full_text), "")
        for ref in prepared.refs
    ]


def _offset_support(
    scores: np.ndarray, links: Sequence[tuple[tuple[int, ...], tuple[int, ...]]]
) -> np.ndarray:
    """Per article pair, on how many sides (before, after) a run with its
    offset passes (see :func:`_run_cells`)."""
    runs = np.zeros(scores.shape)
    for cells in _run_cells(scores, links):
        for i, j in cells:
            runs[i, j] += 1.0
    return runs


def _run_cells(
    scores: np.ndarray, links: Sequence[tuple[tuple[int, ...], tuple[int, ...]]]
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """The pairs a run passes from before and from after: those on the same
    diagonal as a link at most ``_RUN_GAP`` articles away whose score is the
    only best of its row and of its column (``scores`` a matrix, or a
    :class:`~treatydiff.alignment.blocked.Table` read over its candidates)."""
    n_a, n_b = scores.shape
    before: set[tuple[int, int]] = set()
    after: set[tuple[int, int]] = set()
    for rows, cols in links:
        for i in rows:
            for j in cols:
                value = scores[i, j]
                row, col = scores[i], scores[:, j]
                # Rivals only: a Table's row reads 0 where (i, j) is not held.
                rivals = np.sum(row >= value) - (row[j] >= value)
                if rivals or np.sum(col >= value) - (col[i] >= value):
                    continue
                for d in range(1, _RUN_GAP + 1):
                    if i + d < n_a and j + d < n_b:
                        before.add((i + d, j + d))
                    if i >= d and j >= d:
                        after.add((i - d, j - d))
    return before, after


def _slot_rule_applies(n: int, m: int) -> bool:
    """Whether both texts are long enough for the slot rule's background."""
    return min(n, m) >= _SLOT_MIN_ARTICLES


def _mutual_best(scores: np.ndarray) -> np.ndarray:
    """Where a score is the highest of both its row and its column."""
    if scores.size == 0:
        return np.zeros(scores.shape, dtype=bool)
    best: np.ndarray = (scores >= scores.max(axis=1, keepdims=True)) & (
        scores >= scores.max(axis=0, keepdims=True)
    )
    return best


def _nearest(linked: Sequence[int], k: int) -> tuple[int, ...]:
    """The nearest items of the sorted ``linked`` before and after ``k``."""
    at = bisect.bisect_left(linked, k)
    after = at + (at < len(linked) and linked[at] == k)
    return tuple(linked[at - 1 : at]) + tuple(linked[after : after + 1])


def _neighbour_support(
    links: Sequence[tuple[tuple[int, ...], tuple[int, ...]]],
    rows: Sequence[int],
    cols: Sequence[int],
    ends: tuple[int, int],
) -> np.ndarray:
    """For each candidate ``(rows[r], cols[c])``: how many of its two diagonal
    neighbours (previous articles, next articles) are linked; the starts of
    both texts are linked, and so are their ends (``ends``: article counts)."""
    if not rows or not cols:
        return np.zeros((len(rows), len(cols)))
    pairs = np.array([(i, j) for ra, cb in links for i in ra for j in cb], dtype=int)
    linked = np.zeros((ends[0] + 2, ends[1] + 2))
    linked[0, 0] = linked[-1, -1] = 1.0
    if pairs.size:
        linked[pairs[:, 0] + 1, pairs[:, 1] + 1] = 1.0
    r = np.asarray(rows)[:, np.newaxis] + 1
    c = np.asarray(cols)[np.newaxis, :] + 1
    support: np.ndarray = linked[r - 1, c - 1] + linked[r + 1, c + 1]
    return support


def _paragraph_pairs(
    pa: Prepared,
    pb: Prepared,
    rows: Sequence[int],
    cols: Sequence[int],
    known: float,
    opts: AlignOptions,
) -> list[ParagraphPair]:
    """Paragraphs of the articles ``rows`` of A aligned with those of ``cols``
    of B; ``known`` is the articles' score, reused for two one-paragraph
    articles."""
    refs_a = [r for i in rows for r in pa.paragraph_refs[i]]
    refs_b = [r for j in cols for r in pb.paragraph_refs[j]]
    text_a = [s for i in rows for s in pa.paragraph_strings[i]]
    text_b = [s for j in cols for s in pb.paragraph_strings[j]]

    def dense(rs: list[int], cs: list[int]) -> list[tuple[int, int, float]]:
        if len(text_a) == len(text_b) == 1 and (text_a[0], text_b[0]) == (
            pa.strings[rows[0]],
            pb.strings[cols[0]],
        ):
            # The tie-break below is under 2e-6: it decides nothing at or
            # above the threshold.
            if known >= opts.threshold:
                return [(rs[0], cs[0], float(known))]
            scores = np.array([[known]])
        else:
            scores = _text_scores(
                [text_a[r] for r in rs], [text_b[c] for c in cs], opts
            )
        jitter = _jitter([refs_a[r] for r in rs], [refs_b[c] for c in cs])
        return [
            (rs[r], cs[c], float(scores[r, c]))
            for r, c in assign(scores + jitter, opts.threshold)
        ]

    found = _anchored(text_a, text_b, dense)
    out = [
        ParagraphPair(a=refs_a[r], b=refs_b[c], score=value) for r, c, value in found
    ]
    paired_a = {r for r, _, _ in found}
    paired_b = {c for _, c, _ in found}
    out += [
        ParagraphPair(a=ref, b=None, score=0.0)
        for r, ref in enumerate(refs_a)
        if r not in paired_a
    ]
    out += [
        ParagraphPair(a=None, b=ref, score=0.0)
        for c, ref in enumerate(refs_b)
        if c not in paired_b
    ]
    return sorted_paragraphs(out)


def moved_flags(points: Sequence[tuple[int, int]]) -> list[bool]:
    """For each ``(pos_a, pos_b)``, whether it lies outside some longest chain
    increasing in both positions (ties allowed on one side, for splits and
    merges): the pairs whose relative order changed. Symmetric in a and b."""
    order = sorted(range(len(points)), key=lambda k: points[k])
    seq = [points[k][1] for k in order]
    ending = _chain_lengths(seq)
    starting = _chain_lengths([-v for v in reversed(seq)])[::-1]
    total = max((e + s - 1 for e, s in zip(ending, starting, strict=True)), default=0)
    on_some = [e + s - 1 == total for e, s in zip(ending, starting, strict=True)]
    level_count: dict[int, int] = {}
    for k, on in enumerate(on_some):
        if on:
            level_count[ending[k]] = level_count.get(ending[k], 0) + 1
    flags = [True] * len(points)
    for k, original in enumerate(order):
        flags[original] = not (on_some[k] and level_count[ending[k]] == 1)
    return flags


def _chain_lengths(seq: Sequence[int]) -> list[int]:
    """Length of the longest non-decreasing subsequence ending at each item."""
    tails: list[int] = []
    out = []
    for value in seq:
        pos = bisect.bisect_right(tails, value)
        if pos == len(tails):
            tails.append(value)
        else:
            tails[pos] = value
        out.append(pos + 1)
    return out


def align_prepared(pa: Prepared, pb: Prepared, opts: AlignOptions) -> Alignment:
    """:func:`align` on treaties already :func:`prepare`-d together."""
    try:
        links, _ = _pair_links(pa, pb, opts)
    except (TypeError, ValueError) as exc:
        raise InvalidArgument(f"scorer failed: {exc}") from exc
    pos_a = {ref: k for k, ref in enumerate(a.ref for a in pa.treaty.articles)}
    pos_b = {ref: k for k, ref in enumerate(b.ref for b in pb.treaty.articles)}
    atoms = [
        (pa.refs[r], pb.refs[c], k, value)
        for k, (_, _, edges) in enumerate(links)
        for (r, c), value in sorted(edges.items())
    ]
    moved = moved_flags([(pos_a[ra], pos_b[rb]) for ra, rb, *_ in atoms])
    pairs = []
    # What the pairs of one link share, made once per link: a merge of n
    # articles has n pairs, and n copies of its n refs would grow as n².
    shared: dict[
        int,
        tuple[LinkKind, tuple[str, ...], tuple[str, ...], tuple[ParagraphPair, ...]],
    ] = {}
    for (ra, rb, k, value), is_moved in zip(atoms, moved, strict=True):
        if k not in shared:
            rows, cols, _ = links[k]
            shared[k] = (
                LinkKind.REGROUP
                if len(rows) > 1 and len(cols) > 1
                else LinkKind.SPLIT
                if len(cols) > 1
                else LinkKind.MERGE
                if len(rows) > 1
                else LinkKind.MATCH,
                tuple(pa.refs[r] for r in rows),
                tuple(pb.refs[c] for c in cols),
                tuple(_paragraph_pairs(pa, pb, rows, cols, value, opts))
                if opts.paragraphs
                else (),
            )
        kind, a_refs, b_refs, paragraphs = shared[k]
        pairs.append(
            AlignedPair(
                a=ra,
                b=rb,
                score=round(min(max(value, 0.0), 1.0), 6),
                kind=kind,
                a_refs=a_refs,
                b_refs=b_refs,
                moved=is_moved,
                paragraphs=paragraphs,
            )
        )
    a_articles = [a.ref for a in pa.treaty.articles]
    b_articles = [b.ref for b in pb.treaty.articles]
    linked_a = {p.a for p in pairs}
    linked_b = {p.b for p in pairs}
    return Alignment(
        a_id=pa.treaty.id,
        b_id=pb.treaty.id,
        pairs=sorted_pairs(pairs, a_articles, b_articles),
        a_articles=a_articles,
        b_articles=b_articles,
        unmatched_a=[a.ref for a in pa.treaty.articles if a.ref not in linked_a],
        unmatched_b=[b.ref for b in pb.treaty.articles if b.ref not in linked_b],
        threshold=opts.threshold,
    )


def align(
    a: Treaty,
    b: Treaty,
    *,
    scorer: Scorer | None = None,
    processor: Processor | None = None,
    threshold: float | None = None,
    scorer_kwargs: Mapping[str, Any] | None = None,
    boilerplate: bool = True,
    paragraphs: bool = True,
) -> Alignment:
    """Align the articles of ``a`` and ``b`` in any order.

    ``scorer`` follows rapidfuzz's contract (default
    :func:`~treatydiff.alignment.similarity.clause_ratio`; extra options in
    ``scorer_kwargs``);
    ``processor`` turns a clause into words (default
    :func:`~treatydiff.alignment.normalise.stem_words`); ``threshold`` is the
    lowest score
    (0–1) a pair may have (default :data:`DEFAULT_THRESHOLD`, calibrated for
    the default scorer); ``boilerplate`` drops words common to most articles.
    Treaties in different languages are compared through shared concepts
    (:func:`~treatydiff.alignment.crosslingual.concept_words`) unless a
    ``processor`` is given. Placeholder articles (``encoded=False``) and
    empty ones stay unmatched.
    Raises :class:`AlignmentError` for a treaty without articles.
    """
    opts = AlignOptions.make(scorer, threshold, scorer_kwargs, paragraphs)
    if processor is None and languages_differ([_check(a), _check(b)]):
        processor = concept_words
    pa, pb = prepare([a, b], processor=processor, boilerplate=boilerplate)
    return align_prepared(pa, pb, opts)
