"""Provision kinds as link evidence between any two treaties (not only digests)."""

from __future__ import annotations

from pathlib import Path

from treatydiff import bundled, compare
from treatydiff.formats.plaintext.parser import parse
from treatydiff.model import Article
from treatydiff.provisions import SECURITY_CORE, label_treaty

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _core(article: Article) -> frozenset[str]:
    labels = [*article.labels, *(lab for p in article.paragraphs for lab in p.labels)]
    return frozenset(lab.kind for lab in labels) & frozenset(SECURITY_CORE)


def _official(name: str, id: str) -> object:
    return parse((FIXTURES / name).read_text("utf-8"), id=id)


def test_an_official_text_links_every_article_sharing_a_core_kind_with_a_digest():
    text = _official("official/alliance_en.txt", "alliance")
    digest = bundled.load("ru-kp-2024")
    comp = compare(text, digest)
    kinds_text = {a.ref: _core(a) for a in label_treaty(text).articles}
    kinds_digest = {a.ref: _core(a) for a in label_treaty(digest).articles}
    sharing = {
        ref
        for ref, kinds in kinds_text.items()
        if kinds and any(kinds & other for other in kinds_digest.values())
    }
    assert len(sharing) >= 5
    for ref in sharing:
        group = next(g for g in comp.groups if ref in g.members["alliance"])
        (partner,) = group.members["ru-kp-2024"]
        assert kinds_text[ref] & kinds_digest[partner], (ref, partner)


def test_links_that_rest_on_provisions_say_so_in_the_report():
    comp = compare(
        _official("official/alliance_en.txt", "alliance"), bundled.load("ru-kp-2024")
    )
    by_kinds = [g for g in comp.groups if g.basis == ("provisions",)]
    assert by_kinds
    consult = next(g for g in comp.groups if g.members["alliance"] == ("2",))
    assert consult.members["ru-kp-2024"] == ("3",)
    assert consult.basis == ("provisions",)
    assert "(by provisions)" in comp.render("text")
    data = comp.to_dict()
    assert any(g["basis"] == ["provisions"] for g in data["groups"])


def test_a_russian_official_text_links_its_defence_clause_to_an_english_digest():
    text = _official("crosslingual/defence.ru.txt", "ru-text")
    comp = compare(text, bundled.load("ru-kp-2024"))
    defence = next(g for g in comp.groups if g.members["ru-text"] == ("3",))
    assert defence.members["ru-kp-2024"] == ("4",)


def test_the_comparison_keeps_the_treaties_as_given():
    text = _official("official/alliance_en.txt", "alliance")
    comp = compare(text, bundled.load("ru-kp-2024"))
    assert comp.treaties[0] is text
