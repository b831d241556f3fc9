"""The block stream: what every reader yields and the structure stage consumes.

Readers know formats; nothing after them does. A block is one heading, paragraph, list
item or table cell with where it stood in the source, so that txt, docx and pdf plans
reach the same structure code in the same shape.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"


class Cue(StrEnum):
    """How a reader recognised a heading. The first five state a level of their own; the
    rest only say that a line stands apart, so the structure stage places them relative
    to the headings around them."""

    TITLE = "title"            # a Word "Title" style
    MARKDOWN = "markdown"      # ``#`` or a setext underline
    NUMBERED = "numbered"      # ``2.1 Rubrik``
    FORMAT = "format"          # a Word heading style or outline level, or a larger font
    BOLD = "bold"              # a short line set in bold
    LABEL = "label"            # a short line ending in a colon
    CAPS = "caps"              # a short ALL-CAPS line
    PLAIN = "plain"            # a short title-like line of plain text

    @property
    def has_level(self) -> bool:
        return self in _LEVELLED


_LEVELLED = frozenset({Cue.TITLE, Cue.MARKDOWN, Cue.NUMBERED, Cue.FORMAT})


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text.

    ``level`` is the heading depth as the source states it (1 = largest) or the list
    nesting depth (0 = outermost); ``None`` when the source does not say (a title-like
    line in plain text). ``cue`` says how a heading was recognised, so the structure
    stage can rank headings it has no numeric level for. ``font_size`` is the size of a
    heading set apart only by its font, until a reader ranks the sizes into levels;
    ``typed_number`` the number typed before a list item (``2.`` in a Word paragraph),
    until a reader decides whether it was a heading. Table cells carry their ``row`` and
    ``col``.
    """

    text: str
    kind: Kind
    level: int | None = None
    page: int | None = None
    line: int | None = None
    cue: Cue | None = None
    row: int | None = None
    col: int | None = None
    font_size: float | None = None
    typed_number: int | None = None

    @property
    def is_heading(self) -> bool:
        return self.kind is Kind.HEADING
