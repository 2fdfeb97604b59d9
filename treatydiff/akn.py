"""Akoma Ntoso 3.0: write a Treaty, read one back, validate against the OASIS schema.

Output is an ``<act name="treaty">``: FRBR identification, the title in
``<preface>``, ``<preamble>``, a ``<body>`` of articles (nested in
parts/chapters/sections when the divisions allow) with unique eIds
(``art_4__para_1``), ``<conclusions>``, and in ``<meta><proprietary
source="#treatydiff">`` (:mod:`treatydiff.akn_extra`) everything of the model
that Akoma Ntoso has no place for, so that ``read_akn(to_akn(t)) == t``. Text
is written one ``<p>`` per line. Documents written elsewhere are read from
their structure and FRBR data.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import attrs
from lxml import etree

from .akn_extra import TD_NS, read_article_extras, read_extras, write_extras
from .akn_extra import sub_element as _sub
from .errors import InvalidArgument, ParseError, SchemaError
from .model import Article, Division, Paragraph, Point, Treaty
from .refs import num_to_ref
from .xmlio import element_text, parse_xml

__all__ = [
    "AKN_NS",
    "SCHEMA_PATH",
    "TD_NS",
    "akn_to_treaty",
    "read_akn",
    "to_akn",
    "validate_akn",
]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# The OASIS schema lives beside the checkout (../shared), never inside it.
SCHEMA_PATH = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "schemas"
    / "akn"
    / "akomantoso30.xsd"
)

_A = f"{{{AKN_NS}}}"
_T = f"{{{TD_NS}}}"
_LANG3 = {
    "en": "eng",
    "ru": "rus",
    "fr": "fra",
    "es": "spa",
    "de": "deu",
    "zh": "zho",
    "ar": "ara",
}
_LANG2 = {v: k for k, v in _LANG3.items()}
# Model division kinds that are Akoma Ntoso elements, with their eId prefixes.
_DIV_EIDS = {
    "book": "book",
    "tome": "tome",
    "part": "part",
    "subpart": "subpart",
    "title": "title",
    "subtitle": "subtitle",
    "chapter": "chp",
    "subchapter": "subchp",
    "section": "sec",
    "subsection": "subsec",
    "division": "dvs",
    "subdivision": "subdvs",
}


# --------------------------------------------------------------------------
# Writing

_EID_UNSAFE = re.compile(r"[^\w-]+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _lines(parent: etree._Element, text: str) -> None:
    for line in text.split("\n"):
        _sub(parent, _A + "p", line)


class _Ids:
    """Unique AKN-style eIds: ``art_4``, ``art_4__para_1``; duplicates get ``-2``."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def make(self, prefix: str, key: str | None, position: int) -> str:
        part = _EID_UNSAFE.sub("-", key or "").strip("-") or str(position)
        eid, n = f"{prefix}{part}", 2
        while eid in self._used:
            eid, n = f"{prefix}{part}-{n}", n + 1
        self._used.add(eid)
        return eid


def to_akn(treaty: Treaty) -> bytes:
    """Write a Treaty as an Akoma Ntoso 3.0 document (UTF-8 bytes) that validates.

    Raises InvalidArgument for text with characters XML cannot hold (control
    characters) or metadata that is not JSON data.
    """
    try:
        metadata = json.dumps(dict(treaty.metadata), ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError) as exc:
        raise InvalidArgument(
            f"{treaty.id}: metadata is not JSON data: {exc}"
        ) from None
    try:
        return _write_akn(treaty, metadata)
    except ValueError as exc:
        if "XML compatible" not in str(exc):
            raise
        raise InvalidArgument(f"{treaty.id}: cannot write Akoma Ntoso: {exc}") from None


