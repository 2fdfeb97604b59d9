"""ToTA XML (Texts of Trade Agreements) → Treaty: a fixture and the whole corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.support import needs_akn_schema
from treatydiff import Article, Division, Paragraph, ParseError, Treaty
from treatydiff.formats.akn import read_akn, to_akn, validate_akn
from treatydiff.formats.reader import read_xml
from treatydiff.formats.tota import read_tota

SMALL = Path(__file__).resolve().parent / "fixtures" / "files" / "tota_small.xml"


def small_treaty() -> Treaty:
    """What tests/fixtures/files/tota_small.xml reads as."""
    return Treaty(
        id="pta_9001",
        title="Arcadia - Borealia",
        parties=("ARC", "BOR"),
        signed_date="2015-06-30",
        lang="en",
        source="https://example.invalid/arc-bor.pdf",
        preamble="Preamble  The Republic of Arcadia and the Kingdom of Borealia,\n"
        "  resolved to expand their trade,\n\n  have agreed as follows:",
        divisions=(
            Division(
                kind="chapter",
                num="1",
                heading="Initial Provisions",
                articles=("1", "2"),
            ),
            Division(
                kind="part", num="II", heading="Trade In Goods", articles=("3", "4")
            ),
        ),
        articles=(
            Article(
                num="1.1",
                ref="1",
                heading="Establishment",
                paragraphs=(
                    Paragraph(text="The Parties hereby establish a free trade area."),
                ),
            ),
            Article(
                num="1.2",
                ref="2",
                heading="Definitions",
                paragraphs=(
                    Paragraph(
                        text="For the purposes of this Agreement:\n"
                        "  (a) days means calendar days;\n"
                        "  (b) goods means products of a Party."
                    ),
                ),
            ),
            Article(
                num="3",
                ref="3",
                paragraphs=(
                    Paragraph(
                        text="Each Party shall eliminate its customs duties "
                        "on originating goods."
                    ),
                ),
            ),
            Article(
                num="4",
                ref="4",
                paragraphs=(
                    Paragraph(text="Unnumbered text that is still a body article."),
                ),
            ),
        ),
        closing="IN WITNESS WHEREOF the undersigned have signed this Agreement.\n\n"
        "  DONE at Port Lumen.",
        metadata={
            "type": "Free Trade Agreement",
            "wto_rta_id": "9001",
            "treaty_identifier": "9001",
            "status": "In Force",
            "date_into_force": "2016-01-01",
            "date_inactive": None,
            "parties_original": ["ARC", "BOR"],
            "related_agreement_wto_id": ["17"],
            "sources": [
                {
                    "lang": "en",
                    "type": "annex",
                    "url": "https://example.invalid/arc-bor-annex.html",
                },
                {
                    "lang": "es",
                    "type": "full text",
                    "url": "https://example.invalid/arc-bor-es.pdf",
                },
                {
                    "lang": "en",
                    "type": "full text",
                    "url": "https://example.invalid/arc-bor.pdf",
                },
            ],
        },
    )


def test_small_fixture_reads_to_the_expected_treaty() -> None:
    treaty = read_tota(SMALL.read_bytes(), source=str(SMALL))
    assert treaty == small_treaty()
    assert treaty.metadata == small_treaty().metadata


def test_id_comes_from_the_file_name_when_there_is_one() -> None:
    assert read_tota(SMALL.read_bytes(), source="corpus/pta_77.xml").id == "pta_77"


def test_small_fixture_round_trips_through_akn() -> None:
    assert read_akn(to_akn(small_treaty())) == small_treaty()


@needs_akn_schema
def test_small_fixture_writes_valid_akn() -> None:
    validate_akn(to_akn(small_treaty()))


def test_not_a_tota_file_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match=r"x\.xml: not a ToTA file.*<treaty>"):
        read_tota(b"<treaty><body/></treaty>", source="x.xml")
    # Regression: an empty <treaty> was an "unknown XML root <treaty> (expected
    # ... ToTA <treaty>)".
    for xml, missing in (
        (b"<treaty/>", "<meta> or <body>"),
        (b"<treaty><meta/></treaty>", "<body>"),
    ):
        with pytest.raises(ParseError, match=f"got a <treaty> without {missing}"):
            read_xml(xml, source="x.xml")


def _read(tota_dir: Path, n: int) -> Treaty:
    path = tota_dir / f"pta_{n}.xml"
    return read_tota(path.read_bytes(), source=str(path))


@pytest.mark.slow
def test_every_corpus_file_reads(tota_dir: Path) -> None:
    """All 450 files read; every source article is a body article, the preamble or
    the closing text, and no character of article text is lost."""
    paths = sorted(tota_dir.glob("pta_*.xml"))
    assert len(paths) == 450
    treaties = [read_tota(p.read_bytes(), source=str(p)) for p in paths]
    assert [t.id for t in treaties] == [p.stem for p in paths]
    body = sum(len(t.articles) for t in treaties)
    preambles = sum(t.preamble is not None for t in treaties)
    closings = sum(t.closing is not None for t in treaties)
    source_articles = sum(p.read_bytes().count(b"<article ") for p in paths)
    assert source_articles == 40_993  # as SOURCE.md says
    assert (body, preambles, closings) == (40_269, 324, 400)
    assert body + preambles + closings == source_articles
    chars = sum(
        len(t.preamble or "")
        + len(t.closing or "")
        + sum(len(a.text) for a in t.articles)
        for t in treaties
    )
    assert chars == 46_266_583
    assert all(t.articles for t in treaties)
    assert Counter(t.lang for t in treaties) == {"en": 424, "es": 24, "fr": 2}
    assert all(t.title and t.parties and t.signed_date for t in treaties)
    for t in treaties:
        assert [a.ref for a in t.articles] == [
            str(i) for i in range(1, len(t.articles) + 1)
        ]
        assert all(len(a.paragraphs) == 1 for a in t.articles)
        in_divisions = [ref for d in t.divisions for ref in d.articles]
        assert len(in_divisions) == len(set(in_divisions))
        assert set(in_divisions) <= {a.ref for a in t.articles}
    kinds = Counter(d.kind for t in treaties for d in t.divisions)
    assert kinds == {"chapter": 3479, "title": 321, "part": 63, "section": 59}


def test_chapters_become_divisions_and_metadata_is_kept(tota_dir: Path) -> None:
    treaty = _read(tota_dir, 1)
    assert treaty.title == "Japan - Thailand"
    assert treaty.parties == ("JPN", "THA")
    assert (treaty.signed_date, treaty.lang) == ("2007-04-03", "en")
    assert treaty.source.endswith("/epa0704/agreement.pdf")
    assert treaty.divisions[0] == Division(
        kind="chapter",
        num="1",
        heading="General Provisions",
        articles=tuple(str(i) for i in range(1, 15)),
    )
    first = treaty.articles[0]
    assert (first.num, first.heading) == ("1", "Objectives")
    assert treaty.preamble.startswith("Preamble  Japan and the Kingdom of Thailand")
    assert treaty.closing.startswith("IN WITNESS WHEREOF")
    meta = treaty.metadata
    assert meta["status"] == "In Force"
    assert meta["date_into_force"] == "2007-11-01"
    assert meta["date_inactive"] is None
    assert meta["parties_original"] == ["JPN", "THA"]
    assert [s["type"] for s in meta["sources"]] == ["full text", "annex"]


def test_line_breaks_are_kept_in_one_paragraph(tota_dir: Path) -> None:
    article = _read(tota_dir, 106).article("1")
    assert article.heading == "Objectives"
    assert len(article.paragraphs) == 1
    assert "\n\n\n(c) \tto contribute" in article.text


def test_numbered_articles_of_a_preamble_chapter_are_body_articles(
    tota_dir: Path,
) -> None:
    """pta_100: ToTA files the articles before the first title under "Preamble"."""
    treaty = _read(tota_dir, 100)
    assert treaty.preamble is None
    assert treaty.articles[0].num == "1"
    assert treaty.articles[0].text.startswith(
        "Trade between the European Economic Community"
    )
    assert "1" not in {ref for d in treaty.divisions for ref in d.articles}
    assert treaty.divisions[0].kind == "title"
    assert treaty.divisions[0].num == "I"


def test_unnamed_first_and_last_chapters_are_preamble_and_closing(
    tota_dir: Path,
) -> None:
    treaty = _read(tota_dir, 103)
    assert treaty.preamble.startswith("AGREEMENT between the European Community")
    assert treaty.closing.startswith("Hecho en Bruselas")
    assert treaty.divisions == ()
    assert treaty.articles[0].num == "1"
    lone = _read(tota_dir, 310)  # a single unnamed chapter holds the whole text
    assert lone.preamble is None
    assert len(lone.articles) == 1


@needs_akn_schema
def test_corpus_treaties_round_trip_through_valid_akn(tota_dir: Path) -> None:
    """Every 10th file (all 450 pass too; about 6 s): a valid document, equal back."""
    for n in [1, 103, 123, *range(5, 451, 10)]:
        treaty = _read(tota_dir, n)
        data = to_akn(treaty)
        validate_akn(data)
        assert read_akn(data) == treaty
