"""Akoma Ntoso 3.0 → Treaty: documents we wrote exactly, others by structure.

Documents written by :func:`~treatydiff.formats.akn.to_akn` are read back exactly;
others from their structure and FRBR data.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
from lxml import etree

from treatydiff.errors import ParseError
from treatydiff.formats.akn.extras import read_article_extras, read_extras
from treatydiff.formats.akn.names import AKN as _A
from treatydiff.formats.akn.names import AKN_NS, DIV_EIDS, LANG2
from treatydiff.formats.akn.names import TD as _T
from treatydiff.formats.safexml import element_text, parse_xml
from treatydiff.model import Article, Division, Paragraph, Point, Treaty, unique_keys
from treatydiff.vocabulary import alternation, article_keywords, division_words

__all__ = ["akn_to_treaty", "read_akn"]

_DOC_TYPES = ("act", "bill", "doc", "statement", "portion", "amendment", "judgment")
# The keyword before a number as printed: "Article 5", "ст. 5", "Глава II".
_ARTICLE_WORD = re.compile(
    rf"^\s*(?:{alternation(article_keywords())})\s*", re.IGNORECASE
)
_DIVISION_WORD = re.compile(
    rf"^\s*(?:{alternation(d.word for d in division_words())})\s+", re.IGNORECASE
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
    paras = list(unique_keys(paras))  # a number printed twice is qualified
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
    elif this is not None and (value := this.get("value")):
        treaty_id = [s for s in value.split("/") if s and not s.startswith("!")][-1]
    else:
        treaty_id = Path(source).stem if source else "akn"
    date = work.find(_A + "FRBRdate") if work is not None else None
    lang = expr.find(_A + "FRBRlanguage") if expr is not None else None
    lang3 = None if lang is None else lang.get("language")
    return {
        "id": treaty_id,
        "lang": LANG2.get(lang3 or "", lang3),
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
        if name in DIV_EIDS or name == "hcontainer":
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
