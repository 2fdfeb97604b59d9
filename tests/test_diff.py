"""Word diffs: application, symmetry, word boundaries, moves, change kinds, flags."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.diff_oracles import (
    FREQUENCY_READING_EVERY_LETTER,
    diff_by_strings,
    terms_word_by_word,
)
from treatydiff.diff import words
from treatydiff.diff.changes import (
    _read_terms,
    change_kind,
    describe_group,
    find_flags,
)
from treatydiff.diff.words import _diff, apply, diff_texts, tokenize
from treatydiff.errors import InvalidArgument
from treatydiff.model import ChangeKind, Flag, Op, WordDiff
from treatydiff.report.json import op_data

_VOCAB_TEXT = (
    "The Parties shall may not never provide military assistance to the aggressor "
    "within 30 60 thirty days months 1.5 2025 Article 4 State States Party each "
    "other consult Стороны обязуются могут не ни оказывать военную помощь агрессору "
    "в течение 30 дней шести месяцев статьи государства Сторона don't "
    "military-technical «кавычки»"
)
_VOCAB = tuple(_VOCAB_TEXT.split())
_PUNCT = (
    " ",
    " ",
    " ",
    ", ",
    ". ",
    "; ",
    ": ",
    "\n",
    " (",
    ") ",
    " — ",
    "  ",
    "\t",
    "!",
)

tokens = st.sampled_from(_VOCAB) | st.sampled_from(_PUNCT)
clauses = st.lists(tokens, max_size=40).map("".join)
texts = clauses | st.text(max_size=60)


@st.composite
def edited_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A clause and a redraft of it: tokens replaced, dropped, inserted or moved."""
    a = draw(st.lists(tokens, min_size=1, max_size=40))
    b = list(a)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["replace", "delete", "insert", "move"]))
        i = draw(st.integers(0, max(len(b) - 1, 0)))
        if op == "replace" and b:
            b[i] = draw(tokens)
        elif op == "delete" and b:
            del b[i]
        elif op == "insert":
            b.insert(i, draw(tokens))
        elif op == "move" and len(b) > 4:
            j = draw(st.integers(i, min(i + 6, len(b))))
            chunk, b = b[i:j], b[:i] + b[j:]
            k = draw(st.integers(0, len(b)))
            b = b[:k] + chunk + b[k:]
    return "".join(a), "".join(b)


pairs = edited_pairs() | st.tuples(texts, texts)


@given(pairs)
@example(
    (
        "Стороны обязуются не оказывать помощь.",
        "Стороны могут оказывать помощь, 30 дней.",
    )
)
@example(("a 1.5x b", "a 1.5y b"))
def test_applying_the_diff_to_the_left_text_gives_the_right_one(
    pair: tuple[str, str],
) -> None:
    a, b = pair
    d = diff_texts(a, b)
    assert d.a == a
    assert d.b == b
    assert apply(a, d.ops) == b


@given(pairs)
def test_diff_of_b_a_mirrors_diff_of_a_b(pair: tuple[str, str]) -> None:
    a, b = pair
    forward, backward = diff_texts(a, b), diff_texts(b, a)
    assert backward == forward.mirror()
    assert apply(b, backward.ops) == a
    kinds = [op.kind for op in forward.ops]
    assert kinds.count("insert") == [op.kind for op in backward.ops].count("delete")


@given(pairs)
def test_changes_fall_on_word_boundaries(pair: tuple[str, str]) -> None:
    a, b = pair
    for side in ("a", "b"):
        text, pos = (a, 0) if side == "a" else (b, 0)
        for op in diff_texts(a, b).ops:
            pos += len(getattr(op, side))
            if 0 < pos < len(text):
                assert not (
                    re.match(r"\w", text[pos - 1]) and re.match(r"\w", text[pos])
                ), f"op boundary splits a word at {pos} in {text!r}"


@given(texts)
def test_identical_texts_have_no_changes(text: str) -> None:
    d = diff_texts(text, text)
    assert d.identical
    assert d.changes == ()
    assert all(op.kind == "equal" for op in d.ops)
    result = describe_group({"x": [("1", text)], "y": [("1", text)]}, "x")
    assert result.change == "identical"
    assert result.diffs[0].flags == ()


