"""Swedish word data, kept as tables: edit a table, not a branch.

The bottom layer of the package: it imports nothing of planparse, and every other layer
(readers, structure, targets, check, diff) takes its Swedish words from here.

Every phrase is lower case and matched on word boundaries; multi-word phrases match with
any white space between their words. Longer phrases win over shorter ones.
"""
from __future__ import annotations

# --- comparators ---------------------------------------------------------------
#: phrase standing before the number -> comparator
COMPARATOR_BEFORE: dict[str, str] = {
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
    "mellan": "between",
}
#: phrase standing after the number (``10 eller fler``) -> comparator
COMPARATOR_AFTER: dict[str, str] = {
    "eller fler": ">=", "eller mer": ">=", "eller mera": ">=", "eller högre": ">=", "eller större": ">=",
    "eller färre": "<=", "eller mindre": "<=", "eller lägre": "<=", "och uppåt": ">=", "och nedåt": "<=",
}

# --- verbs ---------------------------------------------------------------------
#: a verb (any tense or the -s passive) followed by "med"/"till" states a change
CHANGE_VERBS: dict[str, str] = {
    "öka": "increase", "ökas": "increase", "ökar": "increase", "höja": "increase", "höjas": "increase",
    "höjer": "increase", "höjs": "increase", "ökat": "increase", "utökar": "increase", "växa": "increase", "växer": "increase", "utöka": "increase", "utökas": "increase",
    "stiga": "increase", "stiger": "increase",
    "minska": "decrease", "minskas": "decrease", "minskar": "decrease", "sänka": "decrease",
    "sänkas": "decrease", "sänker": "decrease", "sänks": "decrease", "minskat": "decrease", "reducera": "decrease", "reduceras": "decrease",
    "begränsa": "decrease", "begränsas": "decrease", "halvera": "decrease", "krympa": "decrease",
}
#: verbs whose object is the level to reach: no qualifier means ">="
REACHING_VERBS = ("bli", "blir", "nå", "når", "uppnå", "uppnår", "åter uppnå", "nå upp till", "uppgå till",
                  "uppgår till", "komma upp i", "komma upp till", "komma upp till", "växa till", "öka till",
                  "ökas till", "höja till", "höjas till", "nå minst", "landa på")
#: verbs whose object is a ceiling: no qualifier means "<="
REDUCING_VERBS = ("minska till", "minskas till", "sänka till", "sänkas till", "begränsa till",
                  "begränsas till", "reducera till", "reduceras till")

# --- quantities and units ----------------------------------------------------------
PERCENT_WORDS = ("%", "procent", "pct", "procentig")
POINTS_WORDS = ("procentenheter", "procentenhet", "procentenheterna")
#: money word -> multiplier
MONEY_WORDS: dict[str, float] = {
    "kr": 1, "kr.": 1, "kronor": 1, "krona": 1, "sek": 1, ":-": 1, "tkr": 1000, "kkr": 1000,
    "tusen kronor": 1000, "tusen kr": 1000, "mkr": 1_000_000, "msek": 1_000_000,
    "miljoner kronor": 1_000_000, "miljon kronor": 1_000_000, "milj. kr": 1_000_000,
    "miljoner kr": 1_000_000, "mnkr": 1_000_000,
}
#: a scale word after a number (``2 miljoner``)
SCALE_WORDS: dict[str, float] = {"tusen": 1000, "miljon": 1_000_000, "miljoner": 1_000_000, "milj.": 1_000_000}
#: nouns of time: a number before them is an age or a duration unless a comparator,
#: a change or a rate makes it a target
TIME_NOUNS = frozenset({"år", "års", "åring", "åringar", "åringen", "månad", "månader", "vecka", "veckor",
                        "dag", "dagar", "dygn", "timme", "timmar", "minut", "minuter", "min", "sekunder",
                        "h", "tim", "kvart", "halvår", "terminer", "termin"})

# --- periods ---------------------------------------------------------------------
#: period noun -> ISO 8601 duration of one such period
PERIOD_NOUNS: dict[str, str] = {
    "dag": "P1D", "dagen": "P1D", "dygn": "P1D",
    "vecka": "P1W", "veckan": "P1W",
    "månad": "P1M", "månaden": "P1M", "mån": "P1M",
    "kvartal": "P3M", "kvartalet": "P3M",
    "termin": "P6M", "terminen": "P6M", "halvår": "P6M", "halvåret": "P6M",
    "år": "P1Y", "året": "P1Y", "verksamhetsår": "P1Y", "säsong": "P1Y", "säsongen": "P1Y",
}
#: single words that are a frequency by themselves
PERIOD_WORDS: dict[str, str] = {
    "årligen": "P1Y", "årsvis": "P1Y", "månatligen": "P1M", "månadsvis": "P1M", "veckovis": "P1W",
    "varje vecka": "P1W", "dagligen": "P1D", "kvartalsvis": "P3M", "terminsvis": "P6M",
    "halvårsvis": "P6M", "per år": "P1Y",
}

