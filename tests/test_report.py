"""Reports: four formats with the same findings, filtering, escaping of hostile text."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.support import CUSTOMS, DISPUTES, comparison_from, distinct_clause, treaty
from treatydiff import report
from treatydiff.comparison import compare
from treatydiff.errors import InvalidArgument
from treatydiff.model import ComparisonResult
from treatydiff.report.formatting import clause_anchor, ref_ranges, safe
from treatydiff.report.markdown import md_escape

FIXTURE = Path(__file__).parent / "fixtures" / "report" / "three_way.json"
PLACEHOLDERS = FIXTURE.with_name("placeholders.json")
# Groups of placeholders.json (1-based, in the comparison's order) that hold
# placeholder articles only.
COLLAPSED = (2, 3, 4, 8, 9)
GROUP_ID = r"g[0-9a-f]{8}"
HOSTILE = "<script>alert('x')</script>"


def _ids(comp: ComparisonResult, numbers: Iterable[int]) -> list[str]:
    """The ids of a comparison's groups by their 1-based place in its order."""
    return [comp.groups[n - 1].id for n in numbers]


def _raw(path: Path = FIXTURE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _data(comp: ComparisonResult) -> dict[str, Any]:
    """What the comparison holds, as its JSON report gives it."""
    return json.loads(report.render(comp, "json"))


@pytest.fixture
def comp() -> ComparisonResult:
    return comparison_from(_raw())


@pytest.fixture
def data(comp: ComparisonResult) -> dict[str, Any]:
    return _data(comp)


def _html_text(page: str) -> str:
    return lxml.html.document_fromstring(page).text_content()


def _findings(data: dict[str, Any]) -> list[str]:
    """Plain strings every format must show (none needs Markdown escaping)."""
    found = [t["id"] for t in data["treaties"]]
    found += list(data["provisions"])
    for group in data["groups"]:
        found += [group["id"], group["change"]]
        for diff in group["diffs"]:
            found += [
                f["note"]
                for f in diff["flags"]
                if not re.search(r"[\\`*_|~<>&\[\]]", f["note"])
            ]
    for per_treaty in data["missing"].values():
        for entry in per_treaty.values():
            found.append(entry["status"].replace("-", " "))
            if entry["nearest"]:
                found.append(entry["nearest"]["why"])
    found += data["notes"]
    return found


def test_the_fixture_has_every_change_kind_and_flag_the_reports_must_show(data) -> None:
    changes = {d["change"] for g in data["groups"] for d in g["diffs"]}
    assert {"identical", "modified", "added", "removed", "split", "moved"} <= changes
    flags = {f["flag"] for g in data["groups"] for d in g["diffs"] for f in d["flags"]}
    assert {"modality", "negation", "time", "party"} <= flags


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
@pytest.mark.parametrize("path", [FIXTURE, PLACEHOLDERS], ids=["three", "holes"])
def test_every_format_carries_the_findings(fmt: str, path: Path) -> None:
    comp = comparison_from(_raw(path))
    data = _data(comp)
    out = report.render(comp, fmt)
    shown = _html_text(out) if fmt == "html" else out
    collapsed = _ids(comp, COLLAPSED) if path == PLACEHOLDERS else []
    data["groups"] = [g for g in data["groups"] if g["id"] not in collapsed]
    missing = [f for f in _findings(data) if f not in shown]
    assert not missing


def test_json_is_the_comparison_with_diffs_under_each_group(comp) -> None:
    out = report.render(comp, "json")
    assert json.loads(out) == report.comparison_dict(comp)
    assert list(json.loads(out))[:2] == ["format", "treaties"]
    assert json.loads(out)["format"] == "treatydiff-comparison/1"
    assert (
        "ru-ir-2025" in out and "\\u" not in out.split('"groups"')[0]
    )  # ensure_ascii off
    assert all("diffs" in g for g in json.loads(out)["groups"])


def test_text_report_order_matrix_groups_changes_findings_notes(comp) -> None:
    out = report.render(comp, "text")
    heads = [
        "Treaties",
        "Provisions",
        "Correspondence groups",
        "Changes against",
        "Missing provisions and provisions at an unknown article",
        "Coverage notes",
    ]
    positions = [out.index("\n" + h) for h in heads]
    assert positions == sorted(positions)
    matrix = out[positions[1] : positions[2]]
    row = next(
        line
        for line in matrix.splitlines()
        if line.strip().startswith("mutual-defence")
    )
    assert "— confirmed absent; nearest 3.3" in row
    assert "(non-assistance-to-aggressor)" not in row  # details follow under Missing
    assert row.split()[-4:] == ["4", "(binding)", "4", "(binding)"]
    assert "shall [-not -]provide" in out


def test_markdown_tables_and_redline(comp) -> None:
    out = report.render(comp, "md")
    assert "| mutual-defence | **— confirmed absent**<br>nearest: 3.3" in out
    assert f"| {_ids(comp, [4])[0]} | split | 0.83 | 20 | 10, 11 (split) | — |" in out
    assert "~~not~~ provide" in out
    assert "**30**" in out


def test_a_comparison_renders_itself_through_the_report() -> None:
    comp = compare(treaty("a", CUSTOMS, DISPUTES), treaty("b", DISPUTES, CUSTOMS))
    for fmt in report.FORMATS:
        assert comp.render(fmt) == report.render(comp, fmt)
    assert comp.render("md", changed_only=True) == report.render(
        comp, "md", changed_only=True
    )
    assert comp._repr_html_() == report.html_fragment(comp)


def test_changed_only_and_only_filter_groups() -> None:
    groups = lambda out: [g["id"] for g in json.loads(out)["groups"]]  # noqa: E731
    raw = _raw()
    texts = raw["groups"][0]["texts"]
    texts["ru-kp-2024"]["1"] = texts["ru-ir-2025"]["1"]  # g1 becomes identical
    comp = comparison_from(raw)
    everything = groups(report.render(comp, "json"))
    assert groups(report.render(comp, "json", changed_only=True)) == everything[1:]
    g3, g4, g5 = _ids(comp, [3, 4, 5])
    assert groups(report.render(comp, "json", only="split")) == [g4]
    # a group matches when any of its treaties has the kind, not only the group
    assert groups(report.render(comp, "json", only="removed")) == [g3, g4]
    text = report.render(comp, "text", only="added")
    assert (
        g5 in text and f"{g4} " not in text and "mutual-defence" in text
    )  # matrix stays
    with pytest.raises(InvalidArgument, match="unknown change kind"):
        report.render(comp, "text", only="rewritten")


def test_bad_arguments_raise_treatydiff_errors(comp) -> None:
    with pytest.raises(InvalidArgument, match="unknown report format"):
        report.render(comp, "pdf")
    with pytest.raises(InvalidArgument, match="not a comparison"):
        report.render({"groups": []}, "text")  # type: ignore[arg-type]


def test_colour_only_when_asked_and_never_from_treaty_text(comp) -> None:
    plain = report.render(comp, "text")
    assert "\x1b" not in plain  # the fixture's ESC character is shown escaped
    assert "\\x1b[31m red" in plain
    assert "\\u202e" in plain
    coloured = report.render(comp, "text", color=True)
    assert "\x1b[31m[-not -]\x1b[0m" in coloured
    assert re.sub(r"\x1b\[\d+m", "", coloured) == plain


def test_html_parses_and_is_self_contained(comp) -> None:
    page = report.render(comp, "html")
    assert page.startswith("<!DOCTYPE html>")
    doc = lxml.html.document_fromstring(page)
    assert doc.xpath("//script") == []
    assert doc.xpath("//link | //img | //iframe | //object | //*[@src]") == []
    style = doc.xpath("//style")[0].text
    assert "@media print" in style and "url(" not in style
    hrefs = [a.get("href") for a in doc.xpath("//a | //*[local-name()='a']")]
    assert {h for h in hrefs if not h.startswith("#")} == {
        "https://example.org/ir-no-alliance"
    }
    ids = set(doc.xpath("//@id"))
    assert {h[1:] for h in hrefs if h.startswith("#")} <= ids  # no dead anchor


def test_html_matrix_marks_missing_cells_with_status_and_nearest(comp, data) -> None:
    doc = lxml.html.document_fromstring(report.render(comp, "html"))
    rows = doc.xpath("//table[contains(@class,'matrix')]/tbody/tr")
    assert [r.xpath("string(th)") for r in rows] == list(data["provisions"])
    cells = rows[0].xpath("td")
    assert [c.get("class") for c in cells] == ["confirmed-absent", "present", "present"]
    assert "nearest: 3.3 (non-assistance-to-aggressor)" in cells[0].text_content()
    row = next(r for r in rows if r.xpath("string(th)") == "intelligence-exchange")
    assert row.xpath("td")[1].get("class") == "not-found"


def test_html_groups_have_one_column_per_treaty_and_redlines(comp, data) -> None:
    doc = lxml.html.document_fromstring(report.render(comp, "html"))
    rows = doc.xpath("//table[contains(@class,'groups')]/tbody/tr")
    assert len(rows) == len(data["groups"])
    assert all(len(r.xpath("td")) == len(data["treaties"]) for r in rows)
    g2 = rows[1]
    assert "not " in g2.xpath("td[2]//del/text()")
    assert "with all means at its disposal without delay" in g2.xpath(
        "td[2]//ins/text()"
    )
    assert "modality: would → ∅" in g2.xpath("string(td[2]//ul)")


def test_hostile_treaty_text_is_shown_as_text_everywhere() -> None:
    raw = _raw()
    raw["treaties"][1]["title"] = HOSTILE + '"><b onmouseover=x>'
    raw["missing"]["mutual-defence"]["ru-ir-2025"]["note"] += (
        "</li></ul><script>alert(3)</script>"
    )
    comp = comparison_from(raw)
    page = report.render(comp, "html")
    doc = lxml.html.document_fromstring(page)
    assert doc.xpath("//script | //img | //b") == []
    assert doc.xpath("//@*[starts-with(name(), 'on')]") == []
    text = doc.text_content()
    assert HOSTILE in text
    assert '</td><td onclick="alert(1)">pwned</td>' in text
    assert "</li></ul><script>alert(3)</script>" in text
    assert "javascript:alert('src')" in text  # shown, not linked
    md = report.render(comp, "md")
    assert "<script" not in md and "<img" not in md and "<td" not in md
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in md


def test_control_characters_never_reach_html() -> None:
    raw = _raw()
    raw["groups"][0]["texts"]["ru-ir-2025"]["1"] += "\x00\x07\ud800"
    page = report.render(comparison_from(raw), "html")
    assert "\\x00\\x07\\ud800" in _html_text(page)


def test_rendering_leaves_the_input_alone(comp) -> None:
    before = copy.deepcopy(comp)
    first = report.render(comp, "html", changed_only=True)
    assert comp == before
    assert report.render(comp, "html", changed_only=True) == first


_ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "p",
    "section",
    "table",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "strong",
    "br",
    "div",
    "del",
    "ins",
    "sup",
    "ul",
    "li",
    "dl",
    "dt",
    "dd",
    "a",
    "code",
    "details",
    "summary",
    # the inline SVG pictures (alignment map, heat-map)
    "svg",
    "g",
    "rect",
    "line",
    "path",
    "text",
    "h3",
    "mark",
}