@given(texts)
def test_tokens_rebuild_the_text(text: str) -> None:
    assert "".join(tokenize(text)) == text


def _flag_sets(flags: Sequence[Flag]) -> dict[str, tuple[list[str], list[str]]]:
    return {f.kind: (sorted(f.removed), sorted(f.added)) for f in flags}


@given(edited_pairs())
def test_group_flags_are_the_flags_of_the_whole_texts(pair: tuple[str, str]) -> None:
    a, b = pair
    diff = describe_group({"x": [("1", a)], "y": [("1", b)]}, "x").diffs[0]
    assert _flag_sets(diff.flags) == _flag_sets(find_flags(a, b))


def test_changes_are_whole_words_and_phrases() -> None:
    d = diff_texts(
        "The Parties shall provide assistance.", "The Parties may render assistance."
    )
    assert [(op.kind, op.a, op.b) for op in d.changes] == [
        ("replace", "shall provide", "may render")
    ]


def test_a_moved_sentence_is_a_move_not_a_deletion_and_insertion() -> None:
    first, second = (
        "Peace shall prevail between the Parties. ",
        "Trade between them is free. ",
    )
    a = first + second + "Disputes go to talks."
    b = second + first + "Disputes go to talks."
    d = diff_texts(a, b)
    moves = [op for op in d.changes if op.kind.startswith("move")]
    assert {op.kind for op in moves} == {"move-from", "move-to"}
    assert {op.move for op in moves} == {1}
    assert {op.a + op.b for op in moves} in ({first}, {second})
    assert not [op for op in d.changes if op.kind in ("insert", "delete")]
    assert apply(a, d.ops) == b


def test_short_repeated_words_are_not_moves() -> None:
    d = diff_texts("the Party the State", "the State the Party")
    assert not [op for op in d.ops if op.kind.startswith("move")]


def test_op_data_round_trips_and_bad_ops_are_reported() -> None:
    d = diff_texts("Each Party shall act.", "Each Party may act now.")
    assert (
        WordDiff(
            Op(x["op"], x["a"], x["b"], x.get("move")) for x in map(op_data, d.ops)
        )
        == d
    )
    assert op_data(d.ops[1]) == {"op": "replace", "a": "shall", "b": "may"}
    with pytest.raises(InvalidArgument):
        Op("paste", "x")
    with pytest.raises(InvalidArgument):
        apply("Other text.", d.ops)


