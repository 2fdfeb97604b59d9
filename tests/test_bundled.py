"""The bundled-treaty registry: ids, loading, resolving and validation errors."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from treatydiff import bundled
from treatydiff.errors import CorpusError, TreatyDiffError
from treatydiff.model import Treaty

ROOT = Path(__file__).resolve().parent.parent
SEED = ("ru-ir-2025", "ru-kp-2024", "ru-by-2024")

# A minimal valid digest, written for these tests; each case below breaks one thing.
_MINI: dict[str, Any] = {
    "format": "treatydiff-digest/1",
    "id": "xx-mini-2000",
    "kind": "digest",
    "title": "Mini Treaty",
    "parties": ["A", "B"],
    "signed": {
        "date": "2000-01-02",
        "place": "Nowhere",
        "confidence": "confirmed",
        "sources": ["https://example.org/signed"],
    },
    "articles_total": 3,
    "official_text": [{"publisher": "Nobody", "url": None, "note": "not seen"}],
    "provenance": {
        "statement": "Our own restatement.",
        "licence": "MIT",
        "compiled_from": "test",
    },
    "articles": [
        {
            "num": "1",
            "text": "The parties help each other.",
            "confidence": "confirmed",
            "labels": [{"kind": "mutual-defence", "confidence": "confirmed"}],
            "sources": ["https://example.org/1"],
        },
        {"num": "2", "encoded": False},
        {
            "num": "3",
            "paragraphs": [
                {
                    "num": "1",
                    "text": "First.",
                    "confidence": "inferred",
                    "labels": [{"kind": "consultation", "confidence": "inferred"}],
                    "sources": ["https://example.org/3"],
                },
                {
                    "num": "2",
                    "points": [
                        {"label": "a", "encoded": False},
                        {"label": "b", "text": "Bee."},
                    ],
                    "labels": [{"kind": "sanctions", "confidence": "confirmed"}],
                    "confidence": "confirmed",
                    "sources": ["https://example.org/3b"],
                },
            ],
        },
    ],
}


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty bundled-treaty directory in place of the package's own."""
    monkeypatch.setattr(bundled, "_resource_dir", lambda: tmp_path)
    bundled.ids.cache_clear()
    bundled._load.cache_clear()
    yield tmp_path
    bundled.ids.cache_clear()
    bundled._load.cache_clear()


def _write(directory: Path, data: Any, name: str = "xx-mini-2000") -> None:
    text = data if isinstance(data, str) else json.dumps(data)
    (directory / f"{name}.json").write_text(text, encoding="utf-8")


def test_ids_are_the_bundled_files_sorted() -> None:
    expected = sorted(p.stem for p in (ROOT / "treaties").glob("*.json"))
    assert bundled.ids() == expected
    assert set(SEED) <= set(bundled.ids())


def test_data_is_reached_through_the_package_resources() -> None:
    shipped = resources.files("treatydiff") / "_treaties"
    assert sorted(e.name for e in shipped.iterdir() if e.name.endswith(".json")) == [
        f"{i}.json" for i in bundled.ids()
    ]


def test_load_returns_a_cached_digest() -> None:
    treaty = bundled.load("ru-kp-2024")
    assert isinstance(treaty, Treaty)
    assert treaty.kind == "digest"
    assert treaty.lang == "en"
    assert bundled.load("ru-kp-2024") is treaty


def test_unknown_id_names_the_known_ones() -> None:
    with pytest.raises(CorpusError) as exc:
        bundled.load("xx-nowhere-1900")
    message = str(exc.value)
    assert message.startswith("unknown treaty id 'xx-nowhere-1900' (known: ")
    assert all(i in message for i in SEED)
    assert "\n" not in message


def test_resolve_prefers_a_bundled_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ru-kp-2024").write_text("Article 1\nNot bundled.\n", encoding="utf-8")
    assert bundled.resolve("ru-kp-2024") is bundled.load("ru-kp-2024")


def test_resolve_reads_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mine.txt"
    path.write_text("Article 1\nThe parties shall consult.\n", encoding="utf-8")
    seen: list[str] = []

    def fake_read(arg: str, *, lang: str | None = None) -> Treaty:
        seen.append(str(arg))
        return Treaty(id="mine")

    monkeypatch.setattr(bundled.formats, "read", fake_read)
    assert bundled.resolve(str(path)).id == "mine"
    assert seen == [str(path)]


def test_resolve_parses_a_real_file(tmp_path: Path) -> None:
    path = tmp_path / "pact.txt"
    path.write_text(
        "Article 1\n\nThe Parties shall consult.\n\nArticle 2\n\n"
        "This Treaty enters into force on signature.\n",
        encoding="utf-8",
    )
    treaty = bundled.resolve(str(path))
    assert treaty.kind == "text"
    assert [a.ref for a in treaty.articles] == ["1", "2"]


