"""The user-facing comparison: :func:`compare` and :class:`Comparison`.

>>> from treatydiff.model import Article, Paragraph, Treaty
>>> def treaty(id, *texts):
...     arts = [Article(num=str(i + 1), paragraphs=[Paragraph(text=t)])
...             for i, t in enumerate(texts)]
...     return Treaty(id=id, articles=arts)
>>> customs = "Customs duties on imports are abolished."
>>> a = treaty("a", customs, "Disputes go to arbitration.")
>>> b = treaty("b", "Disputes are settled by arbitration.", customs)
>>> c = treaty("c", "Customs duties on all imports are abolished.")
>>> for group in compare(a, b, c).groups:
...     print(dict(group.members), str(group.kind))
{'a': ('1',), 'b': ('2',), 'c': ('1',)} match
{'a': ('2',), 'b': ('1',), 'c': ()} match

Every pair of treaties is aligned (:func:`~treatydiff.alignment.align`) and
the links are joined into groups (:func:`~treatydiff.alignment.group`);
articles no text link reached are labelled
(:func:`~treatydiff.provisions.label_treaty`) and those sharing a
security-core provision kind are linked too (``basis`` ``("provisions",)``).
Each group is described against the base (its ``change`` kind, or
``placeholder`` when it holds only articles whose content is not encoded). A
:class:`Comparison` is the plain result
(:class:`~treatydiff.model.results.ComparisonResult`) with the reports of
:mod:`treatydiff.report` at hand.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from treatydiff import report
from treatydiff.alignment.crosslingual import concept_words, treaty_language
from treatydiff.alignment.groups import group
from treatydiff.alignment.pairwise import AlignOptions, align_prepared, prepare
from treatydiff.alignment.similarity import Processor, Scorer, clause_ratio
from treatydiff.errors import AlignmentError, InvalidArgument
from treatydiff.model import Alignment, ComparisonResult, Group, Treaty
from treatydiff.provisions import SECURITY_CORE, label_treaty
from treatydiff.report.view import FRAME_PARTS, article_index, describe

__all__ = ["Comparison", "compare"]


@attrs.frozen(kw_only=True)
class Comparison(ComparisonResult):
    """The result of :func:`compare`: treaties as given, the base id, groups
    in the base treaty's order (each with its change kind, and marked when it
    holds only placeholder articles), and every pairwise alignment keyed by
    ``(id_a, id_b)`` with ``id_a < id_b``; reports at hand.

    The text, Markdown and HTML reports list the groups that are not
    placeholders (``[g for g in comp.groups if not g.placeholder]``) and fold
    the placeholder ones into one line per treaty; JSON keeps them all."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``treatydiff compare --format json``: treaties, base,
        groups (with texts and diffs), provisions, missing provisions and
        coverage notes. Computed anew (diffs, provision labels) on each call."""
        return report.comparison_dict(self)

    def render(self, fmt: str = "text", **options: Any) -> str:
        """The report in ``fmt``; see :func:`treatydiff.report.render`."""
        return report.render(self, fmt, **options)

    def matrix_rows(self) -> list[dict[str, str | float | None]]:
        """The provision matrix as one row per provision × treaty, missing
        cells with their status (``pandas.DataFrame(comp.matrix_rows())``);
        the rows of ``--format csv``, see :mod:`treatydiff.report.table`."""
        return report.matrix_table(self)

    def labelled(self, treaty_id: str) -> Treaty:
        """The compared treaty ``treaty_id`` with provision labels on every
        article and paragraph (:func:`~treatydiff.provisions.label_treaty`),
        as the matrix reads them: ``comp.labelled("a").article("4").labels``.
        Raises :class:`InvalidArgument` for an id not compared."""
        for treaty in self.treaties:
            if treaty.id == treaty_id:
                return label_treaty(treaty)
        ids = ", ".join(t.id for t in self.treaties)
        raise InvalidArgument(f"no treaty {treaty_id!r} here; compared: {ids}")

    def _repr_html_(self) -> str:
        """The HTML report (matrix, groups, redlines) for Jupyter."""
        return report.html_fragment(self)


def _check(treaties: Sequence[object], base: str | None) -> str:
    if len(treaties) < 2:
        raise AlignmentError(
            f"compare needs at least two treaties, got {len(treaties)}"
        )
    for treaty in treaties:
        if not isinstance(treaty, Treaty):
            raise InvalidArgument(
                f"expected Treaty values, got {type(treaty).__name__}"
            )
    ids: list[str] = [t.id for t in treaties]  # type: ignore[attr-defined]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    if dups:
        raise AlignmentError(f"duplicate treaty ids: {', '.join(dups)}")
    if base is None:
        return ids[0]
    if base not in ids:
        raise AlignmentError(f"unknown base {base!r}; expected one of {', '.join(ids)}")
    return base


def compare(
    *treaties: Treaty,
    base: str | None = None,
    scorer: Scorer | None = None,
    processor: Processor | None = None,
    threshold: float | None = None,
    scorer_kwargs: Mapping[str, Any] | None = None,
    boilerplate: bool = True,
    paragraphs: bool = True,
) -> Comparison:
    """Align two or more treaties into correspondence groups.

    ``base`` is the treaty id diffs are taken against (default: the first).
    The other options are those of :func:`treatydiff.alignment.pairwise.align`;
    boilerplate words are found across all the treaties together. Two
    treaties in different languages are aligned through shared concepts
    (:mod:`treatydiff.alignment.crosslingual`) unless a ``processor`` is given.
    Raises :class:`AlignmentError` for fewer than two treaties, duplicate
    ids, an unknown ``base`` or a treaty without articles.
    """
    base_id = _check(treaties, base)
    opts = AlignOptions.make(scorer, threshold, scorer_kwargs, paragraphs)
    ordered = sorted(treaties, key=lambda t: t.id)
    prepared = prepare(ordered, processor=processor, boilerplate=boilerplate)
    langs = [treaty_language(t) for t in ordered]
    crossed = (
        prepare(ordered, processor=concept_words, boilerplate=boilerplate)
        if processor is None and len(set(langs)) > 1
        else prepared
    )
    alignments = {}
    for i, j in itertools.combinations(range(len(ordered)), 2):
        pair = crossed if langs[i] != langs[j] else prepared
        alignments[ordered[i].id, ordered[j].id] = align_prepared(
            pair[i], pair[j], opts
        )
    loose = _unlinked(alignments)
    labelled = [
        label_treaty(t, loose[t.id]) if loose.get(t.id) else t for t in treaties
    ]
    groups = (
        *group(labelled, base_id, alignments, link_kinds=frozenset(SECURITY_CORE)),
        *_frame_groups(treaties),
    )
    articles = article_index(treaties)
    described = []
    for found in groups:
        change, placeholder = describe(articles, base_id, found)
        described.append(
            attrs.evolve(found, change=change.change, placeholder=placeholder)
        )
    return Comparison(
        treaties=treaties, base=base_id, groups=described, alignments=alignments
    )


def _unlinked(alignments: Mapping[tuple[str, str], Alignment]) -> dict[str, set[str]]:
    """Per treaty, the articles some pairwise alignment left without a link:
    the ones provision labels may still link (only they are labelled)."""
    loose: dict[str, set[str]] = {}
    for (ida, idb), al in alignments.items():
        loose.setdefault(ida, set()).update(al.unmatched_a)
        loose.setdefault(idb, set()).update(al.unmatched_b)
    return loose


def _frame_groups(treaties: Sequence[Treaty]) -> list[Group]:
    """A group for the preambles and one for the closing formulas, after the
    article groups, when any treaty has one (member ref ``"preamble"`` or
    ``"closing"``); scored like articles, by the mean of their pairs."""
    groups = []
    for part in FRAME_PARTS:
        texts = {t.id: getattr(t, part) or "" for t in treaties}
        present = [texts[tid] for tid in sorted(texts) if texts[tid]]  # any order
        if not present:
            continue
        pairs = list(itertools.combinations(present, 2))
        score = (
            sum(clause_ratio(a, b) for a, b in pairs) / 100 / len(pairs)
            if pairs
            else 0.0
        )
        groups.append(
            Group(
                members={tid: (part,) if text else () for tid, text in texts.items()},
                score=score,
                kind="match" if pairs else "single",
                moved=dict.fromkeys(texts, False),
                basis=("text",) if pairs else (),
            )
        )
    return groups
