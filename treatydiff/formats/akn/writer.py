"""Treaty → Akoma Ntoso 3.0: an ``<act name="treaty">`` valid under the OASIS schema.

Output holds FRBR identification, the title in ``<preface>``, ``<preamble>``, a
``<body>`` of articles (nested in parts/chapters/sections when the divisions
allow) with unique eIds (``art_4__para_1``), ``<conclusions>``, and in
``<meta><proprietary source="#treatydiff">`` (:mod:`treatydiff.formats.akn.extras`)
everything of the model that Akoma Ntoso has no place for, so that
``read_akn(to_akn(t)) == t``. Text is written one ``<p>`` per line.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable
from typing import TypeAlias
from urllib.parse import quote

from lxml import etree

from treatydiff.errors import InvalidArgument
from treatydiff.formats.akn.extras import sub_element as _sub
from treatydiff.formats.akn.extras import write_extras
from treatydiff.formats.akn.names import AKN as _A
from treatydiff.formats.akn.names import AKN_NS, DIV_EIDS, LANG3, TD_NS
from treatydiff.model import Article, Division, Treaty
from treatydiff.model.refs import num_to_ref

__all__ = ["to_akn"]

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
    characters) or metadata that is not strict JSON data (no NaN or Infinity).
    """
    try:
        metadata = json.dumps(
            dict(treaty.metadata), ensure_ascii=False, sort_keys=True, allow_nan=False
        )
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
    data: bytes = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )
    return data


def _write_identification(meta: etree._Element, treaty: Treaty) -> None:
    date, date_name = _frbr_date(treaty.signed_date)
    lang3 = LANG3.get(treaty.lang or "", treaty.lang or "und")
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

    def write(parent: etree._Element, items: list[_Item], prefix: str) -> None:
        for position, item in enumerate(items, 1):
            if isinstance(item, int):
                eids[item] = _write_article(
                    parent, treaty.articles[item], ids, item + 1
                )
                continue
            div, children = item
            tag = DIV_EIDS.get(div.kind)
            el = _sub(parent, _A + (div.kind if tag else "hcontainer"))
            if not tag:
                el.set("name", div.kind)
            eid = ids.make(f"{prefix}{tag or 'hcontainer'}_", div.num, position)
            el.set("eId", eid)
            if div.num is not None:
                _sub(el, _A + "num", div.num)
            if div.heading is not None:
                _sub(el, _A + "heading", div.heading)
            write(el, children, eid + "__")

    write(body, layout if layout is not None else list(range(len(treaty.articles))), "")
    return eids


# A body item: an article index, or a division with the items it holds.
_Item: TypeAlias = "int | tuple[Division, list[_Item]]"


def _layout(treaty: Treaty) -> list[_Item] | None:
    """Body items (article indexes and ``(division, items)``) in document order,
    or None when the divisions are not a nesting of contiguous article runs."""
    index = {art.ref: i for i, art in enumerate(treaty.articles)}
    if len(index) != len(treaty.articles):
        return None

    def items(divs: Iterable[Division], refs: Iterable[str]) -> list[_Item] | None:
        out: list[_Item] = []
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


def _first(item: _Item) -> int:
    return item if isinstance(item, int) else _first(item[1][0])


def _flatten(items: list[_Item]) -> list[int]:
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
