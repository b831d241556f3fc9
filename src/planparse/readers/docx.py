"""Word (.docx) plans, read through python-docx into the common block stream.

Headings come from the paragraph style, resolved through its base-style chain and
``w:outlineLvl`` (Word's built-in names, Swedish "Rubrik 1", custom names), and from
direct formatting: a short Normal paragraph that is all bold or set larger than the body
text is a heading too (very common in hand-made plans). List items come from numbering
(``w:numPr``), list styles or a typed glyph. Tables are read row by row. Text is taken as
tracked changes would be accepted: inserted runs in, deleted runs out.
"""
from __future__ import annotations

import io
from collections import Counter
from typing import Iterator

import regex

from ..blocks import Block, Cue, Kind
from ..errors import InputError
from ..lexicon import TOC_WORDS
from .flow import ENDS_IN_PAGE, MAX_HEADING_WORDS, typed_block
from .package import open_package
from .text import BULLET, TOC_HEADING, pipe_row, typed_numbers_as_headings

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING_STYLE = regex.compile(r"^(?:heading|rubrik|überschrift|titre)\s*(?P<n>\d)$", regex.I)
TITLE_STYLE = regex.compile(r"^(?:title|titel|rubrik|dokumentrubrik)$", regex.I)
#: a subtitle under the title (Google Docs and Word give it a larger font): front matter
SUBTITLE_STYLE = regex.compile(r"^(?:subtitle|underrubrik|undertitel)$", regex.I)
LIST_STYLE = regex.compile(r"list|lista|punkt|numrer|bullet", regex.I)
#: paragraphs and table rows read; more is a generated dump, not a plan (README, "Limits")
MAX_ITEMS = 200_000
#: one paragraph's text, as one line of a text plan (README, "Limits")
MAX_PARAGRAPH_CHARS = 1_000_000
#: the styles Word gives the lines of a generated table of contents ("TOC 1", "Innehåll 2")
TOC_STYLE = regex.compile(r"^(?:toc|" + TOC_WORDS.alternation() + r")\s*\d$", regex.I)
#: a superscript run that is only a note's mark: ``1``, ``[2]``, ``*``
NOTE_MARK = regex.compile(r"^\s*(?:\[?\d{1,3}\]?|\*{1,3}|[ivx]{1,4})\s*$")


def read_docx(data: bytes) -> list[Block]:
    document = _open(data)
    chains = _StyleChains(document)
    body = document.element.find(f"{W}body")
    if document.element.tag != f"{W}document" or body is None:
        raise InputError("not a valid .docx: word/document.xml holds no Word document body")
    paragraphs = []
    for item in _without_contents(_body_items(body), chains):
        paragraphs.append(item)
        if len(paragraphs) > MAX_ITEMS:
            raise InputError(f"more than {MAX_ITEMS} paragraphs and tables (not a plan)")
    # each paragraph's font size and boldness, read once: for the body size, then its block
    formats = [_run_format(element, chains(element)) if kind == "p" else (None, False) for kind, element in paragraphs]
    body_size = _body_font_size(paragraphs, formats)
    blocks: list[Block] = []
    row_id = 0
    line = 0
    for (kind, element), run_format in zip(paragraphs, formats):
        line += 1
        if kind == "table":
            for row in _unwrapped(element, "tr"):
                row_id += 1
                for col, tc in enumerate(_unwrapped(row, "tc")):
                    text = " ".join(t for t in (_text(p) for p in tc.iter(f"{W}p")) if t).strip()
                    if text:
                        blocks.append(Block(text, Kind.TABLE_CELL, None, None, line, row=row_id, col=col))
            continue
        cells = pipe_row(_text(element))
        if cells is not None:
            row_id += 1
            blocks += [Block(c, Kind.TABLE_CELL, None, None, line, row=row_id, col=k) for k, c in enumerate(cells) if c]
            continue
        block = _paragraph_block(chains, element, run_format, body_size, line)
        if block is not None:
            blocks.append(block)
    return typed_numbers_as_headings(_rank_size_headings(blocks))


def _open(data: bytes):
    open_package(data, ".docx", "word/document.xml", "a Word file").close()
    import docx  # deferred: only .docx plans pay for the import

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds for a damaged package
        raise InputError(f"not a valid .docx: {type(e).__name__}: {e}".rstrip(": ")) from None


def _body_items(body) -> Iterator[tuple[str, object]]:
    """Paragraphs and tables in document order: content controls unwrapped, and the
    paragraphs of a text box read after the paragraph it is anchored in."""
    for child in _unwrapped(body, "p", "tbl"):
        if child.tag == f"{W}tbl":
            yield "table", child
            continue
        yield "p", child
        for box in _text_boxes(child):
            yield from _body_items(box)


