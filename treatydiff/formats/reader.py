"""Read any treaty file: format (AKN, ToTA, HTML, plain text) and encoding from content.

The extension is never consulted. Input is limited to :data:`MAX_BYTES`
(100 MB; the ``TREATYDIFF_MAX_BYTES`` environment variable or the
``max_bytes`` argument overrides it) and must be a regular file: a FIFO or a
device such as ``/dev/zero`` is refused rather than read without end.
Markup is recognised by its first tag: an HTML doctype or
``<html>``/``<head>``/``<body>`` goes to
:func:`treatydiff.formats.htmlpage.parse_html`; any other tag or doctype is
XML, read by :func:`read_xml` (``<akomaNtoso>`` or ToTA ``<treaty>``, anything
else is an error naming the root). Everything else is plain text:
:func:`~treatydiff.formats.encoding.decode` then
:func:`~treatydiff.formats.plaintext.parse`.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

import attrs
from lxml import etree

from treatydiff.errors import InvalidArgument, ParseError
from treatydiff.formats.akn import akn_to_treaty
from treatydiff.formats.encoding import BOMS, decode
from treatydiff.formats.safexml import parse_xml
from treatydiff.formats.tota import tota_to_treaty
from treatydiff.formats.urls import is_url
from treatydiff.model import Treaty

__all__ = [
    "MAX_BYTES",
    "detect",
    "read",
    "read_bytes",
    "read_file",
    "read_url",
    "read_xml",
    "shown_name",
]

# Leading XML declaration, comments, processing instructions and whitespace.
_PROLOG = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.IGNORECASE)
_XML = re.compile(r"<(?:!doctype\s|[^\W\d])", re.IGNORECASE)
_HEAD = 4096
_SPACE = re.compile(r"\s")
#: The default input size limit in bytes (``TREATYDIFF_MAX_BYTES`` overrides it).
MAX_BYTES = 100_000_000
_FILE_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def shown_name(path: str | os.PathLike[str]) -> str:
    """``path`` as it names the input in ids, errors and reports: bytes of a
    file name that are not UTF-8 (Python keeps them as lone surrogates, which
    no output can encode) become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def _limit(max_bytes: int | None) -> int:
    """``max_bytes``, else ``TREATYDIFF_MAX_BYTES``, else :data:`MAX_BYTES`."""
    if max_bytes is not None:
        return max_bytes
    value = os.environ.get("TREATYDIFF_MAX_BYTES", "")
    if not value:
        return MAX_BYTES
    try:
        return int(value)
    except ValueError:
        raise ParseError(
            f"TREATYDIFF_MAX_BYTES is not a number of bytes: {value!r}"
        ) from None


def _too_large(limit: int, source: str | None) -> ParseError:
    return ParseError(
        f"larger than the input limit of {limit:,} bytes"
        " (set TREATYDIFF_MAX_BYTES to raise it)",
        source=source,
    )


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
        treaty = akn_to_treaty(root, source=source)
    elif root.tag == "treaty":  # ToTA, or says which part it lacks
        treaty = tota_to_treaty(root, source=source)
    else:
        raise _unknown_root(root, source)
    if not treaty.articles:  # as for text: no articles is no treaty
        raise ParseError("no articles found in the XML body", source=source)
    return treaty


def _unknown_root(root: etree._Element, source: str | None) -> ParseError:
    return ParseError(
        f"unknown XML root <{etree.QName(root).localname}> "
        "(expected Akoma Ntoso <akomaNtoso> or ToTA <treaty>)",
        source=source,
        line=root.sourceline,
    )


def read_bytes(
    data: bytes,
    *,
    source: str | None = None,
    lang: str | None = None,
    max_bytes: int | None = None,
) -> Treaty:
    """Read treaty bytes of any supported format; ``lang`` overrides detection.

    ``source`` names the input in errors; for text and HTML its file stem is the id.
    """
    limit = _limit(max_bytes)
    if len(data) > limit:
        raise _too_large(limit, source)
    if not data.strip():
        raise ParseError("empty file", source=source)
    kind = detect(data)
    treaty_id = Path(source).stem if source else None
    try:
        if kind == "xml":
            treaty = read_xml(data, source=source)
            return attrs.evolve(treaty, lang=lang) if lang else treaty
        # The readers of web pages and plain text (their line patterns take
        # a command tens of milliseconds to compile) load with the first such file.
        if kind == "html":
            from treatydiff.formats.htmlpage import parse_html

            return parse_html(data, id=treaty_id, lang=lang, source=source)
        from treatydiff.formats.plaintext.parser import parse

        text = decode(data, source=source)
        return parse(text, id=treaty_id, lang=lang, source=source)
    except ParseError as exc:
        if exc.source is None and source is not None:
            raise ParseError(exc.message, source=source, line=exc.line) from exc
        raise


def read(
    path: str | os.PathLike[str],
    *,
    lang: str | None = None,
    max_bytes: int | None = None,
    id: str | None = None,
) -> Treaty:
    """Read a treaty file of any supported format, or the page at an http(s)
    URL (downloaded and cached by :func:`~treatydiff.formats.fetch.download`);
    ``lang`` overrides detection, ``id`` the id (by default the file's stem,
    or the one in the XML).

    A missing or unreadable file raises the ``OSError`` (the CLI reports it);
    what is not a regular file, or is larger than the limit, raises ParseError;
    a page that cannot be downloaded, :class:`~treatydiff.errors.FetchError`;
    an ``id`` that is empty or holds spaces or control characters,
    :class:`~treatydiff.errors.InvalidArgument`.
    """
    if id is not None and (not id or not id.isprintable() or _SPACE.search(id)):
        raise InvalidArgument(
            f"{id!r} is not a treaty id (it must be non-empty, without spaces)"
        )
    if isinstance(path, str) and is_url(path):
        treaty = read_url(path, lang=lang)
    else:
        source = shown_name(path)
        data = read_file(path, max_bytes=max_bytes)
        treaty = read_bytes(data, source=source, lang=lang, max_bytes=max_bytes)
    return treaty if id is None else attrs.evolve(treaty, id=id)


def read_file(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``, at most the size limit
    (see :func:`read` for the errors)."""
    source = shown_name(path)
    limit = _limit(max_bytes)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        for test, kind in _FILE_KINDS:
            if test(mode):
                raise ParseError(f"not a regular file ({kind})", source=source)
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = _read_upto(handle, limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise _too_large(limit, source)
    return data


def _read_upto(handle: BinaryIO, size: int) -> bytes:
    """At most ``size`` bytes of ``handle``, read in pieces: memory grows with
    what the file holds, not with the limit."""
    chunks = []
    while size > 0 and (chunk := handle.read(min(size, 1 << 20))):
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_url(url: str, *, lang: str | None = None, refresh: bool = False) -> Treaty:
    """The treaty on the page at ``url`` (see :func:`read`); a page without
    articles raises :class:`ParseError` saying to pass a file instead."""
    from treatydiff.formats.fetch import download  # the network modules, now

    page = download(url, refresh=refresh)
    try:
        return read_bytes(page.data, source=url, lang=lang)
    except ParseError as exc:
        raise ParseError(
            f"{exc.message}: the page is not a treaty text (or has changed); "
            "download the text by hand and pass the file",
            source=url,
        ) from exc
