"""Find the numeric targets in a goal's text and normalize them (SPEC: Target).

Each number in the text is a candidate, read in two passes that a newcomer extends in one
obvious place each:

1. ``READERS``, in order: each reads one thing of the number's left or right context
   into a :class:`Reading` (comparator, change, range, quantity, counted noun, rate,
   baseline, deadline). A new comparator, unit or rate is a table entry in
   ``planparse.lexicon``; a new *kind* of context is a new reader.
2. ``VETOES``, in order: each is a small named rule (``an age``, ``a page number``,
   ``a fact about the present`` ...) that says the number is not a target. A new
   non-target rule is a new function decorated with ``@veto("its name")``.

The tagger's words (tense, part of speech) are handed in by the caller, which tags all
of a plan's candidate texts at once (:func:`tag_candidates`); the extractor never tags.

>>> [t.describe() for t in targets_of("Ordna minst 6 möten för ledare")]
['>= 6 möte']
>>> [t.describe() for t in targets_of("Genomföra minst fyra större insamlingskampanjer")]
['>= 4 insamlingskampanj']
>>> why_not("Vi består idag av 103 medlemmar")
[('103', 'a report of the past or a forecast')]
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from .. import lexicon as lx
from ..model import Baseline, Target
from .numbers import iso_date, parse_digits, parse_number_word
from .tokens import Token, annotate, blocked_spans, inside, tokenize
from .units import counted_noun, looks_like_modifier, noun_lemma

if TYPE_CHECKING:  # the tagger (spaCy) loads only when a plan is tagged
    from ..nlp import Word

CLAUSE_END = frozenset({".", ";", ":", "!", "?", "(", ")"})
SENTENCE_END = frozenset({".", "!", "?"})
DASHES = frozenset({"-", "–", "—"})
SUPINE = regex.compile(r"\p{L}{2,}(?:ats|its|tts|at|it|tt|ts)$")
WEAK_PAST = regex.compile(r"\p{L}{2,}(?:ade|de|te)$")
PAST_PASSIVE = regex.compile(r"\p{L}{3,}(?:ades|des|tes)$")
PARTICIPLE = regex.compile(r"\p{L}{3,}(?:ad|rd|ld|nd|t)$")
MAX_CONTEXT = 80  # tokens each way that can bear on one number
YEAR = regex.compile(rf"^{lx.YEAR_PATTERN}$")
#: comparators that set a level (a hedge such as "drygt" or "ca" only reports one)
STRONG_COMPARATORS = frozenset({">=", ">", "<=", "<", "between"})


@dataclass(frozen=True, slots=True)
class TextContext:
    """Where the plan's layout puts a goal's text; the structure code fills it in.

    ``list_item``: a list item or table row (a goal by its form), not a sentence of prose,
    where a present-tense statement usually reports a fact.
    ``describes_present``: the text stands under a heading or lead-in that describes how
    things are (``Nuläge``, ``Dagsläget:``), where a number reports a fact."""

    list_item: bool = False
    describes_present: bool = False


@dataclass(frozen=True, slots=True)
class _Number:
    """A number found in the token stream: tokens [first, last], its value. Frozen: a
    text's numbers are found once and shared by every reading of it (``_scan``)."""

    first: int
    last: int
    value: float
    is_word: bool = False
    approx: str | None = None  # comparator a vague phrase implies ("ett tiotal" -> "~")


@dataclass(slots=True)
class Reading:
    """What the context of one number says: filled in by the readers, judged by the vetoes."""

    toks: Sequence[Token]
    number: _Number
    context: TextContext = TextContext()
    start: int = 0          # token index where the target's words begin
    end: int = 0            # token index of the last word of the target
    next: int = 0           # first token right of the number not read yet
    comparator: str | None = None
    comparator_phrase: str | None = None  # the words that gave the comparator ("minst")
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
    verb: str | None = None  # "reach" when a verb of reaching names the level
    previous: Target | None = None  # the target before it in the same text
    consumed: set[int] = field(default_factory=set)

    @property
    def previous_unit(self) -> str | None:
        """What the target before it in the text counted."""
        return self.previous.unit if self.previous is not None and self.previous.quantity == "count" else None

    @property
    def before(self) -> str:
        """The word right before the number."""
        return self.toks[self.number.first - 1].lower if self.number.first else ""

    @property
    def sets_level(self) -> bool:
        """Does the wording set a level (a comparator, a change, a verb of reaching, a rate)?"""
        return self.comparator in STRONG_COMPARATORS and self.comparator_phrase not in lx.HEDGES \
            or bool(self.change or self.verb or self.per)


@lru_cache(maxsize=1024)
def _scan(text: str) -> tuple[tuple[Token, ...], tuple[_Number | None, ...]]:
    """The tokens of ``text`` and the number that starts at each (None at most); kept
    for a while, as a plan's texts are first sorted by ``needs_tagging``, then read.
    A number depends on the words alone, not on the tags added to them later."""
    toks = tuple(tokenize(text))
    blocked = tuple(blocked_spans(text))
    return toks, tuple(_number_at(toks, i, blocked) for i in range(len(toks)))


# ------------------------------------------------------------------ public answers

def needs_tagging(text: str) -> bool:
    """Can ``text`` hold a target? Only such texts are worth the tagger's time.

    >>> needs_tagging("Fler medlemmar"), needs_tagging("Minst tre möten"), needs_tagging("Möte 2024-03-10")
    (False, True, False)
    """
    toks, numbers = _scan(text)
    return any(n is not None for n in numbers) or any(t.lower in lx.FACTOR_VERBS for t in toks)


def has_number(text: str) -> bool:
    """Does ``text`` write a quantity, other than a date, a year, a clock time or a lone
    "en"/"ett"? (``check`` tells "a number counting nothing" from "no number".)

    >>> has_number("Möte 18.30 den 3 maj 2025"), has_number("Sju träffar"), has_number("Ett möte")
    (False, True, False)
    """
    toks, numbers = _scan(text)
    for tok, number in zip(toks, numbers):
        if number is not None and not (YEAR.match(tok.text) or (number.is_word and number.value == 1)):
            return True
    return False


def promises_change(text: str) -> bool:
    """Does ``text`` promise a change (``öka``, ``förbättra``, ``fler``), measured or not?

    >>> promises_change("Förbättra kommunikationen"), promises_change("Ordna en fest")
    (True, False)
    """
    toks, _ = _scan(text)
    return any(t.lower in lx.CHANGE_WORDS or t.lower.startswith(tuple(lx.CHANGE_STEMS)) for t in toks if t.is_word)


def tag_candidates(texts: Iterable[str]) -> dict[str, list[Word]]:
    """The tagger's words for every text that can hold a target, tagged in one batch: the
    one place the target engine asks the tagger (spaCy loads on first use)."""
    from ..nlp import analyse_many  # deferred: spaCy loads only when a plan is parsed

    to_tag = sorted({t for t in texts if needs_tagging(t)})
    return dict(zip(to_tag, analyse_many(to_tag))) if to_tag else {}


def targets_of(text: str, context_unit: str | None = None, context: TextContext = TextContext()) -> list[Target]:
    """``extract_targets`` for one text, tagged first (for tests and one-off use)."""
    return extract_targets(text, context_unit, tag_candidates([text]).get(text, ()), context)


def extract_targets(text: str, context_unit: str | None = None, words: Sequence[Word] = (),
                    context: TextContext = TextContext()) -> list[Target]:
    """Every target of ``text``.

    ``context_unit`` is the counted noun earlier text spoke of, used when a target names
    none (``öka till 115`` after ``bli 150 medlemmar``); ``words`` are the tagger's words
    for ``text`` (from :func:`tag_candidates`; without them, rules that need tense or part
    of speech fall back to word forms); ``context`` says where the text stands."""
    toks, numbers = _scan(text)
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
        number = numbers[i]
        if number is None or i in consumed:
            i += 1
            continue
        found = _read(toks, number, context, targets[-1] if targets else None)
        if _veto_of(found) is None and not (set(range(number.first, number.last + 1)) & consumed):
            consumed |= found.consumed
            targets.append(_to_target(found, text, found.previous_unit or context_unit))
            i = max(found.end, found.number.last) + 1
        else:
            i = number.last + 1
    return targets


