"""Plan metadata: title, issuing body, years covered, status and date.

All of it is read from the title and the front matter (the lines around the title) first.
Real plans often state the rest elsewhere, so :func:`fill` tells the plan's own facts
from those the text only mentions: a later line naming the plan when the first does not;
a year stated as the plan's period (``för 2031``) rather than one mentioned (``sedan
2019``); the date of the plan's adoption rather than of another meeting or a web page's
stamp; the body the plan speaks of as its own (``Vi i Lindby-föreningen``, ``Styrelsen
för Lindby Kör``), named in its opening or closing, rather than a partner or parent.

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

from collections import Counter
from functools import lru_cache

import regex

from ..blocks import Block, Kind
from ..lexicon import (ABOUT_WORDS, BOARD_NOUNS, BOARD_OF, BODY_NOUNS, COMMITMENT_WORDS, COMMON_OWNERS,
                       DEMONSTRATIVES, FOUNDING_VERBS, FUNCTION_WORDS, GENERIC_ACRONYMS, GOAL_YEAR_LEADS, MEETING_WORDS,
                       MONTHS, NAME_FIRST_ACRONYMS, ORG_ACRONYMS, ORG_NAMES, ORG_STEMS, OTHER_BODY_MARKERS, OWNED_NOUNS,
                       PAGE_STAMPS, PARTNER_MARKERS, PERIOD_LEADS, PLAN_NAMES, PLAN_PARTS, PLAN_WORDS, REPORT_WORDS,
                       SELF_INTROS, STATUS_WORDS, YEAR_OWNED, YEAR_PATTERN, Table)
from ..model import Plan
from .sentences import split_sentences

YEAR_RANGE = regex.compile(rf"(?<!\d)(?P<a>{YEAR_PATTERN})\s*(?:[-–—/]|och|till)\s*(?P<b>{YEAR_PATTERN}|\d\d)(?!\d)")
YEAR_ANY = regex.compile(rf"(?<![\d-]){YEAR_PATTERN}(?![\d])")

STATUS = regex.compile(r"\b(" + STATUS_WORDS.alternation() + r")\b", regex.I)

_MONTH = MONTHS.alternation()
DATE_WRITTEN = regex.compile(rf"\b(?P<d>\d{{1,2}})(?::?[ae])?\s+(?P<m>{_MONTH})\.?\s+(?P<y>{YEAR_PATTERN})\b", regex.I)
DATE_ISO = regex.compile(rf"\b(?P<y>{YEAR_PATTERN})(?P<sep>[- ])(?P<m>\d{{2}})(?P=sep)(?P<d>\d{{2}})\b")
DATE_NUMERIC = regex.compile(rf"\b(?P<d>\d{{1,2}})[./](?P<m>\d{{1,2}})(?:[./ ]\s?|\s?[-–]\s?)(?P<y>{YEAR_PATTERN})\b")
#: a date closing a line after other words (a running header ``Verksamhetsplan 2031 2031-02-10``)
TRAILING_DATE = regex.compile(r"(?<=\S)[\s,–—-]+(?:" + "|".join(
    f"(?:{p.pattern})" for p in (DATE_ISO, DATE_WRITTEN, DATE_NUMERIC)) + r")\s*$", regex.I)

#: ``för`` + up to four capitalised words in a title: the body the plan is for
TITLE_NAME = regex.compile(r"\bför\s+(?P<name>\p{Lu}[\p{L}\-/&]*+(?:\s+\p{Lu}[\p{L}\-/&]*+){0,3}+)")
#: separators between the parts of a title (``Verksamhetsplan 2031 – Lindby Kör``)
TITLE_PARTS = regex.compile(r"\s[–—-]\s|:\s|\s\|\s")
#: a name between the plan word and the year: ``Verksamhetsplan Lindby Kör 2031``
NAME_BETWEEN = regex.compile(rf"^\p{{L}}*(?i:{PLAN_WORDS.alternation()})\s+"
                             rf"(?P<name>\p{{Lu}}[\p{{L}}\-&]*+(?:\s+\p{{Lu}}[\p{{L}}\-&]*+){{1,3}}+)\s+{YEAR_PATTERN}")
#: a small word in the genitive after the name, before the noun it owns (``för Lindby kammarkörs verksamhet``)
TITLE_GENITIVE = regex.compile(r"\s+(?P<word>\p{Ll}\p{L}+s)(?=\s+\p{L})")
ORG_STEM = regex.compile(r"(?i:" + ORG_STEMS.alternation() + r")$")
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

    A small word in the genitive after it ends the name, in the nominative:

    >>> named_in_title("Inriktning för Lindby kammarkörs verksamhet")
    'Lindby kammarkör'
    """
    if not (m := TITLE_NAME.search(title)):
        return None
    if g := TITLE_GENITIVE.match(title, m.end()):
        return f"{m['name']} {g['word'][:-1]}"
    return m["name"]


