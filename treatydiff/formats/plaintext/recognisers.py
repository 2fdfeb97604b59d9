"""Line recognisers for the plain-text parser: line patterns, numbers, cue words.

Each function looks at one line (or what follows a heading number on it) and
says what it might be; :mod:`~treatydiff.formats.plaintext.parser` weighs that
evidence against its context. ``LINE_RE`` matches once per line, and the name
of the group that matched (``art``, ``div``, ``close``, ``label``) says what
kind of line it might start. Heading keywords, closing formulas and number
words come from :mod:`treatydiff.vocabulary`.

>>> LINE_RE.match("Article 5 - Scope").lastgroup, rest_kind(" - Scope")
('art', ('sep', 'Scope'))
>>> from treatydiff.vocabulary import RUSSIAN
>>> article_number("Статья двадцать первая", 7, RUSSIAN)
('двадцать первая', (21,), 22)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import Indel

from treatydiff.vocabulary import (
    INSERTED_WORDS,
    LANGUAGES,
    OTHER_CLOSING_PHRASES,
    OTHER_SIGNATURE_WORDS,
    SIGNATURE_ARTICLES,
    SUPERSCRIPT_DIGITS,
    Language,
    alternation,
    article_keywords,
    cased,
    division_words,
    int_to_roman,
    language_of,
    letters,
    roman_to_int,
    word_list,
)

__all__ = [
    "CAP",
    "CONT",
    "DIV_NUM_RE",
    "EMPTY",
    "JOIN_WORDS",
    "KINDS",
    "LEAD_WORDS",
    "LINE_RE",
    "PARA_END_RE",
    "PAREN",
    "POINT_CONT_RE",
    "RECITAL_END_RE",
    "REF_NOUN_RE",
    "REF_TAILS",
    "REST_SCORES",
    "SENT_END_RE",
    "SEP",
    "annex_heading",
    "article_number",
    "capitalised",
    "dangles",
    "heading_like",
    "is_blank",
    "last_word",
    "next_label",
    "number_words",
    "ocr_closing",
    "rest_kind",
    "sentence_like",
    "signature_opens",
    "starts_upper",
]


def _cased_alternation(words: Iterable[str]) -> str:
    return alternation(v for word in words for v in cased(word))


def _phrase(phrase: str) -> str:
    """A closing phrase: each word as written, capitalised or in capitals
    ("In Witness Whereof"), any spaces between.

    A short last word must end there ("Done at", not "Done atop"); a long one
    may run into the next word in OCR text ("IN WITNESS WHEREOFthe").
    """
    words = phrase.split()
    pattern = r"\s+".join(
        f"(?:{alternation((*cased(word), word.capitalize()))})" for word in words
    )
    return pattern + r"\b" if len(words[-1]) < 4 else pattern


_LETTERS = letters()
_ART_WORDS = _cased_alternation(article_keywords())
_DIV_WORDS = _cased_alternation(d.word for d in division_words())
_CLOSING_PHRASES = (
    *(p for lang in LANGUAGES.values() for p in lang.closing_phrases),
    *OTHER_CLOSING_PHRASES,
)
_CLOSE_WORDS = "|".join(_phrase(p) for p in _CLOSING_PHRASES)
# How like a closing phrase OCR-damaged words must be (Indel similarity): one
# or two letters wrong in "In witness whereof" or "Til bekræftelse heraf".
_OCR_SIMILARITY = 0.85


def _ocr_closings() -> dict[str, tuple[str, ...]]:
    """Closing phrases long enough to recognise with a letter or two wrong,
    folded, by their first word."""
    by_first: dict[str, tuple[str, ...]] = {}
    for phrase in _CLOSING_PHRASES:
        if len(phrase.split()) >= 3 and len(phrase) >= 14:
            first = phrase.split()[0].casefold()
            by_first[first] = (*by_first.get(first, ()), phrase.casefold())
    return by_first


_OCR_CLOSINGS = _ocr_closings()
# "For the Government of ...: A. Name": a party's signature, never a heading.
_SIGN_WORDS = _cased_alternation(
    (
        *(w for lang in LANGUAGES.values() for w in lang.signature_words),
        *OTHER_SIGNATURE_WORDS,
    )
)
_SIGNATURE_RE = re.compile(rf"(?:{_SIGN_WORDS})\s[^:]{{3,}}:\s*\S")
# "For the Government of", "For Palestine", "За Правительство", "Pour la
# République", "Pour l'Union": a signature opens (when the name is capitalised).
_SIGN_OPEN_RE = re.compile(
    rf"(?:{_SIGN_WORDS})\s(?:(?:{alternation(SIGNATURE_ARTICLES)})\s|l['’])?(\w)"
)
# "ANNEX I", "Annex 2:", "PROTOCOL No 1", "Приложение № 3": an annex or
# protocol heads its own line.
_ANNEX_WORDS = _cased_alternation(
    w for lang in LANGUAGES.values() for w in lang.annex_words
)
_ANNEX_RE = re.compile(
    rf"(?:{_ANNEX_WORDS})"
    r"(?:\s+(?:No\.?|№)?\s*(?:\d{1,3}|[IVXLC]{1,6}|[A-Z])(?!\w))?\s*[.:]?"
)
_LABEL = (
    r"\((?:\d{1,3}|[a-zа-яё]{1,2}|[ivxl]{1,6})\)"
    r"|\d{1,3}[.)]|(?:[a-zа-яё]{1,2}|[ivxl]{1,6})\)"
)
# One match per line tells what it might be; the group name says which.
LINE_RE = re.compile(
    rf"(?P<art>(?:{_ART_WORDS})(?=\s*[\d{_LETTERS}]))"
    rf"|(?P<div>(?:{_DIV_WORDS})\s)"
    rf"|(?P<close>{_CLOSE_WORDS})"
    rf"|(?P<label>{_LABEL})(?=\s|$)"
)
# "5", "5 bis", "5A", "9a", "12¹", "2.1" / "2-1" (chapter-numbered or
# inserted), "IV".
_NUM_RE = re.compile(
    r"\s*(?:(\d{1,6}(?:[.-]\d{1,3})*)(?![\d.-]\d)"
    rf"(?:[{SUPERSCRIPT_DIGITS}]{{1,3}}(?!\w)"
    rf"|\s?(?i:{alternation(INSERTED_WORDS)})\b|[A-Za-z](?!\w))?"
    r"|([IVXLCDM]{1,15})(?!\w))"
)
_NUM_SPLIT_RE = re.compile(r"[.-]")
# "2", "8 bis", "8BIS", "8A", "IV", "A", and any of them closed by a bracket
# ("CHAPTER A)").
DIV_NUM_RE = re.compile(
    r"\s*(?:(\d{1,3})(?!\d)"
    rf"(?:\s?(?i:{alternation(INSERTED_WORDS)})\b|[A-Z](?!\w))?"
    r"|([IVXLCDM]{1,8})(?!\w)|([A-Z])(?!\w))\)?"
)
# Up to three number words: "ONE", "Twenty-one", "двадцать первая".
_NUM_WORDS_RE = {
    code: re.compile(rf"\s*([{L}]+)(?:(?:-|\s+)([{L}]+))?(?:(?:-|\s+)([{L}]+))?(?!\w)")
    for code, L in ((code, lang.letters) for code, lang in LANGUAGES.items())
}
_SEP_RE = re.compile(r"\s*[.:]?\s+-+\s+|\s*[.:]?\s*[–—]+\s*|\s*[.:]\s+")
SENT_END_RE = re.compile(r"[.!?:;…][\"'»”’)\]]*$")
PARA_END_RE = re.compile(r"[.!?:…][\"'»”’)\]]*$")
# The last word of a line that leaves a reference dangling: "... under\nArticle 5".
REF_NOUN_RE = re.compile(
    r"(?:\b(?:paragraphs?|sub-?paragraphs?|articles?|annex(?:es)?|chapters?|parts?|"
    r"sections?|points?|items?|nos?\.)|(?:пункт|подпункт|стать|част|глав|раздел|"
    r"приложени)[а-яё]*)$",
    re.IGNORECASE,
)
# Last words of a line whose sentence goes on; a reference may follow a lead word.
_CONJUNCTIONS = frozenset(("and", "or", "и", "или"))
_PREPOSITIONS = frozenset(
    word_list(
        "with in to under of by see per from than the this that also regards "
        "concerning pursuant including at on for a an as which whose whether if "
        "в во со с к по от согласно соответствии между"
    )
)
LEAD_WORDS = _PREPOSITIONS | _CONJUNCTIONS
_VERBS = frozenset(
    word_list(
        "shall may must will should is are was were has have can be not "
        "является являются обязуются может могут должны будет не"
    )
)
_OPEN_WORDS = LEAD_WORDS | _VERBS | frozenset(["between", "о", "об", "на", "для"])
# First words after an article number that make it a reference, not a heading.
REF_TAILS = frozenset(
    word_list(
        "of shall applies apply is are does do may will must should paragraph "
        "paragraphs пункт пункта части"
    )
)
# A heading ending on one of these continues on the next line.
JOIN_WORDS = frozenset(
    word_list(
        "of and the in for on to with between concerning и в о об по на для между с со"
    )
)
# Linking words a heading prints in lower case: "Rules of Origin".
_SMALL_WORDS = frozenset(
    word_list("a an the and or of in on at by for to with from и в о об по на для с")
)
RECITAL_END_RE = re.compile(r"[.,;:!?]$")
POINT_CONT_RE = re.compile(
    r"(?:[,;]|(?:and|or|и|или)\s*\(|of\s+(?:this|the|paragraph|Article)\b|настоящ)"
)
# Division keyword in capitals → (kind, level).
KINDS = {d.word.upper(): (d.kind, d.level) for d in division_words()}
_CYR_LABELS = "абвгдежзиклмнопрстуфхцчшщэюя"
# A sentence ends inside the line: "territory. In" (not "A. General", "Art. 5").
_SENTENCE_BREAK_RE = re.compile(r"[a-zа-яё]{3}[.;!?] ")
# A number that opens a heading: "18 ", "1.1 ".
_NUMBER_LED_RE = re.compile(r"\d{1,3}(?:\.\d{1,3})*\s+(?=[A-Z])")
# One capitalised word and a colon: "Definitions:".
_TERM_COLON_RE = re.compile(r"[A-Z][a-z-]+:|[A-Z][A-Z-]+:")
# Punctuation around a number: "(2)", "IV.", "- 12 -".
_PUNCT = "-–—.,:;()[]/"
_NUMBER_CHARS = frozenset(f"0123456789IVXLCDM {_PUNCT}")
# A page number between dashes on a line of its own: "- 12 -".
_PAGE_NUM_RE = re.compile(r"[-–—]\s*\d{1,4}\s*[-–—]")

# Kinds of what follows a heading number on the same line.
# "Article 5", "Article 5 - Scope", "Article 5 (Scope)", "Article 5 Scope",
# "Article 5 of this Treaty".
EMPTY, SEP, PAREN, CAP, CONT = "empty", "sep", "paren", "cap", "cont"
REST_SCORES = {EMPTY: 2, SEP: 2, PAREN: 2, CAP: 1, CONT: -4}
_PAREN_RE = re.compile(r"\s+\(([^()]{1,100})\)\s*$")


def next_label(first: str, last: str) -> str:
    """The label after ``last`` in the series ``first`` opened (a→b, б→в, iv→v)."""
    if first in _CYR_LABELS:
        pos = _CYR_LABELS.find(last) + 1
        return _CYR_LABELS[pos] if 0 < pos < len(_CYR_LABELS) else ""
    if first == "i":
        value = roman_to_int(last)
        return int_to_roman(value + 1) if value else ""
    if len(last) == 1:
        return "aa" if last == "z" else chr(ord(last) + 1)
    return chr(ord(last[0]) + 1) * 2 if last[0] < "z" else ""


def starts_upper(line: str) -> bool:
    """The line opens as a sentence or heading does: capital, digit, quote, bracket."""
    first = line[0]
    return first.isupper() or first.isdigit() or first in "«\"“'(["


def rest_kind(rest: str) -> tuple[str, str]:
    """Classify what follows a heading number: end of line, separator, text."""
    stripped = rest.strip()
    if not stripped.strip(".:-–—"):
        return EMPTY, ""
    sep = _SEP_RE.match(rest)
    if sep and sep.end() < len(rest):
        text = rest[sep.end() :]
        return (CONT if text[0].islower() else SEP), text
    paren = _PAREN_RE.match(rest)
    if paren and not paren.group(1)[0].islower():
        return PAREN, paren.group(1)
    if rest[0] == " " and (stripped[0].isupper() or stripped[0] in '«"“'):
        return CAP, stripped
    return CONT, stripped


def title_case(text: str) -> bool:
    """Every word of four letters or more starts with a capital: "Customs
    Unions, Free Trade Areas And Frontier Trade" (a heading, not a sentence)."""
    content = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


