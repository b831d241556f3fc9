"""Find the numeric targets in a goal's text and normalize them (SPEC: Target).

Each number in the text is a candidate. Its left context gives the comparator, a change
verb or a verb of reaching; its right context the quantity, the counted noun, a rate, a
baseline in parentheses and a deadline; its clause tells a goal from a report of the past.
Candidates that are dates, ages, identifiers or narrative are dropped.

>>> [t.describe() for t in extract_targets("Ordna minst 6 möten för ledare")]
['>= 6 möte']
>>> [t.describe() for t in extract_targets("Genomföra minst fyra större insamlingskampanjer")]
['>= 4 insamlingskampanj']
>>> [t.describe() for t in extract_targets("Vi består idag av 103 medlemmar")]
[]
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..model import Baseline, Target
from .. import lexicon as lx
from .numbers import iso_date, parse_digits, parse_number_word
from .tokens import Token, annotate, blocked_spans, inside, tokenize
from .units import looks_like_modifier, noun_lemma

CLAUSE_END = frozenset({".", ";", ":", "!", "?", "(", ")"})
SENTENCE_END = frozenset({".", "!", "?"})
DASHES = frozenset({"-", "–", "—"})
DETERMINERS = frozenset({"de", "dessa", "alla", "båda", "bägge", "våra", "sina", "deras", "dess", "dom",
                         "första", "andra", "tredje", "vart", "var", "varje", "vilka", "någon", "några"})
EXAMPLE_MARKERS = frozenset({"t.ex.", "exempelvis", "såsom", "bl.a.", "exempel"})
PERIOD_INTRO_ANY = frozenset({"per", "varje", "/", "var", "vart", "varannan", "vartannat", "var:e"})
PERIOD_INTRO_DEFINITE = frozenset({"i", "om"})
DEADLINE_INTRO = ("senast", "före", "innan", "till och med", "t.o.m.", "fram till", "inför", "till", "by",
                  "vid utgången av", "i slutet av", "senast den", "före den", "innan den")
SUPINE = regex.compile(r"\p{L}{2,}(?:ats|its|tts|at|it|tt|ts)$")
WEAK_PAST = regex.compile(r"\p{L}{2,}(?:ade|de|te)$")
PAST_PASSIVE = regex.compile(r"\p{L}{3,}(?:ades|des|tes)$")
#: the vague-quantity phrases by their first word, so most tokens are not tried against any
APPROX_BY_FIRST_WORD: dict[str, list[tuple[str, tuple[float, str]]]] = {}
for _phrase, _meaning in lx.APPROX_PHRASES.items():
    APPROX_BY_FIRST_WORD.setdefault(_phrase.split()[0], []).append((_phrase, _meaning))
MAX_CONTEXT = 80  # tokens each way that can bear on one number
YEAR = regex.compile(r"^(?:19[5-9]\d|20\d\d)$")
#: comparators that are also prepositions of time ("under 2026", "över 65 år")
TEMPORAL_COMPARATORS = frozenset({"under", "över", "kring", "runt", "omkring", "före", "efter"})
#: words that end the search back from "med"/"till" for the change verb governing it
CHANGE_SEARCH_STOP = frozenset({"att", "som", "oss", "sig", "och", "eller", "men", "när", "om", "då", ","})
#: verbs of state: "har ... cirka 85 000 kronor" reports a level, unless a comparator sets one
STATE_VERBS = frozenset({"har", "är", "finns", "består", "uppgår", "ligger", "omfattar", "räknar", "hade", "var"})
STRONG_COMPARATORS = frozenset({">=", ">", "<=", "<", "between"})


@dataclass(slots=True)
class _Number:
    """A number found in the token stream: tokens [first, last], its value."""

    first: int
    last: int
    value: float
    is_word: bool = False
    approx: str | None = None  # comparator a vague phrase implies ("ett tiotal" -> "~")


@dataclass(slots=True)
class _Found:
    """What the context of one number says, while it is being read."""

    number: _Number
    start: int = 0          # token index where the target's words begin
    end: int = 0            # token index of the last word of the target
    comparator: str | None = None
    value_max: float | None = None
    quantity: str = "count"
    unit: str | None = None
    unit_text: str | None = None
    metric: str | None = None
    change: str | None = None
    per: str | None = None
    baseline: Baseline | None = None
    deadline: str | None = None
    scale: float = 1
    verb: str | None = None  # "reach" or "reduce" when such a verb names the level
    consumed: set[int] = field(default_factory=set)


@lru_cache(maxsize=1024)
def _scan(text: str) -> tuple[tuple[Token, ...], tuple[tuple[int, int], ...]]:
    """The tokens of ``text`` and its stretches that hold no target; kept for a while,
    as a plan's texts are first sorted by ``needs_tagging``, then read."""
    return tuple(tokenize(text)), tuple(blocked_spans(text))