def named_beside_title(title: str) -> str | None:
    """The proper name a title sets beside the plan's name, after a dash or colon
    (``Verksamhetsplan 2031 – Lindby Makerspace``) or between the plan word and the year
    (``Verksamhetsplan Lindby Makerspace 2031``); a part that is a single common word
    (``Verksamhetsplan – Medlemmar``) names no body, nor does a title of one part.

    >>> named_beside_title("Verksamhetsplan 2031 – Lindby Makerspace")
    'Lindby Makerspace'
    >>> named_beside_title("Verksamhetsplan Lindby Makerspace 2031")
    'Lindby Makerspace'
    >>> named_beside_title("Verksamhetsplan – Medlemmar"), named_beside_title("Mål och vision - 60/40")
    (None, None)
    >>> named_beside_title("Lindby Kör"), named_beside_title("VERKSAMHETS- PLAN")
    (None, None)
    """
    if m := NAME_BETWEEN.match(title):
        return m["name"]
    parts = [p.strip() for p in TITLE_PARTS.split(title)]
    if len(parts) < 2 or not any(PLAN_WORD.search(p) or YEAR_ANY.search(p) for p in parts):
        return None
    for part in parts:
        if part and not PLAN_WORD.search(part) and not YEAR_ANY.search(part) and (name := proper_name(part)) \
                and name == _trim(part):
            return name
    return None


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

    A partner, parent or funder is not the body (``i samarbete med Lindby Kommun``,
    ``ansluten till Lindby Idrottsförbund``), nor is a label before an acronym that a
    place follows (``Nyheter PRO Lindby``):

    >>> organization_in("Vi ordnar kurser i samarbete med Lindby Kommun."), organization_in("Nyheter PRO Lindby")
    (None, 'PRO Lindby')

    A board in the genitive is its body's (``Lindby Körs styrelse`` -> ``Lindby Kör``):

    >>> organization_in("Lindby Körs styrelse föreslår detta.")
    'Lindby Kör'
    """
    words = list(WORD.finditer(text))
    for k, m in enumerate(words):
        w = m.group()
        if not _is_org_word(w) or w.lower().endswith(("ens", "ets", "ernas", "arnas")):
            if compounds and _is_compound_name(w.rstrip(".:,")):
                return _nominative(w.rstrip(".:,"))
            continue
        first = k
        while first > 0 and k - first < 3 and w not in NAME_FIRST_ACRONYMS and words[first - 1].group()[:1].isupper() \
                and words[first - 1].group().lower() not in FUNCTION_WORDS \
                and text[words[first - 1].end():words[first].start()].strip() == "" \
                and not _ends_sentence(words[first - 1].group()):
            first -= 1
        if PARTNER_BEFORE.search(text[:words[first].start()]):
            continue
        last = k
        while last + 1 < len(words) and last - k < 3 and not _ends_sentence(words[last].group()):
            gap = text[words[last].end():words[last + 1].start()]
            nxt = words[last + 1].group()
            if gap.strip() or not (nxt[:1].isupper() or (nxt == "i" and last + 2 < len(words)
                                                          and words[last + 2].group()[:1].isupper())):
                break
            last += 1
        name = text[words[first].start():words[last].end()].strip(" .,:")
        if first < k and w.lower() in OWNED_NOUNS and (owner := words[k - 1].group()).endswith("s"):
            return text[words[first].start():words[k - 1].end() - (2 if owner.endswith(":s") else 1)]
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


# ------------------------------------------------------------------ the plan's own year, date and body

#: a year (or span of years) right after a word that makes it the plan's period
PERIOD_YEAR = regex.compile(rf"(?<![\p{{L}}\d])(?i:{PERIOD_LEADS.alternation()})\s+(?:år\s+)?"
                            rf"(?P<span>{YEAR_PATTERN}(?:\s*[-–—/]\s*(?:{YEAR_PATTERN}|\d\d))?)(?!\d)")
#: a year owning the plan's work: ``2031 års verksamhet``
YEAR_OWNING = regex.compile(rf"(?<!\d)(?P<span>{YEAR_PATTERN})\s+års\s+(?i:{YEAR_OWNED.alternation()})(?!\p{{L}})")
#: a year a goal is set for: ``under 2031``, ``i mars 2031``
GOAL_YEAR = regex.compile(rf"(?<![\p{{L}}])(?i:{GOAL_YEAR_LEADS.alternation()})\s+(?:(?i:{MONTHS.alternation()})\s+)?"
                          rf"(?P<span>{YEAR_PATTERN})(?!\d)")
COMMITMENT = regex.compile(rf"(?<![\p{{L}}])(?i:{COMMITMENT_WORDS.alternation()})(?!\p{{L}})")
#: a report word and the year it reports on
REPORT_YEAR = regex.compile(rf"(?<![\p{{L}}])(?i:{REPORT_WORDS.alternation()})\s+(?i:för\s+(?:år\s+)?)?{YEAR_PATTERN}"
                            rf"(?:\s*[-–/]\s*\d{{2,4}})?")
PLAN_WORD = regex.compile(rf"(?i)\p{{L}}*(?:{PLAN_WORDS.alternation()})(?!\p{{L}})")
PLAN_NAME = regex.compile(rf"(?i)\p{{L}}*(?:{PLAN_NAMES.alternation()})(?!\p{{L}})")
PLAN_PART = regex.compile(rf"(?<![\p{{L}}])(?i:{PLAN_PARTS.alternation()})(?!\p{{L}})")
MEETING = regex.compile(rf"(?<![\p{{L}}])(?i:{MEETING_WORDS.alternation()})(?!\p{{L}})")
PAGE_STAMP = regex.compile(rf"(?<![\p{{L}}])(?i:{PAGE_STAMPS.alternation()})(?!\p{{L}})")
#: a partner, parent or funder named next: ``i samarbete med``, ``ansluten till``, ``bidrag från``
PARTNER_BEFORE = regex.compile(rf"(?<![\p{{L}}])(?i:{PARTNER_MARKERS.alternation()}|{OTHER_BODY_MARKERS.alternation()})\s*$")
#: a capitalised name of up to four words (``Lindby Kör``, ``PRO i Lindby``, ``LKF``)
NAME = r"\p{Lu}[\p{L}\d\-:&/]*+(?:\s+(?:i\s+)?\p{Lu}[\p{L}\d\-&/]*+){0,3}+"
SELF_NAMED = regex.compile(rf"(?<![\p{{L}}])(?i:{SELF_INTROS.alternation()})\s+(?P<name>{NAME})")
#: the board named at the start of a line or sentence, as a signature or proposal is
BOARD_NAMED = regex.compile(rf"(?:^|(?<=[.!?:\d]\s{{1,3}}))(?i:för\s+)?(?i:{BOARD_OF.alternation()})\s+(?P<name>{NAME})")
#: ``<name> är en (öppen, ideell ...) förening``
IS_A_BODY = regex.compile(rf"^(?P<name>\p{{Lu}}[^.,:;!?()]{{1,60}}?)\s+är\s+(?:ju\s+)?(?:en|ett)\s+"
                          rf"(?:[\p{{L}}\-]+,?\s+){{0,3}}?\p{{L}}*(?i:{BODY_NOUNS.alternation()})(?!\p{{L}})")
#: ``<name> bildades 2005``
IS_FOUNDED = regex.compile(rf"^(?P<name>\p{{Lu}}[^.,:;!?()]{{1,60}}?)\s+(?i:{FOUNDING_VERBS.alternation()})(?!\p{{L}})")
#: ``Lindby Byalag (LB)``: a name and the abbreviation it is given
DEFINED_ABBREVIATION = regex.compile(r"\((?P<abbr>\p{Lu}[\p{L}]{0,6})\)")
ACRONYM = regex.compile(r"(?<![\p{L}\d])\p{Lu}{2,6}(?![\p{L}\d])")
#: the steps of a breadcrumb trail: ``Hem > Om oss > Plan``; spaced slashes count from two on
CRUMB = regex.compile(r"\s[>»›]\s")
SLASH_CRUMB = regex.compile(r"\s/\s")
#: a plan-title phrase inside a longer line: ``Verksamhetsplan 2031 för Lindby Kör``
TITLE_IN_LINE = regex.compile(rf"(?P<title>\p{{Lu}}\p{{Ll}}*(?i:{PLAN_WORDS.alternation()})\s+{YEAR_PATTERN}"
                              rf"(?:\s*[-–/]\s*\d{{2,4}})?(?:\s+för\s+{NAME})?)")

#: blocks at the start of the body where a plan names its years or its body when its title does not
OPENING_BLOCKS = 8
#: blocks at the start where a title naming the plan may stand after a line that does not
TITLE_SEARCH_BLOCKS = 8
#: a line of at most this many words may be a title, or a closing line naming the plan
SHORT_LINE_WORDS = 10
#: the body's paragraphs whose first sentences may say how the plan was adopted
OPENING_PARAGRAPHS = 2
#: blocks at the start of the body where a plan names its body in prose or headings
ORG_OPENING_BLOCKS = 12
#: the first blocks, where a line that is only a name names the body
NAME_LINE_BLOCKS = 3
#: a line that is only a name has at most this many words
NAME_LINE_WORDS = 5
#: the last blocks, where a plan sums up or signs off naming its body
CLOSING_BLOCKS = 3
#: a closing line of at most this many words may date the document
CLOSING_DATE_WORDS = 20
#: a front or closing line of at most this many words may state the status or date
#: without naming the plan
META_LINE_WORDS = 6
#: an acronym the text uses this often, when nothing else names the body, is the body
MIN_ACRONYM_USES = 3


def fill(plan: Plan, title_line: str, front: list[Block], body: list[Block], blocks: list[Block]) -> None:
    """Title (when a later line names the plan and the first line does not), years, status,
    date and organisation of ``plan``; ``title_line`` is the title's whole line, which may
    close with the document's date."""
    header = ""
    displaced: list[Block] = []  # the line taken for the title before: it may name the body (``Lindby Makerspace``)
    plan.title = last_crumb(plan.title)
    if found := later_title(plan.title, blocks):
        displaced = [Block(plan.title, Kind.HEADING)] if plan.title else []
        plan.title, header = found
        title_line = plan.title
    head = [plan.title or ""] + [b.text for b in front]
    plan.years = plan_years(plan.title, front, body, blocks)
    opening = opening_sentences(body)
    plan.status = (status_of([t for t in head if _states_status(t)])
                   or status_of([s for s in opening if _about_the_document(s)]))
    tail = [b.text for b in blocks[-CLOSING_BLOCKS:] if b.kind is not Kind.LIST_ITEM
            and len(b.text.split()) <= CLOSING_DATE_WORDS and _dates_the_document(b.text)]
    plan.date = (own_date([b.text for b in front if _dates_the_document(b.text)] + [title_line, header])
                 or own_date([s for s in opening if MEETING.search(s) and PLAN_WORD.search(s)]) or own_date(tail))
    plan.organization = organization(plan.title, displaced + front, body, blocks)


