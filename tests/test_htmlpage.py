"""Saved official treaty web pages: the treaty text without the site around it.

The fixture pages are written for these tests (invented treaties) in the
layout of a foreign ministry site (HTML5, UTF-8: header, menu, cookie banner,
breadcrumbs, share buttons, sidebar, footer, scripts) and of a presidential
site (table layout, Windows-1251, no ``main``). ``<page>.expected.txt`` is the
text :func:`extract_text` must give.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff import ParseError
from treatydiff.formats.htmlpage import extract_text, parse_html

HTML = Path(__file__).parent / "fixtures" / "html"
PAGES = ["en_mfa_page", "ru_president_page"]
CHROME = [
    "Skip to",
    "cookies",
    "cookie",
    "Accept all",
    "The Ministry",
    "Press Room",
    "Search",
    "Home",
    "Published",
    "Share",
    "Print",
    "Tags",
    "Related documents",
    "Site map",
    "Новости",
    "Главная",
    "Законы",
    "печати",
    "12:00",
    "Статья 5 закона",
    "Статья 12",
    "Статья 7",
    "Article 9",
    "dataLayer",
]


@pytest.mark.parametrize("page", PAGES)
def test_extracted_text_is_the_treaty_only(page: str) -> None:
    text = extract_text((HTML / f"{page}.html").read_bytes())
    assert text == (HTML / f"{page}.expected.txt").read_text(encoding="utf-8")
    for word in CHROME:
        assert word not in text


def test_english_ministry_page_parses() -> None:
    path = HTML / "en_mfa_page.html"
    treaty = parse_html(path.read_bytes(), source=str(path))
    assert treaty.id == "en_mfa_page"
    assert treaty.lang == "en"
    assert treaty.title == (
        "Agreement between the Republic of Ardenia and the Kingdom of Borvania "
        "on Scientific Cooperation"
    )
    assert treaty.preamble is not None and treaty.preamble.endswith(
        "Have agreed as follows:"
    )
    assert [(a.ref, a.heading) for a in treaty.articles] == [
        ("1", "Purpose"),
        ("2", "Forms of cooperation"),
        ("3", "Joint Committee"),
        ("4", "Final provisions"),
    ]
    para = treaty.find("2.1")
    assert [p.label for p in para.points] == [
        "a",
        "b",
        "c",
    ]  # numbered by <ol type="a">
    assert para.points[2].text == (
        "joint conferences, in particular those referred to in "
        "Article 3 of this Agreement."
    )
    assert treaty.closing is not None and treaty.closing.startswith(
        "Done at Ardenstadt"
    )
    assert "For the Republic of Ardenia For the Kingdom of Borvania" in treaty.closing


def test_russian_windows_1251_presidential_page_parses() -> None:
    data = (HTML / "ru_president_page.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    treaty = parse_html(data)
    assert treaty.lang == "ru"
    assert treaty.title is not None and treaty.title.startswith("Договор о дружбе")
    assert [a.ref for a in treaty.articles] == ["1", "2", "3", "4"]
    assert [p.label for p in treaty.find("2.2").points] == ["а", "б"]
    assert treaty.find("3").text.endswith("статьей 2 настоящего Договора.")
    assert treaty.closing is not None and treaty.closing.startswith(
        "Совершено в г. Борвице"
    )


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_charset_undeclared_or_wrong_is_detected() -> None:
    body = "<main><p>Статья 1</p><p>Стороны дружат.</p></main>"
    undeclared = _page(body).encode("cp1251")
    wrong = _page(body, '<meta charset="utf-8">').encode("cp1251")
    utf16 = _page(body, '<meta charset="windows-1251">').encode("utf-16")
    for data in (undeclared, wrong, utf16):
        assert parse_html(data).articles[0].text == "Стороны дружат."


def test_str_input_with_xml_declaration() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>' + _page(
        "<p>Article 1</p><p>Peace.</p>"
    )
    assert extract_text(page) == "Article 1\n\nPeace.\n"


def test_hidden_and_noise_blocks_go_but_never_the_articles() -> None:
    page = _page(
        '<div class="content-with-sidebar"><p>Article 1</p><p>Kept.</p></div>'
        '<div hidden>Hidden text.</div><div aria-hidden="true">Also hidden.</div>'
        '<div class="social-links">Follow us</div><div role="navigation">Menu</div>'
    )
    assert extract_text(page) == "Article 1\n\nKept.\n"


def test_block_with_most_article_headings_wins_without_main() -> None:
    page = _page(
        '<div id="news"><p>Latest news about trade.</p></div>'
        '<div id="doc"><h1>Pact</h1><p>Article 1</p><p>One.</p>'
        "<p>Article 2</p><p>Two.</p></div>"
    )
    treaty = parse_html(page)
    assert treaty.title == "Pact"
    assert [a.text for a in treaty.articles] == ["One.", "Two."]


def test_page_heading_above_the_treaty_block_is_its_title() -> None:
    page = _page(
        '<div class="page-title"><h1>Pact of Lakeport</h1></div>'
        '<div class="text"><p>Article 1</p><p>One.</p><p>Article 2</p><p>Two.</p></div>'
        '<div class="footer-links">Contacts</div>'
    )
    treaty = parse_html(page)
    assert treaty.title == "Pact of Lakeport"
    assert [a.text for a in treaty.articles] == ["One.", "Two."]


def test_ordered_lists_get_their_visible_labels() -> None:
    page = _page(
        "<main><p>Article 1</p><ol><li>First.</li><li>Second.</li></ol>"
        "<p>Article 2</p><p>The Parties:</p>"
        '<ol type="i"><li>one;</li><li>two.</li></ol></main>'
    )
    treaty = parse_html(page)
    assert [(p.num, p.text) for p in treaty.articles[0].paragraphs] == [
        ("1", "First."),
        ("2", "Second."),
    ]
    assert [p.label for p in treaty.find("2.1").points] == ["i", "ii"]


def test_entities_are_inert() -> None:
    page = (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>Article 1</p><p>&xxe; Peace &amp; quiet.</p></body></html>"
    )
    text = extract_text(page)
    assert "root:" not in text
    assert "Peace & quiet." in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary"),
        (_page("<nav>Home</nav><p>Nothing here.</p>").encode(), "no articles"),
    ],
)
def test_bad_pages_raise_parse_error(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message) as info:
        parse_html(data, source="page.html")
    assert str(info.value).startswith("page.html: ")


def test_inserted_article_numbers_on_a_page() -> None:
    """Issue 9: ``Article 9a`` and ``Article 5 bis`` headings on an HTML page."""
    page = (
        "<html><body><main><h1>Protocol</h1>"
        "<h2>Article 9</h2><p>Nine.</p>"
        "<h2>Article 9a</h2><p>Inserted, see Article 9.</p>"
        "<h2>Article 9 bis</h2><p>Also inserted.</p>"
        "<h2>Article 10</h2><p>Ten.</p>"
        "</main></body></html>"
    )
    treaty = parse_html(page)
    assert [a.ref for a in treaty.articles] == ["9", "9a", "9bis", "10"]
    assert treaty.article("9a").text == "Inserted, see Article 9."


def test_a_control_character_beside_a_dropped_menu_is_ignored():
    # Regression: lxml refused the tail of the dropped <nav> (ValueError).
    page = (
        b"<html><body><nav>menu</nav>\x01 tail<p>Article 1</p>"
        b"<p>The Parties shall consult.</p></body></html>"
    )
    assert "The Parties shall consult." in extract_text(page)
