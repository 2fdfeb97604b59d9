"""The bilingual treaty-vocabulary lexicon: word beginnings of each language
mapped to shared, language-neutral concepts.

A concept is a lower-case English name (``party``, ``sovereignty``,
``aggression``); each language lists, per concept, the beginnings of the words
that express it. A word takes the concept of its longest listed beginning; a
beginning ending in ``=`` matches only the whole word. A third language is one
more table with the same concept names, registered in :data:`CONCEPT_TABLES`.

>>> concept_of("sovereignty"), concept_of("суверенитета"), concept_of("war")
('sovereignty', 'sovereignty', 'war')
>>> concept_of("warrant") is None
True
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

__all__ = ["CONCEPT_TABLES", "concept_of", "concepts", "month_of"]

# One line a concept: the concept name, then the word beginnings.
_ENGLISH = """
party party parties contracting
state state= states=
sovereignty sovereign
independence independen
territory territor
integrity integrity inviolab
border border frontier boundar
aggression aggress
attack attack assault
armed armed arms= weapon
force force forces=
military militar army defence defense defens troop
security secur
threat threat menac
danger danger peril
war war= wars= warfare
peace peace
assistance assist aid= help support
mutual mutual reciproc
consultation consult
meeting meeting meet= talks=
exchange exchang
information information informat
notification notif inform= informs= informed
obligation obligat undertak commit
right right entitle
interest interest
cooperation cooperat co-operat collaborat
relation relation ties=
friendship friend
neighbour neighbo
partnership partner
strategic strateg
comprehensive comprehensive
development develop
trade trade trading commerc
economy econom
investment invest
finance financ bank currenc payment monetar
energy energ oil= gas= fuel electric nuclear
transport transport transit logistic
customs customs tariff duty= duties=
ratification ratif
entry entry enter
effect effect force=
term term period duration
years year
months month
day day= days=
denounce denounc withdraw terminat
amendment amend modif
dispute disput disagree controvers
negotiation negotiat
settle settle resolv
arbitration arbitrat tribunal
interpretation interpret
application applica implement
agreement agreement accord=
conformity accordance conform pursuant
treaty treaty treaties
convention convention
charter charter
united_nations united= nations= un=
council council
organisation organi institution
international international
law law= laws= legal legisla
principle principl
respect respect
equality equal
interference interfer intervent
internal internal domestic
affairs affair
third third
alliance alliance bloc= blocs= coalition
hostile hostil unfriendly
action action act= acts= measure
sanction sanction restrictive unilateral
terrorism terror
extremism extrem
crime crime crimina
drug drug narcot
migration migra
science scien research
technology technolog innovat
education educat
culture cultur
health health medic
space space outer
environment environment ecolog climat
information_security cyber
media media press
youth youth
sport sport
tourism touris
agriculture agricult food
industry industr
communication communicat telecom
emergency emergenc disaster
citizen citizen
language language
document document
protocol protocol
annex annex
signature sign
copy copies copy= text= texts=
authentic authentic equally
english english
persian persian farsi
korean korean
chinese chinese
russia russia= russia's russian
federation federat
republic republic
islamic islam
democratic democra
people people popular
iran iran
korea korea dprk
china china= china's prc=
belarus belarus
native native mother=
region region local
contact contact
water water river
claim claim
resource resourc
student student
government government
president president
minister minister ministr
foreign foreign
representative representat delegat
joint joint
commission commission committee
working_group group
secretariat secretariat
depositary deposit
register regist
nonproliferation prolifer disarm
immediately immediat
immediately delay
means means mean=
all_means necessary
collective collective
self_defence self-defen individual
article_51 article
consent consent
transfer transfer pass= passed= hand=
cost cost expens
training train
specialist specialist expert
trafficking traffick smuggl
counter counter combat fight suppress
ammunition ammunit munition explosive
competent competent authorit
protection protect safeguard
fisheries fish
maritime maritime sea= seas= naval navy
navigation navigat shipping
aviation aviat aircraft air=
railway rail
road road
port port= ports= seaport harbour
visa visa
consular consul
judicial judicial court
extradition extradit
property property
standard standard certific
tax tax= taxes= taxation
labour labour labor employ worker
social social welfare pension
archive archiv
heritage heritage memor
humanitarian humanitar
refugee refugee asylum
human_rights human
minority minorit
religion religio faith
intelligence intelligence
special_services special
exercise exercis manoeuv
visit visit call= calls=
missile missil rocket
deterrence deter
coercion coerci pressure
hegemony hegemon dominat
multipolar multipolar
brics brics
sco sco= shanghai
csto csto
cis cis= commonwealth
eaeu eaeu eurasian
union_state union
deployment deploy station placement
facility facilit infrastructur base= bases=
written writ
automatic automatic
extension extend extension prolong renew
suspension suspen
provisional provision temporar
condition condition
procedure procedur
purpose purpose aim= objective goal
situation situation
region_security stabil
vessel vessel ship
national national=
flag flag
crew crew seafarer sailor
passenger passenger
coast coast ashore shore
pollution pollut
rescue rescue
search search
experience experienc
treatment treatment regime
stay stay= stays= sojourn
identity identity
"""

_RUSSIAN = """
party сторон договаривающ
state государств
sovereignty суверен
independence независим
territory территор
integrity целостност неприкосновен
border границ пограничн рубеж
aggression агресс
attack нападен напад атак
armed вооруж оруж
force сил= силы= силой силам силу силах
military воен оборон войск армия армии
security безопасн
threat угроз
danger опасн
war войн
peace мир= мира= миру= миром мирн
assistance помощ помога поддерж содейств
mutual взаимн
consultation консультац консульт
meeting встреч переговор
exchange обмен
information информац сведен
notification уведом извещ нотифик информиру
obligation обязательств обязуют обязан
right прав
interest интерес
cooperation сотруднич взаимодейств
relation отношен связ
friendship дружб дружест
neighbour соседств сосед
partnership партнер
strategic стратег
comprehensive всеобъемлющ
development развит
trade торгов торгл
economy эконом
investment инвестиц инвест капиталовлож
finance финанс банк валют платеж расчет денежн
energy энерг нефт газ топлив электр ядерн атомн
transport транспорт транзит логистич перевоз
customs тамож пошлин тариф
ratification ратифик
entry вступа вступл вступит
effect силу= действ
term срок период
years лет= год
months месяц
day дней дня= день
denounce денонс выход прекращ
amendment изменен поправк
dispute спор разноглас
negotiation переговор
settle урегулир разреш
arbitration арбитраж
interpretation толкован
application применен выполнен реализац осуществлен
agreement соглашени
conformity соответств
treaty договор
convention конвенц
charter устав
united_nations оон объединен наций
council совет
organisation организац учрежден институт
international международн
law закон законодательств правов
principle принцип
respect уважен уважа
equality равноправ равенств равн
interference вмешател вмешив
internal внутренн
affairs дела= дел= делах
third третьи третьим третьих третьей третьего третий третья
alliance союз блок коалиц
hostile враждебн недружествен
action действи мер= меры= мерам мерах
sanction санкц ограничительн односторонн
terrorism террор
extremism экстрем
crime преступн
drug наркот
migration миграц
science наук научн исследован
technology технолог инновац
education образован
culture культур
health здравоохран медицин
space космич космос
environment окружающ экологич климат
information_security киберн
media сми= массов
youth молодеж
sport спорт
tourism туризм туристск
agriculture сельск продовольств
industry промышлен
communication связи= коммуникац телекоммуникац
emergency чрезвычайн бедств
citizen гражданина гражданам граждан
language язык
document документ
protocol протокол
annex приложен
signature подписан подпис
copy экземпляр текст
authentic аутентичн одинаков
english английск
persian персидск фарси
korean корейск
chinese китайск
russia росси русск
federation федерац
republic республик
islamic ислам
democratic демократ
people народ
iran иран
korea коре кндр
china китай кнр
belarus беларус белорус
native родн
region регион приграничн
contact контакт
water водн река= реки= рек= рекам рекой
claim претенз
resource ресурс
student студент
government правительств
president президент
minister министр министерств
foreign иностран
representative представит делегац
joint совместн
commission комисси комитет
working_group групп
secretariat секретариат
depositary депозитар
register регистрац регистрир
nonproliferation нераспростран разоруж
immediately незамедлит немедлен
immediately задерж
means средств
all_means необходим
collective коллективн
self_defence самооборон индивидуальн
article_51 стать
consent согласи
transfer передач переда
cost расход издерж
training подготовк обучен
specialist специалист эксперт
trafficking оборот контрабанд
counter противодейств борьб пресечен
ammunition боеприпас взрывчат
competent компетентн органы= органов органам органами
protection защит охран
fisheries рыб
maritime морск флот
navigation судоход мореплаван
aviation авиац воздушн
railway железнодорожн
road автомобильн дорож
port порт= порты= портов порта
visa виз= визы= визов визов визовый визов
consular консульск
judicial судебн суд= судом
extradition выдач
property собственност имуществ
standard стандарт сертифик
tax налог
labour трудов занятост работник
social социальн пенси
archive архив
heritage наслед памят
humanitarian гуманитарн
refugee беженц убежищ
human_rights человек
minority меньшинств
religion религи веро
intelligence разведк развед
special_services спецслужб специальн
exercise учени маневр
visit визит заход
missile ракет
deterrence сдержив
coercion принужд давлен
hegemony гегемон доминир
multipolar многополяр
brics брикс
sco шос шанхайск
csto одкб
cis снг содружеств
eaeu еаэс евразийск
union_state союзн
deployment размещ дислок
facility объект инфраструктур баз
written письменн
automatic автоматическ
extension продлева продлен продлит
suspension приостан
provisional временн
condition услови
procedure процедур
purpose цел
situation ситуац
region_security стабильн
vessel судн суда= судов= судам= судах= судами= корабл
national национальн
flag флаг
crew экипаж моряк
passenger пассажир
coast побереж берег
pollution загрязн
rescue спас
search поиск
experience опыт
treatment режим
stay стоянк пребыван
identity личност удостоверен
"""

#: Every language's table of word beginnings by concept, in table order.
CONCEPT_TABLES: Mapping[str, str] = {"en": _ENGLISH, "ru": _RUSSIAN}

_MONTHS = {
    "en": (
        "january february march april may june july august september october"
        " november december"
    ),
    "ru": ("январ феврал март апрел ма июн июл август сентябр октябр ноябр декабр"),
}


@cache
def _beginnings() -> dict[str, tuple[str, bool]]:
    """Each beginning (casefolded) → (concept, whole word only)."""
    table: dict[str, tuple[str, bool]] = {}
    for text in CONCEPT_TABLES.values():
        for line in text.strip().splitlines():
            concept, *words = line.split()
            for word in words:
                exact = word.endswith("=")
                table.setdefault(word.rstrip("=").casefold(), (concept, exact))
    return table


def concepts() -> frozenset[str]:
    """Every concept name of the lexicon."""
    return frozenset(concept for concept, _ in _beginnings().values())


@cache
def concept_of(word: str) -> str | None:
    """The concept of one casefolded word, or ``None``."""
    table = _beginnings()
    hit = table.get(word)
    if hit is not None:
        return hit[0]
    for end in range(len(word) - 1, 2, -1):
        hit = table.get(word[:end])
        if hit is not None and not hit[1]:
            return hit[0]
    return None


@cache
def month_of(word: str) -> int | None:
    """The month number (1–12) of a casefolded month name in any language.

    >>> month_of("march"), month_of("марта"), month_of("mayor")
    (3, 3, None)
    """
    for names in _MONTHS.values():
        for number, name in enumerate(names.split(), start=1):
            if word == name or (
                len(name) >= 4 and word.startswith(name) and len(word) - len(name) <= 2
            ):
                return number
            if len(name) < 4 and word in {name + "я", name + "й", name + "е"}:
                return number
    return None
