"""PDF plans, read through pdfium (pdfplumber for files pdfium refuses) into the common block stream.

A PDF has only positioned characters, so layout is inferred: the body size is the most
common character size; a short line set larger, or in a bold font, is a heading (levels
by size rank); a line opening with a bullet glyph (``•``, ``–``, the private-use U+F0B7
that Word and LibreOffice exports give) or a number is a list item; lines close together
make one paragraph and a wider gap ends it. Running headers, footers and page numbers are
recognised by repeating on many pages or by their form and dropped.

Why pdfium and not pdfplumber: pdfplumber's table finder would need pdfminer's layout of
every page (about 100 ms a page, most of a PDF's time), so bordered tables are found from
the lines pdfium reports as drawn paths instead (``_ruled_tables``). pdfplumber stays for
files pdfium refuses to open, which pdfminer can often repair.
"""
from __future__ import annotations

import ctypes
import io
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import pypdfium2 as pdfium  # installed with pdfplumber
import pypdfium2.raw as raw
import regex

from ..blocks import Block, Cue, Kind
from ..errors import InputError
from .text import TERMINAL, BULLET, MULTI_NUMBERED, NUMBERED, join_wrapped, pipe_row, short_title, typed_numbers_as_headings

PAGE_NUMBER = regex.compile(r"^(?:sida\s+)?\d{1,3}(?:\s*(?:\(\d{1,3}\)|av\s+\d{1,3}|/\s*\d{1,3}))?$|^[-–]\s*\d{1,3}\s*[-–]$",
                            regex.I)
BOLD_FONT = regex.compile(r"bold|black|heavy|semibold|demi", regex.I)
MAX_HEADING_WORDS = 14
MARGIN = 0.09  # share of the page height treated as header/footer zone
COLUMN_GAP = 12.0  # points: a wider space inside a line is the space between two columns
EDGE = 0.065   # the part of that zone where Word and LibreOffice place headers and footers
#: PDFs longer than this are read up to this many pages (documented in README "Limits")
MAX_PAGES = 200


@dataclass(slots=True)
class _Line:
    text: str
    page: int
    top: float
    bottom: float
    x0: float
    size: float
    bold: bool
    page_height: float
    number: int = 0  # line number on its page, from 1
    cells: tuple[str, ...] | None = None  # a row of a bordered table


def read_pdf(data: bytes) -> tuple[list[Block], int]:
    lines, pages = _lines(data)
    if not any(ln.text.strip() for ln in lines):
        raise InputError("no text layer — a scanned PDF needs OCR first (e.g. ocrmypdf)")
    lines = _drop_running_lines(lines, pages)
    return _blocks(lines), pages


def _lines(data: bytes) -> tuple[list[_Line], int]:
    """Every text line of the plan, page by page, in reading order, with tables as rows."""
    out: list[_Line] = []
    pages = 0
    for number, width, height, text_lines, rows in _pdfium_pages(data):
        pages = max(pages, number)
        inside_table = [r[0] for r in rows]
        page_lines: list[_Line] = []
        gutter = _gutter(text_lines, width)
        if gutter is not None:
            text_lines = _by_columns(text_lines, gutter)
        for tl in text_lines:
            middle_y, middle_x = (tl["top"] + tl["bottom"]) / 2, (tl["x0"] + tl["x1"]) / 2
            if any(x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in inside_table):
                continue
            chars = [c for c in tl["chars"] if c["text"].strip()]
            if not chars:
                continue
            size = Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]
            bold = sum(1 for c in chars if _is_bold(c.get("fontname", ""))) >= 0.8 * len(chars)
            page_lines.append(_Line(tl["text"], number, tl["top"], tl["bottom"], tl["x0"], size, bold, height))
        for bbox, cells in rows:
            page_lines.append(_Line(" ".join(cells), number, bbox[1], bbox[3], bbox[0], 0.0, False, height,
                                    cells=cells))
        if gutter is None:
            page_lines.sort(key=lambda ln: ln.top)
        for line_no, ln in enumerate(page_lines, start=1):
            ln.number = line_no
        out += page_lines
    return out, pages


RULE_WIDTH = 3.0  # points: a drawn path this thin is a table rule
DESCENT = 0.22  # of the font size, below the baseline
#: ligature characters (ﬁ, ﬂ, ...) as the letters they join
LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}