def needs_tagging(text: str) -> bool:
    """Can ``text`` hold a target? Only such texts are worth the tagger's time."""
    toks, blocked = _scan(text)
    return any(_number_at(toks, i, blocked) or toks[i].lower in lx.FACTOR_VERBS for i in range(len(toks)))


def extract_targets(text: str, context_unit: str | None = None, words: list | None = None) -> list[Target]:
    """Every target of ``text``; ``context_unit`` is the counted noun earlier text spoke of,
    used when a target names none (``öka till 115`` after ``bli 150 medlemmar``).
    ``words`` are the tagger's words for ``text`` when the caller tagged it already
    (in a batch); otherwise the text is tagged here when it can hold a target."""
    toks, blocked = _scan(text)
    if words is None and needs_tagging(text):
        from ..nlp import analyse

        words = analyse(text)
    if words:
        toks = annotate(toks, words)  # tense and part of speech, only where a number stands
    targets: list[Target] = []
    consumed: set[int] = set()
    i = 0
    while i < len(toks):
        factor = _factor_at(toks, i, text)
        if factor is not None:
            targets.append(factor)
            i += 1
            continue
        number = _number_at(toks, i, blocked)
        if number is None or i in consumed:
            i += 1
            continue
        found = _read(toks, number, text)
        if found is not None and not (set(range(number.first, number.last + 1)) & consumed):
            consumed |= found.consumed
            previous = targets[-1].unit if targets and targets[-1].quantity == "count" else None
            targets.append(_to_target(found, toks, text, previous or context_unit))
            i = max(found.end, number.last) + 1
        else:
            i = number.last + 1
    return targets


# ------------------------------------------------------------------ finding numbers

def _factor_at(toks: Sequence[Token], i: int, text: str) -> Target | None:
    """``fördubbla antalet medlemmar`` -> factor 2; ``halvera`` -> factor 0.5."""
    low = toks[i].lower
    if low == "dubbelt" and i + 2 < len(toks) and toks[i + 1].lower == "så":
        value, end = 2.0, i + 2
    elif low in lx.FACTOR_VERBS:
        value, end = lx.FACTOR_VERBS[low][0], i
    else:
        return None
    if _is_narrative(toks, i):
        return None
    metric = None
    for k in range(end + 1, min(len(toks), end + 4)):
        if not toks[k].is_word or toks[k].lower in lx.UNIT_STOP:
            break
        if toks[k].lower not in ("antalet", "andelen", "antal"):
            metric = noun_lemma(toks[k].text)
            end = k
            break
    start, stop = toks[i].start, toks[end].end
    return Target(text=text[start:stop], span=(start, stop), value=value, comparator="=", quantity="factor",
                  metric=metric)


def _number_at(toks: Sequence[Token], i: int, blocked: Sequence[tuple[int, int]]) -> _Number | None:
    tok = toks[i]
    if inside(tok.start, blocked):
        return None
    low = tok.lower
    for phrase, (value, cmp) in APPROX_BY_FIRST_WORD.get(low, ()):
        n = _match_phrase(toks, i, phrase)
        if n:
            return _Number(i, i + n - 1, value, True, cmp)
    if low in ("ett", "en") and i + 3 < len(toks) and toks[i + 1].is_number and toks[i + 2].text == "-" \
            and toks[i + 3].lower == "tal":
        return _Number(i, i + 3, parse_digits(toks[i + 1].text), False, "~")
    if tok.is_number:
        if _attached(toks, i, "-") and i + 2 < len(toks) and toks[i + 2].is_word and not toks[i + 2].is_number:
            if toks[i + 2].lower == "tal":
                return _Number(i, i + 2, parse_digits(tok.text), False, "~")
            return None  # "3-rätters", "12-åringar": part of a word
        return _Number(i, i, parse_digits(tok.text))
    if tok.is_word:
        value = parse_number_word(low)
        if value is not None and not (low == "sex" and not _is_counted_after(toks, i)):
            return _Number(i, i, value, True)
    return None