def _write_akn(treaty: Treaty, metadata: str) -> bytes:
    root = etree.Element(_A + "akomaNtoso", nsmap={None: AKN_NS, "td": TD_NS})
    act = _sub(root, _A + "act", name="treaty")
    meta = _sub(act, _A + "meta")
    _write_identification(meta, treaty)
    refs = _sub(meta, _A + "references", source="#treatydiff")
    _sub(
        refs,
        _A + "TLCOrganization",
        eId="treatydiff",
        href="/ontology/organization/treatydiff",
        showAs="treatydiff",
    )
    _sub(
        refs,
        _A + "TLCOrganization",
        eId="parties",
        href="/ontology/organization/parties",
        showAs=", ".join(treaty.parties) or "the parties",
    )
    if treaty.title is not None:
        _sub(_sub(_sub(act, _A + "preface"), _A + "p"), _A + "docTitle", treaty.title)
    if treaty.preamble is not None:
        _lines(_sub(act, _A + "preamble"), treaty.preamble)
    ids = _Ids()
    body = _sub(act, _A + "body")
    eids = _write_body(body, treaty, ids)
    if not len(body):  # the schema wants at least one child
        _sub(body, _A + "hcontainer", eId="hcontainer_1", name="noArticles")
    if treaty.closing is not None:
        _lines(_sub(act, _A + "conclusions"), treaty.closing)
    prop = _sub(meta, _A + "proprietary", source="#treatydiff")
    write_extras(prop, treaty, eids, metadata)
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def _write_identification(meta: etree._Element, treaty: Treaty) -> None:
    date, date_name = _frbr_date(treaty.signed_date)
    lang3 = _LANG3.get(treaty.lang or "", treaty.lang or "und")
    work = f"/akn/int/act/treaty/{date}/{quote(treaty.id, safe='')}"
    expr = f"{work}/{quote(lang3, safe='')}@"
    ident = _sub(meta, _A + "identification", source="#treatydiff")
    for level, uri, this, author in (
        ("FRBRWork", work, f"{work}/!main", "#parties"),
        ("FRBRExpression", expr, f"{expr}/!main", "#parties"),
        ("FRBRManifestation", f"{expr}.akn", f"{expr}/!main.xml", "#treatydiff"),
    ):
        frbr = _sub(ident, _A + level)
        _sub(frbr, _A + "FRBRthis", value=this)
        _sub(frbr, _A + "FRBRuri", value=uri)
        _sub(frbr, _A + "FRBRdate", date=date, name=date_name)
        _sub(frbr, _A + "FRBRauthor", href=author)
        if level == "FRBRWork":
            _sub(frbr, _A + "FRBRcountry", value="int")
            _sub(frbr, _A + "FRBRnumber", value=treaty.id)
            if treaty.title:
                _sub(frbr, _A + "FRBRname", value=treaty.title)
        elif level == "FRBRExpression":
            _sub(frbr, _A + "FRBRlanguage", language=lang3)


def _frbr_date(value: str | None) -> tuple[str, str]:
    """The signature date if it is an ISO date, else a marked placeholder."""
    if value and _ISO_DATE.match(value):
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return value, "signature"
    return "0001-01-01", "unknown"


def _write_body(body: etree._Element, treaty: Treaty, ids: _Ids) -> dict[int, str]:
    """Write the articles, nested under divisions when faithful; eIds by index."""
    eids: dict[int, str] = {}
    layout = _layout(treaty)

    def write(parent: etree._Element, items: list, prefix: str) -> None:
        for position, item in enumerate(items, 1):
            if isinstance(item, int):
                eids[item] = _write_article(
                    parent, treaty.articles[item], ids, item + 1
                )
                continue
            div, children = item
            tag = _DIV_EIDS.get(div.kind)
            el = _sub(parent, _A + (div.kind if tag else "hcontainer"))
            if not tag:
                el.set("name", div.kind)
            el.set(
                "eId", ids.make(f"{prefix}{tag or 'hcontainer'}_", div.num, position)
            )
            if div.num is not None:
                _sub(el, _A + "num", div.num)
            if div.heading is not None:
                _sub(el, _A + "heading", div.heading)
            write(el, children, el.get("eId") + "__")

    write(body, layout if layout is not None else list(range(len(treaty.articles))), "")
    return eids


def _layout(treaty: Treaty) -> list | None:
    """Body items (article indexes and ``(division, items)``) in document order,
    or None when the divisions are not a nesting of contiguous article runs."""
    index = {art.ref: i for i, art in enumerate(treaty.articles)}
    if len(index) != len(treaty.articles):
        return None

    def items(divs: Iterable[Division], refs: Iterable[str]) -> list | None:
        out: list = []
        for ref in refs:
            if ref not in index:
                return None
            out.append(index[ref])
        for div in divs:
            children = items(div.divisions, div.articles)
            if not children:
                return None
            out.append((div, children))
        return sorted(out, key=_first)

    placed = {ref for div in treaty.divisions for ref in _refs(div)}
    top = items(
        treaty.divisions, [a.ref for a in treaty.articles if a.ref not in placed]
    )
    if top is None or _flatten(top) != list(range(len(treaty.articles))):
        return None
    return top


def _refs(div: Division) -> Iterable[str]:
    yield from div.articles
    for child in div.divisions:
        yield from _refs(child)


def _first(item: int | tuple) -> int:
    return item if isinstance(item, int) else _first(item[1][0])


def _flatten(items: list) -> list[int]:
    out: list[int] = []
    for item in items:
        out.extend([item] if isinstance(item, int) else _flatten(item[1]))
    return out


