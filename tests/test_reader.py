"""formats.reader: the format is detected from the content, never the extension."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from treatydiff import ParseError, Treaty
from treatydiff.formats import htmlpage
from treatydiff.formats import reader as files
from treatydiff.formats.plaintext import parser as text_parser
from treatydiff.formats.reader import detect, read, read_bytes

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "files"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("akn_document.txt", "xml"),
        ("tota_small.xml", "xml"),
        ("unknown_root.xml", "xml"),
        ("page_saved.txt", "html"),
        ("plain_text.html", "text"),
    ],
)
def test_detect_looks_at_content_not_extension(name: str, kind: str) -> None:
    assert detect((FIXTURES / name).read_bytes()) == kind


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\xef\xbb\xbf<?xml version='1.0'?><treaty/>", "xml"),
        (codecs.BOM_UTF16_LE + "<treaty/>".encode("utf-16-le"), "xml"),
        ("<akomaNtoso/>".encode("utf-16-be"), "xml"),
        (
            b"<?xml version='1.0'?>\n<!-- saved -->\n"
            b"<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN'>"
            b"<html/>",
            "html",
        ),
        (b"  <HTML><body>x</body></HTML>", "html"),
        (b"<body>Article 1</body>", "html"),
        ("Статья 1. Стороны сотрудничают.".encode("cp1251"), "text"),
        ("Article 1\n<tag> in text".encode("utf-16"), "text"),
        (b"<<Agreement>> between the Parties\nArticle 1", "text"),
        (b"<!DOCTYPE treaty>\n<treaty/>", "xml"),
    ],
    ids=[
        "utf8-bom-xml",
        "utf16-bom-xml",
        "utf16-nobom-xml",
        "xhtml",
        "html-upper",
        "html-body",
        "cp1251-text",
        "utf16-text",
        "angle-quotes-text",
        "doctype-xml",
    ],
)
def test_detect_sees_through_bom_encoding_and_prolog(data: bytes, kind: str) -> None:
    assert detect(data) == kind


def test_akn_is_read_whatever_the_extension() -> None:
    treaty = read(FIXTURES / "akn_document.txt")
    assert treaty.id == "small-akn"
    assert [a.ref for a in treaty.articles] == ["1", "2"]
    assert treaty.find("2.1").text == "It enters into force on signature."


def test_tota_is_read_and_lang_overrides(tmp_path: Path) -> None:
    treaty = read(FIXTURES / "tota_small.xml")
    assert treaty.id == "pta_9001"
    assert len(treaty.articles) == 4
    assert read(FIXTURES / "tota_small.xml", lang="fr").lang == "fr"
    utf16 = tmp_path / "copy.bin"
    text = (FIXTURES / "tota_small.xml").read_text(encoding="utf-8")
    utf16.write_bytes(
        text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    )
    assert read(utf16) == treaty


def test_saved_web_page_is_read_whatever_the_extension() -> None:
    treaty = read(FIXTURES / "page_saved.txt")
    assert treaty.id == "page_saved"
    assert [(a.ref, a.text) for a in treaty.articles] == [
        ("1", "The Parties shall cooperate in fisheries.")
    ]
    assert "footer" not in treaty.articles[0].text


def test_plain_text_is_read_whatever_the_extension() -> None:
    treaty = read(FIXTURES / "plain_text.html")
    assert (treaty.id, treaty.lang) == ("plain_text", "en")
    assert [a.ref for a in treaty.articles] == ["1", "2"]


def test_windows_1251_russian_text_is_read_and_lang_overrides() -> None:
    path = FIXTURES / "soglashenie_cp1251.dat"
    treaty = read(path)
    assert (treaty.id, treaty.lang) == ("soglashenie_cp1251", "ru")
    assert treaty.title == "Соглашение о сотрудничестве"
    assert treaty.article("1").text == "Стороны сотрудничают."
    assert read(path, lang="be").lang == "be"


def _recorder(calls: list, kind: str):  # type: ignore[no-untyped-def]
    def fake(data, *, id=None, lang=None, source=None):  # type: ignore[no-untyped-def]
        calls.append((kind, data, id, lang, source))
        return Treaty(id=id or "x", lang=lang)

    return fake


def test_html_goes_to_the_html_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list = []
    monkeypatch.setattr(htmlpage, "parse_html", _recorder(calls, "html"))
    path = FIXTURES / "page_saved.txt"
    treaty = read(path, lang="en")
    assert calls == [("html", path.read_bytes(), "page_saved", "en", str(path))]
    assert treaty.id == "page_saved"


def test_plain_text_is_decoded_then_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list = []
    monkeypatch.setattr(
        files, "decode", lambda data, *, source=None: data.decode("utf-8")
    )
    monkeypatch.setattr(text_parser, "parse", _recorder(calls, "text"))
    path = FIXTURES / "plain_text.html"
    read(path)
    assert calls == [
        ("text", path.read_text(encoding="utf-8"), "plain_text", None, str(path))
    ]


def test_empty_file_is_a_parse_error_naming_it() -> None:
    path = FIXTURES / "empty.txt"
    with pytest.raises(ParseError, match="empty file") as info:
        read(path)
    assert str(info.value) == f"{path}: empty file"
    with pytest.raises(ParseError, match="empty file"):
        read_bytes(b" \n\t ", source="blank.txt")


def test_unknown_xml_root_is_named() -> None:
    path = FIXTURES / "unknown_root.xml"
    with pytest.raises(ParseError) as info:
        read(path)
    message = str(info.value)
    assert message.startswith(f"{path}: unknown XML root <catalogue>")
    assert message.endswith("(line 2)")


def test_malformed_xml_names_file_and_line() -> None:
    with pytest.raises(ParseError) as info:
        read_bytes(
            b"<?xml version='1.0'?>\n<treaty>\n<meta>\n</treaty>", source="bad.xml"
        )
    assert info.value.source == "bad.xml"
    assert info.value.line == 4


def test_errors_from_other_readers_get_the_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing(text, *, id=None, lang=None, source=None):  # type: ignore[no-untyped-def]
        raise ParseError("no articles found", line=3)

    monkeypatch.setattr(
        files, "decode", lambda data, *, source=None: data.decode("utf-8")
    )
    monkeypatch.setattr(text_parser, "parse", failing)
    with pytest.raises(ParseError) as info:
        read_bytes(b"Just a letter.", source="letter.txt")
    assert str(info.value) == "letter.txt: no articles found (line 3)"


def test_missing_file_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read(tmp_path / "nowhere.txt")
