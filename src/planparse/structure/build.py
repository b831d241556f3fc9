"""Blocks -> Plan: front matter, the section tree, and the goals in each section.

The block stream is read once, top to bottom. Headings open sections (their levels made
relative to the plan's highest heading); lead-in labels such as ``Mål:`` do not, they only
say that the list after them holds goals; list items, goal sentences of prose and table
rows become goals with their targets.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

import regex

from ..blocks import Block, Cue, Kind
from ..lexicon import COMPARATOR_BEFORE, TOC_WORDS, WHO_COLUMNS, YEAR_PATTERN
from ..model import Goal, Location, Plan, Section, Source
from ..targets import TextContext, counted_noun, extract_targets, tag_candidates
from . import metadata
from .goals import (describes_present, goal_kind, has_goal_wording, is_goal_document, is_goal_label, is_lead_in_label,
                    is_unfinished, mentions_goals, responsible_of, starts_with_infinitive, states_commitment)
from .metadata import is_about_heading
from .sentences import split_sentences

#: a number or a sentence end: no indicator's name has one
NUMBER_OR_END = regex.compile(r"\d|[.!?:]\s*$")
CAPITAL_ATT = regex.compile(r"Att\s")
LABELLED = regex.compile(r"^(?P<label>[\p{L} ]{2,30}):\s+(?P<rest>\S.*)$")
TITLE_WORDS = regex.compile(r"plan|program|inriktning|verksamhet|budget|strategi", regex.I)
HEADING_NUMBER = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|\d{1,2}(?=\s+\p{Lu})|[IVX]{1,4}\.|[A-Z]\.)\s+")
MAX_FRONT_WORDS = 14
#: a line that is only a year or a period (``2031``, ``2031/2032``, ``2031 – 2032``)
WRAPPED_YEAR = regex.compile(YEAR_PATTERN + r"(?:\s*[-–/]\s*(?:" + YEAR_PATTERN + r"|\d\d))?")
#: a heading at least this alike to the title, in any case, repeats it (a cover page, then
#: the first page; ``Versamhetsplan 2031`` typed under ``Verksamhetsplan 2031``)
TITLE_REPEAT_LIKENESS = 0.9
#: a "sentence" of prose longer than this is a dump without full stops, no goal sentence:
#: it stays section text but is not tagged (README, "Limits")
MAX_SENTENCE_CHARS = 2_000
#: a title (perhaps after a page or section number) ending in a dot leader and a page number
TOC_FRAGMENT = regex.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?\s++)?\p{Lu}[^.…]{0,80}+(?:\.{3,}+|…++)\s*+(?:\d{1,3}\b.{0,4})?$")
#: ``1. Att ...``, ``2) Att ...`` inside a paragraph: a numbered ``att`` item run into the text
RUN_IN_NUMBER = regex.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})(?:[.)]\s*+|\s++)(?=[Aa]tt\s)")
#: a line that only states a target: ``Minst 80 %``, ``4 st``, ``Fler än 20 medlemmar``
BARE_TARGET = regex.compile(r"(?i:(?:" + COMPARATOR_BEFORE.alternation()
                            + r")\s+)?\d[\d\s\u00a0]*+(?:[.,]\d+)?\s*+(?:%|\p{L}+\.?)?(?:\s\p{L}+)?")
MAX_INDICATOR_WORDS = 12
#: a label ending in a colon (``Arbetssätt:``) of at most this many words that stands more
#: than once in a plan labels a part of each section rather than heading one of its own
MAX_RECURRING_LABEL_WORDS = 3
#: sections nest at most this deep (Word has nine heading levels)
MAX_SECTION_DEPTH = 9
#: a title of at most 8 words that ends in the plan's year, run into the text after it
#: (``Verksamhetsplan 2031 Medlemmar Vi ska ...``)
TITLE_BEFORE_TEXT = regex.compile(
    r"^(?P<title>\p{Lu}\S*(?:\s+\S+){0,6}?\s+(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?)\s+(?=\p{Lu})")
#: a title of at most 10 words run into a table of contents on the first line
TOC_AFTER_TITLE = regex.compile(
    r"^(?P<title>\p{Lu}\S*(?:\s+\S+){0,9}?)\s+(?=(?i:" + TOC_WORDS.alternation() + r")\b)")


def clean_title(text: str) -> str:
    """A heading as clean text: no Markdown marks, numbering or trailing colon."""
    text = text.replace("**", "").replace("__", "").strip().lstrip("#").strip()
    text = HEADING_NUMBER.sub("", text)
    return text.rstrip(":").strip()


def build_plan(blocks: list[Block], source: Source) -> Plan:
    title, front, body = split_front_matter(join_wrapped_years(blocks))
    title_line = clean_title(title.text) if title else ""
    plan = Plan(source=source, title=metadata.without_trailing_date(title_line) if title else None)
    metadata.fill(plan, title_line, front, body, blocks)
    body = pair_indicators(split_run_in_items(body))
    plan.sections = _SectionBuilder(body, is_goal_document(plan.title)).build()
    return plan


# ------------------------------------------------------------------ front matter

def join_wrapped_years(blocks: list[Block]) -> list[Block]:
    """A heading of no words (``2031/2032``) right under a heading set the same way is the
    end of that heading, wrapped onto a line of its own: one heading, not two.

    >>> h = lambda t: Block(t, Kind.HEADING, 1, cue=Cue.FORMAT)
    >>> [b.text for b in join_wrapped_years([h("Arbetsplan för förskolan"), h("2031/2032"), h("Språk")])]
    ['Arbetsplan för förskolan 2031/2032', 'Språk']
    """
    out: list[Block] = []
    for b in blocks:
        above = out[-1] if out else None
        if above is not None and above.is_heading and (_wrapped_heading_end(b, above) or _wrapped_title_year(b, above)):
            out[-1] = replace(above, text=f"{above.text} {b.text.strip()}")
        else:
            out.append(b)
    return out


def _wrapped_heading_end(b: Block, above: Block) -> bool:
    """A heading of no words set like the heading above it (``2031/2032``)."""
    return b.is_heading and not regex.search(r"\p{L}", b.text) and (above.level, above.cue) == (b.level, b.cue)


def _wrapped_title_year(b: Block, above: Block) -> bool:
    """A paragraph that is only a year or a period (``2031``, ``2031-2032``) right under a
    heading that names a plan and no year (``VERKSAMHETSPLAN``): the title broken before
    its year, as plain text has no style to show that the year line belongs to it.

    >>> h, p = Block("VERKSAMHETSPLAN", Kind.HEADING, cue=Cue.CAPS), Block("2031", Kind.PARAGRAPH)
    >>> _wrapped_title_year(p, h), _wrapped_title_year(p, Block("Medlemmar", Kind.HEADING, cue=Cue.CAPS))
    (True, False)
    """
    return b.kind is Kind.PARAGRAPH and WRAPPED_YEAR.fullmatch(b.text.strip()) is not None \
        and TITLE_WORDS.search(above.text) is not None and not metadata.YEAR_ANY.search(above.text)


def _is_title(block: Block, blocks: list[Block]) -> bool:
    if block.kind not in (Kind.HEADING, Kind.PARAGRAPH) or len(block.text.split()) > MAX_FRONT_WORDS:
        return False
    if block.kind is Kind.PARAGRAPH and metadata.is_sentence(block.text):
        return False
    if block.cue is Cue.TITLE or TITLE_WORDS.search(block.text) or metadata.YEAR_ANY.search(block.text):
        return True
    if block.kind is Kind.HEADING and block.level == 1 and block.cue is not None and block.cue.has_level:
        return sum(1 for b in blocks if b.is_heading and b.level == 1 and b.cue == block.cue) == 1
    return False


def _is_meta_line(block: Block) -> bool:
    text = block.text
    if block.kind is Kind.LIST_ITEM or len(text.split()) > MAX_FRONT_WORDS:
        return False
    return bool(metadata.date_of([text]) or metadata.STATUS.search(text)
                or (names_the_body(text) and not is_about_heading(text))
                or regex.fullmatch(r"(?:för\s+)?(?:år\s+)?[\d\s–\-/]+", text.strip()))


def names_the_body(text: str) -> bool:
    """Is the line (mostly) the name of the issuing body, as front matter is (``PRO
    Lindby``, ``Lindby Kör, styrelsen``)? A line naming it among more words (``Ett år i
    Lindby Kör``) says something about it instead.

    >>> names_the_body("PRO Lindby"), names_the_body("Ett seglarår i Lindby Seglarsällskap")
    (True, False)
    """
    org = metadata.organization_in(text)
    return org is not None and 2 * len(org.split()) >= len(text.split())


def split_front_matter(blocks: list[Block]) -> tuple[Block | None, list[Block], list[Block]]:
    """(title, the short lines around it that name body/date/status, everything after).

    The title need not come first: ``PRO GRANBACKA`` above ``VERKSAMHETSPLAN 2025`` is the
    issuing body, read as front matter like a date or a status line under the title. A
    plan whose title has no plan word is titled by its first standalone heading."""
    blocks = _split_leading_title(blocks)
    title: Block | None = None
    front: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if title is None and i < 4 and _is_title(b, blocks):
            title = b
        elif title is not None and (repeats_title(b, title) or _name_said_again(b, blocks)):
            front.append(b)
        elif _is_meta_line(b) and (b.kind is not Kind.PARAGRAPH or len(b.text.split()) <= 6
                                   or metadata.date_of([b.text]) or metadata.STATUS.search(b.text)):
            front.append(b)
        elif title is None and i < 3 and (at := _first_heading_title(blocks, i)) is not None:
            front += blocks[i:at]
            title, i = blocks[at], at
        else:
            break
        i += 1
    return title, front, blocks[i:]


def repeats_title(block: Block, title: Block) -> bool:
    """Is the heading the title again, in any case and perhaps misspelt (a cover page's
    title over the first page's, ``VERKSAMHETSPLAN 2031`` under ``Verksamhetsplan 2031``),
    or the title's opening words that name the plan, the rest on lines of their own
    (``Verksamhetsplan`` / ``för åren 2031-2035``)? It is front matter then, no section.

    >>> t = Block("Verksamhetsplan 2031", Kind.HEADING, cue=Cue.PLAIN)
    >>> [repeats_title(Block(x, Kind.HEADING, cue=Cue.CAPS), t) for x in ("VERKSAMHETSPLAN 2031",
    ...                                                                   "Versamhetsplan 2031", "Verksamhetsplan",
    ...                                                                   "Budget 2031")]
    [True, True, True, False]
    """
    if not block.is_heading:
        return False
    a, b = (" ".join(clean_title(x.text).casefold().split()) for x in (block, title))
    opening = b.startswith(a + " ") and TITLE_WORDS.search(a) is not None
    alike = SequenceMatcher(None, a, b)  # the length bound first: a long heading is no repeat, and costly to align
    return opening or alike.real_quick_ratio() >= TITLE_REPEAT_LIKENESS and alike.ratio() >= TITLE_REPEAT_LIKENESS


def _name_said_again(block: Block, blocks: list[Block]) -> bool:
    """Is the line only a proper name (``Lindby Makerspace`` under ``Verksamhetsplan
    2031``) that the plan writes again, capitalised the same, elsewhere? A body's name
    recurs as written; a heading in title case (``Nya Medlemmar``) is written in lower
    case in the text under it.

    >>> p = lambda t: Block(t, Kind.PARAGRAPH)
    >>> name = Block("Lindby Makerspace", Kind.HEADING, cue=Cue.PLAIN)
    >>> _name_said_again(name, [name, p("Lindby Makerspace har öppet varje dag.")])
    True
    >>> heading = Block("Nya Medlemmar", Kind.HEADING, cue=Cue.PLAIN)
    >>> _name_said_again(heading, [heading, p("Vi välkomnar nya medlemmar.")])
    False
    """
    name = metadata.name_line(block.text)
    return name is not None and any(name in b.text for b in blocks if b is not block)


def _first_heading_title(blocks: list[Block], i: int) -> int | None:
    """Index of the title when the plan opens with a heading that names no plan: that
    heading (``Lokala riktlinjer`` over its text), or the heading after a one- or two-word
    kicker (``Nyheter`` above ``Fler ska hitta till föreningen``).

    >>> h = lambda t: Block(t, Kind.HEADING, cue=Cue.PLAIN)
    >>> p = Block("Text.", Kind.PARAGRAPH)
    >>> _first_heading_title([h("Lokala riktlinjer"), p], 0)
    0
    >>> _first_heading_title([h("Nyheter"), h("Fler ska hitta till föreningen"), p], 0)
    1
    >>> _first_heading_title([h("Mål"), h("klubben"), p], 0)
    0
    >>> _first_heading_title([p, h("Bakgrund"), p], 0) is None
    True
    """
    b = blocks[i]
    if not b.is_heading or i + 1 >= len(blocks) or len(b.text.split()) > MAX_FRONT_WORDS:
        return None
    nxt = blocks[i + 1]
    if len(b.text.split()) <= 2 and nxt.is_heading and i + 2 < len(blocks) \
            and nxt.text[:1].isupper() and len(nxt.text.split()) >= 3 + len(b.text.split()) - 1:
        return i + 1
    return i


def _split_leading_title(blocks: list[Block]) -> list[Block]:
    """A flattened transcript runs its title into the table of contents on one line:
    ``Verksamhetsplan 2025 Innehåll 1. Inledning... 2`` gives the title block
    ``Verksamhetsplan 2025`` and the rest as a paragraph; so does a title ending in its
    year run into the text (``Förslag till verksamhetsplan 2031 Medlemmar Vi ska ...``).

    >>> line = "Verksamhetsplan 2025 Innehåll 1. Inledning... 2 2. Medlemmar... 3 3. Ekonomi... 5 4. Möten... 6"
    >>> [b.text.split()[0] for b in _split_leading_title([Block(line, Kind.PARAGRAPH)])]
    ['Verksamhetsplan', 'Innehåll']
    >>> text = "Förslag till verksamhetsplan 2031 Medlemmar Vi ska bli fler. Vi ska ordna fem möten och två fester."
    >>> _split_leading_title([Block(text, Kind.PARAGRAPH)])[0].text
    'Förslag till verksamhetsplan 2031'
    """
    if not blocks or blocks[0].kind is not Kind.PARAGRAPH or len(blocks[0].text.split()) <= MAX_FRONT_WORDS:
        return blocks
    first = blocks[0]
    m = TOC_AFTER_TITLE.match(first.text) or TITLE_BEFORE_TEXT.match(first.text)
    if not m or not TITLE_WORDS.search(m["title"]):
        return blocks
    title = Block(m["title"], Kind.HEADING, 1, first.page, first.line, Cue.PLAIN)
    return [title, Block(first.text[m.end("title"):].strip(), first.kind, first.level, first.page, first.line),
            *blocks[1:]]


# ------------------------------------------------------------------ items the layout lost

def split_run_in_items(body: list[Block]) -> list[Block]:
    """A numbered list of ``att`` items run together by a flattened transcript, into one
    paragraph (``1. Att ordna en fest 2. Att måla stugan``) or into its first item,
    becomes its items again.

    >>> blocks = split_run_in_items([Block("Vi vill: 1. Att ordna en fest 2. Att måla stugan", Kind.PARAGRAPH)])
    >>> [(b.kind.value, b.text) for b in blocks]
    [('paragraph', 'Vi vill:'), ('list_item', 'Att ordna en fest'), ('list_item', 'Att måla stugan')]
    >>> [b.text for b in split_run_in_items([Block("Att ordna en fest 2. Att måla 3. Att så", Kind.LIST_ITEM, 0)])]
    ['Att ordna en fest', 'Att måla', 'Att så']
    """
    out: list[Block] = []
    for b in body:
        starts = _run_in_numbers(b.text, b.kind is Kind.PARAGRAPH) if b.kind in (Kind.PARAGRAPH, Kind.LIST_ITEM) else []
        if not starts:
            out.append(b)
            continue
        if lead := b.text[:starts[0][0]].strip():
            out.append(Block(lead, b.kind, b.level, b.page, b.line))
        for (_, text_start), (end, _) in zip(starts, [*starts[1:], (len(b.text), 0)]):
            out.append(Block(b.text[text_start:end].strip(), Kind.LIST_ITEM, b.level or 0, b.page, b.line))
    return out


def _run_in_numbers(text: str, from_one: bool) -> list[tuple[int, int]]:
    """(start of the number, start of the item) for the ``att`` items numbered one up
    from the first (from ``1.`` in a paragraph, which needs two of them)."""
    found: list[tuple[int, int]] = []
    first = 0
    for m in RUN_IN_NUMBER.finditer(text):
        n = int(m["n"])
        if not found and (n == 1 or not from_one and n > 1):
            first = n
        if n == first + len(found):
            found.append((m.start("n"), m.end()))
    return found if len(found) >= (2 if from_one else 1) else []


def pair_indicators(body: list[Block]) -> list[Block]:
    """An indicator line followed by a line that only states its target (``Andel nöjda
    medlemmar`` / ``Minst 80 %``) is one goal: a table flattened into alternating lines.

    >>> blocks = pair_indicators([Block("Andel nöjda medlemmar", Kind.HEADING, cue=Cue.PLAIN),
    ...                           Block("Minst 80 %", Kind.PARAGRAPH)])
    >>> [(b.kind.value, b.text) for b in blocks]
    [('list_item', 'Andel nöjda medlemmar Minst 80 %')]
    >>> [b.text for b in pair_indicators([Block("Barn och unga", Kind.HEADING, cue=Cue.PLAIN),
    ...                                   Block("60%", Kind.HEADING, cue=Cue.PLAIN)])]
    ['Barn och unga 60%']
    """
    out: list[Block] = []
    for b in body:
        if out and _is_indicator(out[-1]) and _states_only_a_target(b):
            indicator = out.pop()
            out.append(Block(f"{indicator.text} {b.text.strip()}", Kind.LIST_ITEM, 0, indicator.page, indicator.line))
        else:
            out.append(b)
    return out


def _states_only_a_target(b: Block) -> bool:
    """A paragraph, or a line standing alone like a heading, that only states a target
    (``Minst 80 %``, ``60%``); a bare number standing alone (``2031``, ``12``) is a
    year or a page number instead, as a heading or as a paragraph of its own.

    >>> [_states_only_a_target(Block(t, Kind.HEADING, cue=Cue.PLAIN)) for t in ("60%", "2031", "12")]
    [True, False, False]
    >>> _states_only_a_target(Block("2031", Kind.PARAGRAPH))
    False
    """
    if regex.fullmatch(r"\d+", b.text.strip()) or b.kind is Kind.HEADING and b.cue is not Cue.PLAIN:
        return False
    return b.kind in (Kind.PARAGRAPH, Kind.HEADING) and BARE_TARGET.fullmatch(b.text.strip()) is not None


def _is_indicator(b: Block) -> bool:
    """A short line naming what is measured: no number, no sentence end, no goal label."""
    plain = b.kind is Kind.PARAGRAPH or (b.kind is Kind.HEADING and not (b.cue and b.cue.has_level))
    return plain and len(b.text.split()) <= MAX_INDICATOR_WORDS and not NUMBER_OR_END.search(b.text) \
        and not is_goal_label(b.text)


# ------------------------------------------------------------------ sections and goals

def is_unmarked_item(b: Block, nxt: Block | None) -> bool:
    """A plan's item written without a list mark: a one-sentence paragraph that opens
    with an infinitive (``Anordna en vårfest.``), or such a line standing alone like a
    heading when no prose of its own follows it (over its prose it is a heading).

    >>> p = Block("Vi bjuder in alla.", Kind.PARAGRAPH)
    >>> is_unmarked_item(Block("Verka för fler ledare.", Kind.PARAGRAPH), None)
    True
    >>> is_unmarked_item(Block("Ordna en resa", Kind.HEADING, cue=Cue.PLAIN), None)
    True
    >>> is_unmarked_item(Block("Ordna en resa", Kind.HEADING, cue=Cue.PLAIN), p)
    False
    >>> is_unmarked_item(Block("Ordna en resa", Kind.HEADING, 2, cue=Cue.MARKDOWN), None)
    False
    """
    if not starts_with_infinitive(b.text):
        return False
    if b.kind is Kind.PARAGRAPH:
        return len(split_sentences(b.text)) == 1
    return b.kind is Kind.HEADING and b.cue is Cue.PLAIN and (nxt is None or nxt.kind is not Kind.PARAGRAPH)


def is_toc_fragment(sentence: str) -> bool:
    """A piece of a table of contents run into the text of a flattened transcript
    (``3 Medlemmar... 4``, ``2 Ekonomi…``): a short title with a dot leader.

    >>> is_toc_fragment("3 Medlemmar... 4"), is_toc_fragment("Vi ska ses... ofta, minst 4 gånger.")
    (True, False)
    """
    return len(sentence.split()) <= 12 and TOC_FRAGMENT.match(sentence) is not None


def is_att_item(b: Block) -> bool:
    """A paragraph opening with ``Att`` (``Att klubben ordnar en vårfest.``): an ``att``
    item when it stands under a goal label, though in running prose it may be a clause.

    >>> is_att_item(Block("Att klubben ordnar en vårfest.", Kind.PARAGRAPH))
    True
    >>> is_att_item(Block("Attraktiva resor lockar.", Kind.PARAGRAPH))
    False
    """
    return b.kind is Kind.PARAGRAPH and CAPITAL_ATT.match(b.text) is not None


def _is_header_row(row: list[Block]) -> bool:
    """A table's first row names its columns: no numbers in it but years."""
    return not any(regex.search(r"\d", metadata.YEAR_ANY.sub("", c.text)) for c in row)


def names_who(column: str) -> bool:
    """Does a table's column name say who does the row's work (``Ansvarig``, ``Vem``)?

    >>> [names_who(c) for c in ("Ansvariga", "Vem:", "Huvudansvarig", "När")]
    [True, True, True, False]
    """
    name = " ".join(column.casefold().rstrip(":").split())
    return name.startswith("ansvar") or name in WHO_COLUMNS


def heading_levels(body: list[Block]) -> list[int | None]:
    """Each heading's level, 1 for the plan's highest. Styles with a level of their own
    (Markdown, numbering, Word/PDF) set it; bold, caps and plain headings stand level with
    the last such heading, or at 1 when a plan has none. No level is deeper than
    ``MAX_SECTION_DEPTH``: a heading numbered ``1.1.1.1.1.1.1.1.1.1`` stands at that depth,
    so the section tree (and its JSON) stays shallow whatever the numbering says.

    >>> h = lambda n: Block("Rubrik", Kind.HEADING, n, cue=Cue.NUMBERED)
    >>> heading_levels([h(2), h(3), Block("Text", Kind.PARAGRAPH), h(40)])
    [1, 2, None, 9]
    """
    intrinsic = [b.level for b in body if b.is_heading and b.cue is not None and b.cue.has_level and b.level]
    top = min(intrinsic) if intrinsic else 1
    levels: list[int | None] = []
    last = 1
    for b in body:
        if not b.is_heading:
            levels.append(None)
        elif b.cue is not None and b.cue.has_level and b.level:
            last = min(b.level - top + 1, MAX_SECTION_DEPTH)
            levels.append(last)
        else:
            levels.append(last)
    return levels


def _heading_key(text: str) -> str:
    return text.strip().rstrip(":").casefold()


@dataclass
class _Draft:
    """A goal candidate waiting for its targets."""

    section: Section
    goal: Goal
    force: bool
    unit: str | None
    describes_present: bool = False  # stated under ``Nuläge``/``Dagsläget:``: a fact unless it commits


@dataclass
class _SectionBuilder:
    body: list[Block]
    goal_document: bool = False     # the title says every item of the plan is a goal
    roots: list[Section] = field(default_factory=list)
    stack: list[Section] = field(default_factory=list)
    goal_context: bool = False      # the current list is under a goal heading or lead-in
    section_goal: bool = False      # the current section's heading announces goals
    present_state: bool = False     # the current text is under a heading or label such as ``Nuläge``
    prose: dict[str, list[str]] = field(default_factory=dict)
    drafts: list[_Draft] = field(default_factory=list)
    heading_counts: Counter[str] | None = None  # how often each heading text occurs

    def build(self) -> list[Section]:
        levels = heading_levels(self.body)
        preamble = Section(id="s0", title=None, level=1)
        self.stack = [preamble]
        table_header: dict[int, str] | None = None
        i = 0
        while i < len(self.body):
            b = self.body[i]
            if b.kind is Kind.TABLE_CELL:
                row = self._row_at(i)
                starts_table = i == 0 or self.body[i - 1].kind is not Kind.TABLE_CELL
                if starts_table:
                    table_header = None
                    if _is_header_row(row) and self._has_next_row(i + len(row)):
                        table_header = {c.col or 0: c.text for c in row}
                        i += len(row)
                        continue
                self._add_row(row, table_header)
                i += len(row)
                continue
            if is_unmarked_item(b, self._next(i)):
                self._add_goal(b.text, b, self.goal_context or self.section_goal)
            elif b.is_heading and not self._is_lead_in(i):
                self._open_section(b, levels[i] or 1)
            elif self._is_lead_in(i):
                self.goal_context = is_goal_label(b.text) or has_goal_wording(b.text) or mentions_goals(b.text)
                self.present_state = describes_present(b.text)
                if b.kind is Kind.PARAGRAPH:
                    self._add_prose(b.text)
            elif b.kind is Kind.LIST_ITEM:
                self._add_goal(b.text, b, self.goal_context or self.section_goal)
            elif self.goal_context and is_att_item(b):
                self._add_goal(b.text, b, True)
            else:
                if not (self.goal_context and b.kind is Kind.PARAGRAPH and self._follows_goal_label(i)):
                    self.goal_context = False
                self._add_paragraph(b)
            i += 1
        self._measure()
        for section in [preamble, *self.roots]:
            for s in section.walk():
                s.text = "\n\n".join(self.prose.get(s.id, []))
        return ([preamble] if preamble.goals or preamble.text else []) + self.roots

    # -- headings
    def _is_lead_in(self, i: int) -> bool:
        b = self.body[i]
        if b.kind not in (Kind.HEADING, Kind.PARAGRAPH):
            return False
        nxt = self.body[i + 1] if i + 1 < len(self.body) else None
        introduces_list = nxt is not None and (nxt.kind in (Kind.LIST_ITEM, Kind.TABLE_CELL)
                                               or is_unmarked_item(nxt, self._next(i + 1)) or is_att_item(nxt))
        colon = b.text.rstrip().endswith(":") or b.cue is Cue.LABEL
        if b.kind is Kind.PARAGRAPH:
            return colon and introduces_list
        if colon and is_lead_in_label(b.text):
            return True
        if colon and introduces_list and (len(b.text.split()) >= 4 or has_goal_wording(b.text)):
            return True
        if introduces_list and b.cue in (Cue.PLAIN, Cue.BOLD) and (is_unfinished(b.text) or has_goal_wording(b.text)):
            return True  # a sentence that a list finishes: ``År 2031 ska klubben`` / ``- ha 50 medlemmar``
        if colon and len(b.text.split()) <= MAX_RECURRING_LABEL_WORDS and self._recurs(b.text):
            return True  # ``Arbetssätt:`` in section after section labels a part of each, it heads none
        enclosed = len(self.stack) > 1
        return enclosed and b.cue in (Cue.BOLD, Cue.PLAIN, Cue.LABEL) and is_goal_label(b.text) \
            and len(b.text.split()) <= 3 and (introduces_list or nxt is None) and self._recurs(b.text)

    def _recurs(self, text: str) -> bool:
        """Does this heading text stand more than once in the plan? ``Mål`` repeated in
        every section introduces each section's goals; said once, it heads a section."""
        if self.heading_counts is None:
            self.heading_counts = Counter(_heading_key(b.text) for b in self.body if b.is_heading)
        return self.heading_counts[_heading_key(text)] > 1

    def _next(self, i: int) -> Block | None:
        return self.body[i + 1] if i + 1 < len(self.body) else None

    def _follows_goal_label(self, i: int) -> bool:
        return i > 0 and self.body[i - 1].is_heading and self._is_lead_in(i - 1)

    def _row_at(self, i: int) -> list[Block]:
        """The cells of the table row that starts at block ``i``: the run of cells with its
        row number (a row's cells stand together, so the rest of the plan is not read)."""
        j = i
        while j < len(self.body) and self.body[j].kind is Kind.TABLE_CELL and self.body[j].row == self.body[i].row:
            j += 1
        return self.body[i:j]

    def _has_next_row(self, j: int) -> bool:
        return j < len(self.body) and self.body[j].kind is Kind.TABLE_CELL

    def _open_section(self, b: Block, level: int) -> None:
        while len(self.stack) > 1 and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1] if len(self.stack) > 1 else None
        siblings = parent.sections if parent else self.roots
        sid = f"{parent.id}.{len(siblings) + 1}" if parent else f"s{len(siblings) + 1}"
        section = Section(id=sid, title=clean_title(b.text), level=level)
        siblings.append(section)
        self.stack.append(section)
        self.section_goal = is_goal_label(section.title or "")
        self.goal_context = False
        self.present_state = describes_present(section.title or "")

    # -- content
    @property
    def current(self) -> Section:
        return self.stack[-1]

    def _add_prose(self, text: str) -> None:
        self.prose.setdefault(self.current.id, []).append(text)

    def _add_goal(self, text: str, b: Block, in_goal_context: bool, force: bool = True,
                  unit: str | None = None) -> Goal | None:
        """A goal candidate; its targets are read after the whole plan is laid out, so that
        every candidate can be tagged in one batch. A prose sentence (``force`` False)
        stays a goal only if it has a target or goal wording."""
        text = " ".join(text.split())
        if not text:
            return None
        # a prose sentence is only kept as a goal for its target or its goal wording
        kind = goal_kind(text, in_goal_context or self.goal_document or not force)
        goal = Goal(id="", text=text, kind=kind, responsible=responsible_of(text),
                    location=Location(page=b.page, line=b.line))
        self.current.goals.append(goal)
        self.drafts.append(_Draft(self.current, goal, force, unit, self.present_state and not states_commitment(text)))
        return goal

    def _measure(self) -> None:
        """Targets for every candidate, in document order, with the unit the previous goal
        of its section counted as context (``öka till 115`` after ``bli 150 medlemmar``)."""
        words = tag_candidates(d.goal.text for d in self.drafts)
        previous: dict[str, str | None] = {}
        for d in self.drafts:
            goal = d.goal
            context = TextContext(list_item=d.force, describes_present=d.describes_present)
            goal.targets = extract_targets(goal.text, context_unit=d.unit or previous.get(d.section.id),
                                           words=words.get(goal.text, ()), context=context)
            if (not d.force or d.describes_present) and not goal.targets and not has_goal_wording(goal.text):
                d.section.goals.remove(goal)
                continue
            last = goal.targets[-1] if goal.targets else None
            previous[d.section.id] = last.unit if last is not None and last.quantity == "count" else None
        for section in {id(d.section): d.section for d in self.drafts}.values():
            for n, goal in enumerate(section.goals, start=1):
                goal.id = f"{section.id}.g{n}"

    def _add_paragraph(self, b: Block) -> None:
        text = b.text
        label = LABELLED.match(text)
        if label and is_goal_label(label["label"]):
            self.present_state = False
            self._add_goal(label["rest"], b, True)
            return
        if label and describes_present(label["label"]):
            self.present_state = True  # ``Dagsläget: Vi är 40 medlemmar.`` and the paragraphs after it
        self._add_prose(text)
        for sentence in split_sentences(text):
            if len(sentence) <= MAX_SENTENCE_CHARS and not is_toc_fragment(sentence):
                self._add_goal(sentence, b, self.goal_context or has_goal_wording(sentence), force=False)

    def _add_row(self, row: list[Block], header: dict[int, str] | None) -> None:
        cells = [c.text for c in row]
        text = " – ".join(cells)
        indicator = cells[0] if len(cells) > 1 and not regex.search(r"\d", cells[0]) else ""
        goal = self._add_goal(text, row[0], True, unit=counted_noun(indicator))
        if goal is not None and header and not goal.responsible:
            for c in row:
                if names_who(header.get(c.col or 0, "")):
                    goal.responsible = [n for n in regex.split(r"\s*(?:,|\boch\b|&|/)\s*", c.text) if n]
