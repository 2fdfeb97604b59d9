"""Plain text as published (English, Russian) → :class:`~treatydiff.model.Treaty`.

:func:`parse` reads the text once, top to bottom, with the line recognisers
of :mod:`~treatydiff.formats.plaintext.recognisers`
(:func:`~treatydiff.formats.plaintext.writer.to_text` writes it
back). A line that looks like a heading (``Article 5``, ``CHAPTER II``,
``2.``, ``(b)``) becomes structure only when the evidence agrees: the number
is the next one expected (``5`` after ``4``, ``3.1`` after ``2.7``, ``201``
after ``105``, ``1`` after a chapter heading), what follows the number is the
end of the line, a separator or a capitalised heading (not ``of this
Agreement`` or ``shall``), the line after it does not continue a sentence,
and the previous line finished one. Everything else is text, so a
cross-reference broken onto the start of a line never starts an article. Text
that runs sentences on across blank lines (double-spaced OCR) is detected,
and blank lines then count for nothing.

What the parser guarantees:

* whitespace inside a line is folded to single spaces; the wrapped lines of a
  paragraph or point are joined with one space; page numbers (``- 12 -``)
  are dropped;
* a paragraph's ``text`` holds its own words without its number, points
  follow in ``points`` with their label without brackets (``"a"``, ``"б"``);
* a blank line starts a new unnumbered paragraph only after a finished
  sentence and in an article without numbered paragraphs (elsewhere it is a
  wrapped continuation);
* preamble recitals and closing lines are kept one per line (``"\\n"``).

>>> t = parse("Article 1\\nScope\\n\\n1. It applies to trade.\\n2. It ends.")
>>> [(a.ref, a.heading, [p.num for p in a.paragraphs]) for a in t.articles]
[('1', 'Scope', ['1', '2'])]
>>> t = parse("Article 1\\nSee Article 4\\nArticle 5 of the Charter.")
>>> [a.ref for a in t.articles]
['1']
"""

from __future__ import annotations

import re
from pathlib import PurePath

from treatydiff.errors import ParseError
from treatydiff.formats.encoding import scrub
from treatydiff.formats.plaintext.recognisers import (
    CAP,
    CONT,
    DIV_NUM_RE,
    EMPTY,
    JOIN_WORDS,
    KINDS,
    LEAD_WORDS,
    LINE_RE,
    PARA_END_RE,
    PAREN,
    POINT_CONT_RE,
    RECITAL_END_RE,
    REF_NOUN_RE,
    REF_TAILS,
    REST_SCORES,
    SENT_END_RE,
    SEP,
    annex_heading,
    article_number,
    capitalised,
    dangles,
    heading_like,
    is_blank,
    last_word,
    next_label,
    number_words,
    ocr_closing,
    rest_kind,
    sentence_like,
    signature_opens,
    starts_upper,
)
from treatydiff.model import Article, Division, Paragraph, Point, Treaty
from treatydiff.model.refs import num_to_ref
from treatydiff.vocabulary import (
    article_keywords,
    cased,
    language_of,
    main_language,
)

__all__ = ["parse"]

# A sentence running on across a blank line: "... of the\n\nParties" is not it,
# "... of\n\nthe Parties" is.
_LOOSE_RE = re.compile(r"\w[ \t]*\n[ \t]*\n\s*[a-zа-яё]")
_DIGITS = frozenset("0123456789")
# A point label opening a line: "(a) ", "a) ", "(iv) ", "i. " (or "l. ", an OCR'd 1).
_POINT_RE = re.compile(
    r"(?:\([a-z]{1,2}\)|[a-z]{1,2}\)|(?:[ivx]{1,5}|[a-hl])\.)(?:\s|$)"
)
# Paragraph 1 opening inside a line: "... Tariff Treatment 1. The customs".
_PARA_ONE_RE = re.compile(r" (?:1[.)]|\(1\)) +(?=[A-Z«\"“(])")
# A sentence finished (not a colon or semicolon, which a list follows); OCR may
# leave a stray dot after it ("States. ·").
_DONE_RE = re.compile(r"[.!?][\"'»”’)\]]*(?: ·)?$")
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# Lines that open an article (not by abbreviation) make a division heading likelier.
_ARTICLE_STARTS = tuple(
    v for word in article_keywords(abbreviations=False) for v in cased(word)
)