def _flags(a: str, b: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    return {f.kind: (f.removed, f.added) for f in find_flags(a, b)}


@pytest.mark.parametrize(
    ("a", "b", "kind", "removed", "added"),
    [
        (
            "Each Party shall assist.",
            "Each Party may assist.",
            "modality",
            ("shall",),
            ("may",),
        ),
        (
            "Стороны обязуются оказывать помощь.",
            "Стороны могут оказывать помощь.",
            "modality",
            ("обязуются",),
            ("могут",),
        ),
        (
            "The Party shall assist the aggressor.",
            "The Party shall not assist the aggressor.",
            "negation",
            (),
            ("not",),
        ),
        (
            "Сторона не оказывает помощь агрессору.",
            "Сторона оказывает помощь агрессору.",
            "negation",
            ("не",),
            (),
        ),
        ("Never use force.", "Use force.", "negation", ("never",), ()),
        (
            "A fund of 100 million.",
            "A fund of 250 million.",
            "number",
            ("100",),
            ("250",),
        ),
        (
            "Notify within 30 days.",
            "Notify within sixty days.",
            "time",
            ("30 days",),
            ("sixty days",),
        ),
        (
            "Уведомление в течение 30 дней.",
            "Уведомление в течение шести месяцев.",
            "time",
            ("30 дней",),
            ("шести месяцев",),
        ),
        (
            "Signed on 17 January 2025.",
            "Signed on 19 June 2024.",
            "time",
            ("17 january 2025",),
            ("19 june 2024",),
        ),
        (
            "Each Party shall inform.",
            "The Parties shall inform.",
            "party",
            ("party",),
            ("parties",),
        ),
        (
            "Сторона информирует.",
            "Стороны и третьи государства информируют.",
            "party",
            ("сторона",),
            ("стороны", "третьи государства"),
        ),
    ],
)
def test_significance_flags(
    a: str, b: str, kind: str, removed: tuple[str, ...], added: tuple[str, ...]
) -> None:
    assert _flags(a, b)[kind] == (removed, added)


def test_flags_ignore_renumbered_cross_references_and_unchanged_terms() -> None:
    assert (
        _flags(
            "As provided in Article 4, the Party shall act within 30 days.",
            "As provided in Article 5, the Party shall act within 30 days.",
        )
        == {}
    )
    assert (
        _flags(
            "Согласно статье 4 Сторона обязуется", "Согласно статье 7 Сторона обязуется"
        )
        == {}
    )
    assert (
        _flags("a state of war", "a state of emergency") == {}
    )  # lower-case state: no actor


def test_flag_notes_read_as_changes() -> None:
    notes = [
        f.note for f in find_flags("Each Party shall not act.", "Each Party may act.")
    ]
    assert notes == ["shall → may", "not removed"]


def _kind(a: list[str], b: list[str], **kw: object) -> str | None:
    members = {
        "base": [(str(i), t) for i, t in enumerate(a)],
        "other": [(str(i), t) for i, t in enumerate(b)],
    }
    result = describe_group(members, "base", **kw)  # type: ignore[arg-type]
    return result.diffs[0].change


def test_change_kinds() -> None:
    clause = (
        "The Parties exchange information on threats to their security in good time."
    )
    assert _kind([clause], [clause]) == "identical"
    assert _kind([clause], [clause], moved={"other": True}) == "moved"
    assert _kind([clause], [clause.replace("in good time", "promptly")]) == "reworded"
    assert (
        _kind([clause], ["The Parties shall not exchange information."]) == "modified"
    )
    assert _kind([], [clause]) == "added"
    assert _kind([clause], []) == "removed"
    assert (
        _kind(
            [clause], ["The Parties exchange information.", "On threats."], kind="split"
        )
        == "split"
    )
    assert (
        _kind(
            ["The Parties exchange information.", "On threats."], [clause], kind="merge"
        )
        == "merged"
    )
    assert set(ChangeKind) >= {
        "identical",
        "moved",
        "reworded",
        "modified",
        "added",
        "removed",
        "split",
        "merged",
    }


def test_a_flagged_change_is_never_a_mere_rewording() -> None:
    clause = "The Parties shall exchange information on threats to their security now."
    assert _kind([clause], [clause.replace("shall", "may")]) == "modified"


def test_describe_group_n_way_against_the_base() -> None:
    members = {
        "ir": [("3.3", "The other Party shall not help the aggressor.")],
        "kp": [("4", "The other Party shall help the attacked Party without delay.")],
        "by": [],
    }
    result = describe_group(members, "ir", kind="match")
    assert [d.treaty for d in result.diffs] == ["kp", "by"]
    assert all(d.base == "ir" for d in result.diffs)
    kp, by = result.diffs
    assert kp.change == "modified"
    assert {f.kind for f in kp.flags} >= {"negation"}
    assert by.change == "removed"
    assert result.change == "modified"  # the most telling change names the group
    assert apply(members["ir"][0][1], kp.ops) == members["kp"][0][1]
    with pytest.raises(InvalidArgument):
        describe_group(members, "ir", kind="triple")


def test_group_kinds_name_split_and_merge_groups() -> None:
    members = {"a": [("1", "One. Two.")], "b": [("1", "One."), ("2", "Two.")]}
    assert describe_group(members, "a", kind="split").change == "split"
    assert describe_group(members, "b", kind="merge").change == "merged"
    assert (
        describe_group({"a": [], "b": [("9", "x")]}, "a", kind="single").change
        == "added"
    )


@pytest.mark.parametrize(
    ("a", "b", "removed", "added"),
    [
        (
            "The Parties shall meet at least once a year.",
            "The Parties shall meet twice a year.",
            ("at least once a year",),
            ("twice a year",),
        ),
        (
            "The Council meets annually.",
            "The Council meets monthly.",
            ("annually",),
            ("monthly",),
        ),
        (
            "Стороны проводят встречи не реже одного раза в год.",
            "Стороны проводят встречи два раза в год.",
            ("не реже одного раза в год",),
            ("два раза в год",),
        ),
    ],
)
def test_a_changed_frequency_is_flagged(a, b, removed, added) -> None:
    flags = {f.kind: f for f in find_flags(a, b)}
    assert (flags["frequency"].removed, flags["frequency"].added) == (removed, added)
    diff = diff_texts(a, b)
    assert change_kind(diff, find_flags(a, b), counts=(1, 1)) == "modified"


def test_the_same_frequency_reworded_is_not_flagged() -> None:
    flags = find_flags(
        "The Parties shall meet twice a year.", "The Parties will convene twice a year."
    )
    assert "frequency" not in {f.kind for f in flags}


_FREQUENCY_TEXT = (
    "at least no less often than not more once twice thrice three 3 times a per each "
    "every in calendar year years month months weeks day days quarter quarters "
    "annually biannually daily nonce sometimes не реже чаще одного раза два раз в "
    "год года лет месяц месяца квартал недели полгода ежегодно разработка Parties"
)
_FREQUENCY_WORDS = tuple(_FREQUENCY_TEXT.split())


@given(
    st.lists(
        st.tuples(st.sampled_from(_FREQUENCY_WORDS), st.sampled_from(_PUNCT)),
        max_size=30,
    )
)
@example([("twice", " "), ("a", " "), ("year", "")])
@example([("3", " "), ("times", " "), ("per", " "), ("quarter", "")])
@example([("два", " "), ("раза", " "), ("в", " "), ("полгода", "")])
def test_the_frequency_screen_skips_only_texts_the_pattern_cannot_match(
    parts: list[tuple[str, str]],
) -> None:
    # Regression for the screen in front of _FREQUENCY: same matches as the
    # pattern run on every text.
    from treatydiff.diff.changes import _FREQUENCY, _frequencies

    folded = "".join(w + p for w, p in parts).casefold()
    expected = [" ".join(m.split()) for m in _FREQUENCY.findall(folded)]
    assert _frequencies(folded) == expected


@given(
    st.lists(
        st.tuples(
            st.sampled_from((*_FREQUENCY_WORDS, "xonce", "x3", "храз", "a-b")),
            st.sampled_from((*_PUNCT, "", "-")),
        ),
        max_size=30,
    )
    | st.text(alphabet="atimesonc раз вгод3x-_", max_size=40)
)
@example([("xonce", " "), ("a", " "), ("year", "")])
@example(
    [("at", " "), ("least", " "), ("x3", " "), ("times", " "), ("a", " "), ("year", "")]
)
@example([("два", ""), ("раза", " "), ("в", " "), ("год", "")])
def test_frequencies_are_those_of_the_pattern_trying_counts_at_every_letter(
    parts: list[tuple[str, str]] | str,
) -> None:
    # Counts before "times" / "раз" are tried at word starts only (speed).
    from treatydiff.diff.changes import _FREQUENCY

    folded = parts if isinstance(parts, str) else "".join(w + p for w, p in parts)
    folded = folded.casefold()
    assert _FREQUENCY.findall(folded) == FREQUENCY_READING_EVERY_LETTER.findall(folded)


_PARTY_TEXT = (
    "High Contracting Party Parties parties party third States State states country "
    "countries aggressor aggressors Russian Federation Russia Islamic Republic of Iran "
    "Democratic People's Republic Korea DPRK Belarus People's China United Union "
    "Сторона Сторон третьи третьих государства государство агрессору Российская "
    "Федерация России Исламская Республика Иран КНДР Корейская Народно-Демократическая "
    "Республики Беларусь Китай Союзного Союзное xParty Statesman аState"
)
_PARTY_WORDS = tuple(_PARTY_TEXT.split())


@given(
    st.lists(
        st.tuples(st.sampled_from(_PARTY_WORDS), st.sampled_from(_PUNCT)),
        max_size=30,
    )
    | st.text(max_size=60)
)
@example([("High", " "), ("Contracting", " "), ("Party", "")])
@example([("третьих", " "), ("государства", "")])
def test_the_party_look_ahead_finds_what_the_names_find(
    parts: list[tuple[str, str]] | str,
) -> None:
    # The look-ahead in front of the party names (speed) changes no match.
    from treatydiff.diff.changes import _PARTY, _PARTY_NAMES

    text = parts if isinstance(parts, str) else "".join(w + p for w, p in parts)
    assert _PARTY.findall(text) == re.compile(_PARTY_NAMES).findall(text)


# Texts where tokens meet in odd ways: numbers with separators next to words,
# hyphens and apostrophes, runs of spaces and line breaks.
_ODD = st.text(alphabet="12.,:/-'’ ax\n\t—", max_size=40)
odd_pairs = st.tuples(_ODD, _ODD) | st.tuples(clauses, _ODD)


@given(texts | _ODD, st.data())
@example("1.5.6x 2", None)
@example("a-b- 1,2:3/", None)
def test_a_run_of_tokens_tokenizes_to_itself(
    text: str, data: st.DataObject | None
) -> None:
    # The word diff works on token ranges: it relies on this.
    toks = tokenize(text)
    if data is None:
        pairs_ = [(i, j) for i in range(len(toks) + 1) for j in range(i, len(toks) + 1)]
    else:
        i = data.draw(st.integers(0, len(toks)))
        pairs_ = [(i, data.draw(st.integers(i, len(toks))))]
    for i, j in pairs_:
        assert tokenize("".join(toks[i:j])) == toks[i:j]


@given(pairs | odd_pairs)
@example(("a 1.5x b", "a 1.5y b"))
@example(("x  y. z", "x  q y. z"))
def test_the_diff_on_token_ranges_is_the_diff_on_strings(
    pair: tuple[str, str],
) -> None:
    a, b = pair
    if a != b:
        assert _diff.__wrapped__(a, b) == diff_by_strings(a, b)


@given(texts | _ODD | st.lists(tokens | st.sampled_from(_FREQUENCY_WORDS)).map("".join))
@example("17 January 2025, 2025-01-17 and 17.01.2025 within 30 days of Article 4 and 5")
@example("не позднее 1 мая 2024 года, 2024-05-01")
def test_flag_terms_read_by_word_kinds_are_the_terms_read_word_by_word(
    text: str,
) -> None:
    assert _read_terms.__wrapped__(text) == terms_word_by_word(text)


multiline = st.lists(clauses, min_size=1, max_size=8).map("\n".join)


@given(st.tuples(multiline, multiline) | pairs, st.sampled_from([0, 1, 30, 300]))
def test_a_diff_past_the_lcs_bound_still_turns_a_into_b(
    pair: tuple[str, str], cells: int
) -> None:
    # Past LCS_CELLS token pairs (lowered here) a diff reads lines first, then
    # tokens within each changed block or line, then a change between common
    # ends: whichever step it stops at, the ops rebuild both texts.
    a, b = sorted(pair)
    if a == b:
        return
    with mock.patch.object(words, "LCS_CELLS", cells):
        d = _diff.__wrapped__(a, b)
    assert (d.a, d.b) == (a, b)
    assert apply(a, d.ops) == b
    kinds = [op.kind for op in d.ops]
    assert all(x != y or x != "equal" for x, y in itertools.pairwise(kinds))


def test_long_texts_are_diffed_line_against_line_within_the_bound() -> None:
    # Regression: 10,000 articles against the same text run into one article
    # (every line prefixed) took an LCS of 150,000 × 150,000 tokens: 3 GB.
    a = "".join(f"The Parties shall cooperate in field {k}.\n" for k in range(60))
    b = "".join(
        f"Article 1 The Parties shall cooperate in field {k}.\n" for k in range(60)
    )
    with mock.patch.object(words, "LCS_CELLS", 60 * 60):
        d = _diff.__wrapped__(a, b)
    assert [(str(op.kind), op.b) for op in d.changes] == [("insert", "Article 1 ")] * 60
    with mock.patch.object(words, "LCS_CELLS", 59 * 59):  # not even the lines fit
        d = _diff.__wrapped__(a, b)
    assert [str(op.kind) for op in d.changes] == ["replace"]
    assert apply(a, d.ops) == b
