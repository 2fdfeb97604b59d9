"""Treaty → plain text as published, the inverse of the plain-text parser.

Articles, divisions and points are written with the keywords and label
styles of the treaty's language in :mod:`treatydiff.vocabulary` (``Article 5``
/ ``Статья 5``, ``(a)`` / ``а)``); blocks are separated by blank lines, so the
parser reads the text back into the same treaty.
"""

from __future__ import annotations

from collections.abc import Iterator

from treatydiff.model import Division, Treaty
from treatydiff.vocabulary import ENGLISH, LANGUAGES

__all__ = ["to_text"]


def _division_events(
    divs: tuple[Division, ...], depth: int = 0
) -> Iterator[tuple[Division, str | None]]:
    """Each division (depth first) with the ref of the first article it holds."""
    for div in divs:
        children = list(_division_events(div.divisions, depth + 1))
        first = (
            div.articles[0]
            if div.articles
            else next((ref for _, ref in children if ref is not None), None)
        )
        yield div, first
        yield from children


def _heading_block(head: str, heading: str | None) -> str:
    return f"{head}\n{heading}" if heading else head


def to_text(treaty: Treaty) -> str:
    """Plain text that :func:`~treatydiff.formats.plaintext.parse` reads back unchanged.

    >>> from treatydiff.formats.plaintext import parse
    >>> t = parse("Article 1\\nScope\\n\\n1. It applies.")
    >>> print(to_text(t))
    Article 1
    Scope
    <BLANKLINE>
    1. It applies.
    <BLANKLINE>
    """
    lang = LANGUAGES.get(treaty.lang or "", ENGLISH)
    article = lang.article_words[0]
    point = lang.point_label + " {}"  # "(a) ...", "а) ..."
    blocks = [treaty.title] if treaty.title else []
    if treaty.preamble:  # one recital per line; blank lines keep them apart
        blocks.append(treaty.preamble.replace("\n", "\n\n"))
    pending: dict[str | None, list[Division]] = {}
    for div, first in _division_events(treaty.divisions):
        pending.setdefault(first, []).append(div)

    def heads(ref: str | None) -> None:
        for div in pending.pop(ref, []):
            head = (lang.division_word(div.kind) or div.kind).upper()
            blocks.append(
                _heading_block(f"{head} {div.num}" if div.num else head, div.heading)
            )

    for art in treaty.articles:
        heads(art.ref)
        blocks.append(_heading_block(f"{article} {art.num}", art.heading))
        for para in art.paragraphs:
            lines = []
            if para.num:
                label = f"{para.num}." if para.num.isdigit() else f"({para.num})"
                lines.append(f"{label} {para.text}".rstrip())
            elif para.text:
                lines.append(para.text)
            lines.extend(point.format(p.label, p.text) for p in para.points)
            if lines:
                blocks.append("\n".join(lines))
    for ref in list(pending):
        heads(ref)
    if treaty.closing:
        blocks.append(treaty.closing)
    return "\n\n".join(blocks) + "\n"
