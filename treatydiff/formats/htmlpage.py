"""A saved official treaty web page → the treaty text inside it → Treaty.

Government sites wrap a treaty in navigation, headers, footers, sidebars,
share buttons and cookie banners. :func:`extract_text` parses the page with
``lxml.html`` (no network, no entities, nothing executed), drops that chrome
(by tag, ARIA role and class/id words, never an element that holds article
headings), picks the element holding the treaty (``main``/``article``/
``role=main`` when they hold the article headings, else the block with most
of them), starts at its ``h1`` and turns block elements into lines:
paragraphs, headings and list items are separated by a blank line, ``br``
ends a line, table cells are joined by spaces.

>>> page = b"<html><body><nav>Home</nav><main><h1>Pact</h1>" \\
...        b"<p>Article 1</p><p>Peace shall reign.</p></main></body></html>"
>>> print(extract_text(page))
Pact
<BLANKLINE>
Article 1
<BLANKLINE>
Peace shall reign.
<BLANKLINE>
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections.abc import Iterator

import lxml.etree
import lxml.html

from treatydiff.errors import ParseError
from treatydiff.formats.encoding import decode, scrub
from treatydiff.formats.plaintext.parser import parse
from treatydiff.model import Treaty
from treatydiff.vocabulary import (
    LANGUAGES,
    Language,
    alternation,
    cased,
    int_to_roman,
    word_list,
)

__all__ = ["MAX_DEPTH", "extract_text", "parse_html"]

_DROP_TAGS = frozenset(
    word_list(
        "script style noscript template nav aside form iframe svg button select "
        "input textarea object embed canvas dialog menu head"
    )
)
_CHROME_TAGS = frozenset(("header", "footer"))
_DROP_ROLES = frozenset(
    word_list(
        "navigation banner contentinfo complementary search menu menubar toolbar "
        "dialog alertdialog"
    )
)
_NOISE_RE = re.compile(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|"
    r"cookies?|consent|gdpr|sidebar|footer|masthead|topbar|toolbar|skip|print|"
    r"subscribe|newsletter|related|tags|lang|languages|search|popup|modal|"
    r"pagination|pager|sr-only|visually-hidden)(?:$|[-_])",
    re.IGNORECASE,
)
_HIDDEN_STYLE_RE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE
)
_BLOCKS = frozenset(
    word_list(
        "p div h1 h2 h3 h4 h5 h6 li tr table ul ol dl dt dd blockquote section "
        "article main header footer pre address figure figcaption center hr caption"
    )
)
_CELLS = frozenset(("td", "th"))


def _number_word_re(lang: Language) -> str:
    """A number word of ``lang`` (an ordinal stem with its ending), any case."""
    ending = (
        rf"[{lang.letters}]{{0,{lang.number_ending}}}" if lang.number_ending else ""
    )
    return rf"(?i:{alternation(lang.numbers)}){ending}\b"


# An article heading (not a reference by abbreviation): a keyword, then a
# number in digits, Roman numerals or the keyword's language's words.
_ARTICLE_HEAD_RE = re.compile(
    "|".join(
        rf"(?:^|\s)(?:{alternation(v for w in lang.article_words for v in cased(w))})"
        rf"\s+(?:\d|[IVXLC]+\b|{_number_word_re(lang)})"
        for lang in LANGUAGES.values()
    )
)
# An item that prints its own label: "(a) ...", "1. ...", "b) ...".
_LABEL_START_RE = re.compile(r"\s*(?:\(\w{1,4}\)|\d{1,3}[.)]|\w{1,2}\))\s")
_CHARSET_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_XML_DECL_RE = re.compile(r"\A\s*<\?xml[^>]*\?>")
_SPACES_RE = re.compile(r"\s+")
# Codecs that decode ASCII as itself yet are no page encoding.
_UNTRUSTED_CODECS = frozenset(("utf-7", "punycode", "idna", "undefined"))
_PROBE = b'<meta charset="x"> Article 1.\n'
#: libxml2's nesting limit with ``huge_tree`` (256 without it).
MAX_DEPTH = 2048
_BLANKS_RE = re.compile(r"\n(?:[ \t]*\n)+")


def _page_text(data: bytes | str, source: str | None) -> str:
    """The page as str: a BOM, else the declared charset, else detection.

    A declared charset is trusted only when it is an ASCII-compatible text
    codec that decodes the whole page (not UTF-7, punycode, ``undefined``...).
    """
    if isinstance(data, str):
        return scrub(data)
    head = data[:4096]
    declared = _CHARSET_RE.search(head)
    if (
        declared
        and not head.startswith(
            (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        )
        and b"\x00" not in head
    ):
        name = (declared.group(1) or declared.group(2)).decode("ascii")
        try:
            codec = codecs.lookup(name).name
            if codec not in _UNTRUSTED_CODECS and _ascii_compatible(codec):
                return scrub(data.decode(codec))
        except (LookupError, UnicodeError):
            pass  # a wrong declaration: detect instead
    return decode(data, source=source)


def _ascii_compatible(codec: str) -> bool:
    try:
        return _PROBE.decode(codec) == _PROBE.decode("ascii")
    except (UnicodeError, LookupError):
        return False


def _class_words(el: lxml.html.HtmlElement) -> str:
    return " ".join(filter(None, (el.get("class"), el.get("id"))))


def _article_heads(el: lxml.html.HtmlElement) -> int:
    return len(_ARTICLE_HEAD_RE.findall(" ".join(el.itertext())))


def _is_chrome(el: lxml.html.HtmlElement) -> bool:
    tag = el.tag
    if tag in _DROP_TAGS:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE_RE.search(el.get("style") or ""):
        return True
    return _looks_chrome(el) and _article_heads(el) == 0


def _looks_chrome(el: lxml.html.HtmlElement) -> bool:
    """Header, footer, navigation or noise by tag, role or class words."""
    return bool(
        (
            el.tag in _CHROME_TAGS
            and el.xpath("not(ancestor::main or ancestor::article)")
        )
        or el.get("role") in _DROP_ROLES
        or any(_NOISE_RE.search(word) for word in _class_words(el).split())
    )


def _drop_chrome(root: lxml.html.HtmlElement) -> None:
    for el in [el for el in root.iter() if isinstance(el.tag, str) and _is_chrome(el)]:
        el.drop_tree()  # keeps the tail, which belongs to the parent


def _runs(root: lxml.html.HtmlElement) -> Iterator[tuple[str, object]]:
    """Document order without recursion: ``("start", el)``, ``("text", str)``
    and ``("end", el)`` events."""
    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(root, False)]
    while stack:
        el, done = stack.pop()
        if done:
            yield "end", el
            if el is not root and el.tail:
                yield "text", el.tail
            continue
        yield "start", el
        if el.text:
            yield "text", el.text
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))


_Counts = dict[lxml.html.HtmlElement, int]


def _measure(body: lxml.html.HtmlElement) -> tuple[_Counts, _Counts, _Counts]:
    """Article headings, all headings and text length of every element, in one
    linear pass.

    Headings are counted in the text of each block (never across a block
    boundary, so "faith.</p><h3>Article 2" counts). In the first count, those
    inside chrome-looking elements kept for their headings (a sidebar citing
    an article) do not count for the blocks around them.
    """
    heads: _Counts = {}
    every: _Counts = {}
    size: _Counts = {}
    stack: list[lxml.html.HtmlElement] = []
    owners: list[lxml.html.HtmlElement] = []  # open blocks and cells
    run: list[str] = []

    def flush() -> None:
        if run and owners:
            found = len(_ARTICLE_HEAD_RE.findall(" " + "".join(run)))
            heads[owners[-1]] = heads.get(owners[-1], 0) + found
            every[owners[-1]] = every.get(owners[-1], 0) + found
        run.clear()

    for event, value in _runs(body):
        if event == "text":
            assert isinstance(value, str)
            run.append(value)
            size[stack[-1]] = size.get(stack[-1], 0) + len(value)
            continue
        assert isinstance(value, lxml.html.HtmlElement)
        boundary = value is body or value.tag in _BLOCKS or value.tag in _CELLS
        if boundary:
            flush()
        if event == "start":
            stack.append(value)
            if boundary:
                owners.append(value)
            continue
        stack.pop()
        if boundary:
            owners.pop()
        if stack:
            parent = stack[-1]
            size[parent] = size.get(parent, 0) + size.get(value, 0)
            every[parent] = every.get(parent, 0) + every.get(value, 0)
            if not _looks_chrome(value):
                heads[parent] = heads.get(parent, 0) + heads.get(value, 0)
    return heads, every, size


def _content(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element that holds the treaty: the smallest holding most headings.

    The body is a candidate too, so articles in sibling blocks (one ``div``
    per article) are all kept.
    """
    body = root.find("body")
    body = root if body is None else body
    heads, every, size = _measure(body)
    semantic = list(body.iter("main", "article"))
    semantic += [el for el in body.iter() if el.get("role") == "main"]
    blocks = [*body.iter("div", "section", "td"), body]
    best = max((heads.get(el, 0) for el in semantic + blocks), default=0)
    if best == 0:
        return semantic[0] if semantic else body
    held = [el for el in semantic if heads.get(el, 0) == best]
    if held:
        return min(held, key=lambda el: size.get(el, 0))
    el = min(
        (el for el in blocks if heads.get(el, 0) == best),
        key=lambda el: size.get(el, 0),
    )
    # Climb to take in a title and preamble kept beside the articles (but
    # not a sidebar citing an article).
    parent = el.getparent()
    while el is not body and parent is not None and parent is not body:
        extra = size.get(parent, 0) - size.get(el, 0)
        if extra > 0.25 * size.get(el, 0) or every.get(parent, 0) > every[el]:
            break
        el, parent = parent, parent.getparent()
    return el


