"""The treaty model: frozen attrs values, stable refs, no I/O.

A :class:`Treaty` holds a flat, document-ordered tuple of :class:`Article`;
divisions (parts, chapters, sections) only point at article refs. Refs are
stable, human-readable paths: ``"4"`` (article), ``"3.3"`` (paragraph 3 of
article 3), ``"4.2.b"`` (point b of paragraph 2 of article 4) and
``"preamble"``.

>>> art = Article(num="IV", paragraphs=[Paragraph(num="1", text="Peace.")])
>>> art.ref, art.paragraphs[0].ref(art), art.text
('4', '4.1', 'Peace.')
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any

import attrs

from treatydiff.errors import InvalidArgument, UnknownRef
from treatydiff.model.refs import num_to_ref
from treatydiff.vocabulary import fold_lookalikes

__all__ = [
    "Absence",
    "Article",
    "Division",
    "Label",
    "Paragraph",
    "Point",
    "Span",
    "Strength",
    "Treaty",
    "unique_keys",
]


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _nfc_opt(value: str | None) -> str | None:
    return None if value is None else _nfc(value)


# Typed tuple converters: mypy's attrs plugin takes a field's init type from its
# converter, so each field accepts any iterable of its items.
def _strs(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


class Strength(enum.StrEnum):
    """How firmly a labelled clause obliges: ``binding`` (shall, undertakes),
    ``discretionary`` (may, "by means it deems appropriate", "in accordance
    with its constitutional processes"), ``aspirational`` (endeavour, strive),
    ``consultative`` (only to consult) or ``negative`` (shall not, refrain)."""

    BINDING = "binding"
    DISCRETIONARY = "discretionary"
    ASPIRATIONAL = "aspirational"
    CONSULTATIVE = "consultative"
    NEGATIVE = "negative"


def _strength(value: str | None) -> Strength | None:
    if value is None:
        return None
    try:
        return Strength(value)
    except ValueError:
        names = tuple(s.value for s in Strength)
        raise InvalidArgument(
            f"unknown strength {value!r}; expected one of {names}"
        ) from None


def _spans(items: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(items)


def _labels(items: Iterable[Label]) -> tuple[Label, ...]:
    return tuple(items)


def _points(items: Iterable[Point]) -> tuple[Point, ...]:
    return tuple(items)


def _paragraphs(items: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(items)


def _divisions(items: Iterable[Division]) -> tuple[Division, ...]:
    return tuple(items)


def _articles(items: Iterable[Article]) -> tuple[Article, ...]:
    return tuple(items)


def _absences(items: Iterable[Absence]) -> tuple[Absence, ...]:
    return tuple(items)


@attrs.frozen
class Span:
    """A piece of evidence: ``text`` found at ``[start, end)`` of a clause."""

    text: str
    start: int
    end: int


@attrs.frozen(kw_only=True)
class Label:
    """A provision label: what a clause obliges, with evidence and confidence.

    ``source`` is ``"classifier"`` for labels found by
    :mod:`treatydiff.provisions` and ``"curated"`` for labels recorded by hand
    in a bundled digest. ``strength`` is how firmly the clause obliges
    (:class:`Strength`), ``None`` where not read.
    """

    kind: str
    # Always a float: equal labels print alike (labelled articles are cached
    # by value, and 1 == 1.0).
    confidence: float = attrs.field(default=1.0, converter=float)
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    source: str = "classifier"
    note: str | None = None
    strength: Strength | None = attrs.field(default=None, converter=_strength)


@attrs.frozen(kw_only=True)
class Absence:
    """A curated, sourced statement that a treaty lacks a provision kind."""

    kind: str
    note: str
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strs)


@attrs.frozen
class Point:
    """A lettered point inside a paragraph: ``(a)``, ``б)``."""

    label: str
    text: str = attrs.field(converter=_nfc)


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph: its number as printed (or ``None``), text and points.

    ``text`` is the paragraph's own words without its number; points follow it.
    ``given_key`` replaces the key its number would give, where a reader must
    qualify a number printed twice (``"2-2"``); its :class:`Article` assigns
    every other key.
    """

    num: str | None = None
    text: str = attrs.field(default="", converter=_nfc)
    points: tuple[Point, ...] = attrs.field(default=(), converter=_points)
    labels: tuple[Label, ...] = attrs.field(default=(), converter=_labels)
    given_key: str | None = None

    def ref(self, article: Article) -> str:
        """This paragraph's stable ref inside ``article`` (``"3.3"``)."""
        return f"{article.ref}.{self.key(article)}"

    def key(self, article: Article) -> str:
        """The paragraph part of its ref in ``article``, which holds this very
        paragraph: see :attr:`Article.paragraph_keys`."""
        return article.key_of(self)

    @cached_property
    def full_text(self) -> str:
        """The paragraph's text followed by its points, one per line (joined
        once)."""
        lines = [self.text] if self.text else []
        lines.extend(f"{p.label}) {p.text}" for p in self.points)
        return "\n".join(lines)


