"""The HTML report in a real browser: headless Chromium renders it and reads its DOM."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html
import pytest

from tests.support import comparison_from
from treatydiff import Comparison, bundled, compare, read, report
from treatydiff.model import Article, Paragraph, Treaty
from treatydiff.report.view import build_view

FIXTURE = Path(__file__).parent / "fixtures" / "report" / "three_way.json"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTH, HEIGHT = 1280, 2000

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="chromium is not installed "
        "(Debian: apt-get install chromium; .ci/run installs it)",
    ),
]


def _page(tmp_path: Path) -> Path:
    comp = comparison_from(json.loads(FIXTURE.read_text(encoding="utf-8")))
    path = tmp_path / "report.html"
    path.write_text(report.render(comp, "html"), encoding="utf-8")
    return path


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, check=False
    )


def _png_rows(data: bytes, limit: int) -> tuple[int, int, list[bytes]]:
    """Width, height and the first ``limit`` unfiltered rows of an 8-bit RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        (length,), kind = (
            struct.unpack(">I", data[pos : pos + 4]),
            data[pos + 4 : pos + 8],
        )
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    assert header is not None
    width, height, depth, colour = header[:4]
    assert depth == 8 and colour in (2, 6), header
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(min(limit, height)):
        kind, line = (
            raw[y * (stride + 1)],
            bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)]),
        )
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (
                    line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)
                ) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def test_the_report_renders_in_chromium_and_is_not_blank(tmp_path: Path) -> None:
    page, shot = _page(tmp_path), tmp_path / "report.png"
    result = _chromium(
        tmp_path,
        f"--screenshot={shot}",
        f"--window-size={WIDTH},{HEIGHT}",
        page.as_uri(),
    )
    assert shot.exists(), result.stderr[-2000:]
    data = shot.read_bytes()
    assert len(data) > 20_000  # a blank page compresses to a few kilobytes
    width, height, rows = _png_rows(data, limit=160)
    assert (width, height) == (WIDTH, HEIGHT)
    bpp = len(rows[0]) // width
    pixels = {row[i : i + 3] for row in rows for i in range(0, len(row), bpp)}
    assert len(pixels) > 8  # text, rules and table shading, not a single colour
    darkest = min(sum(p) for p in pixels)
    assert darkest < 200  # dark text on the light page (the heading)