@given(st.text(max_size=40), st.text(max_size=40))
def test_any_treaty_text_stays_text_in_html(left: str, right: str) -> None:
    raw = _raw()
    group = raw["groups"][0]
    group["texts"]["ru-ir-2025"]["1"] = left
    group["texts"]["ru-kp-2024"]["1"] = right
    group["headings"]["ru-kp-2024"]["1"] = right
    raw["missing"]["mutual-defence"]["ru-ir-2025"]["note"] = left
    doc = lxml.html.document_fromstring(report.render(comparison_from(raw), "html"))
    assert {el.tag for el in doc.iter() if isinstance(el.tag, str)} <= _ALLOWED_TAGS
    assert doc.xpath("//@*[starts-with(name(), 'on')]") == []
    assert safe(left) in doc.xpath("string(//section[@id='missing']//dd)")


def test_html_fragment_for_jupyter_scopes_its_style(comp) -> None:
    fragment = report.html_fragment(comp, changed_only=True)
    div = lxml.html.fragment_fromstring(fragment)
    assert div.tag == "div" and div.get("class") == "tdr"
    assert div[0].tag == "style"
    rules = div[0].text.replace("@media print {", "")
    selectors = [
        sel.strip()
        for rule in rules.split("}")
        if "{" in rule
        for sel in rule.split("{")[0].split(",")
    ]
    assert selectors and all(sel.startswith(".tdr") for sel in selectors)
    assert div.xpath(".//table[contains(@class,'matrix')]")
    page = lxml.html.document_fromstring(report.render(comp, "html", changed_only=True))
    div.remove(div[0])
    assert div.text_content() == page.xpath("//div[@class='tdr']")[0].text_content()


