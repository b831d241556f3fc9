"""PDF lines into blocks: headings by size, weight and spacing against the document's
own body text; list items by their glyph or number; paragraphs by line spacing."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ...blocks import Block, Cue, Kind
from ..flow import MAX_HEADING_WORDS, RUN_IN_WORDS
from ..text import (BULLET, MULTI_NUMBERED, NUMBERED, TERMINAL, join_wrapped, pipe_row, short_title,
                    typed_numbers_as_headings)
from .layout import Line, body_size

#: a chapter number before a heading's title (``1``, ``2.3``, ``4:``), left out of the title
CHAPTER_NUMBER = regex.compile(r"^(?:[Kk]apitel\s+)?\d{1,2}(?:\.\d{1,2})*(?:[.:)]?\s+|[.:](?=\p{Lu}\p{Ll}))(?=[\p{Lu}\"”])")
#: a short line that ends a sentence or a label: where a hard line break may fall
ENDS_CLAUSE = regex.compile(r"[.!?:]\s*$")
#: a line opening as a heading or a new sentence does: a capital, a digit or a quote
STARTS_ANEW = regex.compile(r"^[\p{Lu}\d\"'”«(]")
#: a line going on with a sentence begun above it (over a page break too)
CONTINUES = regex.compile(r"^\p{Ll}")
EMPHASIS_WORDS = 6  # a bold line this long going on in lowercase below is emphasised body text
#: a dash or bullet glyph set against its item's first word (``-Att ordna ...``)
GLUED_BULLET = regex.compile(r"^[-–•●▪](?P<text>\p{Lu}.*)$")


@dataclass
class _Open:
    """The paragraph or item being gathered."""

    first: Line
    kind: Kind
    parts: list[str] = field(default_factory=list)
    typed: str | None = None
    under_run_in: bool = False  # a line of a group opened by a run-in heading


def blocks_of(lines: list[Line]) -> list[Block]:
    """The blocks of a document's lines (in reading order, running lines gone)."""
    if not lines:
        return []
    blocks = _bold_numbered_lists(_Builder(lines).run())
    return typed_numbers_as_headings(_labels_as_lead_ins(_cover_page(blocks)))


def _bold_numbered_lists(blocks: list[Block]) -> list[Block]:
    """Bold lines numbered 1., 2., 3. one after another are a list set in bold, not
    headings; a bold numbered line alone is a heading."""
    out = list(blocks)
    for k, b in enumerate(blocks):
        if b.typed_number is None or not b.is_heading:
            continue
        prev = blocks[k - 1].typed_number if k else None
        nxt = blocks[k + 1].typed_number if k + 1 < len(blocks) else None
        if prev == b.typed_number - 1 or nxt == b.typed_number + 1:
            out[k] = Block(b.text, Kind.LIST_ITEM, 0, b.page, b.line)
        else:
            out[k] = Block(b.text, b.kind, b.level, b.page, b.line, b.cue)
    return out


def _cover_page(blocks: list[Block]) -> list[Block]:
    """A first page of headings alone (a cover: title, tagline, name) heads no sections:
    after its first heading, its lines are front matter."""
    first = [b for b in blocks if b.page == 1]
    if len(first) < 2 or len(first) == len(blocks) or not all(b.is_heading for b in first):
        return blocks
    return [first[0]] + [Block(b.text, Kind.PARAGRAPH, None, b.page, b.line) for b in first[1:]] + blocks[len(first):]


def _labels_as_lead_ins(blocks: list[Block]) -> list[Block]:
    """A label (``Tillvägagångssätt:``) set in body type directly above a list, inside a
    section a larger heading opened, introduces that list: a lead-in paragraph, not a
    section. The document's first heading (its title) opens no section for this."""
    out: list[Block] = []
    inside = False
    seen_title = False
    for k, b in enumerate(blocks):
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if b.is_heading and b.level is not None:
            inside, seen_title = seen_title, True
        elif b.is_heading and b.cue is Cue.LABEL and inside and nxt is not None and nxt.kind is Kind.LIST_ITEM:
            b = Block(b.text if b.text.endswith(":") else f"{b.text}:", Kind.PARAGRAPH, None, b.page, b.line)
        out.append(b)
    return out


