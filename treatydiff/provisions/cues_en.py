"""English cues: stems and short formulas of treaty drafting."""

from __future__ import annotations

from treatydiff.provisions.cues import Cues, any_of, gap, rx

__all__ = ["EN"]

_ATTACK = (
    r"(?:(?:armed\s+)?(?:attack\w*|assault\w*|aggression|invasion|invaded|war"
    r"|hostilities|encroach\w*)|armed\s+conflict)\b"
)
_OTHER = (
    r"(?:each\s+other|one\s+another|the\s+other(?:\s+(?:contracting\s+)?part(?:y|ies))?"
    r"|either\s+party)"
)
_FORCES = (
    r"\b(?:armed\s+forces|troops|military\s+\w+|(?<!market\s)forces|formations"
    r"|contingents?|(?:air\s+force|naval|army)\s+units)\b"
)
_NEG = (
    r"(?:not|never|refrain\w*\s+from|abstain\w*\s+from"
    r"|neither\s+(?:\w+\s+){0,3}?(?:shall|will|may)|no\s+(?:contracting\s+)?party\s+"
    r"(?:shall|will|may)"
    r"|neither\s+(?:party|side|state|of\s+(?:them|the\s+parties)))"
)
_COERCION = (
    r"(?:unilateral\w*|third|imposed|extraterritorial|coercive|regimes?"
    r"|security\s+council|lift\w*|illegal|illegitimate|counter\w*|oppos\w*|reject\w*"
    r"|condemn\w*)\b"
)
_HELP_VERB = (
    r"(?:assist|provid|help|support|allow|permit|give|render|aid|case|event|if|when|"
    r"should)"
)

