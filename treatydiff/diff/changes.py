"""Change kinds of clauses and groups, and the significance flags a lawyer reads first.

:func:`describe_group` classifies a whole correspondence group against the
base treaty: one word diff, change kind and flags per other treaty.

Kinds (:class:`~treatydiff.model.results.ChangeKind`): ``identical``;
``moved`` (same text, other position); ``reworded`` (no significance flag and
at least :data:`REWORDED_MIN_SIMILARITY` of the words kept, or only case,
punctuation and spacing differ); ``modified``; ``added`` / ``removed`` (no
counterpart in the base / in the other treaty); ``split`` / ``merged`` (one
base clause against several, several against one); ``regrouped`` (several
against several).

Flags (:class:`~treatydiff.model.results.FlagKind`), found by comparing the
terms of each kind on both sides, in English and Russian: ``modality``
(shall → may, обязуются → могут), ``negation`` (not, no, never, refrain; не,
ни, без, воздерживаться), ``number``, ``time`` (time limits and dates:
30 days, шести месяцев, 17 January 2025), ``frequency`` (at least once a
year, twice a year, annually; не реже одного раза в год) and ``party``
(Party/Parties, State, third States, named states; Сторона/Стороны,
государства, named states).
Numbers inside time limits and dates count as ``time`` only; numbers of
cross-references (``Article 4``, ``статьи 4``) are not flagged, so
renumbering is not noise.

>>> flags = find_flags("Each Party shall not act.", "Each Party may act.")
>>> [f.note for f in flags]
['shall → may', 'not removed']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import compress, count, repeat
from operator import and_

import attrs

from treatydiff.diff.words import diff_texts, plain
from treatydiff.errors import InvalidArgument
from treatydiff.model.results import (
    ChangeKind,
    Flag,
    FlagKind,
    GroupChange,
    GroupKind,
    TreatyChange,
    WordDiff,
)

__all__ = [
    "FLAG_CONTEXT",
    "REWORDED_MIN_SIMILARITY",
    "change_kind",
    "describe_group",
    "find_flags",
]

REWORDED_MIN_SIMILARITY = 0.8


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Word lists: exact words, and stems (prefixes) for Russian inflection.
_MODAL = _words(
    "shall must will may should can could might would agree agrees agreed entitled "
    "oblige obliges obliged obligated commit commits может могут могли можно вправе "
    "будут будет следует соглашаются согласились должны должна должен должно"
)
_MODAL_STEMS = ("undertak", "endeavo", "обязу", "обязан", "стрем", "намерен")
_NEGATORS = _words(
    "not no never neither nor none nothing without cannot не ни нет никогда ничто "
    "ничего без"
)
_NEGATOR_STEMS = ("refrain", "никак", "воздерж")
_NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty "
    "thirty forty fifty sixty ninety hundred thousand million billion один одна "
    "одно одного одной одну два две двух двум три трех трёх трем четыре четырех "
    "пять пяти шесть шести семь семи восемь восьми девять девяти десять десяти "
    "пятьдесят пятидесяти шестьдесят шестидесяти сто ста"
)
_NUMBER_STEMS = (
    "пятнадцат",
    "двадцат",
    "тридцат",
    "сорок",
    "девяност",
    "тысяч",
    "миллион",
    "миллиард",
)
_UNITS = _words(
    "hour hours day days week weeks month months year years день дня дней год года "
    "году лет"
)
_UNIT_STEMS = ("час", "сут", "недел", "месяц")
_MONTHS = _words(
    "january february march april may june july august september october november "
    "december января февраля марта апреля мая июня июля августа сентября октября "
    "ноября декабря"
)
_REF_WORDS = _words(
    "article articles paragraph paragraphs subparagraph subparagraphs point points "
    "annex annexes"
)
_REF_STEMS = ("стать", "пункт", "подпункт", "част", "приложени")
_JOINERS = _words("and or и или")
# How often (``at least once a year``, ``twice a year``, ``annually``, ``не реже
# одного раза в год``), matched in case-folded text with its bound. A count
# before ``times`` / ``раз`` is a whole word (``\b\w++``): every match ends at
# the end of a word, so the search never resumes inside one and a count that
# began inside a word would have matched at its start; the pattern no longer
# reads the rest of the word at every letter.
_FREQUENCY = re.compile(
    r"(?:(?:at\s+(?:least|most)|no\s+(?:less|more|fewer)\s+(?:often\s+)?than|"
    r"not\s+(?:less|more)\s+(?:often\s+)?than)\s+)?"
    r"(?:once|twice|thrice|\b\w++\s+times)\s+(?:a|per|each|every|in\s+a)\s+"
    r"(?:\w+\s+)?(?:years?|months?|weeks?|days?|quarters?)\b"
    r"|\b(?:annually|yearly|biannually|biennially|quarterly|monthly|weekly|daily)\b"
    r"|\bevery\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?)\b"
    r"|(?:не\s+(?:реже|чаще)\s+)?(?:одного\s+раза|\b\w++\s+раз[а]?)\s+в\s+"
    r"(?:\w+\s+)?(?:год|года|лет|месяц\w*|квартал|недел\w+|полгода)\b"
    r"|\b(?:ежегодно|ежемесячно|ежеквартально|еженедельно)\b"
)
# Words every match of _FREQUENCY contains, by branch: (any of the first and any
# of the second) for "once a year", "every year" and "раз в год"; any of
# _FREQUENCY_ALONE for "annually". A text with none cannot match, and most have
# none, so the slow pattern rarely runs.
_FREQUENCY_NEEDS = (
    (
        ("once", "twice", "thrice", "times", "every"),
        ("year", "month", "week", "day", "quarter"),
    ),
    (("раз",), ("год", "лет", "месяц", "квартал", "недел")),
)
_FREQUENCY_ALONE = (
    "annually",
    "yearly",
    "biennially",
    "quarterly",
    "monthly",
    "weekly",
    "daily",
    "еже",
)


def _frequencies(folded: str) -> list[str]:
    """The matches of _FREQUENCY in case-folded text, spaces collapsed."""
    if not any(w in folded for w in _FREQUENCY_ALONE) and not any(
        any(w in folded for w in first) and any(w in folded for w in second)
        for first, second in _FREQUENCY_NEEDS
    ):
        return []
    return [" ".join(m.split()) for m in _FREQUENCY.findall(folded)]


_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’]\w+)?")
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}$")


(
    _MODAL_WORD,
    _NEGATOR_WORD,
    _NUMBER_WORD,
    _UNIT_WORD,
    _REF_WORD,
    _DATE_WORD,
    _MONTH_WORD,
) = (1 << i for i in range(7))


@lru_cache(maxsize=1 << 16)
def _kinds(word: str) -> int:
    """What a case-folded word can be in a flag term, as a bit set (cached: a
    treaty repeats its words)."""
    kinds = 0
    if word in _MODAL or word.startswith(_MODAL_STEMS):
        kinds |= _MODAL_WORD
    if word in _NEGATORS or word.endswith("n't") or word.startswith(_NEGATOR_STEMS):
        kinds |= _NEGATOR_WORD
    if word[0].isdigit() or word in _NUMBER_WORDS or word.startswith(_NUMBER_STEMS):
        kinds |= _NUMBER_WORD
    if word in _UNITS or word.startswith(_UNIT_STEMS):
        kinds |= _UNIT_WORD
    if word in _REF_WORDS or word.startswith(_REF_STEMS):
        kinds |= _REF_WORD
    if _DOTTED_DATE.match(word):
        kinds |= _DATE_WORD
    if word in _MONTHS:
        kinds |= _MONTH_WORD
    return kinds


def _where(kinds: list[int], mask: int) -> list[int]:
    """The positions of the words whose kinds share a bit with ``mask``."""
    return list(compress(count(), map(and_, kinds, repeat(mask))))


def _of_kind(words: list[str], kinds: list[int], kind: int) -> tuple[str, ...]:
    """The words whose kinds have the bit ``kind``, in text order."""
    return tuple(compress(words, map(and_, kinds, repeat(kind))))


#: Names of parties and states; :data:`_PARTY` finds them.
_PARTY_NAMES = (
    r"\b(?:(?:High\s+)?Contracting\s+)?Part(?:y|ies)\b|\bparties\b|\bthird\s+part(?:y|ies)\b"
    r"|\b(?:third\s+)?States?\b|\bthird\s+(?:countr(?:y|ies)|states?)\b|\baggressors?\b"
    r"|\bRussian\s+Federation\b|\bRussia\b|\b(?:Islamic\s+Republic\s+of\s+)?Iran\b"
    r"|\bDemocratic\s+People's\s+Republic\s+of\s+Korea\b|\bDPRK\b"
    r"|\b(?:Republic\s+of\s+)?Belarus\b|\b(?:People's\s+Republic\s+of\s+)?China\b"
    r"|\bUnited\s+States\b|\bUnion\s+State\b"
    r"|\bСторон\w*|\b(?:трет\w+\s+)?государств(?:о|а|у|ом|е|ами|ах|ам)?\b|\bагрессор\w*"
    r"|\bРоссийск\w+\s+Федераци\w+|\bРосси\w+|\b(?:Исламск\w+\s+Республик\w+\s+)?Иран\w*"
    r"|\bКНДР\b|\bКорейск\w+\s+Народно-Демократическ\w+\s+Республик\w+"
    r"|\b(?:Республик\w+\s+)?Беларус\w*|\bКита\w+|\bСоюзн\w+\s+государств(?:о|а|у|ом|е)?\b"
)
#: :data:`_PARTY_NAMES` behind a look-ahead for the letters they begin with: the
#: search skips most positions at once instead of trying every name there.
_PARTY = re.compile(rf"(?=[HCPptSaRIDBUСтгаРИКБ])(?:{_PARTY_NAMES})", re.U)


def _times(words: list[str], kinds: list[int], used: set[int]) -> list[str]:
    """Time limits (``30 days``, ``thirty (30) calendar days``, ``шести месяцев``) and
    dates (``17 january 2025``); marks the word positions they take in ``used``."""
    found = []
    for i in _where(kinds, _DATE_WORD | _MONTH_WORD | _UNIT_WORD):
        word = words[i]
        if kinds[i] & _DATE_WORD:
            found.append(word)
            used.add(i)
        elif (
            kinds[i] & _MONTH_WORD
            and 0 < i < len(words) - 1
            and words[i - 1].isdigit()
            and len(words[i + 1]) == 4
            and words[i + 1].isdigit()
        ):
            found.append(" ".join(words[i - 1 : i + 2]))
            used.update((i - 1, i, i + 1))
        elif kinds[i] & _UNIT_WORD:
            k = i - 1
            if k > 0 and not kinds[k] & _NUMBER_WORD and kinds[k - 1] & _NUMBER_WORD:
                k -= 1  # one word between: "30 calendar days"
            while k >= 0 and kinds[k] & _NUMBER_WORD:
                k -= 1
            start = k + 1 if k + 1 < i else i
            found.append(" ".join(words[start : i + 1]))
            used.update(range(start, i + 1))
    return found


def _cross_refs(words: list[str], kinds: list[int], used: set[int]) -> None:
    """Mark the numbers of cross-references (``article 4``, ``статьи 4 и 5``)."""
    for i in _where(kinds, _REF_WORD):
        k = i + 1
        while k < len(words) and (kinds[k] & _NUMBER_WORD or words[k] in _JOINERS):
            used.add(k)
            k += 1


def _terms(text: str) -> dict[str, list[str]]:
    """Terms of every flag kind in ``text``, case-folded, in text order."""
    return {kind: list(terms) for kind, terms in _read_terms(text)}


@lru_cache(maxsize=1 << 13)
def _read_terms(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """:func:`_terms` as immutable pairs (cached: a report reads each clause
    once per group it shows)."""
    # An ISO date has hyphens: most texts have none, and skip both scans.
    iso_dates = _ISO_DATE.findall(text) if "-" in text else []
    folded = text.casefold()
    words = _TOKEN.findall(_ISO_DATE.sub(" ", folded) if "-" in folded else folded)
    kinds = list(map(_kinds, words))
    used: set[int] = set()
    times = _times(words, kinds, used) + iso_dates
    _cross_refs(words, kinds, used)
    numbers = kinds.copy()  # a cross-reference's numbers are no number terms
    for i in used:
        numbers[i] &= ~_NUMBER_WORD
    return (
        ("modality", _of_kind(words, kinds, _MODAL_WORD)),
        ("negation", _of_kind(words, kinds, _NEGATOR_WORD)),
        ("number", _of_kind(words, numbers, _NUMBER_WORD)),
        ("time", tuple(times)),
        ("frequency", tuple(_frequencies(folded))),
        ("party", tuple(" ".join(m.split()).casefold() for m in _PARTY.findall(text))),
    )


def _ordered(counter: Counter[str], text_terms: list[str]) -> list[str]:
    out = []
    for term in text_terms:
        if counter[term] > 0:
            out.append(term)
            counter[term] -= 1
    return out


def _all_terms(passages: str | Sequence[str]) -> dict[str, list[str]]:
    if isinstance(passages, str):
        return _terms(passages)
    total: dict[str, list[str]] = {kind: [] for kind in FlagKind}
    for passage in passages:
        for kind, terms in _terms(passage).items():
            total[kind].extend(terms)
    return total


def find_flags(a: str | Sequence[str], b: str | Sequence[str]) -> list[Flag]:
    """The significance flags of the change from ``a`` to ``b``, kinds in order.

    ``a`` and ``b`` are texts, or lists of passages each read on its own (no term
    spans two passages).
    """
    ta, tb = _all_terms(a), _all_terms(b)
    flags = []
    for kind in FlagKind:
        if ta[kind] == tb[kind]:  # the same terms in the same order: no flag
            continue
        left, right = Counter(ta[kind]), Counter(tb[kind])
        if left != right:
            removed = _ordered(left - right, ta[kind])
            flags.append(Flag(kind, removed, _ordered(right - left, tb[kind])))
    return flags


def change_kind(
    diff: WordDiff,
    flags: Sequence[Flag],
    *,
    counts: tuple[int, int],
    moved: bool = False,
) -> ChangeKind | None:
    """The kind of change from a base clause to its counterpart.

    ``counts`` = how many clauses each side has in the group (0: none);
    ``None`` when neither side has one.
    """
    n_base, n_other = counts
    if not n_base:
        return ChangeKind.ADDED if n_other else None
    if not n_other:
        return ChangeKind.REMOVED
    if n_base > 1 and n_other > 1:
        return ChangeKind.REGROUPED
    if n_base < n_other:
        return ChangeKind.SPLIT
    if n_base > n_other:
        return ChangeKind.MERGED
    if diff.identical:
        return ChangeKind.MOVED if moved else ChangeKind.IDENTICAL
    if not flags and (
        diff.similarity >= REWORDED_MIN_SIMILARITY or plain(diff.a) == plain(diff.b)
    ):
        return ChangeKind.REWORDED
    return ChangeKind.MODIFIED


#: Characters of unchanged text kept on each side of a change when looking for flags.
FLAG_CONTEXT = 40


def _windows(diff: WordDiff) -> tuple[list[str], list[str]]:
    """The changed passages of both sides, each with a little unchanged context.

    Unchanged text counts the same on both sides, so the flags of these passages
    are the flags of the whole texts: changes closer than twice the context share
    one passage, and the context keeps a term cut by a change (``30 days``) whole.
    """
    ops = diff.ops
    spans: list[list[int]] = []
    for i, op in enumerate(ops):
        if op.kind == "equal":
            continue
        if spans and (i - spans[-1][1] == 1 or len(ops[i - 1].a) < 2 * FLAG_CONTEXT):
            spans[-1][1] = i
        else:
            spans.append([i, i])
    left: list[str] = []
    right: list[str] = []
    for first, last in spans:
        before = ops[first - 1].a[-FLAG_CONTEXT:] if first else ""
        after = ops[last + 1].a[:FLAG_CONTEXT] if last + 1 < len(ops) else ""
        if len(before) == FLAG_CONTEXT:
            before = re.sub(r"^\S*", "", before)  # drop the cut word, keep the space
        if len(after) == FLAG_CONTEXT:
            after = re.sub(r"\S*$", "", after)
        left.append(before + "".join(op.a for op in ops[first : last + 1]) + after)
        right.append(before + "".join(op.b for op in ops[first : last + 1]) + after)
    return left, right


def _joined(items: Sequence[tuple[str, str]]) -> str:
    return "\n".join(text for _, text in items)


@lru_cache(maxsize=1 << 12)
def _change(
    base_text: str, text: str, counts: tuple[int, int], moved: bool
) -> TreatyChange:
    """One member's change against the base text, without the treaty ids
    (cached: a comparison repeated, or rendered again, describes each pair of
    texts once)."""
    wd = diff_texts(base_text, text)
    both = all(counts)
    flags = find_flags(*_windows(wd)) if both and not wd.identical else []
    return TreatyChange(
        treaty="",
        base="",
        change=change_kind(wd, flags, counts=counts, moved=moved),
        moved=moved,
        similarity=round(wd.similarity, 3),
        ops=wd.ops,
        flags=flags,
    )


def describe_group(
    members: Mapping[str, Sequence[tuple[str, str]]],
    base: str,
    *,
    kind: str = GroupKind.MATCH,
    moved: Mapping[str, bool] | None = None,
) -> GroupChange:
    """Change kind and word diffs of one correspondence group against ``base``.

    ``members`` maps treaty id → [(ref, text)] (an empty list: no counterpart);
    ``kind`` is the group's :class:`~treatydiff.model.results.GroupKind`.
    Split and merge groups are diffed as a whole (member texts joined by line
    breaks). The result holds one :class:`~treatydiff.model.results.TreatyChange`
    per non-base treaty, in the order of ``members``.
    """
    try:
        group_kind = GroupKind(kind)
    except ValueError:
        names = ", ".join(GroupKind)
        raise InvalidArgument(
            f"unknown group kind {kind!r}; expected one of {names}"
        ) from None
    moved = moved or {}
    base_items = members.get(base, [])
    base_text = _joined(base_items)
    diffs = []
    for tid, items in members.items():
        if tid == base:
            continue
        is_moved = bool(moved.get(tid))
        change = _change(
            base_text, _joined(items), (len(base_items), len(items)), is_moved
        )
        diffs.append(attrs.evolve(change, treaty=tid, base=base))
    return GroupChange(
        change=_group_change(group_kind, [d.change for d in diffs]), diffs=diffs
    )


#: Which per-treaty change names the whole group, most telling first.
_PRECEDENCE = (
    ChangeKind.MODIFIED,
    ChangeKind.REWORDED,
    ChangeKind.REMOVED,
    ChangeKind.ADDED,
    ChangeKind.MOVED,
    ChangeKind.IDENTICAL,
)


def _group_change(
    kind: GroupKind, changes: Sequence[ChangeKind | None]
) -> ChangeKind | None:
    if kind == GroupKind.SPLIT:
        return ChangeKind.SPLIT
    if kind == GroupKind.MERGE:
        return ChangeKind.MERGED
    if kind == GroupKind.REGROUP:
        return ChangeKind.REGROUPED
    return next((name for name in _PRECEDENCE if name in changes), None)