# -- placeholder articles and provisions at an unknown article -----------------

PLACEHOLDER_LINES = [
    "alpha-digest: 5 articles not encoded in the digest (placeholders): 2–4, 8, 9",
    "beta-text: 1 article not encoded (placeholder): 5",
]
LISTED = (1, 5, 6, 7, 10)  # 6: a placeholder beside a real article
CHANGED = (1, 6, 7, 10)


@pytest.fixture
def holes() -> ComparisonResult:
    return comparison_from(_raw(PLACEHOLDERS))


def _section(out: str, head: str, end: str) -> str:
    return out[out.index("\n" + head) : out.index("\n" + end)]


@pytest.mark.parametrize(
    ("refs", "expected"),
    [
        ([], ""),
        (["5"], "5"),
        (["8", "9"], "8, 9"),
        (["9", "10", "11"], "9–11"),
        (
            ["6", "7", "8", "9", "10", "11", "13", *map(str, range(15, 48))],
            "6–11, 13, 15–47",
        ),
        (["3", "2", "1"], "3, 2, 1"),
        (["1", "2", "2a", "3", "4", "5"], "1, 2, 2a, 3–5"),
        (["2.1", "2.2", "2.3"], "2.1, 2.2, 2.3"),
        (["１", "２", "３"], "１, ２, ３"),  # full-width digits are not numbers here
    ],
)
def test_ref_ranges_compress_runs_of_three_or_more(refs, expected) -> None:
    assert ref_ranges(refs) == expected


