"""ToTA (Texts of Trade Agreements) XML: ``<treaty><meta/><body><chapter><article>``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from treatydiff.errors import ParseError
from treatydiff.formats.safexml import element_text, parse_xml
from treatydiff.model import Article, Division, Paragraph, Treaty
from treatydiff.vocabulary import division_words

__all__ = ["is_tota", "read_tota", "tota_to_treaty"]

# Division keywords of the table languages, and of the corpus's Spanish and
# French texts, which no other reader meets.
_KINDS = {
    **{d.word.casefold(): d.kind for d in division_words()},
    "capítulo": "chapter",
    "capitulo": "chapter",
    "chapitre": "chapter",
    "título": "title",
    "titulo": "title",
    "titre": "title",
    "parte": "part",
    "partie": "part",
    "sección": "section",
    "seccion": "section",
}
# Any word starting "ART" in ToTA's printed article numbers: "ARTICLE",
# "ARTÍCULO", and the misspellings of the corpus ("ARTIICLE", "ARTCLE").
_ARTICLE_WORD = re.compile(r"^ART\w*\s*[-:.]?\s*", re.IGNORECASE)
_FILE = re.compile(r"pta_(\d+)")
_MAPPED = {"name", "language", "date_signed", "parties", "source"}
_LISTS = {"related_agreement_wto_id"}


def read_tota(data: bytes, *, source: str | None = None) -> Treaty:
    """Read a ToTA ``<treaty><meta/><body><chapter><article>`` file.

    Chapters become divisions (kind from their printed number: chapter, part,
    title, section). Unnumbered articles of the "Preamble" chapter (or of an
    unnamed first chapter) make the preamble, those of the "Conclusion"
    chapter (or an unnamed last chapter) the closing text; numbered articles
    there are body articles outside any division. Article refs are positions
    (``"1"``..``"n"``) among body articles; ``num`` is the printed number
    without the word "Article", ``heading`` the article's name. Each article's
    text is one paragraph with its original line breaks.
    """
    return tota_to_treaty(parse_xml(data, source=source), source=source)


def is_tota(root: etree._Element) -> bool:
    """Whether a parsed root is a ToTA ``<treaty>`` with ``<meta>`` and ``<body>``."""
    return (
        root.tag == "treaty"
        and root.find("meta") is not None
        and root.find("body") is not None
    )


def tota_to_treaty(root: etree._Element, *, source: str | None = None) -> Treaty:
    """The Treaty of a parsed ToTA root, as :func:`read_tota` describes."""
    meta, body = root.find("meta"), root.find("body")
    if not is_tota(root) or meta is None or body is None:
        missing = [f"<{tag}>" for tag in ("meta", "body") if root.find(tag) is None]
        found = (
            f"a <treaty> without {' or '.join(missing)}"
            if root.tag == "treaty"
            else f"<{root.tag!s}>"
        )
        raise ParseError(
            f"not a ToTA file: expected <treaty> with <meta> and <body>, got {found}",
            source=source,
            line=root.sourceline,
        )
    chapters = body.findall("chapter")
    preamble: list[str] = []
    closing: list[str] = []
    articles: list[Article] = []
    divisions: list[Division] = []
    # Articles in nested chapters belong to their top chapter; articles
    # directly under <body> to none (never dropped).
    index = -1
    for chapter in body:
        if chapter.tag == "chapter":
            index += 1
            role = _role(chapter, index, len(chapters))
            members = list(chapter.iter("article"))
        elif chapter.tag == "article":
            role, members = None, [chapter]
        else:
            continue
        refs = []
        for el in members:
            text, number = element_text(el), el.get("number")
            if role is not None and number is None:
                (preamble if role == "preamble" else closing).append(text)
                continue
            ref = str(len(articles) + 1)
            num = _ARTICLE_WORD.sub("", number or "").strip() or number or ref
            articles.append(
                Article(
                    num=num,
                    ref=ref,
                    heading=el.get("name"),
                    paragraphs=[Paragraph(text=text)],
                )
            )
            refs.append(ref)
        if refs and role is None and (chapter.get("name") or chapter.get("number")):
            kind, div_num = _division_num(chapter.get("number"))
            divisions.append(
                Division(
                    kind=kind, num=div_num, heading=chapter.get("name"), articles=refs
                )
            )
    fields = _meta(meta, source)
    return Treaty(
        preamble="\n\n".join(preamble) if preamble else None,
        closing="\n\n".join(closing) if closing else None,
        divisions=divisions,
        articles=articles,
        **fields,
    )


def _role(chapter: etree._Element, index: int, count: int) -> str | None:
    name = (chapter.get("name") or "").strip().casefold()
    if name == "preamble":
        return "preamble"
    if name == "conclusion":
        return "closing"
    if not name and not chapter.get("number") and count > 1:
        if index == 0:
            return "preamble"
        if index == count - 1:
            return "closing"
    return None


def _division_num(number: str | None) -> tuple[str, str | None]:
    if not number:
        return "chapter", None
    words = number.split()
    for i, word in enumerate(words):
        kind = _KINDS.get(word.casefold())
        if kind:
            rest = " ".join(words[:i] + words[i + 1 :])
            return kind, rest or None
    return "chapter", number


def _meta(meta: etree._Element, source: str | None) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    sources = []
    for el in meta:
        if not isinstance(el.tag, str):
            continue
        if el.tag == "source":
            sources.append(
                {
                    "lang": el.get("lang"),
                    "type": el.get("type"),
                    "url": element_text(el).strip(),
                }
            )
        elif el.tag == "parties_original":
            extra[el.tag] = [
                element_text(p).strip() for p in el.iterfind("partyisocode")
            ]
        elif el.tag in _LISTS:
            extra.setdefault(el.tag, []).append(element_text(el).strip())
        elif el.tag not in _MAPPED:
            extra[el.tag] = element_text(el).strip() or None
    extra["sources"] = sources
    lang = (meta.findtext("language") or "").strip() or None
    full = [s["url"] for s in sources if s["type"] == "full text"]
    own = [s["url"] for s in sources if s["type"] == "full text" and s["lang"] == lang]
    match = _FILE.search(Path(source).name) if source else None
    ident = (meta.findtext("treaty_identifier") or "").strip()
    if match:
        treaty_id = f"pta_{match.group(1)}"
    elif ident:
        treaty_id = f"pta_{ident}"
    else:
        treaty_id = Path(source).stem if source else "tota"
    return {
        "id": treaty_id,
        "title": (meta.findtext("name") or "").strip() or None,
        "parties": [
            element_text(p).strip() for p in meta.iterfind("parties/partyisocode")
        ],
        "signed_date": (meta.findtext("date_signed") or "").strip() or None,
        "lang": lang,
        "source": (own or full or [None])[0],
        "metadata": extra,
    }
