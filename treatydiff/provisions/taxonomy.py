"""The provision taxonomy: kinds, one-line definitions and look-alike pairs.

The security core follows the obligation types political scientists code in
alliance treaties (defence, neutrality, consultation, non-aggression) plus the
security subjects of recent strategic-partnership treaties; the general kinds
and the final clauses follow.
"""

from __future__ import annotations

__all__ = [
    "FINAL_CLAUSES",
    "GENERAL_KINDS",
    "LOOKALIKES",
    "SECURITY_CORE",
    "TAXONOMY",
    "kind_order",
    "why_not",
]

_SECURITY: dict[str, str] = {
    "mutual-defence": (
        "a party assists the other, militarily or by all means, when it is attacked"
    ),
    "non-assistance-to-aggressor": (
        "a party gives no help to whoever attacks the other party (neutrality)"
    ),
    "consultation": "the parties consult or coordinate when a threat to either arises",
    "non-aggression": "the parties do not use or threaten force against each other",
    "no-hostile-alliance": (
        "no alliance, agreement or use of territory directed against the other party"
    ),
    "military-cooperation": (
        "exercises, training, delegations and military-technical cooperation"
    ),
    "basing": "forces or military facilities of one party on the other's territory",
    "nuclear-deterrence": (
        "nuclear weapons, their deterrent role and the conditions of their use"
    ),
    "intelligence-exchange": "intelligence and security services share information",
    "sanctions": "countering unilateral coercive (restrictive) measures and sanctions",
    "counter-terrorism": (
        "combating terrorism, extremism and transnational organised crime"
    ),
    "regional-security": (
        "security of a named region, against third-state presence or interference"
    ),
}

_GENERAL: dict[str, str] = {
    "principles": (
        "sovereign equality, territorial integrity, non-interference, UN Charter"
    ),
    "political-dialogue": "regular consultations, summits and exchanges of views",
    "multilateral-cooperation": (
        "cooperation in the UN, SCO, BRICS and other organisations"
    ),
    "arms-control": "non-proliferation, disarmament and arms control",
    "trade-economy": "trade, investment, industry, agriculture and customs",
    "energy": "oil, gas, electricity and other energy cooperation",
    "transport": "transport corridors, rail, shipping, aviation and transit",
    "finance-payments": "payments, banking and settlements in national currencies",
    "peaceful-nuclear": "peaceful uses of nuclear energy and nuclear power plants",
    "science-technology": "science, research, technology, space and IT",
    "culture-education": "culture, education, tourism, sport and youth",
    "health": "healthcare, medicine and epidemics",
    "environment": "environment protection and climate",
    "emergencies": "natural disasters, emergencies and humanitarian relief",
    "information-security": "security of information and communication technologies",
    "media": "mass media cooperation and countering disinformation",
    "legal-assistance": "legal assistance, judicial and law-enforcement cooperation",
    "consular-citizens": "protection of citizens, consular matters and visas",
    "interregional": "interregional and cross-border cooperation",
    "implementation": (
        "bodies, representatives and agreements that carry the treaty out"
    ),
}

_FINAL: dict[str, str] = {
    "entry-into-force": "ratification and the date the treaty enters into force",
    "duration": "how long the treaty stays in force and how it is renewed",
    "termination": "how a party ends the treaty or withdraws from it",
    "amendment": "how the treaty is amended or supplemented",
    "dispute-settlement": "how disputes over interpretation or application are settled",
    "relation-to-other-treaties": "rights under other treaties; treaties replaced",
    "languages": "signature, copies and authentic language texts",
}

TAXONOMY: dict[str, str] = {**_SECURITY, **_GENERAL, **_FINAL}
_POSITION = {kind: i for i, kind in enumerate(TAXONOMY)}
SECURITY_CORE: tuple[str, ...] = tuple(_SECURITY)
GENERAL_KINDS: tuple[str, ...] = tuple(_GENERAL)
FINAL_CLAUSES: tuple[str, ...] = tuple(_FINAL)

