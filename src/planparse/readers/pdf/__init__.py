"""PDF plans into the common block stream.

A PDF has only positioned characters, so layout is inferred in three layers:
``chars`` reads them (pdfium; pdfplumber for files pdfium refuses) into immutable text
lines; ``layout`` puts each page's lines in reading order (columns, boxes, ruled tables),
marks hard line breaks and leaves out running headers and footers, e-signature pages,
tables of contents and footnotes; ``build`` turns the lines into blocks against the
document's own body style.
"""
from __future__ import annotations

from ...blocks import Block
from ...errors import InputError
from .build import blocks_of
from .chars import MAX_PAGE_CHARS, MAX_PAGES, read_pages
from .layout import (drop_contents, drop_footnotes, drop_running_lines, drop_signature_pages, mark_hard_breaks,
                     page_lines)

__all__ = ["read_pdf", "MAX_PAGES", "MAX_PAGE_CHARS"]


def read_pdf(data: bytes) -> tuple[list[Block], int]:
    """Blocks of a PDF plan and its page count."""
    lines = []
    pages = 0
    for page in read_pages(data):
        pages = page.number
        lines += page_lines(page)
    if not lines:
        raise InputError("no text layer — a scanned PDF needs OCR first (e.g. ocrmypdf)")
    lines = drop_signature_pages(drop_running_lines(lines, pages))
    lines = mark_hard_breaks(drop_footnotes(drop_contents(lines)))
    return blocks_of(lines), pages