def why_not(text: str, context: TextContext = TextContext()) -> list[tuple[str, str | None]]:
    """Each number of ``text`` with the name of the veto that drops it (None: a target).
    The quickest way to see which rule decides a case.

    >>> why_not("Läger för barn 7-12 år med minst 30 deltagare")
    [('7', 'an age'), ('30', None)]
    """
    toks, numbers = _scan(text)
    toks = annotate(toks, tag_candidates([text]).get(text, ()))
    out: list[tuple[str, str | None]] = []
    previous: Target | None = None
    i = 0
    while i < len(toks):
        number = numbers[i]
        if number is None:
            i += 1
            continue
        found = _read(toks, number, context, previous)
        reason = _veto_of(found)
        out.append((toks[i].text, reason))
        if reason is None:
            previous = _to_target(found, text, None)
        i = max(number.last, found.number.last) + 1
    return out


# ------------------------------------------------------------------ finding numbers

def _factor_at(toks: Sequence[Token], i: int, text: str) -> Target | None:
    """``fördubbla antalet medlemmar`` -> factor 2; ``halvera`` -> factor 0.5."""
    low = toks[i].lower
    if low == "dubbelt" and i + 2 < len(toks) and toks[i + 1].lower == "så":
        value, end = 2.0, i + 2
    elif low in lx.FACTOR_VERBS:
        value, end = lx.FACTOR_VERBS[low], i
    else:
        return None
    if _is_narrative(toks, i):
        return None
    metric = None
    for k in range(end + 1, min(len(toks), end + 4)):
        if not toks[k].is_word or toks[k].lower in lx.UNIT_STOP:
            break
        if toks[k].lower not in lx.COUNT_NOUNS:
            metric = noun_lemma(toks[k].text)
            end = k
            break
    start, stop = toks[i].start, toks[end].end
    return Target(text=text[start:stop], span=(start, stop), value=value, comparator="=", quantity="factor",
                  metric=metric)


def _number_at(toks: Sequence[Token], i: int, blocked: Sequence[tuple[int, int]]) -> _Number | None:
    tok = toks[i]
    if blocked and inside(tok.start, blocked):
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


def _longest_at(toks: Sequence[Token], i: int, phrases: Iterable[str]) -> str | None:
    """The longest phrase of a table that starts at token ``i`` (only the phrases whose
    first word is that token's are tried)."""
    if i >= len(toks):
        return None
    for phrase in _by_first_word(phrases).get(toks[i].lower, ()):
        if _match_phrase(toks, i, phrase):
            return phrase
    return None


_FIRST_WORD_INDEX: dict[int, dict[str, list[str]]] = {}


def _by_first_word(phrases: Iterable[str]) -> dict[str, list[str]]:
    """A table's phrases by their first word, longest first; built once per table."""
    index = _FIRST_WORD_INDEX.get(id(phrases))
    if index is None:
        index = {}
        for phrase in sorted(phrases, key=lambda p: -len(_words_of(p))):
            index.setdefault(_words_of(phrase)[0], []).append(phrase)
        _FIRST_WORD_INDEX[id(phrases)] = index
    return index


class _PhrasesByLastWord:
    """A phrase table indexed by its phrases' last words: the phrases that can end right
    before a token are those ending in the word before it, so only those are tried."""

    def __init__(self, phrases: Iterable[str]) -> None:
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


#: the vague-quantity phrases by their first word, so most tokens are not tried against any
APPROX_BY_FIRST_WORD: dict[str, list[tuple[str, tuple[float, str]]]] = {}
for _phrase, _meaning in lx.APPROX_PHRASES.items():
    APPROX_BY_FIRST_WORD.setdefault(_words_of(_phrase)[0], []).append((_phrase, _meaning))
COMPARATORS_BEFORE = _PhrasesByLastWord(lx.COMPARATOR_BEFORE)
REACHING_VERBS = _PhrasesByLastWord(lx.REACHING_VERBS)
SUB_TARGET_MARKERS = _PhrasesByLastWord(lx.SUB_TARGET_MARKERS)
SAVING_VERBS = _PhrasesByLastWord(lx.SAVING_VERBS)


# ------------------------------------------------------------------ the readers

def _read(toks: Sequence[Token], number: _Number, context: TextContext, previous: Target | None = None) -> Reading:
    """Everything the context says of ``number``: every reader, in order."""
    f = Reading(toks, number, context, start=number.first, end=number.last, next=number.last + 1,
                previous=previous)
    for reader in READERS:
        reader(f)
    return f


def read_comparator_before(f: Reading) -> None:
    """``minst 6``, ``fler än 200``, ``högst vara 9 000`` (a copula between); or the
    comparator a vague count implies (``ett tiotal``)."""
    hit = COMPARATORS_BEFORE.before(f.toks, f.number.first)
    first = f.number.first
    if hit is None and first >= 2 and f.toks[first - 1].lower in lx.COPULAS:
        hit = COMPARATORS_BEFORE.before(f.toks, first - 1)
    if hit:
        f.comparator_phrase, f.start = hit
        f.comparator = lx.COMPARATOR_BEFORE[hit[0]]
    elif f.number.approx:
        f.comparator = f.number.approx


def read_change(f: Reading) -> None:
    """``öka med``, ``öka antalet X till``, ``från 103 till 115``, ``bli 150``, ``utöka
    till att omfatta 30``, ``spara 20 000 kr`` (a decrease by).

    >>> [(t.comparator, t.value, t.change) for t in targets_of("Ligan ska utökas till att omfatta 14 lag")]
    [('>=', 14, 'increase_to')]
    """
    toks = f.toks
    k = f.start - 1
    while k >= 0 and toks[k].lower in lx.CHANGE_FILLERS:
        k -= 1  # "öka med ytterligare 20"
    if k >= 2 and toks[k].lower in lx.HAVING_AFTER_TILL_ATT and toks[k - 1].lower == "att" \
            and toks[k - 2].lower == "till":
        k -= 2  # "utökas till att omfatta 30 lag": the level the change reaches
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
                f.comparator, f.comparator_phrase, f.start = lx.COMPARATOR_BEFORE[hit[0]], hit[0], hit[1]
            return
        if _continues_a_change(f, k, prep):
            f.change, f.start = f.previous.change, k
            return
    if f.change is None and (saving := SAVING_VERBS.before(toks, f.start)):
        f.change, f.start = "decrease_by", saving[1]  # "spara 20 000 kr"
        return
    phrase = REACHING_VERBS.before(toks, f.start)
    if phrase:
        f.verb, f.start = "reach", phrase[1]


def _continues_a_change(f: Reading, prep: int, word: str) -> bool:
    """``sänka med 2 %-enheter och andelen vuxna med 6 %-enheter``: a "med"/"till" with no
    verb of its own, in a clause joined to the target before that names what is counted
    (``andelen``, ``antalet``), continues its change; so does one after a year in a
    series (``Öka antalet lag 2027 till 30 2028 till 35``)."""
    previous = f.previous
    if previous is None or previous.change is None or not previous.change.endswith("_by" if word == "med" else "_to"):
        return False
    between = [t for t in f.toks[:prep] if t.start >= previous.span[1]]
    if between and all(t.is_number and YEAR.match(t.text) or t.lower in lx.JOINERS or t.text == ";" for t in between) \
            and any(t.is_number for t in between):
        return True  # a series year by year: "till 40 2027 till 45 2028 till 50"
    return any(t.lower in lx.JOINERS for t in between) and any(t.lower in lx.COUNT_NOUNS for t in between) \
        and not any(t.pos in ("VERB", "AUX") for t in between)


def _find_change_verb(toks: Sequence[Token], prep: int) -> int | None:
    """The change verb governing the preposition at ``prep``, at most eight words back."""
    for k in range(prep - 1, max(-1, prep - 9), -1):
        low = toks[k].lower
        if low in lx.CHANGE_VERBS:
            return k
        if low in CLAUSE_END or low in lx.CHANGE_SEARCH_STOP:
            return None
    return None


