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
import re

import lxml.etree
import lxml.html

from treatydiff.errors import ParseError
from treatydiff.formats.encoding import decode
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

__all__ = ["extract_text", "parse_html"]

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
_BLANKS_RE = re.compile(r"\n(?:[ \t]*\n)+")


def _page_text(data: bytes | str, source: str | None) -> str:
    """The page as str: a BOM, else the declared charset, else detection."""
    if isinstance(data, str):
        return data
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
            if not codec.startswith(("utf-16", "utf-32")):
                return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    return decode(data, source=source)


def _class_words(el: lxml.html.HtmlElement) -> str:
    return " ".join(filter(None, (el.get("class"), el.get("id"))))


def _article_heads(el: lxml.html.HtmlElement) -> int:
    return len(_ARTICLE_HEAD_RE.findall(el.text_content()))


def _is_chrome(el: lxml.html.HtmlElement) -> bool:
    tag = el.tag
    if tag in _DROP_TAGS:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE_RE.search(el.get("style") or ""):
        return True
    chrome = (
        (tag in _CHROME_TAGS and el.xpath("not(ancestor::main or ancestor::article)"))
        or el.get("role") in _DROP_ROLES
        or any(_NOISE_RE.search(word) for word in _class_words(el).split())
    )
    return bool(chrome) and _article_heads(el) == 0


def _drop_chrome(root: lxml.html.HtmlElement) -> None:
    for el in [el for el in root.iter() if isinstance(el.tag, str) and _is_chrome(el)]:
        el.drop_tree()  # keeps the tail, which belongs to the parent


def _content(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element that holds the treaty."""
    body = root.find("body")
    body = root if body is None else body
    semantic = list(body.iter("main", "article"))
    semantic += [el for el in body.iter() if el.get("role") == "main"]
    blocks = list(body.iter("div", "section", "td"))
    counts = {el: _article_heads(el) for el in semantic + blocks}
    best = max(counts.values(), default=0)
    if best == 0:
        return semantic[0] if semantic else body
    size = {el: len(el.text_content()) for el in counts}
    held = [el for el in semantic if counts[el] == best]
    if held:
        return min(held, key=size.__getitem__)
    el = min((el for el in blocks if counts[el] == best), key=size.__getitem__)
    # Climb to take in a title and preamble kept beside the articles.
    parent = el.getparent()
    while parent is not None and parent is not body:
        extra = len(parent.text_content()) - size[el]
        if extra > 0.25 * size[el]:
            break
        el, parent = parent, parent.getparent()
        size[el] = len(el.text_content())
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


def _list_label(li: lxml.html.HtmlElement) -> str:
    """The number a browser would show before an ordered-list item."""
    parent = li.getparent()
    if parent is None or parent.tag != "ol":
        return ""
    kind = parent.get("type") or "1"
    try:
        start = int(parent.get("start") or 1)
    except ValueError:
        start = 1
    n = start + [c for c in parent if c.tag == "li"].index(li)
    if _LABEL_START_RE.match((li.text_content() or "") + " "):
        return ""
    if kind in "aA":
        letter = chr(ord("a") + (n - 1) % 26)
        return f"({letter.upper() if kind == 'A' else letter}) "
    if kind in "iI":
        numeral = int_to_roman(n)
        return f"({numeral.upper() if kind == 'I' else numeral}) "
    return f"{n}. "


def _lines(content: lxml.html.HtmlElement) -> str:
    parts: list[str] = []

    def text(value: str | None, pre: bool) -> None:
        if value:
            parts.append(value if pre else _SPACES_RE.sub(" ", value))

    def walk(el: lxml.html.HtmlElement, pre: bool) -> None:
        tag = el.tag
        pre = pre or tag == "pre"
        if tag == "br":
            parts.append("\n")
        elif tag in _BLOCKS:
            parts.append("\n\n")
        if tag == "li":
            parts.append(_list_label(el))
        text(el.text, pre)
        for child in el:
            walk(child, pre)
            text(child.tail, pre)
        if tag in _BLOCKS:
            parts.append("\n\n")
        elif tag in _CELLS:
            parts.append(" ")

    walk(content, False)
    lines = "\n".join(line.strip() for line in "".join(parts).split("\n"))
    return _BLANKS_RE.sub("\n\n", lines).strip() + "\n"


def extract_text(data: bytes | str, *, source: str | None = None) -> str:
    """The treaty text of an HTML page, without navigation, header and footer."""
    page = _XML_DECL_RE.sub("", _page_text(data, source))
    if not page.strip():
        raise ParseError("empty file", source=source)
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        root = lxml.html.document_fromstring(page, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ParseError(f"unreadable HTML: {exc}", source=source) from None
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
