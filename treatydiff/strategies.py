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

from hypothesis import strategies as st

from .model import Article, Division, Paragraph, Point, Treaty

__all__ = ["LANGS", "articles", "clause_texts", "headings", "treaties"]

LANGS: tuple[str, ...] = ("en", "ru")

# Dictionary words only: no heading words, numerals, single letters or
# valid Roman numerals, so any word may open a sentence.
_WORDS: dict[str, tuple[str, ...]] = {
    "en": tuple(
        """
        agreement party state obligation territory dispute measure trade service
        goods investment customs tariff border security defence cooperation
        consultation committee council secretariat notification request
        information exchange procedure arbitration tribunal settlement remedy
        protection property right duty tax origin certificate product market
        access national treatment favoured nation exception safeguard subsidy
        standard regulation technical sanitary health environment labour worker
        capital payment transfer currency bank finance insurance transport
        vessel aircraft port vehicle fishery agriculture forest energy mineral
        water research education culture science innovation patent trademark
        copyright design competition monopoly enterprise government procurement
        tender contract review appeal court judge panel expert report decision
        amendment accession withdrawal termination entry force ratification
        deposit language text list quota licence permit
        visa migration citizen person family child hostile armed
        attack aggression assistance military peace stability region neutral
        alliance threat crisis emergency mutual support shall may promptly
        jointly reasonable effective adequate prompt fair equitable
        transparent public private domestic foreign relevant appropriate
        necessary competent respective other each every such within between
        upon without under against toward after before during concerning
        regarding including provided unless where when immediately fully
        """.split()
    ),
    "ru": tuple(
        """
        соглашение сторона государство обязательство территория спор мера
        торговля услуга товар инвестиция таможня тариф граница безопасность
        оборона сотрудничество консультация комитет совет секретариат
        уведомление запрос информация обмен процедура арбитраж суд
        урегулирование защита собственность право пошлина налог происхождение
        сертификат продукция рынок доступ режим исключение субсидия стандарт
        регулирование здоровье окружающая среда труд работник капитал платеж
        перевод валюта банк финансы страхование транспорт судно воздушное
        порт рыболовство сельское хозяйство лес энергия вода исследование
        образование культура наука патент товарный знак конкуренция
        предприятие правительство закупка договор пересмотр апелляция судья
        эксперт доклад решение изменение присоединение выход прекращение
        вступление сила ратификация депозитарий язык текст
        перечень квота лицензия разрешение виза миграция гражданин
        лицо семья ребенок вооруженное нападение агрессия помощь военная мир
        стабильность регион нейтралитет союз угроза кризис чрезвычайная
        взаимная поддержка незамедлительно совместно разумный эффективный
        надлежащий справедливый прозрачный публичный частный внутренний
        иностранный соответствующий необходимый компетентный каждый такой
        между после перед против согласно включая обеспечивают оказывают
        принимают уведомляют проводят рассматривают содействуют укрепляют
        """.split()
    ),
}
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
def _sentences(draw: st.DrawFn, lang: str, min_words: int = 4, max_words: int = 12) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS[lang]), min_size=min_words, max_size=max_words))
    return _capital(words) + "."


@st.composite
def clause_texts(
    draw: st.DrawFn, lang: str | None = None, min_sentences: int = 1, max_sentences: int = 2
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
def _paragraphs(draw: st.DrawFn, lang: str, max_paragraphs: int, max_points: int) -> tuple:
    numbered = draw(st.booleans()) if max_paragraphs > 1 else False
    count = draw(st.integers(2 if numbered else 1, max_paragraphs)) if numbered else 1
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
                text=draw(clause_texts(lang)),
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
) -> Article:
    """An article numbered ``num``: optional heading, paragraphs "1".."n" or one
    unnumbered paragraph, optional lettered points (a, b / а, б)."""
    chosen = draw(_langs(lang))
    heading = draw(st.none() | headings(chosen))
    paras = draw(_paragraphs(chosen, max_paragraphs, max_points))
    return Article(num=num, heading=heading, paragraphs=paras)


@st.composite
def _divisions(draw: st.DrawFn, lang: str, refs: list[str]) -> tuple[Division, ...]:
    if not draw(st.booleans()):
        return ()
    kind = draw(st.sampled_from(("chapter", "part")))
    cuts = sorted(draw(st.sets(st.integers(1, len(refs) - 1), max_size=2))) if len(refs) > 1 else []
    bounds = [0, *cuts, len(refs)]
    return tuple(
        Division(
            kind=kind,
            num=str(i + 1),
            heading=draw(st.none() | headings(lang)),
            articles=refs[start:end],
        )
        for i, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False))
    )


@st.composite
def treaties(
    draw: st.DrawFn, lang: str | None = None, min_articles: int = 1, max_articles: int = 8
) -> Treaty:
    """A valid treaty: id, title, language, articles "1".."n", optional preamble,
    closing formula and chapters/parts covering every article."""
    if not 1 <= min_articles <= max_articles:
        raise ValueError("need 1 <= min_articles <= max_articles")
    chosen = draw(_langs(lang))
    count = draw(st.integers(min_articles, max_articles))
    arts = [draw(articles(str(i + 1), chosen)) for i in range(count)]
    title_words = draw(st.lists(st.sampled_from(_WORDS[chosen]), min_size=1, max_size=4))
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
