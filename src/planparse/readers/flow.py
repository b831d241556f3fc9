"""Blocks from a tree of nested elements (HTML, OpenDocument), read in one iterative pass.

Both formats nest inline runs inside block elements (paragraphs, headings, list items,
table cells) and blocks inside blocks. A reader walks its tree with ``lxml``'s
``iterwalk`` (no recursion, so a list nested thousands deep cannot exhaust the stack),
opens a ``Container`` for each block element and feeds text in document order; the flow
turns what gathered in each container into one block.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..blocks import Block, Cue, Kind
from ..errors import InputError
from .text import BULLET, MULTI_NUMBERED, NUMBERED, TOC_HEADING, short_title, typed_numbers_as_headings

#: words a heading set apart by its style or font may have (Word, PDF, web pages, .odt)
MAX_HEADING_WORDS = 14
#: one block's text, as one line of a text plan (README, "Limits")
MAX_BLOCK_CHARS = 1_000_000
#: blocks read from one document; more is a dump, not a plan (README, "Limits")
MAX_BLOCKS = 200_000
#: a label opening lines broken by hand is this short at most (PDF and web pages alike)
RUN_IN_WORDS = 5
ENDS_IN_PAGE = regex.compile(r"\S\s+\d{1,3}$")


@dataclass(frozen=True, slots=True)
class Container:
    """A block element being read: what kind of block its text becomes."""

    kind: Kind
    level: int | None = None  # heading level, or list depth from 0
    cue: Cue | None = None


class Flow:
    """Text fed in document order, gathered per container, emitted as blocks. A table
    cell gathers everything inside it (one cell, one text); a paragraph inside a list item
    or heading goes on with it; any other block ends the text before it."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.stack: list[Container] = []
        self.parts: list[str] = []
        self.size = 0
        self.bold_chars = 0
        self.chars = 0
        self.row = 0
        self.col = -1
        self.broken: list[str] = []  # lines of the current paragraph ended by hard line breaks

    def text(self, text: str | None, bold: bool = False) -> None:
        if not text:
            return
        self.parts.append(text)
        self.size += len(text)
        if self.size > MAX_BLOCK_CHARS:
            raise InputError(f"a paragraph over the limit of {MAX_BLOCK_CHARS} characters (not a plan's paragraph)")
        visible = len(text.strip())
        self.chars += visible
        self.bold_chars += visible if bold else 0

    def open(self, container: Container) -> None:
        if self._merges(container, self.stack):
            self.text(" ")
        else:
            self.flush()
        self.stack.append(container)

    def close(self) -> None:
        container = self.stack.pop()
        if self._merges(container, self.stack):
            self.text(" ")
        else:
            self.stack.append(container)
            self.flush()
            self.stack.pop()

    @staticmethod
    def _merges(container: Container, outer: list[Container]) -> bool:
        """Does a block element's text go on with the block around it?"""
        if any(c.kind is Kind.TABLE_CELL for c in outer):
            return True
        return container.kind is Kind.PARAGRAPH and bool(outer) and outer[-1].kind in (Kind.LIST_ITEM, Kind.HEADING)

    def line_break(self) -> None:
        """A hard line break: in a paragraph it ends a line the author set on its own."""
        if self.stack and (self.stack[-1].kind is not Kind.PARAGRAPH or self._merges(self.stack[-1], self.stack[:-1])):
            self.text(" ")
            return
        text = " ".join("".join(self.parts).split())
        if text:
            self.broken.append(text)
        self.parts, self.size, self.chars, self.bold_chars = [], 0, 0, 0

    def new_row(self) -> None:
        self.flush()
        self.row += 1
        self.col = -1

    def flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        all_bold = self.chars > 0 and self.bold_chars == self.chars
        self.parts, self.size, self.chars, self.bold_chars = [], 0, 0, 0
        if self.broken:
            self._broken_lines(self.broken + ([text] if text else []))
            self.broken = []
        elif text:
            container = self.stack[-1] if self.stack else Container(Kind.PARAGRAPH)
            self._add(self._block(text, container, all_bold))

    def _add(self, block: Block) -> None:
        self.blocks.append(block)
        if len(self.blocks) > MAX_BLOCKS:
            raise InputError(f"more than {MAX_BLOCKS} paragraphs (not a plan)")

    def _broken_lines(self, lines: list[str]) -> None:
        """A paragraph of lines the author broke by hand: a short label opening it heads
        the lines after it, one item each; otherwise each line is a paragraph."""
        first = lines[0]
        label = len(lines) > 1 and len(first.split()) <= RUN_IN_WORDS and first.endswith((":", ".")) \
            and short_title(first.rstrip(".:"))
        if label:
            cue = Cue.LABEL if first.endswith(":") else Cue.PLAIN
            self._add(Block(first.rstrip(".:").strip(), Kind.HEADING, None, None, len(self.blocks) + 1, cue))
            for text in lines[1:]:
                self._add(Block(text, Kind.LIST_ITEM, 0, None, len(self.blocks) + 1))
            return
        for text in lines:
            self._add(_paragraph(text, len(self.blocks) + 1, False))

    def _block(self, text: str, c: Container, all_bold: bool) -> Block:
        line = len(self.blocks) + 1
        if c.kind is Kind.TABLE_CELL:
            self.col += 1
            return Block(text, Kind.TABLE_CELL, None, None, line, row=self.row, col=self.col)
        if c.kind is Kind.HEADING:
            return Block(text, Kind.HEADING, c.level, None, line, c.cue)
        if c.kind is Kind.LIST_ITEM:
            m = BULLET.match(text)
            return Block(m["text"] if m else text, Kind.LIST_ITEM, c.level or 0, None, line)
        return _paragraph(text, line, all_bold)

    def result(self) -> list[Block]:
        self.flush()
        return typed_numbers_as_headings(without_contents(self.blocks))