class _Builder:
    """Reads lines one by one, each as a table row, a heading (or its next line), a list
    item, or the next line of the paragraph or item open above it."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.body = body_size(lines)
        self.heading_sizes = sorted({ln.size for ln in lines if ln.size > self.body * 1.1}, reverse=True)
        self.spacing = _line_spacing(lines, self.body)
        self.blocks: list[Block] = []
        self.open: _Open | None = None
        self.row_id = 0
        self.heading_line: Line | None = None  # the last line read as (part of) a heading
        self.next_line: Line | None = None  # the line after the one being read

    def run(self) -> list[Block]:
        previous: Line | None = None
        for k, ln in enumerate(self.lines):
            self.next_line = self.lines[k + 1] if k + 1 < len(self.lines) else None
            self.line(ln, previous)
            previous = ln
        self.flush()
        return self.blocks

    def flush(self) -> None:
        o = self.open
        if o is not None and o.parts:
            item = o.kind is Kind.LIST_ITEM
            typed = int(o.typed) if item and o.typed and o.typed.isdigit() else None
            self.blocks.append(Block(join_wrapped(o.parts), o.kind, 0 if item else None, o.first.page,
                                     o.first.number, typed_number=typed))
        self.open = None

    def line(self, ln: Line, previous: Line | None) -> None:
        text = ln.text.strip()
        cells = list(ln.cells) if ln.cells is not None else pipe_row(text)
        if cells is not None:
            self.flush()
            self.row_id += 1
            self.blocks += [Block(c, Kind.TABLE_CELL, None, ln.page, ln.number, row=self.row_id, col=k)
                            for k, c in enumerate(cells) if c]
            self.heading_line = None
            return
        gap = (ln.top - previous.bottom) if previous is not None and previous.page == ln.page else None
        if self.heading(ln, text, gap):
            return
        self.heading_line = None
        alone = gap is None or gap > self.spacing
        if (m := MULTI_NUMBERED.match(text)) and short_title(m["text"]) and alone:
            self.flush()
            self.blocks.append(Block(m["text"], Kind.HEADING, m["num"].count(".") + 1, ln.page, ln.number,
                                     Cue.NUMBERED))
            return
        o = self.open
        if m := BULLET.match(text) or NUMBERED.match(text) or GLUED_BULLET.match(text):
            self.flush()
            self.open = _Open(ln, Kind.LIST_ITEM, [m["text"]], m.groupdict().get("num"))
        elif o is not None and ln.hard_break and gap is not None and gap <= self.spacing \
                and ENDS_CLAUSE.search(o.parts[-1]) and STARTS_ANEW.match(text):
            self.hard_break(ln, text)
        elif o is not None and (gap is not None and gap <= self.spacing
                                or gap is None and (not TERMINAL.search(o.parts[-1]) or CONTINUES.match(text))):
            o.parts.append(text)  # the next line of the same paragraph or item, or its rest on the next page
        else:
            self.flush()
            self.open = _Open(ln, Kind.PARAGRAPH, [text])

    def heading(self, ln: Line, text: str, gap: float | None) -> bool:
        """Read ``ln`` as a heading, or as the next line of the heading above it."""
        words = len(text.split())
        is_large = ln.size > self.body * 1.1 and words <= MAX_HEADING_WORDS
        last = self.heading_line
        if last is not None and (is_large or ln.bold) and gap is not None and 0 <= gap <= max(self.spacing, 0.8 * ln.size) \
                and self.blocks and self.blocks[-1].is_heading and (ln.size == last.size or ln.bold and last.bold) \
                and len(self.blocks[-1].text.split()) + words <= MAX_HEADING_WORDS + 4:
            prior = self.blocks.pop()  # a heading wrapped onto more lines
            self.blocks.append(self._heading_block(f"{prior.text} {text}", prior.level, ln, prior.cue))
            self.heading_line = ln
            return True
        alone = gap is None or gap > self.spacing
        if not (is_large or (ln.bold and words <= MAX_HEADING_WORDS and alone and not text.endswith((".", ","))
                             and STARTS_ANEW.match(text) and not self._wraps_on(ln, words))):
            return False
        self.flush()
        level = self.heading_sizes.index(ln.size) + 1 if is_large else None
        self.blocks.append(self._heading_block(text, level, ln, Cue.FORMAT if is_large else None))
        self.heading_line = ln
        return True

    def _wraps_on(self, ln: Line, words: int) -> bool:
        """Does a bold line of some length wrap on into the next bold line, close below it
        (a paragraph set in bold for emphasis, not a heading)?"""
        nxt = self.next_line
        return words >= EMPHASIS_WORDS and nxt is not None and nxt.page == ln.page and nxt.bold \
            and nxt.cells is None and 0 <= nxt.top - ln.bottom <= self.spacing and nxt.size == ln.size \
            and CONTINUES.match(nxt.text.strip()) is not None

    def _heading_block(self, text: str, level: int | None, ln: Line, cue: Cue | None) -> Block:
        """A heading without its chapter number; a bold one keeps a typed ``1.`` as its
        ``typed_number`` until ``_bold_numbered_lists`` has seen its neighbours."""
        title = CHAPTER_NUMBER.sub("", text, count=1) or text
        typed = None
        if cue is None or cue in (Cue.LABEL, Cue.BOLD):
            cue = Cue.LABEL if title.endswith(":") else Cue.BOLD
            m = NUMBERED.match(text)
            typed = int(m["num"]) if m and m["num"].isdigit() else None
        return Block(title, Kind.HEADING, level, ln.page, ln.number, cue, typed_number=typed)

    def hard_break(self, ln: Line, text: str) -> None:
        """A line the author broke: the short label that opened the group becomes its
        heading and each broken line an item of the list under it."""
        o = self.open
        assert o is not None
        if len(o.parts) == 1 and not o.under_run_in and o.kind is Kind.PARAGRAPH \
                and len(o.parts[0].split()) <= RUN_IN_WORDS and short_title(o.parts[0].rstrip(".:")):
            label = o.parts[0].rstrip(".:").strip()
            cue = Cue.LABEL if o.parts[0].endswith(":") else Cue.PLAIN
            self.blocks.append(Block(label, Kind.HEADING, None, o.first.page, o.first.number, cue))
            self.open = _Open(ln, Kind.LIST_ITEM, [text], under_run_in=True)
            return
        under = o.under_run_in
        self.flush()
        self.open = _Open(ln, Kind.LIST_ITEM if under else Kind.PARAGRAPH, [text], under_run_in=under)


def _line_spacing(lines: list[Line], body: float) -> float:
    """The widest gap still between two lines of one paragraph: above the usual leading
    (the most common gap between body lines), below a paragraph break."""
    gaps: dict[float, int] = {}
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and 0 < b.top - a.bottom < body * 1.2 and a.size == body == b.size:
            g = round((b.top - a.bottom) * 2) / 2
            gaps[g] = gaps.get(g, 0) + 1
    common = max(gaps, key=lambda g: gaps[g]) if gaps else 0.0
    return max(body * 0.6, common * 1.5)