def last_crumb(title: str | None) -> str | None:
    """A title taken from a web page's breadcrumb trail (``Hem > Om oss > Verksamhetsplan
    2031``) is its last step: the page the plan is on.

    >>> last_crumb("Hem > Om oss > Verksamhetsplan 2031"), last_crumb("Start / Föreningen / Plan 2031")
    ('Verksamhetsplan 2031', 'Plan 2031')
    >>> last_crumb("Verksamhetsplan 2031 / 32"), last_crumb(None)
    ('Verksamhetsplan 2031 / 32', None)
    """
    if title is None:
        return None
    steps = CRUMB.split(title)
    if len(steps) == 1 and len(slashed := SLASH_CRUMB.split(title)) > 2:
        steps = slashed
    return steps[-1].strip() or title


def later_title(title: str | None, blocks: list[Block]) -> tuple[str, str] | None:
    """(title, the header text before it) when the first lines do not name the plan but a
    line soon after does: a short line with a plan word (``Styrelsens arbetsplan:``) when
    no title was found, with the name of a plan document and a year (perhaps on the next
    line) when the title names no plan (``Kongressen 2031`` above ``Verksamhetsplan
    2031``, not ``Budgetplan 2031``), or a plan title inside a flattened header line.

    >>> b = lambda t: Block(t, Kind.PARAGRAPH)
    >>> later_title(None, [b("Året började med ett nytt kansli."), b("Styrelsens arbetsplan:"), b("Text.")])
    ('Styrelsens arbetsplan', '')
    >>> later_title("Kongressen 2031", [b("Kongressen 2031"), b("Handlingar"), b("Verksamhetsplan 2031")])
    ('Verksamhetsplan 2031', '')
    >>> later_title("Tema hösten 2031", [b("Tema hösten 2031"), b("Mål till arbetsplan"), b("2031/2032")])
    ('Mål till arbetsplan 2031/2032', '')
    >>> later_title(None, [b("Lindbyskolan Dnr 12 2031-02-03 Till nämnden Verksamhetsplan 2031 för Lindbyskolan "
    ...                      "Lindbyskolan 08")])
    ('Verksamhetsplan 2031 för Lindbyskolan', 'Lindbyskolan Dnr 12 2031-02-03 Till nämnden ')
    >>> later_title("Verksamhetsplan 2031", [b("Verksamhetsplan 2031"), b("Budgetplan 2031")]) is None
    True
    >>> later_title("Mål och aktiviteter 2031", [b("Mål och aktiviteter 2031"), b("Budgetplan 2031")]) is None
    True
    """
    if title is not None and PLAN_WORD.search(title):
        return None
    for i, b in enumerate(blocks[:TITLE_SEARCH_BLOCKS]):
        text = b.text.strip()
        if b.kind is Kind.LIST_ITEM or text == title or not text:
            continue
        if len(text.split()) <= SHORT_LINE_WORDS and PLAN_WORD.search(text) and not is_sentence(text):
            text = text.rstrip(":").strip()
            nxt = blocks[i + 1].text.strip() if i + 1 < len(blocks) else ""
            if not YEAR_ANY.search(text) and regex.fullmatch(rf"{YEAR_PATTERN}(?:\s*[-–/]\s*\d{{2,4}})?", nxt):
                text = f"{text} {nxt}"
            if title is None or YEAR_ANY.search(text) and PLAN_NAME.search(text):
                return text, ""
        elif title is None and i == 0 and (m := TITLE_IN_LINE.search(text)):
            return _without_repeat(m["title"]), text[:m.start()]
    return None