def _key(para: Paragraph, position: int, *, numbered: bool) -> str:
    if para.given_key:
        return para.given_key
    if para.num:
        return num_to_ref(para.num)
    return f"u{position}" if numbered else str(position)


def _keys(paragraphs: tuple[Paragraph, ...]) -> tuple[str, ...]:
    numbered = any(p.num for p in paragraphs)
    return tuple(
        _key(para, position, numbered=numbered)
        for position, para in enumerate(paragraphs, 1)
    )


def unique_keys(paragraphs: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    """``paragraphs`` with a number printed twice qualified as article refs are:
    the later one is keyed ``<key>-2`` (then ``-3``...), so real text with a
    repeated number still makes a valid :class:`Article`.

    >>> paras = unique_keys([Paragraph(num="1"), Paragraph(num="1.")])
    >>> Article(num="7", paragraphs=paras).paragraph_keys
    ('1', '1-2')
    """
    paras = tuple(paragraphs)
    taken: set[str] = set()
    out = []
    for para, key in zip(paras, _keys(paras), strict=True):
        candidate, n = key, 2
        while candidate in taken:
            candidate, n = f"{key}-{n}", n + 1
        taken.add(candidate)
        out.append(
            para if candidate == key else attrs.evolve(para, given_key=candidate)
        )
    return tuple(out)


@attrs.frozen(kw_only=True)
class Article:
    """An article: number as printed, heading and paragraphs.

    ``ref`` defaults to the normalised number (``"IV"`` → ``"4"``,
    ``"первая"`` → ``"1"``). Digest articles also carry curated ``labels``,
    a ``confidence`` mark and ``sources``; ``encoded=False`` marks a
    placeholder whose content is not known.
    """

    num: str
    ref: str = attrs.field()
    heading: str | None = attrs.field(default=None, converter=_nfc_opt)
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=(), converter=_paragraphs)
    labels: tuple[Label, ...] = attrs.field(default=(), converter=_labels)
    confidence: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    encoded: bool = True

    #: The key of each paragraph, by position: its number as a ref part
    #: (``"IV"`` → ``"4"``), else its 1-based position, or in an article that
    #: also has numbered paragraphs ``"u"`` + position, so an unnumbered
    #: opening never takes a numbered paragraph's ref. Keys are unique.
    paragraph_keys: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    _positions: Mapping[int, int] = attrs.field(init=False, repr=False, eq=False)

    @ref.default
    def _ref_from_num(self) -> str:
        return num_to_ref(self.num)

    @paragraph_keys.default
    def _keys_by_position(self) -> tuple[str, ...]:
        keys = _keys(self.paragraphs)
        if len(set(keys)) < len(keys):
            twice = next(k for i, k in enumerate(keys) if k in keys[:i])
            raise InvalidArgument(
                f"article {self.ref}: two paragraphs have key {twice!r}"
            )
        return keys

    @_positions.default
    def _positions_by_identity(self) -> Mapping[int, int]:
        positions: dict[int, int] = {}
        for i, para in enumerate(self.paragraphs):
            positions.setdefault(id(para), i)
        return positions

    def key_of(self, paragraph: Paragraph) -> str:
        """The key of ``paragraph``, which must be one of this article's own
        paragraph objects (an equal copy is not: equal paragraphs differ by
        position); raises :class:`UnknownRef` otherwise."""
        i = self._positions.get(id(paragraph))
        if i is None or self.paragraphs[i] is not paragraph:  # a copied article
            i = next((i for i, p in enumerate(self.paragraphs) if p is paragraph), None)
        if i is None:
            raise UnknownRef(f"article {self.ref} does not hold this paragraph")
        return self.paragraph_keys[i]

    @cached_property
    def text(self) -> str:
        """The article's full text: its paragraphs (with points), one per line
        (joined once)."""
        return "\n".join(p.full_text for p in self.paragraphs if p.full_text)

    def paragraph(self, key: str) -> Paragraph:
        """The paragraph whose ref part is ``key`` (``"2"`` for ``"4.2"``)."""
        for para_key, para in zip(self.paragraph_keys, self.paragraphs, strict=True):
            if para_key == key:
                return para
        raise UnknownRef(f"article {self.ref} has no paragraph {key!r}")


