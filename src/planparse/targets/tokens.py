"""Tokens with character offsets, and the spans of a text that can hold no target.

The extractor works on tokens (so phrases such as ``fler än`` and ``per månad`` are matched
word by word) but reports character spans into the goal text, so a target's ``text`` is
always the exact words the plan used.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from ..lexicon import ABBREVIATIONS, MONTHS
from .numbers import DIGITS

_MONTH_ALT = MONTHS.alternation()

_ABBR = "|".join(regex.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))

#: a small number glued to the lower-case word it counts (``1gång/år``, ``3st``, ``2ggr``),
#: not to a one-letter ordinal ending (``1a``), a decade (``80talet``) or a duration that
#: names an event (``2dagarsläger``, like ``tvådagarsläger``)
GLUED_NUMBER = r"(?<![\p{L}\d,.])\d{1,4}(?=(?!tal|dagars|dygns|nätters|veckors)\p{Ll}{2,})"

TOKEN = regex.compile(
    rf"(?P<num>{DIGITS.pattern}|{GLUED_NUMBER})"
    rf"|(?i:(?<![\p{{L}}.])(?:{_ABBR})\.(?!\p{{L}}))"                        # ca. st. bl.a.
    r"|[\p{L}\p{M}](?:[\p{L}\p{M}\d]|[-:.](?=[\p{L}\d]))*"                 # words, "S1", "gilla-markering", "c:a"
    r"|:-|[%§/()\[\]–—\-+.,;:!?]|\S"
)

#: stretches that are dates, clock times, phone numbers, ordinals or identifiers
NOT_TARGET_SPANS = regex.compile(
    r"\b\d{4}-\d{2}-\d{2}\b"                                       # 2024-03-10
    r"|\b\d{1,2}/\d{1,2}(?:[ -]\d{2,4})?\b"                        # 10/3, 10/3 2024
    r"|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b"                              # 10.3.2024
    r"|\b\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\b"        # 18.00, 18:30-20:00
    rf"|\b\d{{1,2}}(?::[ae])?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{_MONTH_ALT})\b\.?(?:\s+\d{{4}})?"  # 1 maj, 10 mars 2024
    r"|\b0\d{1,3}\s?[-–]\s?\d{2,3}(?:\s?\d{2}){1,3}\b"             # 011-12 34 56, 070-123 45 67
    r"|\b\d+\s?%-(?!enhet)\p{L}+"                                  # 3%-aren (not 5 %-enheter)
    r"|\b(?:19|20)\d\d/\d{2}\b"                                     # 2023/24
    r"|\b\d+:(?:a|e|an|en|or|s|ans)\b"                             # 3:e, 0222:an
    r"|\b\d+(?:\+\d+)+\b"                                          # 20+20
    r"|(?<=\s)[-–]\d{2}\b"                                         # år -25
    r"|\b\d{2,4}-tal(?:et|s)\b"                                    # 1990-talet
    r"|\b\d+\.(?!\d{3}\b)\d+(?:\.\d+)*\b"                           # 2.1.3 section numbers (not 10.000)
    r"|(?<!\d[ \u00a0])\b\d{3}[ \u00a0]?\d{2}\b(?=[ \u00a0]+\p{Lu}\p{Ll}{2,})"  # 123 45 Lillby: a postal code
    , regex.I)


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """One token of a goal's text. Not a frozen dataclass, though nothing changes a token
    once made: a frozen one sets each field through ``object.__setattr__``, which made
    building the tokens of every goal text (and again when they are tagged) three times
    slower; equal tokens still hash alike."""

    text: str
    start: int
    end: int
    is_number: bool = False
    pos: str = ""                        # universal part of speech from the tagger, "" when untagged
    feats: frozenset[str] = frozenset()  # its morphological features, e.g. "Tense=Past"
    lower: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.lower = self.text.lower()  # read for every phrase match

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), m.group("num") is not None) for m in TOKEN.finditer(text)]


def annotate(tokens: Sequence[Token], words) -> list[Token]:
    """Tokens with the tagger's part of speech and features, matched by character offset
    (``words`` are ``planparse.nlp.Word`` objects of the same text)."""
    by_start = {w.start: w for w in words}
    return [Token(t.text, t.start, t.end, t.is_number, w.pos, w.feats)
            if (w := by_start.get(t.start)) is not None else t for t in tokens]


def blocked_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in NOT_TARGET_SPANS.finditer(text)]


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)