EN = Cues(
    assist=rx(
        r"\b(?:render|provid|give|giving|gave|extend|afford|lend|furnish|offer)\w*"
        + gap(8)
        + r"(?:assistance|aid|help|support)\b",
        r"\b(?:den(?:y|ies|ying)|refus\w+|withh\w+)\b"
        + gap(7)
        + r"(?:assistance|aid|help|support)\b",
        r"\b(?:send|dispatch|suppl(?:y|ies))\w*\s+(?:\w+\s+){0,2}?"
        r"(?:troops|forces|armed\s+forces|military\s+(?:equipment|units|contingents?))",
        r"\b(?:take|undertake)\w*\s+(?:\w+\s+){0,3}?(?:measures|action|steps)\b"
        + gap(8)
        + r"(?:repel|resist|defend|counter)\w*",
        r"\b(?:assistance|aid)\b" + gap(4) + r"(?:rendered|provided|given|extended)\b",
        r"\bassist(?:s|ed|ing)?\b",
        r"\bhelp(?:s|ing)?\s+(?:the|any|an|a|each\s+other|one\s+another|it|them)\b",
        r"\bplac\w*\s+(?:\w+\s+){0,3}?forces\s+at\s+the\s+disposal",
        r"\b(?:suppl(?:y|ies|ied|ying))\b" + gap(6) + r"(?:assistance|aid|help|arms)\b",
        r"\bcom(?:e|es|ing)\s+to\s+(?:the|its|their)\s+(?:aid|assistance|defen[cs]e)",
        r"\bstand\w*\s+by\b",
        r"\b(?:agree\w*|decid\w*|decision)\s+(?:on|upon|"
        r"to\s+provide)\b" + gap(6) + r"(?:assistance|aid)\b",
    ),
    support=rx(
        r"\bsupport\w*",
        r"\bback(?:s|ing)?\b",
        r"\bside\s+with",
        r"\bfacilitat\w*",
        r"\babet\w*",
    ),
    military=rx(
        r"\bmilitary\b",
        r"\bevery\s+(?:\w+\s+)?means",
        r"\ball\s+(?:its|their)\s+forces",
        r"\barmed\s+support",
        r"\btroops\b",
        r"\barmed\s+force",
        r"\ball\s+(?:the\s+)?(?:necessary\s+)?(?:means|forces)",
        r"\bby\s+all\s+\w+\s+means",
        r"\bdefen[cs]e\b",
    ),
    nonmilitary=rx(
        r"\b(?:legal|technical|economic|humanitarian|financial|consular|medical"
        r"|methodological|expert|advisory|judicial|scientific|administrative)\s+"
        r"(?:\w+\s+){0,2}?(?:assistance|aid|help)",
        r"\bassistance\s+in\s+(?:civil|criminal|legal|customs)",
    ),
    disaster=rx(
        r"\bdisasters?\b",
        r"\bemergenc(?:y|ies)\b",
        r"\bcatastroph\w+",
        r"\bearthquake",
        r"\bflood",
        r"\baccidents?\b",
        r"\bepidemic",
        r"\bpandemic",
    ),
    trigger=rx(
        r"\b(?:if|in\s+(?:the\s+)?(?:event|case)\s+(?:of|that)|should|where|when"
        r"(?:ever)?)\b" + gap(12) + _ATTACK,
        r"\b(?:attacked|invaded)\b",
        r"\b(?:subject(?:ed)?\s+to|victim\s+of|fac\w+|suffer\w*|exposed\s+to|"
        r"target\s+of)"
        r"\s+(?:an?\s+|any\s+)?(?:act\s+of\s+)?(?:armed\s+)?(?:attack|aggression|"
        r"invasion)",
        r"\bstate\s+of\s+war\b",
        r"\brepel\w*\s+(?:\w+\s+){0,2}?(?:attack|aggression|invasion)",
        r"\barmed\s+attack\w*",
    ),
    trigger_exclude=rx(
        r"\bterroris\w+\s+(?:\w+\s+)?attacks?",
        r"\bcyber[- ]?attacks?",
        r"\bcomputer\s+attacks?",
        r"\battacks?\s+(?:\w+\s+){0,3}?(?:computer|networks?|information\s+\w+|data)\b",
    ),
    threat=rx(r"\bthreat", r"\bdanger"),
    aggressor=rx(
        r"\baggressors?\b",
        r"\battacking\s+(?:state|party|country|power|side)",
        r"\b(?:state|party|country|power)s?\s+(?:that|which|who)\s+(?:\w+\s+){0,3}?"
        r"(?:attack|commit\w*\s+(?:an\s+|the\s+)?aggression|engag\w+\s+in\s+"
        r"(?:armed\s+conflict|hostilities|aggression)|is\s+at\s+war)",
        r"\b(?:state|party|country)\s+committing\s+(?:an\s+|the\s+)?aggression",
        r"\b(?:state|party|country|power)s?\s+(?:\w+\s+)?(?:engaged|involved)\s+in\s+"
        r"(?:an\s+)?"
        r"(?:armed\s+conflict|hostilities|war|aggression)",
        r"\b(?:state|party|country|power)s?\s+(?:that|which|who)\s+wag\w+\s+war",
        r"\b(?:that|this|such\s+a|the\s+said)\s+third\s+(?:state|party|country|power)",
        r"\b(?:enemy|enemies|adversary|attacker)\b",
        r"\b(?:state|party|country|power)s?\s+(?:\w+\s+)?at\s+war\s+with",
        r"\b(?:that|this|such\s+a|the\s+said)\s+(?:third\s+)?(?:state|country|power)\b",
    ),
    equivalence=rx(
        r"\b(?:attack|assault|aggression|invasion)\w*"
        + gap(10)
        + r"(?:against|on|upon)\s+(?:\w+\s+){0,4}?(?:one|either|any|each|other)\b"
        + gap(14)
        + r"(?:considered|deemed|regarded|treated|viewed|as)\b"
        + gap(6)
        + r"(?:against|on|upon|at|to)\s+(?:\w+\s+){0,2}?"
        r"(?:all|both|every|them|itself|its\s+own|the\s+union|the\s+alliance|"
        r"the\s+whole)\b",
    ),
    collective_action=rx(
        r"\bfight\w*\s+(?:alongside|together\s+with|side\s+by\s+side\s+with)",
        r"\bmeet\s+the\s+common\s+danger",
        r"\bsuch\s+action\s+as\s+(?:it|they|each)\s+(?:\w+\s+)?deem\w*\s+necessary",
        r"\bincluding\s+the\s+use\s+of\s+armed\s+force",
        r"\b(?:respond|meet|counter|repel)\w*\s+(?:\w+\s+){0,3}?with\s+all\s+"
        r"(?:the\s+)?(?:forces|means)",
        r"\bdefend\w*\s+" + _OTHER,
        r"\bjoint(?:ly)?\s+(?:\w+\s+){0,2}?(?:repel|resist|defen[cs]e\s+against)",
    ),
    neutrality=rx(r"\b(?:remain|stay|observe|maintain)\w*\s+(?:\w+\s+)?neutral\w*"),
    consult=rx(
        r"\bconsult\w*",
        r"\bexchange\w*\s+(?:of\s+)?views",
        r"\bcoordinat\w+\s+(?:\w+\s+){0,2}?positions",
        r"\b(?:contact|confer)\w*\s+(?:with\s+)?(?:each\s+other|one\s+another)",
        r"\bnegotiation\s+channels?",
        r"\b(?:meet|talks)\s+(?:\w+\s+)?(?:immediately|without\s+delay|urgently)",
        r"\b(?:urgent|immediate)\s+(?:talks|meetings|contacts)",
    ),
    threat_context=rx(
        r"\bendanger\w*",
        r"\bthreat\w*\s+(?:\w+\s+){0,3}?(?:to|of|against)\s+(?:\w+\W+){0,4}?"
        r"(?:security|peace|sovereignty|independence|territor\w*|aggression|attack|war"
        r"|stability)",
        r"\b(?:military|security|common|direct|terrorist|external)\s+threats?",
        r"\bthreaten\w*\s+(?:\w+\s+){0,3}?(?:security|peace|independence|sovereignty)",
        r"\b(?:security|peace)\b(?:\W+\w+){0,6}?\W+(?:threatened|under\s+threat|"
        r"at\s+risk)",
        r"\bdanger(?:s|ous\s+situation)?\b",
        r"\bsituation\b(?:\W+\w+){0,4}?\W+dangerous",
        r"\b(?:remov|eliminat|avert|counter)\w*\s+(?:\w+\s+){0,2}?threats?",
        r"\baggression",
        r"\bcrisis\b(?:\W+\w+){0,4}?\W+security",
        r"\bpeace\s+(?:is\s+)?(?:threatened|endangered|undermined|breached)",
        r"\bsecurity\s+interests",
        r"\bsecurity\s+(?:questions|issues|matters)\b",
        r"\b(?:questions|issues|matters)\s+of\s+(?:\w+\s+){0,2}?security\b",
        r"\bmilitary\s+threats",
    ),
    non_aggression=rx(
        r"\bnon-?aggression\b",
        r"\b(?:" + _NEG + r"|not\s+to|no|renounc\w*)\s+"
        r"(?:(?!" + _HELP_VERB + r")\w+\W+){0,4}?"
        r"(?:the\s+)?(?:threat\s+or\s+(?:the\s+)?use\s+of\s+(?:armed\s+)?force"
        r"|use\s+of\s+(?:armed\s+|military\s+)?force|us(?:e|ing)\s+(?:\w+\s+)?"
        r"(?:armed\s+)?force"
        r"|attack\w*|(?:acts?\s+of\s+)?aggression|aggressive\s+acts?|hostilities|"
        r"resort\w*\s+to\s+(?:armed\s+force|force|war)"
        r"|be\s+the\s+first\s+to\s+use|first\s+use)",
    ),
    mutual_target=rx(_OTHER, r"\bmutual(?:ly)?\b"),
    alliance=rx(
        r"\b" + _NEG + r"\s+(?:to\s+)?(?:\w+\W+){0,4}?"
        r"(?:join|enter|conclud|participat|tak\w*\s+part|form(?!\s+of)|acced|be\s+"
        r"(?:a\s+)?part|creat|establish|sign)\w*\b"
        + gap(8)
        + any_of(
            r"(?:alliances?|coalitions?|blocs?|unions?|groupings?|treat(?:y|ies)"
            r"|agreements?|arrangements?|alignments?)\b",
            r"(?:actions?|measures?|activit(?:y|ies))\b"
            + gap(3)
            + r"(?:directed|aimed|targeted|hostile|against)\b",
        ),
    ),
    territory=rx(
        r"\b" + _NEG + r"\s+(?:to\s+)?(?:\w+\W+){0,3}?(?:allow|permit|let|tolerat|us|"
        r"mak|provid|grant)\w*\b" + gap(8) + r"territor(?:y|ies)\b",
    ),
    directed=rx(
        r"\b(?:attack|aggression)\w*\s+(?:on|against|upon)\s+" + _OTHER,
        r"\b(?:directed|aimed|targeted|used)\s+(?:\w+\s+)?against",
        r"\bhostile\b",
        r"\bagainst\s+" + _OTHER,
        r"\bprejudic\w+",
        r"\bcontrary\s+to\s+the\s+(?:\w+\s+)?(?:security|interests)",
        r"\bseparatis\w+",
        r"\baggression\b",
    ),
    markers=rx(
        r"(?P<dbl>\b(?:shall|will|must)\s+not\s+fail\s+to\b)",
        r"(?P<neg>\b(?:in\s+no\s+(?:case|way|event)|under\s+no\s+circumstances|"
        r"by\s+no\s+means)\b"
        r"|\bneither\s+(?:\w+\s+){0,3}?(?:shall|will|may)\b"
        r"|\bno\s+(?:contracting\s+)?(?:party|state|member)\s+(?:shall|will|may)\b"
        r"|\b(?:shall|will|must|should|would)\s+not\b|\bundertak\w*\s+not\b"
        r"|\bagree\w*\s+not\b|\bcommit\w*\s+(?:themselves\s+|itself\s+)?not\b"
        r"|\bnot\s+to\b|\bcannot\b|\bnever\b|\bneither\b|\bnor\b"
        r"|\bno\s+(?:party|state|contracting\s+party|member)\b"
        r"|\b(?:refrain|abstain)\w*\s+from\b"
        r"|\bdo(?:es)?\s+not\s+(?:oblige|require|create|entail|impose|mean|imply|"
        r"constitute|provide)"
        r"|\b(?:is|are)\s+not\s+(?:obliged|bound|required))",
        r"(?P<mod>\bshall\b|\bwill\b|\bmust\b|\bundertak\w*|\bagree\w*|\bcommit\w*"
        r"|\bpledge\w*|\b(?:is|are)\s+(?:obliged|bound)|\bdeclare\w*|\bresolve\w*)",
        r"(?P<perm>\bmay\b|\bcan\b|\bis\s+entitled|\bare\s+entitled)",
    ),
    near_negation=rx(r"\bnot\s*$", r"\bno\s*$"),
    domain=rx(
        r"\W*(?:(?:to\s+)?(?:each\s+other|one\s+another|the\s+other(?:\s+party)?|it|"
        r"them)\s+)?"
        r"(?:in|with)\s+(?:the\s+)?(?!repel|resist|defen|fight|counter)"
        r"(?:\w+ing|field|area|sphere|matters|questions)\b",
    ),
    discretion=rx(
        r"\bwhether\s+(?:or\s+not\s+)?(?:to\b|(?:it|they)\s+(?:will|shall|should|"
        r"would)\b)",
        r"\bat\s+(?:its|their)\s+(?:own\s+)?discretion",
        r"\bif\s+it\s+so\s+(?:wishes|decides|chooses)",
    ),
    disclaimer=rx(
        r"\bnothing\b" + gap(12) + r"(?:construed|interpreted|understood|deemed|taken)",
        r"\b(?:shall|will|may)\s+not\s+be\s+(?:construed|interpreted|understood)",
        r"\b(?:creates?|imposes?|entails?|establish\w*|contains?)\s+no\s+(?:\w+\s+)?"
        r"(?:obligation|commitment|duty)",
        r"\bno\s+(?:\w+\s+)?(?:obligation|commitment|duty)\s+(?:to|of)\b",
        r"\bwithout\s+(?:any\s+)?(?:obligation|commitment)",
        r"\bdo(?:es)?\s+not\s+(?:oblige|require|create|entail|impose|constitute)",
    ),
    latitude=rx(
        r"\b(?:it|they|each\s+party|the\s+(?:other\s+)?part(?:y|ies))\s+"
        r"(?:deems?|considers?|judges?|finds?|sees?\s+fit)\b",
        r"\bas\s+(?:it|they)\s+(?:may\s+)?(?:deem|consider)",
        r"\bin\s+accordance\s+with\s+(?:its|their)\s+(?:respective\s+)?"
        r"constitutional\s+(?:processes|procedures|provisions|requirements)",
    ),
    aspiration=rx(
        r"\b(?:endeavou?r|strive|aspire)\w*",
        r"\b(?:seek|seeks|seeking)\s+to\b",
        r"\b(?:make|makes|making)\s+(?:every\s+|all\s+)?(?:possible\s+)?efforts?\b",
        r"\bencourag\w+",
    ),
    peacetime={
        "military-cooperation": rx(r"\bmilitary[- ]technical\s+(?:assistance|aid)"),
    },
    topics={
        "military-cooperation": (
            rx(
                r"\bmilitary(?:\s+and\s+military[- ]technical|[- ]technical)?\s+"
                r"(?:and\s+\w+\s+)?cooperation",
                r"\bcooperation\s+in\s+the\s+(?:military|defen[cs]e)"
                r"(?:\s+and\s+\w+)?\s+(?:field|sphere|area|domain)s?",
                r"\bdefen[cs]e\s+cooperation",
                r"\bcooperat\w*\s+in\s+the\s+(?:military|defen[cs]e)"
                r"(?:[- ]technical)?\s+"
                r"(?:field|sphere|area|domain)",
                r"\bmilitary\s+(?:academies|schools|colleges|staff)",
                r"\bcooperation\s+(?:on|in)\s+(?:the\s+)?(?:\w+\s+and\s+)?(?:military|"
                r"defen[cs]e)\b",
                r"\bjoint\s+(?:military\s+|naval\s+|command[- ]staff\s+)?(?:exercises|"
                r"drills|manoeuvres|maneuvers)",
                r"\b(?:training|education)\s+of\s+(?:military\s+(?:personnel|"
                r"specialists)"
                r"|officers|servicemen|cadets)",
                r"\bmilitary\s+(?:delegations|exercises|training|education|contacts|"
                r"exchanges)",
                r"\bport\s+calls?",
                r"\bwarships?",
                r"\bdefen[cs]e\s+capabilit\w+",
                r"\bdefen[cs]e\s+industr\w+",
            ),
        ),
        "basing": (
            rx(
                r"\bstation\w*" + gap(6) + _FORCES,
                _FORCES + gap(6) + r"(?:stationed|based)\b",
                r"\bdeploy\w*" + gap(6) + _FORCES + gap(6) + r"(?:territor\w+|soil)\b",
                _FORCES + gap(4) + r"deployed" + gap(6) + r"(?:territor\w+|soil)\b",
                r"\b(?:locat|establish|plac|host|set\s+up)\w*"
                + gap(6)
                + _FORCES
                + gap(8)
                + r"(?:territor\w+|soil)\b",
                r"\b(?:military|naval|air|army)\s+bases?\b",
            ),
        ),
        "nuclear-deterrence": (
            rx(
                r"\bdeterr\w+"
                + gap(8)
                + r"(?:nuclear|strategic|weapons?|military|aggression|war|attack)\b",
                r"\b(?:nuclear|strategic|weapons?|military|aggression|war)\b"
                + gap(8)
                + r"deterr\w+",
                r"\bnuclear\s+(?:weapons?|arms|forces|arsenal|umbrella)\b"
                + gap(10)
                + r"(?:us(?:e|ed|ing)|employ\w*|deploy\w*|station\w*|respon\w+|"
                r"retaliat\w+|first|aggression)\b",
                r"\b(?:use|employ\w*|deploy\w*|station\w*|respon\w+|retaliat\w+|"
                r"first)\b" + gap(10) + r"nuclear\s+(?:weapons?|arms|forces|arsenal)\b",
            ),
        ),
        "intelligence-exchange": (
            rx(
                r"(?<!artificial\s)\bintelligence\s+(?:and\s+security\s+)?(?:services?"
                r"|agenc\w+|information|sharing|exchange|community|matters|cooperation"
                r"|assessments?|officers?|bodies|organs)",
                r"\b(?:exchang|shar)\w*\s+(?:of\s+)?intelligence",
                r"\bmilitary\s+intelligence",
                r"\b(?:special|secret)\s+services?\b",
                r"\b(?:their|its|parties'?|the\s+parties'?)\s+security\s+services?\b",
                r"\bsecurity\s+services?\s+of\s+(?:the|both|each)\s+(?:parties|party|"
                r"sides?)",
                r"\bexchange\w*\s+(?:of\s+)?(?:\w+\s+){0,3}?information\b"
                + gap(8)
                + r"(?:threats?\s+to\s+(?:\w+\s+)?security|national\s+security)",
            ),
        ),
        "sanctions": (
            rx(
                r"\bunilateral\s+(?:coercive|restrictive)\s+(?:\w+\s+)?measures",
                r"\b(?:sanctions?|restrictive\s+measures)\b" + gap(8) + _COERCION,
                _COERCION + gap(8) + r"(?:sanctions?|restrictive\s+measures)\b",
                r"\bcoercive\s+measures",
                r"\bextraterritorial\s+(?:application|measures|jurisdiction|sanctions|"
                r"effect)",
            ),
        ),
        "counter-terrorism": (
            rx(
                r"\bterroris\w+",
                r"\bextremis\w+",
                r"\btransnational\s+(?:organi[sz]ed\s+)?crime",
                r"\borgani[sz]ed\s+crime",
                r"\btrafficking\b",
                r"\bmoney\s+laundering",
                r"\billegal\s+migration",
                r"\bnarcotic",
            ),
        ),
        "regional-security": (
            rx(
                r"\b(?:regional|the\s+region'?s?)\s+security",
                r"\b(?:Caspian|Central\s+Asia|South(?:ern)?\s+Caucasus|Transcaucasia|"
                r"Middle\s+East"
                r"|Persian\s+Gulf|Korean\s+Peninsula|Asia-Pacific|Northeast\s+Asia|"
                r"Black\s+Sea|Arctic)\b"
                + gap(12)
                + r"(?:secur\w*|peace\w*|stab(?:le|ility)\w*|interfer\w*|presence)",
                r"\b(?:security|peace|stability|interference|presence)\b"
                + gap(12)
                + r"(?:Caspian|Central\s+Asia|South(?:ern)?\s+Caucasus|Transcaucasia|"
                r"Middle\s+East"
                r"|Persian\s+Gulf|Korean\s+Peninsula|Asia-Pacific|Northeast\s+Asia|"
                r"Black\s+Sea|Arctic)\b",
                r"\b(?:extra-?regional|outside|external|third[- ](?:state|country|"
                r"countr(?:y|ies)|part(?:y|ies)))"
                r"\s+(?:\w+\s+)?(?:military\s+)?(?:presence|interference)",
            ),
        ),
        "principles": (
            rx(
                r"\bsovereign\s+equality",
                r"\bterritorial\s+integrity",
                r"\bnon-?interference",
                r"\binternal\s+affairs",
                r"\bmutual\s+respect",
                r"\bpurposes\s+and\s+principles",
                r"\bprinciples\s+of\s+(?:the\s+)?(?:UN|United\s+Nations|"
                r"international\s+law)",
                r"\bgood-?neighbou?rl\w+",
                r"\bpeaceful\s+(?:settlement|resolution)\s+of\s+"
                r"(?:international\s+)?disputes",
            ),
        ),
        "political-dialogue": (
            rx(
                r"\bregular\s+(?:political\s+)?consultations",
                r"\bconsult\w*\s+(?:each\s+other\s+|one\s+another\s+)?regularly",
                r"\bregularly\s+consult\w*",
                r"\bconsultations?\s+(?:\w+\s+){0,3}?at\s+the\s+level\s+of\b",
                # Ministers meeting, not a minister named as a source.
                r"\b(?:meetings?|consultations?|talks)\s+(?:\w+\s+){0,3}?"
                r"(?:foreign\s+ministers|ministers\s+of\s+foreign\s+affairs)",
                r"\b(?:foreign\s+ministers|ministers\s+of\s+foreign\s+affairs)\s+"
                r"(?:\w+\s+){0,3}?(?:meet|hold|consult)\w*",
                r"\bexchange\w*\s+(?:of\s+)?views",
                r"\bpolitical\s+dialogue",
                r"\bsummits?\b",
                r"\b(?:highest|summit|top)\s+level",
            ),
        ),
        "multilateral-cooperation": (
            rx(
                # A forum the parties work in, not any mention (the Charter,
                # a UN convention, sanctions of the Security Council).
                r"\b(?:with|within|in|at|through)\s+(?:the\s+)?"
                r"(?:framework\s+of\s+(?:the\s+)?)?(?:UN|United\s+Nations)\b"
                r"(?!\s+(?:Charter|Convention))",
                r"\bShanghai\s+Cooperation",
                r"\bSCO\b",
                r"\bBRICS\b",
                r"\bCommonwealth\s+of\s+Independent",
                r"\bCIS\b",
                r"\bEurasian\s+Economic\s+Union",
                r"\bEAEU\b",
                r"\binternational\s+(?:and\s+regional\s+)?organi[sz]ations",
                r"\bmultilateral\s+(?:fora|forums|institutions|formats|mechanisms)",
                r"\binternational\s+fora",
            ),
        ),
        "arms-control": (
            rx(
                r"\bnon-?proliferation",
                r"\bproliferation\b",
                r"\bdisarmament",
                r"\barms\s+control",
                r"\bweapons\s+of\s+mass\s+destruction",
                r"\bnuclear-weapon-free",
                r"\bchemical\s+weapons",
                r"\bbiological\s+(?:and\s+toxin\s+)?weapons",
                r"\barms\s+race",
            ),
        ),
        "trade-economy": (
            rx(
                # Not the names of institutions and agreements, nor trade marks.
                r"(?<!World\s)(?<!Free\s)\btrade\b"
                r"(?!\s+(?:Organi[sz]ation|Agreement|Area|Zone|marks?|names?|secrets?)\b)",
                r"\bcommerc\w+",
                r"\beconomic\s+(?:cooperation|ties|relations|partnership|integration)",
                r"\btrade\s+and\s+economic",
                r"\binvest\w+",
                r"\bcustoms\b",
                r"\bindustrial\s+cooperation",
                r"\bagricultur\w+",
            ),
        ),
        "energy": (
            rx(
                r"(?<!nuclear\s)(?<!atomic\s)\benerg(?:y|etic)\b",
                r"\boil\b",
                r"\bgas\b",
                r"\bpetroleum",
                r"\belectric(?:ity|\s+power)",
                r"\bpipelines?",
                r"\bhydrocarbon\w*",
            ),
        ),
        "transport": (
            rx(
                r"\btransport\w*",
                r"\blogistic\w*",
                r"\bcorridors?\b",
                r"\brailways?",
                r"\bshipping\b",
                r"\baviation\b",
                r"\bair\s+(?:services|communication)",
                r"\bNorth[-–—\s]+South\b",
                r"\btransit\b",
            ),
        ),
        "finance-payments": (
            rx(
                r"\bpayments?\b",
                r"\bnational\s+currenc\w+",
                r"\binterbank",
                r"\bbank(?:s|ing)?\b",
                r"\bfinancial\s+(?:messaging|infrastructure|cooperation|institutions|"
                r"system)",
                r"\bcorrespondent\s+(?:accounts|relations)",
            ),
        ),
        "peaceful-nuclear": (
            rx(
                r"\bpeaceful\s+(?:uses?\s+of\s+)?(?:nuclear|atomic)",
                r"\bnuclear\s+power\s+(?:plants?|stations?|units?|generation)",
                r"\bcivil(?:ian)?\s+nuclear",
                r"\b(?:nuclear|atomic)\s+energy",
                r"\bnuclear\s+(?:fuel|safety|medicine)",
            ),
        ),
        "science-technology": (
            rx(
                r"\bscien\w+",
                r"\bresearch\b",
                r"\btechnolog\w+",
                r"\binnovat\w+",
                r"\b(?:outer\s+)?space\b",
                r"\bartificial\s+intelligence",
                r"\bdigital\w*",
                r"\bsatellite\w*",
                r"\bbiotechnolog\w+",
            ),
        ),
        "culture-education": (
            rx(
                r"\bcultur\w+",
                r"\beducation\w*",
                r"\buniversit\w+",
                r"\bstudents?\b",
                r"\btouris\w+",
                r"\bsports?\b",
                r"\byouth\b",
                r"\bmuseums?\b",
                r"\barchives?\b",
            ),
        ),
        "health": (
            rx(
                r"\bhealth\w*",
                r"\bmedic(?:al|ine|ines)\b",
                r"\bpharmac\w+",
                r"\bepidemi\w+",
                r"\bsanitary",
                r"\bdiseases?\b",
                r"\bpandemic\w*",
            ),
        ),
        "environment": (
            rx(
                r"\benvironment\w*",
                r"\becolog\w+",
                r"\bclimate\b",
                r"\bbiodiversit\w+",
                r"\bpollution",
            ),
        ),
        "emergencies": (
            rx(
                r"\b(?:natural\s+)?disasters?\b",
                r"\bemergenc(?:y|ies)\b",
                r"\bcatastroph\w+",
                r"\bearthquakes?",
                r"\bfloods?\b",
                r"\bman-made",
                r"\btechnological\s+accidents",
                r"\brescue\b",
                r"\bhumanitarian\s+(?:assistance|aid|relief)",
            ),
        ),
        "information-security": (
            rx(
                r"\binformation\s+security",
                r"\binformation\s+and\s+communication\s+technolog\w+",
                r"\bICTs?\b",
                r"\bcyber\w*",
                r"\binternet\b",
                r"\binformation\s+space",
                r"\bcomputer\s+(?:attacks?|incidents)",
            ),
        ),
        "media": (
            rx(
                r"\bmass\s+media",
                r"\bmedia\b",
                r"\bnews\s+agenc\w+",
                r"\bbroadcast\w*",
                r"\bjournalis\w+",
                r"\bdisinformation",
                r"\bfalse\s+(?:and\s+\w+\s+)?information",
            ),
        ),
        "legal-assistance": (
            rx(
                r"\blegal\s+(?:assistance|aid|protection)",
                r"\bmutual\s+legal",
                r"\bjudicial\s+(?:cooperation|assistance|bodies)",
                r"\bextradition",
                r"\b(?:civil|criminal|family)\s+(?:and\s+\w+\s+)?matters",
                r"\blaw[- ]enforcement",
            ),
        ),
        "consular-citizens": (
            rx(
                r"\bcitizens\b",
                r"\bnationals\b",
                r"\bconsular",
                r"\bdiaspora",
                r"\bcompatriots",
                r"\bvisas?\b",
            ),
        ),
        "interregional": (
            rx(
                r"\binter-?regional",
                r"\bcross-border",
                r"\bborder\s+(?:cooperation|regions|areas)",
                r"\b(?:sister|twin)\s+(?:cities|towns)",
            ),
        ),
        "implementation": (
            rx(
                r"\bspecial\s+representatives",
                r"\b(?:joint|intergovernmental)\s+commission",
                r"\bworking\s+groups?",
                r"\bimplement\w*\s+(?:of\s+)?this\s+Treaty",
            ),
        ),
        "entry-into-force": (
            rx(
                r"\benter\w*\s+into\s+force",
                # Not as a date for other duties ("upon entry into force of
                # this Agreement, tariffs shall be ..."). The look-ahead first:
                # a place that is no "entry" fails before the look-behinds run.
                r"(?=entry)(?<!upon\s)(?<!upon\sthe\s)(?<!after\s)(?<!after\sthe\s)"
                r"(?<!from\s)(?<!from\sthe\s)(?<!since\s)(?<!since\sthe\s)"
                r"(?<!before\s)(?<!before\sthe\s)(?<!following\s)"
                r"(?<!following\sthe\s)(?<!prior\sto\s)(?<!prior\sto\sthe\s)"
                r"(?<!date\sof\s)(?<!date\sof\sthe\s)(?<!on\s)(?<!on\sthe\s)"
                r"(?<!as\sof\s)(?<!as\sof\sthe\s)"
                r"\bentry\s+into\s+force",
                r"\bratif\w+",
                r"\b(?:internal|domestic)\s+(?:\w+\s+)?procedures",
            ),
        ),
        "duration": (
            rx(
                r"\bindefinite(?:ly)?\b",
                r"\bunlimited\s+(?:period|duration)",
                r"\bfor\s+(?:a\s+)?(?:period|term)\s+of\s+\w+\s+(?:\(\d+\)\s+)?years",
                r"\b(?:remain|be)\s+in\s+force\s+(?:for|during)\b",
                r"\b(?:automatically\s+)?(?:extended|renewed|prolonged)\s+"
                r"(?:\w+\s+){0,3}?"
                r"(?:successive|further|subsequent|consecutive)",
            ),
        ),
        "termination": (
            rx(
                r"\bterminat\w+",
                r"\bdenounc\w+",
                r"\bdenunciation",
                r"\bwithdraw\w*\s+from\s+(?:this\s+)?Treaty",
                r"\bcease[sd]?\s+to\s+(?:be\s+in|have)\s+(?:force|effect)",
            ),
        ),
        "amendment": (
            rx(
                r"\bamend\w+",
                r"\bmodif\w+\s+(?:to\s+)?(?:of\s+)?this\s+Treaty",
                r"\bchanges\s+and\s+additions",
                r"\badditional\s+protocols?",
                r"\bintegral\s+part\s+of\s+this\s+Treaty",
            ),
        ),
        "dispute-settlement": (
            rx(
                r"\b(?:disputes?|differences?|disagreements?)\b"
                + gap(6)
                + r"(?:interpretation|application)\s+of\s+this",
                r"\barbitra\w+",
            ),
        ),
        "relation-to-other-treaties": (
            rx(
                r"\bnot\s+affect\s+(?:the\s+)?rights\s+and\s+obligations",
                r"\brights\s+and\s+obligations\b"
                + gap(6)
                + r"(?:other|another)\s+(?:international\s+)?(?:treaties|treaty|"
                r"agreements?)",
                r"\breplac\w+\s+the\s+Treaty",
                r"\bsupersed\w+",
                r"\b(?:terminat\w+|ceases?\s+to\s+have\s+effect)\b"
                + gap(4)
                + r"(?:Treaty|Agreement)\s+(?:of|between|on)\b",
            ),
        ),
        "languages": (
            rx(
                # The closing formula opens its sentence; "the Treaty signed
                # at Abuja" is a reference to another treaty.
                r"^\W*(?:done|signed)\s+(?:\w+\s+){0,2}?(?:at|in)\s+[A-Z]\w+",
                r"\bin\s+duplicate\b",
                r"\b(?:two|duplicate)\s+(?:originals|copies)",
                r"\bequally\s+authentic",
                r"\b(?:in|of)\s+the\s+\w+(?:,\s+\w+)*\s+and\s+\w+\s+languages",
                r"\btexts?\s+shall\s+prevail",
            ),
        ),
    },
)
