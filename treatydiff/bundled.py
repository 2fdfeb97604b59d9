"""Bundled treaty digests, by id, through importlib.resources.

Each ``treaties/<id>.json`` (shipped in the package as ``treatydiff/_treaties``)
is the project's own article-by-article restatement of one treaty, never its
official text; the format is documented in ``treaties/README.md``. Files are
validated while loading: a broken file raises :class:`CorpusError` naming the
file and the offending key.

>>> load("ru-kp-2024").article("4").encoded
True

A user's official text takes a digest's place with :func:`official` (on the
command line, ``ID=FILE``): the file is checked to be the same treaty and the
digest's curated facts are carried onto it by article number.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from treatydiff import formats
from treatydiff.errors import CorpusError, FetchError, ParseError
from treatydiff.formats.reader import read_file
from treatydiff.formats.urls import is_url
from treatydiff.model import (
    Absence,
    Article,
    Label,
    Paragraph,
    Point,
    Strength,
    Treaty,
)
from treatydiff.model.refs import num_to_ref

if TYPE_CHECKING:
    from treatydiff.formats.fetch import Page

__all__ = [
    "CONFIDENCE",
    "FORMAT",
    "TITLE_OVERLAP",
    "Fetched",
    "fetch",
    "ids",
    "load",
    "official",
    "places",
    "resolve",
]

FORMAT = "treatydiff-digest/1"
#: Confidence mark of a digest entry → :attr:`Label.confidence` of its curated labels.
CONFIDENCE: dict[str, float] = {"confirmed": 1.0, "inferred": 0.5}

_TOP_KEYS = {
    "format",
    "id",
    "kind",
    "title",
    "title_note",
    "parties",
    "signed",
    "entry_into_force",
    "duration",
    "languages",
    "status",
    "articles_total",
    "official_text",
    "provenance",
    "preamble",
    "articles",
    "unplaced_topics",
    "absences",
    "open_questions",
}
_FACT_KEYS = {
    "date",
    "place",
    "rule",
    "summary",
    "codes",
    "note",
    "confidence",
    "sources",
}
_ENTRY_KEYS = {"num", "text", "points", "labels", "confidence", "sources", "note"}
_ARTICLE_KEYS = {"encoded", "paragraphs", *_ENTRY_KEYS}
_LABEL_KEYS = {"kind", "confidence", "note", "strength"}
_PLACE_KEYS = {"publisher", "url", "role", "note"}
_ROLES = ("official", "copy")
_ABSENCE_KEYS = {"kind", "note", "sources"}
_TOPIC_KEYS = {"kind", "summary", "article", "confidence", "sources", "note"}
_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    bool: "a boolean",
    list: "a list",
    dict: "an object",
}


def _resource_dir() -> Any:
    return resources.files("treatydiff") / "_treaties"


@functools.cache
def ids() -> list[str]:
    """The ids of the bundled treaties, sorted."""
    return sorted(
        entry.name.removesuffix(".json")
        for entry in _resource_dir().iterdir()
        if entry.name.endswith(".json")
    )


def load(treaty_id: str) -> Treaty:
    """A bundled treaty by id; an unknown id raises CorpusError.

    Loaded treaties are cached: treat the returned value (and its metadata) as
    read-only.
    """
    if treaty_id not in ids():
        known = ", ".join(ids())
        raise CorpusError(f"unknown treaty id {treaty_id!r} (known: {known})")
    return _load(treaty_id)


def resolve(arg: str) -> Treaty:
    """A bundled id, a file path, an http(s) URL, or ``ID=FILE`` / ``ID=URL``
    (with a bundled id, :func:`official`; otherwise the file read with that
    id), as the CLI takes them."""
    if arg in ids():
        return load(arg)
    if is_url(arg) or Path(arg).is_file():
        return formats.read(arg)
    treaty_id, eq, path = arg.partition("=")
    if eq and treaty_id and not path:
        raise CorpusError(f"{arg!r}: no file or URL after '=' (give ID=FILE or ID=URL)")
    if eq and treaty_id in ids():
        return official(treaty_id, path)
    if eq and path:
        return formats.read(path, id=treaty_id)
    known = ", ".join(ids())
    raise CorpusError(
        f"{arg!r} is neither a bundled treaty id nor a file (known ids: {known})"
    )


#: Least overlap of title concepts for a file to pass as a digest's treaty.
TITLE_OVERLAP = 0.75


def official(treaty_id: str, path: str | Path) -> Treaty:
    """The official text in ``path`` (a file or an http(s) URL) in the place
    of digest ``treaty_id``.

    The file must be the same treaty: as many articles as the digest's
    ``articles_total`` (when known) and, when both have titles, a title with
    the same concepts (across languages). The digest's curated facts are
    carried onto the text by article number: curated labels, confidence marks
    and sources of each article, the confirmed absences with their sources,
    the unplaced topics with their article hints and the publication record.
    The result keeps the digest's id, is of kind ``"text"`` and says where it
    came from in ``source``. A mismatch raises :class:`CorpusError`.
    """
    if isinstance(path, str) and is_url(path):
        from treatydiff.formats.fetch import download  # the network modules, now

        page = download(path)
        data, name = page.data, path
    else:
        data, name = read_file(path), Path(path).name
    text = formats.read_bytes(data, source=str(path))
    return _in_place(treaty_id, text, data, name, str(path))


def _in_place(
    treaty_id: str, text: Treaty, data: bytes, name: str, path: str
) -> Treaty:
    digest = load(treaty_id)
    total = digest.metadata.get("articles_total")
    if total is not None and len(text.articles) != total:
        raise CorpusError(
            f"{name} has {len(text.articles)} articles but {treaty_id} has {total}: "
            f"not the text of {treaty_id}? pass the full official text"
        )
    if not _same_title(text.title, digest.title):
        raise CorpusError(
            f"{name} is titled {text.title!r}, not like {treaty_id} "
            f"({digest.title!r}): not the text of {treaty_id}?"
        )
    curated = {a.ref: a for a in digest.articles if a.encoded}
    articles = [_carried(art, curated.get(art.ref)) for art in text.articles]
    sha = hashlib.sha256(data).hexdigest()
    source = (
        f"official text from {name} (sha256 {sha[:12]}), "
        f"curated facts from the digest {treaty_id}"
    )
    metadata = {
        key: digest.metadata[key]
        for key in ("articles_total", "unplaced_topics", "official_text", "signed")
        if key in digest.metadata
    }
    metadata |= {"official_file": path, "sha256": sha, "digest": treaty_id}
    return attrs.evolve(
        text,
        id=treaty_id,
        title=text.title or digest.title,
        parties=text.parties or digest.parties,
        signed_date=text.signed_date or digest.signed_date,
        signed_place=text.signed_place or digest.signed_place,
        source=source,
        kind="text",
        articles=articles,
        absences=digest.absences,
        metadata=metadata,
    )


@attrs.frozen(kw_only=True)
class Fetched:
    """What :func:`fetch` found: the treaty (the digest's facts carried onto
    it), the downloaded page and the publication place it came from."""

    treaty: Treaty
    page: Page
    place: Mapping[str, Any]


def places(treaty_id: str) -> list[Mapping[str, Any]]:
    """The digest's publication places with a URL, official publishers first."""
    recorded = load(treaty_id).metadata.get("official_text") or []
    with_url = [p for p in recorded if p.get("url")]
    return sorted(with_url, key=lambda p: p.get("role") != "official")