def _start_at_h1(content: lxml.html.HtmlElement) -> None:
    """Drop what precedes the page's main heading (dates, tags, print links)."""
    h1 = next(content.iter("h1"), None)
    if h1 is None:
        return
    node = h1
    while node is not content:
        parent = node.getparent()
        if parent is None:
            return
        for sibling in list(node.itersiblings(preceding=True)):
            parent.remove(sibling)
        parent.text = None
        node = parent


def _title_before(
    root: lxml.html.HtmlElement, content: lxml.html.HtmlElement
) -> str | None:
    """The page's ``h1`` when it sits above the treaty block, not inside it."""
    if next(content.iter("h1"), None) is not None:
        return None
    title = None
    for el in root.iter():
        if el is content:
            break
        if el.tag == "h1":
            title = " ".join(el.text_content().split()) or None
    return title


def _list_label(li: lxml.html.HtmlElement, n: int) -> str:
    """The label a browser would show before the ``n``-th item of an ``<ol>``."""
    parent = li.getparent()
    if parent is None or parent.tag != "ol":
        return ""
    kind = parent.get("type") or "1"
    with contextlib.suppress(ValueError):  # a bad start counts from 1
        n += int(parent.get("start") or 1) - 1
    if _LABEL_START_RE.match((li.text_content() or "") + " "):
        return ""
    if kind in "aA":
        letter = chr(ord("a") + (n - 1) % 26)
        return f"({letter.upper() if kind == 'A' else letter}) "
    if kind in "iI" and 0 < n < 4000:
        numeral = int_to_roman(n)
        return f"({numeral.upper() if kind == 'I' else numeral}) "
    return f"{n}. "


