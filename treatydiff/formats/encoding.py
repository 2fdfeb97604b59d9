"""Bytes → str for treaty files: UTF-8 (with or without BOM), UTF-16, Windows-1251.

Detection needs no hint from the user, in this order: a byte-order mark
(UTF-8, UTF-16, UTF-32); UTF-16 without a BOM in any script, recognised when
one byte order decodes to text (letters, spaces, punctuation) drawn from few
Unicode blocks; UTF-8 (a stray invalid byte or two become U+FFFD); then a
single-byte code page chosen on letter statistics: Windows-1251 when its
Cyrillic letters make whole words, else Windows-1252 (a Latin text with
accents reads as Latin words, never as words mixing Latin and Cyrillic).
Many control characters mean binary data; a stray NUL or two become U+FFFD.
The result has no BOM, no lone surrogates and only ``"\\n"`` line ends.

>>> decode("Статья 1\\r\\n".encode("cp1251"))
'Статья 1\\n'
>>> decode(codecs.BOM_UTF16_LE + "Article 1".encode("utf-16-le"))
'Article 1'
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from treatydiff.errors import ParseError

__all__ = ["BOMS", "decode", "scrub"]

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
_HIGH_RE = re.compile(rb"[\x80-\xff]")
_WORD_RE = re.compile(r"[^\W\d_]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# Unicode categories that are no text: controls, unassigned, private use, surrogates.
_NOT_TEXT = frozenset(("Cc", "Cn", "Co", "Cs"))


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec of BOM-less UTF-16 (any script), or ``None``.

    The right byte order decodes a sample to text (few unassigned, private or
    control characters) whose characters come from few 256-character blocks.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8000]
    best: tuple[int, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        odd = sum(
            1
            for c in text
            if c not in "\n\r\t" and unicodedata.category(c) in _NOT_TEXT
        )
        if odd > 0.05 * len(text):
            continue
        blocks = len({ord(c) >> 8 for c in text})
        if best is None or blocks < best[0]:
            best = (blocks, codec)
    return None if best is None else best[1]


def _stray_nuls(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 with a NUL or two (not UTF-16, whose Latin
    text is half NULs and whose other scripts are rarely valid UTF-8)."""
    if data.count(b"\x00") > 2:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _single_byte_codec(data: bytes) -> str:
    """Windows-1251 when its Cyrillic letters make whole words, else 1252."""
    if not _HIGH_RE.search(data):
        return "cp1252"
    whole = mixed = 0
    for word in _WORD_RE.findall(data.decode("cp1251", errors="replace")):
        cyrillic = len(_CYRILLIC_RE.findall(word))
        if not cyrillic:
            continue
        if _LATIN_RE.search(word):
            mixed += cyrillic
        else:
            whole += cyrillic
    return "cp1251" if whole > 2 * mixed else "cp1252"


def scrub(text: str) -> str:
    """``text`` with lone surrogates (not encodable text) replaced by U+FFFD.

    >>> scrub("a\\ud800b")
    'a\\ufffdb'
    """
    return _SURROGATE_RE.sub("\ufffd", text)


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
    if text is None and b"\x00" in data and not _stray_nuls(data):
        wide = _utf16_without_bom(data)
        if wide is not None:
            text = data.decode(wide, errors="replace")
    if text is None:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad > len(_HIGH_RE.findall(data)) // 50:
            # Not UTF-8 with a stray byte or two: UTF-16 without NULs (CJK,
            # where most bytes are high), else a single-byte code page whose
            # few undefined bytes become U+FFFD.
            high = len(_HIGH_RE.findall(data))
            wide = _utf16_without_bom(data) if high > 0.4 * len(data) else None
            codec = wide or _single_byte_codec(data)
            text = data.decode(codec, errors="replace")
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(2, len(text) // 100):
        raise _binary(source)
    return _NEWLINES_RE.sub("\n", scrub(text).replace("\x00", "\ufffd"))