def capitalised(text: str) -> bool:
    """Every word that starts with a letter starts with a capital but for
    small linking words ("Rules of Origin.", "De Minimis.", "SCOPE:"): how
    headings are printed, not sentences ("Inserted, see Article 9.")."""
    initials = [
        w[0] for w in text.split() if w[0].isalpha() and w.lower() not in _SMALL_WORDS
    ]
    return len(initials) >= 2 and all(c.isupper() for c in initials)


def heading_like(line: str, *, long: bool = False) -> bool:
    """A short line that is not itself structure; a title-case line may be
    longer (much longer when ``long``: an article heading before a paragraph
    or sentence), and a capitalised one may end in "." or ":" ("Definitions
    For The Purposes Of This Chapter:") or hold one ("Protection Of
    Intellectual. Property", an OCR'd full stop)."""
    title = title_case(line)
    words, chars = (32, 260) if long and title else (20, 160) if title else (14, 120)
    # "Rules of Origin:", "DEFINITIONS:", "Definitions:"
    punct = ",;!?" if capitalised(line) or _TERM_COLON_RE.fullmatch(line) else ".,;:!?"
    return (
        len(line) <= chars
        and len(line.split()) <= words
        and not line[0].islower()
        # not a bare number "7"; "18 MONTH PUBLICATION", "1.1 Scope Of Rules"
        and (any(ch.isalpha() for ch in line[:3]) or _numbered_heading(line))
        and line[-1] not in punct
        # "... territory. In accordance"
        and (title or not _SENTENCE_BREAK_RE.search(line))
        and not _numbers_only(line)
        and not _structure(line)
        and _SIGNATURE_RE.match(line) is None
    )


