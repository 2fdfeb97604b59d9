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

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from treatydiff.errors import InvalidArgument, UnknownRef
from treatydiff.model.refs import num_to_ref

__all__ = [
    "Absence",
    "Article",
    "Division",
    "Label",
    "Paragraph",
    "Point",
    "Span",
    "Treaty",
]


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def _nfc_opt(value: str | None) -> str | None:
    return None if value is None else _nfc(value)


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
    in a bundled digest.
    """

    kind: str
    confidence: float = 1.0
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=tuple)
    source: str = "classifier"
    note: str | None = None


@attrs.frozen(kw_only=True)
class Absence:
    """A curated, sourced statement that a treaty lacks a provision kind."""

    kind: str
    note: str
    sources: tuple[str, ...] = attrs.field(default=(), converter=tuple)


@attrs.frozen
class Point:
    """A lettered point inside a paragraph: ``(a)``, ``б)``."""

    label: str
    text: str = attrs.field(converter=_nfc)


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph: its number as printed (or ``None``), text and points.

    ``text`` is the paragraph's own words without its number; points follow it.
    """

    num: str | None = None
    text: str = attrs.field(default="", converter=_nfc)
    points: tuple[Point, ...] = attrs.field(default=(), converter=tuple)
    labels: tuple[Label, ...] = attrs.field(default=(), converter=tuple)

    def ref(self, article: Article) -> str:
        """This paragraph's stable ref inside ``article`` (``"3.3"``)."""
        return f"{article.ref}.{self.key(article)}"

    def key(self, article: Article) -> str:
        """The paragraph part of the ref: its number, else its 1-based position.

        In an article that also has numbered paragraphs, an unnumbered one
        (an opening sentence before ``1.``, say) is keyed ``"u"`` + position so
        that it never takes a numbered paragraph's ref.
        """
        if self.num:
            return num_to_ref(self.num)
        position = str(article.paragraphs.index(self) + 1)
        if any(p.num for p in article.paragraphs):
            return f"u{position}"
        return position

    @property
    def full_text(self) -> str:
        """The paragraph's text followed by its points, one per line."""
        lines = [self.text] if self.text else []
        lines.extend(f"{p.label}) {p.text}" for p in self.points)
        return "\n".join(lines)


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
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=(), converter=tuple)
    labels: tuple[Label, ...] = attrs.field(default=(), converter=tuple)
    confidence: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    encoded: bool = True

    @ref.default
    def _ref_from_num(self) -> str:
        return num_to_ref(self.num)

    @property
    def text(self) -> str:
        """The article's full text: its paragraphs (with points), one per line."""
        return "\n".join(p.full_text for p in self.paragraphs if p.full_text)

    def paragraph(self, key: str) -> Paragraph:
        """The paragraph whose ref part is ``key`` (``"2"`` for ``"4.2"``)."""
        for para in self.paragraphs:
            if para.key(self) == key:
                return para
        raise UnknownRef(f"article {self.ref} has no paragraph {key!r}")


@attrs.frozen(kw_only=True)
class Division:
    """A part, chapter or section: it names the refs of the articles it holds."""

    kind: str
    num: str | None = None
    heading: str | None = attrs.field(default=None, converter=_nfc_opt)
    articles: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    divisions: tuple[Division, ...] = attrs.field(default=(), converter=tuple)


@attrs.frozen(kw_only=True)
class Treaty:
    """A treaty: metadata, preamble, divisions, flat articles and closing text.

    ``kind`` is ``"text"`` for a text as published and ``"digest"`` for the
    project's own article-by-article restatement (never an official text).
    ``metadata`` is free-form and excluded from hashing.
    """

    id: str
    title: str | None = attrs.field(default=None, converter=_nfc_opt)
    parties: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    signed_date: str | None = None
    signed_place: str | None = None
    lang: str | None = None
    source: str | None = None
    kind: str = attrs.field(
        default="text", validator=attrs.validators.in_(("text", "digest"))
    )
    preamble: str | None = attrs.field(default=None, converter=_nfc_opt)
    divisions: tuple[Division, ...] = attrs.field(default=(), converter=tuple)
    articles: tuple[Article, ...] = attrs.field(default=(), converter=tuple)

    @articles.validator
    def _unique_refs(self, _: object, articles: tuple[Article, ...]) -> None:
        seen: set[str] = set()
        for art in articles:
            if art.ref in seen:
                raise InvalidArgument(f"{self.id}: two articles have ref {art.ref!r}")
            seen.add(art.ref)

    closing: str | None = attrs.field(default=None, converter=_nfc_opt)
    absences: tuple[Absence, ...] = attrs.field(default=(), converter=tuple)
    metadata: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    def article(self, ref: str) -> Article:
        """The article with this ref (``"4"``); raises :class:`UnknownRef`."""
        for art in self.articles:
            if art.ref == ref:
                return art
        raise UnknownRef(f"{self.id}: no article {ref!r}")

    def find(self, ref: str) -> Article | Paragraph | Point | str:
        """Resolve any ref: ``"4"``, ``"4.2"``, ``"4.2.b"`` or ``"preamble"``."""
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
        raise UnknownRef(f"{self.id}: no point {ref!r}")

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