def _attached(toks: Sequence[Token], i: int, text: str) -> bool:
    return i + 1 < len(toks) and toks[i + 1].text == text and toks[i + 1].start == toks[i].end


def _is_counted_after(toks: Sequence[Token], i: int) -> bool:
    return i + 1 < len(toks) and toks[i + 1].is_word and toks[i + 1].lower not in lx.UNIT_STOP


@lru_cache(maxsize=None)
def _words_of(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.split())


def _match_phrase(toks: Sequence[Token], i: int, phrase: str) -> int:
    """Number of tokens from ``i`` that spell ``phrase`` (0 when they do not)."""
    words = _words_of(phrase)
    if i + len(words) > len(toks):
        return 0
    for k, w in enumerate(words):
        if toks[i + k].lower != w:
            return 0
    return len(words)


class _PhrasesByLastWord:
    """A phrase table indexed by its phrases' last words: the phrases that can end right
    before a token are those ending in the word before it, so only those are tried."""

    def __init__(self, phrases) -> None:
        self.phrases: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for phrase in phrases:
            words = _words_of(phrase)
            self.phrases.setdefault(words[-1], []).append((phrase, words))

    def before(self, toks: Sequence[Token], end: int) -> tuple[str, int] | None:
        """The longest phrase that ends right before token ``end``: (phrase, first token)."""
        if end < 1 or end > len(toks):
            return None
        best: tuple[str, int] | None = None
        for phrase, words in self.phrases.get(toks[end - 1].lower, ()):
            first = end - len(words)
            if first >= 0 and _match_phrase(toks, first, phrase) and (best is None or first < best[1]):
                best = (phrase, first)
        return best


#: "tusen kronor" is tried before "kronor"
MONEY_LONGEST_FIRST = sorted(lx.MONEY_WORDS, key=lambda phrase: -len(_words_of(phrase)))
COMPARATORS_BEFORE = _PhrasesByLastWord(lx.COMPARATOR_BEFORE)
REACHING_VERBS = _PhrasesByLastWord(lx.REACHING_VERBS)
REDUCING_VERBS = _PhrasesByLastWord(lx.REDUCING_VERBS)
SUB_TARGET_MARKERS = _PhrasesByLastWord(("varav", "därav", "varav minst"))


# ------------------------------------------------------------------ reading context

def _read(toks: Sequence[Token], number: _Number, text: str) -> _Found | None:
    f = _Found(number, start=number.first, end=number.last)
    first = number.first
    before = toks[first - 1].lower if first else ""

    # left: comparator, then "med"/"till" of a change, then a verb of reaching
    hit = COMPARATORS_BEFORE.before(toks, first)
    if hit:
        f.comparator, f.start = lx.COMPARATOR_BEFORE[hit[0]], hit[1]
    elif number.approx:
        f.comparator = number.approx
    if before in lx.IDENTIFIER_BEFORE and not hit:
        return None
    if not hit and before in DETERMINERS:
        return None
    if number.is_word and toks[first].lower in ("en", "ett") and not hit and not number.approx:
        if not _is_once_per(toks, number.last):
            return None
    if not number.is_word and YEAR.match(toks[first].text) and not _money_or_percent_after(toks, number.last) \
            and (not hit or hit[0] in TEMPORAL_COMPARATORS):
        return None  # a year: "under 2026", "2024"
    if before == "från" and number.last + 2 < len(toks) and toks[number.last + 1].lower == "till" \
            and _value_of(toks[number.last + 2]) is not None:
        return None  # the baseline of "från 103 till 115"
    _read_change(toks, f)
    _read_range(toks, f)

    after = f.number.last + 1
    if after < len(toks) and (toks[after].lower in lx.AGE_AFTER or toks[after].lower.startswith("åring")):
        return None  # an age or a duration: "7-12 år", "under 20 år"

    # right: scale, quantity, counted noun, trailing comparator, rate, baseline, deadline
    j = _read_quantity(toks, f)
    if f.quantity == "count":
        if f.unit_text is not None and f.unit_text.split()[-1].lower() in lx.AGE_AFTER:
            return None
        if f.unit and f.unit_text and f.unit_text.split()[-1].lower() in lx.TIME_NOUNS:
            duration = toks[f.start - 1].lower if f.start else ""
            if (f.comparator is None and f.change is None) or duration in ("under", "inom", "efter", "på", "i", "för", "om"):
                if not _is_once_per(toks, number.last):
                    return None
        sub_target = SUB_TARGET_MARKERS.before(toks, f.start) is not None
        if f.unit is None and f.comparator is None and f.change is None and f.verb is None and not sub_target:
            return None
    j = _read_after_unit(toks, f, j)
    _read_per(toks, f, j)
    _read_baseline(toks, f)
    _read_deadline(toks, f, text)
    if _is_narrative(toks, number.first) or _is_reported_level(toks, f):
        return None
    return f