def _set_apart(heading: str) -> bool:
    """In capitals, or every word capitalised ("PROHIBITION OF RESTRICTIONS",
    "Promotion Of Science And Technology"; not "The Annex and Protocols",
    which may open a sentence): a heading, whatever line follows it."""
    words = [w for w in heading.split() if w[0].isalpha()]
    return len(words) >= 2 and (heading.isupper() or all(w[0].isupper() for w in words))


def _closes(line: str) -> bool:
    """The line opens with a closing formula, as printed or damaged by OCR."""
    m = LINE_RE.match(line)
    return (m is not None and m.lastgroup == "close") or ocr_closing(line)


# --- builders -----------------------------------------------------------------


class _Pt:
    __slots__ = ("label", "parts")

    def __init__(self, label: str, first: str) -> None:
        self.label = label
        self.parts = [first] if first else []


class _Para:
    __slots__ = ("num", "parts", "points")

    def __init__(self, num: str | None, first: str) -> None:
        self.num = num
        self.parts = [first] if first else []
        self.points: list[_Pt] = []


class _Art:
    __slots__ = ("heading", "last_para", "num", "para_style", "paras", "ref", "value")

    def __init__(self, num: str, value: tuple[int, ...]) -> None:
        self.num = num
        ref = num_to_ref(num)
        self.ref = ref if ref[:1].isdigit() else str(value[0])  # "ONE" → "1"
        self.value = value
        self.heading: str | None = None
        self.paras: list[_Para] = []
        self.last_para = 0
        self.para_style = ""

    def build(self) -> Article:
        return Article(
            num=self.num,
            ref=self.ref,
            heading=self.heading,
            paragraphs=[
                Paragraph(
                    num=p.num,
                    text=" ".join(p.parts),
                    points=[Point(t.label, " ".join(t.parts)) for t in p.points],
                )
                for p in self.paras
            ],
        )


class _Div:
    __slots__ = ("articles", "children", "heading", "kind", "level", "num")

    def __init__(self, kind: str, level: int, num: str) -> None:
        self.kind, self.level, self.num = kind, level, num
        self.heading: str | None = None
        self.articles: list[str] = []
        self.children: list[_Div] = []

    def build(self) -> Division:
        return Division(
            kind=self.kind,
            num=self.num,
            heading=self.heading,
            articles=self.articles,
            divisions=[c.build() for c in self.children],
        )


# --- the parser ---------------------------------------------------------------


