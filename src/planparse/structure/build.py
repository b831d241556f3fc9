"""Blocks -> Plan: front matter, the section tree, and the goals in each section.

The block stream is read once, top to bottom. Headings open sections (their levels made
relative to the plan's highest heading); lead-in labels such as ``Mål:`` do not, they only
say that the list after them holds goals; list items, goal sentences of prose and table
rows become goals with their targets.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..blocks import Block, Cue, Kind
from ..model import Goal, Location, Plan, Section, Source
from ..targets import TextContext, counted_noun, extract_targets, tag_candidates
from . import metadata
from .goals import goal_kind, has_goal_wording, is_goal_label, is_lead_in_label, responsible_of
from .sentences import split_sentences

TITLE_WORDS = regex.compile(r"plan|program|inriktning|verksamhet|budget|strategi", regex.I)
HEADING_NUMBER = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|\d{1,2}(?=\s+\p{Lu})|[IVX]{1,4}\.|[A-Z]\.)\s+")
MAX_FRONT_WORDS = 14


def clean_title(text: str) -> str:
    """A heading as clean text: no Markdown marks, numbering or trailing colon."""
    text = text.replace("**", "").replace("__", "").strip().lstrip("#").strip()
    text = HEADING_NUMBER.sub("", text)
    return text.rstrip(":").strip()


def build_plan(blocks: list[Block], source: Source) -> Plan:
    title, front, body = split_front_matter(blocks)
    plan = Plan(source=source, title=clean_title(title.text) if title else None)
    _fill_metadata(plan, front, body, blocks)
    plan.sections = _SectionBuilder(body).build()
    return plan


# ------------------------------------------------------------------ front matter

def _is_title(block: Block, blocks: list[Block]) -> bool:
    if block.kind not in (Kind.HEADING, Kind.PARAGRAPH) or len(block.text.split()) > MAX_FRONT_WORDS:
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
    return bool(metadata.date_of([text]) or metadata.STATUS.search(text) or metadata.organization_in(text)
                or regex.fullmatch(r"(?:för\s+)?(?:år\s+)?[\d\s–\-/]+", text.strip()))


def split_front_matter(blocks: list[Block]) -> tuple[Block | None, list[Block], list[Block]]:
    """(title, the short lines around it that name body/date/status, everything after).

    The title need not come first: ``PRO GRANBACKA`` above ``VERKSAMHETSPLAN 2025`` is the
    issuing body, read as front matter like a date or a status line under the title."""
    title: Block | None = None
    front: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if title is None and i < 4 and _is_title(b, blocks):
            title = b
        elif _is_meta_line(b) and (b.kind is not Kind.PARAGRAPH or len(b.text.split()) <= 6
                                   or metadata.date_of([b.text]) or metadata.STATUS.search(b.text)):
            front.append(b)
        else:
            break
        i += 1
    return title, front, blocks[i:]


def _fill_metadata(plan: Plan, front: list[Block], body: list[Block], blocks: list[Block]) -> None:
    head = [plan.title or ""] + [b.text for b in front]
    plan.years = metadata.years_of(plan.title or "") or metadata.years_of(" ".join(head))
    plan.status = metadata.status_of(head)
    tail = [b.text for b in blocks[-3:] if len(b.text.split()) <= 20]
    plan.date = metadata.date_of([b.text for b in front] + [plan.title or ""]) or metadata.date_of(tail)
    for b in front:
        if org := metadata.organization_in(b.text):
            plan.organization = org
            return
    opening = [plan.title or ""] + [b.text for b in body[:12] if b.kind is Kind.PARAGRAPH]
    for text in opening:
        if org := metadata.organization_in(text):
            plan.organization = org
            return


# ------------------------------------------------------------------ sections and goals

def _is_header_row(row: list[Block]) -> bool:
    """A table's first row names its columns: no numbers in it but years."""
    return not any(regex.search(r"\d", metadata.YEAR_ANY.sub("", c.text)) for c in row)


def heading_levels(body: list[Block]) -> list[int | None]:
    """Each heading's level, 1 for the plan's highest. Styles with a level of their own
    (Markdown, numbering, Word/PDF) set it; bold, caps and plain headings stand level with
    the last such heading, or at 1 when a plan has none."""
    intrinsic = [b.level for b in body if b.is_heading and b.cue is not None and b.cue.has_level and b.level]
    top = min(intrinsic) if intrinsic else 1
    levels: list[int | None] = []
    last = 1
    for b in body:
        if not b.is_heading:
            levels.append(None)
        elif b.cue is not None and b.cue.has_level and b.level:
            last = b.level - top + 1
            levels.append(last)
        else:
            levels.append(last)
    return levels


