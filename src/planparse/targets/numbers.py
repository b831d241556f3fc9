"""Swedish numbers: digits as plans write them and number words up to the millions.

>>> parse_digits("5 000")
5000
>>> parse_digits("10.000")
10000
>>> parse_digits("32,5")
32.5
>>> DIGITS.search("minst " + "9" * 400 + " möten") is None
True
>>> parse_number_word("tvåhundrafemtio")
250
>>> parse_number_word("tjugofem")
25
>>> parse_number_word("ettusenfemhundra")
1500
>>> parse_number_word("sexton")
16
>>> parse_number_word("samtal") is None
True
"""
from __future__ import annotations

import datetime
from functools import lru_cache

import regex

ONES: dict[str, int] = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15,
    "sexton": 16, "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19,
}
TENS: dict[str, int] = {
    "tjugo": 20, "trettio": 30, "tretti": 30, "fyrtio": 40, "förtio": 40, "femtio": 50, "sextio": 60,
    "sjuttio": 70, "åttio": 80, "nittio": 90,
}
#: one and two are written "ett"/"en" and "två" in compounds; all others as in ONES
_UNITS_IN_TENS = {k: v for k, v in ONES.items() if v < 10}

#: digits a number may have before and after its decimal comma: more is no count or sum a
#: plan sets (a float holds 15 digits exactly), and a run of hundreds of digits must not
#: become an int too large for a float or for ``str`` (README, "Limits")
MAX_DIGITS = 15

#: digits with space, no-break space, narrow no-break space or dot as thousands separator,
#: comma as decimal sign; glued to an abbreviation's dot (``ca.40``) but not to a number's
#: (``2.1.3``); at most MAX_DIGITS of them (a longer run is no number at all)
DIGITS = regex.compile(
    r"(?<![\p{L}\d,])(?<!\d\.)(?:\d{1,3}(?:[ \u00a0\u202f]\d{3}){1,4}(?![\d]|[ \u00a0\u202f]\d{3}(?!\d))"
    r"|\d{1,3}(?:\.\d{3}){1,4}(?![\d.])|\d{1,15})(?:,\d{1,15})?(?![\p{L}\d])")
_SEPARATORS = regex.compile(r"[ \u00a0\u202f.]")


def parse_digits(text: str) -> int | float:
    """The value of a number written in digits (``5 000``, ``10.000``, ``32,5``)."""
    whole, _, frac = text.partition(",")
    whole = _SEPARATORS.sub("", whole)
    if frac:
        return float(f"{whole}.{frac}")
    return int(whole)


def iso_date(year: str, month: str | int, day: str) -> str | None:
    """``YYYY-MM-DD`` for a date the calendar has, else None (``2025-123-456``, ``123 maj
    2025``, ``2025-12-maj``): a deadline read from a plan is a real date or none at all.

    >>> iso_date("2025", 6, "30"), iso_date("2025", "123", "456"), iso_date("2025", "12", "maj")
    ('2025-06-30', None, None)
    """
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except (ValueError, OverflowError):
        return None


def _below_hundred(word: str) -> int | None:
    if word in ONES:
        return ONES[word]
    for tens, tv in TENS.items():
        if word == tens:
            return tv
        if word.startswith(tens) and (rest := word[len(tens):]) in _UNITS_IN_TENS:
            return tv + _UNITS_IN_TENS[rest]
    return None


def _below_thousand(word: str) -> int | None:
    if not word:
        return None
    head, sep, tail = word.partition("hundra")
    if not sep:
        return _below_hundred(word)
    multiplier = 1 if head in ("", "ett", "en") else _below_hundred(head)
    if multiplier is None or multiplier >= 10:
        return None
    rest = _below_hundred(tail) if tail else 0
    return None if rest is None else multiplier * 100 + rest


@lru_cache(maxsize=8192)
def parse_number_word(word: str) -> int | None:
    """The value of a Swedish number word, compounds included, or None.

    Bare "en"/"ett" are returned as 1: whether they are an article is for the caller.
    """
    word = word.lower()
    for scale_word, scale in (("miljoner", 1_000_000), ("miljon", 1_000_000), ("tusen", 1000)):
        head, sep, tail = word.partition(scale_word)
        if sep:
            multiplier = 1 if head in ("", "ett", "et", "en") else _below_thousand(head)  # "ettusen"
            rest = _below_thousand(tail) if tail else 0
            if multiplier is None or rest is None:
                return None
            return multiplier * scale + rest
    return _below_thousand(word)