def test_text_lists_placeholder_only_groups_as_one_line_per_treaty(holes) -> None:
    out = report.render(holes, "text")
    groups = _section(out, "Correspondence groups", "Changes against")
    assert re.findall(rf"^  ({GROUP_ID}) ", groups, re.M) == _ids(holes, LISTED)
    assert groups.splitlines()[-2:] == [f"  {line}" for line in PLACEHOLDER_LINES]
    changes = _section(out, "Changes against", "Missing provisions")
    assert re.findall(rf"^  ({GROUP_ID}) ·", changes, re.M) == _ids(holes, CHANGED)


def test_markdown_and_html_list_placeholders_the_same_way(holes) -> None:
    md = report.render(holes, "md")
    assert re.findall(rf"^\| ({GROUP_ID}) \|", md, re.M) == _ids(holes, LISTED)
    for line in PLACEHOLDER_LINES:
        assert f"\n- {line}\n" in md
    for hidden in _ids(holes, COLLAPSED):
        assert f"### {hidden} " not in md
    doc = lxml.html.document_fromstring(report.render(holes, "html"))
    rows = doc.xpath("//table[contains(@class,'groups')]/tbody/tr")
    assert [r.xpath("string(th/strong)") for r in rows] == _ids(holes, LISTED)
    lines = doc.xpath("//section[@id='groups']/p[contains(@class,'placeholders')]")
    assert [p.text_content() for p in lines] == PLACEHOLDER_LINES
    changes = doc.xpath("//section[@id='changes']//li/text()")
    assert [c.split(" ·")[0] for c in changes] == _ids(holes, CHANGED)


def test_placeholder_lines_follow_the_group_filters(holes) -> None:
    groups = _section(
        report.render(holes, "text", only="removed"), "Correspondence", "Changes"
    )
    assert re.findall(rf"^  ({GROUP_ID}) ", groups, re.M) == _ids(holes, [7])
    # A placeholder group has no change kind: neither removed nor added.
    assert "placeholders)" not in groups
    assert "placeholders)" not in report.render(holes, "text", only="added")
    changed = report.render(holes, "text", changed_only=True)
    assert all(f"  {line}\n" in changed for line in PLACEHOLDER_LINES)


def test_without_placeholders_every_group_is_listed() -> None:
    raw = _raw(PLACEHOLDERS)
    for entry in raw["treaties"]:
        del entry["placeholders"]  # every article encoded, the empty ones too
    comp = comparison_from(raw)
    for fmt in ("text", "md", "html"):
        out = report.render(comp, fmt)
        assert "not encoded (placeholder" not in out and "placeholders)" not in out
    text = report.render(comp, "text")
    groups = _section(text, "Correspondence groups", "Changes against")
    assert len(re.findall(rf"^  {GROUP_ID} ", groups, re.M)) == len(comp.groups)


def test_json_keeps_placeholder_groups_and_keys(holes) -> None:
    out = json.loads(report.render(holes, "json"))
    assert out == report.comparison_dict(holes)
    assert len(out["groups"]) == 10
    assert out["treaties"][1]["placeholders"] == ["5"]