def _change_object(toks: Sequence[Token], verb: int, prep: int) -> str | None:
    """What changes: the object after the verb (``öka medlemsantalet med``) or the subject
    before it (``medlemsantalet ska öka med``). ``antalet X`` leaves X to the unit."""
    words = [t for t in toks[verb + 1:prep] if t.is_word]
    if words:
        head = words[0].lower
        if head in lx.COUNT_NOUNS:
            return None
        return noun_lemma(head) if head not in lx.UNIT_STOP else None
    k = verb - 1
    while k >= 0 and toks[k].lower in lx.AUXILIARIES:
        k -= 1
    clause_start, _ = _clause_bounds(toks, verb)
    if k >= 0 and k - clause_start <= 2 and toks[k].is_word and toks[k].lower not in lx.UNIT_STOP \
            and not (k >= 1 and toks[k - 1].lower in lx.PREPOSITIONS):  # "under hösten öka" names a time
        return noun_lemma(toks[k].lower)  # "Klubbens medlemsantal ska öka med"
    return None


def read_range(f: Reading) -> None:
    """``4-6``, ``4 – 6``, ``mellan 8 och 10``: value and value_max."""
    toks, last = f.toks, f.number.last
    if last + 2 < len(toks) and toks[last + 1].text in DASHES | {"à", "till"}:
        upper = _value_of(toks[last + 2])
        if upper is not None and upper > f.number.value and (toks[last + 1].text != "till" or f.comparator is None):
            if toks[last + 1].text == "till" and (f.change is not None or f.before == "från"):
                return  # "öka från 3 till 5": a change, not a range
            f.value_max, f.comparator = upper, "between"
            f.number = _Number(f.number.first, last + 2, f.number.value, f.number.is_word, f.number.approx)
            f.next = last + 3
            return
    if f.comparator == "between" and last + 2 < len(toks) and toks[last + 1].lower == "och":
        upper = _value_of(toks[last + 2])
        if upper is not None:
            f.value_max = upper
            f.number = _Number(f.number.first, last + 2, f.number.value, f.number.is_word, f.number.approx)
            f.next = last + 3
    elif f.comparator == "between":
        f.comparator = None


def _value_of(tok: Token) -> float | None:
    if tok.is_number:
        return parse_digits(tok.text)
    if tok.is_word and tok.lower not in ("en", "ett"):
        return parse_number_word(tok.lower)
    return None


def read_quantity(f: Reading) -> None:
    """A scale (``2 miljoner``) and a unit word: percent, percentage points (also
    ``%-enheter``), money, or a factor (``3 gånger så många``)."""
    toks, j = f.toks, f.next
    if j < len(toks) and toks[j].lower in lx.SCALE_WORDS and not _match_phrase(toks, j, "tusen kronor"):
        f.scale, j = lx.SCALE_WORDS[toks[j].lower], j + 1
    f.next = j
    if j >= len(toks):
        return
    low = toks[j].lower
    if low in lx.POINTS_WORDS:
        f.quantity, f.unit, f.unit_text, f.end, f.next = "percentage_points", "procentenhet", toks[j].text, j, j + 1
    elif low in lx.PERCENT_WORDS and _attached(toks, j, "-") and j + 2 < len(toks) \
            and toks[j + 2].lower.startswith("enhet"):  # "5 %-enheter"
        f.quantity, f.unit, f.end, f.next = "percentage_points", "procentenhet", j + 2, j + 3
        f.unit_text = "".join(t.text for t in toks[j:j + 3])
    elif low in lx.PERCENT_WORDS:
        f.quantity, f.unit, f.unit_text, f.end, f.next = "percent", "%", toks[j].text, j, j + 1
    elif phrase := _longest_at(toks, j, lx.MONEY_WORDS):
        n = len(_words_of(phrase))
        f.quantity, f.unit, f.end, f.next = "money", "SEK", j + n - 1, j + n
        f.unit_text = " ".join(t.text for t in toks[j:j + n])
        f.scale *= lx.MONEY_WORDS[phrase]
    elif low == "gånger" and j + 2 < len(toks) and toks[j + 1].lower == "så" \
            and toks[j + 2].lower in ("många", "mycket", "stor"):
        f.quantity, f.end, f.next = "factor", j + 2, j + 3


def read_counted_noun(f: Reading) -> None:
    """The noun a count counts: modifiers skipped (``fyra större kampanjer``), function
    words end the search; a comparator or ``fler`` right after the number is read first
    (``10 eller fler deltagare``, ``10 fler ledare``), a restatement in words skipped
    (``2 (två) möten``)."""
    if f.quantity != "count" or f.unit is not None:
        return
    toks, j = f.toks, f.next
    if phrase := _longest_at(toks, j, lx.COMPARATOR_AFTER):
        n = len(_words_of(phrase))
        f.comparator, f.end, j = f.comparator or lx.COMPARATOR_AFTER[phrase], j + n - 1, j + n
    if j < len(toks) and toks[j].lower in ("fler", "färre") and f.change is None \
            and not (j + 1 < len(toks) and toks[j + 1].lower == "än"):  # "10 fler ledare" ("mindre" is a size)
        f.change = lx.MORE_OR_FEWER[toks[j].lower]
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" \
            and _value_of(toks[j + 1]) == f.number.value:
        j += 3  # "2 (två) möten"
    if j + 1 < len(toks) and toks[j].lower in ("är", "blir") and SUB_TARGET_MARKERS.before(toks, f.start):
        j += 1  # "varav minst 40 är ledare"
    f.next = j
    k = j
    while k < len(toks) and k < j + 6:
        tok = toks[k]
        if not tok.is_word or tok.is_number or tok.lower in lx.UNIT_STOP and not _coordinated(toks, k) \
                or _value_of(tok) is not None:
            return
        if _coordinated(toks, k):
            k += 1  # "en attraktiv och välbesökt mässa": "och" joins two modifiers
            continue
        nxt = toks[k + 1].text if k + 1 < len(toks) else None
        if tok.text.endswith(".") and nxt and nxt[:1].isupper():
            return  # "med 100 st. Källa: ...": the abbreviation's dot ends the sentence
        if looks_like_modifier(tok.text, nxt) or _tagged_modifier(toks, k):
            k += 1
            continue
        if "VerbForm=Part" in tok.feats and (k + 1 >= len(toks) or toks[k + 1].pos not in ("NOUN", "PROPN")) \
                and SUB_TARGET_MARKERS.before(toks, f.start):
            return  # "varav minst en utbildad": a part of what the target before counted
        f.unit = noun_lemma(tok.text)
        text_end = k
        if (last := _suspended_compound_end(toks, k)) is not None:
            f.unit = f"{tok.lower}- {toks[k + 2].lower} {noun_lemma(toks[last].text)}"  # "barn- och vuxenkurser"
            text_end = last
        elif k + 2 < len(toks) and toks[k + 1].text == "/" and toks[k + 2].is_word \
                and toks[k + 2].lower not in lx.PERIOD_NOUNS:
            text_end = k + 2  # "debattartikel/insändare"
        f.unit_text = ("".join(t.text + ("" if t.end == toks[m + 1].start else " ")  # spaced as written
                               for m, t in enumerate(toks[j:text_end], start=j)) + toks[text_end].text
                       ).replace(" / ", "/")
        f.end, f.next = text_end, text_end + 1
        return


def _suspended_compound_end(toks: Sequence[Token], k: int) -> int | None:
    """``barn- och vuxenkurser``, ``dag- eller kvällsträffar``: a first part cut at its
    hyphen shares the second noun's end, so the two are one counted noun; the index of
    the second noun.

    >>> _suspended_compound_end(tokenize("5 barn- och vuxenkurser"), 1)
    4
    """
    if k + 3 < len(toks) and toks[k + 1].text == "-" and toks[k + 1].start == toks[k].end \
            and toks[k + 2].lower in ("och", "eller") and toks[k + 3].is_word and toks[k + 3].lower not in lx.UNIT_STOP:
        return k + 3
    return None


