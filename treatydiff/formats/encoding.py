"""Bytes → str for treaty files: UTF-8 (with or without BOM), UTF-16, Windows-1251.

Detection needs no hint from the user, in this order: a byte-order mark
(UTF-8, UTF-16, UTF-32); UTF-16 without a BOM, recognised by its pattern of
high bytes (NUL for Latin text, 0x04 for Cyrillic); UTF-8 (a stray invalid
byte or two become U+FFFD); then a single-byte code page: Windows-1251
when the bytes above 0x7F read as runs of Cyrillic letters, else
Windows-1252. NUL bytes that UTF-16 does not explain,
or many control characters, mean binary data. The result has no BOM and only
``"\\n"`` line ends.

>>> decode("Статья 1\\r\\n".encode("cp1251"))
'Статья 1\\n'
>>> decode(codecs.BOM_UTF16_LE + "Article 1".encode("utf-16-le"))
'Article 1'
"""

from __future__ import annotations

import codecs
import re

from treatydiff.errors import ParseError

__all__ = ["BOMS", "decode"]

#: Byte-order marks and their codecs, longest first (UTF-32 LE starts like UTF-16 LE).
BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NEWLINES_RE = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Control characters that do not occur in text (tab and line ends excepted).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Windows-1251 Cyrillic letters: А-я (0xC0-0xFF), Ё (0xA8), ё (0xB8).
_CP1251_LETTER_RE = re.compile(rb"[\xc0-\xff\xa8\xb8]")
_HIGH_RE = re.compile(rb"[\x80-\xff]")
_HIGH_RUN_RE = re.compile(rb"[\x80-\xff]{2,}")


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec of BOM-less UTF-16 (Latin or Cyrillic text), or ``None``."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4000]
    even, odd = sample[0::2], sample[1::2]
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        # High bytes: NUL (ASCII) or 0x04 (Cyrillic); low bytes almost never NUL.
        plain = high.count(0) + high.count(4)
        if plain >= 0.9 * len(high) and low.count(0) <= 0.05 * len(low):
            return codec
    return None


def _single_byte_codec(data: bytes) -> str:
    """Windows-1251 when the high bytes look like Cyrillic words, else 1252."""
    high = len(_HIGH_RE.findall(data))
    if not high:
        return "cp1252"
    letters = len(_CP1251_LETTER_RE.findall(data))
    in_runs = sum(len(run) for run in _HIGH_RUN_RE.findall(data))
    return "cp1251" if letters >= 0.8 * high and in_runs >= 0.5 * high else "cp1252"


def _binary(source: str | None) -> ParseError:
    return ParseError("binary data, not a text file", source=source)


def decode(data: bytes, *, source: str | None = None) -> str:
    """Decode treaty bytes, detecting the encoding; binary data raises ParseError.

    Empty input raises ParseError too. ``source`` names the file in errors.
    """
    if not data:
        raise ParseError("empty file", source=source)
    text: str | None = None
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise _binary(source) from None
            break
    if text is None and b"\x00" in data:
        wide = _utf16_without_bom(data)
        if wide is None:
            raise _binary(source)
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            raise _binary(source) from None
    if text is None:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad > len(_HIGH_RE.findall(data)) // 50:
            # Not UTF-8 with a stray byte or two: a single-byte code page. The
            # few bytes it leaves undefined become U+FFFD.
            text = data.decode(_single_byte_codec(data), errors="replace")
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(2, len(text) // 100) or "\x00" in text:
        raise _binary(source)
    return _NEWLINES_RE.sub("\n", text)
