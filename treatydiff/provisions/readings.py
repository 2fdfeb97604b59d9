"""The stored readings of the cues of both languages, and their writer.

Run ``python -m treatydiff.provisions.readings`` after editing a cue of
:mod:`.cues_en` or :mod:`.cues_ru`: it rewrites :data:`.cues.READINGS`, from
which :func:`.cues.rx` takes each cue's reading instead of parsing its
pattern at import.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs

from treatydiff.provisions.cues import READINGS, Cue, Cues, readings_text
from treatydiff.provisions.cues_en import EN
from treatydiff.provisions.cues_ru import RU

__all__ = ["PATH", "text"]

PATH = Path(__file__).with_name(READINGS)


def _every_cue(cues: Cues) -> Iterator[Cue]:
    yield from (v for v in attrs.astuple(cues, recurse=False) if isinstance(v, Cue))
    yield from cues.peacetime.values()
    for group in cues.topics.values():
        yield from group


def text() -> str:
    """What :data:`PATH` should hold: the readings of every cue of both
    languages, parsed now."""
    return readings_text(c.alternatives for cues in (EN, RU) for c in _every_cue(cues))


if __name__ == "__main__":
    PATH.write_text(text(), encoding="utf-8")
    print(f"wrote {PATH}")