def _coordinated(toks: Sequence[Token], k: int) -> bool:
    """Is token ``k`` an "och"/"eller" joining two modifiers the tagger marks as such?"""
    return toks[k].lower in ("och", "eller") and 0 < k < len(toks) - 1 and toks[k - 1].pos == "ADJ" \
        and toks[k + 1].pos in ("ADJ", "ADV")


def _tagged_modifier(toks: Sequence[Token], k: int) -> bool:
    """Does the tagger say token ``k`` modifies a noun right after it: an adjective, an
    adverb of degree (``väl``), or a participle it took for a noun (``genomförd``)? Not
    when the word after is a participle with no noun after it (``spelare födda 1992``:
    the participle follows its noun)."""
    if k + 1 >= len(toks) or not toks[k + 1].text[:1].isalpha():
        return False
    nxt = toks[k + 1].pos
    if "VerbForm=Part" in toks[k + 1].feats and (k + 2 >= len(toks) or toks[k + 2].pos not in ("NOUN", "PROPN", "ADJ")):
        return False  # "20 spelare födda 1992": a participle after the noun, with no noun of its own
    if toks[k].pos == "ADJ":
        return nxt in ("NOUN", "PROPN", "ADJ") or _coordinated(toks, k + 1)
    if toks[k].pos == "ADV":
        return nxt in ("ADJ", "NOUN")
    return toks[k].pos == "NOUN" and nxt == "NOUN" and PARTICIPLE.search(toks[k].lower) is not None


def read_indicator_label(f: Reading) -> None:
    """``Antal nya medlemmar: 40``, ``Antalet träffar – 12``, ``Antal medlemmar 250`` (a
    table row or an indicator line pair), ``Antalet ledare ska 2026 vara 30`` (the
    clause's subject): an indicator's label names what the number after it counts."""
    if f.quantity != "count" or f.unit is not None or f.start < 2:
        return
    toks = f.toks
    separated = toks[f.start - 1].text in (":", "–", "-")
    clause_start, _ = _clause_bounds(toks, f.start - 1 - separated)
    for k in range(f.start - 1 - separated, max(-1, f.start - 10), -1):
        if toks[k].lower in CLAUSE_END or not (separated or toks[k].is_word or YEAR.match(toks[k].text)):
            return
        if toks[k].lower in lx.COUNT_NOUNS and toks[k].lower.startswith("antal"):
            if separated or k == clause_start or toks[k - 1].lower == "att":  # "Antal medlemmar 250"
                f.unit = counted_noun(" ".join(t.text for t in toks[k:f.start] if t.is_word))
            return


def read_after_unit(f: Reading) -> None:
    """``20 medlemmar eller fler``, ``50 procent fler``: comparators and changes after the noun."""
    toks, j = f.toks, f.next
    if phrase := _longest_at(toks, j, lx.COMPARATOR_AFTER):
        n = len(_words_of(phrase))
        f.comparator = f.comparator or lx.COMPARATOR_AFTER[phrase]
        f.end, f.next = j + n - 1, j + n
    elif j < len(toks) and toks[j].lower in lx.MORE_OR_FEWER and f.change is None \
            and not (j + 1 < len(toks) and toks[j + 1].lower == "än"):
        f.change = lx.MORE_OR_FEWER[toks[j].lower]
        f.end = j
        if f.unit is None and j + 1 < len(toks) and toks[j + 1].is_word and toks[j + 1].lower not in lx.UNIT_STOP:
            f.unit, f.unit_text, f.end = noun_lemma(toks[j + 1].text), toks[j + 1].text, j + 1
        f.next = f.end + 1


def _period_at(toks: Sequence[Token], k: int) -> tuple[str, int] | None:
    """A frequency starting at token ``k``: (ISO duration, index of its last token).

    >>> [_period_at(tokenize(s), 0) for s in ("varannan termin", "vartannat kvartal", "i veckan", "/år")]
    [('P1Y', 1), ('P6M', 1), ('P1W', 1), ('P1Y', 1)]
    """
    if k >= len(toks):
        return None
    low = toks[k].lower
    if low in lx.PERIOD_WORDS:
        return lx.PERIOD_WORDS[low], k
    if k + 1 >= len(toks) or not (low in lx.PERIOD_INTRO or low == "/" or low in lx.PERIOD_INTRO_DEFINITE):
        return None
    noun = toks[k + 1].lower
    duration = lx.PERIOD_NOUNS.get(noun) or _yearly_part(noun)
    if low in lx.PERIOD_INTRO and noun in lx.HALF_YEARS:
        both = _both_halves(toks, k + 1)
        if both is not None:
            return _times("P6M", lx.PERIOD_INTRO[low]), both
    if duration is None:
        return None
    if low in lx.PERIOD_INTRO:
        return _times(duration, lx.PERIOD_INTRO[low]), k + 1
    if low == "/" and toks[k + 1].start == toks[k].end:
        return duration, k + 1
    if low in lx.PERIOD_INTRO_DEFINITE and noun.endswith(("en", "et", "an")):
        return duration, k + 1
    return None


def _both_halves(toks: Sequence[Token], k: int) -> int | None:
    """The last token of "vår och höst" (or "höst- och vårtermin") starting at ``k``.

    >>> _both_halves(tokenize("vår och höst"), 0), _both_halves(tokenize("höst- och vårtermin"), 0)
    (2, 3)
    """
    m = k + 1 + (k + 1 < len(toks) and toks[k + 1].text == "-")
    if m + 1 < len(toks) and toks[m].lower == "och" and toks[m + 1].lower in lx.HALF_YEARS \
            and toks[m + 1].lower[:3] != toks[k].lower[:3]:
        return m + 1
    return None


def _yearly_part(noun: str) -> str | None:
    """A named part of the year (``vårtermin``, ``inomhussäsongen``) comes once a year.

    >>> _yearly_part("inomhussäsong"), _yearly_part("höstterminen"), _yearly_part("termin")
    ('P1Y', 'P1Y', None)
    """
    for part in lx.YEARLY_PARTS:
        if noun.endswith(part) and len(noun) > len(part) + 2:
            return "P1Y"
    return None


def _times(duration: str, n: int) -> str:
    """An ISO 8601 duration of one unit times ``n``; 12 months make a year.

    >>> _times("P6M", 2), _times("P3M", 2), _times("P1W", 2), _times("P1Y", 1)
    ('P1Y', 'P6M', 'P2W', 'P1Y')
    """
    amount, unit = int(duration[1:-1]) * n, duration[-1]
    if unit == "M" and amount % 12 == 0:
        amount, unit = amount // 12, "Y"
    return f"P{amount}{unit}"


def read_per(f: Reading) -> None:
    """A rate written after the target (``per månad``, ``i veckan``, ``/år``) within its
    clause, or before it at the head of the clause (``Varje månad ska vi ha två möten``),
    unless the target before took it.

    >>> [(t.value, t.per) for t in targets_of("Öppet 2 kvällar i veckan då tre ledare ska vara på plats")]
    [(2, 'P1W'), (3, None)]
    """
    toks = f.toks
    for k in range(f.next, min(len(toks), f.next + 6)):
        if toks[k].lower in CLAUSE_END or toks[k].lower == ",":
            break
        hit = _period_at(toks, k)
        if hit:
            f.per, f.end = hit[0], hit[1]
            return
    taken = f.previous.span[1] if f.previous is not None else -1
    for k in range(f.start - 1, max(-1, f.start - 8), -1):
        if toks[k].lower in CLAUSE_END or toks[k].lower == "," or toks[k].start < taken:
            break  # a rate the target before already took is not this one's
        hit = _period_at(toks, k)
        if hit and hit[1] < f.start:
            f.per = hit[0]
            return


def read_baseline(f: Reading) -> None:
    """``(47 % år 2019)``, ``(2019: 47 %)``: the level a target starts from, in parentheses
    right after it or, later in its sentence, after a comparison (``(jämfört med nu: 35 %)``)."""
    toks = f.toks
    k = f.end + 1
    while k < len(toks) and k <= f.end + 3 and toks[k].is_word:
        k += 1  # "minst 40 % av platserna (37,5 % år 2022)"
    if k >= len(toks) or toks[k].text != "(":
        _, s_end = _sentence_bounds(toks, f.end)
        k = next((m for m in range(f.end + 1, min(s_end, f.end + 30)) if toks[m].text == "("
                  and _longest_at(toks, m + 1, lx.COMPARISON_MARKERS)), len(toks))
    if k >= len(toks) or not _same_quantity_inside(toks, k, f.quantity):
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


