"""What makes a piece of text a goal, of which kind, and who is responsible for it."""
from __future__ import annotations

import regex

from ..lexicon import GOAL_HEADINGS, GOAL_WORDING, ITEM_VERBS, LEAD_INS, OUTCOME_VERBS

GOAL_WORDS = regex.compile(r"\b(?:" + "|".join(regex.escape(w) for w in GOAL_WORDING) + r")\b", regex.I)
OUTCOME_START = regex.compile(r"^(?:" + "|".join(OUTCOME_VERBS) + r")\b", regex.I)
#: "(Olle)", "(Åsa och Per)" at the end of an item: the people responsible
RESPONSIBLE_PARENS = regex.compile(
    r"\((?P<names>\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?(?:\s*(?:,|och|&|/|\+)\s*\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)*)\)\s*\.?\s*$")
#: "Ansvarig: Åsa", "Ansvar: styrelsen"
RESPONSIBLE_LABEL = regex.compile(r"\bansvari?g?a?\s*:\s*(?P<names>[^.;()]+)", regex.I)
NAME_SPLIT = regex.compile(r"\s*(?:,|\boch\b|&|/|\+)\s*")


def has_goal_wording(text: str) -> bool:
    """``ska``, ``skall``, ``målet är att``, ``vi vill``: wording of a commitment."""
    return bool(GOAL_WORDS.search(text))


def _label(text: str) -> str:
    return " ".join(text.lower().rstrip(":").replace("*", "").split())


def is_goal_label(text: str) -> bool:
    """Does a heading or lead-in announce goals (``Mål``, ``Målsättningar 2024``, ``Vi ska:``)?"""
    label = _label(text)
    return any(label == w or label.startswith(w + " ") for w in GOAL_HEADINGS) \
        or regex.match(r"^(?:våra |årets |\w+ )?mål(?:sättning(?:ar)?|en)?\b", label) is not None


def is_lead_in_label(text: str) -> bool:
    """Is this a known lead-in (``Aktiviteter:``, ``Detta ska ske genom att:``)?"""
    label = _label(text)
    return len(label.split()) <= 8 and (
        is_goal_label(text) or any(label == w or label.startswith(w + " ") for w in LEAD_INS)
        or label.endswith(" att") or label.endswith(" genom"))


def starts_with_infinitive(text: str) -> bool:
    """Does the text open as a plan's item does, with an infinitive (``Anordna en
    vårfest``, ``Att verka för fler ledare``)? Such a line is an item even without a list mark.

    >>> [starts_with_infinitive(t) for t in ("Anordna en vårfest", "Att verka för fler ledare",
    ...                                      "Anordnas varje år", "Arbetet pågår", "Att")]
    [True, True, False, False, False]
    """
    words = regex.findall(r"\p{L}+", text[:60].lower())
    if words[:1] == ["att"]:
        words = words[1:]
    return bool(words) and words[0] in ITEM_VERBS


def goal_kind(text: str, in_goal_context: bool) -> str:
    """``goal`` under a goal heading or lead-in, or when the text itself says it is one;
    ``activity`` for other items (events, courses, proposals)."""
    if in_goal_context or has_goal_wording(text) or OUTCOME_START.match(text):
        return "goal"
    return "activity"


def responsible_of(text: str) -> list[str]:
    """Names the text assigns: ``(Olle)`` at its end or ``Ansvarig: Åsa``."""
    if m := RESPONSIBLE_PARENS.search(text):
        return [n for n in NAME_SPLIT.split(m["names"]) if n]
    if m := RESPONSIBLE_LABEL.search(text):
        return [n.strip() for n in NAME_SPLIT.split(m["names"].strip()) if n.strip()]
    return []
