"""Swedish word data, kept as tables: edit a table, not a branch.

The bottom layer of the package: it imports nothing of planparse, and every other layer
(readers, structure, targets, check, diff) takes its Swedish words from here.

Every phrase table is a :class:`Table` that says how its keys are matched:
``Match.TOKEN`` keys are compared with one token of the extractor's tokenizer,
``Match.PHRASE`` keys with a run of tokens (one per word of the key, any white space
between them; longer phrases win over shorter ones), ``Match.PREFIX`` keys with the start
of one token (a stem: ``förbättr`` matches ``förbättra``, ``förbättring``), ``Match.SUFFIX``
keys with its end (``klubb`` in ``Seglarklubb``), ``Match.CASED`` keys with one token as
written (acronyms: ``PRO``, not ``pro``). The structure tables at the end are tables of the
same kind. ``tests/test_lexicon.py`` proves
that every key can match given the tokenizer, so no entry is silently dead.
Keys are lower case.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import Any

import regex


class Match(str, Enum):
    """How the keys of a table are compared with a text."""

    TOKEN = "one token"
    PHRASE = "a phrase of tokens"
    PREFIX = "the start of one token"
    SUFFIX = "the end of one token"
    CASED = "one token as written, upper case"


class Table(dict):
    """A phrase table that declares how its keys match; a dict (key -> meaning, or None
    for a plain word list), so lookups stay as fast as a dict's.

    >>> t = Table(Match.TOKEN, ("minst", "högst"))
    >>> "minst" in t, t.match.value
    (True, 'one token')
    """

    __slots__ = ("match", "longest")

    def __init__(self, match: Match, entries: Mapping[str, Any] | Iterable[str]) -> None:
        super().__init__(entries if isinstance(entries, Mapping) else dict.fromkeys(entries))
        self.match = match
        self.longest = max((len(k.split()) for k in self), default=0)

    def alternation(self) -> str:
        """The phrases as one regex alternation, longest first (so a phrase wins over its
        own first word), any white space between words; the caller adds the boundaries.

        >>> print(Table(Match.PHRASE, ("ca", "ca.", "i dag")).alternation())
        i\\s+dag|ca\\.|ca
        """
        return "|".join(r"\s+".join(map(regex.escape, k.split())) for k in sorted(self, key=len, reverse=True))

    def longest_opening(self, words: Sequence[str]) -> int:
        """How many of ``words`` the longest phrase they open with spans, 0 when they open
        with none (``Nuläge och mål`` opens with ``nuläge``).

        >>> t = Table(Match.PHRASE, ("läget", "läget idag"))
        >>> t.longest_opening("läget idag i klubben".split()), t.longest_opening(["mål"])
        (2, 0)
        """
        for n in range(min(self.longest, len(words)), 0, -1):
            if " ".join(words[:n]) in self:
                return n
        return 0


# --- comparators ---------------------------------------------------------------
#: phrase standing before the number -> comparator
COMPARATOR_BEFORE = Table(Match.PHRASE, {
    "minst": ">=", "åtminstone": ">=", "som minst": ">=", "inte mindre än": ">=",
    "inte färre än": ">=", "lägst": ">=", "minimum": ">=", "inte under": ">=",
    "fler än": ">", "mer än": ">", "över": ">", "högre än": ">", "större än": ">",
    "överstiga": ">", "överstiger": ">", "överträffa": ">", "drygt": ">",
    "högst": "<=", "max": "<=", "max.": "<=", "maximalt": "<=", "som mest": "<=", "maximum": "<=",
    "inte fler än": "<=", "inte mer än": "<=", "inte över": "<=", "upp till": "<=", "som högst": "<=",
    "färre än": "<", "mindre än": "<", "under": "<", "lägre än": "<",
    "understiga": "<", "understiger": "<", "knappt": "<",
    "cirka": "~", "ca": "~", "ca.": "~", "c:a": "~", "omkring": "~", "runt": "~",
    "ungefär": "~", "kring": "~", "i storleksordningen": "~", "närmare": "~", "uppemot": "~",
    "mellan": "between", ">": ">", "≥": ">=", "<": "<", "≤": "<=",
})
#: phrase standing after the number (``10 eller fler``) -> comparator
COMPARATOR_AFTER = Table(Match.PHRASE, {
    "eller fler": ">=", "eller mer": ">=", "eller mera": ">=", "eller högre": ">=", "eller större": ">=",
    "eller färre": "<=", "eller mindre": "<=", "eller lägre": "<=", "och uppåt": ">=", "och nedåt": "<=",
})

# --- verbs ---------------------------------------------------------------------
#: a verb (any tense or the -s passive), or its noun, followed by "med"/"till" states a change
CHANGE_VERBS = Table(Match.TOKEN, {
    "öka": "increase", "ökas": "increase", "ökar": "increase", "höja": "increase", "höjas": "increase",
    "höjer": "increase", "höjs": "increase", "ökat": "increase", "utökar": "increase", "växa": "increase",
    "växer": "increase", "utöka": "increase", "utökas": "increase", "stiga": "increase", "stiger": "increase",
    "ökning": "increase", "ökningen": "increase", "höjning": "increase",
    "minska": "decrease", "minskas": "decrease", "minskar": "decrease", "sänka": "decrease",
    "sänkas": "decrease", "sänker": "decrease", "sänks": "decrease", "minskat": "decrease", "reducera": "decrease",
    "reduceras": "decrease", "begränsa": "decrease", "begränsas": "decrease", "halvera": "decrease",
    "krympa": "decrease", "minskning": "decrease", "minskningen": "decrease", "sänkning": "decrease",
})
#: stems and words that promise a change without, by themselves, saying how much
#: (``check`` names a goal with one of them and no target a "vague change")
CHANGE_STEMS = Table(Match.PREFIX, ("öka", "höj", "minska", "sänk", "förbättr", "stärk", "utveckl", "bredda",
                                    "förstärk"))
CHANGE_WORDS = Table(Match.TOKEN, ("fler", "mer", "färre", "växa", "växer", "bättre"))
#: verbs that report a level reached (a change later in the sentence starts from it)
LEVEL_VERBS = Table(Match.TOKEN, ("uppgick", "uppgår", "låg", "ligger", "var", "är", "hade", "har"))
#: verbs whose object is the level to reach: no qualifier means ">=". A change verb with
#: "till" (``öka till``, ``minska till``) is read from CHANGE_VERBS, never from here.
REACHING_VERBS = Table(Match.PHRASE, (
    "bli", "blir", "nå", "når", "uppnå", "uppnår", "åter uppnå", "nå upp till", "uppgå till", "uppgår till",
    "komma upp i", "komma upp till", "nå minst", "landa på", "sikta på", "siktar på",
    "sikta på att ha", "siktar på att ha", "sikta på att vara", "siktar på att vara"))
#: verbs that may stand between a comparator and its number (``får högst vara 10``)
COPULAS = Table(Match.TOKEN, ("vara", "bli", "ha"))
#: verbs of saving: the sum right after them is a decrease (``spara 20 000 kr``, ``spara in 5 000 kr``)
SAVING_VERBS = Table(Match.PHRASE, ("spara", "sparar", "spara in", "sparar in", "sparas", "spara ytterligare"))
#: verbs of having after "till att" that leave the change to the level after them
#: (``utökas till att omfatta 30 lag``, ``växa till att bli 200``)
HAVING_AFTER_TILL_ATT = Table(Match.TOKEN, ("omfatta", "ha", "bli", "vara", "rymma", "innefatta", "räkna"))
#: words that may stand between "med"/"till" and the number of a change (``öka med ytterligare 20``)
CHANGE_FILLERS = Table(Match.TOKEN, ("ytterligare", "ännu"))
#: prepositions: a noun after one is not the subject of a change (``under hösten öka``)
PREPOSITIONS = Table(Match.TOKEN, ("under", "i", "på", "efter", "före", "inom", "vid", "från", "till", "med", "om"))
#: words that end the search back from "med"/"till" for the change verb governing it
CHANGE_SEARCH_STOP = Table(Match.TOKEN, ("att", "som", "oss", "sig", "och", "eller", "men", "när", "om", "då", ","))

# --- quantities and units ----------------------------------------------------------
PERCENT_WORDS = Table(Match.TOKEN, ("%", "procent", "pct", "procentig"))
POINTS_WORDS = Table(Match.TOKEN, ("procentenheter", "procentenhet", "procentenheterna"))
#: money word -> multiplier
MONEY_WORDS = Table(Match.PHRASE, {
    "kr": 1, "kr.": 1, "kronor": 1, "krona": 1, "sek": 1, ":-": 1, "tkr": 1000, "kkr": 1000,
    "tusen kronor": 1000, "tusen kr": 1000, "mkr": 1_000_000, "msek": 1_000_000,
    "miljoner kronor": 1_000_000, "miljon kronor": 1_000_000, "milj. kr": 1_000_000,
    "miljoner kr": 1_000_000, "mnkr": 1_000_000,
})
#: a scale word after a number (``2 miljoner``)
SCALE_WORDS = Table(Match.TOKEN, {"tusen": 1000, "miljon": 1_000_000, "miljoner": 1_000_000, "milj.": 1_000_000})
#: nouns of time: a number before them is an age or a duration unless a comparator,
#: a change or a rate makes it a target
TIME_NOUNS = Table(Match.TOKEN, ("år", "års", "åring", "åringar", "åringen", "månad", "månader", "vecka", "veckor",
                                 "dag", "dagar", "dygn", "timme", "timmar", "minut", "minuter", "min", "sekunder",
                                 "h", "tim", "kvart", "halvår", "terminer", "termin"))
#: prepositions that make a number of time nouns a duration (``under 3 dagar``)
DURATION_BEFORE = Table(Match.TOKEN, ("under", "inom", "efter", "på", "i", "för", "om"))

# --- periods ---------------------------------------------------------------------
#: period noun -> ISO 8601 duration of one such period
PERIOD_NOUNS = Table(Match.TOKEN, {
    "dag": "P1D", "dagen": "P1D", "dygn": "P1D",
    "vecka": "P1W", "veckan": "P1W",
    "månad": "P1M", "månaden": "P1M", "mån": "P1M",
    "kvartal": "P3M", "kvartalet": "P3M",
    "termin": "P6M", "terminen": "P6M", "halvår": "P6M", "halvåret": "P6M",
    "år": "P1Y", "året": "P1Y", "verksamhetsår": "P1Y", "säsong": "P1Y", "säsongen": "P1Y",
})
#: halves of the year: two of them joined by "och" after a rate word come every half-year
#: (``en konsert per vår och höst``, ``varje höst- och vårtermin``)
HALF_YEARS = Table(Match.TOKEN, ("vår", "våren", "höst", "hösten", "vårtermin", "vårterminen", "hösttermin",
                                 "höstterminen"))
#: single words that are a frequency by themselves
PERIOD_WORDS = Table(Match.TOKEN, {
    "årligen": "P1Y", "årsvis": "P1Y", "månatligen": "P1M", "månadsvis": "P1M", "veckovis": "P1W",
    "dagligen": "P1D", "kvartalsvis": "P3M", "terminsvis": "P6M", "halvårsvis": "P6M",
})
#: endings of a named part of the year (``vårtermin``, ``utomhussäsongen``): it comes once a year
YEARLY_PARTS = Table(Match.TOKEN, ("säsong", "säsongen", "termin", "terminen"))
#: a word before a period noun that makes a rate of it -> how many periods one step spans
PERIOD_INTRO = Table(Match.TOKEN, {"per": 1, "varje": 1, "var": 1, "vart": 1, "var:e": 1,
                                   "varannan": 2, "vartannat": 2, "varannat": 2})
#: prepositions that make a rate of a definite period noun (``i veckan``, ``om året``)
PERIOD_INTRO_DEFINITE = Table(Match.TOKEN, ("i", "om"))

# --- deadlines -------------------------------------------------------------------
MONTHS = Table(Match.TOKEN, {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
})
#: phrases that introduce the date a target must be met by
DEADLINE_INTRO = Table(Match.PHRASE, (
    "senast", "före", "innan", "till och med", "t.o.m.", "fram till", "inför", "till", "by",
    "vid utgången av", "i slutet av", "senast den", "före den", "innan den"))
#: an introducer of a deadline that may stand before the target (``Senast 2026 ska vi ...``)
DEADLINE_INTRO_BEFORE = Table(Match.TOKEN, ("senast", "före", "innan", "till"))
#: a noun of an event between the introducer and the year (``till valet 2026``)
DEADLINE_EVENT = Table(Match.TOKEN, ("den", "valet", "årsmötet", "kongressen", "årsskiftet", "utgången", "slutet"))

# --- numbers that are not targets ---------------------------------------------------
#: a word right before a number that makes it an identifier, a reference or a clock time
IDENTIFIER_BEFORE = Table(Match.TOKEN, (
    "kl", "kl.", "klockan", "nr", "nr.", "nummer", "no", "div", "div.", "division", "§", "kap", "kap.",
    "kapitel", "sid", "sid.", "sida", "sidan", "sidor", "sidorna", "punkt", "bilaga", "paragraf", "rum", "lokal", "buss", "linje",
    "tel", "tel.", "telefon", "mobil", "version", "vecka", "v", "motion", "ärende", "dnr",
    "grupp", "lag", "serie", "steg", "nivå", "fas", "etapp", "årskurs", "åk", "klass", "mål", "delmål",
    "bankgiro", "plusgiro", "swish", "postgiro", "org.nr", "organisationsnummer", "box",
    "gata", "gatan", "vägen", "väg", "plan", "våning", "hus", "sal", "år", "året", "sedan",
))
#: words of the week or of opening before a bare range of hours (``fredag 7-17``, ``öppet 10-16``)
HOURS_BEFORE = Table(Match.TOKEN, ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
                                   "måndagar", "tisdagar", "onsdagar", "torsdagar", "fredagar", "lördagar",
                                   "söndagar", "vardagar", "helger", "helgdagar", "öppet", "öppettider", "klockan",
                                   "kl", "kl."))
#: labels whose value after a colon is a fact about the document or a reference, never a
#: count to reach (``Sidantal: 24``, ``Version: 3``, ``Dnr: 45``)
REFERENCE_LABELS = Table(Match.TOKEN, ("sidantal", "sidor", "sida", "version", "dnr", "diarienummer", "tel",
                                       "telefon", "mobil", "bankgiro", "plusgiro", "swish", "postnummer",
                                       "organisationsnummer", "org.nr", "box", "revision", "utgåva"))
#: a word before a number that makes it one of a known set, not a count (``de tre``)
DETERMINERS = Table(Match.TOKEN, ("de", "dessa", "alla", "båda", "bägge", "våra", "sina", "deras", "dess", "dom",
                                  "första", "andra", "tredje", "vart", "var", "varje", "vilka", "någon", "några"))
#: words after a number that make it a count of people's age
AGE_AFTER = Table(Match.TOKEN, ("år", "års", "åring", "åringar", "årsåldern"))
#: words shortly before a number that make it an age (``barn i åldern 7-12``)
AGE_BEFORE = Table(Match.TOKEN, ("ålder", "åldern", "åldrar", "åldrarna", "åldersgrupp", "åldersgruppen"))
#: people a bare range right after describes by age (``ungdomar 13-25``)
AGE_GROUPS = Table(Match.TOKEN, ("barn", "ungdomar", "unga", "tjejer", "killar", "flickor", "pojkar", "elever",
                                 "juniorer", "seniorer", "vuxna", "deltagare", "spelare", "scouter", "medlemmar"))
#: counted nouns that name parts of the plan itself (``tre prioriterade områden``), by ending
DOCUMENT_PARTS = Table(Match.TOKEN, ("område", "mål", "pelare", "kapitel", "avsnitt", "perspektiv", "punkt",
                                     "hörnsten", "ben", "prioritering", "strategi", "inriktning", "tema"))
#: comparators that hedge a reported figure rather than set a goal (``drygt 3 000``)
HEDGES = Table(Match.PHRASE, ("drygt", "knappt", "över", "närmare", "uppemot", "cirka", "ca", "ca.", "c:a",
                              "omkring", "ungefär", "runt", "kring", "i storleksordningen"))
#: nouns of what things cost or hold, by ending (``grundhyra``, ``medlemsavgift``): money
#: after them is a price or a balance, not a target
PRICE_NOUNS = Table(Match.TOKEN, ("hyra", "avgift", "saldo", "kassa", "budget", "pris", "kostnad", "arvode",
                                  "kapital", "omsättning", "behållning", "intäkt"))
#: word starts (FUNDS_STEMS) and words (FUNDS_WORDS) that make money in their clause a gift
#: received, a sum left over or a price, not a target (``Banken sponsrar laget med 8 000 kr``,
#: ``Det finns 3 000 kr kvar i fonden``, ``Kursen kostar 450 kr``)
FUNDS_STEMS = Table(Match.PREFIX, ("sponsr", "sponsor", "donera", "donation", "skänk"))
FUNDS_WORDS = Table(Match.TOKEN, ("kvar", "kvarstår", "kvarstående",
                                     # money others give us, or what a thing costs
                                     "bidrar", "erhåller", "erhålla", "erhålls", "kostar"))
#: phrases whose object is a partner, not a target (``tillsammans med tre grannklubbar``)
PARTNER_MARKERS = Table(Match.PHRASE, ("tillsammans med", "i samarbete med", "i samverkan med", "ihop med"))
#: hedges that report a counted figure rather than plan one (``drygt 3 000 besök``)
REPORT_HEDGES = Table(Match.PHRASE, ("drygt", "knappt", "närmare", "uppemot"))
#: comparators that are also prepositions of time ("under 2026", "över 65 år")
TEMPORAL_COMPARATORS = Table(Match.PHRASE, ("under", "över", "kring", "runt", "omkring"))
#: phrases that make the number after them a point of comparison, not a target
COMPARISON_MARKERS = Table(Match.PHRASE, ("jämfört med", "i jämförelse med", "jmf", "jfr", "jfr."))

# --- narrative: facts about the past or present, forecasts ---------------------------
#: words that mark a clause as a report of what is or was, not what shall be
NARRATIVE_MARKERS = Table(Match.PHRASE, (
    "idag", "i dag", "i dagsläget", "för närvarande", "i nuläget", "hittills", "förra året", "i fjol",
    "gångna", "förra", "föregående", "senaste", "tidigare", "består av", "bestod av", "uppgick",
    "uppgår idag", "vid ingången", "vid årsskiftet", "kanske", "troligen", "förmodligen", "eventuellt",
    "hade", "var", "blev", "fick", "kom", "gick", "räknade", "ökade", "minskade",
    "genomfördes", "arrangerades", "hölls", "deltog", "deltagit", "anordnades", "tillkom",
    "brukar", "beräknas", "förväntas", "förväntar", "uppskattas", "uppskattningsvis", "bedöms", "prognos",
    "prognosen", "räknar med", "tror",
))
#: words that mark a clause as a goal, overriding the narrative markers
GOAL_MARKERS = Table(Match.PHRASE, (
    "ska", "skall", "bör", "vill", "målet", "målsättningen", "målsättning", "mål", "ambitionen",
    "sträva", "strävar", "avser", "planerar", "kommer att", "behöver", "måste", "siktar", "vi siktar",
))
#: words that anchor a present-tense sentence in the plan's own time (a planned activity)
PLAN_TIME = Table(Match.PHRASE, ("under året", "i år", "kommande", "nästa", "under verksamhetsåret", "under våren",
                                 "under hösten", "under sommaren", "under vintern", "årligen", "varje år", "planeras",
                                 "planerar", "kommer att"))
#: words that introduce a worked example: numbers after them are not targets
EXAMPLE_MARKERS = Table(Match.TOKEN, ("t.ex.", "exempelvis", "såsom", "bl.a.", "exempel"))
#: auxiliaries of the perfect (``har ... hälsats``): with a supine they make a past fact
PERFECT_AUX = Table(Match.TOKEN, ("har", "hade"))
#: verbs of state: "har ... cirka 85 000 kronor" reports a level, unless a comparator sets one
LEVEL_STATE_VERBS = Table(Match.TOKEN, ("har", "är", "finns", "består", "uppgår", "ligger", "omfattar", "räknar", "hade",
                                        "var", "innehåller", "rymmer", "täcker", "samlar", "utgör"))
#: modal and auxiliary verbs standing between a subject and its verb (``ska öka``)
AUXILIARIES = Table(Match.TOKEN, ("ska", "skall", "bör", "att", "kunna", "kommer", "behöver", "måste"))

# --- vague quantities -------------------------------------------------------------
#: phrase -> (value, comparator); a number written as a rough count
APPROX_PHRASES = Table(Match.PHRASE, {
    "ett par": (2, "~"), "ett fåtal": (3, "~"), "ett dussin": (12, "="), "ett tiotal": (10, "~"),
    "ett femtontal": (15, "~"), "ett tjugotal": (20, "~"), "ett trettiotal": (30, "~"),
    "ett fyrtiotal": (40, "~"), "ett femtiotal": (50, "~"), "ett sextiotal": (60, "~"),
    "ett hundratal": (100, "~"), "ett tusental": (1000, "~"), "ett halvdussin": (6, "~"),
})
#: factor verbs -> the factor: ``fördubbla`` 2, ``halvera`` 0.5
FACTOR_VERBS = Table(Match.TOKEN, {
    "fördubbla": 2, "fördubblas": 2, "fördubblat": 2, "tredubbla": 3, "tredubblas": 3,
    "halvera": 0.5, "halveras": 0.5, "halverat": 0.5,
})

# --- units -----------------------------------------------------------------------
#: words that may stand between a number and its counted noun without being the noun
UNIT_SKIP = Table(Match.TOKEN, (
    "nya", "fler", "större", "mindre", "stora", "små", "olika", "egna", "öppna", "offentliga", "aktiva",
    "gemensamma", "lokala", "regionala", "externa", "interna", "digitala", "fysiska", "politiska",
    "fackliga", "välbesökta", "välbesökt", "utåtriktade", "ordinarie", "extra", "heldags",
    "röstberättigade", "betalande", "unga", "äldre", "yngre", "kvinnliga", "manliga", "aktiv", "ny",
    "stor", "liten", "öppen", "offentlig", "lokal", "regional", "gemensam", "extern", "intern",
    "digital", "fysisk", "politisk", "facklig", "utåtriktad", "tematiska", "sociala", "allmänna",
    "återkommande", "regelbundna", "kortare", "längre", "enklare", "fasta", "riktade", "särskilda",
    "st", "st.", "stycken", "styck", "utbildade", "engagerade", "medverkande", "deltagande",
))
#: words that end the search for a counted noun
UNIT_STOP = Table(Match.TOKEN, (
    "och", "eller", "samt", "som", "att", "för", "med", "till", "i", "på", "av", "om", "per", "varje",
    "under", "från", "vid", "inom", "hos", "mot", "efter", "innan", "före", "senast", "där", "varav",
    "ska", "skall", "bör", "kan", "är", "har", "blir", "vi", "de", "den", "det", "en", "ett", "år",
    "genom", "utan", "än", "så", "men", "också", "även", "ha", "vara", "dessa", "á", "à",
))
#: counted nouns whose lemma the lemmatizer gets wrong or does not know
UNIT_LEMMA_EXCEPTIONS = Table(Match.TOKEN, {
    "gånger": "gång", "ggr": "gång", "gg": "gång", "st": "styck", "personer": "person",
    "timmar": "timme", "medlemmar": "medlem", "möten": "möte", "kurs": "kurs", "kurser": "kurs",
    "seminarie": "seminarie",
})
#: words after a number or its noun that make it a change (``10 fler ledare``, ``50 procent mer``)
MORE_OR_FEWER = Table(Match.TOKEN, {"fler": "increase_by", "mer": "increase_by", "färre": "decrease_by",
                                    "mindre": "decrease_by"})
#: words before a number that make it a part of the target before it (``varav minst 40``)
SUB_TARGET_MARKERS = Table(Match.PHRASE, ("varav", "därav", "varav minst"))
#: words that join a clause to the one before it, which it may leave its verb or noun to
JOINERS = Table(Match.TOKEN, ("och", "samt", ",", "respektive", "resp."))
#: words that make counted things new (a plan's new areas are a goal, not its own parts)
NEW_WORDS = Table(Match.TOKEN, ("nya", "ny", "nytt"))
#: words that introduce what is counted before the number (``öka antalet medlemmar till``)
COUNT_NOUNS = Table(Match.TOKEN, ("antalet", "antal", "andelen", "andel"))

# --- years ---------------------------------------------------------------------
#: a year a plan can name, as a regular expression (1950-2099): every layer that tells a
#: year from a count uses this one
YEAR_PATTERN = r"(?:19[5-9]\d|20\d\d)"

# --- abbreviations -------------------------------------------------------------
#: abbreviations whose final dot is part of the word, not the end of a sentence
ABBREVIATIONS = ("ca", "c:a", "st", "max", "min", "nr", "kl", "kr", "milj", "tel", "kap", "sid", "div", "resp",
                 "ordf", "jfr", "ung", "bl.a", "t.ex", "s.k", "m.m", "o.s.v", "dvs", "inkl", "exkl", "tkr",
                 "mkr", "mån", "tim", "vs", "ev", "fr.o.m", "t.o.m", "p.g.a", "enl", "gm", "avd")


# --- plan metadata: which year, date and body are the plan's own ---------------------
#: words of a report bundled with a plan: the year after them is the year reported on
#: (``Årsberättelse 2030 – verksamhetsplan``), not the plan's
REPORT_WORDS = Table(Match.TOKEN, ("årsberättelse", "årsberättelsen", "verksamhetsberättelse",
                                   "verksamhetsberättelsen", "årsredovisning", "årsredovisningen", "bokslut"))
#: words right before a year that make it the period the plan covers (``för 2031``,
#: ``verksamhetsåret 2031``, ``Klubbens mål 2031``), unlike a year only mentioned
#: (``sedan 2019``, ``Medlemsstatistik 2030``, ``hösten 2030``)
PERIOD_LEADS = Table(Match.PHRASE, (
    "för", "för år", "för åren", "för perioden", "inför", "inför år", "verksamhetsåret", "verksamhetsår",
    "under verksamhetsåret", "under åren", "mål", "målen", "verksamhetsplan", "verksamhetsplanen", "handlingsplan",
    "arbetsplan", "plan", "planen", "verksamhetsperioden", "gäller", "gäller för", "avser", "avser åren", "omfattar",
    "omfattar åren"))
#: what a year in the genitive owns when it is the plan's year (``2031 års verksamhet``)
YEAR_OWNED = Table(Match.TOKEN, ("verksamhet", "verksamheten", "verksamhetsplan", "plan", "budget", "mål", "aktiviteter",
                                 "arbete"))
#: prepositions setting a goal in time (``under 2031``, ``i mars 2031``, ``till 2032``): the
#: first year a plan's goal items name so is the first year it covers
GOAL_YEAR_LEADS = Table(Match.TOKEN, ("under", "i", "till", "från", "senast", "före", "inför", "efter"))
#: words of commitment: a sentence setting them in a year (``Under 2031 ska vi ...``)
#: plans that year, unlike one reporting it (``Under 2030 reviderade vi stadgarna``)
COMMITMENT_WORDS = Table(Match.TOKEN, ("ska", "skall", "kommer", "vill", "planerar", "avser", "satsar"))
#: word endings of the plan document itself (``Verksamhetsplan``, ``Arbetsplanen``,
#: ``Aktivitetsprogram``): a line with one and a year is the plan's title
PLAN_WORDS = Table(Match.SUFFIX, ("plan", "planen", "program", "programmet"))
#: what a plan consists of: a decision on them (``Årsmötet antog en ny vision med mål``) is a
#: decision on the plan
PLAN_PARTS = Table(Match.TOKEN, ("vision", "visionen", "mål", "målen", "strategi", "strategin", "målsättning",
                                 "målsättningar", "målsättningen"))
#: word endings of a plan's own name (``Verksamhetsplan``, ``Lindby arbetsplan``), unlike
#: other plans a plan contains (``Budgetplan``, ``Kursplan``): a line with one and a year
#: names the plan better than a first line without
PLAN_NAMES = Table(Match.SUFFIX, ("verksamhetsplan", "verksamhetsplanen", "handlingsplan", "handlingsplanen",
                                  "arbetsplan", "arbetsplanen", "aktivitetsplan", "aktivitetsplanen",
                                  "verksamhetsprogram", "verksamhetsinriktning"))
#: meetings that adopt a plan: a date in a sentence naming one and the plan is the
#: document's date (``planen läggs fram för årsmötet den 3 mars 2031``)
MEETING_WORDS = Table(Match.TOKEN, (
    "årsmöte", "årsmötet", "årsmötets", "stämma", "stämman", "stämmans", "kongress", "kongressen", "kongressens",
    "medlemsmöte", "medlemsmötet", "styrelsemöte", "styrelsemötet", "representantskapet", "fullmäktige", "höstmötet",
    "vårmötet"))
#: stamps a web page puts on itself: their date is the page's, not the plan's
PAGE_STAMPS = Table(Match.PHRASE, ("senast granskad", "senast uppdaterad", "senast ändrad", "sidan granskad",
                                   "sidan uppdaterad", "uppdaterad", "granskad", "publicerad"))
#: phrases before another body than the plan's own: a parent it belongs to or one that
#: funds it (``ansluten till Lindby Idrottsförbund``, ``bidrag från Lindby kommun``)
OTHER_BODY_MARKERS = Table(Match.PHRASE, ("ansluten till", "anslutna till", "anslutet till", "en del av", "tillhör",
                                          "bidrag från", "stöd från", "stöd av", "sponsras av", "sponsrade av",
                                          "sponsor", "sponsorer"))
#: phrases by which a plan speaks of its own body: ``Vi i Lindby-föreningen``,
#: ``Vi inom LKF`` (a name that looks like a body must follow)
SELF_INTROS = Table(Match.PHRASE, ("vi i", "vi inom", "vi på", "vi som är", "vi som medlemmar i", "oss i", "oss inom",
                                   "årsmötet i", "medlemmarna i", "välkommen till", "välkommen som medlem i"))
#: the board of a body, signing or proposing a plan: ``Styrelsen för Lindby Kör`` (any
#: proper name may follow)
BOARD_OF = Table(Match.PHRASE, ("styrelsen för", "styrelsen i", "styrelsen inom", "styrelsen vid"))
#: a body's board or meeting in its genitive, named anywhere in a plan (``Lindby Körs
#: styrelse föreslår``): the plan speaks of its own body
BOARD_NOUNS = Table(Match.TOKEN, ("styrelse", "styrelsen", "årsmöte", "stämma"))
#: what a body owns in its genitive: ``Lindby Körs styrelse föreslår``, ``SPF:s
#: verksamhetsplan`` name the body (a generic ``Föreningens styrelse`` does not)
OWNED_NOUNS = Table(Match.TOKEN, ("styrelse", "årsmöte", "stämma", "medlemmar", "verksamhetsplan", "vision", "mål",
                                  "verksamhet", "handlingsplan", "arbetsplan", "ledamöter", "kongress", "strategi"))
#: verbs by which a text tells a body's founding: the subject is the body's name
#: (``Lindby Bowlingallians bildades 2005``)
FOUNDING_VERBS = Table(Match.TOKEN, ("bildades", "grundades", "startades", "instiftades", "stiftades"))
#: words opening a sentence that point rather than name (``Det är en klubb``)
DEMONSTRATIVES = Table(Match.TOKEN, ("det", "detta", "denna", "dessa", "den", "här", "vi"))
#: common nouns in the plural definite that own things in a plan (``Medlemmarnas mål``),
#: unlike a body so named (``Länsteatrarnas vision``)
COMMON_OWNERS = Table(Match.TOKEN, ("medlemmarna", "ledarna", "deltagarna", "spelarna", "tränarna", "föräldrarna",
                                    "eleverna", "ungdomarna", "barnen", "besökarna", "aktiviteterna"))
#: nouns a body is said to be (``Lindby gårds odlare är en öppen förening``): the
#: subject of such a sentence is the body's name
BODY_NOUNS = Table(Match.TOKEN, ("förening", "klubb", "organisation", "förbund", "nätverk", "sällskap", "kår",
                                 "idrottsförening", "ideell", "scoutkår", "intresseförening", "riksorganisation"))


#: acronyms a place follows rather than precedes (``PRO Lindby``, ``LO``): the capitalised
#: word before one is not part of the name (a category label on a web page, ``Nyheter LO``)
NAME_FIRST_ACRONYMS = Table(Match.CASED, ("PRO", "SPF", "ABF", "LO", "TCO", "AK", "LC", "SSU", "HSB", "SISU", "RF",
                                          "KPA", "SKPF", "KFUM", "KFUK", "NTF", "IOGT", "SMU", "RPG", "IFK"))


#: acronyms a plan may use often that name no issuing body (events, fields, bodies far away)
GENERIC_ACRONYMS = Table(Match.CASED, ("EU", "IT", "VD", "SM", "DM", "NM", "VM", "EM", "OS", "FN", "USA", "PR", "HR",
                                       "TV", "CV", "GDPR", "IKT", "II", "III", "IV", "VI", "VII", "VIII", "IX",
                                       "XI", "XII"))


# --- document structure: headings, goals, metadata ---------------------------------
#: heading or lead-in words whose list items are goals (not activities)
GOAL_HEADINGS = Table(Match.PHRASE, ("mål", "målsättning", "målsättningar", "delmål", "effektmål", "verksamhetsmål",
                 "vi ska", "vi vill", "vi skall", "våra mål", "mål för", "målen", "långsiktiga mål",
                 "årets mål", "prioriterade mål", "resultatmål", "ambition", "ambitioner", "målbild"))
#: lead-in labels that only introduce a list (they are not sections)
LEAD_INS = Table(Match.PHRASE, (*GOAL_HEADINGS, "aktiviteter", "åtgärder", "detta ska ske genom att", "genom att",
                            "så här gör vi", "det innebär", "planerade aktiviteter", "vi kommer att",
                            "exempel", "exempelvis", "till exempel", "bland annat", "bl.a", "t.ex",
                            "det gör vi genom att", "vi gör det genom att", "indikatorer", "mått",
                            "uppföljning", "aktiviteter för att nå målet", "arbetssätt", "insatser"))
#: sentence wording that makes a sentence a goal (SPEC: a commitment)
GOAL_WORDING = Table(Match.PHRASE, ("ska", "skall", "målet är", "målet att", "mål är att", "mål är", "vårt mål", "våra mål", "målsättningen",
                "vi vill", "vi kommer att", "vi avser", "vi strävar", "ambitionen är", "målsättning"))
#: verbs that open a list item stating an outcome rather than an activity
OUTCOME_VERBS = Table(Match.TOKEN, ("öka", "minska", "höja", "sänka", "förbättra", "stärka", "bli", "nå", "uppnå",
                 "behålla", "bibehålla", "fördubbla", "halvera", "värva", "växa"))
#: status words near the title -> status (SPEC: draft or adopted)
STATUS_WORDS = Table(Match.PHRASE, {
    "förslag": "draft", "utkast": "draft", "preliminär": "draft", "remiss": "draft", "remissversion": "draft",
    "antagen": "adopted", "antaget": "adopted", "antogs": "adopted", "fastställd": "adopted",
    "fastställt": "adopted", "fastställdes": "adopted", "beslutad": "adopted", "beslutat": "adopted",
    "beslutades": "adopted", "godkänd": "adopted", "godkändes": "adopted", "antagen av": "adopted",
    "togs beslut": "adopted", "stämmobeslut": "adopted", "årsmötesbeslut": "adopted", "kongressbeslut": "adopted",
    "antagna": "adopted", "fastställda": "adopted", "godkänt": "adopted", "godkända": "adopted",
})
#: words (or word endings) naming an issuing body
ORG_STEMS = Table(Match.SUFFIX, ("arbetarekommun", "förening", "föreningen", "klubb", "klubben", "förbund", "förbundet",
             "avdelning", "avdelningen", "distrikt", "distriktet", "scoutkår", "kåren", "sällskap",
             "sällskapet", "sektion", "sektionen", "socialdemokraterna", "partiet", "församling", "seniorer",
             "studieförbund", "byalag", "nämnd", "nämnden", "styrelse", "styrelsen", "vänsterpartiet",
             "centerpartiet", "miljöpartiet", "moderaterna", "liberalerna", "kristdemokraterna",
             "seniorerna", "pensionärsförening", "idrottsförening", "idrottsklubb", "ungdomsförbund",
             "ungdomsklubb", "fackklubb", "kommun", "region", "riksförbund", "samfällighet",
             "orkester", "hembygdsförening", "krets", "kretsen", "lokalavdelning", "främjandet", "scouterna", "förskola",
             "förskolan", "förvaltningen", "enheten", "kören", "kammarkör", "kyrkokör", "manskör", "damkör",
             "musikkår", "gille", "gillet", "club", "skolan", "rådet", "allians", "alliansen"))
#: bodies whose one-word name is a name by itself (a party), unlike a bare ``Föreningen``
ORG_NAMES = Table(Match.TOKEN, ("socialdemokraterna", "vänsterpartiet", "centerpartiet", "miljöpartiet", "moderaterna",
                                "liberalerna", "kristdemokraterna", "sverigedemokraterna", "scouterna", "unionen",
                                "företagarna", "vuxenskolan", "sensus"))
#: acronyms that name an issuing body by themselves
ORG_ACRONYMS = Table(Match.CASED, ("IF", "IK", "BK", "FF", "FK", "SK", "IFK", "AIK", "GIF", "PRO", "SPF", "SSU",
                          "HSB", "BRF", "RF", "SISU", "ABF", "LO", "TCO", "KPA", "SKPF", "S", "KD", "SD",
                          "MP", "V", "C", "M", "L", "RPG", "SMU", "KFUM", "KFUK", "NTF", "IOGT", "NTO", "AK", "LC",
                          "GK", "BTK", "RK", "HK", "IBK", "OK", "TK", "AIF", "KK", "CK", "BF"))
#: capitalised function words that open a sentence or heading, never part of a name
FUNCTION_WORDS = Table(Match.TOKEN, ("om", "för", "i", "på", "av", "med", "till", "vi", "den", "det", "de", "en", "ett",
                            "alla", "hela", "vår", "våra", "vårt", "och", "inom", "under", "från", "hos", "vid",
                            "efter", "mot", "att", "som", "när", "nu", "här", "där", "så", "även", "dessutom"))
#: words that open a table of contents
TOC_WORDS = Table(Match.PHRASE, ("innehållsförteckning", "innehållsöversikt", "innehåll", "table of contents",
                                 "contents"))
#: infinitives that open a plan's item when it is written without a list mark
#: (``Anordna en vårfest``, ``Verka för fler ledare``); ``att`` may stand before them
ITEM_VERBS = Table(Match.TOKEN, (
    "aktivera", "anordna", "ansöka", "anställa", "arbeta", "arrangera", "avsluta", "bedriva", "behålla",
    "bevaka", "bibehålla", "bidra", "bilda", "bistå", "bjuda", "bli", "bygga", "delta", "deltaga",
    "dokumentera", "driva", "engagera", "erbjuda", "etablera", "fira", "fortsätta", "fortsätt", "främja",
    "förbereda", "förbättra", "fördjupa", "förnya", "förstärka", "ge", "genomföra", "granska", "göra",
    "ha", "hitta", "hjälpa", "hålla", "höja", "implementera", "informera", "initiera", "inleda",
    "inspirera", "introducera", "inventera", "involvera", "kartlägga", "knyta", "kommunicera",
    "lansera", "lyfta", "marknadsföra", "medverka", "minska", "motivera", "möjliggöra", "nå", "ordna",
    "organisera", "planera", "prioritera", "producera", "publicera", "påverka", "rekrytera", "renovera",
    "samarbeta", "samla", "samordna", "samverka", "satsa", "se", "sprida", "starta", "stimulera",
    "stärka", "stödja", "stötta", "sänka", "säkerställa", "synliggöra", "sälja", "ta", "tillhandahålla",
    "tillsätta", "träffa", "tydliggöra", "underhålla", "underlätta", "uppdatera", "uppmuntra",
    "uppmärksamma", "uppnå", "upprätta", "upprätthålla", "utbilda", "utforma", "utreda", "utvärdera",
    "utveckla", "utöka", "verka", "verkställa", "vidareutveckla", "välkomna", "värna", "värva", "växa",
    "öka", "öppna", "öva", "införa", "skapa", "besöka", "genomgå", "inrätta", "sammanställa",
))
#: title words (also as the end of a compound: ``Verksamhetsmål``) of a document that
#: consists of goals, so that every item in it is a goal
GOAL_DOCUMENT_WORDS = Table(Match.SUFFIX, ("mål", "målsättning", "målsättningar", "strategi", "inriktning", "vision"))
#: nouns that name goals anywhere in a lead-in (``Förbundets tre strategiska mål är:``)
GOAL_NOUNS = Table(Match.TOKEN, ("mål", "målen", "målet", "målsättning", "målsättningar", "målsättningen", "delmål"))
#: words opening a subordinate clause: goal wording after them does not make an item a goal
SUBORDINATORS = Table(Match.PHRASE, ("för att", "så att", "som", "eftersom", "där", "när", "om", "då", "vilket"))
#: verbs of being: a one-line sentence built on them describes rather than plans
DESCRIBING_VERBS = Table(Match.TOKEN, ("är", "var", "finns", "fanns", "består", "utgör", "heter"))
#: last words of a line that breaks off to let a list finish it (a lead-in, not a heading)
LEAD_IN_ENDINGS = Table(Match.PHRASE, ("att", "genom", "är", "blir", "som", "bland annat", "bl.a.", "till exempel", "t.ex.", "följande",
                   "vara", "bli", "på", "med", "av", "för", "mot", "kring", "inom"))
#: words a sentence does not end on: a line ending in one goes on in the next line
#: (``... i samarbete med`` / ``Lindby kommun``), even when that line looks like a heading
OPEN_ENDINGS = Table(Match.TOKEN, ("och", "eller", "samt", "i", "på", "med", "av", "till", "för", "från", "om", "mot", "hos",
                "vid", "under", "efter", "inom", "som", "att", "en", "ett", "den", "det", "de", "vår", "vårt",
                "våra", "sin", "sitt", "sina", "både", "mellan"))
#: first words of a heading about something (``Om Lindby Kör``): such a line names its
#: topic, it is no line of front matter naming the body
ABOUT_WORDS = Table(Match.TOKEN, ("om", "kring", "angående"))
#: words a line does not end on unless it goes on in the next line: conjunctions and
#: articles (a preposition may end a heading as a particle: ``Mål att sträva efter``)
BREAK_OFF_WORDS = Table(Match.TOKEN, ("och", "eller", "samt", "i", "som", "att", "en", "ett", "den", "det", "de", "vår", "vårt",
                   "våra", "både", "mellan"))
#: names of a plan table's columns (an action table: what, who, when, how it is measured,
#: what it costs): a run of lines holding only such names is a header flattened to one
#: cell per line, not a run of headings
TABLE_COLUMNS = Table(Match.PHRASE, (
    "aktivitet", "aktiviteter", "åtgärd", "åtgärder", "insats", "insatser", "uppgift", "uppgifter", "vad",
    "vad ska göras", "hur", "syfte", "beskrivning", "mål", "delmål", "målsättning", "målgrupp", "målvärde",
    "vem", "vem ansvarar", "ansvarig", "ansvariga", "ansvar", "huvudansvarig", "utförare", "deltagare",
    "när", "tid", "tidpunkt", "tidsplan", "tidsram", "datum", "period", "klart", "klart när", "senast",
    "deadline", "var", "plats", "mätetal", "mått", "indikator", "indikatorer", "nyckeltal", "uppföljning",
    "utfall", "resultat", "status", "kommentar", "kommentarer", "resurser", "resurs", "kostnad",
    "kostnader", "budget", "finansiering", "prioritet", "nuläge", "utgångsläge", "samarbetspartner",
    "samarbetspartners", "frekvens", "antal", "nr", "månad", "vecka", "dag", "kvartal", "termin", "arrangör",
    "arrangemang", "evenemang", "tema", "lokal", "ort", "ledare", "kontakt", "pris", "avgift", "intäkter",
    "effekt", "förväntat resultat", "genomförande"))
#: names of a table column that says who does the row's work (besides ``Ansvarig`` and
#: other words opening with ``ansvar``): its cells are the row's responsible
WHO_COLUMNS = Table(Match.PHRASE, ("vem", "vem ansvarar", "vem gör", "huvudansvarig", "utförare", "kontaktperson"))
#: the words of a web page's own controls and bylines copied with its text (``Publicerad
#: Uppdaterad``, ``Kopiera länk``): a line of nothing else heads nothing
WEB_CHROME = Table(Match.PHRASE, (
    "publicerad", "uppdaterad", "senast uppdaterad", "kopiera länk", "dela",
    "dela sidan", "dela artikeln", "skriv ut", "läs mer", "läs också", "tillbaka", "till toppen", "annons",
    "advertisement", "lyssna", "spara", "e-post", "facebook", "twitter", "linkedin", "transkript", "ladda ner"))
#: heading and lead-in words over a description of how things are, not of what the plan
#: will do (``Nuläge``, ``Dagsläget:``, a report bundled before the plan): the text they
#: govern states facts, its numbers are no targets; a goal heading after them ends it
PRESENT_STATE_HEADINGS = Table(Match.PHRASE, (
    "nuläge", "nuläget", "nulägesbeskrivning", "nulägesanalys", "nulägesbild", "dagsläge", "dagsläget", "utgångsläge",
    "utgångsläget", "läget idag", "läget i dag", "läget just nu", "situationen idag", "situationen i dag",
    "så ser det ut idag", "så ser det ut i dag", "så ser det ut", "så här ser det ut", "så här ser det ut idag",
    "om föreningen", "om klubben", "om oss", "kort om föreningen", "var står vi idag", "var står vi i dag",
    "var står vi", "bakgrund", "bakgrunden", "historik", "historia", "tillbakablick", "återblick",
    "omvärldsanalys", "omvärld", "omvärlden", "verksamhetsberättelse", "verksamhetsberättelsen",
    "året som gått", "det gångna året", "året som har gått", "förra året"))
