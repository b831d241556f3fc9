"""Counted nouns: pick the noun a number counts and give its lemma.

The lemma is what lets "möten", "mötet" and "möte" be compared across plans and years.
Lemmas come from lemmy's Swedish model (rules learned from a full-form lexicon): it gets
compounds such as "samtalskampanjer" and "dörrknackningsaktiviteter" right, which no
suffix table of our own would.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..lexicon import UNIT_LEMMA_EXCEPTIONS, UNIT_SKIP, UNIT_STOP

#: endings of adjectives and participles that stand before a counted noun
ADJECTIVE_ENDING = regex.compile(r"(?:iga|liga|iska|ade|ande|ende|[^a]re|ta|da|na)$")


@lru_cache(maxsize=1)
def lemmatizer():
    """lemmy's Swedish lemmatizer, loaded once (0.1 s: deferred until a unit is found, or
    loaded by a batch before it forks its workers, so that they share it)."""
    import lemmy

    return lemmy.load("sv")


@lru_cache(maxsize=4096)
def noun_lemma(word: str) -> str:
    """Lower-case singular lemma of a counted noun.

    >>> noun_lemma("samtalskampanjer")
    'samtalskampanj'
    >>> noun_lemma("debattartikel/insändare")
    'debattartikel'
    >>> noun_lemma("Gilla-markeringar")
    'gilla-markering'
    """
    word = word.lower().split("/")[0].strip("-")
    if word in UNIT_LEMMA_EXCEPTIONS:
        return UNIT_LEMMA_EXCEPTIONS[word]
    lemmas = lemmatizer().lemmatize("NOUN", word)
    return min(lemmas, key=len) if lemmas else word


def looks_like_modifier(word: str, next_word: str | None) -> bool:
    """Is ``word`` an adjective standing before the counted noun (``större``, ``nya``)?"""
    low = word.lower()
    if low in UNIT_SKIP:
        return True
    if next_word is None or not next_word[:1].isalpha() or next_word.lower() in UNIT_STOP:
        return False
    return bool(ADJECTIVE_ENDING.search(low)) or low.endswith("a")


def counted_noun(phrase: str) -> str | None:
    """The noun an indicator counts: ``Antal genomförda samtal med väljare`` -> ``samtal``."""
    words = regex.findall(r"[\p{L}][\p{L}\-]*", phrase)
    while words and words[0].lower() in ("antal", "antalet", "totalt", "summa"):
        words = words[1:]
    for k, word in enumerate(words):
        if word.lower() in UNIT_STOP:
            return None
        if not looks_like_modifier(word, words[k + 1] if k + 1 < len(words) else None):
            return noun_lemma(word)
    return None