def _same_quantity_inside(toks: Sequence[Token], k: int, quantity: str) -> bool:
    """Is the parenthesis at ``k`` a level of the same kind (a percentage for a percentage)?"""
    for m in range(k + 1, min(len(toks) - 1, k + 12)):
        if toks[m].text == ")":
            return False
        if toks[m].is_number and not YEAR.match(toks[m].text):
            unit = toks[m + 1].lower
            kind = "percent" if unit in lx.PERCENT_WORDS else "money" if unit in lx.MONEY_WORDS else "count"
            return kind == quantity or (kind, quantity) == ("percent", "percentage_points")
    return False


def read_deadline(f: Reading) -> None:
    """A year or date the target must be met by, named in the same sentence."""
    toks = f.toks
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
        if toks[m].lower in lx.DEADLINE_INTRO_BEFORE:
            date = _deadline_at(toks, m)
            if date:
                f.deadline = date
                return


def _deadline_at(toks: Sequence[Token], m: int) -> str | None:
    hit = _longest_at(toks, m, lx.DEADLINE_INTRO)
    if hit is None:
        return None
    k = m + len(_words_of(hit))
    if k < len(toks) and toks[k].lower in lx.DEADLINE_EVENT:
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


def read_level_before(f: Reading) -> None:
    """``Antalet ledare uppgick 2023 till 12 och ska öka till 20``: a level reported
    earlier in the sentence is the baseline of the change to reach (with its year)."""
    if f.change not in ("increase_to", "decrease_to") or f.baseline is not None:
        return
    toks = f.toks
    s_start, _ = _sentence_bounds(toks, f.number.first)
    verb = next((k for k in range(s_start, f.start) if toks[k].lower in lx.LEVEL_VERBS), None)
    if verb is None:
        return
    value = year = None
    for k in range(verb + 1, f.start):
        if toks[k].is_number and YEAR.match(toks[k].text):
            year = year or int(toks[k].text)
        elif value is None and toks[k].is_number:
            value = parse_digits(toks[k].text)
    if value is not None:
        f.baseline = Baseline(value, year)


#: the readers, in the order they run: left context first, then right
READERS: tuple[Callable[[Reading], None], ...] = (
    read_comparator_before, read_change, read_range, read_quantity, read_counted_noun, read_indicator_label,
    read_after_unit, read_per, read_baseline, read_level_before, read_deadline)


# ------------------------------------------------------------------ the vetoes

VETOES: list[tuple[str, Callable[[Reading], bool]]] = []


def veto(name: str) -> Callable[[Callable[[Reading], bool]], Callable[[Reading], bool]]:
    """Register a rule that drops a number which is not a target; rules run in the order
    they are defined, and the first that holds names the reason (see :func:`why_not`)."""

    def register(rule: Callable[[Reading], bool]) -> Callable[[Reading], bool]:
        VETOES.append((name, rule))
        return rule

    return register


def _veto_of(f: Reading) -> str | None:
    return next((name for name, rule in VETOES if rule(f)), None)


@veto("an identifier or a reference")
def an_identifier(f: Reading) -> bool:
    """A word before the number makes it a name, a reference or a clock time.

    A label before a colon does the same when it names a reference or a fact about the
    document (``Sidantal: 24``, ``Version: 3``).

    >>> why_not("Samling i rum 12 kl 18")
    [('12', 'an identifier or a reference'), ('18', 'an identifier or a reference')]
    >>> why_not("Version: 3 Sidantal: 24")
    [('3', 'an identifier or a reference'), ('24', 'an identifier or a reference')]
    """
    if f.comparator_phrase is not None:
        return False
    k = f.number.first
    return f.before in lx.IDENTIFIER_BEFORE or k >= 2 and f.before == ":" and f.toks[k - 2].lower in lx.REFERENCE_LABELS


@veto("opening hours")
def opening_hours(f: Reading) -> bool:
    """A bare range of hours (both ends 24 or less, nothing counted) right after a day of
    the week or ``öppet`` is a time of day (``fredag 7-17``, ``öppet 10-16``); ``öppet 3-4
    dagar`` counts days.

    >>> why_not("Kansliet har öppet måndag till fredag 8-16"), why_not("Öppet 3-4 dagar i veckan")
    ([('8', 'opening hours')], [('3', None)])
    """
    if f.value_max is None or f.unit is not None or f.quantity != "count" or f.value_max > 24:
        return False
    k = f.number.first
    return any(t.lower in lx.HOURS_BEFORE for t in f.toks[max(0, k - 2):k])


@veto("a page or section number")
def a_page_number(f: Reading) -> bool:
    """A bare number glued to a heading in flattened text or a table of contents: next to
    a dot leader (``Ekonomi ..... 7``), before a capitalised word with a dot leader later
    (``3 Ekonomi ...... 12``), between a word and a capitalised word (``visionen 1 Glädje
    och gemenskap``), or starting a prose sentence before a capitalised word (prose spells
    a number that starts a sentence in letters).

    >>> why_not("Innehåll Inledning... 3 Ekonomi... 5 Mål")
    [('3', 'a page or section number'), ('5', 'a page or section number')]
    >>> why_not("Verksamhetsidé 2 Barn och unga i centrum")
    [('2', 'a page or section number')]
    >>> why_not("4 Aktiviteter och evenemang ........ 9")
    [('4', 'a page or section number'), ('9', 'a page or section number')]
    """
    toks, n = f.toks, f.number
    if n.is_word or f.comparator is not None or f.change or f.verb:
        return False
    if _dot_leader_before(toks, n.first) or _dot_leader_before(toks, n.last + 3):
        return True
    nxt = toks[n.last + 1] if n.last + 1 < len(toks) else None
    if nxt is None or not nxt.is_word or not nxt.text[:1].isupper() or nxt.text.isupper():
        return False
    _, clause_end = _clause_bounds(toks, n.last + 1, stops=frozenset({":", ";", "!", "?"}))
    if any(_dot_leader_before(toks, k) for k in range(n.last + 2, min(clause_end, n.last + 12, len(toks)) + 1)):
        return True
    if n.first == 0:
        return not f.context.list_item
    return toks[n.first - 1].is_word or toks[n.first - 1].is_number


def _dot_leader_before(toks: Sequence[Token], k: int) -> bool:
    """Do two dots or an ellipsis end right before token ``k``?"""
    if k > len(toks):
        return False
    return k >= 2 and toks[k - 1].text in (".", "…") and toks[k - 2].text in (".", "…") \
        or k >= 1 and toks[k - 1].text == "…"


@veto("a footnote marker")
def a_footnote(f: Reading) -> bool:
    """A small number glued to the punctuation before it (``(se bilagan)4``, ``slut.4``):
    a footnote marker that lost its raised type in copying. (Glued to a word, a comma or
    a word's dot, ``medlemmar.3``, it is no number token at all.)

    >>> why_not("Minst 6 temakvällar (se bilagan)4 under våren")
    [('6', None), ('4', 'a footnote marker')]
    """
    toks, n = f.toks, f.number
    if n.is_word or n.first == 0 or len(toks[n.first].text) > 2 or f.comparator_phrase:
        return False
    before = toks[n.first - 1]
    return before.text in (".", ";", ")", "]") and before.end == toks[n.first].start


@veto("one of a known set")
def one_of_a_set(f: Reading) -> bool:
    """``de tre``, ``alla fyra``, ``första 2``: the number picks out a set already named.

    >>> why_not("Alla fyra lagen deltar")
    [('fyra', 'one of a known set')]
    """
    return f.comparator_phrase is None and f.before in lx.DETERMINERS


