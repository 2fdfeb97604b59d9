"""Small hand-written ToTA-style treaties for the corpus index tests."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

#: Clause texts written for these tests (not from any real treaty).
CLAUSES = {
    "defence": (
        "If either Party is subjected to an armed attack by any State, the other "
        "Party shall immediately render it military and other assistance with "
        "all the means at its disposal."
    ),
    "consult": (
        "The Parties shall consult each other regularly on all important "
        "international questions affecting their common interests and on the "
        "implementation of this Treaty."
    ),
    "trade": (
        "Each Party shall accord to the goods of the other Party treatment no less "
        "favourable than that it accords to like domestic goods, in accordance "
        "with the rules agreed between the two customs administrations."
    ),
    "science": (
        "The Parties shall develop cooperation in science, research and "
        "technology, including exchanges of scientists, joint projects of "
        "laboratories and the training of young researchers in both countries."
    ),
    "force": (
        "This Treaty shall enter into force on the date of the exchange of the "
        "instruments of ratification and shall remain in force for twenty years "
        "unless either Party gives written notice of termination."
    ),
    "fish": (
        "The Parties shall protect the living resources of the shared river "
        "basin, set annual catch quotas by common decision and exchange data "
        "on fish stocks twice a year through their fisheries agencies."
    ),
}


def tota_xml(
    ident: int, date: str, parties: tuple[str, str], articles: list[str]
) -> str:
    """A minimal ToTA file: meta (date, parties, language) and one chapter."""
    arts = "".join(
        f'<article number="Article {i}" name="Heading {i}">{escape(text)}</article>'
        for i, text in enumerate(articles, start=1)
    )
    isos = "".join(f"<partyisocode>{p}</partyisocode>" for p in parties)
    return (
        "<?xml version='1.0' encoding='UTF-8'?><treaty><meta>"
        f"<name>Treaty {ident}</name><treaty_identifier>{ident}</treaty_identifier>"
        f"<date_signed>{date}</date_signed><parties>{isos}</parties>"
        f"<language>en</language></meta><body>"
        f'<chapter name="Main" number="Chapter 1">{arts}</chapter></body></treaty>'
    )


def reword(text: str) -> str:
    """A light redraft: a few words changed, most kept."""
    return text.replace("shall", "will").replace("Parties", "Contracting Parties")


def write_corpus(root: Path) -> Path:
    """Four treaties in ``root``: 2 (1990) copies 1 (1980) with light rewording,
    3 (2000) takes half of 1, 4 (2010) is unrelated."""
    c = CLAUSES
    treaties = {
        1: ("1980-05-01", ("AAA", "BBB"), [c["defence"], c["consult"], c["force"]]),
        2: (
            "1990-05-01",
            ("AAA", "CCC"),
            [reword(c["defence"]), c["consult"], reword(c["force"])],
        ),
        3: ("2000-05-01", ("BBB", "DDD"), [c["trade"], c["consult"]]),
        4: ("2010-05-01", ("EEE", "FFF"), [c["science"], c["fish"]]),
    }
    root.mkdir(parents=True, exist_ok=True)
    for ident, (date, parties, arts) in treaties.items():
        (root / f"pta_{ident}.xml").write_text(
            tota_xml(ident, date, parties, arts), encoding="utf-8"
        )
    return root
