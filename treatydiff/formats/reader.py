"""Read any treaty file: format (AKN, ToTA, HTML, plain text) and encoding from content.

The extension is never consulted. Markup is recognised by its first tag:
an HTML doctype or ``<html>``/``<head>``/``<body>`` goes to
:func:`treatydiff.formats.htmlpage.parse_html`; any other tag or doctype is XML,
read by :func:`read_xml` (``<akomaNtoso>`` or ToTA ``<treaty>``, anything
else is an error naming the root). Everything else is plain text:
:func:`~treatydiff.formats.encoding.decode` then
:func:`~treatydiff.formats.plaintext.parse`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import attrs
from lxml import etree

from treatydiff.errors import ParseError
from treatydiff.formats.akn import akn_to_treaty
from treatydiff.formats.encoding import BOMS, decode
from treatydiff.formats.fetch import download, is_url
from treatydiff.formats.htmlpage import parse_html
from treatydiff.formats.plaintext.parser import parse
from treatydiff.formats.safexml import parse_xml
from treatydiff.formats.tota import is_tota, tota_to_treaty
from treatydiff.model import Treaty

__all__ = ["detect", "read", "read_bytes", "read_url", "read_xml"]

# Leading XML declaration, comments, processing instructions and whitespace.
_PROLOG = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.IGNORECASE)
_XML = re.compile(r"<(?:!doctype\s|[^\W\d])", re.IGNORECASE)
_HEAD = 4096


def detect(data: bytes) -> str:
    """The format of treaty bytes: ``"xml"``, ``"html"`` or ``"text"``.

    >>> [detect(b"<?xml version='1.0'?><akomaNtoso/>"), detect(b"<!DOCTYPE html>")]
    ['xml', 'html']
    >>> detect("Статья 1".encode("utf-16"))
    'text'
    """
    head = _head_text(data[:_HEAD])
    start = _PROLOG.sub("", head, count=1)  # \A: only a prolog at the start
    if _HTML.match(start):
        return "html"
    return "xml" if _XML.match(start) else "text"


def _head_text(head: bytes) -> str:
    """Enough of the start of the file to see its first tag, whatever the encoding."""
    for bom, codec in BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, errors="ignore")
    if len(head) > 1 and (head[0] == 0) != (head[1] == 0):  # UTF-16 without BOM
        return head.decode(
            "utf-16-be" if head[0] == 0 else "utf-16-le", errors="ignore"
        )
    return head.decode("latin-1")


def read_xml(data: bytes, *, source: str | None = None) -> Treaty:
    """Read Akoma Ntoso or ToTA XML, chosen by the root element."""
    root = parse_xml(data, source=source)
    if etree.QName(root).localname == "akomaNtoso":
        return akn_to_treaty(root, source=source)
    if is_tota(root):
        return tota_to_treaty(root, source=source)
    raise ParseError(
        f"unknown XML root <{etree.QName(root).localname}> "
        "(expected Akoma Ntoso <akomaNtoso> or ToTA <treaty>)",
        source=source,
        line=root.sourceline,
    )


def read_bytes(
    data: bytes, *, source: str | None = None, lang: str | None = None
) -> Treaty:
    """Read treaty bytes of any supported format; ``lang`` overrides detection.

    ``source`` names the input in errors; for text and HTML its file stem is the id.
    """
    if not data.strip():
        raise ParseError("empty file", source=source)
    kind = detect(data)
    treaty_id = Path(source).stem if source else None
    try:
        if kind == "xml":
            treaty = read_xml(data, source=source)
            return attrs.evolve(treaty, lang=lang) if lang else treaty
        if kind == "html":
            return parse_html(data, id=treaty_id, lang=lang, source=source)
        text = decode(data, source=source)
        return parse(text, id=treaty_id, lang=lang, source=source)
    except ParseError as exc:
        if exc.source is None and source is not None:
            raise ParseError(exc.message, source=source, line=exc.line) from exc
        raise


def read(path: str | os.PathLike[str], *, lang: str | None = None) -> Treaty:
    """Read a treaty file of any supported format, or the page at an http(s)
    URL (downloaded and cached by :func:`~treatydiff.formats.fetch.download`);
    ``lang`` overrides detection.

    A missing or unreadable file raises the ``OSError`` (the CLI reports it);
    a page that cannot be downloaded, :class:`~treatydiff.errors.FetchError`.
    """
    if isinstance(path, str) and is_url(path):
        return read_url(path, lang=lang)
    return read_bytes(Path(path).read_bytes(), source=os.fspath(path), lang=lang)


def read_url(url: str, *, lang: str | None = None, refresh: bool = False) -> Treaty:
    """The treaty on the page at ``url`` (see :func:`read`); a page without
    articles raises :class:`ParseError` saying to pass a file instead."""
    page = download(url, refresh=refresh)
    try:
        return read_bytes(page.data, source=url, lang=lang)
    except ParseError as exc:
        raise ParseError(
            f"{exc.message}: the page is not a treaty text (or has changed); "
            "download the text by hand and pass the file",
            source=url,
        ) from exc