@veto("an article")
def an_article(f: Reading) -> bool:
    """"en"/"ett" is an article unless a comparator, a range (``en till två``) or a rate
    makes it a count (SPEC).

    A digit in parentheses after it spells the count out (``en (1) gång/år``).

    >>> why_not("Ett möte med kommunen"), why_not("Ett möte i månaden")
    ([('Ett', 'an article')], [('Ett', None)])
    >>> why_not("Välja en (1) revisor")
    [('en', None), ('1', 'nothing counted')]
    """
    n = f.number
    return n.is_word and f.toks[n.first].lower in ("en", "ett") and f.comparator_phrase is None \
        and not n.approx and f.value_max is None and not _is_once_per(f.toks, n.last) \
        and not _spelled_out(f.toks, n.last)


def _spelled_out(toks: Sequence[Token], last: int) -> bool:
    """Is the number word ending at ``last`` followed by its digit in parentheses (``en (1)``)?"""
    return last + 3 < len(toks) and toks[last + 1].text == "(" and toks[last + 2].text == "1" \
        and toks[last + 3].text == ")"


def _is_once_per(toks: Sequence[Token], last: int) -> bool:
    """``en gång per månad``, ``en kväll i veckan``, ``ett öppet möte per termin``: with a
    rate right after its noun, "en"/"ett" is a count."""
    for k in range(last + 1, min(len(toks), last + 3)):
        if not toks[k].is_word or toks[k].lower in lx.UNIT_STOP and toks[k].lower not in lx.PERIOD_INTRO \
                and toks[k].lower not in lx.PERIOD_INTRO_DEFINITE:
            return False
        if _period_at(toks, k + 1) is not None:
            return True
    return False


@veto("a year")
def a_year(f: Reading) -> bool:
    """``under 2026``, ``2024``: a year, unless money or percent follows it.

    >>> why_not("Under 2026 ordnar vi 4 läger")
    [('2026', 'a year'), ('4', None)]
    """
    toks, n = f.toks, f.number
    if n.is_word or not YEAR.match(toks[n.first].text):
        return False
    nxt = toks[n.first + 1].lower if n.first + 1 < len(toks) else ""
    money_or_percent = nxt in lx.MONEY_WORDS or nxt in lx.PERCENT_WORDS
    return not money_or_percent and (f.comparator_phrase is None or f.comparator_phrase in lx.TEMPORAL_COMPARATORS)


@veto("where a change starts")
def where_a_change_starts(f: Reading) -> bool:
    """``från 103 till 115``: 103 is the baseline of the target 115.

    >>> why_not("Öka från 103 till 115 medlemmar")
    [('103', 'where a change starts'), ('115', None)]
    """
    toks, first = f.toks, f.number.first
    return f.before == "från" and first + 2 < len(toks) and toks[first + 1].lower == "till" \
        and _value_of(toks[first + 2]) is not None


@veto("an age")
def an_age(f: Reading) -> bool:
    """``barn 7-12 år``, ``20 års ålder``, ``15-20-åringar``, ``i åldern 8-10``, and a bare
    range right after an age group (``ungdomar 13-16``).

    >>> why_not("Läger för ungdomar 13-16 år"), why_not("Cirklar för barn i åldern 9-11")
    ([('13', 'an age')], [('9', 'an age')])
    >>> why_not("Träffar för ungdomar 13–16"), why_not("Minst 12-15 deltagare")
    ([('13', 'an age')], [('12', None)])
    """
    toks, after = f.toks, f.number.last + 1
    if after < len(toks) and (toks[after].lower in lx.AGE_AFTER or toks[after].lower.startswith("åring")):
        return True
    if _attached(toks, f.number.last, "-") and after + 1 < len(toks) and toks[after + 1].lower.startswith("åring"):
        return True  # "15-20-åringar"
    if f.comparator_phrase is None and any(t.lower in lx.AGE_BEFORE for t in toks[max(0, f.start - 2):f.start]):
        return True
    if f.value_max is not None and f.unit is None and f.comparator_phrase is None and f.start \
            and toks[f.start - 1].lower in lx.AGE_GROUPS:
        return True
    return f.quantity == "count" and f.unit_text is not None and f.unit_text.split()[-1].lower() in lx.AGE_AFTER


@veto("a duration")
def a_duration(f: Reading) -> bool:
    """``under 3 dagar``, ``ett läger på fyra dagar``: the length of an event, unless a
    comparator or change sets it as a level (``minst 20 timmar``) or a rate makes it one.

    >>> why_not("Lägret pågår i fem dagar"), why_not("Minst 20 timmar per termin")
    ([('fem', 'a duration')], [('20', None)])
    """
    if f.quantity != "count" or not f.unit or not f.unit_text or f.unit_text.split()[-1].lower() not in lx.TIME_NOUNS:
        return False
    before = f.toks[f.start - 1].lower if f.start else ""
    if (f.comparator is None and f.change is None) or before in lx.DURATION_BEFORE:
        return not _is_once_per(f.toks, f.number.last)
    return False


@veto("nothing counted")
def nothing_counted(f: Reading) -> bool:
    """A bare number that counts no noun and that no comparator, change or verb sets as
    a level (``varav 12`` is a sub-target of its own); a vague count alone
    (``valde ett fåtal``) says nothing measurable either.

    >>> why_not("Se punkterna 4 och 5.")
    [('4', 'nothing counted'), ('5', 'nothing counted')]
    """
    if f.quantity != "count" or f.unit is not None or f.change or f.verb:
        return False
    if SUB_TARGET_MARKERS.before(f.toks, f.start) is not None:
        return False
    if f.previous_unit and f.before in lx.JOINERS:
        return False  # "tre träffar under hösten och två under våren"
    return f.comparator is None or (f.comparator_phrase is None and f.number.approx is not None)


@veto("a count of the document's own parts")
def a_count_of_parts(f: Reading) -> bool:
    """``tre prioriterade områden``, ``fyra strategiska mål``, ``fem hörnstenar``: the
    plan counting its own chapters and themes, unless a level is set (``minst två nya
    områden``) or the parts are new.

    >>> why_not("Planen har tre fokusområden: barn, unga och äldre")
    [('tre', "a count of the document's own parts")]
    """
    if f.quantity != "count" or not f.unit or f.sets_level:
        return False
    if f.unit_text and any(w.lower() in lx.NEW_WORDS for w in f.unit_text.split()):
        return False
    return any(f.unit.endswith(part) for part in lx.DOCUMENT_PARTS)


@veto("a point of comparison")
def a_point_of_comparison(f: Reading) -> bool:
    """``(jämfört med i fjol: 35 procent)``: the figure a target is measured against.

    >>> why_not("Andelen ska vara 45 procent (jämfört med nu: 35 procent)")
    [('45', None), ('35', 'a point of comparison')]
    """
    start, _ = _clause_bounds(f.toks, f.number.first, stops=CLAUSE_STOPS - {":"})
    return _has_marker(f.toks, start, f.number.first, lx.COMPARISON_MARKERS)


@veto("a price, fee or balance")
def a_price_or_balance(f: Reading) -> bool:
    """Rents, fees, balances and budget estimates state what things cost or hold
    (``Hyran är 4 500 kr per månad``, ``Budget: 20 000 kr``), unless a comparator or a
    change sets a level (``Kostnaden får högst vara 9 000 kr``, ``Höja avgiften till 300 kr``).
    A decision to grant or spend (``Anslå 5 000 kr till ...``) names no such noun.

    Money a sponsor or donor gives, or a sum left over, is the same kind of fact
    (``Banken sponsrar laget med 8 000 kr``, ``Det finns 3 000 kr kvar i fonden``).

    >>> why_not("Hyran är 4 500 kr per månad"), why_not("Anslå 5 000 kr till lägret")
    ([('4 500', 'a price, fee or balance')], [('5 000', None)])
    >>> why_not("Banken sponsrar laget med 8 000 kr"), why_not("Vi har 3 000 kr kvar i fonden")
    ([('8 000', 'a price, fee or balance')], [('3 000', 'a price, fee or balance')])
    >>> why_not("Anslå 8 000 kr till sponsorträffen"), why_not("Regionen bidrar med 9 000 kr")
    ([('8 000', None)], [('9 000', 'a price, fee or balance')])
    """
    if f.quantity != "money" or f.change or f.verb or (f.comparator in STRONG_COMPARATORS
                                                        and f.comparator_phrase not in lx.HEDGES):
        return False
    c_start, c_end = _clause_bounds(f.toks, f.number.first, stops=CLAUSE_STOPS - {":", "–", "—"})
    return any(t.is_word and noun_lemma(t.text).endswith(tuple(lx.PRICE_NOUNS)) for t in f.toks[c_start:f.start]) \
        or any(_is_funds_word(t.lower) for t in f.toks[c_start:c_end] if t.is_word)