def _is_once_per(toks: Sequence[Token], last: int) -> bool:
    """``en gång per månad``, ``ett tillfälle i veckan``: "en"/"ett" is a count here."""
    if last + 1 >= len(toks) or toks[last + 1].lower not in ("gång", "gånger", "tillfälle", "träff", "möte"):
        return False
    return _period_at(toks, last + 2) is not None


def _money_or_percent_after(toks: Sequence[Token], last: int) -> bool:
    nxt = toks[last + 1].lower if last + 1 < len(toks) else ""
    return nxt in lx.MONEY_WORDS or nxt in lx.PERCENT_WORDS or nxt == ":-"


def _read_change(toks: Sequence[Token], f: _Found) -> None:
    """``öka med``, ``öka antalet X till``, ``från 103 till 115``, ``bli 150``."""
    k = f.start - 1
    if k >= 0 and toks[k].lower in ("med", "till"):
        prep = toks[k].lower
        # a baseline stated as "från N till M"
        if prep == "till" and k >= 2 and toks[k - 2].lower == "från" and _value_of(toks[k - 1]) is not None:
            f.baseline = Baseline(_value_of(toks[k - 1]))
            f.consumed |= {k - 1}
        verb_at = _find_change_verb(toks, k)
        if verb_at is not None:
            direction = lx.CHANGE_VERBS[toks[verb_at].lower]
            f.change = f"{direction}_{'by' if prep == 'med' else 'to'}"
            adjacent = verb_at == k - 1 or (f.baseline is not None and verb_at == k - 3)
            f.start = verb_at if adjacent else k
            f.metric = _change_object(toks, verb_at, k)
            return
        phrase = REACHING_VERBS.before(toks, k + 1)
        if phrase:
            f.verb, f.start = "reach", phrase[1]
            hit = COMPARATORS_BEFORE.before(toks, phrase[1])
            if hit and f.comparator is None:  # "får högst uppgå till 30 000 kr"
                f.comparator, f.start = lx.COMPARATOR_BEFORE[hit[0]], hit[1]
            return
    phrase = REACHING_VERBS.before(toks, f.start)
    if phrase:
        f.verb, f.start = "reach", phrase[1]
        return
    phrase = REDUCING_VERBS.before(toks, f.start)
    if phrase:
        f.verb, f.start = "reduce", phrase[1]


def _find_change_verb(toks: Sequence[Token], prep: int) -> int | None:
    """The change verb governing the preposition at ``prep``, at most eight words back."""
    for k in range(prep - 1, max(-1, prep - 9), -1):
        low = toks[k].lower
        if low in lx.CHANGE_VERBS:
            return k
        if low in CLAUSE_END or low in CHANGE_SEARCH_STOP:
            return None
    return None


def _change_object(toks: Sequence[Token], verb: int, prep: int) -> str | None:
    """What changes: the object after the verb (``öka medlemsantalet med``) or the subject
    before it (``medlemsantalet ska öka med``). ``antalet X`` leaves X to the unit."""
    words = [t for t in toks[verb + 1:prep] if t.is_word]
    if words:
        head = words[0].lower
        if head in ("antalet", "antal", "andelen", "andel"):
            return None
        return noun_lemma(head) if head not in lx.UNIT_STOP else None
    k = verb - 1
    while k >= 0 and toks[k].lower in ("ska", "skall", "bör", "att", "kunna", "kommer", "behöver", "måste"):
        k -= 1
    clause_start, _ = _clause_bounds(toks, verb)
    if k >= 0 and k - clause_start <= 2 and toks[k].is_word and toks[k].lower not in lx.UNIT_STOP:
        return noun_lemma(toks[k].lower)  # "Klubbens medlemsantal ska öka med"
    return None


