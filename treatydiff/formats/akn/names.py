"""Names the Akoma Ntoso reader and writer share: namespaces, languages, divisions."""

from __future__ import annotations

from treatydiff.formats.akn.extras import TD_NS

__all__ = ["AKN", "AKN_NS", "DIV_EIDS", "LANG2", "LANG3", "TD", "TD_NS"]

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: Clark-notation prefixes: ``AKN + "article"`` is ``{AKN_NS}article``.
AKN = f"{{{AKN_NS}}}"
TD = f"{{{TD_NS}}}"
LANG3 = {
    "en": "eng",
    "ru": "rus",
    "fr": "fra",
    "es": "spa",
    "de": "deu",
    "zh": "zho",
    "ar": "ara",
}
LANG2 = {v: k for k, v in LANG3.items()}
# Model division kinds that are Akoma Ntoso elements, with their eId prefixes.
DIV_EIDS = {
    "book": "book",
    "tome": "tome",
    "part": "part",
    "subpart": "subpart",
    "title": "title",
    "subtitle": "subtitle",
    "chapter": "chp",
    "subchapter": "subchp",
    "section": "sec",
    "subsection": "subsec",
    "division": "dvs",
    "subdivision": "subdvs",
}