# --- numbers that are not targets ---------------------------------------------------
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
#: a word right before a number that makes it an identifier, a reference or a clock time
IDENTIFIER_BEFORE = frozenset({
    "kl", "kl.", "klockan", "nr", "nr.", "nummer", "no", "div", "div.", "division", "§", "kap", "kap.",
    "kapitel", "sid", "sid.", "sida", "s.", "punkt", "bilaga", "paragraf", "rum", "lokal", "buss", "linje",
    "tel", "tel.", "telefon", "mobil", "version", "v.", "vecka", "v", "vecka:", "motion", "ärende", "dnr",
    "grupp", "lag", "serie", "steg", "nivå", "fas", "etapp", "årskurs", "åk", "klass", "mål", "delmål",
    "bankgiro", "plusgiro", "swish", "postgiro", "org.nr", "organisationsnummer", "box",
    "gata", "gatan", "vägen", "väg", "plan", "våning", "hus", "sal", "år", "året", "sedan",
})
#: words after a number that make it a count of people's age
AGE_AFTER = ("år", "års", "åring", "åringar", "-åringar", "-åring", "års ålder", "årsåldern")

# --- narrative: facts about the past or present, forecasts ---------------------------
#: words that mark a clause as a report of what is or was, not what shall be
NARRATIVE_MARKERS = frozenset({
    "idag", "i dag", "i dagsläget", "för närvarande", "i nuläget", "hittills", "förra året", "i fjol",
    "gångna", "förra", "föregående", "senaste", "tidigare", "består av", "bestod av", "uppgick",
    "uppgår idag", "vid ingången", "vid årsskiftet", "kanske", "troligen", "förmodligen", "eventuellt",
    "sedan", "hade", "var", "blev", "fick", "kom", "gick", "räknade", "ökade", "minskade",
    "genomfördes", "arrangerades", "hölls", "deltog", "deltagit", "anordnades", "tillkom",
})
#: words that mark a clause as a goal, overriding the narrative markers
GOAL_MARKERS = frozenset({
    "ska", "skall", "bör", "vill", "målet", "målsättningen", "målsättning", "mål", "ambitionen",
    "sträva", "strävar", "avser", "planerar", "kommer att", "behöver", "måste", "siktar", "vi siktar",
})
#: auxiliaries of the perfect (``har ... hälsats``): with a supine they make a past fact
PERFECT_AUX = frozenset({"har", "hade"})

# --- vague quantities -------------------------------------------------------------
#: phrase -> (value, comparator); a number written as a rough count
APPROX_PHRASES: dict[str, tuple[float, str]] = {
    "ett par": (2, "~"), "ett fåtal": (3, "~"), "ett dussin": (12, "="), "ett tiotal": (10, "~"),
    "ett femtontal": (15, "~"), "ett tjugotal": (20, "~"), "ett trettiotal": (30, "~"),
    "ett fyrtiotal": (40, "~"), "ett femtiotal": (50, "~"), "ett sextiotal": (60, "~"),
    "ett hundratal": (100, "~"), "ett tusental": (1000, "~"), "ett halvdussin": (6, "~"),
}
#: factor verbs: ``fördubbla`` -> 2, ``halvera`` -> 0.5
FACTOR_VERBS: dict[str, tuple[float, str]] = {
    "fördubbla": (2, "increase_to"), "fördubblas": (2, "increase_to"), "fördubblat": (2, "increase_to"),
    "tredubbla": (3, "increase_to"), "tredubblas": (3, "increase_to"),
    "halvera": (0.5, "decrease_to"), "halveras": (0.5, "decrease_to"), "halverat": (0.5, "decrease_to"),
}