def _numbers_only(line: str) -> bool:
    """Numbers and punctuation only: "VI - 2" (a chapter's page number), "IV"."""
    if not _NUMBER_CHARS.issuperset(line):
        return False
    for word in line.split():
        core = word.strip(_PUNCT)
        if core and not core.isdigit() and not (core.isupper() and roman_to_int(core)):
            return False
    return True


def _numbered_heading(line: str) -> bool:
    """A heading that opens with a number: "18 MONTH PUBLICATION", "1.1
    Establishment Of A Free Trade Area" (capitals or title case after it)."""
    m = _NUMBER_LED_RE.match(line)
    if m is None:
        return False
    rest = line[m.end() :]
    return (rest.isupper() and len(rest.split()) >= 2) or title_case(rest)


def _structure(line: str) -> bool:
    """The line opens a numbered article or division, a closing or a label;
    not "Chapter Coordinators", a heading whose keyword has no number."""
    m = LINE_RE.match(line)
    if m is None:
        return False
    group = m.lastgroup
    if group == "art":
        # Not "Article XIX of the GATT 1994", a heading that names an article.
        number = article_number(line, m.end(), language_of(m.group(group)))
        if number is None:
            return False
        after = line[number[2] :].split(None, 1)
        return not after or after[0].lower() not in REF_TAILS
    if group == "div":
        keyword = m.group(group).strip()
        return DIV_NUM_RE.match(line, m.end()) is not None or (
            number_words(line, m.end(), language_of(keyword)) is not None
        )
    return True


