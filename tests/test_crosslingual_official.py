"""A user's official text in a digest's place (``ID=FILE``): checks, facts."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from treatydiff import bundled, compare
from treatydiff.cli import main
from treatydiff.errors import CorpusError


def _official_text(treaty_id: str, count: int, title: str | None = None) -> str:
    """An official-style text written for the test: the digest's own
    restatements where it has them, a filler clause elsewhere."""
    digest = bundled.load(treaty_id)
    lines = [title or digest.title or "", ""]
    for n in range(1, count + 1):
        art = digest.article(str(n)) if n <= len(digest.articles) else None
        body = (
            art.text
            if art is not None and art.encoded and art.text
            else (f"The Parties carry out the undertakings of part {n} in good faith.")
        )
        lines += [f"Article {n}", body, ""]
    return "\n".join(lines)


@pytest.fixture
def ir_file(tmp_path: Path) -> Path:
    path = tmp_path / "ir_official.txt"
    path.write_text(_official_text("ru-ir-2025", 47), encoding="utf-8")
    return path


def test_the_official_text_takes_the_digests_place_with_its_curated_facts(ir_file):
    digest = bundled.load("ru-ir-2025")
    text = bundled.resolve(f"ru-ir-2025={ir_file}")
    assert text.id == "ru-ir-2025" and text.kind == "text"
    assert len(text.articles) == 47 and all(a.encoded for a in text.articles)
    assert text.absences == digest.absences
    assert [a.kind for a in text.absences] == ["mutual-defence"]
    assert text.absences[0].sources
    third = text.article("3")
    kinds = {lab.kind for lab in third.labels if lab.source == "curated"}
    assert {"non-assistance-to-aggressor", "no-hostile-alliance"} <= kinds
    assert third.sources == digest.article("3").sources
    assert text.article("30").labels == ()
    assert text.metadata["unplaced_topics"] == digest.metadata["unplaced_topics"]
    sha = hashlib.sha256(ir_file.read_bytes()).hexdigest()
    assert text.source == (
        f"official text from ir_official.txt (sha256 {sha[:12]}), "
        "curated facts from the digest ru-ir-2025"
    )
    assert text.metadata["sha256"] == sha
    assert text.coverage == (47, 47)


def test_the_report_says_where_the_text_and_the_facts_come_from(ir_file):
    comp = compare(bundled.official("ru-ir-2025", ir_file), bundled.load("ru-kp-2024"))
    report = comp.render("text")
    assert "ru-ir-2025: official text from ir_official.txt (sha256 " in report
    assert "curated facts from the digest ru-ir-2025" in report
    assert "confirmed absent" in report


def test_a_file_with_another_article_count_is_refused(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text(_official_text("ru-kp-2024", 22), encoding="utf-8")
    with pytest.raises(CorpusError, match="has 22 articles but ru-kp-2024 has 23"):
        bundled.official("ru-kp-2024", path)


def test_a_file_with_another_treatys_title_is_refused(tmp_path):
    korea = bundled.load("ru-kp-2024").title
    path = tmp_path / "other.txt"
    path.write_text(_official_text("ru-ir-2025", 47, title=korea), encoding="utf-8")
    with pytest.raises(CorpusError, match="not the text of ru-ir-2025"):
        bundled.official("ru-ir-2025", path)


def test_a_russian_title_passes_for_the_english_digest_title(tmp_path):
    path = tmp_path / "ru.txt"
    title = (
        "ДОГОВОР О ВСЕОБЪЕМЛЮЩЕМ СТРАТЕГИЧЕСКОМ ПАРТНЕРСТВЕ МЕЖДУ РОССИЙСКОЙ "
        "ФЕДЕРАЦИЕЙ И ИСЛАМСКОЙ РЕСПУБЛИКОЙ ИРАН"
    )
    path.write_text(_official_text("ru-ir-2025", 47, title=title), encoding="utf-8")
    assert bundled.official("ru-ir-2025", path).title == title


def test_cli_mismatch_is_one_line_and_exit_1(tmp_path, capsys):
    path = tmp_path / "short.txt"
    path.write_text(_official_text("ru-kp-2024", 5), encoding="utf-8")
    assert main(["compare", f"ru-kp-2024={path}", "ru-by-2024"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("treatydiff: error: short.txt has 5 articles")
    assert err.count("\n") == 1


def test_cli_compares_an_official_text_in_a_digests_place(ir_file, capsys):
    assert main(["compare", f"ru-ir-2025={ir_file}", "ru-kp-2024"]) == 0
    assert "official text from ir_official.txt" in capsys.readouterr().out


def test_an_id_that_is_not_bundled_before_the_equals_sign_names_the_file(ir_file):
    treaty = bundled.resolve(f"xx-yy={ir_file}")
    assert (treaty.id, treaty.kind) == ("xx-yy", "text")
