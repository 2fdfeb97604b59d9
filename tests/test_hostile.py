"""Odd and hostile input (issue 14): the right result or one TreatyDiffError.

Each test here is a regression for a case that once lost articles silently,
corrupted text or ended in a traceback.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from treatydiff import ParseError
from treatydiff.formats.encoding import decode, scrub
from treatydiff.formats.htmlpage import MAX_DEPTH, extract_text, parse_html
from treatydiff.formats.reader import MAX_BYTES, read, read_bytes

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