def ocr_closing(line: str) -> bool:
    """The line opens with a closing formula of three words or more that OCR
    damaged by a letter or two ("IN WITNESS WHEROF", "Zu Urkund <lessen", "In
    witness where of"); its first word must be right and capitalised."""
    words = line.split(maxsplit=6)
    if not words or not line[0].isupper():
        return False
    for phrase in _OCR_CLOSINGS.get(words[0].casefold(), ()):
        n = phrase.count(" ") + 1
        for k in (n, n + 1):  # or a word split in two
            head = " ".join(words[:k]).casefold()
            if Indel.normalized_similarity(head, phrase) >= _OCR_SIMILARITY:
                return True
    return False


def annex_heading(line: str) -> bool:
    """The line is an annex's or a protocol's heading and nothing else:
    "ANNEX I", "Annex 2:", "PROTOCOL No 1", "Приложение № 3"."""
    return _ANNEX_RE.fullmatch(line) is not None


def is_blank(line: str) -> bool:
    """An empty line, or a page number between dashes ("- 12 -")."""
    return not line or (line[0] in "-–—" and _PAGE_NUM_RE.fullmatch(line) is not None)


def last_word(line: str) -> str:
    """The line's last word, in lower case."""
    return line[line.rfind(" ") + 1 :].lower()