def _without_repeat(title: str) -> str:
    """A title without the name a flattened header repeats after it.

    >>> _without_repeat("Plan 2031 för Lindby Skola Lindby Skola")
    'Plan 2031 för Lindby Skola'
    """
    words = title.split()
    for n in range(1, len(words) // 2 + 1):
        if words[-n:] == words[-2 * n:-n]:
            return " ".join(words[:-n])
    return title


def is_sentence(text: str) -> bool:
    """A line that ends with a full stop after five words or more is a sentence, no title.

    >>> is_sentence("Under 2031 ser vi över alla stadgar."), is_sentence("Verksamhetsplan 2031")
    (True, False)
    """
    return text.rstrip().endswith(".") and len(text.split()) >= 5


def plan_years(title: str | None, front: list[Block], body: list[Block], blocks: list[Block]) -> list[int]:
    """The years the plan covers: those its title names (not a report's year bundled with
    it, not an event's in a sentence taken as title), else its front matter's, else a
    year stated as the plan's period (``för 2031``, ``verksamhetsåret 2031``, ``2031 års
    verksamhet``) in the opening or on a short line anywhere (``Klubbens verksamhetsplan
    2031`` closing it), else the first year the opening goal items or commitments are set in (``Att under
    2031 ...``, ``Under 2031 ska vi ...``). A year only mentioned (``sedan 2019``,
    ``Statistik 2030``, ``Under 2030 reviderade vi stadgarna.``) gives none.

    >>> b = lambda t: Block(t, Kind.PARAGRAPH)
    >>> plan_years("Årsberättelse 2030 och verksamhetsplan", [], [b("Vi har gjort en plan för 2031.")], [])
    [2031]
    >>> plan_years("Vision", [], [b("Klubben har vuxit sedan 2019."), b("Statistik 2030")], [])
    []
    >>> plan_years("Vision", [], [b("Styrelsen lägger fram 2031 års verksamhet.")], [])
    [2031]
    >>> plan_years("Vision", [], [b("Läs verksamhetsberättelsen för 2030 på hemsidan.")], [])
    []
    >>> plan_years("Vision", [], [], [b("Text om allt."), b("Lindby Körs verksamhetsplan 2031")])
    [2031]
    >>> plan_years("Mål", [], [Block("Att i maj 2031 ha 40 medlemmar", Kind.LIST_ITEM, 0)], [])
    [2031]
    >>> plan_years("Mål", [], [b("Under 2030 reviderade vi stadgarna. Under 2031 ska vi växa.")], [])
    [2031]
    """
    if title and not is_sentence(title) and (years := years_of(REPORT_YEAR.sub(" ", title))):
        return years
    if years := years_of(" ".join(b.text for b in front)):
        return years
    opening = [b.text for b in front + body[:OPENING_BLOCKS]]
    short = [b.text for b in blocks if len(b.text.split()) <= SHORT_LINE_WORDS]
    for text in (REPORT_YEAR.sub(" ", t) for t in opening + short):
        if m := PERIOD_YEAR.search(text) or YEAR_OWNING.search(text):
            return years_of(m["span"])
    for b in body[:OPENING_BLOCKS]:
        sentences = [b.text] if b.kind is Kind.LIST_ITEM else split_sentences(b.text)
        for sentence in sentences:
            if (m := GOAL_YEAR.search(sentence)) and (b.kind is Kind.LIST_ITEM or COMMITMENT.search(sentence)):
                return years_of(m["span"])
    return []


def opening_sentences(body: list[Block]) -> list[str]:
    """The first sentence of each of the body's first paragraphs, where a plan says how
    it was adopted when its title does not (``Planen fastställdes av årsmötet ...``)."""
    paragraphs = [b.text for b in body[:OPENING_BLOCKS] if b.kind is Kind.PARAGRAPH][:OPENING_PARAGRAPHS]
    return [split_sentences(text)[0] for text in paragraphs if text.strip()]


def _about_the_document(sentence: str) -> bool:
    """Does a sentence speak of the plan, its parts or the meeting that adopts it? Only
    then do its status words give the plan's status (``Planen antogs av årsmötet``,
    ``Årsmötet antog en ny vision med mål``), unlike a decision the plan reports
    (``Styrelsen har beslutat att satsa på unga``).

    >>> _about_the_document("Planen antogs av årsmötet.")
    True
    >>> _about_the_document("Styrelsen har beslutat att satsa på unga.")
    False
    >>> _about_the_document("Årsmötet antog en ny vision med mål.")
    True
    """
    return bool(PLAN_WORD.search(sentence) or MEETING.search(sentence) or PLAN_PART.search(sentence))


def _states_status(line: str) -> bool:
    """Can a line of the front matter give the plan's status? A short line can
    (``Förslag``, ``Antagen av årsmötet 2031-03-01``); a sentence only when it speaks of
    the plan or a meeting.

    >>> _states_status("Beslutad 2031-02-01"), _states_status("Styrelsen har beslutat att satsa på unga ledare.")
    (True, False)
    """
    return len(line.split()) <= META_LINE_WORDS or _about_the_document(line)


def _dates_the_document(line: str) -> bool:
    """Can a line of the front matter or the closing give the document's date? A short line can
    (``Lindby 2031-02-03``), a longer one when it says how the plan came about
    (``Fastställd vid årsmötet den 10 mars 2031``), not a sentence about another event.

    >>> _dates_the_document("Lindby 2031-02-03"), _dates_the_document("Fastställd vid årsmötet den 10 mars 2031")
    (True, True)
    >>> _dates_the_document("Vid årsmötet den 3 mars 2030 valdes en ny styrelse.")
    False
    """
    return len(line.split()) <= META_LINE_WORDS or bool(PLAN_WORD.search(line) or STATUS.search(line))


def own_date(texts: list[str]) -> str | None:
    """The first date of the texts that is the document's: a web page's stamp
    (``Sidan senast granskad 3 maj 2031``) dates the page, not the plan.

    >>> own_date(["Sidan senast granskad den 3 maj 2031"]), own_date(["Lindby den 3/5 - 2031"])
    (None, '2031-05-03')
    """
    return date_of([t for t in texts if not PAGE_STAMP.search(t)])


def organization(title: str | None, front: list[Block], body: list[Block], blocks: list[Block]) -> str | None:
    """The issuing body, from the strongest sign to the weakest: named in the front matter
    or the title (``Plan för Lindby Kör``, ``Verksamhetsplan 2031 – Lindby Kör``); spoken
    of as the plan's own (``Vi i Lindby-föreningen``, ``Styrelsen för Lindby Kör``); named
    in the opening prose or a heading about it (``Om Lindby Kör``), said to be a body
    (``Lindby odlare är en förening``) or given an abbreviation (``Lindby Byalag (LB)``);
    owning a vision or plan on a heading, a short line or in the closing (``Lindby
    scoutkårs vision``); a one-word name (``Friluftsfrämjandet``); the acronym the plan
    keeps using (``LKF``); a line of the opening that is only a proper name (``Lindby
    Makerspace``); and last a proper name of two words or more opening a sentence or after
    ``för`` in the closing, the last block first (``ett fint år för Lindby Makerspace``),
    or else in the opening prose."""
    start = body[:ORG_OPENING_BLOCKS]
    opening = [b for b in start if b.kind is Kind.PARAGRAPH or (b.is_heading and is_about_heading(b.text))]
    for text in [b.text for b in front] + [title or ""]:
        if org := organization_in(text):
            return org
    if org := named_in_title(title or "") or named_beside_title(title or "") or genitive_owner(title or ""):
        return org
    texts = [b.text for b in blocks]
    if org := next(filter(None, map(self_named, texts)), None):
        return org
    for b in opening:
        if org := organization_in(b.text):
            return org
    for b in opening:
        for sentence in split_sentences(b.text):
            if org := said_to_be_a_body(sentence) or defined_name(sentence):
                return org
    closing = [b for b in blocks[-CLOSING_BLOCKS:] if b.kind is not Kind.LIST_ITEM]
    lines = [b.text for b in start if b.kind is not Kind.LIST_ITEM]
    lines += [s for b in closing for s in split_sentences(b.text)]
    if org := next(filter(None, map(genitive_owner, lines)), None):
        return org
    headings = [b for b in start if b.is_heading and b not in opening]
    for b in opening + headings:
        if org := organization_in(b.text, compounds=True):
            return org
    if org := most_used_acronym(texts):
        return org
    if org := next(filter(None, (name_line(b.text) for b in front + body[:NAME_LINE_BLOCKS]
                                 if b.kind is not Kind.LIST_ITEM)), None):
        return org
    prose = [*reversed(closing), *opening]
    return next(filter(None, (prose_name(s) for b in prose for s in split_sentences(b.text))), None)


def is_about_heading(text: str) -> bool:
    """Does the line open as a heading about its topic does (``Om Lindby Kör``)? It names
    the body but heads the text about it: a section, not front matter.

    >>> is_about_heading("Om Lindby Kör"), is_about_heading("Lindby Kör")
    (True, False)
    """
    words = text.split()
    return len(words) > 1 and words[0].lower() in ABOUT_WORDS


def _looks_like_a_body(name: str) -> bool:
    """A name that can only be a body's: it has an acronym (``LKF``, ``StFF``), a word
    for a body (``Lindby-föreningen``, ``Lindby scoutkår``) or is a party's or national
    body's name; a place (``Lindby``) is not one.

    >>> [_looks_like_a_body(n) for n in ("LKF", "StFF", "Lindby-föreningen", "Lindby scoutkår", "Lindby")]
    [True, True, True, True, False]
    """
    words = name.split()
    return any(_is_acronym(w) or _is_compound_name(w) or _is_org_word(w) and len(words) > 1 for w in words)


def _is_acronym(word: str) -> bool:
    """An acronym of two or more capitals, perhaps with small letters (``LKF``, ``StFF``).

    >>> [_is_acronym(w) for w in ("LKF", "StFF", "Lindby", "S")]
    [True, True, False, False]
    """
    return sum(c.isupper() for c in word) >= 2 and word[:1].isupper() and len(word) <= 8 and word.isalpha()


def self_named(text: str) -> str | None:
    """The body a plan speaks of as its own: ``Vi i X``, ``Vi inom X`` (X looking like a
    body), the board of X opening a line or sentence (``Styrelsen för X``, any name), as
    a signature or a proposal does, or X's board in the genitive (``X:s styrelse``); a
    seat in another body's board is no sign.

    >>> self_named("Vi inom LKF vill bli fler."), self_named("Vi i Lindby vill bli fler.")
    ('LKF', None)
    >>> self_named("Lindby i maj 2031. Styrelsen för Lindby Kammarkör")
    'Lindby Kammarkör'
    >>> self_named("Lindby 2031-02-03 För styrelsen i Lindby Kammarkör"), self_named("LKF:s styrelse föreslår")
    ('Lindby Kammarkör', 'LKF')
    >>> self_named("Vi har en plats i styrelsen för Lindby Idrottsallians.") is None
    True
    """
    for m in SELF_NAMED.finditer(text):
        if _looks_like_a_body(name := _trim(m["name"])):
            return name
    for m in BOARD_NAMED.finditer(text):
        name = _trim(m["name"])
        if name.split()[0].lower() not in FUNCTION_WORDS and name.lower() not in MONTHS:
            return name
    return genitive_owner(text, BOARD_NOUNS)


def _trim(name: str) -> str:
    return name.strip(" .,:;")


def said_to_be_a_body(sentence: str) -> str | None:
    """The subject of a sentence saying it is a body (``Lindby gårds odlare är en öppen
    förening``) or telling its founding (``Lindby Bowlingallians bildades 2005``), when
    it is a name, not a pronoun or a bare ``Föreningen``.

    >>> said_to_be_a_body("Lindby gårds odlare är en öppen och glad förening för alla.")
    'Lindby gårds odlare'
    >>> said_to_be_a_body("Lindby Bowlingallians bildades som förening 2005.")
    'Lindby Bowlingallians'
    >>> said_to_be_a_body("Föreningen är en ideell förening."), said_to_be_a_body("Det är en klubb.")
    (None, None)
    """
    if not (m := IS_A_BODY.match(sentence) or IS_FOUNDED.match(sentence)):
        return None
    name = m["name"].strip()
    words = name.split()
    if len(words) > 5 or words[0].lower() in FUNCTION_WORDS or words[0].lower() in DEMONSTRATIVES:
        return None
    return name if len(words) > 1 or _is_compound_name(name) or _is_acronym(name) else None


def defined_name(sentence: str) -> str | None:
    """The name a text gives an abbreviation of its initials: ``Lindby Byalag (LB)``.

    >>> defined_name("Lindby Byalag (LB) samlar byarna."), defined_name("Vi har fått stöd (SB).")
    ('Lindby Byalag', None)
    """
    for m in DEFINED_ABBREVIATION.finditer(sentence):
        initials = [c for c in m["abbr"] if c.isupper()]
        words = sentence[:m.start()].split()[-len(initials):]
        if len(words) == len(initials) and words[0][:1].isupper() \
                and all(w[:1].lower() == c.lower() for w, c in zip(words, initials)):
            return " ".join(words)
    return None


def genitive_owner(line: str, owned: Table = OWNED_NOUNS) -> str | None:
    """The body a heading or short line gives a vision, plan or board (an ``owned`` noun)
    in the genitive (``Lindby scoutkårs vision``, ``Lindbykörernas verksamhetsplan 2031``,
    ``LKF:s styrelse``), in the form it is called by; a generic owner (``Föreningens``,
    ``Årets``) names none.

    >>> genitive_owner("Lindby scoutkårs vision"), genitive_owner("LKF:s styrelse föreslår")
    ('Lindby scoutkår', 'LKF')
    >>> genitive_owner("Länsorkestrarnas verksamhetsplan 2031"), genitive_owner("Föreningens vision")
    ('Länsorkestrarna', None)
    >>> genitive_owner("Lindby Makerspaces verksamhetsplan 2031"), genitive_owner("Medlemmarnas mål")
    ('Lindby Makerspace', None)
    """
    words = list(WORD.finditer(line))
    for k, m in enumerate(words[1:], start=1):
        if m.group().lower() not in owned:
            continue
        owner = words[k - 1].group()
        bare = owner[:-2] if owner.endswith(":s") else owner[:-1] if owner.endswith("s") else None
        if bare is None:
            continue
        if owner[:1].isupper():
            first = k - 1
            while first > 0 and k - 1 - first < 3 and _is_name_word(words[first - 1].group()) \
                    and line[words[first - 1].end():words[first].start()].strip() == "":
                first -= 1
            if first < k - 1:
                return f"{line[words[first].start():words[k - 2].end()]} {bare}"
            if _is_acronym(bare) or bare.lower() in ORG_NAMES or _is_compound_name(bare) \
                    or regex.search(r"(?:arna|erna|orna)$", bare) and bare.lower() not in COMMON_OWNERS:
                return bare
        elif k >= 2 and ORG_STEM.search(bare) and (place := words[k - 2].group())[:1].isupper() \
                and place.lower() not in FUNCTION_WORDS:
            return f"{place} {bare}"
    return None


def most_used_acronym(texts: list[str]) -> str | None:
    """The acronym the plan's prose uses most, at least ``MIN_ACRONYM_USES`` times: with
    nothing else naming the body, the body it keeps naming (ALL-CAPS headings do not count).

    >>> most_used_acronym(["LKF vill växa.", "Alla i LKF hjälps åt.", "LKF-dagen blir kul.", "SYFTE"])
    'LKF'
    """
    counts = Counter(a.group() for t in texts if not t.isupper() for a in ACRONYM.finditer(t)
                     if a.group() not in GENERIC_ACRONYMS)
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] >= MIN_ACRONYM_USES else None