def _read_range(toks: Sequence[Token], f: _Found) -> None:
    """``4-6``, ``4 – 6``, ``mellan 8 och 10``: value and value_max."""
    last = f.number.last
    if last + 2 < len(toks) and toks[last + 1].text in DASHES | {"à", "till"}:
        upper = _value_of(toks[last + 2])
        if upper is not None and upper > f.number.value and (toks[last + 1].text != "till" or f.comparator is None):
            if toks[last + 1].text == "till" and f.change is not None:
                return
            f.value_max, f.comparator = upper, "between"
            f.number = _Number(f.number.first, last + 2, f.number.value, f.number.is_word, f.number.approx)
            return
    if f.comparator == "between" and last + 2 < len(toks) and toks[last + 1].lower == "och":
        upper = _value_of(toks[last + 2])
        if upper is not None:
            f.value_max = upper
            f.number = _Number(f.number.first, last + 2, f.number.value, f.number.is_word, f.number.approx)
    elif f.comparator == "between":
        f.comparator = None


def _value_of(tok: Token) -> float | None:
    if tok.is_number:
        return parse_digits(tok.text)
    if tok.is_word and tok.lower not in ("en", "ett"):
        return parse_number_word(tok.lower)
    return None


def _read_quantity(toks: Sequence[Token], f: _Found) -> int:
    """Quantity and counted noun after the number; returns the index after them."""
    j = f.number.last + 1
    if j < len(toks) and toks[j].lower in lx.SCALE_WORDS and not _match_phrase(toks, j, "tusen kronor"):
        f.scale, j = lx.SCALE_WORDS[toks[j].lower], j + 1
    if j < len(toks):
        low = toks[j].lower
        if low in lx.POINTS_WORDS:
            f.quantity, f.unit, f.unit_text, f.end = "percentage_points", "procentenhet", toks[j].text, j
            return j + 1
        if low in lx.PERCENT_WORDS:
            f.quantity, f.unit, f.unit_text, f.end = "percent", "%", toks[j].text, j
            return j + 1
        for phrase in MONEY_LONGEST_FIRST:
            if n := _match_phrase(toks, j, phrase):
                f.quantity, f.unit, f.end = "money", "SEK", j + n - 1
                f.unit_text = " ".join(t.text for t in toks[j:j + n])
                f.scale *= lx.MONEY_WORDS[phrase]
                return j + n
        if low == "gånger" and j + 2 < len(toks) and toks[j + 1].lower == "så" and toks[j + 2].lower in ("många", "mycket", "stor"):
            f.quantity, f.end = "factor", j + 2
            return j + 3
    for phrase, comparator in lx.COMPARATOR_AFTER.items():  # "10 eller fler deltagare"
        if n := _match_phrase(toks, j, phrase):
            f.comparator, f.end, j = f.comparator or comparator, j + n - 1, j + n
            break
    if j < len(toks) and toks[j].lower in ("fler", "färre") and f.change is None \
            and not (j + 1 < len(toks) and toks[j + 1].lower == "än"):  # "10 fler ledare"
        f.change = "increase_by" if toks[j].lower == "fler" else "decrease_by"
    # the counted noun: skip modifiers, stop at function words
    k = j
    while k < len(toks) and k < j + 4:
        tok = toks[k]
        if not tok.is_word or tok.is_number or tok.lower in lx.UNIT_STOP or _value_of(tok) is not None:
            break
        nxt = toks[k + 1].text if k + 1 < len(toks) else None
        if looks_like_modifier(tok.text, nxt) or (tok.pos == "ADJ" and nxt and nxt[:1].isalpha()
                                                  and k + 1 < len(toks) and toks[k + 1].pos in ("NOUN", "PROPN")):
            k += 1
            continue
        f.unit = noun_lemma(tok.text)
        text_end = k
        if k + 2 < len(toks) and toks[k + 1].text == "/" and toks[k + 2].is_word \
                and toks[k + 2].lower not in lx.PERIOD_NOUNS:
            text_end = k + 2  # "debattartikel/insändare"
        f.unit_text = " ".join(t.text for t in toks[j:text_end + 1]).replace(" / ", "/")
        f.end = text_end
        return text_end + 1
    return j