def _pdfium_pages(data: bytes):
    """(page number, width, height, text lines, rows of ruled tables) per page.

    pdfium reads a page's characters with their boxes, sizes and fonts in about a
    millisecond, where pdfminer (under pdfplumber) takes a hundred; its generated line
    breaks give the lines. Lines come as pdfplumber's ``extract_text_lines`` gives them,
    so the layout code after this does not know which library read the page."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise InputError("the PDF is encrypted; save an unprotected copy first") from None
        yield from _pdfplumber_pages(data)  # pdfminer repairs some files pdfium will not open
        return
    try:
        if len(doc) == 0:
            raise InputError("the PDF has no pages")
        for index in range(min(len(doc), MAX_PAGES)):
            page = doc[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            lines = _page_lines(textpage.raw, height)
            rules = []
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=2):
                left, bottom, right, top = obj.get_bounds()
                rules.append((left, height - top, right, height - bottom))
            rows = _ruled_tables(rules, [c for ln in lines for c in ln["chars"]])
            textpage.close()
            page.close()
            yield index + 1, float(width), float(height), [ln for ln in lines if ln["text"].strip()], rows
    finally:
        doc.close()


def _page_lines(textpage, height: float) -> list[dict]:
    """A page's text lines: each character with its box, size and font, the lines split
    where pdfium generates a line break. This loop runs once per character of a plan, so
    the C functions are bound to local names and the font (size and name) is looked up
    once per text object (a run of text in one font), not once per character."""
    get_unicode, get_box, get_origin = raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
    get_size, text_object = raw.FPDFText_GetFontSize, _text_object_address()
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    fonts: dict[int, tuple[float, str]] = {}  # text object -> its font size and name
    lines, chars = [], []
    for i in range(raw.FPDFText_CountChars(textpage)):
        code = get_unicode(textpage, i)
        if code == 10 or code == 13:
            if chars:
                lines.append(_text_line(chars))
                chars = []
            continue
        if code == 0xFFFE or code == 2:  # a soft hyphen pdfium marks, or no character
            continue
        get_box(textpage, i, box)
        get_origin(textpage, i, x, y)
        run = text_object(textpage, i)
        font = fonts.get(run) if run else None
        if font is None:
            font = get_size(textpage, i), _font_name(textpage, i)
            if run:
                fonts[run] = font
        size, name = font
        text = chr(code)
        if text in LIGATURES:
            text = LIGATURES[text]
        # a box one font size high from the baseline down by a typical descent, as
        # pdfminer draws it, so that gaps between lines measure as they did there
        bottom = height - (y.value - DESCENT * size)
        chars.append({"text": text, "x0": box.left, "x1": box.right, "top": bottom - size,
                      "bottom": bottom, "size": size, "fontname": name})
    if chars:
        lines.append(_text_line(chars))
    return lines


def _font_name(textpage, i: int) -> str:
    """The font of character ``i``, with "-Bold" added when the name does not say what its
    weight does."""
    font, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    raw.FPDFText_GetFontInfo(textpage, i, font, 128, flags)
    name = font.value.decode("latin-1", "replace")
    if raw.FPDFText_GetFontWeight(textpage, i) >= 600 and not BOLD_FONT.search(name):
        name += "-Bold"
    return name


@lru_cache(maxsize=1)
def _text_object_address():
    """pdfium's FPDFText_GetTextObject declared to return the object's address as a plain
    int, which is a cheap dict key (casting the returned pointer costs more than the call)."""
    fn = raw.FPDFText_GetTextObject
    return ctypes.CFUNCTYPE(ctypes.c_void_p, *fn.argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


@lru_cache(maxsize=256)
def _is_bold(fontname: str) -> bool:
    return BOLD_FONT.search(fontname) is not None


def _pdfplumber_pages(data: bytes):
    """The same page tuples as ``_pdfium_pages``, read by pdfplumber (slower, more forgiving)."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pages = pdf.pages
    except Exception as e:
        causes = (e, *e.args, e.__context__)  # pdfplumber wraps pdfminer's errors
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
            raise InputError("the PDF is encrypted; save an unprotected copy first") from None
        raise InputError(f"not a readable PDF ({type(e).__name__})") from None
    with pdf:
        if not pages:
            raise InputError("the PDF has no pages")
        for number, page in enumerate(pages[:MAX_PAGES], start=1):
            try:
                text_lines = page.extract_text_lines(return_chars=True, strip=True)
            except Exception as e:
                raise InputError(f"page {number} cannot be read ({type(e).__name__})") from None
            yield number, float(page.width), float(page.height), text_lines, _table_rows(page)