def without_contents(blocks: list[Block]) -> list[Block]:
    """Without a table of contents typed as text: an "Innehåll" heading and the entries
    under it that end in a page number."""
    out: list[Block] = []
    in_contents = False
    for b in blocks:
        if b.kind in (Kind.HEADING, Kind.PARAGRAPH) and TOC_HEADING.match(b.text):
            in_contents = True
            continue
        if in_contents and b.kind is not Kind.HEADING and ENDS_IN_PAGE.search(b.text):
            continue
        in_contents = False
        out.append(b)
    return out


def typed_block(text: str, line: int) -> Block | None:
    """A paragraph whose typed marks make it more than a paragraph: ``2.1 Rubrik`` a
    numbered heading, a bullet glyph or ``3.`` an item (its number kept until
    ``typed_numbers_as_headings`` decides); None for plain text. Word, OpenDocument and web
    pages all carry lists typed by hand."""
    if (m := MULTI_NUMBERED.match(text)) and short_title(m["text"]):
        return Block(m["text"], Kind.HEADING, m["num"].count(".") + 1, None, line, Cue.NUMBERED)
    if m := BULLET.match(text):
        return Block(m["text"], Kind.LIST_ITEM, 0, None, line)
    if m := NUMBERED.match(text):
        return Block(m["text"], Kind.LIST_ITEM, 0, None, line,
                     typed_number=int(m["num"]) if m["num"].isdigit() else None)
    return None


def _paragraph(text: str, line: int, bold: bool) -> Block:
    """A plain paragraph read as its text shows it: a typed number or bullet makes an item,
    a short line set all in bold a heading."""
    if typed := typed_block(text, line):
        return typed
    if bold and len(text.split()) <= MAX_HEADING_WORDS and not text.endswith((".", ",", ";")) \
            and regex.match(r"[\p{Lu}\d]", text):
        return Block(text, Kind.HEADING, None, None, line, Cue.LABEL if text.endswith(":") else Cue.BOLD)
    return Block(text, Kind.PARAGRAPH, None, None, line)
