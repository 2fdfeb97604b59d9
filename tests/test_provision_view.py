"""The provision view (``compare --provision KIND``) and the strength filter."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatydiff import bundled, compare, report
from treatydiff.cli import main
from treatydiff.errors import InvalidArgument
from treatydiff.model import Span
from treatydiff.report.formatting import highlight

PLEDGE = (
    "If either Party is subjected to an armed attack, the other Party shall "
    "immediately provide it with military assistance by all means at its disposal."
)
DISCRETION = (
    "If either Party is subjected to an armed attack, the other Party may provide "
    "such assistance as it deems appropriate."
)
TRADE = "The Parties shall develop their cooperation in trade and investment."


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    paths = []
    for name, clause in (("alpha", PLEDGE), ("beta", DISCRETION), ("gamma", TRADE)):
        path = tmp_path / f"{name}.txt"
        path.write_text(
            f"Treaty {name}\n\nArticle 1\n{TRADE}\n\nArticle 2\n{clause}\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    return paths


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # usage errors: argparse exits
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_provision_view_marks_the_evidence_with_its_strength(files, capsys) -> None:
    code, out, _ = _run(["compare", *files, "--provision", "mutual-defence"], capsys)
    assert code == 0
    alpha, beta, gamma = out.split("\n\n")[1:]
    assert alpha.startswith("alpha: present\n  2 (binding); classifier")
    assert "[[provide it with military assistance]]" in alpha
    assert beta.startswith("beta: present\n  2 (discretionary)")
    assert gamma.startswith("gamma: not found")
    assert "[[" not in gamma


def test_provision_view_in_html_uses_mark_and_escapes_text(files, capsys) -> None:
    Path(files[2]).write_text(
        f"T\n\nArticle 1\n<script>alert(1)</script> {PLEDGE}\n", encoding="utf-8"
    )
    code, out, _ = _run(
        ["compare", *files, "--provision", "mutual-defence", "--format", "html"],
        capsys,
    )
    assert code == 0
    doc = lxml.html.document_fromstring(out)
    assert doc.xpath("//script") == []
    marks = [m.text for m in doc.xpath("//section[@id='treaty-alpha']//mark")]
    assert "provide it with military assistance" in marks
    assert "<script>alert(1)</script>" in doc.xpath("string(//section[3])")


def test_provision_view_of_a_confirmed_absence_gives_source_and_nearest_text() -> None:
    comp = compare(*(bundled.load(t) for t in ("ru-ir-2025", "ru-kp-2024")))
    out = report.render_provision(comp, "mutual-defence")
    iran = out.split("\n\n")[1]
    assert iran.startswith("ru-ir-2025: confirmed absent")
    assert "sources: https://" in iran
    assert "nearest candidate: 3.3" in iran
    assert comp.treaties[0].clause_text("3.3") in iran


def test_unknown_provision_kind_is_a_usage_error_listing_the_kinds(
    files, capsys
) -> None:
    code, out, err = _run(["compare", *files, "--provision", "mutual-defense"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("treatydiff: error: compare: ")  # one line, compare's
    assert err.count("\n") == 1 and "treatydiff compare --help" in err
    assert "unknown provision kind 'mutual-defense'" in err
    assert "mutual-defence, non-assistance-to-aggressor" in err
    code, _, err = _run(
        ["compare", *files, "--provision", "basing", "--format", "json"], capsys
    )
    assert code == 2 and "--provision prints text, md, html" in err
    with pytest.raises(InvalidArgument, match="known kinds: mutual-defence"):
        report.render_provision(compare(*map(bundled.resolve, files)), "nope")


def test_strength_filter_keeps_only_labels_of_that_strength(files, capsys) -> None:
    code, out, _ = _run(["compare", *files, "--strength", "binding"], capsys)
    assert code == 0
    matrix = out.split("\nProvisions", 1)[1].split("\n\n", 1)[0]
    row = next(line for line in matrix.splitlines() if "mutual-defence" in line)
    assert "2 (binding)" in row and "other strength; nearest 2" in row
    assert "discretionary" not in matrix
    code, out, _ = _run(["compare", *files, "--strength", "discretionary"], capsys)
    matrix = out.split("\nProvisions", 1)[1].split("\n\n", 1)[0]
    assert "trade-economy" not in matrix  # no treaty has it at that strength
    code, _, err = _run(["compare", *files, "--strength", "firm"], capsys)
    assert code == 2 and "invalid choice" in err


@given(
    st.text(max_size=30), st.lists(st.tuples(st.integers(0, 30), st.integers(0, 10)))
)
def test_highlight_keeps_the_text_and_marks_only_evidence(text, cuts) -> None:
    found = [(text[a : a + n], a) for a, n in cuts]
    spans = [Span(piece, a, a + len(piece)) for piece, a in found if piece]
    pieces = highlight(text, spans)
    assert "".join(p for p, _ in pieces) == text
    assert all(p for p, _ in pieces)
    marked, pos = set(), 0
    for piece, is_mark in pieces:
        if is_mark:
            marked.update(range(pos, pos + len(piece)))
        pos += len(piece)
    assert marked == {i for s in spans for i in range(s.start, s.end)}


def test_highlight_finds_evidence_whose_offsets_moved() -> None:
    assert highlight("one two three", [Span("two", 0, 3)]) == [
        ("one ", False),
        ("two", True),
        (" three", False),
    ]
    assert highlight("abc", [Span("zz", 0, 2)]) == [("abc", False)]


def test_cited_clauses_in_the_html_report_mark_their_evidence(files) -> None:
    comp = compare(*map(bundled.resolve, files))
    doc = lxml.html.document_fromstring(comp.render("html"))
    (clause,) = doc.xpath("//*[@id='clause-alpha:2']")
    assert "provide it with military assistance" in clause.xpath(".//mark/text()")
    assert PLEDGE in clause.text_content()


def test_a_one_treaty_compare_points_to_the_compare_usage(files, capsys) -> None:
    code, _, err = _run(["compare", files[0]], capsys)
    assert code == 2 and err.startswith("treatydiff: error: compare: ")
    assert "treatydiff compare --help" in err
    assert "compare needs at least two treaties" in err