def dangles(line: str) -> bool:
    """The line ends on a word that needs more after it ("of", "shall", "and")."""
    return last_word(line) in _OPEN_WORDS


def article_number(
    line: str, pos: int, lang: Language
) -> tuple[str, tuple[int, ...], int] | None:
    """(number as printed, value, end) after an article keyword at ``pos``.

    The value is a tuple: ``(5,)`` for ``5``, ``V`` or (in ``lang``) ``five``
    or ``пятая``, ``(2, 1)`` for ``2.1``.
    """
    m = _NUM_RE.match(line, pos)
    if m and m.group(1):
        value = tuple(int(n) for n in _NUM_SPLIT_RE.split(m.group(1)))
        return m.group(0).strip(), value, m.end()
    roman = roman_to_int(m.group(2)) if m else None
    if m and roman:
        return m.group(0).strip(), (roman,), m.end()
    return number_words(line, pos, lang)


def number_words(
    line: str, pos: int, lang: Language
) -> tuple[str, tuple[int, ...], int] | None:
    """(number as printed, value, end) of a number in ``lang``'s words at ``pos``:
    "ONE", "Twenty-one", "TWENTY ONE", "двадцать первая"; the longest reading wins.
    """
    m = _NUM_WORDS_RE[lang.code].match(line, pos)
    if m is None:
        return None
    count = sum(1 for word in m.groups() if word)
    for k in range(count, 0, -1):  # "двадцать первая" before "двадцать"
        text = line[m.start(1) : m.end(k)]
        value = lang.number_value(text)
        if value is not None:
            return text, (value,), m.end(k)
    return None


def sentence_like(text: str) -> bool:
    """Not title case, and a verb, a comma in a long line, or mostly
    lower-case words: a sentence."""
    if title_case(text):
        return False
    words = text.split()
    if any(w.lower() in _VERBS for w in words):
        return True
    if len(words) >= 6 and ", " in text:
        return True
    if len(words) < 7:
        return False
    content = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    lower = sum(w[0].islower() for w in content)
    return 2 * lower >= len(content)


def signature_opens(line: str) -> bool:
    """The line opens a party's signature block ("For the Government of
    Latvia:", "For the President of Kenya,", "За Правительство ..."), not a
    sentence ("For the Community, the following shall apply")."""
    m = _SIGN_OPEN_RE.match(line)
    return m is not None and m.group(1).isupper() and not sentence_like(line)