# --- units -----------------------------------------------------------------------
#: words that may stand between a number and its counted noun without being the noun
UNIT_SKIP = frozenset({
    "nya", "fler", "större", "mindre", "stora", "små", "olika", "egna", "öppna", "offentliga", "aktiva",
    "gemensamma", "lokala", "regionala", "externa", "interna", "digitala", "fysiska", "politiska",
    "fackliga", "välbesökta", "välbesökt", "utåtriktade", "ordinarie", "extra", "heldags",
    "röstberättigade", "betalande", "unga", "äldre", "yngre", "kvinnliga", "manliga", "aktiv", "ny",
    "stor", "liten", "öppen", "offentlig", "lokal", "regional", "gemensam", "extern", "intern",
    "digital", "fysisk", "politisk", "facklig", "utåtriktad", "tematiska", "sociala", "allmänna",
    "återkommande", "regelbundna", "kortare", "längre", "enklare", "fasta", "riktade", "särskilda",
    "st", "st.", "stycken", "styck", "utbildade", "engagerade", "medverkande", "deltagande",
})
#: words that end the search for a counted noun
UNIT_STOP = frozenset({
    "och", "eller", "samt", "som", "att", "för", "med", "till", "i", "på", "av", "om", "per", "varje",
    "under", "från", "vid", "inom", "hos", "mot", "efter", "innan", "före", "senast", "där", "varav",
    "ska", "skall", "bör", "kan", "är", "har", "blir", "vi", "de", "den", "det", "en", "ett", "år",
    "genom", "utan", "än", "så", "men", "också", "även", "ha", "vara", "dessa", "per", "á", "à",
})
#: counted nouns whose lemma the lemmatizer gets wrong or does not know
UNIT_LEMMA_EXCEPTIONS: dict[str, str] = {
    "gånger": "gång", "ggr": "gång", "gg": "gång", "ggr.": "gång", "st": "styck", "personer": "person",
    "timmar": "timme", "medlemmar": "medlem", "möten": "möte",
}

# --- abbreviations -------------------------------------------------------------
#: abbreviations whose final dot is part of the word, not the end of a sentence
ABBREVIATIONS = ("ca", "c:a", "st", "max", "min", "nr", "kl", "kr", "milj", "tel", "kap", "sid", "div", "resp",
                 "ordf", "jfr", "ung", "bl.a", "t.ex", "s.k", "m.m", "o.s.v", "dvs", "inkl", "exkl", "tkr",
                 "mkr", "mån", "tim", "vs", "ev", "fr.o.m", "t.o.m", "p.g.a", "enl", "gm", "avd")


# --- document structure: headings, goals, metadata ---------------------------------
#: heading or lead-in words whose list items are goals (not activities)
GOAL_HEADINGS = ("mål", "målsättning", "målsättningar", "delmål", "effektmål", "verksamhetsmål",
                 "vi ska", "vi vill", "vi skall", "våra mål", "mål för", "målen", "långsiktiga mål",
                 "årets mål", "prioriterade mål", "resultatmål", "ambition", "ambitioner", "målbild")
#: lead-in labels that only introduce a list (they are not sections)
LEAD_INS = GOAL_HEADINGS + ("aktiviteter", "åtgärder", "detta ska ske genom att", "genom att",
                            "så här gör vi", "det innebär", "planerade aktiviteter", "vi kommer att",
                            "exempel", "exempelvis", "till exempel", "bland annat", "bl.a", "t.ex",
                            "det gör vi genom att", "vi gör det genom att", "indikatorer", "mått",
                            "uppföljning", "aktiviteter för att nå målet", "arbetssätt", "insatser")
#: sentence wording that makes a sentence a goal (SPEC: a commitment)
GOAL_WORDING = ("ska", "skall", "målet är", "målet att", "mål är att", "mål är", "vårt mål", "våra mål", "målsättningen",
                "vi vill", "vi kommer att", "vi avser", "vi strävar", "ambitionen är", "målsättning")
#: verbs that open a list item stating an outcome rather than an activity
OUTCOME_VERBS = ("öka", "minska", "höja", "sänka", "förbättra", "stärka", "bli", "nå", "uppnå",
                 "behålla", "bibehålla", "fördubbla", "halvera", "värva", "växa")
