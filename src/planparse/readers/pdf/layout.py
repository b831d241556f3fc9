"""Layout steps over a page's text lines: reading order, ruled tables, hard line breaks,
running headers and footers, tables of contents and footnotes.

Each step takes and returns immutable ``Line``s; nothing is changed in place. The rules
measure a document against itself (its body size, its column edge, its own repeated
lines), not against fixed positions, because plans come from Word, Google Docs, Cairo and
designed layouts alike.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace

import regex

from ...lexicon import YEAR_PATTERN
from ..text import TOC_HEADING
from .chars import Box, Char, Page, TextLine, line_of

PAGE_NUMBER = regex.compile(r"^(?:sida\s+|page\s+|s\.\s*)?\d{1,3}(?:\s*(?:\(\d{1,3}\)|av\s+\d{1,3}|of\s+\d{1,3}|/\s*\d{1,3}))?$"
                            r"|^[-–]\s*\d{1,3}\s*[-–]$", regex.I)
#: a table-of-contents entry: a title, a dotted leader and a page number
TOC_LEADER = regex.compile(r"\S\s*(?:\.\s?){3,}\s*\d{1,3}$|\S\s*(?:…\s?)+\s*\d{1,3}$|\S\s*_{3,}\s*\d{1,3}$")
ENDS_IN_NUMBER = regex.compile(r"\S\s+\d{1,3}$")
#: an entry that names its page in words: ``Medlemmar sid 4``, ``Ekonomi s. 7-8``
PAGE_REFERENCE = regex.compile(r"\S\s+(?:sid(?:an)?|s\.|sida)\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?$", regex.I)
TOC_MIN_ENTRIES = 3
CHAPTER_PREFIX = regex.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.:)]?\s+")
FOOTNOTE_START = regex.compile(r"^(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+)\s*\S")
#: identifiers of e-signature services (hex and digit runs) read as one shape
LONG_ID = regex.compile(r"[0-9A-Fa-f]*\d[0-9A-Fa-f-]{6,}|\d+")
PLAN_NAME = regex.compile(r"(?i:plan|program)\w*\s+(?:för\s+)?" + YEAR_PATTERN + r"(?!\d)")
SUPERSCRIPT_DIGITS = regex.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]")
MARGIN = 0.09  # share of the page height treated as header/footer zone
EDGE = 0.065   # the part of that zone where Word and LibreOffice place headers and footers
RULE_WIDTH = 3.0  # points: a drawn path this thin is a table rule
#: a ruled table with this few rows whose cell holds more lines than LAYOUT_CELL_LINES
#: is a page laid out in boxes, read cell by cell, not a table of goals
LAYOUT_ROWS = 3
LAYOUT_CELL_LINES = 6


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the plan as the block builder reads it."""

    text: str
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    page_height: float
    number: int = 0  # line number on its page, from 1
    cells: tuple[str, ...] | None = None  # a row of a table
    hard_break: bool = False  # the line before ended short: the author broke the line here
    note_mark: bool = False  # the line opened with a footnote's raised number (now removed)
    page_width: float = 0.0


def from_text_line(tl: TextLine, page: Page) -> Line | None:
    """A Line of a backend's text line, without footnote markers (small raised digits)."""
    chars = _without_markers(tl)
    note_mark = bool(tl.visible) and (not chars or chars[0] is not tl.visible[0])
    if chars is not tl.visible:
        tl = line_of(chars)
    if not tl.visible:
        return None
    return Line(tl.text, page.number, tl.top, tl.bottom, tl.x0, tl.x1, tl.size, tl.bold, page.height,
                note_mark=note_mark, page_width=page.width)


def _without_markers(tl: TextLine) -> tuple[Char, ...]:
    """A line's characters less footnote markers: digits set well smaller than the line
    and raised above its baseline (¹ typed as a superscript digit goes too)."""
    size = tl.size
    smallest = tl.smallest
    if (size if smallest is None else smallest) > 0.8 * size and not SUPERSCRIPT_DIGITS.search(tl.text):
        return tl.visible  # no smaller type and no superscript digit: no marker to look for
    baseline = max((c.bottom for c in tl.visible if round(c.size, 1) == size), default=0.0)
    kept = tuple(c for c in tl.visible if not (
        (c.text.isdigit() and c.size <= 0.8 * size and c.bottom < baseline - 0.15 * size)
        or SUPERSCRIPT_DIGITS.match(c.text)))
    return tl.visible if len(kept) == len(tl.visible) else kept