def name_line(text: str) -> str | None:
    """A line that is only a proper name of two words or more (``Lindby Makerspace``),
    not the plan's own name (``Verksamhetsplan Lindby``), a line with a year nor a web
    page's stamps (``Uppdaterad Publicerad``).

    >>> name_line("Lindby Makerspace"), name_line("Verksamhetsplan Lindby"), name_line("Vi ses i Lindby")
    ('Lindby Makerspace', None, None)
    >>> name_line("Uppdaterad Publicerad") is None
    True
    """
    text = _trim(text)
    if PLAN_WORD.search(text) or YEAR_ANY.search(text) or PAGE_STAMP.search(text) \
            or len(text.split()) > NAME_LINE_WORDS:
        return None
    return text if proper_name(text) == text else None


def proper_name(sentence: str) -> str | None:
    """The first name of two or more capitalised words in a sentence (``Ett fint år för
    Lindby Makerspace.``), the sentence's first word included only when the next one is
    capitalised too; months, function words, labels (``Ansvarig:``) and partners
    (``tillsammans med Lindby Kommun``) are none.

    >>> proper_name("Det blir ett fint år för Lindby Makerspace."), proper_name("Lindby Makerspace växer.")
    ('Lindby Makerspace', 'Lindby Makerspace')
    >>> proper_name("Vi ses i Maj."), proper_name("Vi ordnar det tillsammans med Lindby Kommun.")
    (None, None)
    >>> proper_name("Ansvarig: Lindby Kör")
    'Lindby Kör'
    """
    return next((sentence[a:b] for a, b in _name_spans(sentence)), None)


