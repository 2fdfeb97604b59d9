"""Provision labels: taxonomy, the clause classifier and its fixture set."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from treatydiff.errors import InvalidArgument
from treatydiff.provisions import (
    FINAL_CLAUSES,
    GENERAL_KINDS,
    SECURITY_CORE,
    TAXONOMY,
    classify,
)
from treatydiff.provisions.cues import _WORDS, Cue, _compiled, _cut, any_of, rx
from treatydiff.provisions.needles import (
    LEFT,
    PLAIN,
    RIGHT,
    Screen,
    possible,
    reading,
    satisfied,
    starts,
)
from treatydiff.provisions.sentences import CUES
from treatydiff.provisions.taxonomy import LOOKALIKES, why_not

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "provisions"
CLAUSES = json.loads((FIXTURES / "clauses.json").read_text(encoding="utf-8"))
TUNE = [c for c in CLAUSES if c["split"] == "tune"]
LOOKALIKE = [c for c in CLAUSES if c["lookalike"]]
DEFENCE = [c for c in TUNE if "mutual-defence" in c["labels"]]

NEUTRAL = {
    "en": [
        "The Parties value their long friendship.",
        "Both sides noted the results of the previous meeting.",
        "The Parties welcome the progress achieved so far.",
    ],
    "ru": [
        "Стороны высоко ценят свою давнюю дружбу.",
        "Стороны отмечают итоги предыдущей встречи.",
        "Стороны приветствуют достигнутый прогресс.",
    ],
}


def kinds(text: str, lang: str | None = None) -> set[str]:
    return {lab.kind for lab in classify(text, lang=lang)}


def core(text: str, lang: str | None = None) -> set[str]:
    return kinds(text, lang) & set(SECURITY_CORE)


# -- taxonomy ---------------------------------------------------------------


def test_security_core_keys_are_exactly_the_agreed_ones():
    assert SECURITY_CORE == (
        "mutual-defence",
        "non-assistance-to-aggressor",
        "consultation",
        "non-aggression",
        "no-hostile-alliance",
        "military-cooperation",
        "basing",
        "nuclear-deterrence",
        "intelligence-exchange",
        "sanctions",
        "counter-terrorism",
        "regional-security",
    )


def test_taxonomy_is_core_then_general_then_final_clauses():
    assert tuple(TAXONOMY) == SECURITY_CORE + GENERAL_KINDS + FINAL_CLAUSES
    for kind in ("trade-economy", "energy", "peaceful-nuclear", "legal-assistance"):
        assert kind in GENERAL_KINDS
    assert FINAL_CLAUSES[0] == "entry-into-force"
    assert FINAL_CLAUSES[-1] == "languages"


def test_every_definition_is_one_line():
    for kind, definition in TAXONOMY.items():
        assert definition and "\n" not in definition, kind
        assert kind == kind.lower() and " " not in kind


def test_lookalike_table_names_known_kinds_only():
    for missing, pairs in LOOKALIKES.items():
        assert missing in TAXONOMY
        for present, why in pairs:
            assert present in TAXONOMY and present != missing
            assert why_not(missing, present) == why


def test_why_not_has_a_generic_fallback():
    why = why_not("languages", "energy")
    assert why.startswith("energy: ") and why.endswith("not languages")


# -- the fixture set --------------------------------------------------------


def test_fixture_set_is_big_bilingual_and_well_formed():
    assert len(CLAUSES) >= 150
    assert {c["lang"] for c in CLAUSES} == {"en", "ru"}
    assert {c["split"] for c in CLAUSES} == {"tune", "heldout"}
    assert len({c["id"] for c in CLAUSES}) == len(CLAUSES)
    for c in CLAUSES:
        assert set(c["labels"]) <= set(SECURITY_CORE), c["id"]
    for kind in SECURITY_CORE:
        for lang in ("en", "ru"):
            assert any(kind in c["labels"] and c["lang"] == lang for c in CLAUSES)


@pytest.mark.parametrize("clause", TUNE, ids=[c["id"] for c in TUNE])
def test_tuning_clauses_get_exactly_their_security_labels(clause):
    assert core(clause["text"], clause["lang"]) == set(clause["labels"])


@pytest.mark.parametrize("clause", LOOKALIKE, ids=[c["id"] for c in LOOKALIKE])
def test_no_lookalike_is_mutual_defence(clause):
    assert "mutual-defence" not in kinds(clause["text"])
    assert "mutual-defence" not in kinds(clause["text"], clause["lang"])


# -- labels and evidence ----------------------------------------------------


def test_evidence_spans_point_into_the_text():
    for clause in CLAUSES:
        text = clause["text"]
        for label in classify(text):
            assert 0.0 <= label.confidence <= 1.0
            assert label.source == "classifier"
            assert label.evidence
            for span in label.evidence:
                assert text[span.start : span.end] == span.text


def test_one_label_per_kind_in_taxonomy_order():
    text = (
        "If either Party is attacked, the other Party shall render it military "
        "assistance. The Parties shall develop military cooperation and cooperate "
        "against terrorism. This Treaty enters into force on the date of signature."
    )
    found = [lab.kind for lab in classify(text)]
    assert found == [
        "mutual-defence",
        "military-cooperation",
        "counter-terrorism",
        "entry-into-force",
    ]


def test_iran_style_non_assistance_is_not_defence():
    text = (
        "If one Party becomes the object of aggression, the other Party shall not "
        "give the aggressor any military or other help that would prolong it, and "
        "shall help to settle the dispute under the UN Charter."
    )
    assert core(text) == {"non-assistance-to-aggressor"}
    (label,) = classify(text)
    assert "aggressor" in " ".join(s.text for s in label.evidence)


def test_consultation_on_threat_is_not_defence_even_with_mutual_assistance():
    text = (
        "If a direct threat of armed aggression arises against either Party, the "
        "Parties shall at once open negotiation channels to coordinate positions "
        "and agree on practical measures of mutual assistance."
    )
    assert core(text) == {"consultation"}


def test_negated_modal_later_in_the_sentence_does_not_negate_the_pledge():
    text = (
        "If either Party is attacked, the other Party shall render it military "
        "assistance and shall not conclude a separate peace."
    )
    assert "mutual-defence" in kinds(text)


def test_abbreviations_do_not_split_sentences():
    text = (
        "If either Party is attacked, the other Party, acting under Art. 51 of the "
        "UN Charter, shall render it military assistance."
    )
    assert "mutual-defence" in kinds(text)


def test_language_is_detected_per_sentence_and_can_be_forced():
    en = "The Parties shall develop military cooperation."
    ru = "Стороны развивают военное сотрудничество."
    assert kinds(en) == kinds(ru) == {"military-cooperation"}
    assert kinds(en, "ru") == set()
    assert kinds(ru, "en") == set()
    assert kinds(ru, "ru-RU") == {"military-cooperation"}
    assert kinds(f"{en} {ru}") == {"military-cooperation"}


def test_latin_script_without_english_words_is_not_read_as_english():
    # Spanish: "un" is not the UN, "comercio" is not English trade.
    assert classify("Las Partes firmaron un acuerdo de comercio con la ONU.") == ()


def test_empty_text_has_no_labels():
    assert classify("") == ()
    assert classify("  \n ") == ()


def test_bad_input_raises_a_treatydiff_error():
    with pytest.raises(InvalidArgument, match="unsupported language"):
        classify("text", lang="fr")
    with pytest.raises(InvalidArgument, match="must be a string"):
        classify(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="must be a string"):
        classify("text", lang=3)  # type: ignore[arg-type]


# -- properties -------------------------------------------------------------


@given(clause=st.sampled_from(CLAUSES), data=st.data())
def test_appending_an_unrelated_sentence_never_removes_a_label(clause, data):
    extra = data.draw(st.sampled_from(NEUTRAL["en"] + NEUTRAL["ru"]))
    before = kinds(clause["text"])
    assert before <= kinds(f"{clause['text']} {extra}")
    assert before <= kinds(f"{clause['text']}\n{extra}")


@given(clause=st.sampled_from(CLAUSES), data=st.data())
def test_labels_do_not_depend_on_letter_case_or_line_breaks(clause, data):
    text = clause["text"]
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    chosen = data.draw(st.sets(st.sampled_from(spaces))) if spaces else set()
    broken = "".join("\n" if i in chosen else ch for i, ch in enumerate(text))
    expected = kinds(text)
    assert kinds(text.upper()) == expected
    assert kinds(text.lower()) == expected
    assert kinds(broken) == expected
    assert kinds(text.replace(" ", "  ")) == expected


_EN_TRIGGERS = [
    "If either Party is attacked by a third State,",
    "In the event of an armed attack against one Party,",
    "Should one Party be subjected to aggression,",
    "If one Party is put in a state of war,",
]
_EN_PLEDGES = [
    ("the other Party shall", "the other Party shall not"),
    ("the other Party will", "the other Party will not"),
    ("the other Party undertakes to", "the other Party undertakes not to"),
    ("the other Party agrees to", "the other Party refrains from agreeing to"),
]
_EN_ACTS = [
    "render it military assistance.",
    "provide it with military and other aid by all means.",
    "give it immediate military help.",
]
_RU_TRIGGERS = [
    "В случае нападения на одну из Сторон",
    "Если одна из Сторон подвергнется агрессии,",
    "Если одна из Сторон окажется в состоянии войны,",
]
_RU_PLEDGES = [
    ("другая Сторона", "другая Сторона не"),
    ("другая Сторона обязуется", "другая Сторона обязуется не"),
    ("другая Сторона будет", "другая Сторона не будет"),
]
_RU_ACTS = [
    "оказывать ей военную помощь.",
    "предоставлять ей военную и иную помощь всеми средствами.",
]


@given(
    trigger=st.sampled_from(_EN_TRIGGERS),
    pledge=st.sampled_from(_EN_PLEDGES),
    act=st.sampled_from(_EN_ACTS),
)
def test_negating_the_obligation_removes_mutual_defence_en(trigger, pledge, act):
    positive, negative = pledge
    assert "mutual-defence" in kinds(f"{trigger} {positive} {act}")
    assert "mutual-defence" not in kinds(f"{trigger} {negative} {act}")
    disclaimer = "Nothing in this Treaty shall be construed as meaning that"
    assert "mutual-defence" not in kinds(f"{disclaimer} {positive} {act}")


@given(
    trigger=st.sampled_from(_RU_TRIGGERS),
    pledge=st.sampled_from(_RU_PLEDGES),
    act=st.sampled_from(_RU_ACTS),
)
def test_negating_the_obligation_removes_mutual_defence_ru(trigger, pledge, act):
    positive, negative = pledge
    assert "mutual-defence" in kinds(f"{trigger} {positive} {act}")
    assert "mutual-defence" not in kinds(f"{trigger} {negative} {act}")


@given(clause=st.sampled_from(DEFENCE))
def test_a_disclaimer_before_a_defence_pledge_removes_it(clause):
    prefix = {
        "en": "Nothing in this Treaty shall be construed as meaning that",
        "ru": "Ничто в настоящем Договоре не толкуется как означающее, что",
    }[clause["lang"]]
    text = clause["text"]
    assert "mutual-defence" not in kinds(f"{prefix} {text[0].lower()}{text[1:]}")


_SCREENED_CUES = [
    cue
    for cues in CUES.values()
    for field in attrs.fields(type(cues))
    if field.init  # the derived indexes are not cues
    for value in [getattr(cues, field.name)]
    for cue in (
        [value]
        if isinstance(value, Cue)
        else [
            c
            for v in (value.values() if isinstance(value, Mapping) else ())
            for c in (v if isinstance(v, tuple) else (v,))
        ]
    )
    if cue.screened
]
_SCREEN_WORDS = sorted({w.strip(LEFT + RIGHT) for w in _WORDS})
_FRAGMENTS = sorted({w for c in CLAUSES for w in c["text"].split()})


def _same_matches(cue: Cue, text: str) -> None:
    spans = [m.span() for m in cue.pattern.finditer(text)]
    assert [m.span() for m in cue.finditer(text)] == spans
    assert (cue.search(text) is None) == (not spans)


def test_every_cue_of_both_languages_is_screened() -> None:
    assert len(_SCREENED_CUES) > 100
    assert all(c.needles or c.requires for c in _SCREENED_CUES[:10])


@pytest.mark.parametrize("clause", CLAUSES, ids=lambda c: c["id"])
def test_the_screen_never_drops_a_match_of_a_clause(clause) -> None:
    """Issue 13: a cue screened out of a text has no match in it."""
    for text in (clause["text"], clause["text"].upper(), clause["text"][5:]):
        for cue in _SCREENED_CUES:
            _same_matches(cue, text)


# Screened words glued to word characters and punctuation, so that a word
# needle meets text where it is only part of a word, and where it is whole.
_GLUED = st.tuples(
    st.sampled_from(["", "a", "z", "_", "1", "é", "я", "-", "(", "'"]),
    st.sampled_from(_SCREEN_WORDS),
    st.sampled_from(["", "s", "x", "_", "2", "ё", ")", ",", "."]),
).map("".join)


@given(
    st.lists(
        st.one_of(
            st.sampled_from(_SCREEN_WORDS),
            st.sampled_from(_FRAGMENTS),
            st.text(max_size=6),
            _GLUED,
        ),
        max_size=14,
    ).map(" ".join)
)
@example("Towards the award, within the UN.")
@example("unwar warun un(war)")
def test_the_screen_never_drops_a_match(text: str) -> None:
    """Issue 13: whatever the text, screened cues find exactly what their
    patterns find (the one-pass screen and the required words only skip
    patterns that cannot match)."""
    for cue in _SCREENED_CUES:
        _same_matches(cue, text)


# Every cue source and each of its alternatives (compiled alone when a cue is cut).
_SOURCES = sorted({s for c in _SCREENED_CUES for s in (c.source, *c.alternatives)})


_BARE = {source: re.compile(source, re.IGNORECASE) for source in _SOURCES}


def _same_as_unguarded(text: str) -> None:
    for source, plain in _BARE.items():
        guarded = _compiled(source)
        assert [m.span() for m in guarded.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], source


def test_the_start_guard_never_changes_a_match_of_a_clause() -> None:
    """Issue 13: a cue compiled behind a look-ahead for the characters its
    matches begin with finds what the bare pattern finds."""
    for clause in CLAUSES:
        _same_as_unguarded(clause["text"])
        _same_as_unguarded(clause["text"].upper())


@given(
    st.lists(
        st.one_of(st.sampled_from(_SCREEN_WORDS), st.sampled_from(_FRAGMENTS), _GLUED),
        max_size=10,
    ).map(" ".join)
)
def test_the_start_guard_never_changes_a_match(text: str) -> None:
    _same_as_unguarded(text)


def test_nearly_every_cue_is_guarded_and_its_case_folds_as_the_pattern_does() -> None:
    firsts = [starts(s, re.IGNORECASE) for s in _SOURCES]
    assert sum(f is not None for f in firsts) > 0.9 * len(_SOURCES)
    assert _compiled(r"\baggressors?\b").pattern == r"(?=[a])\baggressors?\b"
    # A class of a letter matches, case-insensitive, exactly what the letter
    # matches (k also matches KELVIN SIGN, s LONG S), over the whole BMP.
    every = "".join(map(chr, range(0x10000)))
    for char in sorted(set().union(*(f for f in firsts if f))):
        letter = re.findall(re.escape(char), every, re.IGNORECASE)
        assert re.findall(f"[{re.escape(char)}]", every, re.IGNORECASE) == letter


def _topics_ruled_out_never_match(text: str) -> None:
    for cues in CUES.values():
        kinds = cues.topic_kinds(text)
        for kind, patterns in cues.topics.items():
            if kinds is None or kind in kinds:
                continue
            peace = [cues.peacetime[kind]] if kind in cues.peacetime else []
            for cue in [*patterns, *peace]:
                assert cue.pattern.search(text) is None, (kind, text)


@pytest.mark.parametrize("clause", CLAUSES, ids=lambda c: c["id"])
def test_a_topic_kind_ruled_out_has_no_match_in_a_clause(clause) -> None:
    """Issue 13: the classifier skips a topic kind only when none of its cues,
    peacetime cue included, could match."""
    for text in (clause["text"], clause["text"].upper(), clause["text"][5:]):
        _topics_ruled_out_never_match(text)


@given(
    st.lists(
        st.one_of(st.sampled_from(_SCREEN_WORDS), st.sampled_from(_FRAGMENTS), _GLUED),
        max_size=14,
    ).map(" ".join)
)
@example("They meet at the UN, in Geneva.")
def test_a_topic_kind_ruled_out_has_no_match(text: str) -> None:
    _topics_ruled_out_never_match(text)
    assert CUES["en"].topic_kinds("The weather is fine.") < set(CUES["en"].topics)


def test_a_cue_needs_all_the_words_of_one_alternative() -> None:
    cue = CUES["en"].topics["military-cooperation"][0]
    assert (f"{LEFT}military{RIGHT}",) in [
        tuple(sorted(c)) for alt in cue.requires for c in alt
    ]
    # "military" alone, or "cooperation" alone, cannot make "military cooperation"
    assert cue.search("The military attaches met.") is None
    assert cue.search("Cooperation in science is welcome.") is None
    assert cue.search("They develop military and technical cooperation.")


def test_a_cue_runs_only_the_alternatives_a_text_can_match() -> None:
    """Issue 13: on a whole text, a screened cue runs only the alternatives
    whose words the text holds: a shorter pattern, the same matches."""
    cue = CUES["en"].assist
    text = "The Parties shall assist each other in customs matters."
    run = cue._runnable(text, 0, len(text))
    assert run is not None
    assert len(run.pattern) < len(cue.source)
    _same_matches(cue, text)
    # Named groups (the modality markers) would change number: never cut.
    assert CUES["en"].markers.needs == ()
    assert CUES["en"].markers._runnable(text, 0, len(text)) is not None


def test_a_needle_between_word_boundaries_is_screened_as_a_whole_word() -> None:
    """Issue 13: a needle the pattern bounds by ``\\b`` (or by non-word
    characters) is found only where the text has those boundaries, so the cue
    is skipped on a text that holds it only inside longer words."""
    found, _required, _each = reading(r"\bwar\b", r"\b(?:in|at)\s+UN\b", flags=re.I)
    assert found is not None
    assert f"{LEFT}war{RIGHT}" in found.strings
    assert f"{LEFT}un{RIGHT}" in found.strings
    cue = rx(r"\bwar\b")  # made after the screen: reads its own needles
    screen = Screen(frozenset(found.strings))
    assert screen.present("Towards an award, sung.") == frozenset()
    assert screen.present("War, in the UN.") == set(found.strings)
    assert screen.present("(war)_un") == {f"{LEFT}war{RIGHT}"}
    assert cue.search("They walk towards the award.") is None
    assert cue.search("No war.")


def test_the_screen_reads_word_characters_as_re_does() -> None:
    """The screen finds word edges on the lower-cased text with its non-word
    characters made spaces: on every :data:`PLAIN` character ``_word`` is what
    ``\\w`` answers, before and after lowering."""
    from treatydiff.provisions.needles import _flat, _word

    word = re.compile(r"\w")
    for code in range(0x2150):
        char = chr(code)
        if PLAIN.fullmatch(char):
            assert _word(char) == bool(word.match(char)) == _word(char.lower()), code
            assert _flat(char) == (char if _word(char) else " "), code


@pytest.mark.parametrize(
    ("pattern", "marked"),
    [
        (r"\bun\b", f"{LEFT}un{RIGHT}"),
        (r"\s+un\W", f"{LEFT}un{RIGHT}"),
        (r"(?:\s+the)?\s+un(?=\W)", f"{LEFT}un"),  # a look-ahead tells nothing
        (r"\b(?:x\s+)?un\b", f"{LEFT}un{RIGHT}"),
        (r"\b-un\b", f"-un{RIGHT}"),  # no word character at the left edge
        (r"\bun\B", f"{LEFT}un"),
        (r"(?a)\bun\b", "un"),  # ASCII word edges are not the screen's
        (r"\wun\b", f"un{RIGHT}"),
    ],
)
def test_needle_marks_follow_the_pattern(pattern: str, marked: str) -> None:
    found = reading(pattern, flags=re.I)[0]
    assert found is not None
    assert found.strings == (marked,)


def test_a_start_taken_out_of_a_branch_still_spells_its_words() -> None:
    """``re``'s parser reads ``UN|United Nations`` as ``U`` then
    ``N|nited Nations``: the needles join the ``U`` back to each
    alternative, so the cue needs "UN" or "Nations", not "in" or "at"."""
    pattern = r"\b(?:with|in|at)\s+(?:the\s+)?(?:UN|United\s+Nations)\b"
    found, required, each = reading(pattern, r"\bSCO\b", flags=re.I)
    assert found is not None
    assert set(found.strings) == {
        f"{LEFT}un{RIGHT}",
        f"{LEFT}nations{RIGHT}",
        f"{LEFT}sco{RIGHT}",
    }
    assert required is not None
    assert frozenset({f"{LEFT}un{RIGHT}", f"{LEFT}nations{RIGHT}"}) in each[0]
    cue = CUES["en"].topics["multilateral-cooperation"][0]
    text = "The Parties shall cooperate in the field of trade."
    assert cue._runnable(text, 0, len(text)) is None
    _same_matches(cue, "The Parties shall cooperate in the United Nations.")


# Alternatives whose branches share a start (the parser takes it out), and
# texts made of their words.
_SHARED_STARTS = st.tuples(
    st.sampled_from(["", r"\b", r"\bin\s+", "x"]),
    st.sampled_from(["un", "u", "ele", "дру"]),
    st.lists(
        st.sampled_from(
            ["", "n", r"n\b", r"ited\s+nations", "ion", r"\w+\s+sto", "ctric", "г"]
        ),
        min_size=1,
        max_size=4,
    ),
).map(lambda t: t[0] + t[1] + any_of(*t[2]))
_SHARED_WORDS = ["un", "u", "n", "united", "nations", "union", "in", "x", "sto"]
_SHARED_WORDS += ["unnsto", "electric", "ele", "друг", "дру", "xun", "unn"]


@given(
    st.lists(_SHARED_STARTS, min_size=1, max_size=3),
    st.lists(st.sampled_from(_SHARED_WORDS), max_size=8).flatmap(
        lambda words: st.sampled_from([" ", "", "-", " the "]).map(
            lambda sep: sep.join(words)
        )
    ),
)
@example([r"\bin\s+un" + any_of("n", r"ited\s+nations")], "in united nations")
def test_needles_read_through_a_shared_start_never_drop_a_match(
    alternatives: list[str], text: str
) -> None:
    """The needles, required words and needs of each alternative, read with
    the literals before a branch joined to it, are in every text that an
    alternative matches: the screen keeps each alternative that matches."""
    found, required, each = reading(*alternatives, flags=re.I)
    words = set(found.strings if found else ())
    words.update(w for alt in required or () for c in alt for w in c)
    words.update(w for need in each for c in need for w in c)
    present = Screen(frozenset(words)).present(text)
    assert present is not None
    for k, alt in enumerate(alternatives):
        if re.search(alt, text, re.I) is None:
            continue
        assert found is None or not present.isdisjoint(found.strings)
        assert required is None or satisfied(required, present)
        assert not each or k in possible(each, present)


def test_the_screen_never_drops_a_match_in_tota_sentences(tota_dir) -> None:
    """The screened cues find what their patterns find in the sentences of
    two real treaties (English trade agreements)."""
    from treatydiff.formats.tota import read_tota
    from treatydiff.provisions.sentences import sentences

    for name in ("pta_312", "pta_155"):
        treaty = read_tota((tota_dir / f"{name}.xml").read_bytes())
        texts = {p.full_text for art in treaty.articles for p in art.paragraphs}
        for text in sorted(texts):
            for start, end in sentences(text):
                for cue in _SCREENED_CUES:
                    _same_matches(cue, text[start:end])


_ALTERNATIVES = (r"ab", r"abc", r"\bb\w*", r"c+a", r"(?<=a)b")


@given(
    st.text(alphabet="abc .", max_size=30),
    st.lists(st.integers(0, len(_ALTERNATIVES) - 1), min_size=1, unique=True),
    st.integers(0, 5),
)
@example("abc cab", [0, 1], 0)  # "ab" first at 0, "c+a" overlapping "abc"
def test_a_cut_answers_as_the_alternation_of_its_alternatives(
    text: str, kept: list[int], pos: int
) -> None:
    """Issue 13: the kept alternatives run one by one and merged give the
    matches of their alternation: at each place the first alternative that
    matches there, overlaps and look-behind included."""
    kept = sorted(kept)
    cut = _cut(_ALTERNATIVES, tuple(kept))
    whole = re.compile(any_of(*(_ALTERNATIVES[k] for k in kept)), re.IGNORECASE)
    assert [m.span() for m in cut.finditer(text, pos)] == [
        m.span() for m in whole.finditer(text, pos)
    ]
    found, expected = cut.search(text, pos), whole.search(text, pos)
    assert (found and found.span()) == (expected and expected.span())


# Precision on trade agreements and the missed wordings of issue 12 (clauses
# written for these tests).
@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        (
            "Upon the entry into force of this Agreement, each Party shall eliminate "
            "its customs duties on originating goods.",
            "entry-into-force",
            False,
        ),
        (
            "From the date of entry into force of this Agreement, each Party shall "
            "apply the tariff schedule in Annex 2.",
            "entry-into-force",
            False,
        ),
        (
            "As of the entry into force of this Agreement, the Parties shall open "
            "their public procurement to each other's suppliers.",
            "entry-into-force",
            False,
        ),
        (
            "This Agreement shall enter into force on the thirtieth day after the "
            "date of the last notification.",
            "entry-into-force",
            True,
        ),
        (
            "С даты вступления в силу настоящего Соглашения Стороны отменяют "
            "таможенные пошлины.",
            "entry-into-force",
            False,
        ),
        (
            "Настоящий Договор вступает в силу с даты обмена ратификационными "
            "грамотами.",
            "entry-into-force",
            True,
        ),
        (
            "The Parties reaffirm their rights and obligations under the Marrakesh "
            "Agreement Establishing the World Trade Organization.",
            "trade-economy",
            False,
        ),
        (
            "Each Party shall protect trade secrets of the other's nationals.",
            "trade-economy",
            False,
        ),
        (
            "The Parties shall expand trade in goods and services between them.",
            "trade-economy",
            True,
        ),
        (
            "The Parties reaffirm their commitment to the purposes and principles of "
            "the Charter of the United Nations.",
            "multilateral-cooperation",
            False,
        ),
        (
            "Nothing in this Chapter affects measures adopted under a resolution of "
            "the UN Security Council.",
            "multilateral-cooperation",
            False,
        ),
        (
            "The Parties shall cooperate closely within the United Nations and its "
            "specialised agencies.",
            "multilateral-cooperation",
            True,
        ),
        (
            "The Parties recall the Treaty establishing the African Economic "
            "Community signed at Abuja on 3 June 1991.",
            "languages",
            False,
        ),
        (
            "Done at Moscow on 19 June 2024 in two originals, each in the Russian "
            "and English languages.",
            "languages",
            True,
        ),
        ("Настоящий Договор заключается на неограниченный срок.", "duration", True),
        ("Настоящий Договор действует в течение двадцати лет.", "duration", True),
        (
            "The Parties shall hold consultations at the level of foreign ministers "
            "on the questions of the day.",
            "political-dialogue",
            True,
        ),
        (
            "Стороны регулярно консультируются друг с другом по международным "
            "вопросам.",
            "political-dialogue",
            True,
        ),
        (
            "The Parties shall consult each other regularly on international and "
            "regional security questions.",
            "consultation",
            True,
        ),
    ],
)
def test_issue_12_cue_precision_and_recall(
    text: str, kind: str, expected: bool
) -> None:
    assert (kind in {lab.kind for lab in classify(text)}) is expected


def test_an_explicit_language_is_read_once(monkeypatch) -> None:
    """Issue 13: an explicit language tag is read once, not for every sentence."""
    from treatydiff.provisions import sentences

    calls: list[str] = []
    real = sentences.language_code

    def counted(lang: str) -> str:
        calls.append(lang)
        return real(lang)

    monkeypatch.setattr(sentences, "language_code", counted)
    sentences._given.cache_clear()
    for text in ("One.", "Two.", "Three."):
        assert sentences.languages(text, "en-GB") == ("en",)
    assert calls == ["en-GB"]
    for _ in range(2):
        with pytest.raises(InvalidArgument, match="unsupported language 'fr'"):
            sentences.languages("Un.", "fr")
    sentences._given.cache_clear()