# ---------------------------------------------------------------- reading order


def gutter(text_lines: list[TextLine] | tuple[TextLine, ...], width: float) -> float | None:
    """The x of the space between two columns, when the page is set in two: most lines
    stand wholly on one side of it, and many on each side. At most 200 positions are tried,
    whatever the page's width."""
    if len(text_lines) < 8:
        return None
    spans = [sp for sp in (tl.spans for tl in text_lines) if sp]
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
    step = max(2, int(width * 0.4 / 200))
    best, best_score = None, 0
    for x in range(int(width * 0.3), int(width * 0.7), step):
        crossing = bisect_left(starts, x) - bisect_right(ends, x)
        left = bisect_left(firsts, x)
        right = n - bisect_right(lasts, x)
        if crossing <= 0.15 * n and min(left, right) >= 0.25 * n:
            score = min(left, right) - crossing
            if score > best_score:
                best, best_score = float(x), score
    return best


def by_columns(text_lines: list[TextLine], x: float) -> list[TextLine]:
    """Lines in reading order on a two-column page: the left column, then the right, in
    each stretch between lines that run across both (a title over the columns)."""
    ordered: list[TextLine] = []
    left: list[TextLine] = []
    right: list[TextLine] = []
    for tl in sorted(text_lines, key=lambda t: t.top):
        if any(a < x < b for a, b in tl.spans):  # words of one line lie closer than columns
            ordered += left + right + [tl]
            left, right = [], []
            continue
        for side, part in ((left, [c for c in tl.visible if c.x1 <= x]),
                           (right, [c for c in tl.visible if c.x0 >= x])):
            if part:
                side.append(line_of(part))
    return ordered + left + right


# ---------------------------------------------------------------- ruled tables


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table: the x of its vertical rules and the y of its horizontal ones."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    @property
    def box(self) -> Box:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def holds(self, x: float, y: float) -> bool:
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]

    def cell_of(self, x: float, y: float) -> tuple[int, int]:
        """(row, column) of the cell a point falls in."""
        return max(0, bisect_left(self.ys, y) - 1), max(0, bisect_left(self.xs, x) - 1)


def grids(rules: tuple[Box, ...]) -> list[Grid]:
    """The ruled tables of a page, from its drawn lines: thin horizontal and vertical
    paths make a grid."""
    horizontal = [r for r in rules if r[3] - r[1] <= RULE_WIDTH and r[2] - r[0] >= 20]
    vertical = [r for r in rules if r[2] - r[0] <= RULE_WIDTH and r[3] - r[1] >= 8]
    out = []
    for group in _overlapping(vertical):
        top, bottom = min(r[1] for r in group) - 2, max(r[3] for r in group) + 2
        xs = _distinct(sorted((r[0] + r[2]) / 2 for r in group))
        ys = _distinct(sorted((r[1] + r[3]) / 2 for r in horizontal
                              if top <= (r[1] + r[3]) / 2 <= bottom and r[0] <= xs[-1] and r[2] >= xs[0]))
        if len(xs) >= 2 and len(ys) >= 2 and (len(xs) > 2 or len(ys) > 2):  # one cell is a frame
            out.append(Grid(tuple(xs), tuple(ys)))
    return out


def table_rows(grid: Grid, chars: list[Char]) -> list[tuple[str, ...]]:
    """The rows of a ruled table as cell texts: each character goes to the cell its
    centre falls in (one pass over the characters, whatever the grid's size)."""
    cells: dict[tuple[int, int], list[Char]] = {}
    for c in chars:
        x, y = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        if grid.holds(x, y):
            cells.setdefault(grid.cell_of(x, y), []).append(c)
    rows = []
    for r in range(len(grid.ys) - 1):
        row = tuple(_cell_text(cells.get((r, k), [])) for k in range(len(grid.xs) - 1))
        if any(row):
            rows.append(row)
    return rows


def _cell_text(chars: list[Char]) -> str:
    """A cell's text: its lines top to bottom, each with spaces where gaps show them."""
    lines: dict[int, list[Char]] = {}
    for c in chars:
        lines.setdefault(round(c.bottom), []).append(c)
    return " ".join(" ".join(line_of(cs).text.split()) for _, cs in sorted(lines.items())).strip()