def _is_funds_word(low: str) -> bool:
    """A word of giving or leaving over (``sponsrar``, ``sponsorerna``, ``kvar``), not a
    compound that only starts with one (``sponsorträffen`` names an event).

    >>> _is_funds_word("sponsorerna"), _is_funds_word("sponsorträffen"), _is_funds_word("kvar")
    (True, False, True)
    """
    return low in lx.FUNDS_WORDS or any(low.startswith(s) and len(low) <= len(s) + 4 for s in lx.FUNDS_STEMS)


@veto("a partner")
def a_partner(f: Reading) -> bool:
    """The number right after ``tillsammans med``, ``i samarbete med`` counts who takes
    part alongside (``tillsammans med tre grannklubbar``), not what is to be done.

    >>> why_not("Tillsammans med tre grannklubbar ska vi ordna 2 cuper")
    [('tre', 'a partner'), ('2', None)]
    """
    k = f.number.first
    if f.comparator_phrase and f.comparator_phrase in lx.HEDGES:
        k = f.start
    return any(_match_phrase(f.toks, k - len(_words_of(m)), m) for m in lx.PARTNER_MARKERS
               if k - len(_words_of(m)) >= 0)


@veto("a report of the past or a forecast")
def a_report(f: Reading) -> bool:
    """The clause reports what was or is, or guesses, rather than sets a goal.

    >>> why_not("Förra året hade vi 45 medlemmar")
    [('45', 'a report of the past or a forecast')]
    """
    return _is_narrative(f.toks, f.number.first)


@veto("a fact about the present")
def a_fact_about_the_present(f: Reading) -> bool:
    """A verb of state reports a level (``Kåren har ett kapital på cirka 85 000 kronor``,
    ``I länet finns drygt 300 föreningar``) unless a comparator sets it (``Distriktet har
    minst 50 klubbar``) or goal wording governs the number: the nearer of a verb of state
    and goal wording (or an "att" clause) before the number decides. In a prose sentence
    the number may be the subject too (``Cirka 200 av dem är aktiva``).

    >>> why_not("I regionen finns drygt 3 000 föreningar"), why_not("Vi har minst 50 klubbar")
    ([('3 000', 'a fact about the present')], [('50', None)])
    >>> why_not("Vi vill att kåren har 3 ledare per avdelning")
    [('3', None)]
    """
    strong = f.comparator in STRONG_COMPARATORS and (f.context.list_item or f.comparator_phrase not in lx.HEDGES)
    if strong or f.change or f.verb or f.per:
        return False
    toks = f.toks
    s_start, s_end = _sentence_bounds(toks, f.number.first)
    for k in range(f.start - 1, s_start - 1, -1):
        if toks[k].lower == "att" or _longest_at(toks, k, lx.GOAL_MARKERS):
            return False
        if toks[k].lower in lx.LEVEL_STATE_VERBS:
            c_start, _ = _clause_bounds(toks, k, stops=QUOTED_CLAUSE_STOPS)
            return not any(t.lower == "att" or _longest_at(toks, m, lx.GOAL_MARKERS)
                           for m, t in enumerate(toks[c_start:k], start=c_start))
    if f.context.list_item or _has_marker(toks, s_start, s_end, lx.GOAL_MARKERS):
        return False
    _, c_end = _clause_bounds(toks, f.number.first)
    verb = next((t for t in toks[f.end + 1:c_end] if t.pos in ("VERB", "AUX") or t.lower in lx.LEVEL_STATE_VERBS), None)
    return verb is not None and verb.lower in lx.LEVEL_STATE_VERBS


@veto("a description of the present")
def a_description(f: Reading) -> bool:
    """A prose sentence in the present tense with no goal wording, no level set and no
    time of the plan (``under året``, ``i år``, ``kommande``) describes how things are
    (``På kansliet arbetar ca 12 personer``); in a list item, or anchored in the plan's
    time (a year, ``under året``), the same tense states a planned activity.

    >>> why_not("På kansliet arbetar ca 12 personer"), why_not("Gruppen håller fyra möten under året")
    ([('12', 'a description of the present')], [('fyra', None)])

    A sentence that opens with ``Antal``/``Andel`` is an indicator row, and the word after
    ``antal``/``andel`` is the counted noun whatever the tagger says (``Antal träffar: 12``
    names no verb "träffar").

    >>> why_not("Antal träffar: 12"), why_not("Andel besök som leder till medlemskap 20 %")
    ([('12', None)], [('20', None)])
    """
    if f.context.list_item or f.sets_level or f.deadline or f.quantity == "money":
        return False  # money in a plan's present tense is a decision to spend (``avsätter 5 000 kr``)
    toks = f.toks
    s_start, s_end = _sentence_bounds(toks, f.number.first)
    if _has_marker(toks, s_start, s_end, lx.GOAL_MARKERS) or _has_marker(toks, s_start, s_end, lx.PLAN_TIME) \
            or any(t.is_number and YEAR.match(t.text) for t in toks[s_start:s_end]):
        return False  # "Under 2026 ordnar vi 4 läger"
    if toks[s_start].lower in lx.COUNT_NOUNS:
        return False  # an indicator row: "Andel besök som leder till medlemskap 20 %"
    verb = next((t for k, t in reversed(list(enumerate(toks[s_start:f.start], start=s_start)))
                 if t.pos in ("VERB", "AUX") and not (k > 0 and toks[k - 1].lower in lx.COUNT_NOUNS)), None)
    return verb is not None and {"Tense=Pres", "VerbForm=Fin"} <= verb.feats and verb.lower not in lx.AUXILIARIES


@veto("a reported figure")
def a_reported_figure(f: Reading) -> bool:
    """``drygt``, ``knappt``, ``närmare``, ``uppemot`` hedge a figure someone counted; in
    prose with no goal wording they report it (``Det blir närmare 500 besök per år``).

    >>> why_not("Totalt kommer drygt 400 besökare per år"), why_not("Vi ska nå drygt 400 besökare")
    ([('400', 'a reported figure')], [('400', None)])
    """
    if f.comparator_phrase not in lx.REPORT_HEDGES or f.context.list_item or f.change or f.verb:
        return False
    s_start, s_end = _sentence_bounds(f.toks, f.number.first)
    return not _has_marker(f.toks, s_start, s_end, lx.GOAL_MARKERS)


@veto("a fact under a description of the present")
def a_fact_of_the_present_state(f: Reading) -> bool:
    """Under ``Nuläge`` or ``Dagsläget:`` a number reports how things are (``Laget tränar
    3 gånger i veckan``, ``en grupp på mellan 10 och 15 ledare``), unless the sentence
    still sets a target: goal wording, a bound (``minst``, ``högst``) or a verb of reaching.

    >>> present = TextContext(describes_present=True)
    >>> why_not("Laget tränar 3 gånger i veckan", present), why_not("Vi ska bli minst 30 barn", present)
    ([('3', 'a fact under a description of the present')], [('30', None)])
    """
    if not f.context.describes_present or f.verb:
        return False
    if f.comparator in (">=", "<=") and f.comparator_phrase not in lx.HEDGES:
        return False
    s_start, s_end = _sentence_bounds(f.toks, f.number.first)
    return not _has_marker(f.toks, s_start, s_end, lx.GOAL_MARKERS)


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


CLAUSE_STOPS = frozenset({",", ";", ":", "–", "—", "(", ")", "och", "men", "samt"}) | SENTENCE_END

#: a quotation (a motto, a vision) is a clause of its own
QUOTED_CLAUSE_STOPS = CLAUSE_STOPS | {'"', "”", "“", "»", "«"}