def _read_after_unit(toks: Sequence[Token], f: _Found, j: int) -> int:
    """``10 eller fler``, ``50 procent fler``: comparators and changes after the noun."""
    hit = None
    for phrase in lx.COMPARATOR_AFTER:
        if _match_phrase(toks, j, phrase):
            hit = phrase
    if hit:
        f.comparator = f.comparator or lx.COMPARATOR_AFTER[hit]
        f.end = j + len(hit.split()) - 1
        return j + len(hit.split())
    if j < len(toks) and toks[j].lower in ("fler", "mer", "färre", "mindre") and f.change is None \
            and not (j + 1 < len(toks) and toks[j + 1].lower == "än"):
        f.change = "increase_by" if toks[j].lower in ("fler", "mer") else "decrease_by"
        f.end = j
        if f.unit is None and j + 1 < len(toks) and toks[j + 1].is_word and toks[j + 1].lower not in lx.UNIT_STOP:
            f.unit, f.unit_text, f.end = noun_lemma(toks[j + 1].text), toks[j + 1].text, j + 1
        return f.end + 1
    return j


def _period_at(toks: Sequence[Token], k: int) -> tuple[str, int] | None:
    """A frequency starting at token ``k``: (ISO duration, index of its last token)."""
    if k >= len(toks):
        return None
    low = toks[k].lower
    if low in lx.PERIOD_WORDS:
        return lx.PERIOD_WORDS[low], k
    if k + 1 < len(toks):
        noun = toks[k + 1].lower
        if noun in lx.PERIOD_NOUNS:
            duration = lx.PERIOD_NOUNS[noun]
            if low in ("varannan", "vartannat"):
                return duration.replace("P1", "P2").replace("P3M", "P6M").replace("P6M", "P1Y") if duration.startswith("P1") else duration, k + 1
            if low in PERIOD_INTRO_ANY and low != "/":
                return duration, k + 1
            if low == "/" and toks[k + 1].start == toks[k].end:
                return duration, k + 1
            if low in PERIOD_INTRO_DEFINITE and noun.endswith(("en", "et", "an")):
                return duration, k + 1
    return None


def _read_per(toks: Sequence[Token], f: _Found, j: int) -> None:
    """A rate written after the target (``per månad``, ``i veckan``, ``/år``) within its clause."""
    for k in range(j, min(len(toks), j + 6)):
        if toks[k].lower in CLAUSE_END or toks[k].lower == ",":
            break
        hit = _period_at(toks, k)
        if hit:
            f.per, f.end = hit[0], hit[1]
            return
    # or before it, at the head of the clause: "Varje månad ska vi ha minst två möten"
    for k in range(f.start - 1, max(-1, f.start - 8), -1):
        if toks[k].lower in CLAUSE_END or toks[k].lower == ",":
            break
        hit = _period_at(toks, k)
        if hit and hit[1] < f.start:
            f.per = hit[0]
            return


def _read_baseline(toks: Sequence[Token], f: _Found) -> None:
    """``(47 % år 2019)``, ``(2019: 47 %)``: the level a target starts from."""
    k = f.end + 1
    while k < len(toks) and k <= f.end + 3 and toks[k].is_word:
        k += 1  # "minst 40 % av platserna (37,5 % år 2022)"
    if k >= len(toks) or toks[k].text != "(":
        return
    close = next((m for m in range(k + 1, min(len(toks), k + 12)) if toks[m].text == ")"), None)
    if close is None:
        return
    value = year = None
    for m in range(k + 1, close):
        if toks[m].is_number and YEAR.match(toks[m].text) and year is None:
            year = int(toks[m].text)
        elif value is None and (v := _value_of(toks[m])) is not None:
            value = v
    if value is not None:
        f.baseline = Baseline(value, year)
        f.consumed |= set(range(k, close + 1))


def _read_deadline(toks: Sequence[Token], f: _Found, text: str) -> None:
    """A year or date the target must be met by, named in the same sentence."""
    k = f.end + 1
    if k < len(toks) and toks[k].is_number and YEAR.match(toks[k].text):
        f.deadline = toks[k].text  # "minst 9500 medlemmar 2021"
        f.consumed.add(k)
        return
    sentence_start, _ = _sentence_bounds(toks, f.number.first)
    _, clause_end = _clause_bounds(toks, f.end)
    for m in range(f.end + 1, min(len(toks), clause_end + 1)):
        date = _deadline_at(toks, m)
        if date:
            f.deadline = date
            return
    for m in range(sentence_start, f.start):
        if toks[m].lower in ("senast", "före", "innan", "till"):
            date = _deadline_at(toks, m)
            if date:
                f.deadline = date
                return