@pytest.mark.parametrize("arg", ["no/such/file.txt", "xx-nowhere-1900", "."])
def test_resolve_rejects_what_is_neither(arg: str) -> None:
    neither = r"is neither a bundled treaty id nor a file \(known ids: .*ru-ir-2025"
    with pytest.raises(CorpusError, match=neither):
        bundled.resolve(arg)


def test_a_valid_digest_loads_into_the_model(bundle: Path) -> None:
    _write(bundle, _MINI)
    assert bundled.ids() == ["xx-mini-2000"]
    t = bundled.load("xx-mini-2000")
    assert t.coverage == (2, 3)
    assert t.signed_date == "2000-01-02"
    assert t.article("2").encoded is False
    assert t.article("2").paragraphs == ()
    assert t.find("3.2.b").text == "Bee."
    assert t.metadata["not_encoded"] == ["3.2.a"]
    art3 = t.article("3")
    assert art3.confidence == "inferred"  # weakest of its paragraphs
    assert art3.sources == ("https://example.org/3", "https://example.org/3b")
    assert [lab.kind for lab in art3.labels] == ["consultation", "sanctions"]
    assert t.find("1.1").labels == t.article("1").labels  # the restatement itself
    assert t.find("3.1").labels[0].confidence == bundled.CONFIDENCE["inferred"]
    assert t.metadata["entries"]["3.1"]["confidence"] == "inferred"
    assert all(lab.source == "curated" for a in t.articles for lab in a.labels)


def _broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(_MINI)
    change(data)
    return data


_CASES = [
    (lambda d: d.pop("title"), "xx-mini-2000.json: missing 'title'"),
    (lambda d: d.update(title=7), ": title: expected a string, got int"),
    (lambda d: d.update(format="other/9"), "format: expected 'treatydiff-digest/1'"),
    (
        lambda d: d.update(id="xx-other-2000"),
        "id: expected 'xx-mini-2000' (the file name)",
    ),
    (lambda d: d.update(kind="text"), "kind: expected 'digest'"),
    (lambda d: d.update(extra=1), "xx-mini-2000.json: unknown key 'extra'"),
    (lambda d: d.pop("articles_total"), "missing 'articles_total'"),
    (lambda d: d.update(articles_total=4), "articles: 3 listed, articles_total is 4"),
    (lambda d: d["signed"].update(date="2 Jan 2000"), "signed.date: not an ISO date"),
    (lambda d: d["articles"].pop(1), "articles: numbering must run 1..N, got 1, 3"),
    (
        lambda d: d["articles"][0].update(sources=[]),
        "articles[0].sources: must not be empty",
    ),
    (
        lambda d: d["articles"][0].update(sources=["tass"]),
        "articles[0].sources[0]: not a URL",
    ),
    (
        lambda d: d["articles"][0].update(confidence="likely"),
        "articles[0].confidence: expected one of ['confirmed', 'inferred']",
    ),
    (
        lambda d: d["articles"][0]["labels"][0].pop("kind"),
        "articles[0].labels[0]: missing 'kind'",
    ),
    (
        lambda d: d["articles"][1].update(text="Secret."),
        "articles[1]: a placeholder (encoded: false) has no content",
    ),
    (
        lambda d: d["articles"][2].update(text="Both."),
        "articles[2]: an article with 'paragraphs' takes its text",
    ),
    (
        lambda d: d["articles"][2]["paragraphs"][1].update(num="1"),
        "articles[2].paragraphs[1]: ref '3.1' appears twice",
    ),
    (
        lambda d: d["articles"][0]["labels"].append(d["articles"][0]["labels"][0]),
        "articles[0].labels: a kind is listed twice",
    ),
    (
        lambda d: d["articles"][0].update(labels=[]),
        "articles[0]: an encoded entry needs at least one label",
    ),
    (
        lambda d: d["articles"][2]["paragraphs"][1].update(labels=[]),
        "articles[2].paragraphs[1]: an encoded entry needs at least one label",
    ),
    (
        lambda d: d.update(absences=[{"kind": "mutual-defence", "note": "none"}]),
        "absences[0]: missing 'sources'",
    ),
]


@pytest.mark.parametrize(("change", "expected"), _CASES)
def test_a_broken_digest_names_the_file_and_the_fault(
    bundle: Path, change: Any, expected: str
) -> None:
    _write(bundle, _broken(change))
    with pytest.raises(CorpusError) as exc:
        bundled.load("xx-mini-2000")
    message = str(exc.value)
    assert message.startswith("xx-mini-2000.json: ")
    assert expected in message
    assert "\n" not in message


def test_invalid_json_is_a_corpus_error(bundle: Path) -> None:
    _write(bundle, '{"format": ')
    expected = r"^xx-mini-2000\.json: not valid JSON: .* \(line 1\)$"
    with pytest.raises(TreatyDiffError, match=expected):
        bundled.load("xx-mini-2000")