#: status words near the title -> status (SPEC: draft or adopted)
STATUS_WORDS: dict[str, str] = {
    "förslag": "draft", "utkast": "draft", "preliminär": "draft", "remiss": "draft", "remissversion": "draft",
    "antagen": "adopted", "antaget": "adopted", "antogs": "adopted", "fastställd": "adopted",
    "fastställt": "adopted", "fastställdes": "adopted", "beslutad": "adopted", "beslutat": "adopted",
    "beslutades": "adopted", "godkänd": "adopted", "godkändes": "adopted", "antagen av": "adopted",
    "togs beslut": "adopted", "stämmobeslut": "adopted", "årsmötesbeslut": "adopted", "kongressbeslut": "adopted",
}
#: words (or word endings) naming an issuing body
ORG_STEMS = ("arbetarekommun", "förening", "föreningen", "klubb", "klubben", "förbund", "förbundet",
             "avdelning", "avdelningen", "distrikt", "distriktet", "scoutkår", "kåren", "sällskap",
             "sällskapet", "sektion", "sektionen", "socialdemokraterna", "partiet", "församling", "seniorer",
             "studieförbund", "byalag", "nämnd", "nämnden", "styrelse", "styrelsen", "vänsterpartiet",
             "centerpartiet", "miljöpartiet", "moderaterna", "liberalerna", "kristdemokraterna",
             "seniorerna", "pensionärsförening", "idrottsförening", "idrottsklubb", "ungdomsförbund",
             "ungdomsklubb", "fackklubb", "kommun", "region", "riksförbund", "samfällighet",
             "orkester", "hembygdsförening", "krets", "kretsen", "lokalavdelning", "främjandet", "scouterna")
#: acronyms that name an issuing body by themselves
ORG_ACRONYMS = frozenset({"IF", "IK", "BK", "FF", "FK", "SK", "IFK", "AIK", "GIF", "PRO", "SPF", "SSU",
                          "HSB", "BRF", "RF", "SISU", "ABF", "LO", "TCO", "KPA", "SKPF", "S", "KD", "SD",
                          "MP", "V", "C", "M", "L", "RPG", "SMU", "KFUM", "KFUK", "NTF", "IOGT", "NTO"})
#: capitalised function words that open a sentence or heading, never part of a name
FUNCTION_WORDS = frozenset({"om", "för", "i", "på", "av", "med", "till", "vi", "den", "det", "de", "en", "ett",
                            "alla", "hela", "vår", "våra", "vårt", "och", "inom", "under", "från", "hos", "vid",
                            "efter", "mot", "att", "som", "när", "nu", "här", "där", "så", "även", "dessutom"})
#: words that open a table of contents
TOC_WORDS = ("innehållsförteckning", "innehåll", "innehållsöversikt")
#: infinitives that open a plan's item when it is written without a list mark
#: (``Anordna en vårfest``, ``Verka för fler ledare``); ``att`` may stand before them
ITEM_VERBS = frozenset({
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
    "öka", "öppna", "öva", "införa", "skapa", "besöka", "genomgå", "inrätta", "ordna", "sammanställa",
})
#: title words (also as the end of a compound: ``Verksamhetsmål``) of a document that
#: consists of goals, so that every item in it is a goal
GOAL_DOCUMENT_WORDS = ("mål", "målsättning", "målsättningar", "strategi", "inriktning", "vision")
#: nouns that name goals anywhere in a lead-in (``Förbundets tre strategiska mål är:``)
GOAL_NOUNS = ("mål", "målen", "målet", "målsättning", "målsättningar", "målsättningen", "delmål")
#: words opening a subordinate clause: goal wording after them does not make an item a goal
SUBORDINATORS = ("för att", "så att", "som", "eftersom", "där", "när", "om", "då", "vilket")
#: verbs of being: a one-line sentence built on them describes rather than plans
STATE_VERBS = ("är", "var", "finns", "fanns", "består", "utgör", "heter")
#: last words of a line that breaks off to let a list finish it (a lead-in, not a heading)
LEAD_IN_ENDINGS = ("att", "genom", "är", "blir", "som", "bland annat", "bl.a.", "till exempel", "t.ex.", "följande",
                   "vara", "bli", "på", "med", "av", "för", "mot", "kring", "inom")
#: words a sentence does not end on: a line ending in one goes on in the next line
#: (``... i samarbete med`` / ``Lindby kommun``), even when that line looks like a heading
OPEN_ENDINGS = ("och", "eller", "samt", "i", "på", "med", "av", "till", "för", "från", "om", "mot", "hos",
                "vid", "under", "efter", "inom", "som", "att", "en", "ett", "den", "det", "de", "vår", "vårt",
                "våra", "sin", "sitt", "sina", "både", "mellan")
#: first words of a heading about something (``Om Lindby Kör``): such a line names its
#: topic, it is no line of front matter naming the body
ABOUT_WORDS = ("om", "kring", "angående")
#: words a line does not end on unless it goes on in the next line: conjunctions and
#: articles (a preposition may end a heading as a particle: ``Mål att sträva efter``)
BREAK_OFF_WORDS = ("och", "eller", "samt", "i", "som", "att", "en", "ett", "den", "det", "de", "vår", "vårt",
                   "våra", "både", "mellan")