class _Parser:
    """One pass over the lines; state is the open article, division and text."""

    def __init__(self, lines: list[str], *, loose: bool) -> None:
        self.lines = lines
        self.loose = loose  # sentences run on across blank lines (OCR double spacing)
        # Lines before the first heading, each with "a blank line came before".
        self.pre: list[tuple[str, bool]] = []
        self.arts: list[_Art] = []
        self.refs: set[str] = set()
        self.art: _Art | None = None
        self.divs: list[_Div] = []  # top level
        self.stack: list[_Div] = []  # open divisions, outermost first
        self.prev = ""  # previous non-blank line
        self.gap = True  # a blank line (or the start) since ``prev``
        self.struct = True  # ``prev`` was a heading
        self.closing: list[str] = []
        self.new_division = False  # a division heading since the last article

    # signals -------------------------------------------------------------
    def _boundary_score(self) -> int:
        """+1 after a heading or a finished sentence; below zero mid-sentence.

        A blank line alone proves little (OCR text often has one after every
        line): it only softens an unfinished sentence.
        """
        prev = self.prev[-40:]
        if self.struct or SENT_END_RE.search(prev):
            return 1
        lead = REF_NOUN_RE.search(prev) is not None or last_word(prev) in LEAD_WORDS
        if not self.gap:
            return -4 if lead else -1
        if not self.arts and not self.divs:
            return 0  # the title block may end anyhow ("... on Trade in")
        return -2 if lead else 0

    def _dangling(self, *, nouns_only: bool) -> bool:
        """The previous line leaves a reference open ("... paragraph\n2. of")."""
        if self.struct:
            return False
        prev = self.prev[-40:]
        if REF_NOUN_RE.search(prev):
            return True
        return not nouns_only and last_word(prev) in LEAD_WORDS

    def _next_text(self, i: int) -> tuple[int, str]:
        """The next line after ``i`` with text (not a page number) and its index."""
        lines = self.lines
        for j in range(i + 1, len(lines)):
            if not is_blank(lines[j]):
                return j, lines[j]
        return len(lines), ""

    def _continues(self, j: int) -> bool:
        """The text after line ``j`` starts in lower case, not with a point
        label ("(a)", "i."): ``j`` is mid-sentence."""
        nxt = self._next_text(j)[1]
        if _POINT_RE.match(nxt):
            return False
        nxt = nxt.lstrip("(«\"“'")
        return bool(nxt) and nxt[0].islower()

    def _is_heading(self, text: str, j: int, *, article: bool = False) -> bool:
        """``text`` (ending on line ``j``) reads as a heading, not a wrapped sentence.

        Text that runs straight on into a plain line (no blank line, no
        number or label) must also not look like part of a sentence; nor may
        an article's heading that only the next article heading follows.
        """
        if not heading_like(text, long=article):
            return False
        # "DEFINITIONS:" may open a list of defined terms, and an article
        # heading set apart stays one over a cut sentence
        if self._continues(j) and not (
            (text[-1] == ":" and capitalised(text)) or (article and _set_apart(text))
        ):
            return False
        nxt = self.lines[j + 1] if j + 1 < len(self.lines) else ""
        if not nxt:
            after = self._next_text(j)[1]
            starts = LINE_RE.match(after)
            # Blank lines mean nothing in double-spaced text.
            if self.loose or (article and starts and starts.lastgroup == "art"):
                nxt = after
        follows = LINE_RE.match(nxt)
        if not nxt or (follows and follows.lastgroup == "label"):
            return True
        if article and _set_apart(text):
            return True  # set apart, even on "... IN ACCORDANCE WITH" over "the ..."
        return not (dangles(text) or sentence_like(text))

    def _heading_at(self, i: int, *, article: bool = False) -> tuple[str | None, int]:
        """A heading on the lines after ``i``: (heading, last line used). An
        article's may be its number in another numbering, out of sequence
        ("Article CXI" over "ARTICLE 13.5")."""
        j, line = self._next_text(i)
        if article and self._other_number(j, line):
            return line, j
        if not line or not heading_like(line, long=article):
            return None, i
        return self._heading_from(line, j, i, article=article)

    def _other_number(self, j: int, line: str) -> bool:
        """Line ``j`` is an article heading alone on its line that cannot
        start the next article, and no repeat of the open one's."""
        m = LINE_RE.match(line)
        if m is None or m.lastgroup != "art":
            return False
        number = article_number(line, m.end(), language_of(m.group("art")))
        return (
            number is not None
            and number[1] != self.arts[-1].value
            and rest_kind(line[number[2] :])[0] == EMPTY
            and self._article_candidate(j, m) is None
        )

    def _heading_from(
        self, first: str, j: int, i: int, *, article: bool = False
    ) -> tuple[str | None, int]:
        """The heading that ``first`` (line ``j``) opens, with the lines that
        continue it: (heading, last line used), or (``None``, ``i``).

        A continuation in lower case that runs on into paragraph 1 ("and Tariff
        Treatment 1. The customs ...", a heading's second line glued to the
        text) ends the heading there; the rest of its line is text.
        """
        parts, start = [first], j
        split: tuple[int, str] | None = None  # (line, its text before the cut)
        while len(parts) < 3:
            k = j + 1  # the next line; in double-spaced text, the next with text
            if self.loose and k < len(self.lines) and not self.lines[k]:
                k = self._next_text(j)[0]
            nxt = self.lines[k] if k < len(self.lines) else ""
            # "TRADE IN" + "GOODS", "Cooperation in the Field" + "of Science";
            # not "GENERAL" + "Scope".
            if (
                not nxt
                or _POINT_RE.match(nxt)
                or not (
                    last_word(parts[-1]) in JOIN_WORDS
                    or (parts[-1].isupper() and nxt.isupper())
                    or nxt[0].islower()
                )
            ):
                break
            cut = _PARA_ONE_RE.search(nxt) if article else None
            if cut and not heading_like(nxt):
                head, rest = nxt[: cut.start()], nxt[cut.start() + 1 :]
                joined = f"{' '.join(parts)} {head}"
                if (
                    heading_like(joined, long=article)
                    and heading_like(head[0].upper() + head[1:])
                    and not sentence_like(joined)
                ):
                    split = k, nxt
                    self.lines[k] = rest
                    parts.append(head)
                    j = k - 1
                break
            joined = f"{' '.join(parts)} {nxt}"
            if not (
                heading_like(nxt[0].upper() + nxt[1:])
                and heading_like(joined, long=article)
            ):
                break
            parts.append(nxt)
            j = k
        heading = " ".join(parts)
        if self._is_heading(heading, j, article=article):
            return heading, j
        if split:
            self.lines[split[0]] = split[1]
        if (
            len(parts) > 1
            and article
            and _set_apart(first)
            and self._is_heading(first, start, article=True)
        ):
            # "PROHIBITION OF RESTRICTIONS" over a cut sentence ("on imports
            # and ..."): the heading, and never joined to the sentence
            return first, start
        return None, i

    def _finished(self) -> bool:
        """The previous line finished a sentence."""
        return _DONE_RE.search(self.prev[-5:]) is not None

    def _signs_off(self, i: int) -> bool:
        """Line ``i`` opens the signature blocks or the closing after a
        finished sentence: a signature line, or lines of names and titles
        before one ("Vice Minister of Commerce" over "For the Government of
        ..."), or before a closing formula (a place in a language the
        vocabulary lacks, "Sporządzono w Brukseli," over "Done at Brussels");
        a rule ("******", "____") may stand between."""
        if not self._finished():
            return False
        j, line = i, self.lines[i]
        for _ in range(5):
            if signature_opens(line) or (j > i and _closes(line)):
                return True
            rule = not any(c.isalnum() for c in line)
            if not (rule or capitalised(line)) or SENT_END_RE.search(line):
                return False
            j, line = self._next_text(j)
            if not line:
                return False
        return False

    def _closing_opens(self, i: int) -> bool:
        """Line ``i``, which no line pattern matched, opens the closing: a
        closing formula damaged by OCR or printed a word a line, signature
        blocks, or an annex or protocol after a finished sentence."""
        line = self.lines[i]
        return (
            ocr_closing(line)
            or self._signs_off(i)
            or (line.count(" ") < 2 and self._closes_in_pieces(i))
            or (annex_heading(line) and self._finished())
        )

    def _closes_in_pieces(self, i: int) -> bool:
        """Line ``i`` opens a closing formula printed a word or two a line
        ("IN" over "WITNESS" over "WHEREOF": justified type read back)."""
        j, line = i, self.lines[i]
        pieces: list[str] = []
        while len(pieces) < 4 and line and line.count(" ") < 2:
            pieces.append(line)
            j, line = self._next_text(j)
        return len(pieces) > 1 and _closes(" ".join([*pieces, line]))

    # articles --------------------------------------------------------------
    def _article_candidate(
        self, i: int, m: re.Match[str]
    ) -> tuple[str, tuple[int, ...], str, str] | None:
        """(num, value, rest kind, rest text) when line ``i`` starts an article."""
        line = self.lines[i]
        keyword = m.group("art")
        number = article_number(line, m.end(), language_of(keyword))
        if number is None:
            return None
        num, value, end = number
        kind, text = rest_kind(line[end:])
        suffix = num[:1].isdigit() and num[-1] not in _DIGITS  # "5 bis", "9a", "12¹"
        score = self._sequence_score(value, suffix=suffix)
        boundary = self._boundary_score()
        if kind == CONT and score == 2 and boundary > 0 and line[end:].startswith(". "):
            # "Article 5. central level of government means: ...": the next
            # number after a finished sentence, its text a defined term.
            kind = SEP
        if kind in (EMPTY, PAREN):
            # Alone on its line after a blank line and next in sequence: a
            # heading even when the text before it was cut off mid-sentence,
            # unless a full stop ends the reference ("... referred to in\n\n
            # Article 5.").
            if line[end:].strip() == ".":
                boundary = -4 if boundary < 0 else boundary
            elif self.gap and score == 2:
                boundary = max(boundary, 0)
            _, nxt = self._next_text(i)
            if nxt and nxt[0].islower():
                # "Article 5\nof this Treaty", "Статья 5\nнастоящего Договора"
                first = nxt.split(None, 1)[0].lower()
                score -= 5 if first in REF_TAILS or first.startswith("настоящ") else 3
        score += REST_SCORES[kind] + keyword.isupper() + boundary
        return (num, value, kind, text) if score >= 2 else None

    def _sequence_score(self, value: tuple[int, ...], *, suffix: bool = False) -> int:
        """+2 for the next number (5 after 4, 3.1 after 2.7, 4 bis after 4, 9b
        after 9a, 12.1 inserted after 12 and 13 after it, 201 after 105, 1 after
        a chapter heading), 0 for a small gap, below zero for a big jump or a
        step back."""
        if not self.arts:
            return 2 if value[-1] == 1 else 0
        if self.new_division and value == (1,):
            return 2  # numbering restarts in each chapter
        last = self.arts[-1].value
        if suffix and value == last:
            return 2
        if len(value) == len(last) + 1 and value[:-1] == last and value[-1] == 1:
            return 2  # an inserted article: 12.1 after 12
        if value <= last:
            return -3
        if (
            len(value) + 1 == len(last)
            and value[:-1] == last[:-2]
            and value[-1] == last[-2] + 1
            and any(a.value == last[:-1] for a in self.arts)
        ):
            return 2  # back from the inserts: 13 after 12.1 after 12
        if len(value) != len(last):
            return -1
        head, prev_head = value[:-1], last[:-1]
        if not head and value[0] % 100 == 1 and value[0] // 100 == last[0] // 100 + 1:
            return 2  # chapter-numbered by hundreds: 201 after 105
        if head == prev_head:
            jump = value[-1] - last[-1]
            return 2 if jump == 1 else 0 if jump <= 3 else -1 if jump <= 10 else -3
        if value[-1] == 1:  # a new chapter: 3.1 after 2.7
            return 2 if head[-1] == prev_head[-1] + 1 else 0
        return -1

    def _unique_ref(self, ref: str) -> str:
        """``ref``, or when an earlier article took it (numbering that restarts
        in each chapter) ``<division number>-<ref>``, else ``<ref>-<n>``."""
        taken = self.refs
        candidate = ref
        if candidate in taken and self.stack and self.stack[-1].num:
            candidate = f"{num_to_ref(self.stack[-1].num)}-{ref}"
        n = 2
        while candidate in taken:
            candidate = f"{ref}-{n}"
            n += 1
        taken.add(candidate)
        return candidate

    def _start_article(
        self, i: int, cand: tuple[str, tuple[int, ...], str, str]
    ) -> int:
        num, value, kind, text = cand
        art = _Art(num, value)
        art.ref = self._unique_ref(art.ref)
        self.arts.append(art)
        self.new_division = False
        self.art = art
        if self.stack:
            self.stack[-1].articles.append(art.ref)
        self._mark_struct()
        if kind == EMPTY:
            art.heading, i = self._heading_at(i, article=True)
        else:
            art.heading, i = self._heading_from(text, i, i, article=True)
            if art.heading is None:
                self._line(text)
        return i

    # divisions -------------------------------------------------------------
    def _division(self, i: int, m: re.Match[str]) -> int | None:
        line = self.lines[i]
        keyword = m.group("div").strip()
        kind, level = KINDS[keyword.upper()]
        num_m = DIV_NUM_RE.match(line, m.end())
        if num_m:
            num, end = num_m.group(0).strip().rstrip(")"), num_m.end()
        else:
            words = number_words(line, m.end(), language_of(keyword))
            if words is None:
                return None
            num, _, end = words
        rest, text = rest_kind(line[end:])
        if rest != EMPTY and not heading_like(text):
            return None  # "Chapter 20 (Dispute Settlement) shall not apply ..."
        if num_m and num_m.group(3) and rest not in (EMPTY, SEP):
            return None  # "Section A Party ..." is a sentence
        score = REST_SCORES[rest]
        if rest == CAP and text.isupper():
            score += 1
        score += keyword.isupper() + self._boundary_score()
        if rest == EMPTY:
            nxt = self._next_text(i)[1]
            if nxt and nxt[0].islower():
                score -= 3
            elif (nxt and nxt.isupper() and heading_like(nxt)) or nxt.startswith(
                _ARTICLE_STARTS
            ):
                score += 1
        if score < 2:
            return None
        div = _Div(kind, level, num)
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        (self.stack[-1].children if self.stack else self.divs).append(div)
        self.stack.append(div)
        self.new_division = True
        self._mark_struct()
        if rest == EMPTY:
            div.heading, i = self._heading_at(i)
        else:
            div.heading = text
        return i

    # paragraphs and points -------------------------------------------------
    def _label(self, line: str, m: re.Match[str]) -> bool:
        art = self.art
        assert art is not None
        token = m.group("label")
        inner = token.strip("().")
        rest = line[m.end() :].lstrip()
        if inner.isdigit():
            style = token[0] if token[0] == "(" else token[-1]
            if (
                int(inner) != art.last_para + 1
                or (art.para_style and style != art.para_style)
                or self._dangling(nouns_only=False)
                or (not rest and self._boundary_score() < 1)  # "... статьями 2 и\n3."
            ):
                return False
            art.paras.append(_Para(inner, rest))
            art.last_para += 1
            art.para_style = style
            return True
        para = art.paras[-1] if art.paras else None
        if para is None or not para.points:
            ok = inner in ("a", "а", "i")
        else:
            ok = inner == next_label(para.points[0].label, para.points[-1].label)
        if not ok or POINT_CONT_RE.match(rest) or self._dangling(nouns_only=True):
            return False
        if para is None:
            para = _Para(None, "")
            art.paras.append(para)
        para.points.append(_Pt(inner, rest))
        return True

    def _text(self, line: str) -> None:
        art = self.art
        if art is None:
            self.pre.append((line, self.gap or self.struct))
            return
        para = art.paras[-1] if art.paras else None
        if para is None or (
            self.gap
            and not art.last_para
            and PARA_END_RE.search(self.prev[-4:])
            and starts_upper(line)
        ):
            art.paras.append(_Para(None, line))
            return
        (para.points[-1] if para.points else para).parts.append(line)

    def _line(self, line: str) -> None:
        """A line of article text: a numbered paragraph, a point or plain text."""
        m = LINE_RE.match(line)
        if not (m and m.lastgroup == "label" and self._label(line, m)):
            self._text(line)
        self.prev, self.gap, self.struct = line, False, False

    def _mark_struct(self) -> None:
        self.gap, self.struct = False, True

    # main loop -------------------------------------------------------------
    def run(self) -> None:
        lines = self.lines
        n = len(lines)
        i = 0
        closing_at: int | None = None
        closing_state = (self.prev, self.gap, self.struct)
        no_close_before = 0
        while i < n:
            line = lines[i]
            if is_blank(line):
                self.gap = True
                i += 1
                continue
            m = LINE_RE.match(line)
            group = m.lastgroup if m else None
            if closing_at is not None:
                # A closing formula followed by the next article was not the closing.
                if m and group == "art":
                    cand = self._article_candidate(i, m)
                    if cand and self._sequence_score(cand[1]) == 2:
                        no_close_before = i
                        i, closing_at = closing_at, None
                        self.prev, self.gap, self.struct = closing_state
                        continue
                self.prev, self.gap, self.struct = line, False, False
                i += 1
                continue
            if m and group == "art":
                cand = self._article_candidate(i, m)
                if cand:
                    i = self._start_article(i, cand) + 1
                    continue
            elif m and group == "div":
                end = self._division(i, m)
                if end is not None:
                    i = end + 1
                    continue
            elif (
                self.art is not None
                and self.art.paras  # an article is never empty
                and i >= no_close_before
                and (group == "close" or (m is None and self._closing_opens(i)))
                and self._boundary_score() >= 0
            ):
                closing_at, closing_state = i, (self.prev, self.gap, self.struct)
                continue
            if self.art is None:
                self._text(line)
                self.prev, self.gap, self.struct = line, False, False
            else:
                self._line(line)
            i += 1
        if closing_at is not None:
            self.closing = [x for x in lines[closing_at:] if not is_blank(x)]