def _without_contents(items: Iterator[tuple[str, object]], chains: "_StyleChains") -> Iterator[tuple[str, object]]:
    """The body without its table of contents: paragraphs in a TOC style ("TOC 1",
    "Innehållsförteckning 1"), and an "Innehåll" heading with the entries under it (a
    tab before a page number ending each)."""
    in_contents = False
    for kind, element in items:
        if kind == "p":
            names = [s.name or "" for s in chains(element)[:1]]
            if any(TOC_STYLE.match(n) for n in names):
                continue
            text = _text(element)
            if TOC_HEADING.match(text):
                in_contents = True
                continue
            if in_contents and (not text or _is_toc_entry(element, text)):
                continue
        in_contents = False
        yield kind, element


def _is_toc_entry(p, text: str) -> bool:
    return ENDS_IN_PAGE.search(text) is not None and p.find(f".//{W}tab") is not None


def _unwrapped(parent, *names: str) -> Iterator[object]:
    """The children of ``parent`` with these tags, looking inside content controls
    (``w:sdt``), which may wrap paragraphs, tables, rows and cells alike."""
    tags = {f"{W}{n}" for n in names}
    stack = [iter(parent.iterchildren())]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in tags:
            yield child
        elif child.tag == f"{W}sdt" and (content := child.find(f"{W}sdtContent")) is not None:
            stack.append(iter(content.iterchildren()))


def _text_boxes(p) -> list[object]:
    """The text boxes anchored in a paragraph: once each, though Word stores a box twice
    (a drawing and a VML fallback for old readers)."""
    boxes = list(p.iter(f"{W}txbxContent"))
    if len(boxes) < 2:
        return boxes
    seen: set[str] = set()
    unique = []
    for box in boxes:
        key = "".join(box.itertext())
        if key not in seen:
            seen.add(key)
            unique.append(box)
    return unique


def _text(p) -> str:
    """A paragraph's text with tracked changes accepted (w:delText is never read), without
    its text boxes (read as paragraphs of their own) or footnote marks typed as
    superscript (the note's own text is in another part and never read)."""
    parts = []
    has_boxes = p.find(f".//{W}txbxContent") is not None
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}noBreakHyphen"):
        if has_boxes and any(a.tag == f"{W}txbxContent" for a in el.iterancestors()):
            continue
        if el.tag == f"{W}t":
            if not _is_note_mark(el):
                parts.append(el.text or "")
        elif el.tag == f"{W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append(" ")
    text = "".join(parts)
    if len(text) > MAX_PARAGRAPH_CHARS:
        raise InputError(f"a paragraph of {len(text)} characters is over the limit of {MAX_PARAGRAPH_CHARS} "
                         "(not a plan's paragraph)")
    return " ".join(text.split())


def _is_note_mark(t) -> bool:
    """A run set in superscript holding only a number or asterisk: a footnote's mark."""
    run = t.getparent()
    rpr = run.find(f"{W}rPr") if run is not None else None
    va = rpr.find(f"{W}vertAlign") if rpr is not None else None
    return va is not None and va.get(f"{W}val") == "superscript" and NOTE_MARK.match(t.text or "") is not None


class _StyleChains:
    """Each paragraph's style and the styles it is based on, nearest first; resolved once
    per style of this document, as python-docx looks a style up by scanning them all."""

    def __init__(self, document) -> None:
        try:
            self.styles = document.styles
        except Exception:  # a damaged styles part: read the plan without styles
            self.styles = None
        self.cache: dict[str | None, list] = {}

    def __call__(self, p) -> list:
        ppr = p.find(f"{W}pPr")
        style_id = None
        if ppr is not None and (ps := ppr.find(f"{W}pStyle")) is not None:
            style_id = ps.get(f"{W}val")
        if style_id not in self.cache:
            self.cache[style_id] = self._chain(style_id)
        return self.cache[style_id]

    def _chain(self, style_id: str | None) -> list:
        """The style and its bases; as far as it resolves when a damaged file gives a style
        a wrong type or a base that is not a paragraph style (python-docx raises then)."""
        chain: list = []
        if self.styles is None:
            return chain
        try:
            style = self.styles.get_by_id(style_id, 1) if style_id else self.styles.default(1)
            while style is not None and len(chain) < 10:
                style.name  # noqa: B018 -- raises here, not later, for a style python-docx cannot read
                chain.append(style)
                style = style.base_style
        except Exception:
            pass
        return chain


def _int(element, default: int) -> int | None:
    """An integer attribute ``w:val``; None when a damaged file puts something else there."""
    try:
        return int(element.get(f"{W}val", str(default)))
    except ValueError:
        return None


def _outline_level(element) -> int | None:
    ppr = element.find(f"{W}pPr")
    if ppr is not None and (ol := ppr.find(f"{W}outlineLvl")) is not None:
        value = _int(ol, 9)
        return value + 1 if value is not None and 0 <= value < 9 else None
    return None