def _write_article(
    parent: etree._Element, art: Article, ids: _Ids, position: int
) -> str:
    eid = ids.make("art_", art.ref, position)
    el = _sub(parent, _A + "article", eId=eid)
    _sub(el, _A + "num", art.num)
    if art.heading is not None:
        _sub(el, _A + "heading", art.heading)
    if not art.paragraphs:
        _lines(_sub(el, _A + "content"), "")
    for i, para in enumerate(art.paragraphs, 1):
        key = num_to_ref(para.num) if para.num else None
        pel = _sub(el, _A + "paragraph", eId=ids.make(f"{eid}__para_", key, i))
        if para.num is not None:
            _sub(pel, _A + "num", para.num)
        if para.points:
            if para.text:
                _lines(_sub(pel, _A + "intro"), para.text)
            for j, point in enumerate(para.points, 1):
                ptel = _sub(
                    pel,
                    _A + "point",
                    eId=ids.make(f"{pel.get('eId')}__point_", point.label, j),
                )
                _sub(ptel, _A + "num", point.label)
                _lines(_sub(ptel, _A + "content"), point.text)
        else:
            _lines(_sub(pel, _A + "content"), para.text)
    return eid



# --------------------------------------------------------------------------
# Reading

_DOC_TYPES = ("act", "bill", "doc", "statement", "portion", "amendment", "judgment")
_ARTICLE_WORD = re.compile(r"^\s*(?:article|art\.|статья|ст\.)\s*", re.IGNORECASE)
_DIVISION_WORD = re.compile(
    r"^\s*(?:book|part|title|chapter|section|книга|часть|раздел|подраздел|глава|параграф)\s+",
    re.IGNORECASE,
)


def read_akn(data: bytes, *, source: str | None = None) -> Treaty:
    """Read an Akoma Ntoso 3.0 document into a Treaty."""
    return akn_to_treaty(parse_xml(data, source=source), source=source)


def akn_to_treaty(root: etree._Element, *, source: str | None = None) -> Treaty:
    """The Treaty of a parsed ``<akomaNtoso>`` root, as :func:`read_akn` reads it."""
    if root.tag != _A + "akomaNtoso":
        qname = etree.QName(root)
        where = f"namespace {qname.namespace}" if qname.namespace else "no namespace"
        raise ParseError(
            f"not Akoma Ntoso 3.0: root is <{qname.localname}> in {where}, "
            f"expected <akomaNtoso> in {AKN_NS}",
            source=source,
            line=root.sourceline,
        )
    doc = next((c for c in root if c.tag in {_A + t for t in _DOC_TYPES}), None)
    if doc is None:
        raise ParseError(
            "Akoma Ntoso document has no act or doc element", source=source
        )
    body = doc.find(_A + "body")
    if body is None:
        body = doc.find(_A + "mainBody")
    if body is None:
        raise ParseError(
            f"Akoma Ntoso <{etree.QName(doc).localname}> has no body",
            source=source,
            line=doc.sourceline,
        )
    td = doc.find(f"{_A}meta/{_A}proprietary/{_T}treaty")
    exact = td is not None
    extras = (
        {} if td is None else {el.get("for"): el for el in td.iterfind(_T + "article")}
    )
    articles, by_element = [], {}
    for position, el in enumerate(body.iter(_A + "article"), 1):
        art = _read_article(el, position, exact, extras.get(el.get("eId")), source)
        by_element[el] = art.ref
        articles.append(art)
    title_el = doc.find(f"{_A}preface//{_A}docTitle")
    fields: dict[str, Any] = {
        "title": None if title_el is None else element_text(title_el),
        "preamble": _block_text(doc.find(_A + "preamble")),
        "closing": _block_text(doc.find(_A + "conclusions")),
        "articles": articles,
    }
    if td is not None:
        fields.update(read_extras(td, source))
    else:
        fields.update(_read_frbr(doc, source))
        fields["divisions"] = _body_divisions(body, by_element)
    return Treaty(**fields)


def _block_text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    return "\n".join(element_text(p) for p in el.iter(_A + "p"))


def _read_article(
    el: etree._Element,
    position: int,
    exact: bool,
    extra: etree._Element | None,
    source: str | None,
) -> Article:
    num = el.findtext(_A + "num")
    if num is None:
        num = str(position)
    elif not exact:
        num = _ARTICLE_WORD.sub("", num).strip() or str(position)
    heading = el.find(_A + "heading")
    paras = [_read_paragraph(p, exact) for p in el.iterfind(_A + "paragraph")]
    if not paras:
        single = _read_paragraph(el, exact)
        paras = [attrs.evolve(single, num=None)] if single.text or single.points else []
    fields: dict[str, Any] = {
        "num": num,
        "heading": None if heading is None else element_text(heading),
        "paragraphs": paras,
    }
    if extra is not None:
        fields.update(read_article_extras(extra, paras, source))
    return Article(**fields)