@dataclass
class _Draft:
    """A goal candidate waiting for its targets."""

    section: Section
    goal: Goal
    force: bool
    unit: str | None


@dataclass
class _SectionBuilder:
    body: list[Block]
    roots: list[Section] = field(default_factory=list)
    stack: list[Section] = field(default_factory=list)
    goal_context: bool = False      # the current list is under a goal heading or lead-in
    section_goal: bool = False      # the current section's heading announces goals
    prose: dict[str, list[str]] = field(default_factory=dict)
    drafts: list[_Draft] = field(default_factory=list)

    def build(self) -> list[Section]:
        levels = heading_levels(self.body)
        preamble = Section(id="s0", title=None, level=1)
        self.stack = [preamble]
        table_header: dict[int, str] | None = None
        i = 0
        while i < len(self.body):
            b = self.body[i]
            if b.kind is Kind.TABLE_CELL:
                row = [c for c in self.body[i:] if c.kind is Kind.TABLE_CELL and c.row == b.row]
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
            if b.is_heading and not self._is_lead_in(i):
                self._open_section(b, levels[i] or 1)
            elif self._is_lead_in(i):
                self.goal_context = is_goal_label(b.text) or has_goal_wording(b.text)
                if b.kind is Kind.PARAGRAPH:
                    self._add_prose(b.text)
            elif b.kind is Kind.LIST_ITEM:
                self._add_goal(b.text, b, self.goal_context or self.section_goal)
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
        introduces_list = nxt is not None and nxt.kind in (Kind.LIST_ITEM, Kind.TABLE_CELL)
        colon = b.text.rstrip().endswith(":") or b.cue is Cue.LABEL
        if b.kind is Kind.PARAGRAPH:
            return colon and introduces_list
        if colon and is_lead_in_label(b.text):
            return True
        if colon and introduces_list and (len(b.text.split()) >= 4 or has_goal_wording(b.text)):
            return True
        enclosed = len(self.stack) > 1
        return enclosed and b.cue in (Cue.BOLD, Cue.PLAIN, Cue.LABEL) and is_goal_label(b.text) \
            and len(b.text.split()) <= 3 and (introduces_list or nxt is None or nxt.kind is Kind.PARAGRAPH)

    def _follows_goal_label(self, i: int) -> bool:
        return i > 0 and self.body[i - 1].is_heading and self._is_lead_in(i - 1)

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
        goal = Goal(id="", text=text, kind=goal_kind(text, in_goal_context), responsible=responsible_of(text),
                    location=Location(page=b.page, line=b.line))
        self.current.goals.append(goal)
        self.drafts.append(_Draft(self.current, goal, force, unit))
        return goal

    def _measure(self) -> None:
        """Targets for every candidate, in document order, with the unit the previous goal
        of its section counted as context (``öka till 115`` after ``bli 150 medlemmar``)."""
        words = tag_candidates(d.goal.text for d in self.drafts)
        previous: dict[str, str | None] = {}
        for d in self.drafts:
            goal = d.goal
            goal.targets = extract_targets(goal.text, context_unit=d.unit or previous.get(d.section.id),
                                           words=words.get(goal.text, ()), context=TextContext(list_item=d.force))
            if not d.force and not goal.targets and not has_goal_wording(goal.text):
                d.section.goals.remove(goal)
                continue
            last = goal.targets[-1] if goal.targets else None
            previous[d.section.id] = last.unit if last is not None and last.quantity == "count" else None
        for section in {id(d.section): d.section for d in self.drafts}.values():
            for n, goal in enumerate(section.goals, start=1):
                goal.id = f"{section.id}.g{n}"

    def _add_paragraph(self, b: Block) -> None:
        text = b.text
        label = regex.match(r"^(?P<label>[\p{L} ]{2,30}):\s+(?P<rest>\S.*)$", text)
        if label and is_goal_label(label["label"]):
            self._add_goal(label["rest"], b, True)
            return
        self._add_prose(text)
        for sentence in split_sentences(text):
            self._add_goal(sentence, b, self.goal_context or has_goal_wording(sentence), force=False)

    def _add_row(self, row: list[Block], header: dict[int, str] | None) -> None:
        cells = [c.text for c in row]
        text = " – ".join(cells)
        indicator = cells[0] if len(cells) > 1 and not regex.search(r"\d", cells[0]) else ""
        goal = self._add_goal(text, row[0], True, unit=counted_noun(indicator))
        if goal is not None and header and not goal.responsible:
            for c in row:
                if regex.match(r"(?i)ansvar", header.get(c.col or 0, "")):
                    goal.responsible = [n for n in regex.split(r"\s*(?:,|\boch\b|&|/)\s*", c.text) if n]
