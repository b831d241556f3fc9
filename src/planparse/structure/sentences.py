"""Sentence boundaries in Swedish plan prose.

>>> split_sentences("Vi ska ha minst 6 möten, bl.a. i mars. Styrelsen ses ca. 10 ggr. Klart!")
['Vi ska ha minst 6 möten, bl.a. i mars.', 'Styrelsen ses ca. 10 ggr.', 'Klart!']
>>> split_sentences("Lekparkshäng (Karbonning? Kärrgruvan?) i sommar.")
['Lekparkshäng (Karbonning? Kärrgruvan?) i sommar.']
"""
from __future__ import annotations

import regex

from ..lexicon import ABBREVIATIONS

#: a sentence end: . ! ? (with closing quotes or brackets) before white space and a capital
BOUNDARY = regex.compile(r"[.!?…]+[\"'”»)]*\s+(?=[\"'“«(]?[\p{Lu}\d])")
_ABBR_END = regex.compile(
    r"(?:^|[\s(])(?:" + "|".join(regex.escape(a) for a in ABBREVIATIONS)
    + r"|m\.fl|osv|o\.dyl|ff|jan|feb|aug|sept|okt|nov|dec|[\p{Lu}])\.$", regex.I)


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, in order, each stripped."""
    sentences, start = [], 0
    depth_at = _paren_depths(text) if "(" in text else None  # no parenthesis: every depth is 0
    for m in BOUNDARY.finditer(text):
        end = m.start() + len(m.group().rstrip())
        if depth_at is not None and depth_at[m.start()] > 0 or _ABBR_END.search(text[max(start, m.start() - 12):m.start() + 1]):
            continue
        sentences.append(text[start:end].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


def _paren_depths(text: str) -> list[int]:
    depth, out = 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        out.append(depth)
    return out