def fetch(treaty_id: str, *, refresh: bool = False) -> Fetched:
    """Download the treaty from the publication URLs its digest records
    (official publishers first, copies after) and take the first page that
    is the treaty (see :func:`official`). Raises :class:`FetchError` saying
    what each URL gave and what to do."""
    from treatydiff.formats.fetch import download  # the network modules, now

    tried = []
    for place in places(treaty_id):
        url = place["url"]
        try:
            page = download(url, refresh=refresh)
            text = formats.read_bytes(page.data, source=url)
            treaty = _in_place(treaty_id, text, page.data, url, url)
        except (FetchError, ParseError, CorpusError) as exc:
            tried.append(f"{url}: {str(exc).split(';')[0]}")
            continue
        return Fetched(treaty=treaty, page=page, place=place)
    if not tried:
        raise FetchError(
            f"{treaty_id}: the digest records no publication URL; download the "
            f"text by hand and pass it as {treaty_id}=FILE"
        )
    raise FetchError(
        f"{treaty_id}: no recorded URL gave the treaty ({' | '.join(tried)}); "
        f"download the text by hand and pass it as {treaty_id}=FILE"
    )


def _same_title(text_title: str | None, digest_title: str | None) -> bool:
    # Loaded here: the alignment package loads NumPy and rapidfuzz, which
    # listing or showing the digests does not need.
    from treatydiff.alignment.crosslingual import concept_words

    a = set(concept_words(text_title or "").split())
    b = set(concept_words(digest_title or "").split())
    if len(a) < 3 or len(b) < 3:
        return True  # too little to tell: the article count decides
    return len(a & b) / len(a | b) >= TITLE_OVERLAP