def _title_and_preamble(
    pre: list[tuple[str, bool]], *, loose: bool
) -> tuple[str | None, str | None]:
    """Split the lines before the first heading into title and preamble.

    The title is the first block of lines (up to a blank line, which means
    nothing in double-spaced text) when it reads as one.
    """
    if not pre:
        return None, None
    block = [pre[0][0]]
    for line, gap in pre[1:]:
        if gap and not loose:
            break
        block.append(line)
    if len(block) <= 6 and not any(
        SENT_END_RE.search(x) or x[-1] == "," for x in block
    ):
        title = block
    else:
        title = []
        for line in block:
            if not line.isupper():
                break
            title.append(line)
        if not title:
            for line in block:
                if SENT_END_RE.search(line) or line[-1] == ",":
                    break
                title.append(line)
            if len(title) < len(block) and block[len(title)][0].islower():
                title = title[:-1]
            title = title if len(title) <= 4 else []
    units: list[list[str]] = []
    prev = ""
    for line, gap in pre[len(title) :]:
        starts = gap and not loose
        if not units or starts or (RECITAL_END_RE.search(prev) and starts_upper(line)):
            units.append([])
        units[-1].append(line)
        prev = line
    preamble = "\n".join(" ".join(u) for u in units) or None
    return (" ".join(title) or None), preamble