@attrs.frozen(kw_only=True)
class Division:
    """A part, chapter or section: it names the refs of the articles it holds."""

    kind: str
    num: str | None = None
    heading: str | None = attrs.field(default=None, converter=_nfc_opt)
    articles: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    divisions: tuple[Division, ...] = attrs.field(default=(), converter=_divisions)


@attrs.frozen(kw_only=True)
class Treaty:
    """A treaty: metadata, preamble, divisions, flat articles and closing text.

    ``kind`` is ``"text"`` for a text as published and ``"digest"`` for the
    project's own article-by-article restatement (never an official text).
    ``metadata`` is free-form and excluded from hashing.
    """

    id: str
    title: str | None = attrs.field(default=None, converter=_nfc_opt)
    parties: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    signed_date: str | None = None
    signed_place: str | None = None
    lang: str | None = None
    source: str | None = None
    kind: str = attrs.field(
        default="text", validator=attrs.validators.in_(("text", "digest"))
    )
    preamble: str | None = attrs.field(default=None, converter=_nfc_opt)
    divisions: tuple[Division, ...] = attrs.field(default=(), converter=_divisions)
    articles: tuple[Article, ...] = attrs.field(default=(), converter=_articles)

    @articles.validator
    def _unique_refs(self, _: object, articles: tuple[Article, ...]) -> None:
        seen: set[str] = set()
        for art in articles:
            if art.ref in seen:
                raise InvalidArgument(f"{self.id}: two articles have ref {art.ref!r}")
            seen.add(art.ref)

    closing: str | None = attrs.field(default=None, converter=_nfc_opt)
    absences: tuple[Absence, ...] = attrs.field(default=(), converter=_absences)
    metadata: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    def article(self, ref: str) -> Article:
        """The article with this ref (``"4"``); raises :class:`UnknownRef`."""
        for art in self.articles:
            if art.ref == ref:
                return art
        raise UnknownRef(f"{self.id}: no article {ref!r}")

    def find(self, ref: str) -> Article | Paragraph | Point | str:
        """Resolve any ref: ``"4"``, ``"4.2"``, ``"4.2.b"`` or ``"preamble"``.

        A point label typed with Latin letters finds its Cyrillic look-alike
        (``"3.2.a"`` finds point ``а)``) when no label matches exactly.
        """
        if ref == "preamble":
            if self.preamble is None:
                raise UnknownRef(f"{self.id}: no preamble")
            return self.preamble
        art, rest = self._split_ref(ref)
        if not rest:
            return art
        para_key, _, point_label = rest.partition(".")
        para = art.paragraph(para_key)
        if not point_label:
            return para
        for point in para.points:
            if point.label == point_label:
                return point
        folded = fold_lookalikes(point_label)  # "a" typed for Cyrillic "а"
        for point in para.points:
            if fold_lookalikes(point.label) == folded:
                return point
        labels = ", ".join(repr(p.label) for p in para.points) or "none"
        raise UnknownRef(f"{self.id}: no point {ref!r} (points there: {labels})")

    def clause_text(self, ref: str) -> str:
        """The text of the clause at ``ref`` (see :meth:`find`): an article's or
        a paragraph's with its points, a point's, or the preamble."""
        found = self.find(ref)
        if isinstance(found, Article | Point):
            return found.text
        return found.full_text if isinstance(found, Paragraph) else found

    def _split_ref(self, ref: str) -> tuple[Article, str]:
        # Longest article ref first: article "2.1" (dotted chapter numbering)
        # wins over paragraph 1 of article "2".
        parts = ref.split(".")
        for cut in range(len(parts), 0, -1):
            head = ".".join(parts[:cut])
            for art in self.articles:
                if art.ref == head:
                    return art, ".".join(parts[cut:])
        raise UnknownRef(f"{self.id}: no article for ref {ref!r}")

    def iter_paragraphs(self) -> Iterator[tuple[Article, Paragraph]]:
        """Every (article, paragraph) pair in document order."""
        for art in self.articles:
            for para in art.paragraphs:
                yield art, para

    @property
    def coverage(self) -> tuple[int, int | None]:
        """``(encoded, total)`` article counts; placeholders are not encoded.

        ``total`` is ``metadata["articles_total"]`` where a digest records it
        (``None`` when the real count is unknown), else the number of articles.
        """
        encoded = sum(a.encoded for a in self.articles)
        if "articles_total" in self.metadata:
            return encoded, self.metadata["articles_total"]
        return encoded, len(self.articles)