def _text_line(chars: list[dict]) -> dict:
    """A line as pdfplumber gives it: its text and characters and the box around them."""
    visible = [c for c in chars if c["text"].strip()] or chars
    return {"text": "".join(c["text"] for c in chars).strip(), "chars": chars,
            "x0": min(c["x0"] for c in visible), "x1": max(c["x1"] for c in visible),
            "top": min(c["top"] for c in visible), "bottom": max(c["bottom"] for c in visible)}


def _gutter(text_lines: list[dict], width: float) -> float | None:
    """The x of the space between two columns, when the page is set in two: most lines
    stand wholly on one side of it, and many on each side."""
    if len(text_lines) < 8:
        return None
    spans = [_spans(tl) for tl in text_lines]
    spans = [sp for sp in spans if sp]
    n = len(spans)
    middle = width / 2
    if sum(1 for sp in spans if any(a < middle < b for a, b in sp)) > 0.5 * n:
        return None  # most lines run across the middle: one column
    # counted by bisection: a line's spans do not overlap, so the lines crossing x are the
    # spans begun before x less those ended by x
    starts = sorted(a for sp in spans for a, b in sp if a < b)
    ends = sorted(b for sp in spans for a, b in sp if a < b)
    firsts = sorted(sp[0][0] for sp in spans)
    lasts = sorted(sp[-1][1] for sp in spans)
    best, best_score = None, 0
    for x in range(int(width * 0.3), int(width * 0.7), 2):
        crossing = bisect_left(starts, x) - bisect_right(ends, x)
        left = bisect_left(firsts, x)
        right = n - bisect_right(lasts, x)
        if crossing <= 0.15 * n and min(left, right) >= 0.25 * n:
            score = min(left, right) - crossing
            if score > best_score:
                best, best_score = float(x), score
    return best


def _spans(tl: dict) -> list[tuple[float, float]]:
    """The stretches of a line's text, split where a gap is wide enough to be a gutter."""
    if "spans" not in tl:
        boxes = sorted((c["x0"], c["x1"]) for c in tl["chars"] if c["text"].strip())
        spans: list[list[float]] = []
        for a, b in boxes:
            if spans and a - spans[-1][1] < COLUMN_GAP:
                spans[-1][1] = max(spans[-1][1], b)
            else:
                spans.append([a, b])
        tl["spans"] = [(a, b) for a, b in spans]
    return tl["spans"]


def _by_columns(text_lines: list[dict], gutter: float) -> list[dict]:
    """Lines in reading order on a two-column page: the left column, then the right, in
    each stretch between lines that run across both (a title over the columns)."""
    ordered: list[dict] = []
    left: list[dict] = []
    right: list[dict] = []
    for tl in sorted(text_lines, key=lambda t: t["top"]):
        chars = [c for c in tl["chars"] if c["text"].strip()]
        if _runs_across(tl, gutter):
            ordered += left + right + [tl]
            left, right = [], []
            continue
        for side, part in ((left, [c for c in chars if c["x1"] <= gutter]),
                           (right, [c for c in chars if c["x0"] >= gutter])):
            if part:
                side.append(_line_of(part))
    return ordered + left + right


def _runs_across(tl: dict, x: float) -> bool:
    """Does a line run across x (a title over both columns), rather than stop on one side
    of it? Words of one line lie closer together than two columns do."""
    return any(a < x < b for a, b in _spans(tl))


def _line_of(chars: list[dict]) -> dict:
    """A text line (as pdfplumber gives them) made of some of a line's characters."""
    unique = {(round(c["x0"], 1), round(c["top"], 1), c["text"]) if len(c["text"]) > 1 else id(c): c
              for c in chars}  # a ligature character some extractors report twice
    chars = sorted(unique.values(), key=lambda c: c["x0"])
    text = chars[0]["text"]
    for a, b in zip(chars, chars[1:]):
        text += (" " if b["x0"] - a["x1"] > 1.5 else "") + b["text"]
    return {"text": text, "chars": chars, "x0": chars[0]["x0"], "x1": max(c["x1"] for c in chars),
            "top": min(c["top"] for c in chars), "bottom": max(c["bottom"] for c in chars)}