def prose_name(sentence: str) -> str | None:
    """A proper name a sentence opens with (``Lindby Makerspace växer``) or is about the
    year for (``ett fint år för Lindby Makerspace``): the body a plan sums up; a name
    elsewhere in it is someone or something the body deals with.

    >>> prose_name("Det blir ett fint år för Lindby Makerspace."), prose_name("Vi följer Jesus Kristus.")
    ('Lindby Makerspace', None)
    """
    for start, end in _name_spans(sentence):
        before = sentence[:start].split()
        if not before or before[-1].lower() == "för":
            return sentence[start:end]
    return None


def _name_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the names of two or more capitalised words stand in a sentence."""
    words = list(WORD.finditer(sentence))
    spans = []
    k = 0
    while k < len(words):
        run = k
        while run < len(words) and _is_name_word(words[run].group()) \
                and (run == k or sentence[words[run - 1].end():words[run].start()].strip() == ""):
            run += 1
        if run - k >= 2 and not PARTNER_BEFORE.search(sentence[:words[k].start()]):
            name = _trim(sentence[words[k].start():words[run - 1].end()])
            spans.append((words[k].start(), words[k].start() + len(name)))
        k = max(run, k + 1)
    return spans


def _is_name_word(word: str) -> bool:
    """A capitalised word that may be part of a name: no function word, month or label.

    >>> [_is_name_word(w) for w in ("Lindby", "Maj", "Ansvarig:", "Vi", "kör")]
    [True, False, False, False, False]
    """
    bare = word.rstrip(".,")
    return bare[:1].isupper() and not bare.endswith(":") and bare.lower() not in FUNCTION_WORDS \
        and bare.lower() not in MONTHS