def test_text_marks_unplaced_provisions_apart_from_absent_ones(holes) -> None:
    out = report.render(holes, "text")
    rows = {
        line.split()[0]: line
        for line in _section(out, "Provisions", "Correspondence").splitlines()[2:]
    }
    assert re.fullmatch(
        r"  sanctions +✓ article unknown +4 \(binding\)", rows["sanctions"]
    )
    assert "✓ article unknown (hint: 6-9)  — not found" in rows["energy"]
    assert "— confirmed absent" in rows["mutual-defence"]
    findings = _section(out, "Missing provisions", "Coverage notes")
    assert (
        "  energy · alpha-digest: unplaced (in the treaty, article not identified)\n"
        "    note: Oil and gas fields are to be developed together.\n"
        "    article hint: 6-9\n"
        "    confidence: inferred\n"
        "    sources: https://example.org/alpha-energy\n"
    ) in findings
    assert "sanctions · alpha-digest: unplaced" in findings
    assert "mutual-defence · alpha-digest: confirmed absent" in findings
    coloured = report.render(holes, "text", color=True)
    assert "alpha-digest: \x1b[34munplaced (in the treaty" in coloured
    assert "alpha-digest: \x1b[33mconfirmed absent\x1b[0m" in coloured


def test_markdown_marks_unplaced_provisions_apart(holes) -> None:
    md = report.render(holes, "md")
    assert "| sanctions | *✓ article unknown* | 4 (binding) |" in md
    assert "| energy | *✓ article unknown (hint: 6-9)* | **— not found** |" in md
    assert (
        "| mutual-defence | **— confirmed absent**<br>nearest: 5 (consultation)" in md
    )
    assert md.split("| mutual-defence |")[1].split("\n")[0].endswith(" | 2 (binding) |")
    assert (
        "- **energy** · alpha-digest: unplaced (in the treaty, article not "
        "identified); note: Oil and gas fields are to be developed together.; "
        "article hint: 6-9; confidence: inferred; sources: "
    ) in md


def test_html_gives_unplaced_cells_their_own_style_and_legend(holes) -> None:
    page = report.render(holes, "html")
    doc = lxml.html.document_fromstring(page)
    rows = doc.xpath("//table[contains(@class,'matrix')]/tbody/tr")
    classes = {
        r.xpath("string(th)"): [c.get("class") for c in r.xpath("td")] for r in rows
    }
    assert classes == {
        "mutual-defence": ["confirmed-absent", "present"],
        "consultation": ["present", "present"],
        "sanctions": ["unplaced", "present"],
        "energy": ["unplaced", "not-found"],
        "entry-into-force": ["present", "not-found"],
    }
    assert rows[2].xpath("string(td[1])") == "✓ article unknown"
    style = doc.xpath("//style")[0].text
    rules = dict(re.findall(r"\.tdr \.([a-z-]+) \{([^}]*)\}", style))
    assert rules["unplaced"] not in (rules["present"], rules["confirmed-absent"])
    legend = doc.xpath("//section[@id='matrix']/p[contains(@class,'legend')]//span")
    keys = [s.get("class") for s in legend if "key" in (s.get("class") or "")]
    assert keys == [
        "key present",
        "key unplaced",
        "key confirmed-absent",
        "key not-found",
    ]
    terms = doc.xpath("//dl[contains(@class,'findings')]/dt")
    assert [t.xpath("string(span/@class)") for t in terms] == [
        "mark key confirmed-absent",
        "mark key unplaced",
        "mark key unplaced",
        "mark key not-found",
        "mark key not-found",
    ]
    text = doc.text_content()
    assert "article hint: 6-9" in text and "confidence: inferred" in text


def test_a_hostile_article_hint_stays_text() -> None:
    raw = _raw(PLACEHOLDERS)
    raw["missing"]["energy"]["alpha-digest"]["article"] = "<b onclick=x>7</b>"
    holes = comparison_from(raw)
    doc = lxml.html.document_fromstring(report.render(holes, "html"))
    assert doc.xpath("//b") == [] and doc.xpath("//@onclick") == []
    assert "✓ article unknown (hint: <b onclick=x>7</b>)" in doc.text_content()
    assert "<b onclick" not in report.render(holes, "md")


