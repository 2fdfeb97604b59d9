"""Safe XML parsing shared by the Akoma Ntoso and ToTA modules.

Every document goes through one lxml parser that never resolves entities,
loads a DTD or touches the network, so XXE and "billion laughs" inputs are
inert: entity references stay unexpanded and :func:`element_text` drops them.
:mod:`treatydiff.formats.akn` and :mod:`treatydiff.formats.tota` build on this module;
:func:`treatydiff.formats.reader.read_xml` picks between them by the root element.
"""

from __future__ import annotations

import re

from lxml import etree

from treatydiff.errors import ParseError

__all__ = ["element_text", "parse_xml"]

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)
_LINE_INFO = re.compile(r",? line \d+, column \d+$")


def parse_xml(data: bytes, *, source: str | None = None) -> etree._Element:
    """Parse untrusted XML safely; malformed input raises ParseError with its line."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        message = _LINE_INFO.sub("", exc.msg or "not well-formed")
        raise ParseError(
            f"malformed XML: {message}", source=source, line=exc.lineno or None
        ) from None
    if root is None:
        raise ParseError("no XML root element", source=source)
    return root


def element_text(el: etree._Element) -> str:
    """Text of an element and its descendants; entity references are skipped."""
    if not len(el):
        return el.text or ""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            parts.append(element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