# For a missing kind, the kinds a reader might mistake for it, nearest first,
# each with why a clause of that kind is not one of the missing kind.
LOOKALIKES: dict[str, tuple[tuple[str, str], ...]] = {
    "mutual-defence": (
        (
            "non-assistance-to-aggressor",
            "non-assistance to an aggressor: the obligation is negative and runs "
            "against the aggressor; it does not pledge help to the attacked party",
        ),
        (
            "consultation",
            "consultation: the parties only consult or coordinate when a threat "
            "arises; it does not pledge help to the attacked party",
        ),
        (
            "nuclear-deterrence",
            "nuclear deterrence: it states when nuclear weapons may be used; it "
            "is not a pledge to assist the partner when attacked",
        ),
        (
            "basing",
            "basing: forces or facilities are stationed on the partner's "
            "territory, but the clause itself pledges no assistance on attack",
        ),
        (
            "military-cooperation",
            "military cooperation: exercises, training or joint capabilities in "
            "peacetime; no duty is triggered by an attack on the partner",
        ),
        (
            "no-hostile-alliance",
            "no hostile alliance: each party only refrains from acting against "
            "the other; it does not pledge help when the other is attacked",
        ),
        (
            "non-aggression",
            "non-aggression: the parties promise not to attack each other; it "
            "says nothing about help against a third state",
        ),
        (
            "emergencies",
            "emergencies: assistance after disasters or accidents, not after an "
            "armed attack",
        ),
    ),
    "non-assistance-to-aggressor": (
        (
            "mutual-defence",
            "mutual defence: the clause pledges help to the attacked party, a "
            "stronger duty than not helping the aggressor, but it does not state "
            "the negative duty itself",
        ),
        (
            "no-hostile-alliance",
            "no hostile alliance: it bars alliances or use of territory against "
            "the partner, not help to a state that attacks it",
        ),
        (
            "non-aggression",
            "non-aggression: the parties promise not to attack each other, not to "
            "withhold help from a third-state aggressor",
        ),
    ),
    "consultation": (
        (
            "political-dialogue",
            "political dialogue: regular exchanges of views not tied to a threat "
            "to either party",
        ),
        (
            "mutual-defence",
            "mutual defence: the clause pledges assistance on attack but sets no "
            "duty to consult when a threat arises",
        ),
        (
            "regional-security",
            "regional security: cooperation for a region's security, without a "
            "duty to consult when a threat arises",
        ),
    ),
    "non-aggression": (
        (
            "principles",
            "principles: a general commitment to the UN Charter's principles, not "
            "a bilateral promise not to attack each other",
        ),
        (
            "no-hostile-alliance",
            "no hostile alliance: it bars joining action against the partner, not "
            "an attack by the party itself",
        ),
    ),
    "no-hostile-alliance": (
        (
            "non-assistance-to-aggressor",
            "non-assistance to an aggressor: it bars help to an attacker once "
            "aggression occurs, not alliances or territory used against the partner",
        ),
        (
            "non-aggression",
            "non-aggression: the parties promise not to attack each other; it does "
            "not bar alliances with third states",
        ),
        (
            "principles",
            "principles: respect for sovereignty and non-interference, without a "
            "bar on alliances or territory used against the partner",
        ),
    ),
    "military-cooperation": (
        (
            "basing",
            "basing: forces or facilities stationed on the partner's territory, "
            "without a programme of joint military activity",
        ),
        (
            "mutual-defence",
            "mutual defence: help on attack, not standing peacetime cooperation",
        ),
        (
            "intelligence-exchange",
            "intelligence exchange: security services share information; no "
            "cooperation between armed forces",
        ),
    ),
    "basing": (
        (
            "military-cooperation",
            "military cooperation: joint activities, but no forces or facilities "
            "stationed on the partner's territory",
        ),
        (
            "mutual-defence",
            "mutual defence: help on attack, with no stationing of forces",
        ),
    ),
    "nuclear-deterrence": (
        (
            "peaceful-nuclear",
            "peaceful nuclear energy: civil nuclear cooperation, not nuclear weapons",
        ),
        (
            "arms-control",
            "arms control: non-proliferation or disarmament, not a deterrent posture",
        ),
        (
            "mutual-defence",
            "mutual defence: help on attack with no word on nuclear weapons",
        ),
    ),
    "intelligence-exchange": (
        (
            "counter-terrorism",
            "counter-terrorism: cooperation against terrorism and crime, without a "
            "standing exchange between intelligence services",
        ),
        (
            "information-security",
            "information security: security of ICT use, not intelligence sharing",
        ),
        (
            "military-cooperation",
            "military cooperation: armed forces work together, not intelligence "
            "services",
        ),
    ),
    "sanctions": (
        (
            "finance-payments",
            "finance and payments: settlement arrangements that may blunt sanctions, "
            "with no undertaking against unilateral coercive measures",
        ),
        (
            "trade-economy",
            "trade and economy: economic cooperation, with no undertaking against "
            "unilateral coercive measures",
        ),
    ),
    "counter-terrorism": (
        (
            "legal-assistance",
            "legal assistance: judicial cooperation in general, not a commitment "
            "against terrorism or organised crime",
        ),
        (
            "intelligence-exchange",
            "intelligence exchange: services share information on threats, not a "
            "named commitment against terrorism",
        ),
    ),
    "regional-security": (
        (
            "multilateral-cooperation",
            "multilateral cooperation: work in international organisations, not "
            "the security of a named region",
        ),
        (
            "consultation",
            "consultation: the parties consult on threats, without naming a region "
            "or third-state presence",
        ),
        (
            "principles",
            "principles: non-interference in general, not in a named region",
        ),
    ),
    "peaceful-nuclear": (
        (
            "energy",
            "energy: oil, gas or electricity cooperation, not nuclear energy",
        ),
        (
            "science-technology",
            "science and technology: research cooperation that does not name civil "
            "nuclear projects",
        ),
    ),
    "information-security": (
        (
            "media",
            "media: cooperation between media outlets, not security of ICT use",
        ),
    ),
    "duration": (
        (
            "entry-into-force",
            "entry into force: when the treaty starts, not how long it lasts",
        ),
        (
            "termination",
            "termination: how a party ends the treaty, not its term",
        ),
    ),
    "entry-into-force": (
        ("duration", "duration: how long the treaty lasts, not when it starts"),
    ),
    "termination": (
        ("duration", "duration: the term and its renewal, not how a party ends it"),
    ),
}


def kind_order(kind: str) -> tuple[int, str]:
    """Sort key: taxonomy order, then kinds outside the taxonomy by name."""
    return (_POSITION[kind], "") if kind in _POSITION else (len(_POSITION), kind)


def why_not(missing: str, present: str) -> str:
    """Why a clause of kind ``present`` is not a ``missing`` provision."""
    for kind, why in LOOKALIKES.get(missing, ()):
        if kind == present:
            return why
    name = present.replace("-", " ")
    return f"{name}: {TAXONOMY.get(present, present)}; not {missing.replace('-', ' ')}"