def _read_paragraph(el: etree._Element, exact: bool) -> Paragraph:
    points = []
    for pel in el.iterfind(_A + "point"):
        label = pel.findtext(_A + "num") or ""
        points.append(
            Point(label if exact else label.strip(" ().") or label, _own_text(pel))
        )
    return Paragraph(num=el.findtext(_A + "num"), text=_own_text(el), points=points)


def _own_text(el: etree._Element) -> str:
    """The intro or content of a hierarchy element; for structures the model lacks
    (subparagraphs, lists, levels) every ``<p>`` inside, so no text is lost."""
    for tag in ("intro", "content"):
        block = el.find(_A + tag)
        if block is not None:
            return _block_text(block) or ""
    if el.find(_A + "point") is not None:
        return ""
    return _block_text(el) or ""


def _read_frbr(doc: etree._Element, source: str | None) -> dict[str, Any]:
    """Treaty fields from the FRBR identification of a document we did not write."""
    work = doc.find(f"{_A}meta/{_A}identification/{_A}FRBRWork")
    expr = doc.find(f"{_A}meta/{_A}identification/{_A}FRBRExpression")
    number = work.find(_A + "FRBRnumber") if work is not None else None
    this = work.find(_A + "FRBRthis") if work is not None else None
    if number is not None and number.get("value"):
        treaty_id = number.get("value")
    elif this is not None and this.get("value"):
        treaty_id = [
            s for s in this.get("value").split("/") if s and not s.startswith("!")
        ][-1]
    else:
        treaty_id = Path(source).stem if source else "akn"
    date = work.find(_A + "FRBRdate") if work is not None else None
    lang = expr.find(_A + "FRBRlanguage") if expr is not None else None
    lang3 = None if lang is None else lang.get("language")
    return {
        "id": treaty_id,
        "lang": _LANG2.get(lang3 or "", lang3),
        "signed_date": date.get("date")
        if date is not None and date.get("name") == "signature"
        else None,
    }


def _body_divisions(
    el: etree._Element, refs: dict[etree._Element, str]
) -> list[Division]:
    """Divisions from the body hierarchy of a document we did not write."""
    out = []
    for child in el:
        if not isinstance(child.tag, str) or child.tag == _A + "article":
            continue
        name = etree.QName(child).localname
        if name in _DIV_EIDS or name == "hcontainer":
            heading = child.find(_A + "heading")
            num = child.findtext(_A + "num")
            out.append(
                Division(
                    kind=child.get("name", "hcontainer")
                    if name == "hcontainer"
                    else name,
                    num=None if num is None else _DIVISION_WORD.sub("", num).strip(),
                    heading=None if heading is None else element_text(heading),
                    articles=[refs[a] for a in child.iterfind(_A + "article")],
                    divisions=_body_divisions(child, refs),
                )
            )
    return out


# --------------------------------------------------------------------------
# Validation


class _SchemaResolver(etree.Resolver):
    """Resolves the schema's imports (``xml.xsd``) from the schema's own directory."""

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self._directory = directory

    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        local = self._directory / url.rsplit("/", 1)[-1]
        if local.is_file():
            return self.resolve_filename(str(local), context)
        return None


@functools.lru_cache(maxsize=4)
def _schema(path: Path) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_SchemaResolver(path.parent))
    try:
        return etree.XMLSchema(etree.parse(str(path), parser))
    except (OSError, etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise SchemaError(f"cannot load the Akoma Ntoso schema {path}: {exc}") from None


def validate_akn(data: bytes, schema: str | Path | None = None) -> None:
    """Validate against the OASIS Akoma Ntoso 3.0 schema; raises SchemaError.

    ``schema`` defaults to :data:`SCHEMA_PATH` (``../shared`` beside the checkout).
    """
    path = Path(schema) if schema is not None else SCHEMA_PATH
    if not path.is_file():
        raise SchemaError(f"Akoma Ntoso schema not available at {path}")
    compiled = _schema(path.resolve())
    try:
        doc = parse_xml(data)
    except ParseError as exc:
        raise SchemaError(str(exc)) from None
    if not compiled.validate(doc):
        errors = "; ".join(
            f"line {e.line}: {e.message}" for e in list(compiled.error_log)[:3]
        )
        raise SchemaError(f"not valid Akoma Ntoso 3.0: {errors}")