Rows = list[tuple[tuple[float, float, float, float], tuple[str, ...]]]


def _ruled_tables(rules: list[tuple[float, float, float, float]], chars: list[dict]) -> Rows:
    """Rows of the ruled tables on a page, from its drawn lines: (the table's box, the
    row's cell texts). Thin horizontal and vertical paths make a grid; each character
    goes to the cell its centre falls in."""
    horizontal = [r for r in rules if r[3] - r[1] <= RULE_WIDTH and r[2] - r[0] >= 20]
    vertical = [r for r in rules if r[2] - r[0] <= RULE_WIDTH and r[3] - r[1] >= 8]
    rows: Rows = []
    for group in _overlapping(vertical):
        top, bottom = min(r[1] for r in group) - 2, max(r[3] for r in group) + 2
        xs = _distinct(sorted((r[0] + r[2]) / 2 for r in group))
        ys = _distinct(sorted((r[1] + r[3]) / 2 for r in horizontal
                              if top <= (r[1] + r[3]) / 2 <= bottom and r[0] <= xs[-1] and r[2] >= xs[0]))
        if len(xs) < 2 or len(ys) < 2:
            continue
        box = (xs[0], ys[0], xs[-1], ys[-1])
        for y0, y1 in zip(ys, ys[1:]):
            cells = []
            for x0, x1 in zip(xs, xs[1:]):
                inside = [c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 <= x1
                          and y0 <= (c["top"] + c["bottom"]) / 2 <= y1]
                inside.sort(key=lambda c: (round(c["top"]), c["x0"]))
                cells.append(" ".join("".join(c["text"] for c in inside).split()))
            if any(cells):
                rows.append((box, tuple(cells)))
    return rows


def _overlapping(vertical: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float]]]:
    """Vertical rules grouped by the stretch of the page they share: one group a table."""
    groups: list[list[tuple[float, float, float, float]]] = []
    for r in sorted(vertical, key=lambda r: r[1]):
        for g in groups:
            if r[1] <= max(x[3] for x in g) and r[3] >= min(x[1] for x in g):
                g.append(r)
                break
        else:
            groups.append([r])
    return [g for g in groups if len(g) >= 2]


