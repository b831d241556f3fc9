"""What makes a piece of text a goal, of which kind, and who is responsible for it."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..lexicon import (GOAL_DOCUMENT_WORDS, GOAL_HEADINGS, GOAL_NOUNS, GOAL_WORDING, ITEM_VERBS, LEAD_INS,
                       LEAD_IN_ENDINGS, OUTCOME_VERBS, PLAN_NAMES, PRESENT_STATE_HEADINGS, SUBORDINATORS)

GOAL_WORDS = regex.compile(r"\b(?:" + GOAL_WORDING.alternation() + r")\b", regex.I)
GOAL_DOCUMENT = regex.compile(r"\b\p{L}*(?:" + GOAL_DOCUMENT_WORDS.alternation() + r")\b", regex.I)
GOAL_NOUN = regex.compile(r"\b(?:" + GOAL_NOUNS.alternation() + r")\b", regex.I)
SUBORDINATE = regex.compile(r"\s(?:" + SUBORDINATORS.alternation() + r")\s", regex.I)
OUTCOME_START = regex.compile(r"^(?:" + OUTCOME_VERBS.alternation() + r")\b", regex.I)
LEAD_IN_END = regex.compile(r"\s(?:" + LEAD_IN_ENDINGS.alternation() + r")$")
#: "(Olle)", "(Åsa och Per)" at the end of an item: the people responsible
RESPONSIBLE_PARENS = regex.compile(
    r"\((?P<names>\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?(?:\s*(?:,|och|&|/|\+)\s*\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)*)\)\s*\.?\s*$")
#: "Ansvarig: Åsa", "Ansvar: styrelsen"
RESPONSIBLE_LABEL = regex.compile(r"\bansvari?g?a?\s*:\s*(?P<names>[^.;()]+)", regex.I)
NAME_SPLIT = regex.compile(r"\s*(?:,|\boch\b|&|/|\+)\s*")
GOAL_LABEL = regex.compile(r"^(?:våra |årets |\w+ )?mål(?:sättning(?:ar)?|en)?\b")
WORD = regex.compile(r"\p{L}+")
ATT_START = regex.compile(r"(?i)att\s")


def has_goal_wording(text: str) -> bool:
    """``ska``, ``skall``, ``målet är att``, ``vi vill``: wording of a commitment."""
    return bool(GOAL_WORDS.search(text))


def _label(text: str) -> str:
    return " ".join(text.lower().rstrip(":").replace("*", "").split())


@lru_cache(maxsize=4096)  # asked of the same headings and labels again and again
def is_goal_label(text: str) -> bool:
    """Does a heading or lead-in announce goals (``Mål``, ``Målsättningar 2024``, ``Vi ska:``)?"""
    label = _label(text)
    return GOAL_HEADINGS.longest_opening(label.split()) > 0 or GOAL_LABEL.match(label) is not None


@lru_cache(maxsize=4096)
def is_lead_in_label(text: str) -> bool:
    """Is this a known lead-in (``Aktiviteter:``, ``Detta ska ske genom att:``)?"""
    label = _label(text)
    return len(label.split()) <= 8 and (
        is_goal_label(text) or LEAD_INS.longest_opening(label.split()) > 0
        or is_unfinished(text))


@lru_cache(maxsize=4096)
def describes_present(text: str) -> bool:
    """Does a heading or lead-in announce a description of how things are (``Nuläge``,
    ``Dagsläget:``, ``Klubbens historik``, ``Verksamhetsberättelse 2024``)? What it governs
    states facts, not goals; a label that also names goals or the plan (``Nuläge och mål``,
    ``Verksamhetsberättelse och verksamhetsplan``) does not.

    >>> [describes_present(t) for t in ("Dagsläget:", "Föreningens bakgrund", "Nuläge och mål 2030", "Aktiviteter")]
    [True, True, False, False]
    >>> describes_present("Verksamhetsberättelse 2030"), describes_present("Verksamhetsberättelse och verksamhetsplan")
    (True, False)
    """
    words = _label(text).split()
    if is_goal_label(text) or mentions_goals(text) or any(w.endswith(tuple(PLAN_NAMES)) for w in words):
        return False
    owner = words[:1] in (["vår"], ["vårt"], ["våra"]) or bool(words) and words[0].endswith("s")
    return any(PRESENT_STATE_HEADINGS.longest_opening(ws) > 0 for ws in (words, words[1:] if owner else []))


def states_commitment(text: str) -> bool:
    """Does a text in a description of the present still say what will be done: goal
    wording, or an item opening with an infinitive?

    >>> states_commitment("Vi vill bli fler"), states_commitment("Ordna en träff"), states_commitment("Vi är 40")
    (True, True, False)
    """
    return has_goal_wording(text) or starts_with_infinitive(text)


def is_unfinished(text: str) -> bool:
    """Does the line break off where a list must go on (``Styrelsens uppgift är``,
    ``Detta gör vi genom att``)?

    >>> is_unfinished("Styrelsens uppgift är"), is_unfinished("Styrelsens uppgifter")
    (True, False)
    """
    return LEAD_IN_END.search(_label(text)) is not None


def starts_with_infinitive(text: str) -> bool:
    """Does the text open as a plan's item does, with an infinitive (``Anordna en
    vårfest``, ``Att verka för fler ledare``)? Such a line is an item even without a list mark.

    >>> [starts_with_infinitive(t) for t in ("Anordna en vårfest", "Att verka för fler ledare",
    ...                                      "Anordnas varje år", "Arbetet pågår", "Att")]
    [True, True, False, False, False]
    """
    words = WORD.findall(text[:60].lower())
    if words[:1] == ["att"]:
        words = words[1:]
    return bool(words) and words[0] in ITEM_VERBS


def is_goal_document(title: str | None) -> bool:
    """Does the title say the whole document states goals (``Målsättning 2031``,
    ``Verksamhetsmål``, ``Strategi 2030``)? Then every item in it is a goal.

    >>> [is_goal_document(t) for t in ("Verksamhetsmål 2031", "Strategi", "Verksamhetsplan 2031", None)]
    [True, True, False, False]
    """
    return bool(title and GOAL_DOCUMENT.search(title))


def mentions_goals(text: str) -> bool:
    """Does a lead-in name goals anywhere (``Klubbens tre viktigaste mål är:``)?

    >>> mentions_goals("Klubbens tre viktigaste mål är:"), mentions_goals("Vi ordnar:")
    (True, False)
    """
    return GOAL_NOUN.search(text) is not None


def goal_kind(text: str, in_goal_context: bool) -> str:
    """``goal`` under a goal heading or lead-in, or when the text itself says it is one
    (goal wording, an outcome verb, an ``att`` item); ``activity`` for other items
    (events, courses, proposals).

    >>> goal_kind("Att fler barn lär sig simma", False), goal_kind("Sommarfest i juni", False)
    ('goal', 'activity')
    >>> goal_kind("Bidra med 500 kr till scouterna så att de ska kunna åka på läger", False)
    'activity'
    """
    if in_goal_context or has_goal_wording(main_clause(text)) or OUTCOME_START.match(text) \
            or ATT_START.match(text):
        return "goal"
    return "activity"


def main_clause(text: str) -> str:
    """The text up to its first subordinate clause (``för att``, ``så att``, ``som``):
    goal wording there belongs to the purpose or the object, not to the item.

    >>> main_clause("Ordna en kurs som vi ska hålla i maj")
    'Ordna en kurs'
    """
    return SUBORDINATE.split(text, maxsplit=1)[0]


def responsible_of(text: str) -> list[str]:
    """Names the text assigns: ``(Olle)`` at its end or ``Ansvarig: Åsa``."""
    if m := RESPONSIBLE_PARENS.search(text):
        return [n for n in NAME_SPLIT.split(m["names"]) if n]
    if m := RESPONSIBLE_LABEL.search(text):
        return [n.strip() for n in NAME_SPLIT.split(m["names"].strip()) if n.strip()]
    return []
