"""Laws for odd and hostile input (issue 14), checked on generated input.

Whatever the bytes, encoding, markup nesting or Akoma Ntoso metadata, reading
raises only TreatyDiffError, never another exception; a text, page or file
whose article headings are plain keeps every one of them.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatydiff import TreatyDiffError, parse
from treatydiff.cli import main
from treatydiff.formats.akn import to_akn
from treatydiff.formats.htmlpage import parse_html
from treatydiff.formats.reader import read_bytes
from treatydiff.strategies import clause_texts

KEYWORD = {"en": "Article", "ru": "Статья"}
CODECS = {
    "en": ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"],
    "ru": ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1251"],
}
AKN = to_akn(parse("Article 1\nPeace between the Parties.\n\nArticle 2\nWar.\n"))


def _reads_or_refuses(data: bytes) -> None:
    with contextlib.suppress(TreatyDiffError):
        read_bytes(data, source="x")


@given(st.binary(max_size=3000))
def test_any_bytes_read_or_raise_treatydiff_error(data: bytes) -> None:
    _reads_or_refuses(data)


@given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-16", "utf-16-le"]))
def test_any_text_reads_or_raises_treatydiff_error(text: str, codec: str) -> None:
    _reads_or_refuses(text.encode(codec, errors="surrogatepass"))


@given(
    st.text(st.characters(codec="utf-8"), max_size=300),
    st.sampled_from(["<p>", "<div>", "<font>", "<b>", "<table><tr><td>", "</div>"]),
    st.integers(0, 400),
)
def test_any_markup_reads_or_raises_treatydiff_error(
    text: str, tag: str, depth: int
) -> None:
    page = f"<html><body>{tag * depth}<p>Article 1</p><p>{text}</p></body></html>"
    _reads_or_refuses(page.encode("utf-8"))


@st.composite
def treaty_texts(draw: st.DrawFn) -> tuple[str, str, int]:
    """A plain treaty text in one language: (lang, text, number of articles)."""
    lang = draw(st.sampled_from(sorted(KEYWORD)))
    count = draw(st.integers(1, 8))
    clauses = [draw(clause_texts(lang=lang)) for _ in range(count)]
    text = "".join(
        f"{KEYWORD[lang]} {i}\n{clause}\n\n" for i, clause in enumerate(clauses, 1)
    )
    return lang, text, count


@given(treaty_texts(), st.data())
def test_every_encoding_keeps_every_article(
    treaty: tuple[str, str, int], data: st.DataObject
) -> None:
    lang, text, count = treaty
    codec = data.draw(st.sampled_from(CODECS[lang]))
    read = read_bytes(text.encode(codec))
    assert len(read.articles) == count
    assert read.articles[-1].text == text.rstrip().rsplit("\n", 1)[-1]


WRAPPERS = ["div", "section", "main", "article", "span", "font", "center"]


@given(
    treaty_texts(),
    st.lists(st.sampled_from(WRAPPERS), max_size=6),
    st.sampled_from([*WRAPPERS, ""]),
    st.sampled_from(["h2", "h3", "p", "b", "strong"]),
    st.booleans(),
)
def test_every_article_of_a_page_survives_its_wrapping(
    treaty: tuple[str, str, int],
    outer: list[str],
    each: str,
    heading: str,
    minified: bool,
) -> None:
    _, text, count = treaty
    blocks = []
    for chunk in text.strip().split("\n\n"):
        head, clause = chunk.split("\n", 1)
        block = f"<{heading}>{head}</{heading}><p>{clause}</p>"
        blocks.append(f"<{each}>{block}</{each}>" if each else block)
    body = ("" if minified else "\n").join(blocks)
    for tag in reversed(outer):
        body = f"<{tag}>{body}</{tag}>"
    treaty_read = parse_html(f"<html><body>{body}</body></html>")
    assert len(treaty_read.articles) == count


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
)


@given(
    st.one_of(
        JSON.map(json.dumps),
        st.text(),
        st.sampled_from(
            ["NaN", '{"a": Infinity}', "[" * 3000, '{"articles_total": 1.5}']
        ),
    )
)
def test_any_akn_metadata_reads_or_raises_treatydiff_error(meta: str) -> None:
    escaped = meta.replace("&", "&amp;").replace("<", "&lt;")
    data = AKN.replace(
        b'lang="en"/>',
        f'lang="en"><td:metadata>{escaped}</td:metadata></td:treaty>'.encode(
            "utf-8", errors="surrogatepass"
        ),
    )
    _reads_or_refuses(data)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=500))
def test_the_cli_gives_one_error_line_never_a_traceback(
    data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "input"
    path.write_bytes(data)
    code = main(["parse", str(path), "--format", "json"])
    err = capsys.readouterr().err
    assert code in (0, 1)
    if code:
        assert len(err.splitlines()) == 1
        assert err.startswith("treatydiff: error: ")
