"""Public Hypothesis strategies for property-testing code that handles treaties.

>>> from hypothesis import given
>>> from treatydiff.strategies import treaties
>>> @given(treaties(lang="en", max_articles=3))
... def test_has_articles(treaty):
...     assert treaty.articles

Generated text is plain: sentences of dictionary words (English or Russian),
each starting with a capital letter and ending with a period, never starting
with a digit, a bracketed letter or a heading word (``Article``, ``Статья``,
``Chapter``, ``Done at``...), single-spaced. Such treaties survive a round
trip through a plain-text parser. Article refs are ``"1"``..``"n"``.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping, Sequence

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from treatydiff.alignment.normalise import stem_words
from treatydiff.model import Article, Division, Paragraph, Point, Treaty

__all__ = [
    "LANGS",
    "EditRates",
    "Redraft",
    "articles",
    "clause_texts",
    "headings",
    "redraft",
    "treaties",
    "treaty_pairs",
]

LANGS: tuple[str, ...] = ("en", "ru")


def _unique(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text.split()))


# Dictionary words only: no heading words, numerals, single letters or
# valid Roman numerals, so any word may open a sentence.
_WORDS: dict[str, tuple[str, ...]] = {
    "en": _unique(
        """
        agreement party state obligation territory dispute measure trade service
        goods investment customs tariff border security defence cooperation
        consultation committee council secretariat notification request information
        exchange procedure arbitration tribunal settlement remedy protection
        property right duty tax origin certificate product market access national
        treatment favoured nation exception safeguard subsidy standard regulation
        technical sanitary health environment labour worker capital payment transfer
        currency bank finance insurance transport vessel aircraft port vehicle
        fishery agriculture forest energy mineral water research education culture
        science innovation patent trademark copyright design competition monopoly
        enterprise government procurement tender contract review appeal court judge
        panel expert report decision amendment accession withdrawal termination
        entry force ratification deposit language text list quota licence permit
        visa migration citizen person family child hostile armed attack aggression
        assistance military peace stability region neutral alliance threat crisis
        emergency mutual support shall may promptly jointly reasonable effective
        adequate prompt fair equitable transparent public private domestic foreign
        relevant appropriate necessary competent respective other each every such
        within between upon without under against toward after before during
        concerning regarding including provided unless where when immediately fully
        airport railway pipeline electricity telecommunication broadcasting
        pharmaceutical medicine vaccine hospital disease epidemic quarantine
        veterinary plant animal seed fertiliser pesticide timber paper textile
        clothing footwear leather steel aluminium copper cement chemical plastic
        rubber glass ceramic furniture machinery engine turbine satellite radar
        missile warship submarine tank artillery ammunition explosive nuclear
        reactor uranium isotope radiation laboratory archive museum library monument
        heritage tourism hotel restaurant sport youth pension salary wage employment
        unemployment training apprentice diploma university school teacher student
        scholarship journalist newspaper television radio internet software hardware
        encryption privacy database statistics census survey audit accounting budget
        deficit loan credit debt bond share dividend interest inflation exchange
        rate reserve gold silver diamond oil gas coal refinery harbour canal bridge
        tunnel highway road lorry container cargo freight shipment warehouse
        inventory label packaging barcode consumer complaint warranty refund recall
        hazard accident insurer claimant compensation damages penalty fine prison
        detention extradition asylum refugee consulate embassy ambassador envoy
        summit minister parliament president commission delegation observer mission
        """
    ),
    "ru": _unique(
        """
        соглашение сторона государство обязательство территория спор мера торговля
        услуга товар инвестиция таможня тариф граница безопасность оборона
        сотрудничество консультация комитет совет секретариат уведомление запрос
        информация обмен процедура арбитраж суд урегулирование защита собственность
        право пошлина налог происхождение сертификат продукция рынок доступ режим
        исключение субсидия стандарт регулирование здоровье окружающая среда труд
        работник капитал платеж перевод валюта банк финансы страхование транспорт
        судно воздушное порт рыболовство сельское хозяйство лес энергия вода
        исследование образование культура наука патент товарный знак конкуренция
        предприятие правительство закупка договор пересмотр апелляция судья эксперт
        доклад решение изменение присоединение выход прекращение вступление сила
        ратификация депозитарий язык текст перечень квота лицензия разрешение виза
        миграция гражданин лицо семья ребенок вооруженное нападение агрессия помощь
        военная мир стабильность регион нейтралитет союз угроза кризис чрезвычайная
        взаимная поддержка незамедлительно совместно разумный эффективный надлежащий
        справедливый прозрачный публичный частный внутренний иностранный
        соответствующий необходимый компетентный каждый такой между после перед
        против согласно включая обеспечивают оказывают принимают уведомляют проводят
        рассматривают содействуют укрепляют аэропорт железная дорога трубопровод
        электроэнергия связь вещание лекарство вакцина больница болезнь эпидемия
        карантин ветеринария растение животное семена удобрение древесина бумага
        ткань одежда обувь кожа сталь алюминий медь цемент химикат пластик резина
        стекло мебель машина двигатель турбина спутник радиолокатор ракета корабль
        подводная лодка танк артиллерия боеприпасы взрывчатка ядерный реактор уран
        излучение лаборатория архив музей библиотека памятник наследие туризм
        гостиница ресторан спорт молодежь пенсия зарплата занятость безработица
        обучение диплом университет школа учитель студент стипендия журналист газета
        телевидение радио интернет программа шифрование база статистика перепись
        аудит бухгалтерия бюджет дефицит кредит долг облигация акция дивиденд
        процент инфляция курс резерв золото серебро алмаз нефть газ уголь гавань
        канал мост тоннель шоссе грузовик контейнер груз склад упаковка маркировка
        потребитель жалоба гарантия возврат опасность авария страховщик компенсация
        ущерб штраф тюрьма задержание выдача убежище беженец консульство посольство
        посол посланник саммит министр парламент президент комиссия делегация
        наблюдатель миссия
        """
    ),
}
# Inserted articles are drawn only when this many words are left unused.
_FOREIGN_MIN_WORDS = 12
_TITLE_OPENERS = {"en": "Agreement on", "ru": "Соглашение о"}
_POINT_LABELS = {"en": "abcdefgh", "ru": "абвгдежз"}
_CLOSINGS = {
    "en": "Done at {place} in two originals.",
    "ru": "Совершено в {place} в двух экземплярах.",
}
_PLACES = {
    "en": ("Geneva", "Vienna", "Minsk", "Ankara", "Lima"),
    "ru": ("Женеве", "Вене", "Минске", "Анкаре", "Лиме"),
}


def _langs(lang: str | None) -> st.SearchStrategy[str]:
    if lang is None:
        return st.sampled_from(LANGS)
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS} or None, got {lang!r}")
    return st.just(lang)


def _capital(words: list[str]) -> str:
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


@st.composite
def _sentences(
    draw: st.DrawFn,
    lang: str,
    min_words: int = 4,
    max_words: int = 12,
    vocabulary: Sequence[str] | None = None,
) -> str:
    words = draw(
        st.lists(
            st.sampled_from(vocabulary or _WORDS[lang]),
            min_size=min_words,
            max_size=max_words,
            unique=True,
        )
    )
    return _capital(words) + "."


@st.composite
def clause_texts(
    draw: st.DrawFn,
    lang: str | None = None,
    min_sentences: int = 1,
    max_sentences: int = 2,
) -> str:
    """Plain clause text: one or more sentences of English or Russian words."""
    chosen = draw(_langs(lang))
    count = draw(st.integers(min_sentences, max_sentences))
    return " ".join(draw(_sentences(chosen)) for _ in range(count))


@st.composite
def headings(draw: st.DrawFn, lang: str | None = None) -> str:
    """A short heading: one to four words, capitalised, no final period."""
    chosen = draw(_langs(lang))
    words = draw(st.lists(st.sampled_from(_WORDS[chosen]), min_size=1, max_size=4))
    return _capital(words)


@st.composite
def _paragraphs(
    draw: st.DrawFn, lang: str, max_paragraphs: int, max_points: int, min_sentences: int
) -> tuple[Paragraph, ...]:
    numbered = draw(st.booleans()) if max_paragraphs > 1 else False
    count = draw(st.integers(2, max_paragraphs)) if numbered else 1
    paras = []
    for index in range(count):
        n_points = draw(st.integers(0, max_points))
        points = [
            Point(label=_POINT_LABELS[lang][i], text=draw(clause_texts(lang, 1, 1)))
            for i in range(n_points)
        ]
        paras.append(
            Paragraph(
                num=str(index + 1) if numbered else None,
                text=draw(clause_texts(lang, min_sentences, max(2, min_sentences))),
                points=points,
            )
        )
    return tuple(paras)


@st.composite
def articles(
    draw: st.DrawFn,
    num: str = "1",
    lang: str | None = None,
    *,
    max_paragraphs: int = 3,
    max_points: int = 2,
    min_sentences: int = 1,
) -> Article:
    """An article numbered ``num``: optional heading, paragraphs "1".."n" or one
    unnumbered paragraph, optional lettered points (a, b / а, б)."""
    chosen = draw(_langs(lang))
    heading = draw(st.none() | headings(chosen))
    paras = draw(_paragraphs(chosen, max_paragraphs, max_points, min_sentences))
    return Article(num=num, heading=heading, paragraphs=paras)


@st.composite
def _divisions(draw: st.DrawFn, lang: str, refs: list[str]) -> tuple[Division, ...]:
    if not draw(st.booleans()):
        return ()
    kind = draw(st.sampled_from(("chapter", "part")))
    cuts = (
        sorted(draw(st.sets(st.integers(1, len(refs) - 1), max_size=2)))
        if len(refs) > 1
        else []
    )
    bounds = [0, *cuts, len(refs)]
    return tuple(
        Division(
            kind=kind,
            num=str(i + 1),
            heading=draw(st.none() | headings(lang)),
            articles=refs[start:end],
        )
        for i, (start, end) in enumerate(itertools.pairwise(bounds))
    )


@st.composite
def treaties(
    draw: st.DrawFn,
    lang: str | None = None,
    min_articles: int = 1,
    max_articles: int = 8,
    *,
    min_sentences: int = 1,
) -> Treaty:
    """A valid treaty: id, title, language, articles "1".."n", optional preamble,
    closing formula and chapters/parts covering every article."""
    if not 1 <= min_articles <= max_articles:
        raise ValueError("need 1 <= min_articles <= max_articles")
    chosen = draw(_langs(lang))
    count = draw(st.integers(min_articles, max_articles))
    arts = [
        draw(articles(str(i + 1), chosen, min_sentences=min_sentences))
        for i in range(count)
    ]
    title_words = draw(
        st.lists(st.sampled_from(_WORDS[chosen]), min_size=1, max_size=4)
    )
    closing = _CLOSINGS[chosen].format(place=draw(st.sampled_from(_PLACES[chosen])))
    return Treaty(
        id=f"t{draw(st.integers(0, 9999))}",
        title=f"{_TITLE_OPENERS[chosen]} {' '.join(title_words)}",
        lang=chosen,
        preamble=draw(st.none() | clause_texts(chosen)),
        divisions=draw(_divisions(chosen, [a.ref for a in arts])),
        articles=arts,
        closing=draw(st.none() | st.just(closing)),
    )


@attrs.frozen(kw_only=True)
class Redraft:
    """A revised treaty with the answer an aligner should give.

    ``expected`` holds every right ``(ref_a, ref_b)`` pair (a split gives one
    pair per piece, a merge one pair per source); ``moved`` the refs of
    original articles relocated on purpose; ``splits`` and ``merges`` map the
    single side's ref to the refs of the other side.
    """

    revised: Treaty
    expected: frozenset[tuple[str, str]]
    deleted: frozenset[str]
    inserted: frozenset[str]
    moved: frozenset[str]
    splits: Mapping[str, tuple[str, ...]]
    merges: Mapping[str, tuple[str, ...]]


@attrs.frozen(kw_only=True)
class EditRates:
    """Per-article probabilities of each edit :func:`redraft` applies, and
    ``pieces``: a split cuts an article into 2 to ``pieces`` parts (as many as
    its paragraphs allow), a merge joins 2 to ``pieces`` neighbours."""

    delete: float = 0.08
    split: float = 0.08
    merge: float = 0.08
    move: float = 0.1
    insert: float = 0.1
    reword: float = 0.5
    word_change: float = 0.12
    pieces: int = attrs.field(default=2, validator=attrs.validators.ge(2))


@attrs.frozen
class _Piece:
    """An article under construction with the original refs it came from."""

    article: Article
    origins: tuple[str, ...]


def _word_count(paras: Sequence[Paragraph]) -> int:
    return sum(len(p.full_text.split()) for p in paras)


def _renumbered(paras: Sequence[Paragraph]) -> tuple[Paragraph, ...]:
    if not any(p.num for p in paras):
        return tuple(paras)
    if len(paras) == 1:
        return (attrs.evolve(paras[0], num=None),)
    return tuple(attrs.evolve(p, num=str(i + 1)) for i, p in enumerate(paras))


def _reword_text(
    text: str, rng: random.Random, rate: float, pool: Sequence[str]
) -> str:
    """Change ``rate`` of the inner words (dropped, replaced or doubled by a
    word from ``pool``); the first and last words stay."""
    words = text.split(" ")
    inner = words[1:-1]
    if len(inner) < 2:
        return text
    for pos in sorted(
        rng.sample(range(len(inner)), round(rate * len(inner))), reverse=True
    ):
        action = rng.choice(("drop", "replace", "add"))
        if action == "drop":
            del inner[pos]
        elif action == "replace":
            inner[pos] = rng.choice(pool)
        else:
            inner.insert(pos + 1, rng.choice(pool))
    return " ".join([words[0], *inner, words[-1]])


def _reword(
    article: Article, rng: random.Random, rate: float, pool: Sequence[str]
) -> Article:
    paras = [
        attrs.evolve(
            p,
            text=_reword_text(p.text, rng, rate, pool),
            points=[
                attrs.evolve(pt, text=_reword_text(pt.text, rng, rate, pool))
                for pt in p.points
            ],
        )
        for p in article.paragraphs
    ]
    return attrs.evolve(article, paragraphs=paras)


def _splittable(article: Article, min_words: int) -> list[int]:
    paras = article.paragraphs
    return [
        cut
        for cut in range(1, len(paras))
        if _word_count(paras[:cut]) >= min_words
        and _word_count(paras[cut:]) >= min_words
    ]


def _cut_points(
    article: Article, cuts: list[int], rng: random.Random, pieces: int, min_words: int
) -> list[int]:
    """Where to cut ``article`` into 2..``pieces`` parts of ``min_words`` or more."""
    if pieces == 2:
        return [rng.choice(cuts)]
    paras = article.paragraphs
    k = rng.randint(2, min(pieces, len(paras)))
    points = sorted(rng.sample(range(1, len(paras)), k - 1))
    bounds = [0, *points, len(paras)]
    if all(
        _word_count(paras[lo:hi]) >= min_words for lo, hi in itertools.pairwise(bounds)
    ):
        return points
    return [rng.choice(cuts)]


def redraft(
    original: Treaty,
    rng: random.Random,
    *,
    foreign: Sequence[Article] = (),
    rates: EditRates | None = None,
    min_words: int = 8,
) -> Redraft:
    """Apply realistic drafting edits to ``original`` and record the answer.

    Deletes, splits (at paragraph boundaries, into up to ``rates.pieces``
    parts each at least ``min_words`` long), merges with the next articles
    (up to ``rates.pieces`` in all), rewords (words
    dropped, replaced or added, first and last word kept), inserts articles
    from ``foreign``, moves articles at least three places, then renumbers
    everything 1..n. ``rng`` drives every choice, so a seed gives one redraft.
    """
    rates = rates or EditRates()
    pool = sorted(
        {w for a in original.articles for w in a.text.split()[1:-1] if w.isalpha()}
    )
    pool = pool or ["text"]
    pieces: list[_Piece] = []
    deleted: set[str] = set()
    splits: set[str] = set()
    arts = [a for a in original.articles if a.encoded and a.text]
    index = 0
    while index < len(arts):
        art = arts[index]
        roll = rng.random()
        cuts = _splittable(art, min_words)
        if roll < rates.delete:
            deleted.add(art.ref)
        elif roll < rates.delete + rates.split and cuts:
            bounds = [0, *_cut_points(art, cuts, rng, rates.pieces, min_words)]
            bounds.append(len(art.paragraphs))
            splits.add(art.ref)
            for n, (lo, hi) in enumerate(itertools.pairwise(bounds)):
                part = attrs.evolve(
                    art,
                    heading=art.heading if n == 0 else None,
                    paragraphs=_renumbered(art.paragraphs[lo:hi]),
                )
                pieces.append(_Piece(part, (art.ref,)))
        elif roll < rates.delete + rates.split + rates.merge and index + 1 < len(arts):
            size = 2
            if rates.pieces > 2:
                size = rng.randint(2, min(rates.pieces, len(arts) - index))
            group = arts[index : index + size]
            paras = _renumbered([p for a in group for p in a.paragraphs])
            pieces.append(
                _Piece(attrs.evolve(art, paragraphs=paras), tuple(a.ref for a in group))
            )
            index += size - 1
        else:
            pieces.append(_Piece(art, (art.ref,)))
        index += 1
    if not pieces and arts:
        pieces.append(_Piece(arts[0], (arts[0].ref,)))
        deleted.discard(arts[0].ref)
    pieces = [
        _Piece(_reword(p.article, rng, rates.word_change, pool), p.origins)
        if rng.random() < rates.reword
        else p
        for p in pieces
    ]
    moved: set[str] = set()
    singles = [p for p in pieces if len(p.origins) == 1 and p.origins[0] not in splits]
    for piece in singles:
        if len(pieces) > 4 and rng.random() < rates.move:
            old = pieces.index(piece)
            spots = [i for i in range(len(pieces)) if abs(i - old) >= 3]
            pieces.remove(piece)
            pieces.insert(rng.choice(spots) if spots else old, piece)
            moved.add(piece.origins[0])
    count = min(len(foreign), sum(rng.random() < rates.insert for _ in arts))
    for art in rng.sample(list(foreign), count):
        pieces.insert(rng.randrange(len(pieces) + 1), _Piece(art, ()))
    revised_arts = [
        attrs.evolve(p.article, num=str(i + 1), ref=str(i + 1))
        for i, p in enumerate(pieces)
    ]
    expected = {
        (origin, art.ref)
        for p, art in zip(pieces, revised_arts, strict=True)
        for origin in p.origins
    }
    by_origin: dict[str, list[str]] = {}
    for ref_a, ref_b in sorted(expected, key=lambda pair: int(pair[1])):
        by_origin.setdefault(ref_a, []).append(ref_b)
    merges = {
        art.ref: p.origins
        for p, art in zip(pieces, revised_arts, strict=True)
        if len(p.origins) > 1
    }
    revised = attrs.evolve(
        original,
        id=f"{original.id}r",
        divisions=(),
        articles=revised_arts,
        metadata={},
    )
    return Redraft(
        revised=revised,
        expected=frozenset(expected),
        deleted=frozenset(deleted),
        inserted=frozenset(
            art.ref
            for p, art in zip(pieces, revised_arts, strict=True)
            if not p.origins
        ),
        moved=frozenset(moved),
        splits={ref: tuple(by_origin[ref]) for ref in sorted(splits)},
        merges=merges,
    )


@st.composite
def _foreign_articles(draw: st.DrawFn, lang: str, vocabulary: Sequence[str]) -> Article:
    """An article of one to three paragraphs of two sentences, in words of
    ``vocabulary`` only."""
    paras = [
        Paragraph(
            text=" ".join(
                draw(_sentences(lang, vocabulary=vocabulary)) for _ in range(2)
            )
        )
        for _ in range(draw(st.integers(1, 3)))
    ]
    return Article(num="1", paragraphs=paras)


def _word_set(article: Article) -> frozenset[str]:
    return frozenset(article.text.casefold().replace(".", "").split())


def _sentences_of(article: Article) -> set[str]:
    return {s.strip() for s in article.text.replace("\n", " ").split(".") if s.strip()}


def _distinct(arts: Sequence[Article], limit: float = 0.4) -> bool:
    """No two articles share a sentence or more than ``limit`` of their words."""
    sets = [_word_set(a) for a in arts]
    sentences = [_sentences_of(a) for a in arts]
    return all(
        len(sets[i] & sets[j]) <= limit * min(len(sets[i]), len(sets[j]))
        and not sentences[i] & sentences[j]
        for i in range(len(arts))
        for j in range(i + 1, len(arts))
    )


@st.composite
def treaty_pairs(
    draw: st.DrawFn,
    lang: str | None = None,
    min_articles: int = 2,
    max_articles: int = 8,
    rates: EditRates | None = None,
) -> tuple[Treaty, Treaty, frozenset[tuple[str, str]]]:
    """``(original, revised, expected)``: ``revised`` is a :func:`redraft` of
    ``original`` (reorder, delete, insert foreign articles, split, merge,
    reword, renumber) and ``expected`` the set of right ``(ref_a, ref_b)``.

    Articles are long enough (two sentences a paragraph) and distinct enough
    (few shared words, no shared sentence) that the right answer is
    unambiguous; inserted articles share no word stem with the original (an
    unrelated article drawn from the same words can look like a reworded
    one: a deleted article and an inserted one in the same place, each the
    other's best, pair).
    """
    chosen = draw(_langs(lang))
    original = draw(treaties(chosen, min_articles, max_articles, min_sentences=2))
    used = {w for a in original.articles for w in stem_words(a.text).split()}
    unused = [w for w in _WORDS[chosen] if stem_words(w) not in used]
    room = 3 if len(unused) >= _FOREIGN_MIN_WORDS else 0
    foreign = draw(st.lists(_foreign_articles(chosen, unused), max_size=room))
    assume(_distinct([*original.articles, *foreign]))
    result = redraft(
        original, draw(st.randoms(use_true_random=False)), foreign=foreign, rates=rates
    )
    return original, result.revised, result.expected