def _deadline_at(toks: Sequence[Token], m: int) -> str | None:
    hit = None
    for phrase in DEADLINE_INTRO:
        if _match_phrase(toks, m, phrase):
            hit = phrase if hit is None or len(phrase) > len(hit) else hit
    if hit is None:
        return None
    k = m + len(hit.split())
    if k < len(toks) and toks[k].lower in ("den", "valet", "årsmötet", "kongressen", "årsskiftet", "utgången", "slutet"):
        k += 1
        if k < len(toks) and toks[k].lower == "av":
            k += 1
    return _date_at(toks, k)


def _date_at(toks: Sequence[Token], k: int) -> str | None:
    """An ISO date or year written at token ``k`` (``2025``, ``30 juni 2024``, ``2024-06-30``)."""
    if k >= len(toks):
        return None
    tok = toks[k]
    if tok.is_number and YEAR.match(tok.text):
        if k + 4 < len(toks) and toks[k + 1].text == "-" and toks[k + 2].text.isdigit() and toks[k + 3].text == "-":
            return iso_date(tok.text, toks[k + 2].text, toks[k + 4].text) or tok.text
        return tok.text
    if tok.text.isdigit() and k + 2 < len(toks) and toks[k + 1].lower in lx.MONTHS and YEAR.match(toks[k + 2].text):
        return iso_date(toks[k + 2].text, lx.MONTHS[toks[k + 1].lower], tok.text)
    if tok.lower in lx.MONTHS and k + 1 < len(toks) and YEAR.match(toks[k + 1].text):
        return f"{toks[k + 1].text}-{lx.MONTHS[tok.lower]:02d}"
    return None


# ------------------------------------------------------------------ narrative

def _sentence_bounds(toks: Sequence[Token], i: int) -> tuple[int, int]:
    """The sentence around token ``i``, at most MAX_CONTEXT tokens each way: what lies
    further off says nothing about this number, and the cap keeps long texts linear."""
    floor, ceiling = max(0, i - MAX_CONTEXT), min(len(toks), i + MAX_CONTEXT)
    start = i
    while start > floor and toks[start - 1].text not in SENTENCE_END:
        start -= 1
    end = i
    while end < ceiling and toks[end].text not in SENTENCE_END:
        end += 1
    return start, end


def _clause_bounds(toks: Sequence[Token], i: int) -> tuple[int, int]:
    stops = {",", ";", ":", "–", "—", "(", ")", "och", "men", "samt"} | SENTENCE_END
    floor, ceiling = max(0, i - MAX_CONTEXT), min(len(toks), i + MAX_CONTEXT)
    start = i
    while start > floor and toks[start - 1].lower not in stops:
        start -= 1
    end = i
    while end < ceiling and toks[end].lower not in stops:
        end += 1
    return start, end


def _has_marker(toks: Sequence[Token], a: int, b: int, markers: frozenset[str],
                skip_parenthesised: bool = False) -> bool:
    """Does a marker phrase stand among tokens a..b (leaving out a baseline in parentheses)?"""
    words = [t.lower for k, t in enumerate(toks[a:b], start=a)
             if not (skip_parenthesised and _in_parentheses(toks, k, a))]
    joined = " " + " ".join(words) + " "
    return any((" " + m + " ") in joined for m in markers)


def _is_past(toks: Sequence[Token], a: int, b: int, number: int) -> bool:
    for k in range(a, b):
        low = toks[k].lower
        if k < number and toks[k].pos in ("VERB", "AUX") and {"Tense=Past", "VerbForm=Fin"} <= toks[k].feats \
                and WEAK_PAST.search(low):
            return True  # "-ade/-de/-te": the tagger tells the past-tense verb from the adjective
        if low in lx.PERFECT_AUX:
            if any(SUPINE.match(t.lower) for t in toks[k + 1:min(b, k + 6)] if t.is_word):
                return True
        if PAST_PASSIVE.match(low):
            return True
    return False


def _is_reported_level(toks: Sequence[Token], f: _Found) -> bool:
    """``Kåren har ett kapital på cirka 85 000 kronor``: a state verb before a level with no
    comparator that sets it is a report, not a target (``Distriktet har minst 50 klubbar`` is)."""
    if f.comparator in STRONG_COMPARATORS or f.change or f.verb or f.per:
        return False
    c_start, c_end = _clause_bounds(toks, f.number.first)
    s_start, s_end = _sentence_bounds(toks, f.number.first)
    if _has_marker(toks, s_start, s_end, lx.GOAL_MARKERS):
        return False
    return any(t.lower in STATE_VERBS for t in toks[c_start:f.start])


