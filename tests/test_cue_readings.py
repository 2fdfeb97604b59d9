"""Issue 13: the cues' readings are stored, so making the cues parses no regex."""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache

import pytest

from treatydiff.provisions import cues
from treatydiff.provisions.cues import Cue, rx
from treatydiff.provisions.needles import Screen, reading
from treatydiff.provisions.readings import PATH, _every_cue, text
from treatydiff.provisions.sentences import CUES

EVERY_CUE = [cue for lang in ("en", "ru") for cue in _every_cue(CUES[lang])]


@pytest.fixture
def before_the_screen(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """:func:`rx` as at import, before the screen is made; the words it
    screens for go to a set of their own (returned)."""
    words: set[str] = set()
    monkeypatch.setattr(cues, "_WORDS", words)
    monkeypatch.setattr(cues, "_screen", cache(lambda: Screen(frozenset())))
    return words


def test_the_stored_readings_are_those_of_the_cues() -> None:
    """A cue edited without regenerating the file fails here."""
    assert PATH.is_file() and PATH.read_text("utf-8") == text(), (
        f"{PATH.name} is stale: run python -m treatydiff.provisions.readings"
    )


def test_each_stored_reading_is_read_back_as_parsed() -> None:
    for cue in EVERY_CUE:
        fresh = reading(*cue.alternatives, flags=re.I)
        assert cues._reading(cue.alternatives) == fresh, cue.source


def test_a_cue_missing_from_the_file_is_read_live_and_made_the_same(
    before_the_screen: set[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = [rx(*cue.alternatives) for cue in EVERY_CUE]
    stored_words = set(before_the_screen)
    assert stored == EVERY_CUE
    before_the_screen.clear()
    try:
        with monkeypatch.context() as patched:
            patched.setattr(cues, "READINGS", "missing.json")
            cues._stored.cache_clear()
            assert cues._stored() == {}
            live = [rx(*cue.alternatives) for cue in EVERY_CUE]
    finally:
        cues._stored.cache_clear()
    assert live == stored
    assert before_the_screen == stored_words


def test_a_new_cue_is_read_live(before_the_screen: set[str]) -> None:
    new = (r"\bmutual\s+defen[cs]e\s+pacts?\b", r"\bnever\s+stored")
    assert new not in cues._stored()
    found, required, each = reading(*new, flags=re.I)
    assert found is not None
    assert rx(*new) == Cue(cues.any_of(*new), found, required, True, new, each)
    assert set(found.strings) <= before_the_screen


def test_making_the_cues_from_the_file_parses_no_pattern(
    before_the_screen: set[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def parse(*alternatives: str, flags: int = 0) -> None:
        raise AssertionError(f"parsed {alternatives}")

    monkeypatch.setattr(cues, "reading", parse)
    assert [rx(*cue.alternatives) for cue in EVERY_CUE] == EVERY_CUE


def test_importing_the_cues_parses_no_pattern() -> None:
    """In a fresh interpreter, the needles module parses no regex while the
    cue tables of both languages are made."""
    code = (
        "import re._parser, sys\n"
        "parse, callers = re._parser.parse, []\n"
        "def counted(*args, **kwargs):\n"
        "    callers.append(sys._getframe(1).f_code.co_filename)\n"
        "    return parse(*args, **kwargs)\n"
        "re._parser.parse = counted\n"
        "from treatydiff.provisions import needles, sentences\n"
        "def parsed(): return sum(f == needles.__file__ for f in callers)\n"
        "print(parsed())\n"
        "needles.reading('x')\n"
        "print(parsed())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["0", "1"]  # none at import; the count works