def _clause_bounds(toks: Sequence[Token], i: int, stops: frozenset[str] = CLAUSE_STOPS) -> tuple[int, int]:
    """The clause around token ``i``: between commas, colons, dashes, parentheses and
    the conjunctions that start a new clause."""
    floor, ceiling = max(0, i - MAX_CONTEXT), min(len(toks), i + MAX_CONTEXT)
    start = i
    while start > floor and toks[start - 1].lower not in stops:
        start -= 1
    end = i
    while end < ceiling and toks[end].lower not in stops:
        end += 1
    return start, end


def _has_marker(toks: Sequence[Token], a: int, b: int, markers: Iterable[str],
                skip_parenthesised: bool = False) -> bool:
    """Does a marker phrase stand among tokens a..b (leaving out a baseline in parentheses)?"""
    words = [t.lower for t in toks[a:b]]
    if skip_parenthesised or "var" in words or "tidigare" in words:  # the only words a rule below drops
        inside = _parenthesised(toks, a, b) if skip_parenthesised else []
        words = [t.lower for k, t in enumerate(toks[a:b], start=a)
                 if not (skip_parenthesised and inside[k - a]) and not _distributive(toks, k)
                 and not _qualifies_a_year(toks, k)]
    joined = " " + " ".join(words) + " "
    return _padded(markers).search(joined) is not None


_PADDED: dict[int, tuple[Iterable[str], regex.Pattern[str]]] = {}


def _padded(markers: Iterable[str]) -> regex.Pattern[str]:
    """One pattern for a table's phrases, each with a space either side, to be found as
    whole words in words joined by spaces (one search instead of a test per phrase); made
    once per table (kept beside it, so that its id stays its own)."""
    entry = _PADDED.get(id(markers))
    if entry is None or entry[0] is not markers:
        pattern = regex.compile("|".join(regex.escape(f" {m} ") for m in markers) or r"(?!)")  # none: no match
        entry = _PADDED[id(markers)] = (markers, pattern)
    return entry[1]


def _distributive(toks: Sequence[Token], k: int) -> bool:
    """Is token ``k`` the "var" of "each" after a count and its noun (``en kurs var per
    termin``, ``två pass var.``) rather than the past tense of "vara"?

    >>> _distributive(tokenize("Vi läser två böcker var per termin"), 4)
    True
    >>> _distributive(tokenize("Tre ledare var med"), 2)
    False
    """
    if toks[k].lower != "var" or k < 2 or not toks[k - 1].is_word:
        return False
    count = toks[k - 2]
    if not (count.is_number or parse_number_word(count.lower) is not None):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is None or not nxt.is_word or nxt.lower in lx.PERIOD_INTRO or nxt.lower in lx.JOINERS


def _qualifies_a_year(toks: Sequence[Token], k: int) -> bool:
    """Is token ``k`` the "tidigare" of a year's bound (``födda 1990 och tidigare``)
    rather than a report of the past?

    >>> _qualifies_a_year(tokenize("födda 1990 och tidigare"), 3), _qualifies_a_year(tokenize("tidigare år"), 0)
    (True, False)
    """
    if toks[k].lower != "tidigare":
        return False
    m = k - 1 - (k >= 1 and toks[k - 1].lower in ("och", "eller"))
    return m >= 0 and toks[m].is_number and YEAR.match(toks[m].text) is not None


def _is_past(toks: Sequence[Token], a: int, b: int, number: int) -> bool:
    for k in range(a, b):
        low = toks[k].lower
        if k < number and toks[k].pos in ("VERB", "AUX") and {"Tense=Past", "VerbForm=Fin"} <= toks[k].feats \
                and WEAK_PAST.search(low):
            return True  # "-ade/-de/-te": the tagger tells the past-tense verb from the adjective
        if low in lx.PERFECT_AUX:
            if any(SUPINE.match(t.lower) for t in toks[k + 1:min(b, k + 6)] if t.is_word):
                return True
        if low.endswith("es") and PAST_PASSIVE.match(low):  # every ending it knows ends so
            return True
    return False


def _is_narrative(toks: Sequence[Token], i: int) -> bool:
    """Does the number at ``i`` report a fact (past, present state, forecast, example)
    rather than state a goal? Goal wording anywhere in its clause outweighs the rest."""
    s_start, s_end = _sentence_bounds(toks, i)
    c_start, c_end = _clause_bounds(toks, i)
    if _has_marker(toks, c_start, i, lx.EXAMPLE_MARKERS):
        return True
    if _has_marker(toks, c_start, c_end, lx.GOAL_MARKERS):
        return False
    narrative_clause = _has_marker(toks, c_start, c_end, lx.NARRATIVE_MARKERS) or _is_past(toks, c_start, c_end, i)
    if narrative_clause:
        return True
    sentence_goal = _has_marker(toks, s_start, s_end, lx.GOAL_MARKERS)
    inside = _parenthesised(toks, s_start, s_end)
    outside = [k for k in range(s_start, s_end) if not inside[k - s_start]]
    a, b = (outside[0], outside[-1] + 1) if outside else (s_start, s_end)
    return not sentence_goal and (_has_marker(toks, a, b, lx.NARRATIVE_MARKERS, skip_parenthesised=True)
                                  or _is_past(toks, a, b, i))


def _parenthesised(toks: Sequence[Token], a: int, b: int) -> list[bool]:
    """For each token from ``a`` up to ``b``: does it stand inside parentheses opened
    after ``a``? (A ")" with none open closes nothing.) One pass for all of them: asked
    token by token, a long sentence took time growing with its square.

    >>> _parenthesised(tokenize("Vi har 40 (38 i fjol) medlemmar"), 0, 8)
    [False, False, False, False, True, True, True, True]
    """
    inside = []
    depth = 0
    for t in toks[a:b]:
        inside.append(depth > 0)
        depth += t.text == "("
        depth -= t.text == ")" and depth > 0
    return inside


# ------------------------------------------------------------------ building the target

def _metric(f: Reading) -> str | None:
    """What a percentage measures: ``40 % av platserna``, ``andelen som ... är 40 %``."""
    toks = f.toks
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


def _to_target(f: Reading, text: str, context_unit: str | None) -> Target:
    """The target a reading describes; a comparator left unsaid follows from the change or verb."""
    toks = f.toks
    comparator = f.comparator
    if comparator is None:
        if f.change == "increase_to" or f.verb == "reach":
            comparator = ">="
        elif f.change == "decrease_to":
            comparator = "<="
        else:
            comparator = "="
    unit, unit_text, metric = f.unit, f.unit_text, _metric(f)
    if f.quantity == "count" and unit is None:
        unit = _object_unit(f)
        if unit is None and f.change and metric:  # "Begränsa resorna till 3": the object is counted
            unit, metric = _counted_in(metric), None
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


def _counted_in(noun: str) -> str:
    """What a noun of number counts: ``medlemsantal`` (the number of members) counts
    ``medlem``; any other noun counts itself.

    >>> _counted_in("medlemsantal"), _counted_in("deltagarantal"), _counted_in("resa")
    ('medlem', 'deltagare', 'resa')
    """
    if noun.endswith("antal") and len(noun) > len("antal") + 2:
        head = noun[:-len("antal")]
        return noun_lemma(head[:-1] if head.endswith("s") else head)
    return noun


def _object_unit(f: Reading) -> str | None:
    """``Öka antalet gilla-markeringar ... till minst 2000``: the counted noun stands
    before the number, as the object of the change verb, or as the subject of a sentence
    whose second verb is the change (``Antalet ledare (i maj) var 12 och ska öka till 20``;
    a parenthesis is stepped over)."""
    toks = f.toks
    if f.change is None and f.verb is None:
        return None
    k = f.start
    while k > max(0, f.start - 25):
        k -= 1
        if toks[k].text == ")":
            k = next((m for m in range(k - 1, max(-1, k - 15), -1) if toks[m].text == "("), k)
            continue
        if toks[k].lower in CLAUSE_END or (k < f.start - 10 and toks[k].text == ","):
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