def _carried(art: Article, digest: Article | None) -> Article:
    """``art`` with the curated labels, confidence and sources of ``digest``."""
    if digest is None:
        return art
    labels = [
        *digest.labels,
        *(lab for p in digest.paragraphs for lab in p.labels),
    ]
    return attrs.evolve(
        art,
        labels=_merge(
            art.labels, tuple(lab for lab in labels if lab.source == "curated")
        ),
        confidence=art.confidence or digest.confidence,
        sources=art.sources or digest.sources,
    )


@functools.cache
def _load(treaty_id: str) -> Treaty:
    name = f"{treaty_id}.json"
    try:
        data = json.loads((_resource_dir() / name).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        message = f"{name}: not valid JSON: {exc.msg} (line {exc.lineno})"
        raise CorpusError(message) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{name}: cannot be read: {exc}") from exc
    return _Reader(name).treaty(data, treaty_id)


class _Reader:
    """Validates one digest file while turning it into a :class:`Treaty`.

    ``where`` arguments are JSON paths for error messages (``""`` is the top
    level); ``entries`` collects every encoded ref's confidence, sources, note.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.entries: dict[str, dict[str, Any]] = {}
        self.not_encoded: list[str] = []

    def fail(self, where: str, message: str) -> CorpusError:
        return CorpusError(f"{self.name}: {where + ': ' if where else ''}{message}")

    def get(
        self,
        obj: dict[str, Any],
        key: str,
        kind: type,
        where: str,
        *,
        optional: bool = False,
    ) -> Any:
        """``obj[key]`` checked against ``kind``; optional ones may be absent/null."""
        value = obj.get(key)
        if value is None:
            if optional:
                return None
            raise self.fail(where, f"missing {key!r}")
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            got = type(value).__name__
            raise self.fail(_at(where, key), f"expected {_TYPE_NAMES[kind]}, got {got}")
        return value

    def obj(self, value: Any, where: str, allowed: Iterable[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, got {type(value).__name__}")
        unknown = sorted(set(value) - set(allowed))
        if unknown:
            raise self.fail(where, f"unknown key {unknown[0]!r}")
        return value

    def items(
        self,
        obj: dict[str, Any],
        key: str,
        where: str,
        allowed: Iterable[str],
        *,
        optional: bool = True,
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """``(path, object)`` for each object of the list ``obj[key]``."""
        values = self.get(obj, key, list, where, optional=optional) or []
        for i, raw in enumerate(values):
            at = f"{_at(where, key)}[{i}]"
            yield at, self.obj(raw, at, allowed)

    def strings(
        self,
        obj: dict[str, Any],
        key: str,
        where: str,
        *,
        optional: bool = False,
        nonempty: bool = False,
    ) -> tuple[str, ...]:
        values = self.get(obj, key, list, where, optional=optional) or []
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                at = f"{_at(where, key)}[{i}]"
                raise self.fail(at, "expected a non-empty string")
        if nonempty and not values:
            raise self.fail(_at(where, key), "must not be empty")
        return tuple(values)

    def mark(self, obj: dict[str, Any], where: str) -> str:
        mark: str = self.get(obj, "confidence", str, where)
        if mark not in CONFIDENCE:
            expected = f"expected one of {sorted(CONFIDENCE)}, got {mark!r}"
            raise self.fail(_at(where, "confidence"), expected)
        return mark

    def sources(self, obj: dict[str, Any], where: str) -> tuple[str, ...]:
        urls = self.strings(obj, "sources", where, nonempty=True)
        for i, url in enumerate(urls):
            if not url.startswith(("http://", "https://")):
                raise self.fail(f"{where}.sources[{i}]", f"not a URL: {url!r}")
        return urls

    def fact(self, data: dict[str, Any], key: str) -> dict[str, Any] | None:
        """A sourced treaty-level fact (signature, entry into force, ...)."""
        if data.get(key) is None:
            return None
        fact = self.obj(data[key], key, _FACT_KEYS)
        self.mark(fact, key)
        self.sources(fact, key)
        for field in ("date", "place", "rule", "summary", "note"):
            self.get(fact, field, str, key, optional=True)
        self.strings(fact, "codes", key, optional=True)
        if fact.get("date") is not None:
            date = fact["date"]
            try:
                datetime.date.fromisoformat(date)
            except ValueError:
                raise self.fail(f"{key}.date", f"not an ISO date: {date!r}") from None
        return fact

    def strength(self, lab: dict[str, Any], at: str) -> str | None:
        """A curated label's optional strength (read from its text when absent)."""
        value: str | None = self.get(lab, "strength", str, at, optional=True)
        if value is not None and value not in set(Strength):
            names = ", ".join(s.value for s in Strength)
            raise self.fail(f"{at}.strength", f"expected one of {names}: {value!r}")
        return value

    def labels(
        self, obj: dict[str, Any], where: str, *, required: bool = True
    ) -> tuple[Label, ...]:
        """Curated labels; an encoded entry needs at least one (so that the
        classifier never labels a digest's restatement in their place)."""
        out = tuple(
            Label(
                kind=self.get(lab, "kind", str, at),
                confidence=CONFIDENCE[self.mark(lab, at)],
                source="curated",
                note=self.get(lab, "note", str, at, optional=True),
                strength=self.strength(lab, at),
            )
            for at, lab in self.items(obj, "labels", where, _LABEL_KEYS)
        )
        if required and not out:
            raise self.fail(where, "an encoded entry needs at least one label")
        if len({lab.kind for lab in out}) != len(out):
            raise self.fail(f"{where}.labels", "a kind is listed twice")
        return out

    def record(
        self,
        ref: str,
        mark: str,
        urls: tuple[str, ...],
        obj: dict[str, Any],
        where: str,
    ) -> None:
        """Keep an encoded entry's confidence, sources and note under ``ref``."""
        if ref in self.entries:
            raise self.fail(where, f"ref {ref!r} appears twice")
        entry: dict[str, Any] = {"confidence": mark, "sources": list(urls)}
        note = self.get(obj, "note", str, where, optional=True)
        if note:
            entry["note"] = note
        self.entries[ref] = entry

    def points(self, obj: dict[str, Any], ref: str, where: str) -> tuple[Point, ...]:
        out = []
        for at, pt in self.items(obj, "points", where, {"label", "text", "encoded"}):
            label = self.get(pt, "label", str, at)
            if pt.get("encoded", True) is not False:
                out.append(Point(label, self.get(pt, "text", str, at)))
            elif "text" in pt:
                raise self.fail(at, "a placeholder point has no text")
            else:
                self.not_encoded.append(f"{ref}.{label}")
        return tuple(out)

    def article(self, at: str, art: dict[str, Any]) -> Article:
        num = self.get(art, "num", str, at)
        if self.get(art, "encoded", bool, at, optional=True) is False:
            if set(art) - {"num", "encoded", "note"}:
                raise self.fail(at, "a placeholder (encoded: false) has no content")
            return Article(num=num, encoded=False)
        ref = num_to_ref(num)
        if "paragraphs" not in art:
            labels = self.labels(art, at)
            mark, urls = self.mark(art, at), self.sources(art, at)
            self.record(ref, mark, urls, art, at)
            paras = [Paragraph(text=self.get(art, "text", str, at), labels=labels)]
            return Article(
                num=num, paragraphs=paras, labels=labels, confidence=mark, sources=urls
            )
        if set(art) & {"text", "points", "confidence", "sources"}:
            raise self.fail(
                at,
                "an article with 'paragraphs' takes its text, "
                "confidence and sources from them",
            )
        labels = self.labels(art, at, required=False)
        paras = [
            self.paragraph(p_at, para, ref)
            for p_at, para in self.items(
                art, "paragraphs", at, _ENTRY_KEYS, optional=False
            )
        ]
        if not paras:
            raise self.fail(f"{at}.paragraphs", "must not be empty")
        parts = [self.entries[f"{ref}.{num_to_ref(p.num or '')}"] for p in paras]
        marks = {part["confidence"] for part in parts}
        mark = "confirmed" if marks == {"confirmed"} else "inferred"
        urls = tuple(dict.fromkeys(u for part in parts for u in part["sources"]))
        self.record(ref, mark, urls, art, at)
        return Article(
            num=num,
            paragraphs=paras,
            confidence=mark,
            sources=urls,
            labels=_merge(labels, *(p.labels for p in paras)),
        )

    def paragraph(self, at: str, para: dict[str, Any], art_ref: str) -> Paragraph:
        num = self.get(para, "num", str, at)
        ref = f"{art_ref}.{num_to_ref(num)}"
        self.record(ref, self.mark(para, at), self.sources(para, at), para, at)
        text = self.get(para, "text", str, at, optional=True) or ""
        points = self.points(para, ref, at)
        if not text and not points:
            raise self.fail(at, "an encoded paragraph needs 'text' or 'points'")
        labels = self.labels(para, at)
        return Paragraph(num=num, text=text, points=points, labels=labels)

    def treaty(self, raw: Any, treaty_id: str) -> Treaty:
        data = self.obj(raw, "", _TOP_KEYS)
        fixed = (("format", FORMAT), ("id", treaty_id), ("kind", "digest"))
        for key, expected in fixed:
            if data.get(key) != expected:
                hint = " (the file name)" if key == "id" else ""
                raise self.fail(
                    key, f"expected {expected!r}{hint}, got {data.get(key)!r}"
                )
        if "articles_total" not in data:
            raise self.fail("", "missing 'articles_total' (null when unknown)")
        total = self.get(data, "articles_total", int, "", optional=True)
        signed = self.fact(data, "signed")
        if signed is None:
            raise self.fail("", "missing 'signed'")
        articles = tuple(
            self.article(at, art)
            for at, art in self.items(
                data, "articles", "", _ARTICLE_KEYS, optional=False
            )
        )
        refs = [a.ref for a in articles]
        if refs != [str(n) for n in range(1, len(refs) + 1)]:
            got = ", ".join(refs)
            raise self.fail("articles", f"numbering must run 1..N, got {got}")
        if total is not None and total != len(articles):
            raise self.fail(
                "articles", f"{len(articles)} listed, articles_total is {total}"
            )
        preamble = self.fact(data, "preamble")
        summary = (
            None if preamble is None else self.get(preamble, "summary", str, "preamble")
        )
        metadata = {
            "format": FORMAT,
            "articles_total": total,
            "title_note": self.get(data, "title_note", str, "", optional=True),
            "status": self.get(data, "status", str, "", optional=True),
            "signed": signed,
            "entry_into_force": self.fact(data, "entry_into_force"),
            "duration": self.fact(data, "duration"),
            "languages": self.fact(data, "languages"),
            "preamble": preamble,
            "official_text": self.official_text(data),
            "provenance": self.provenance(data),
            "unplaced_topics": self.topics(data),
            "open_questions": list(
                self.strings(data, "open_questions", "", optional=True)
            ),
            "entries": self.entries,
            "not_encoded": self.not_encoded,
        }
        return Treaty(
            id=treaty_id,
            title=self.get(data, "title", str, ""),
            parties=self.strings(data, "parties", ""),
            signed_date=signed.get("date"),
            signed_place=signed.get("place"),
            lang="en",
            source=f"bundled digest {self.name}",
            kind="digest",
            preamble=summary,
            articles=articles,
            absences=self.absences(data),
            metadata=metadata,
        )

    def official_text(self, data: dict[str, Any]) -> list[dict[str, Any]]:
        places = []
        for at, place in self.items(
            data, "official_text", "", _PLACE_KEYS, optional=False
        ):
            self.get(place, "publisher", str, at)
            self.get(place, "url", str, at, optional=True)
            self.get(place, "note", str, at, optional=True)
            role = self.get(place, "role", str, at, optional=True)
            if role is not None and role not in _ROLES:
                raise self.fail(
                    _at(at, "role"), f"expected one of {_ROLES}, got {role!r}"
                )
            places.append(place)
        return places

    def provenance(self, data: dict[str, Any]) -> dict[str, str]:
        prov = self.obj(
            self.get(data, "provenance", dict, ""),
            "provenance",
            {"statement", "licence", "compiled_from"},
        )
        for key in ("statement", "licence", "compiled_from"):
            self.get(prov, key, str, "provenance")
        return prov

    def topics(self, data: dict[str, Any]) -> list[dict[str, Any]]:
        topics = []
        for at, topic in self.items(data, "unplaced_topics", "", _TOPIC_KEYS):
            for key in ("kind", "summary"):
                self.get(topic, key, str, at)
            for key in ("article", "note"):
                self.get(topic, key, str, at, optional=True)
            self.mark(topic, at)
            self.sources(topic, at)
            topics.append(topic)
        return topics

    def absences(self, data: dict[str, Any]) -> tuple[Absence, ...]:
        return tuple(
            Absence(
                kind=self.get(absence, "kind", str, at),
                note=self.get(absence, "note", str, at),
                sources=self.sources(absence, at),
            )
            for at, absence in self.items(data, "absences", "", _ABSENCE_KEYS)
        )


def _at(where: str, key: str) -> str:
    """The path of ``key`` inside ``where`` (``""`` is the top level)."""
    return f"{where}.{key}" if where else key


def _merge(*groups: tuple[Label, ...]) -> tuple[Label, ...]:
    """One label per kind (the most confident), in order of first appearance."""
    best: dict[str, Label] = {}
    for group in groups:
        for lab in group:
            if lab.kind not in best or lab.confidence > best[lab.kind].confidence:
                best[lab.kind] = lab
    return tuple(best.values())
