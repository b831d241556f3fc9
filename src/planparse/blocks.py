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


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text.

    ``level`` is the heading depth as the source states it (1 = largest) or the list
    nesting depth (0 = outermost); ``None`` when the source does not say (a title-like
    line in plain text). ``style`` names how a heading was recognised, so the structure
    stage can rank heading styles it has no numeric level for. Table cells carry their
    ``row`` and ``col``.
    """

    text: str
    kind: Kind
    level: int | None = None
    page: int | None = None
    line: int | None = None
    style: str | None = None
    row: int | None = None
    col: int | None = None

    @property
    def is_heading(self) -> bool:
        return self.kind is Kind.HEADING
