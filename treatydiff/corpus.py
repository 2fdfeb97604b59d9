"""Bundled treaty digests, by id, through importlib.resources.

Each ``treaties/<id>.json`` (shipped in the package as ``treatydiff/_treaties``)
is the project's own article-by-article restatement of one treaty, never its
official text; the format is documented in ``treaties/README.md``. Files are
validated while loading: a broken file raises :class:`CorpusError` naming the
file and the offending key.

>>> load("ru-kp-2024").article("4").encoded
True
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from . import files
from .errors import CorpusError
from .model import Absence, Article, Label, Paragraph, Point, Treaty
from .refs import num_to_ref

__all__ = ["CONFIDENCE", "FORMAT", "ids", "load", "resolve"]

FORMAT = "treatydiff-digest/1"
#: Confidence mark of a digest entry → :attr:`Label.confidence` of its curated labels.
CONFIDENCE: dict[str, float] = {"confirmed": 1.0, "inferred": 0.5}

_TOP_KEYS = {
    "format", "id", "kind", "title", "title_note", "parties", "signed",
    "entry_into_force", "duration", "languages", "status", "articles_total",
    "official_text", "provenance", "preamble", "articles", "unplaced_topics",
    "absences", "open_questions",
}
_FACT_KEYS = {"date", "place", "rule", "summary", "codes", "note", "confidence", "sources"}
_ENTRY_KEYS = {"num", "text", "points", "labels", "confidence", "sources", "note"}
_TYPE_NAMES = {str: "a string", int: "an integer", bool: "a boolean", list: "a list",
               dict: "an object"}


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
    """A bundled id or a file path, as the CLI takes them."""
    if arg in ids():
        return load(arg)
    if Path(arg).is_file():
        return files.read(arg)
    raise CorpusError(f"{arg!r} is neither a bundled treaty id nor a file")


@functools.cache
def _load(treaty_id: str) -> Treaty:
    name = f"{treaty_id}.json"
    try:
        data = json.loads((_resource_dir() / name).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CorpusError(f"{name}: not valid JSON: {exc.msg} (line {exc.lineno})") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{name}: cannot be read: {exc}") from exc
    return _Reader(name).treaty(data, treaty_id)


class _Reader:
    """Validates one digest file while turning it into a :class:`Treaty`."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.entries: dict[str, dict[str, Any]] = {}
        self.not_encoded: list[str] = []

    def fail(self, where: str, message: str) -> CorpusError:
        return CorpusError(f"{self.name}: {where}: {message}")

    def get(self, obj: dict[str, Any], key: str, kind: type, where: str,
            *, optional: bool = False) -> Any:
        """``obj[key]`` checked against ``kind``; ``None`` if optional and absent/null."""
        value = obj.get(key)
        if value is None:
            if optional:
                return None
            raise self.fail(where, f"missing {key!r}")
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            got = type(value).__name__
            raise self.fail(f"{where}.{key}", f"expected {_TYPE_NAMES[kind]}, got {got}")
        return value

    def obj(self, value: Any, where: str, allowed: Iterable[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, got {type(value).__name__}")
        unknown = sorted(set(value) - set(allowed))
        if unknown:
            raise self.fail(where, f"unknown key {unknown[0]!r}")
        return value

    def strings(self, obj: dict[str, Any], key: str, where: str,
                *, optional: bool = False, nonempty: bool = False) -> tuple[str, ...]:
        items = self.get(obj, key, list, where, optional=optional) or []
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{where}.{key}[{i}]", "expected a non-empty string")
        if nonempty and not items:
            raise self.fail(f"{where}.{key}", "must not be empty")
        return tuple(items)

    def mark(self, obj: dict[str, Any], where: str) -> str:
        mark = self.get(obj, "confidence", str, where)
        if mark not in CONFIDENCE:
            raise self.fail(f"{where}.confidence", f"expected one of {sorted(CONFIDENCE)}, "
                            f"got {mark!r}")
        return mark

    def sources(self, obj: dict[str, Any], where: str) -> tuple[str, ...]:
        urls = self.strings(obj, "sources", where, nonempty=True)
        for i, url in enumerate(urls):
            if not url.startswith(("http://", "https://")):
                raise self.fail(f"{where}.sources[{i}]", f"not a URL: {url!r}")
        return urls

    def fact(self, data: dict[str, Any], key: str) -> dict[str, Any] | None:
        """A sourced treaty-level fact (signature, entry into force, duration, ...)."""
        if data.get(key) is None:
            return None
        fact = self.obj(data[key], key, _FACT_KEYS)
        self.mark(fact, key)
        self.sources(fact, key)
        for field in ("place", "rule", "summary", "note"):
            self.get(fact, field, str, key, optional=True)
        if fact.get("date") is not None:
            date = self.get(fact, "date", str, key)
            try:
                datetime.date.fromisoformat(date)
            except ValueError:
                raise self.fail(f"{key}.date", f"not an ISO date: {date!r}") from None
        if "codes" in fact:
            self.strings(fact, "codes", key)
        return fact

    def labels(self, obj: dict[str, Any], where: str) -> tuple[Label, ...]:
        out = []
        for i, raw in enumerate(self.get(obj, "labels", list, where, optional=True) or []):
            at = f"{where}.labels[{i}]"
            lab = self.obj(raw, at, {"kind", "confidence", "note"})
            out.append(Label(
                kind=self.get(lab, "kind", str, at),
                confidence=CONFIDENCE[self.mark(lab, at)],
                source="curated",
                note=self.get(lab, "note", str, at, optional=True),
            ))
        kinds = [lab.kind for lab in out]
        if len(set(kinds)) != len(kinds):
            raise self.fail(f"{where}.labels", "a kind is listed twice")
        return tuple(out)

    def record(self, ref: str, obj: dict[str, Any], where: str) -> tuple[str, tuple[str, ...]]:
        """Check and keep an entry's confidence, sources and note under ``ref``."""
        if ref in self.entries:
            raise self.fail(where, f"ref {ref!r} appears twice")
        mark, urls = self.mark(obj, where), self.sources(obj, where)
        entry: dict[str, Any] = {"confidence": mark, "sources": list(urls)}
        note = self.get(obj, "note", str, where, optional=True)
        if note:
            entry["note"] = note
        self.entries[ref] = entry
        return mark, urls

    def points(self, obj: dict[str, Any], ref: str, where: str) -> tuple[Point, ...]:
        out = []
        for i, raw in enumerate(self.get(obj, "points", list, where, optional=True) or []):
            at = f"{where}.points[{i}]"
            pt = self.obj(raw, at, {"label", "text", "encoded"})
            label = self.get(pt, "label", str, at)
            if pt.get("encoded", True) is False:
                if "text" in pt:
                    raise self.fail(at, "a placeholder point has no text")
                self.not_encoded.append(f"{ref}.{label}")
            else:
                out.append(Point(label, self.get(pt, "text", str, at)))
        return tuple(out)

    def article(self, raw: Any, where: str) -> Article:
        art = self.obj(raw, where, {"encoded", *_ENTRY_KEYS, "paragraphs"})
        num = self.get(art, "num", str, where)
        if self.get(art, "encoded", bool, where, optional=True) is False:
            if set(art) - {"num", "encoded", "note"}:
                raise self.fail(where, "a placeholder (encoded: false) has no content")
            return Article(num=num, encoded=False)
        ref = num_to_ref(num)
        labels = self.labels(art, where)
        if "paragraphs" not in art:
            mark, urls = self.record(ref, art, where)
            paras = [Paragraph(text=self.get(art, "text", str, where))]
            return Article(num=num, paragraphs=paras, labels=labels, confidence=mark,
                           sources=urls)
        if set(art) & {"text", "points", "confidence", "sources"}:
            raise self.fail(where, "an article with 'paragraphs' takes its text, "
                            "confidence and sources from them")
        raws = self.get(art, "paragraphs", list, where)
        if not raws:
            raise self.fail(f"{where}.paragraphs", "must not be empty")
        paras = [self.paragraph(p, ref, f"{where}.paragraphs[{i}]")
                 for i, p in enumerate(raws)]
        parts = [self.entries[f"{ref}.{num_to_ref(p.num or '')}"] for p in paras]
        marks = {part["confidence"] for part in parts}
        mark = "confirmed" if marks == {"confirmed"} else "inferred"
        urls = tuple(dict.fromkeys(u for part in parts for u in part["sources"]))
        entry: dict[str, Any] = {"confidence": mark, "sources": list(urls)}
        note = self.get(art, "note", str, where, optional=True)
        if note:
            entry["note"] = note
        self.entries[ref] = entry
        return Article(num=num, paragraphs=paras, confidence=mark, sources=urls,
                       labels=_merge(labels, *(p.labels for p in paras)))

    def paragraph(self, raw: Any, art_ref: str, where: str) -> Paragraph:
        para = self.obj(raw, where, _ENTRY_KEYS)
        num = self.get(para, "num", str, where)
        ref = f"{art_ref}.{num_to_ref(num)}"
        self.record(ref, para, where)
        text = self.get(para, "text", str, where, optional=True) or ""
        points = self.points(para, ref, where)
        if not text and not points:
            raise self.fail(where, "an encoded paragraph needs 'text' or 'points'")
        return Paragraph(num=num, text=text, points=points, labels=self.labels(para, where))

    def treaty(self, raw: Any, treaty_id: str) -> Treaty:
        data = self.obj(raw, "top level", _TOP_KEYS)
        if data.get("format") != FORMAT:
            raise self.fail("format", f"expected {FORMAT!r}, got {data.get('format')!r}")
        if data.get("id") != treaty_id:
            raise self.fail("id", f"expected {treaty_id!r} (the file name), "
                            f"got {data.get('id')!r}")
        if data.get("kind") != "digest":
            raise self.fail("kind", f"expected 'digest', got {data.get('kind')!r}")
        total = self.get(data, "articles_total", int, "top level", optional=True)
        if "articles_total" not in data:
            raise self.fail("top level", "missing 'articles_total' (null when unknown)")
        signed = self.fact(data, "signed")
        if signed is None:
            raise self.fail("top level", "missing 'signed'")
        articles = tuple(self.article(a, f"articles[{i}]") for i, a in
                         enumerate(self.get(data, "articles", list, "top level")))
        refs = [a.ref for a in articles]
        if refs != [str(n) for n in range(1, len(refs) + 1)]:
            raise self.fail("articles", f"numbering must run 1..N, got {', '.join(refs)}")
        if total is not None and total != len(articles):
            raise self.fail("articles", f"{len(articles)} listed, articles_total is {total}")
        preamble = self.fact(data, "preamble")
        metadata = {
            "format": FORMAT,
            "articles_total": total,
            "title_note": self.get(data, "title_note", str, "top level", optional=True),
            "status": self.get(data, "status", str, "top level", optional=True),
            "signed": signed,
            **{key: self.fact(data, key) for key in
               ("entry_into_force", "duration", "languages", "preamble")},
            "official_text": self.official_text(data),
            "provenance": self.provenance(data),
            "unplaced_topics": self.topics(data),
            "open_questions": list(self.strings(data, "open_questions", "top level",
                                                optional=True)),
            "entries": self.entries,
            "not_encoded": self.not_encoded,
        }
        return Treaty(
            id=treaty_id,
            title=self.get(data, "title", str, "top level"),
            parties=self.strings(data, "parties", "top level"),
            signed_date=signed.get("date"),
            signed_place=signed.get("place"),
            lang="en",
            source=f"bundled digest {self.name}",
            kind="digest",
            preamble=None if preamble is None else self.get(preamble, "summary", str,
                                                            "preamble"),
            articles=articles,
            absences=self.absences(data),
            metadata=metadata,
        )

    def official_text(self, data: dict[str, Any]) -> list[dict[str, Any]]:
        places = self.get(data, "official_text", list, "top level")
        for i, raw in enumerate(places):
            at = f"official_text[{i}]"
            place = self.obj(raw, at, {"publisher", "url", "note"})
            self.get(place, "publisher", str, at)
            self.get(place, "url", str, at, optional=True)
            self.get(place, "note", str, at, optional=True)
        return places

    def provenance(self, data: dict[str, Any]) -> dict[str, str]:
        prov = self.obj(self.get(data, "provenance", dict, "top level"), "provenance",
                        {"statement", "licence", "compiled_from"})
        for key in ("statement", "licence", "compiled_from"):
            self.get(prov, key, str, "provenance")
        return prov

    def topics(self, data: dict[str, Any]) -> list[dict[str, Any]]:
        topics = self.get(data, "unplaced_topics", list, "top level", optional=True) or []
        for i, raw in enumerate(topics):
            at = f"unplaced_topics[{i}]"
            topic = self.obj(raw, at, {"kind", "summary", "article", "confidence",
                                       "sources", "note"})
            self.get(topic, "kind", str, at)
            self.get(topic, "summary", str, at)
            self.get(topic, "article", str, at, optional=True)
            self.get(topic, "note", str, at, optional=True)
            self.mark(topic, at)
            self.sources(topic, at)
        return topics

    def absences(self, data: dict[str, Any]) -> tuple[Absence, ...]:
        out = []
        for i, raw in enumerate(self.get(data, "absences", list, "top level",
                                         optional=True) or []):
            at = f"absences[{i}]"
            absence = self.obj(raw, at, {"kind", "note", "sources"})
            out.append(Absence(kind=self.get(absence, "kind", str, at),
                               note=self.get(absence, "note", str, at),
                               sources=self.sources(absence, at)))
        return tuple(out)


def _merge(*groups: tuple[Label, ...]) -> tuple[Label, ...]:
    """One label per kind, the most confident first met, in order of appearance."""
    best: dict[str, Label] = {}
    for group in groups:
        for lab in group:
            if lab.kind not in best or lab.confidence > best[lab.kind].confidence:
                best[lab.kind] = lab
    return tuple(best.values())
