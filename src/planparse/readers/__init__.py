"""Readers: one module per format, each turning bytes into the same block stream."""
from __future__ import annotations

from pathlib import Path

from ..blocks import Block
from ..errors import InputError

#: file suffix -> format name used in ``source.format``. LaTeX and wiki sources are read by
#: the text reader, which rewrites their markup (``markup``) before reading the lines.
FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
           ".tex": "tex", ".wiki": "wiki", ".mediawiki": "wiki",
           ".docx": "docx", ".pdf": "pdf", ".odt": "odt", ".html": "html", ".htm": "html",
           ".doc": "doc", ".rtf": "rtf"}

#: formats we recognise but do not read, with how to convert them
CONVERT_HINTS = {
    ".pages": "Apple Pages",
}


def format_of(path: Path) -> str:
    """The plan format of ``path`` by its suffix, or an InputError naming what to do."""
    suffix = path.suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    if suffix in CONVERT_HINTS:
        raise InputError(
            f"{CONVERT_HINTS[suffix]} is not supported; convert it first, e.g. "
            f"`soffice --headless --convert-to docx {path.name}`")
    raise InputError(f"unknown file type {suffix or '(no suffix)'!r}; expected "
                     ".txt, .md, .docx, .pdf, .odt, .html, .tex, .wiki, .doc or .rtf")


def read_blocks(data: bytes, fmt: str) -> tuple[list[Block], int | None]:
    """Blocks of a document and its page count (None where a format has no pages)."""
    if fmt in ("txt", "md", "tex", "wiki"):
        from .text import read_text
        return read_text(data), None
    if fmt == "docx":
        from .docx import read_docx
        return read_docx(data), None
    if fmt == "pdf":
        from .pdf import read_pdf
        return read_pdf(data)
    if fmt == "odt":
        from .odt import read_odt
        return read_odt(data), None
    if fmt == "html":
        from .html import read_html
        return read_html(data), None
    if fmt in ("doc", "rtf"):
        from .convert import read_converted
        return read_converted(data, fmt)
    raise InputError(f"unknown format {fmt!r}")