def parse(
    text: str,
    *,
    id: str | None = None,
    lang: str | None = None,
    source: str | None = None,
) -> Treaty:
    """Parse a treaty published as plain text into articles, paragraphs and points.

    ``id`` defaults to the stem of ``source``, else ``"treaty"``; ``lang`` to
    :func:`~treatydiff.vocabulary.main_language`. Raises
    :class:`~treatydiff.errors.ParseError` for empty text and for text without
    any article heading.
    """
    text = scrub(text)  # lone surrogates: U+FFFD, so every output can encode it
    lines = [" ".join(raw.split()) for raw in _INVISIBLE_RE.sub("", text).splitlines()]
    if not any(lines):
        raise ParseError("empty text: nothing to parse", source=source)
    parser = _Parser(lines, loose=len(_LOOSE_RE.findall(text, 0, 200_000)) >= 3)
    parser.run()
    if not parser.arts:
        raise ParseError(
            "no articles found (expected headings such as 'Article 1' or 'Статья 1')",
            source=source,
        )
    title, preamble = _title_and_preamble(parser.pre, loose=parser.loose)
    return Treaty(
        id=id or (PurePath(source).stem if source else "treaty"),
        title=title,
        lang=lang or main_language(text),
        source=source,
        preamble=preamble,
        divisions=[d.build() for d in parser.divs],
        articles=[a.build() for a in parser.arts],
        closing="\n".join(parser.closing) or None,
    )
