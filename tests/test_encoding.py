"""Encoding detection: the bytes of a treaty file decode without a hint."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from treatydiff import ParseError
from treatydiff.formats.encoding import decode
from treatydiff.formats.plaintext.parser import parse

FIXTURES = Path(__file__).parent / "fixtures" / "parse"
RU = "Статья 1\nСтороны сотрудничают.\n"
EN = "Article 1\nThe Parties cooperate.\n"


@pytest.mark.parametrize("text", [EN, RU])
@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with BOM, native order
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("utf-16-le"),  # no BOM
        lambda t: t.encode("utf-16-be"),  # no BOM
        lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16be-bom",
        "utf16le",
        "utf16be",
        "utf32-bom",
    ],
)
def test_unicode_encodings_are_detected(text: str, encode) -> None:  # type: ignore[no-untyped-def]
    assert decode(encode(text)) == text


def test_windows_1251_russian_treaty_file_parses() -> None:
    data = (FIXTURES / "ru_ordinals_cp1251.bin").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = decode(data)
    assert text == (FIXTURES / "ru_ordinals.txt").read_text(encoding="utf-8")
    treaty = parse(text)
    assert treaty.lang == "ru"
    assert treaty.title == "ДОГОВОР О ДРУЖБЕ"
    assert [a.num for a in treaty.articles] == [
        "первая",
        "ВТОРАЯ",
        "третья",
        "четвёртая",
    ]


def test_windows_1252_western_text_is_not_taken_for_cyrillic() -> None:
    text = "Article 1\nThe Parties’ “co-operation” covers café and naïve products.\n"
    assert decode(text.encode("cp1252")) == text


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = ("Статья 1\nСтороны сотрудничают. " * 20).encode() + b"\x96 end\n"
    text = decode(data)
    assert text.startswith("Статья 1\nСтороны")
    assert text.endswith("\ufffd end\n")


def test_newlines_are_normalised_and_bom_stripped() -> None:
    assert decode(codecs.BOM_UTF8 + b"a\r\nb\rc\n") == "a\nb\nc\n"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" * 20,
        b"Article 1\n\x00\x00\x00\x01\x02 text",
        bytes(range(32)) * 40,
        random.Random(0).randbytes(4096),
    ],
    ids=["png", "zip", "nul-in-text", "controls", "random"],
)
def test_binary_data_raises(data: bytes) -> None:
    with pytest.raises(ParseError, match="binary data, not a text file") as info:
        decode(data, source="x.bin")
    assert info.value.source == "x.bin"


def test_empty_input_raises() -> None:
    with pytest.raises(ParseError, match="empty"):
        decode(b"", source="e.txt")