def _num_level(element) -> int | None:
    ppr = element.find(f"{W}pPr")
    if ppr is not None and (num := ppr.find(f"{W}numPr")) is not None:
        ilvl = num.find(f"{W}ilvl")
        num_id = num.find(f"{W}numId")
        if num_id is not None and num_id.get(f"{W}val") == "0":
            return None  # numbering switched off
        level = _int(ilvl, 0) if ilvl is not None else 0
        return min(max(level or 0, 0), 8)
    return None


def _paragraph_block(chains: _StyleChains, p, run_format: tuple[float | None, bool], body_size: float | None,
                     line: int) -> Block | None:
    text = _text(p)
    if not text:
        return None
    chain = chains(p)
    names = [s.name or "" for s in chain]
    for style in chain:
        if SUBTITLE_STYLE.match(style.name or ""):
            return Block(text, Kind.PARAGRAPH, None, None, line)
        if m := HEADING_STYLE.match(style.name or ""):
            return Block(text, Kind.HEADING, int(m["n"]), None, line, Cue.FORMAT)
        if TITLE_STYLE.match(style.name or ""):
            return Block(text, Kind.HEADING, 1, None, line, Cue.TITLE)
    level = _outline_level(p)
    if level is None:
        for style in chain:
            if (level := _outline_level(style.element)) is not None:
                break
    if level is not None:
        return Block(text, Kind.HEADING, level, None, line, Cue.FORMAT)
    num_level = _num_level(p)
    if num_level is None:
        for style in chain:
            if (num_level := _num_level(style.element)) is not None:
                break
    if num_level is not None or any(LIST_STYLE.search(n) for n in names):
        return Block(_strip_glyph(text), Kind.LIST_ITEM, num_level or 0, None, line)
    if typed := typed_block(text, line):
        return typed
    size, bold = run_format
    short = len(text.split()) <= MAX_HEADING_WORDS and not text.endswith((".", ",", ";"))
    if short and size and body_size and size > body_size * 1.1:
        return Block(text, Kind.HEADING, None, None, line, Cue.FORMAT, font_size=size)
    if short and bold:
        return Block(text, Kind.HEADING, None, None, line, Cue.LABEL if text.endswith(":") else Cue.BOLD)
    return Block(text, Kind.PARAGRAPH, None, None, line)


def _strip_glyph(text: str) -> str:
    m = BULLET.match(text)
    return m["text"] if m else text


def _run_format(p, chain) -> tuple[float | None, bool]:
    """The font size of the paragraph's text (points) and whether all of it is bold."""
    sizes: Counter[float] = Counter()
    bold_chars = chars = 0
    style_bold = any(_rpr_bold(s.element.find(f"{W}rPr")) for s in chain)
    style_size = next((sz for s in chain if (sz := _rpr_size(s.element.find(f"{W}rPr")))), None)
    for r in p.iter(f"{W}r"):
        t = "".join(x.text or "" for x in r.iter(f"{W}t"))
        if not t.strip():
            continue
        rpr = r.find(f"{W}rPr")
        size = _rpr_size(rpr) or style_size
        if size:
            sizes[size] += len(t)
        b = _rpr_bold(rpr)
        if b or (b is None and style_bold):
            bold_chars += len(t)
        chars += len(t)
    size = sizes.most_common(1)[0][0] if sizes else style_size
    return size, chars > 0 and bold_chars == chars


def _rpr_size(rpr) -> float | None:
    if rpr is not None and (sz := rpr.find(f"{W}sz")) is not None:
        half_points = _int(sz, 0)
        return half_points / 2 if half_points and 0 < half_points < 4000 else None
    return None


def _rpr_bold(rpr) -> bool | None:
    if rpr is not None and (b := rpr.find(f"{W}b")) is not None:
        return b.get(f"{W}val", "true") not in ("0", "false")
    return None


def _body_font_size(paragraphs: list[tuple[str, object]], formats: list[tuple[float | None, bool]]) -> float | None:
    """The size most of the text is set in (by characters)."""
    sizes: Counter[float] = Counter()
    for (kind, p), (size, _) in zip(paragraphs, formats):
        if kind == "p" and size:
            sizes[size] += len(_text(p))
    return sizes.most_common(1)[0][0] if sizes else None


def _rank_size_headings(blocks: list[Block]) -> list[Block]:
    """Headings set by font size get levels by size rank: the largest is 1."""
    sizes = sorted({b.font_size for b in blocks if b.font_size}, reverse=True)
    return [Block(b.text, b.kind, sizes.index(b.font_size) + 1, b.page, b.line, Cue.FORMAT) if b.font_size else b
            for b in blocks]