def test_text_and_markdown_show_headings_and_many_member_splits() -> None:
    """Issue 9: a heading next to a single ref; a split into many articles as
    compressed runs of refs."""
    from treatydiff.model import Article, Paragraph, Treaty

    pieces = [distinct_clause(i) for i in range(12)]
    a = Treaty(
        id="old",
        articles=[
            Article(num="1", heading="Ports", paragraphs=[Paragraph(text=CUSTOMS)]),
            Article(
                num="2",
                heading="Everything else",
                paragraphs=[
                    Paragraph(num=str(k + 1), text=t) for k, t in enumerate(pieces)
                ],
            ),
        ],
    )
    b = Treaty(
        id="new",
        articles=[
            Article(num="1", heading="Ports", paragraphs=[Paragraph(text=CUSTOMS)]),
            *(
                Article(num=str(k + 2), paragraphs=[Paragraph(text=t)])
                for k, t in enumerate(pieces)
            ),
        ],
    )
    comp = compare(a, b)
    for fmt in ("text", "md"):
        out = report.render(comp, fmt)
        assert "1 — Ports" in out
        assert "2–13 (split)" in out


def test_html_folds_the_not_found_findings(comp) -> None:
    """Regression (issue 12): ~100 'not found' entries pushed the groups down."""
    doc = lxml.html.document_fromstring(report.render(comp, "html"))
    section = doc.xpath("//section[@id='missing']")[0]
    folded = section.xpath("details[contains(@class,'not-found')]")
    assert len(folded) == 1 and folded[0].get("open") is None
    summary = folded[0].xpath("string(summary)")
    count = len(folded[0].xpath(".//dt"))
    assert summary.startswith(f"{count} provision")
    assert count and all(
        "not found" in dt.text_content() for dt in folded[0].xpath(".//dt")
    )
    # Confirmed absences stay in view, before the folded list.
    shown = section.xpath("dl/dt")
    assert shown and not any("not found" in dt.text_content() for dt in shown)


@given(
    st.text(max_size=12), st.text(max_size=8), st.text(max_size=12), st.text(max_size=8)
)
def test_clause_anchors_are_distinct_and_have_no_space(
    t1: str, r1: str, t2: str, r2: str
) -> None:
    a, b = clause_anchor(t1, r1), clause_anchor(t2, r2)
    assert (a == b) == ((t1, r1) == (t2, r2))
    assert re.fullmatch(r"[A-Za-z0-9.:_-]+", a)


def test_html_matrix_refs_link_to_the_cited_clauses(comp) -> None:
    doc = lxml.html.document_fromstring(report.render(comp, "html"))
    row = doc.xpath("//tr[@id='provision-mutual-defence']")[0]
    (near,) = row.xpath("td[1]//a[starts-with(@href, '#')]")
    assert near.text == "3.3" and near.get("href") == "#clause-ru-ir-2025:3.3"
    (clause,) = doc.xpath("//*[@id='clause-ru-ir-2025:3.3']")
    assert clause.xpath("ancestor::section/@id") == ["clauses"]
    assert "#provision-mutual-defence" in clause.xpath(".//a/@href")
    assert row.xpath("td[1]/details/summary")  # the finding's detail is folded


def _bundled_three() -> ComparisonResult:
    from treatydiff import bundled

    return compare(
        *(bundled.load(t) for t in ("ru-ir-2025", "ru-kp-2024", "ru-by-2024"))
    )


def test_groups_linked_by_provisions_only_show_clauses_side_by_side() -> None:
    comp = _bundled_three()
    linked = [g for g in comp.groups if g.basis == ("provisions",)]
    assert linked  # the digests share security-core kinds, not wording
    data = json.loads(report.render(comp, "json"))
    for group in (g for g in data["groups"] if g["basis"] == ["provisions"]):
        assert all(d["ops"] == [] and d["flags"] == [] for d in group["diffs"])
    text = report.render(comp, "text")
    gid = linked[0].id
    block = text.split(f"  {gid} · ", 1)[1].split("\n\n", 1)[0]
    assert "[ru-ir-2025 " in block and "[-" not in block and "{+" not in block
    md = report.render(comp, "md")
    assert "~~" not in md.split(f"### {gid}", 1)[1].split("###", 1)[0]
    doc = lxml.html.document_fromstring(report.render(comp, "html"))
    row = doc.xpath(f"//table[contains(@class,'groups')]//tr[th//strong='{gid}']")[0]
    assert row.xpath(".//del | .//ins") == []


def test_text_report_prints_a_removal_shared_by_several_treaties_once() -> None:
    a = treaty("a", CUSTOMS, DISPUTES)
    comp = compare(a, treaty("b", CUSTOMS), treaty("c", CUSTOMS))
    for fmt in ("text", "md"):
        out = report.render(comp, fmt)
        changes = out.split("Changes against", 1)[1]
        assert changes.count("removed") == 1, fmt
        assert changes.count(md_escape(DISPUTES.split()[0])) == 1, fmt
        assert "b, c — vs a 2: removed" in changes.replace("\\", "")