def test_the_dom_chromium_builds_has_the_matrix_and_the_groups(tmp_path: Path) -> None:
    result = _chromium(tmp_path, "--dump-dom", _page(tmp_path).as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    doc = lxml.html.document_fromstring(result.stdout)
    matrix = doc.xpath("//table[contains(@class,'matrix')]")
    assert matrix, "no provision matrix in the rendered DOM"
    rows: list[Any] = matrix[0].xpath("tbody/tr")
    first = rows[0]
    assert first.xpath("string(th)") == "mutual-defence"
    assert first.xpath("td[1]/@class") == ["confirmed-absent"]
    assert "nearest: 3.3" in first.xpath("string(td[1])")
    assert doc.xpath("//script") == []  # the hostile fixture text stayed text
    assert "<script>alert('x')</script>" in doc.text_content()
    assert len(doc.xpath("//table[contains(@class,'groups')]/tbody/tr")) == 7


_CLAUSES = [
    "Customs duties on imports between the Parties are abolished on entry.",
    "Disputes between the Parties shall be settled by an arbitral tribunal.",
    "Goods in transit through either Party shall move free of transit duties.",
    "Each Party shall conserve the fish stocks of its exclusive economic zone.",
    "The Joint Committee shall meet once a year, alternately in each capital.",
    "This Agreement enters into force sixty days after the last notification.",
]


def _pair_comparison() -> Comparison:
    """Two small treaties with a crossing, a deletion and an insertion."""

    def treaty(tid: str, texts: list[str]) -> Treaty:
        return Treaty(
            id=tid,
            articles=[
                Article(num=str(i + 1), paragraphs=[Paragraph(text=t)])
                for i, t in enumerate(texts)
            ],
        )

    old = treaty("old", _CLAUSES[:5])
    new = treaty("new", [_CLAUSES[1], _CLAUSES[0], *_CLAUSES[3:]])
    return compare(old, new)


def _shot_is_drawn(tmp_path: Path, page: Path, width: int, height: int) -> None:
    shot = tmp_path / f"{page.stem}.png"
    result = _chromium(
        tmp_path,
        f"--screenshot={shot}",
        f"--window-size={width},{height}",
        page.as_uri(),
    )
    assert shot.exists(), result.stderr[-2000:]
    w, h, rows = _png_rows(shot.read_bytes(), limit=height)
    assert (w, h) == (width, height)
    bpp = len(rows[0]) // w
    pixels = Counter(row[i : i + 3] for row in rows for i in range(0, len(row), bpp))
    assert len(pixels) > 8  # lines, marks and labels, not a blank page
    assert pixels.most_common(1)[0][1] < 0.98 * width * height


def test_the_standalone_svg_map_renders_with_one_path_per_link(tmp_path: Path) -> None:
    comp = _pair_comparison()
    page = tmp_path / "map.svg"
    page.write_text(report.render(comp, "svg"), encoding="utf-8")
    _shot_is_drawn(tmp_path, page, 480, 360)
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    doc = lxml.etree.fromstring(result.stdout.encode("utf-8"))
    paths = doc.xpath("//*[local-name()='path']")
    links = comp.alignment("old", "new").pairs
    assert sorted((p.get("data-a"), p.get("data-b")) for p in paths) == sorted(
        (p.a, p.b) for p in links
    )
    assert len(paths) == len(links) == 4


def test_the_html_map_renders_with_one_path_per_link(tmp_path: Path) -> None:
    comp = _pair_comparison()
    page = tmp_path / "pair.html"
    page.write_text(report.render(comp, "html"), encoding="utf-8")
    _shot_is_drawn(tmp_path, page, 1000, 1400)
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    doc = lxml.html.document_fromstring(result.stdout)
    paths = doc.xpath("//section[@id='map']//*[local-name()='path']")
    assert sorted((p.get("data-a"), p.get("data-b")) for p in paths) == sorted(
        (p.a, p.b) for p in comp.alignment("old", "new").pairs
    )
    cells = doc.xpath("//*[local-name()='rect'][@data-state]")
    assert len(cells) == len(build_view(comp).provisions) * 2


def test_a_real_pair_map_renders_with_one_path_per_link(
    tmp_path: Path, tota_dir: Path
) -> None:
    comp = compare(read(tota_dir / "pta_312.xml"), read(tota_dir / "pta_313.xml"))
    page = tmp_path / "pta.svg"
    page.write_text(report.render(comp, "svg"), encoding="utf-8")
    _shot_is_drawn(tmp_path, page, 700, 700)
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    doc = lxml.etree.fromstring(result.stdout.encode("utf-8"))
    paths = doc.xpath("//*[local-name()='path'][@data-kind]")
    pairs = comp.alignment("pta_312", "pta_313").pairs
    assert sorted((p.get("data-a"), p.get("data-b")) for p in paths) == sorted(
        (p.a, p.b) for p in pairs
    )
    chapters = doc.xpath("//*[local-name()='rect'][@class='chapter']")
    assert len(chapters) == 8  # four chapters a side


def test_every_cited_ref_links_to_its_clause_text_and_back(tmp_path: Path) -> None:
    """From the matrix and the findings one click reaches the text of any cited
    clause, and each clause links back to the matrix rows that cite it."""
    treaties = [bundled.load(t) for t in ("ru-ir-2025", "ru-kp-2024", "ru-by-2024")]
    page = tmp_path / "bundled.html"
    page.write_text(compare(*treaties).render("html"), encoding="utf-8")
    shot = tmp_path / "bundled.png"
    _chromium(
        tmp_path, f"--screenshot={shot}", "--window-size=1280,1400", page.as_uri()
    )
    width, _, rows = _png_rows(shot.read_bytes(), limit=400)
    assert width == 1280 and len({bytes(r) for r in rows}) > 50  # the matrix is drawn
    result = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    doc = lxml.html.document_fromstring(result.stdout)
    by_id = {el.get("id"): el for el in doc.xpath("//*[@id]")}
    texts = {t.id: t for t in treaties}
    links = doc.xpath(
        "//table[contains(@class,'matrix')]//a | //section[@id='missing']//a"
    )
    cited = [a for a in links if a.get("href", "").startswith("#clause-")]
    assert len(cited) > 30  # every present ref and nearest candidate
    for link in cited:
        row = link.xpath("ancestor::tr[1]")
        column = len(link.xpath("ancestor::td[1]/preceding-sibling::*")) - 1
        tid = (
            treaties[column].id
            if row
            else link.xpath("string(ancestor::dd/preceding-sibling::dt[1])")
            .split(" · ")[1]
            .split(":")[0]
        )
        target = by_id[link.get("href")[1:]]
        assert texts[tid].clause_text(link.text) in target.text_content()
        back = {a.get("href")[1:] for a in target.xpath(".//a")}
        assert back and back <= set(by_id)
        if row:
            assert row[0].get("id") in back
