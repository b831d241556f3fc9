"""Plan metadata: title, issuing body, years covered, status and date.

All of it is read from the front matter (the lines before the first section) first, and
the organisation also from the opening prose, where plans often name themselves.

>>> years_of("Verksamhetsplan 2024–2025")
[2024, 2025]
>>> years_of("Verksamhetsplan för 2023/24")
[2023, 2024]
>>> status_of(["Verksamhetsplan 2024, förslag"])
'draft'
>>> date_of(["Antagen på årsmötet den 10 mars 2024"])
'2024-03-10'
>>> date_of(["Lindby 2024 03 10"])
'2024-03-10'
>>> organization_in("Socialdemokraterna i Lindby gick starkt framåt i valet.")
'Socialdemokraterna i Lindby'
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..lexicon import FUNCTION_WORDS, MONTHS, ORG_ACRONYMS, ORG_NAMES, ORG_STEMS, STATUS_WORDS, YEAR_PATTERN

YEAR_RANGE = regex.compile(rf"(?<!\d)(?P<a>{YEAR_PATTERN})\s*(?:[-–—/]|och|till)\s*(?P<b>{YEAR_PATTERN}|\d\d)(?!\d)")
YEAR_ANY = regex.compile(rf"(?<![\d-]){YEAR_PATTERN}(?![\d])")

STATUS = regex.compile(r"\b(" + "|".join(sorted(STATUS_WORDS, key=len, reverse=True)) + r")\b", regex.I)

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_WRITTEN = regex.compile(rf"\b(?P<d>\d{{1,2}})(?::?[ae])?\s+(?P<m>{_MONTH})\.?\s+(?P<y>{YEAR_PATTERN})\b", regex.I)
DATE_ISO = regex.compile(rf"\b(?P<y>{YEAR_PATTERN})(?P<sep>[- ])(?P<m>\d{{2}})(?P=sep)(?P<d>\d{{2}})\b")
DATE_NUMERIC = regex.compile(rf"\b(?P<d>\d{{1,2}})[./](?P<m>\d{{1,2}})[./ ]\s?(?P<y>{YEAR_PATTERN})\b")
#: a date closing a line after other words (a running header ``Verksamhetsplan 2031 2031-02-10``)
TRAILING_DATE = regex.compile(r"(?<=\S)[\s,–—-]+(?:" + "|".join(
    f"(?:{p.pattern})" for p in (DATE_ISO, DATE_WRITTEN, DATE_NUMERIC)) + r")\s*$", regex.I)

#: ``för`` + up to four capitalised words in a title: the body the plan is for
TITLE_NAME = regex.compile(r"\bför\s+(?P<name>\p{Lu}[\p{L}\-/&]*+(?:\s+\p{Lu}[\p{L}\-/&]*+){0,3}+)")
ORG_STEM = regex.compile(r"(?i:" + "|".join(sorted(ORG_STEMS, key=len, reverse=True)) + r")$")
WORD = regex.compile(r"[\p{L}][\p{L}\d\-:&.]*")


def years_of(text: str) -> list[int]:
    """Years a title says the plan covers (``2024``, ``2024–2025``, ``2023/24``)."""
    if m := YEAR_RANGE.search(text):
        a = int(m["a"])
        b = int(m["b"]) if len(m["b"]) == 4 else a // 100 * 100 + int(m["b"])
        if a < b <= a + 5:
            return list(range(a, b + 1))
    if m := YEAR_ANY.search(text):
        return [int(m.group())]
    return []


def status_of(texts: list[str]) -> str | None:
    for text in texts:
        if m := STATUS.search(text):
            return STATUS_WORDS[m.group(1).lower()]
    return None


def date_of(texts: list[str]) -> str | None:
    """The first full date the texts state, as an ISO date."""
    for text in texts:
        for pattern in (DATE_ISO, DATE_WRITTEN, DATE_NUMERIC):
            if m := pattern.search(text):
                month = m["m"].lower()
                month_no = MONTHS[month] if month in MONTHS else int(month)
                day = int(m["d"])
                if 1 <= month_no <= 12 and 1 <= day <= 31:
                    return f"{m['y']}-{month_no:02d}-{day:02d}"
    return None


@lru_cache(maxsize=4096)  # asked of every word of the opening texts, often twice
def _is_org_word(word: str) -> bool:
    bare = word.rstrip(".:,")
    return bare in ORG_ACRONYMS and len(bare) > 1 or bool(ORG_STEM.search(bare))


def named_in_title(title: str) -> str | None:
    """The capitalised name a title gives after ``för`` (``Verksamhetsplan för Lindby
    Kammarkör 2031`` -> ``Lindby Kammarkör``), or None.

    >>> named_in_title("Verksamhetsplan för Lindby Kammarkör 2031"), named_in_title("Plan för året 2031")
    ('Lindby Kammarkör', None)
    """
    m = TITLE_NAME.search(title)
    return m["name"] if m else None


def _ends_sentence(word: str) -> bool:
    """A word with a full stop ends a sentence unless it is an abbreviation (``S.K.``,
    ``Förb.``); a label's colon ends a name too (``Adress:``).

    >>> [_ends_sentence(w) for w in ("klubb.", "Lindby.", "Förb.", "S.K.", "Adress:", "Lindby")]
    [True, True, False, False, True, False]
    """
    stem = word[:-1]
    return word.endswith(":") or word.endswith(".") and (word[:1].islower() or (len(stem) >= 5 and "." not in stem))


def _nominative(name: str) -> str:
    """A one-word name as its body is called, not in the genitive it may stand in.

    >>> _nominative("Seglarklubbens"), _nominative("Miljöpartiets"), _nominative("Lindbys")
    ('Seglarklubben', 'Miljöpartiet', 'Lindbys')
    """
    return name[:-1] if name.endswith("s") and _is_compound_name(name[:-1]) else name


@lru_cache(maxsize=4096)
def _is_compound_name(word: str) -> bool:
    """A capitalised compound that ends in a word for a body, possibly in the genitive,
    names one by itself (``Friluftsfrämjandet``, ``Seglarklubbens``, ``Lindby-föreningen``);
    the bare word (``Föreningen``, ``Styrelsen``) does not.

    >>> [_is_compound_name(w) for w in ("Seglarklubbens", "Föreningen", "seglarklubben", "Lindby-föreningen")]
    [True, False, False, True]
    >>> _is_compound_name("Miljöpartiet"), _is_compound_name("Miljöpartiets")
    (True, True)
    """
    if not word[:1].isupper() or word.isupper():
        return False
    for bare in (word, word[:-1] if word.endswith("s") else word):
        if bare.lower() in ORG_NAMES or (m := ORG_STEM.search(bare)) and len(bare) - len(m.group()) >= 3:
            return True
    return False


def organization_in(text: str, compounds: bool = False) -> str | None:
    """The first name of an issuing body in ``text`` (``Lindby Arbetarekommun``,
    ``Socialdemokraterna i Lindby``, ``PRO Lindby``), or None; with ``compounds``, also a
    name of one word (``Friluftsfrämjandet``), a weaker sign tried only after the others.

    >>> organization_in("Vi träffas i klubben. Målet är fler medlemmar.") is None
    True
    >>> organization_in("Hela Friluftsfrämjandet deltar."), organization_in("Hela Friluftsfrämjandet deltar.", True)
    (None, 'Friluftsfrämjandet')
    """
    words = list(WORD.finditer(text))
    for k, m in enumerate(words):
        w = m.group()
        if not _is_org_word(w) or w.lower().endswith(("ens", "ets", "ernas", "arnas")):
            if compounds and _is_compound_name(w.rstrip(".:,")):
                return _nominative(w.rstrip(".:,"))
            continue
        first = k
        while first > 0 and k - first < 3 and words[first - 1].group()[:1].isupper() \
                and words[first - 1].group().lower() not in FUNCTION_WORDS \
                and text[words[first - 1].end():words[first].start()].strip() == "" \
                and not _ends_sentence(words[first - 1].group()):
            first -= 1
        last = k
        while last + 1 < len(words) and last - k < 3 and not _ends_sentence(words[last].group()):
            gap = text[words[last].end():words[last + 1].start()]
            nxt = words[last + 1].group()
            if gap.strip() or not (nxt[:1].isupper() or (nxt == "i" and last + 2 < len(words)
                                                          and words[last + 2].group()[:1].isupper())):
                break
            last += 1
        name = text[words[first].start():words[last].end()].strip(" .,:")
        proper = [x for x in words[first:last + 1] if x.group()[:1].isupper()]
        if last > first and (len(proper) >= 2 or first < k or last > k):
            return name
        if compounds and _is_compound_name(w.rstrip(".:,")):
            return _nominative(w.rstrip(".:,"))
    return None


def without_trailing_date(title: str) -> str:
    """A title without the date a header line sets after it: the date is the document's,
    not part of its name.

    >>> without_trailing_date("Verksamhetsplan 2031 2031-02-10")
    'Verksamhetsplan 2031'
    >>> without_trailing_date("Arbetsplan 2031 – 3 mars 2031"), without_trailing_date("2031-02-10")
    ('Arbetsplan 2031', '2031-02-10')
    """
    return TRAILING_DATE.sub("", title)
