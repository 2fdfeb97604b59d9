"""The alignment map and the provision heat-map (treatydiff.report.svg)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import given
from lxml import etree

from tests.support import comparison_from
from treatydiff import align, compare, read, report
from treatydiff.cli import main
from treatydiff.errors import InvalidArgument
from treatydiff.formats.safexml import parse_xml
from treatydiff.model import (
    AlignedPair,
    Alignment,
    Article,
    Division,
    Paragraph,
    Treaty,
)
from treatydiff.report.formatting import matrix_cell
from treatydiff.report.heatmap import cell_state
from treatydiff.report.svg import alignment_map, link_class
from treatydiff.report.view import build_view
from treatydiff.strategies import treaty_pairs

FIXTURE = Path(__file__).parent / "fixtures" / "report" / "three_way.json"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
NS = {"s": "http://www.w3.org/2000/svg"}
HOSTILE = "<script>alert('x')</script> \"quoted\" & Co. ]]> <!-- -->"

_CUSTOMS = "Customs duties on imports between the Parties are abolished on entry."
_DISPUTES = "Disputes between the Parties shall be settled by an arbitral tribunal."
_TRANSIT = "Goods in transit through either Party shall move free of transit duties."
_FISH = "Each Party shall conserve the fish stocks of its exclusive economic zone."


def _treaty(tid: str, *texts: str, heading: str | None = None, **kw: Any) -> Treaty:
    return Treaty(
        id=tid,
        articles=[
            Article(num=str(i + 1), heading=heading, paragraphs=[Paragraph(text=t)])
            for i, t in enumerate(texts)
        ],
        **kw,
    )


def _svg(text: str) -> etree._Element:
    """A standalone SVG parsed with the project's safe parser (no entities,
    no network): it must be well-formed XML."""
    return parse_xml(text.encode("utf-8"))


def _links(root: etree._Element) -> Counter[tuple[str, str, str, str]]:
    """(a, b, kind, moved) of every link path of a map."""
    return Counter(
        (p.get("data-a"), p.get("data-b"), p.get("data-kind"), p.get("data-moved"))
        for p in root.iterfind(".//s:path[@data-kind]", NS)
    )


def _expected(al: Alignment) -> Counter[tuple[str, str, str, str]]:
    return Counter(
        (p.a, p.b, str(p.kind), "true" if p.moved else "false") for p in al.pairs
    )


def test_the_map_has_one_path_per_link_and_marks_unmatched_articles() -> None:
    a = _treaty("a", _CUSTOMS, _DISPUTES, _FISH)
    b = _treaty("b", _DISPUTES, _CUSTOMS, _TRANSIT)
    al = align(a, b)
    root = _svg(etree.tostring(alignment_map(al, a, b), encoding="unicode"))
    assert _links(root) == _expected(al)
    assert {("1", "2"), ("2", "1")} <= al.links  # a crossing, drawn both ways
    sides = root.findall("s:g[@class='side']", NS)
    assert [s.get("data-treaty") for s in sides] == ["a", "b"]
    marks = [s.findall("s:rect[@data-ref]", NS) for s in sides]
    assert [[m.get("data-ref") for m in side] for side in marks] == [
        list(al.a_articles),
        list(al.b_articles),
    ]
    lone = [
        {m.get("data-ref") for m in side if "unmatched" in m.get("class")}
        for side in marks
    ]
    assert lone == [set(al.unmatched_a), set(al.unmatched_b)] == [{"3"}, {"3"}]


def test_link_colour_classes_follow_kind_and_moved() -> None:
    pairs = [
        AlignedPair(a="1", b="1", score=1.0),
        AlignedPair(a="2", b="3", score=0.9, moved=True),
        AlignedPair(a="3", b="2", score=0.8, kind="split", b_refs=("2", "4")),
        AlignedPair(a="3", b="4", score=0.8, kind="split", b_refs=("2", "4")),
    ]
    al = Alignment(
        a_id="a",
        b_id="b",
        pairs=pairs,
        unmatched_a=["4"],
        unmatched_b=[],
        threshold=0.5,
        a_articles=["1", "2", "3", "4"],
        b_articles=["1", "2", "3", "4"],
    )
    root = alignment_map(al)
    shown = [p.get("class") for p in root.iterfind(".//s:path", NS)]
    assert Counter(shown) == {"link match": 1, "link moved": 1, "link split": 2}
    assert [link_class(p) for p in pairs] == ["match", "moved", "split", "split"]
    legend = "".join(root.find("s:g[@class='legend']", NS).itertext())
    assert "split (2)" in legend and "no counterpart (1)" in legend
    assert "merge" not in legend  # only what the map shows


def test_links_open_their_group_when_given_addresses() -> None:
    a, b = _treaty("a", _CUSTOMS, _DISPUTES), _treaty("b", _DISPUTES, _CUSTOMS)
    al = align(a, b)
    root = alignment_map(al, hrefs={("1", "2"): "#g1"})
    anchors = root.findall(".//s:a", NS)
    assert [(x.get("href"), x[0].get("data-a")) for x in anchors] == [("#g1", "1")]


def test_chapters_are_drawn_as_bands_with_their_names() -> None:
    chapters = [
        Division(kind="chapter", num="I", heading="Trade", articles=["1", "2"]),
        Division(kind="chapter", num="II", heading="Fisheries", articles=["3"]),
    ]
    a = _treaty("a", _CUSTOMS, _TRANSIT, _FISH, divisions=chapters)
    b = _treaty("b", _CUSTOMS, _TRANSIT, _FISH)
    root = alignment_map(align(a, b), a, b)
    left, right = root.findall("s:g[@class='side']", NS)
    bands = left.findall("s:rect[@class='chapter']", NS)
    assert [band.findtext("s:title", namespaces=NS) for band in bands] == [
        "a Chapter I · Trade",
        "a Chapter II · Fisheries",
    ]
    assert right.findall("s:rect[@class='chapter']", NS) == []


def test_hostile_treaty_text_stays_text_in_the_svg() -> None:
    chapter = Division(kind="chapter", num="I", heading=HOSTILE, articles=["1"])
    a = _treaty("a<b&\"c'", _CUSTOMS, _DISPUTES, heading=HOSTILE, divisions=[chapter])
    b = _treaty("b", _CUSTOMS, _DISPUTES + HOSTILE, heading=HOSTILE)
    comp = compare(a, b)
    text = comp.render("svg")
    root = _svg(text)
    assert "<script" not in text and root.findall(".//s:script", NS) == []
    assert not [k for el in root.iter() for k in el.attrib if k.startswith("on")]
    titles = [t.text for t in root.iterfind(".//s:title", NS)]
    assert any(HOSTILE in t for t in titles)  # headings, escaped not dropped
    assert root.find(".//s:svg", NS).get("data-a") == "a<b&\"c'"
    doc = lxml.html.document_fromstring(comp.render("html"))
    assert doc.xpath("//script | //*[local-name()='script']") == []
    inline = doc.xpath("//section[@id='map']//*[local-name()='title']/text()")
    assert any(HOSTILE in t for t in inline)


@given(treaty_pairs())
def test_the_map_of_any_alignment_draws_exactly_its_links(
    pair: tuple[Treaty, Treaty, frozenset[tuple[str, str]]],
) -> None:
    a, b, _ = pair
    al = align(a, b)
    root = _svg(etree.tostring(alignment_map(al, a, b), encoding="unicode"))
    assert _links(root) == _expected(al)
    marks = root.iterfind(".//s:rect[@data-ref]", NS)
    lone = Counter(m.get("data-ref") for m in marks if "unmatched" in m.get("class"))
    assert sum(lone.values()) == len(al.unmatched_a) + len(al.unmatched_b)


def test_compare_svg_is_one_map_per_treaty_against_the_base() -> None:
    a = _treaty("a", _CUSTOMS, _DISPUTES)
    b = _treaty("b", _DISPUTES, _CUSTOMS)
    c = _treaty("c", _CUSTOMS, _FISH)
    comp = compare(a, b, c, base="b")
    root = _svg(comp.render("svg"))
    maps = root.findall("s:svg[@class='alignment-map']", NS)
    assert [(m.get("data-a"), m.get("data-b")) for m in maps] == [
        ("b", "a"),
        ("b", "c"),
    ]
    for m in maps:
        assert _links(m) == _expected(comp.alignment("b", m.get("data-b")))
    assert float(maps[1].get("x")) == float(maps[0].get("width"))  # side by side


def test_svg_of_a_comparison_without_alignments_is_an_error() -> None:
    comp = comparison_from(json.loads(FIXTURE.read_text(encoding="utf-8")))
    with pytest.raises(InvalidArgument, match="no pairwise alignment"):
        report.render(comp, "svg")


def test_cli_writes_the_svg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = []
    for name, texts in (("old", (_CUSTOMS, _DISPUTES)), ("new", (_DISPUTES, _FISH))):
        path = tmp_path / f"{name}.txt"
        path.write_text(
            "\n\n".join(f"Article {i + 1}\n{t}" for i, t in enumerate(texts)) + "\n",
            encoding="utf-8",
        )
        files.append(str(path))
    out = tmp_path / "map.svg"
    assert main(["compare", *files, "--format", "svg", "-o", str(out)]) == 0
    root = _svg(out.read_text(encoding="utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    comp = compare(*(read(f) for f in files))
    assert _links(root) == _expected(comp.alignment("old", "new"))
    assert comp.alignment("old", "new").links == {("2", "1")}
    assert capsys.readouterr().err == ""


def test_the_html_report_inlines_the_map_linked_to_its_groups() -> None:
    a = _treaty("a", _CUSTOMS, _DISPUTES, _FISH)
    b = _treaty("b", _DISPUTES, _CUSTOMS, _TRANSIT)
    comp = compare(a, b)
    doc = lxml.html.document_fromstring(comp.render("html"))
    section = doc.get_element_by_id("map")
    paths = section.xpath(".//*[local-name()='path']")
    assert Counter((p.get("data-a"), p.get("data-b")) for p in paths) == Counter(
        (p.a, p.b) for p in comp.alignment("a", "b").pairs
    )
    rows = {tr.get("id") for tr in doc.xpath("//table[contains(@class,'groups')]//tr")}
    hrefs = section.xpath(".//*[local-name()='a']/@href")
    assert hrefs and {h[1:] for h in hrefs} <= rows


def test_heat_map_cells_equal_the_matrix_cells() -> None:
    comp = comparison_from(json.loads(FIXTURE.read_text(encoding="utf-8")))
    view = build_view(comp)
    doc = lxml.html.document_fromstring(report.render(comp, "html"))
    rects = doc.xpath("//*[local-name()='rect'][@data-state]")
    cells = {(r.get("data-kind"), r.get("data-treaty")): r for r in rects}
    assert set(cells) == {(k, t) for k in view.provisions for t in view.ids}
    table = doc.xpath("//table[contains(@class,'matrix')]/tbody/tr")
    for row in table:
        kind = row.xpath("string(th)")
        for tid, td in zip(view.ids, row.xpath("td"), strict=True):
            rect = cells[kind, tid]
            state = rect.get("data-state")
            present = td.get("class") == "present"
            assert (
                state
                in (
                    "binding",
                    "negative",
                    "discretionary",
                    "consultative",
                    "aspirational",
                    "present",
                )
            ) == present
            if not present:
                assert state == td.get("class")
            assert state == cell_state(view, kind, tid)
            short = matrix_cell(view, kind, tid)[1]
            assert rect.xpath("string(*[local-name()='title'])").endswith(short)
    states = {r.get("data-state") for r in rects}
    assert {"confirmed-absent", "not-found"} <= states


def test_heat_map_cells_open_the_clause_or_the_findings() -> None:
    comp = comparison_from(json.loads(FIXTURE.read_text(encoding="utf-8")))
    doc = lxml.html.document_fromstring(report.render(comp, "html"))
    ids = set(doc.xpath("//@id"))
    for anchor in doc.xpath("//*[local-name()='a'][*[@data-state]]"):
        state = anchor[0].get("data-state")
        href = anchor.get("href")
        assert href[1:] in ids
        if state in ("confirmed-absent", "not-found", "unplaced"):
            assert href.startswith("#provision-")  # the matrix row folds the finding
        elif href.startswith("#clause-"):
            assert href[1:] in ids


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("tota/xml/pta_312.xml", "tota/xml/pta_313.xml"),
        (
            "eu-recasts/mifid_2004-39_to_2014-65/old.txt",
            "eu-recasts/mifid_2004-39_to_2014-65/new.txt",
        ),
    ],
)
def test_real_pairs_draw_exactly_their_links(old: str, new: str) -> None:
    if not (SHARED / old).is_file():
        pytest.skip(f"{SHARED / old} not found (../shared beside the checkout)")
    comp = compare(read(SHARED / old), read(SHARED / new))
    al = comp.alignment(comp.base, comp.treaties[1].id)
    root = _svg(comp.render("svg"))
    assert _links(root) == _expected(al)
    assert len(al.pairs) > 30


def test_group_links_without_a_text_link_are_dashed_and_placeholders_pale() -> None:
    from treatydiff import bundled

    ir, kp = bundled.resolve("ru-ir-2025"), bundled.resolve("ru-kp-2024")
    comp = compare(ir, kp)
    al = comp.alignment("ru-ir-2025", "ru-kp-2024")
    root = _svg(comp.render("svg"))
    dashed = {
        (p.get("data-a"), p.get("data-b"))
        for p in root.iterfind(".//s:path[@data-basis='group']", NS)
    }
    joined = {
        (ra, rb)
        for g in comp.groups
        for ra in g.members.get("ru-ir-2025", ())
        for rb in g.members.get("ru-kp-2024", ())
        if "preamble" not in (ra, rb) and "closing" not in (ra, rb)
    }
    assert dashed == joined - al.links and dashed  # digests: linked by provisions
    assert _links(root) == _expected(al)
    pale = {
        m.get("data-ref")
        for m in root.iterfind(".//s:g[@data-treaty='ru-ir-2025']/s:rect", NS)
        if "placeholder" in (m.get("class") or "")
    }
    assert pale == {a.ref for a in ir.articles if not a.encoded} != set()


def test_report_filters_do_not_change_the_map() -> None:
    from treatydiff import bundled

    comp = compare(bundled.resolve("ru-ir-2025"), bundled.resolve("ru-kp-2024"))
    whole = comp.render("svg")
    assert "data-basis" in whole  # dashed group links, from every group
    assert comp.render("svg", changed_only=True) == whole
    assert comp.render("svg", only="added") == whole


def test_heat_map_shows_a_matrix_state_it_has_no_colour_for_by_name() -> None:
    import attrs

    from treatydiff.report.heatmap import heat_map

    view = build_view(comparison_from(json.loads(FIXTURE.read_text(encoding="utf-8"))))
    kind, tid = next((k, t) for k, cells in view.missing.items() for t in cells)
    finding = attrs.evolve(view.missing[kind][tid], status="some-new-status")
    missing = {**view.missing, kind: {**view.missing[kind], tid: finding}}
    root = heat_map(attrs.evolve(view, missing=missing))
    cell = root.find(".//s:rect[@data-state='some-new-status']", NS)
    assert (cell.get("data-kind"), cell.get("data-treaty")) == (kind, tid)
    legend = [t.text for t in root.iterfind("s:text", NS)]
    assert "some-new-status" in legend