def _lines(content: lxml.html.HtmlElement) -> str:
    parts: list[str] = []
    pre = 0  # open <pre> elements
    items: dict[lxml.html.HtmlElement, int] = {}  # list items seen per list
    for event, value in _runs(content):
        if event == "text":
            assert isinstance(value, str)
            parts.append(value if pre else _SPACES_RE.sub(" ", value))
            continue
        assert isinstance(value, lxml.html.HtmlElement)
        tag = value.tag
        if event == "start":
            pre += tag == "pre"
            if tag == "br":
                parts.append("\n")
            elif tag in _BLOCKS:
                parts.append("\n\n")
            parent = value.getparent()
            if tag == "li" and parent is not None:
                items[parent] = n = items.get(parent, 0) + 1
                parts.append(_list_label(value, n))
            continue
        pre -= tag == "pre"
        if tag in _BLOCKS:
            parts.append("\n\n")
        elif tag in _CELLS:
            parts.append(" ")
    lines = "\n".join(line.strip() for line in "".join(parts).split("\n"))
    return _BLANKS_RE.sub("\n\n", lines).strip() + "\n"


# What XML refuses besides lone surrogates (:func:`_page_text` scrubs those).
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def extract_text(data: bytes | str, *, source: str | None = None) -> str:
    """The treaty text of an HTML page, without navigation, header and footer."""
    page = _XML_DECL_RE.sub("", _page_text(data, source))
    # Control characters carry nothing in HTML, and lxml refuses text with
    # them where a dropped element's tail joins its parent's.
    page = _NOT_XML_RE.sub("", page)
    if not page.strip():
        raise ParseError("empty file", source=source)
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=True
    )
    try:
        root = lxml.html.document_fromstring(page, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ParseError(f"unreadable HTML: {exc}", source=source) from None
    for entry in parser.error_log:
        if "Excessive depth" in entry.message:
            raise ParseError(
                f"HTML nested deeper than {MAX_DEPTH} elements: the parser stopped"
                " there and the rest of the page would be lost",
                source=source,
                line=entry.line or None,
            )
    _drop_chrome(root)
    content = _content(root)
    title = _title_before(root, content)
    _start_at_h1(content)
    text = _lines(content)
    if title:
        text = f"{title}\n\n{text}"
    if not text.strip():
        raise ParseError("no text found in the HTML page", source=source)
    return text


def parse_html(
    data: bytes | str,
    *,
    id: str | None = None,
    lang: str | None = None,
    source: str | None = None,
) -> Treaty:
    """Parse the treaty on an HTML page."""
    return parse(extract_text(data, source=source), id=id, lang=lang, source=source)