def _overlapping(vertical: list[Box]) -> list[list[Box]]:
    """Vertical rules grouped by the stretch of the page they share: one group a table."""
    groups: list[tuple[float, float, list[Box]]] = []  # top, bottom, rules
    for r in sorted(vertical, key=lambda r: r[1]):
        if groups and r[1] <= groups[-1][1] + 2 and r[3] >= groups[-1][0]:  # rows drawn apart touch
            top, bottom, members = groups[-1]
            members.append(r)
            groups[-1] = (min(top, r[1]), max(bottom, r[3]), members)
        else:
            groups.append((r[1], r[3], [r]))
    return [g for _, _, g in groups if len(g) >= 2]


def _distinct(values: list[float], tolerance: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in values:
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _is_layout(grid: Grid, lines: list[TextLine]) -> bool:
    """A grid of few rows with a cell holding many lines frames a page laid out in boxes."""
    if len(grid.ys) - 1 > LAYOUT_ROWS:
        return False
    per_cell = Counter(grid.cell_of((tl.x0 + tl.x1) / 2, (tl.top + tl.bottom) / 2) for tl in lines
                       if grid.holds((tl.x0 + tl.x1) / 2, (tl.top + tl.bottom) / 2))
    return max(per_cell.values(), default=0) > LAYOUT_CELL_LINES


# ---------------------------------------------------------------- tables without rules

ALIGN = 4.0  # points: cells of one column start this close
LIST_MARKER = regex.compile(r"^(?:[-–—•●·*▪■◦○►➢✓\uF0B7\uF0A7\uF076\uF0D8o]|\d{1,2}[.):]?|[a-zA-Z][.)])$")
MIN_TABLE_ROWS = 3  # a header and two rows


def aligned_rows(lines: list[TextLine]) -> dict[int, tuple[str, ...]]:
    """Rows of tables set without rules: runs of three or more lines, each split into
    stretches by wide gaps, whose stretches start at the same columns. {line index:
    cell texts}; a line of one stretch inside a run continues the cell it starts under."""
    rows: dict[int, tuple[str, ...]] = {}
    k = 0
    while k < len(lines):
        columns = _column_starts(lines[k])
        end = k + 1
        while columns and end < len(lines) and _fits(lines[end], columns):
            end += 1
        multi = [j for j in range(k, end) if len(lines[j].spans) >= 2]
        if columns and len(multi) >= MIN_TABLE_ROWS:
            rows.update(_table_run(lines, k, end, columns))
            k = end
        else:
            k += 1
    return rows


def _column_starts(tl: TextLine) -> tuple[float, ...] | None:
    """Where the line's stretches start, unless its first stretch is a list marker set off
    by a tab (``•``, ``1.``, ``a)``): that is a list, not a table."""
    starts = tuple(a for a, _ in tl.spans)
    if len(starts) < 2:
        return None
    first = "".join(c.text for c in tl.visible if c.x1 <= tl.spans[0][1] + 0.01)
    return None if LIST_MARKER.match(first) else starts


def _fits(tl: TextLine, columns: tuple[float, ...]) -> bool:
    """Does every stretch of the line start at one of the columns, a line of one stretch
    under a later column (a cell's wrapped text; under the first it is body text)?"""
    if not tl.spans or len(tl.spans) == 1 and abs(tl.spans[0][0] - columns[0]) <= ALIGN:
        return False
    return all(any(abs(a - c) <= ALIGN for c in columns) for a, _ in tl.spans)


def _table_run(lines: list[TextLine], start: int, end: int, columns: tuple[float, ...]) -> dict[int, tuple[str, ...]]:
    out: dict[int, tuple[str, ...]] = {}
    last: int | None = None
    for j in range(start, end):
        cells = ["" for _ in columns]
        for a, b in lines[j].spans:
            col = min(range(len(columns)), key=lambda i: abs(columns[i] - a))
            text = line_of([c for c in lines[j].visible if a <= c.x0 and c.x1 <= b + 0.01]).text
            cells[col] = f"{cells[col]} {text}".strip()
        if len(lines[j].spans) == 1 and last is not None:
            merged = [f"{x} {y}".strip() for x, y in zip(out[last], cells)]  # a cell's wrapped line
            out[last] = tuple(merged)
            out[j] = ()
            continue
        out[j] = tuple(cells)
        last = j
    return out


# ---------------------------------------------------------------- one page

LONE_MARK = regex.compile(r"^(?:\d{1,3}|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")


def _without_lone_marks(lines: list[TextLine]) -> list[TextLine]:
    """Without footnote marks the backend set on a line of their own (raised off the
    baseline): a short number in small type level with the end of a larger line."""
    marks = [tl for tl in lines if LONE_MARK.match(tl.text) and tl.size > 0]
    if not marks:
        return lines
    dropped = {id(m) for m in marks if any(
        o is not m and o.size >= 1.25 * m.size and o.top < m.bottom and m.top < o.bottom
        and o.x0 - 2 <= m.x0 <= o.x1 + 2 * o.size for o in lines)}
    return [tl for tl in lines if id(tl) not in dropped]



def page_lines(page: Page) -> list[Line]:
    """A page's lines in reading order: columns left before right, a ruled table as its
    rows, a page laid out in boxes read box by box, column by column."""
    text_lines = list(page.lines)
    tables = grids(page.rules) if page.rules else []
    layout = [g for g in tables if _is_layout(g, text_lines)]
    tables = [g for g in tables if g not in layout]
    flow: list[tuple[float, int, float, Line]] = []  # top of the stretch, column, top, line
    chars = [c for tl in text_lines for c in tl.visible] if tables else []
    free: list[TextLine] = []
    for tl in text_lines:
        x, y = (tl.x0 + tl.x1) / 2, (tl.top + tl.bottom) / 2
        if any(g.holds(x, y) for g in tables):
            continue
        box = next((g for g in layout if g.holds(x, y)), None)
        if box is None:
            free.append(tl)
        elif (ln := from_text_line(tl, page)) is not None:
            flow.append((box.ys[0], box.cell_of(x, y)[1], tl.top, ln))
    free = _without_lone_marks(free)
    x = gutter(free, page.width)
    ordered = by_columns(free, x) if x is not None else sorted(free, key=lambda t: t.top)
    rows = aligned_rows(ordered) if x is None else {}
    for k, tl in enumerate(ordered):
        if k in rows:
            cells = rows[k]
            if not cells:
                continue  # merged into the row above
            ln = Line(" ".join(c for c in cells if c), page.number, tl.top, tl.bottom, tl.x0, tl.x1, tl.size, False,
                      page.height, cells=cells)
        else:
            ln = from_text_line(tl, page)
        if ln is not None:
            flow.append((ln.top if x is None else 0.0, 0, float(k), ln))
    for grid in tables:
        x0, top, x1, bottom = grid.box
        for k, cells in enumerate(table_rows(grid, chars)):
            flow.append((top + k * 1e-3, 0, 0.0, Line(" ".join(cells), page.number, top + k * 1e-3, top + k * 1e-3,
                                                      x0, x1, 0.0, False, page.height, cells=cells)))
    flow.sort(key=lambda f: (f[0], f[1], f[2]))  # two columns keep their order, before any box
    return [replace(f[3], number=k) for k, f in enumerate(flow, start=1)]


def mark_hard_breaks(lines: list[Line]) -> list[Line]:
    """Mark the lines that follow a line ended short although the next line's first word
    would have fitted: the author broke the line there (one activity per line). Where
    lines end when they wrap is measured over the whole document, column by column."""
    edges = _column_edges(lines)
    out = []
    for k, ln in enumerate(lines):
        prev = lines[k - 1] if k and lines[k - 1].page == ln.page else None
        edge = edges(prev.x0, prev.page_width) if prev is not None else None
        if prev is not None and prev.cells is None and ln.cells is None and edge is not None \
                and ln.top > prev.top and abs(ln.x0 - prev.x0) < 2 * max(ln.size, 1.0):
            room = edge - prev.x1
            first_word = len(ln.text.split(" ", 1)[0]) * 0.5 * ln.size
            if room > first_word + ln.size:
                ln = replace(ln, hard_break=True)
        out.append(ln)
    return out


COLUMN_BAND = 36.0  # points: lines starting this close share a column (an indent apart)


def _column_edges(lines: list[Line]):
    """Where a column's text lines end when they wrap, for a line starting at x: near the
    right end of the longer lines starting close to x (not the longest: a wide table or
    a stray line may run past it); for the main column at least where a right margin as
    wide as the left one begins (a plan of lines all broken by hand never fills a line)."""
    bands: dict[int, list[float]] = {}
    for ln in lines:
        if ln.cells is None and len(ln.text.split()) >= 5:
            bands.setdefault(int(ln.x0 // COLUMN_BAND), []).append(ln.x1)
    margin = min((ln.x0 for ln in lines if ln.cells is None), default=0.0)
    found_in: dict[int, float | None] = {}  # band -> where its lines end, found once

    def edge(x: float, page_width: float) -> float | None:
        band = int(x // COLUMN_BAND)
        if band not in found_in:
            ends = sorted(e for b in (band - 1, band, band + 1) for e in bands.get(b, ()))
            found_in[band] = ends[int(len(ends) * 0.9)] if len(ends) >= 3 else None
        found = found_in[band]
        if x - margin < 2 * COLUMN_BAND and page_width > 2 * margin:
            return max(found or 0.0, page_width - margin)
        return found
    return edge


# ---------------------------------------------------------------- whole document


def body_size(lines: list[Line]) -> float:
    """The size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        if ln.cells is None:
            sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def drop_running_lines(lines: list[Line], pages: int) -> list[Line]:
    """Without running headers, footers and page numbers: lines in the page margins that
    repeat on many pages (digits and signature ids read as one shape), page numbers, and
    lines set apart at the very top or bottom of a page."""
    def in_margin(ln: Line) -> bool:
        return ln.top < ln.page_height * MARGIN or ln.bottom > ln.page_height * (1 - MARGIN)

    body = body_size(lines)
    repeats = Counter(_shape(ln.text) for ln in lines if in_margin(ln))
    threshold = max(2, pages // 2)
    untitled = not any(PLAN_NAME.search(ln.text) for ln in lines if ln.page == 1 and not in_margin(ln))
    kept = []
    for k, ln in enumerate(lines):
        repeated = pages > 1 and repeats[_shape(ln.text)] >= threshold
        running = PAGE_NUMBER.match(ln.text.strip()) or ln.size <= body * 1.05 and (repeated or _set_apart(lines, k, body))
        if in_margin(ln) and running and not (repeated and untitled and _names_the_plan(ln)):
            continue  # a title set large in the top margin is not a running header
        kept.append(ln)
    return kept


def _names_the_plan(ln: Line) -> bool:
    """The first page's copy of a running header naming a plan and its year: the front
    matter of a plan whose first page names it nowhere else."""
    return ln.page == 1 and ln.top < ln.page_height * MARGIN and bool(PLAN_NAME.search(ln.text))


def _shape(text: str) -> str:
    return LONG_ID.sub("#", text.strip().lower())


def _set_apart(lines: list[Line], k: int, body: float) -> bool:
    """A line at the very top or bottom of its page with wide space between it and the
    body: the header or footer of a one-page plan, which no repetition can reveal."""
    ln = lines[k]
    if ln.cells is not None:
        return False
    if ln.top < ln.page_height * EDGE:
        nxt = lines[k + 1] if k + 1 < len(lines) and lines[k + 1].page == ln.page else None
        return nxt is not None and nxt.top - ln.bottom > body * 1.5
    if ln.bottom > ln.page_height * (1 - EDGE):
        prev = lines[k - 1] if k and lines[k - 1].page == ln.page else None
        return prev is not None and ln.top - prev.bottom > body * 1.5
    return False


#: the words of an e-signature service's log: its verification page and stamps
SIGNING_LOG = regex.compile(r"\b(?:verifikat|transaktion(?:s-?id)?|signerat?|signerad|signering|bankid|e-?signatur|"
                            r"docusign|scrive|assently|envelope id|ip-?adress|dokumentet har signerats|"
                            r"verification|signed by)\b|\bIP:\s", regex.I)
SIGNING_PAGE_LINES = 3


def drop_signature_pages(lines: list[Line]) -> list[Line]:
    """Without the verification pages an e-signature service adds to a plan: a page after
    the first where at least three lines, and a fifth of all, are its log."""
    per_page: Counter[int] = Counter(ln.page for ln in lines)
    log: Counter[int] = Counter(ln.page for ln in lines if ln.page > 1 and SIGNING_LOG.search(ln.text))
    signing = {p for p, n in log.items() if n >= SIGNING_PAGE_LINES and n * 5 >= per_page[p]}
    return [ln for ln in lines if ln.page not in signing] if signing else lines


def drop_contents(lines: list[Line]) -> list[Line]:
    """Without the table of contents: entries with a dotted leader and a page number, the
    "Innehåll" heading and the entries under it (lines ending in a page number), and runs
    of three or more lines ending in a page number set apart by a wide gap."""
    drop: set[int] = set(_page_reference_runs(lines)) | set(_page_number_columns(lines))
    k = 0
    while k < len(lines):
        ln = lines[k]
        if ln.text[-1:].isdigit() and TOC_LEADER.search(ln.text):  # an entry ends in its page number
            drop.add(k)
        elif TOC_HEADING.match(ln.text.strip()):
            end = _toc_end(lines, k + 1)
            if end > k + 1:
                drop.update(range(k, end))
                k = end
                continue
        k += 1
    return [ln for k, ln in enumerate(lines) if k not in drop]


def _page_number_columns(lines: list[Line]) -> list[int]:
    """Rows of a contents table: three or more rows running on, each ending in a cell
    that is only a page number of this document, the numbers never falling, and most of
    their titles set again as lines further on (the headings they point to)."""
    pages = max((ln.page for ln in lines), default=0)
    later_lines = {_bare_title(ln.text) for ln in lines if ln.cells is None}

    def points_on(run: list[int]) -> bool:
        titles = [_bare_title(lines[j].cells[0]) for j in run if lines[j].cells]
        return sum(1 for t in titles if t in later_lines) * 2 >= len(titles)

    def page_number(ln: Line) -> int | None:
        last = ln.cells[-1] if ln.cells and len(ln.cells) >= 2 else ""
        return int(last) if last.isdigit() and 1 <= int(last) <= pages else None

    out: list[int] = []
    run: list[int] = []
    for k, ln in enumerate([*lines, None]):
        n = page_number(ln) if ln is not None else None
        if n is not None and (not run or n >= (page_number(lines[run[-1]]) or 0)):
            run.append(k)
            continue
        if len(run) >= TOC_MIN_ENTRIES and points_on(run):
            out += run
        run = [k] if n is not None else []
    return out


def _bare_title(text: str) -> str:
    """A heading's words without its chapter number, for matching contents entries."""
    return " ".join(CHAPTER_PREFIX.sub("", text).casefold().split())


def _page_reference_runs(lines: list[Line]) -> list[int]:
    """Lines of runs of entries naming their pages in words (three or more, at most two
    other lines apart: sub-entries), with a contents heading just above."""
    refs = [k for k, ln in enumerate(lines) if PAGE_REFERENCE.search(ln.text)]
    out: list[int] = []
    run: list[int] = []
    for k in refs + [-99]:
        if run and (k < 0 or k - run[-1] > 3):
            if len(run) >= TOC_MIN_ENTRIES:
                first = run[0] - 1 if run[0] and TOC_HEADING.match(lines[run[0] - 1].text.strip()) else run[0]
                out += range(first, run[-1] + 1)
            run = []
        run.append(k)
    return out


def _toc_end(lines: list[Line], start: int) -> int:
    """The end of the entries under a contents heading: lines ending in a page number
    (or with a leader), an entry's wrapped first line allowed before its number."""
    k = start
    while k < len(lines):
        text = lines[k].text
        if (TOC_LEADER.search(text) or ENDS_IN_NUMBER.search(text)):
            k += 1
        elif k + 1 < len(lines) and ENDS_IN_NUMBER.search(lines[k + 1].text) \
                and k > start:
            k += 2
        else:
            break
    return k


def drop_footnotes(lines: list[Line]) -> list[Line]:
    """Without footnotes: at the foot of a page, lines set smaller than the body whose
    first line opens with a note's number."""
    body = body_size(lines)
    drop: set[int] = set()
    k = len(lines) - 1
    while k >= 0:
        page = lines[k].page
        run: list[int] = []
        while k >= 0 and lines[k].page == page and lines[k].cells is None and 0 < lines[k].size < body * 0.92 \
                and lines[k].top > lines[k].page_height * 0.5:
            run.append(k)
            k -= 1
        starts = [j for j in run if lines[j].note_mark or FOOTNOTE_START.match(lines[j].text)]
        if starts:
            first = min(starts)
            drop.update(j for j in run if j >= first)
        while k >= 0 and lines[k].page == page:
            k -= 1
    return [ln for k, ln in enumerate(lines) if k not in drop]