def _distinct(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in values:
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _table_rows(page) -> Rows:
    """Rows of the bordered tables on a page: (the table's box, the row's cell texts).
    Only pages with drawn lines are searched; the table finder is the slow part."""
    if not (page.rects or page.lines):
        return []
    rows = []
    for table in page.find_tables():
        for row in table.extract():
            cells = tuple(" ".join((c or "").split()) for c in row)
            if any(cells):
                rows.append((table.bbox, cells))
    return rows


def _drop_running_lines(lines: list[_Line], pages: int) -> list[_Line]:
    """Without running headers, footers and page numbers."""
    def in_margin(ln: _Line) -> bool:
        return ln.top < ln.page_height * MARGIN or ln.bottom > ln.page_height * (1 - MARGIN)

    def shape(text: str) -> str:
        return regex.sub(r"\d+", "#", text.strip().lower())

    body_size = _body_size(lines)
    repeats = Counter(shape(ln.text) for ln in lines if in_margin(ln))
    threshold = max(2, pages // 2)
    kept = []
    for k, ln in enumerate(lines):
        running = ln.size <= body_size * 1.05 and (
            PAGE_NUMBER.match(ln.text.strip()) or (pages > 1 and repeats[shape(ln.text)] >= threshold)
            or _set_apart(lines, k, body_size))
        if in_margin(ln) and running:
            continue  # a title set large in the top margin is not a running header
        kept.append(ln)
    return kept


def _set_apart(lines: list[_Line], k: int, body_size: float) -> bool:
    """A line at the very top or bottom of its page with wide space between it and the
    body: the header or footer of a one-page plan, which no repetition can reveal."""
    ln = lines[k]
    if ln.cells is not None:
        return False
    if ln.top < ln.page_height * EDGE:
        nxt = lines[k + 1] if k + 1 < len(lines) and lines[k + 1].page == ln.page else None
        return nxt is not None and nxt.top - ln.bottom > body_size * 1.5
    if ln.bottom > ln.page_height * (1 - EDGE):
        prev = lines[k - 1] if k and lines[k - 1].page == ln.page else None
        return prev is not None and ln.top - prev.bottom > body_size * 1.5
    return False


def _blocks(lines: list[_Line]) -> list[Block]:
    if not lines:
        return []
    body_size = _body_size(lines)
    heading_sizes = sorted({ln.size for ln in lines if ln.size > body_size * 1.1}, reverse=True)
    spacing = _line_spacing(lines, body_size)
    blocks: list[Block] = []
    parts: list[str] = []
    current: _Line | None = None
    current_kind = Kind.PARAGRAPH
    previous: _Line | None = None

    typed: str | None = None  # the number typed before the current item

    def flush() -> None:
        nonlocal parts, current, typed
        if current is not None and parts:
            item = current_kind is Kind.LIST_ITEM
            blocks.append(Block(join_wrapped(parts), current_kind, 0 if item else None, current.page,
                                current.number,
                                typed_number=int(typed) if item and typed and typed.isdigit() else None))
        parts, current, typed = [], None, None

    row_id = 0
    for ln in lines:
        text = ln.text.strip()
        words = len(text.split())
        cells = list(ln.cells) if ln.cells is not None else pipe_row(text)
        if cells is not None:
            flush()
            row_id += 1
            blocks += [Block(c, Kind.TABLE_CELL, None, ln.page, ln.number, row=row_id, col=k)
                       for k, c in enumerate(cells) if c]
            previous = ln
            continue
        is_large = ln.size > body_size * 1.1 and words <= MAX_HEADING_WORDS
        gap = (ln.top - previous.bottom) if previous is not None and previous.page == ln.page else None
        alone = gap is None or gap > spacing
        if is_large or (ln.bold and words <= MAX_HEADING_WORDS and alone and not text.endswith((".", ","))):
            if previous is not None and blocks and blocks[-1].kind is Kind.HEADING and previous.size == ln.size \
                    and previous.bold == ln.bold and gap is not None and gap < spacing and current is None:
                last = blocks.pop()  # a heading wrapped onto two lines
                text = f"{last.text} {text}"
            flush()
            level = heading_sizes.index(ln.size) + 1 if is_large else None
            cue = Cue.FORMAT if is_large else (Cue.LABEL if text.endswith(":") else Cue.BOLD)
            blocks.append(Block(text, Kind.HEADING, level, ln.page, ln.number, cue))
            previous = ln
            continue
        if (m := MULTI_NUMBERED.match(text)) and short_title(m["text"]) and alone:
            flush()
            blocks.append(Block(m["text"], Kind.HEADING, m["num"].count(".") + 1, ln.page, ln.number, Cue.NUMBERED))
            previous = ln
            continue
        m = BULLET.match(text) or NUMBERED.match(text)
        if m:
            flush()
            current, current_kind, parts = ln, Kind.LIST_ITEM, [m["text"]]
            typed = m.groupdict().get("num")
        elif current is not None and (gap is not None and gap <= spacing
                                      or gap is None and not TERMINAL.search(parts[-1])):
            parts.append(text)  # the next line of the same paragraph or item, or its rest on the next page
        else:
            flush()
            current, current_kind, parts = ln, Kind.PARAGRAPH, [text]
        previous = ln
    flush()
    return typed_numbers_as_headings(blocks)


def _body_size(lines: list[_Line]) -> float:
    """The size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _line_spacing(lines: list[_Line], body_size: float) -> float:
    """The widest gap still between two lines of one paragraph: above the usual leading
    (the most common gap between body lines), below a paragraph break."""
    gaps = Counter(round((b.top - a.bottom) * 2) / 2 for a, b in zip(lines, lines[1:])
                   if a.page == b.page and 0 < b.top - a.bottom < body_size * 1.2 and a.size == body_size == b.size)
    common = gaps.most_common(1)[0][0] if gaps else 0.0
    return max(body_size * 0.6, common * 1.5)