def _is_narrative(toks: Sequence[Token], i: int) -> bool:
    """Does the number at ``i`` report a fact (past, present state, forecast, example)
    rather than state a goal? Goal wording anywhere in its clause outweighs the rest."""
    s_start, s_end = _sentence_bounds(toks, i)
    c_start, c_end = _clause_bounds(toks, i)
    if _has_marker(toks, c_start, i, EXAMPLE_MARKERS):
        return True
    if _has_marker(toks, c_start, c_end, lx.GOAL_MARKERS):
        return False
    narrative_clause = _has_marker(toks, c_start, c_end, lx.NARRATIVE_MARKERS) or _is_past(toks, c_start, c_end, i)
    if narrative_clause:
        return True
    sentence_goal = _has_marker(toks, s_start, s_end, lx.GOAL_MARKERS)
    outside = [k for k in range(s_start, s_end) if not _in_parentheses(toks, k, s_start)]
    a, b = (outside[0], outside[-1] + 1) if outside else (s_start, s_end)
    return not sentence_goal and (_has_marker(toks, a, b, lx.NARRATIVE_MARKERS, skip_parenthesised=True)
                                  or _is_past(toks, a, b, i))


def _in_parentheses(toks: Sequence[Token], k: int, start: int) -> bool:
    depth = 0
    for t in toks[start:k]:
        depth += t.text == "("
        depth -= t.text == ")" and depth > 0
    return depth > 0


# ------------------------------------------------------------------ building the target

def _metric(toks: Sequence[Token], f: _Found) -> str | None:
    if f.metric:
        return f.metric
    after = f.end + 1
    if f.quantity == "percent":
        if after + 1 < len(toks) and toks[after].lower == "av" and toks[after + 1].is_word \
                and toks[after + 1].lower not in lx.UNIT_STOP:
            return noun_lemma(toks[after + 1].text)
        if after + 1 < len(toks) and toks[after].lower in ("är", "blir") and toks[after + 1].is_word:
            return noun_lemma(toks[after + 1].text)
        k = f.start - 1
        if k >= 0 and toks[k].is_word and toks[k].lower not in lx.UNIT_STOP and toks[k].lower not in lx.CHANGE_VERBS \
                and toks[k].lower not in lx.GOAL_MARKERS and not toks[k].text[:1].isupper() and not toks[k].lower.endswith("a"):
            return noun_lemma(toks[k].text)
    return None


def _to_target(f: _Found, toks: Sequence[Token], text: str, context_unit: str | None) -> Target:
    comparator = f.comparator
    if comparator is None:
        if f.change == "increase_to" or f.verb == "reach":
            comparator = ">="
        elif f.change == "decrease_to" or f.verb == "reduce":
            comparator = "<="
        else:
            comparator = "="
    unit, unit_text, metric = f.unit, f.unit_text, _metric(toks, f)
    if f.quantity == "count" and unit is None:
        unit = _object_unit(toks, f)
        if unit is None and f.change and metric:  # "Begränsa resorna till 3": the object is counted
            unit, metric = metric, None
        unit = unit or context_unit
    value = f.number.value * f.scale
    value_max = f.value_max * f.scale if f.value_max is not None else None
    start = toks[min(f.start, f.number.first)].start
    end = toks[max(f.end, f.number.last)].end
    return Target(
        text=text[start:end], span=(start, end), value=value, comparator=comparator, quantity=f.quantity,
        unit=unit, unit_text=unit_text, value_max=value_max, metric=metric, change=f.change,
        per=f.per, baseline=f.baseline, deadline=f.deadline,
    )


def _object_unit(toks: Sequence[Token], f: _Found) -> str | None:
    """``Öka antalet gilla-markeringar ... till minst 2000``: the counted noun stands
    before the number, as the object of the change verb."""
    if f.change is None and f.verb is None:
        return None
    for k in range(f.start - 1, max(-1, f.start - 10), -1):
        if toks[k].lower in CLAUSE_END:
            return None
        if toks[k].lower in ("antalet", "antal") and k + 1 < len(toks):
            k2 = k + 1
            if toks[k2].lower == "av":
                k2 += 1
            nxt = toks[k2] if k2 < len(toks) else None
            while nxt is not None and looks_like_modifier(nxt.text, toks[k2 + 1].text if k2 + 1 < len(toks) else None):
                k2 += 1
                nxt = toks[k2] if k2 < len(toks) else None
            if nxt is not None and nxt.is_word and nxt.lower not in lx.UNIT_STOP:
                return noun_lemma(nxt.text)
    return None
