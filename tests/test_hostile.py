"""Odd and hostile input (issue 14): the right result or one TreatyDiffError.

Each test here is a regression for a case that once lost articles silently,
corrupted text or ended in a traceback.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from pathlib import Path

import attrs
import pytest

from treatydiff import Article, Label, ParseError, Treaty, compare, parse
from treatydiff.formats.akn import to_akn
from treatydiff.formats.encoding import decode, scrub
from treatydiff.formats.htmlpage import MAX_DEPTH, extract_text, parse_html
from treatydiff.formats.plaintext.writer import to_text
from treatydiff.formats.reader import MAX_BYTES, read, read_bytes
from treatydiff.formats.treatyjson import treaty_to_dict
from treatydiff.model.refs import num_to_ref
from treatydiff.provisions import TAXONOMY

ARTICLES = "".join(
    f"<div><h3>Article {i}</h3><p>Peace {i} in good faith.</p></div>" for i in (1, 2, 3)
)


def _refs(page: str | bytes) -> list[str]:
    return [a.ref for a in parse_html(page).articles]


@pytest.mark.parametrize(
    "page",
    [
        f"<html><body>{ARTICLES}</body></html>",
        f"<html><body><main>{ARTICLES}</main></body></html>",
        f"<html><body><div>{ARTICLES}</div><p>Done at Lakeport.</p></body></html>",
        f"<html><body><section>{ARTICLES}</section></body></html>",
    ],
    ids=["body", "main", "div", "section"],
)
def test_one_div_per_article_keeps_every_article(page: str) -> None:
    assert _refs(page) == ["1", "2", "3"]


def test_minified_page_keeps_every_article() -> None:
    page = "<html><body><main>" + ARTICLES.replace("\n", "") + "</main></body></html>"
    assert _refs(page) == ["1", "2", "3"]


def test_hundreds_of_unclosed_inline_tags_lose_nothing() -> None:
    page = (
        "<html><body>"
        + "<font>" * 300
        + "<p>Article 1</p><p>Peace.</p><p>Article 2</p><p>War.</p></body></html>"
    )
    assert _refs(page) == ["1", "2"]


def test_markup_too_deep_to_parse_says_so() -> None:
    page = "<html><body>" + "<div>" * (MAX_DEPTH + 10) + "<p>Article 1</p><p>x.</p>"
    with pytest.raises(ParseError, match=r"nested deeper than 2048.*parser stopped"):
        extract_text(page, source="deep.html")


def test_deep_nesting_within_the_limit_is_read_without_recursion_error() -> None:
    page = "<html><body>" + "<div>" * 2000 + "<p>Article 1</p><p>Deep.</p>"
    assert _refs(page) == ["1"]


@pytest.mark.parametrize("charset", ["utf-7", "undefined", "punycode", "idna", "x"])
def test_bogus_declared_charset_is_ignored(charset: str) -> None:
    page = (
        f'<html><head><meta charset="{charset}"></head><body><p>Article 1</p>'
        "<p>Peace +2AA- here.</p><p>Article 2</p><p>War.</p></body></html>"
    ).encode() + "<p>é</p>".encode()
    treaty = parse_html(page)
    assert [a.ref for a in treaty.articles] == ["1", "2"]


def test_lone_surrogate_in_a_page_is_replaced() -> None:
    page = "<html><body><p>Article 1</p><p>Peace \ud800 here.</p></body></html>"
    assert parse_html(page).articles[0].text == "Peace \ufffd here."


def test_long_ordered_list_labels_in_linear_time() -> None:
    items = "".join(f"<li>Item {i}.</li>" for i in range(1, 3001))
    page = f"<html><body><p>Article 1</p><ol>{items}</ol></body></html>"
    text = extract_text(page)
    assert "3000. Item 3000." in text


def test_sidebar_citing_an_article_is_not_taken_in() -> None:
    page = (
        "<html><body><table><tr><td>"
        "<div class='doc'><p>Article 1</p><p>One.</p><p>Article 2</p><p>Two.</p></div>"
        "</td><td><div class='sidebar-news'><h3>News</h3>"
        "<p>Article 5 of the budget law.</p></div></td></tr></table></body></html>"
    )
    assert "budget" not in extract_text(page)


# Encodings ------------------------------------------------------------------

LATIN = "Artigo 1\nAs negociações começarão já. Übereinkommen für café, été.\n"


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_latin_script_text_is_never_read_as_cyrillic(codec: str) -> None:
    assert decode(LATIN.encode(codec)) == LATIN


@pytest.mark.parametrize(
    "text",
    [
        "Άρθρο 1\nΟι Συμβαλλόμενοι συνεργάζονται.\n",
        "第一条\n双方同意合作，促进和平与发展。\n",
        "Article 1\nThe Parties cooperate.\n",
        "Статья 1\nСтороны сотрудничают.\n",
    ],
    ids=["greek", "cjk", "latin", "cyrillic"],
)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_in_any_script(text: str, codec: str) -> None:
    assert decode(text.encode(codec)) == text


def test_a_stray_nul_does_not_make_a_text_binary() -> None:
    data = ("Article 1\nPeace. " * 2000).encode()
    text = decode(data[:100] + b"\x00" + data[100:])
    assert text.count("\ufffd") == 1
    assert "\x00" not in text


def test_binary_data_is_still_refused() -> None:
    with pytest.raises(ParseError, match="binary"):
        decode(bytes(range(256)) * 20)


def test_utf32_bom_with_bad_payload_is_binary() -> None:
    with pytest.raises(ParseError, match="binary"):
        decode(codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff" * 8)


def test_scrub_replaces_lone_surrogates_only() -> None:
    assert scrub("a\ud800b\udfffc😀") == "a\ufffdb\ufffdc😀"


# Input files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind"), [("/dev/zero", "character device"), (".", "directory")]
)
def test_what_is_not_a_regular_file_is_refused(path: str, kind: str) -> None:
    with pytest.raises(ParseError, match=f"not a regular file \\(a {kind}\\)"):
        read(path)


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ParseError, match="FIFO"):
        read(fifo)


def test_input_size_limit_is_documented_and_overridable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "pact.txt"
    path.write_text("Article 1\nPeace.\n")
    assert read(path).articles
    with pytest.raises(ParseError, match="input limit of 5 bytes"):
        read(path, max_bytes=5)
    with pytest.raises(ParseError, match="TREATYDIFF_MAX_BYTES"):
        read_bytes(b"Article 1\nPeace.\n", max_bytes=5)
    monkeypatch.setenv("TREATYDIFF_MAX_BYTES", "5")
    with pytest.raises(ParseError, match="input limit of 5 bytes"):
        read(path)
    monkeypatch.setenv("TREATYDIFF_MAX_BYTES", "lots")
    with pytest.raises(ParseError, match="not a number"):
        read(path)
    assert MAX_BYTES >= 50_000_000


# Akoma Ntoso and ToTA ---------------------------------------------------------

KIND = next(iter(TAXONOMY))
AKN = to_akn(parse("Article 1\nPeace between the Parties.\n\nArticle 2\nWar.\n"))


def _akn_with_metadata(meta: str) -> bytes:
    return AKN.replace(
        b'lang="en"/>',
        f'lang="en"><td:metadata>{meta}</td:metadata></td:treaty>'.encode(),
    )


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ("[1]", "JSON object expected, got list"),
        ('"x"', "got str"),
        ("null", "got NoneType"),
        ("42", "got int"),
        ("[" * 5000, "nested too deeply"),
        ('{"articles_total": "many"}', "not a count"),
        ('{"articles_total": -1}', "not a count"),
        ('{"a": NaN}', "NaN is not JSON"),
        ('{"a": -Infinity}', "Infinity is not JSON"),
    ],
)
def test_bad_akn_metadata_is_one_parse_error(meta: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        read_bytes(_akn_with_metadata(meta), source="m.xml")


def test_akn_label_confidence_must_be_finite() -> None:
    treaty = parse("Article 1\nThe Parties shall consult each other.\n")
    labelled = attrs.evolve(
        treaty.articles[0], labels=[Label(kind=KIND, confidence=0.5)]
    )
    data = to_akn(attrs.evolve(treaty, articles=[labelled]))
    assert b'confidence="' in data
    for bad in (b"nan", b"1e999", b"-inf"):
        hostile = re.sub(rb'(<td:label[^>]*confidence=")[^"]*', rb"\g<1>" + bad, data)
        with pytest.raises(ParseError, match="bad label confidence"):
            read_bytes(hostile)


@pytest.mark.parametrize(
    ("num", "ref"), [("²", "²"), ("³", "³"), ("9" * 5000, "9" * 5000), ("٤٢", "42")]
)
def test_odd_article_numbers_become_refs_without_value_error(
    num: str, ref: str
) -> None:
    assert num_to_ref(num) == ref
    assert Article(num=num).ref == ref
    data = AKN.replace(b"<num>1</num>", f"<num>{num}</num>".encode())
    assert read_bytes(data).articles[0].ref == ref


def test_empty_akn_body_is_an_error_like_text_without_articles() -> None:
    data = AKN[: AKN.index(b"<body>")] + b"<body/></act></akomaNtoso>"
    with pytest.raises(ParseError, match="no articles"):
        read_bytes(data, source="e.xml")


def _tota(body: str) -> bytes:
    return (
        "<treaty><meta><name>Pact</name><language>en</language></meta>"
        f"<body>{body}</body></treaty>"
    ).encode()


def test_tota_articles_under_body_or_in_nested_chapters_are_kept() -> None:
    data = _tota(
        '<article number="1">One.</article>'
        '<chapter name="Trade"><article number="2">Two.</article>'
        '<chapter name="Goods"><article number="3">Three.</article></chapter>'
        "</chapter>"
        '<article number="4">Four.</article>'
    )
    treaty = read_bytes(data)
    assert [a.text for a in treaty.articles] == ["One.", "Two.", "Three.", "Four."]


def test_empty_tota_body_is_an_error() -> None:
    with pytest.raises(ParseError, match="no articles"):
        read_bytes(_tota(""), source="t.xml")


def test_lone_surrogate_in_text_is_replaced_at_the_door() -> None:
    treaty = parse("0\n\nArticle 1\n0\n\ud800")
    text = to_text(treaty)
    text.encode("utf-8")
    assert "\ufffd" in text
    json.dumps(treaty_to_dict(treaty), ensure_ascii=False).encode("utf-8")


def test_article_numbers_of_five_and_six_digits_are_headings() -> None:
    numbers = range(99_990, 100_011)
    text = "".join(f"Article {n}\nPoint {n} agreed.\n\n" for n in numbers)
    assert [a.num for a in parse(text).articles] == [str(n) for n in numbers]


def test_preamble_and_closing_differences_are_their_own_groups() -> None:
    def treaty(tid: str, place: str) -> Treaty:
        return parse(
            f"PACT\n\nThe Parties, desiring peace,\n\nArticle 1\nPeace.\n\n"
            f"Done at {place} on 1 May.\n",
            id=tid,
        )

    comparison = compare(treaty("a", "Moscow"), treaty("b", "Tehran"))
    frame = [g for g in comparison.groups if "closing" in g.members["a"]]
    assert [g.members for g in frame] == [{"a": ("closing",), "b": ("closing",)}]
    text = comparison.render("text", changed_only=True)
    assert "(no groups)" not in text
    assert "Done at [-Moscow-]{+Tehran+}" in text
    data = comparison.to_dict()
    changes = {tuple(g["members"]["a"]): g["change"] for g in data["groups"]}
    assert changes[("preamble",)] == "identical"
    assert changes[("closing",)] == "reworded"
