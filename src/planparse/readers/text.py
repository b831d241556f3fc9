"""Plain-text and Markdown plans (also wiki, LaTeX and HTML sources saved as text).

Text has no styles, so layout is read from the lines themselves: Markdown ``#``, lines that
are only ``**bold**``, short ALL-CAPS lines, numbered headings, ``Rubrik:`` labels and short
title-like lines standing alone. Wiki, LaTeX and HTML markup is first rewritten into that
same Markdown-like form (see ``markup``), so one classifier serves every dialect.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

from ..blocks import Block, Cue, Kind
from ..errors import InputError
from ..lexicon import (BREAK_OFF_WORDS, DESCRIBING_VERBS, OPEN_ENDINGS, ORG_ACRONYMS, TABLE_COLUMNS, TOC_WORDS,
                       WEB_CHROME, YEAR_PATTERN)
from .markup import to_markdownish

BULLET = regex.compile(r"^(?P<indent>[ \t]*+)(?:[-–—•●·*▪■◦○►➢✓\uF0B7\uF0A7\uF076\uF0D8]|[o§°](?=\s++\p{L}))\s++(?P<text>\S.*)$")
NUMBERED = regex.compile(r"^(?P<indent>[ \t]*)(?P<num>\d{1,2}|[a-zA-Z])(?P<sep>[.):])\s+(?P<text>\S.*)$")
MULTI_NUMBERED = regex.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<text>\p{Lu}.*)$")
BARE_NUMBERED = regex.compile(r"^(?P<num>\d{1,2})\s+(?P<text>\p{Lu}[\p{Ll}].*)$")
#: (possessive and greedy, then trimmed in code: a lazy text before ``\s*#*\s*$`` backtracks
#: quadratically over a long run of spaces)
MD_HEADING = regex.compile(r"^(?P<hashes>#{1,6})\s++(?P<text>.*)$")
CLOSING_HASHES = regex.compile(r"(?:^|(?<=\s))#++$")
BOLD_LINE = regex.compile(r"^(?:\*\*|__)(?P<text>[^*_].*)(?:\*\*|__)\s*+(?P<colon>:?)\s*+$")
LABEL = regex.compile(r"^(?P<text>[^.!?:;]{1,60}):\s*$")
RULE = regex.compile(r"^\s*+([-*_=~])(?:\s*+\1){2,}+\s*+$")
SETEXT = regex.compile(r"^\s*+(=++|-++)\s*+$")
TABLE_ROW = regex.compile(r"^\s*+\|(?P<cells>.*)\|\s*+$")
TABLE_RULE = regex.compile(r"^[\s|:\-+]+$")
INLINE_MD = regex.compile(r"(\*\*|__|`)")
SPACES = regex.compile(r"[ \t]+")
#: a lower-case letter (matched at a line's start: it goes on from the line above); a line
#: starting so or with an opening parenthesis or comma, and with a dash too
LOWER_LETTER = regex.compile(r"\p{Ll}")
LETTER = regex.compile(r"\p{L}")
#: the words of a line, hyphenated ones whole
WORDS = regex.compile(r"[\p{L}\-]+")
LOWER_OR_COMMA_START = regex.compile(r"^[\p{Ll}(,]")
LOWER_COMMA_OR_DASH_START = regex.compile(r"^[\p{Ll}(,–—]")
#: the characters of a binary file decoded as text: controls other than a line or page break
CONTROL_CHARS = regex.compile(r"[\x00-\x09\x0b\x0d-\x1f\x7f-\x9f]")
MD_LINK = regex.compile(r"\[([^\]\[]{1,500}+)\]\([^)(\s]{0,500}+\)")
TERMINAL = regex.compile(r"[.!?;:,]\s*$")
UPPER_START = regex.compile(r"^[\p{Lu}\d\"'”«(]")
HAS_TARGET_WORDING = regex.compile(r"\b(?:minst|högst|cirka|ca|öka|minska)\b.*\d", regex.I)
#: a gap of three or more spaces between words: columns laid out with spaces (or tabs)
COLUMN_GAP = regex.compile(r"(?<=\S) {3,}+(?=\S)")
#: a layout of columns is a table when this many lines in a row have the same number of cells
MIN_COLUMN_ROWS = 3
MAX_COLUMN_CELLS = 4
MAX_CELL_WORDS = 8
#: a line holding only a bullet, its item's text on a line of its own
LONE_BULLET = regex.compile(r"^[•●▪■◦○►➢✓\uF0B7\uF0A7\uF076\uF0D8]$")
#: a table flattened to one cell per line (a web page or a PDF copied as text) opens with
#: this many column names in a row and has this many full rows under them
MIN_FLAT_COLUMNS = 3
MIN_FLAT_ROWS = 2
#: a cell is short: a longer line, or a cell wrapped over more lines, ends the table
MAX_FLAT_CELL_CHARS = 60
MAX_FLAT_CELL_LINES = 3
#: what a column name may carry besides its words (``Kostnad (kr)``, ``Budget 2031``), and
#: what joins two names in one cell (``När/var``)
COLUMN_NOTE = regex.compile(r"\([^()]{0,20}\)|\b" + YEAR_PATTERN + r"\b")
COLUMN_SPLIT = regex.compile(r"[/&]")
#: a number and the noun in lower case it counts (``4 tillfällen``, ``12 st``)
QUANTITY_LINE = regex.compile(r"\d++\s++\p{Ll}++\.?")
#: a line of three words or more ending in one full stop (not ``kam..``) closes a sentence
CLOSES_SENTENCE = regex.compile(r"(?<![.\s])[.!?]$")
#: short lines standing alone, this many in a row with nothing between them, are no headings
MIN_SHORT_LINE_RUN = 8
MAX_SHORT_LINE_WORDS = 5
MAX_SHORT_LINE_CHARS = 40

#: a table of contents: its heading, a dot-leader line, a title ending in its page number
TOC_HEADING = regex.compile(r"^(?i:" + TOC_WORDS.alternation() + r")\s*:?$")
TOC_LEADER = regex.compile(r"^\S.{0,100}?(?:\.{3,}+|…++|(?:\.\s){3,}+)\s*+\d{1,3}$")
PAGE_NUMBERED = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s++)?\p{L}[^.!?]{0,100}?\s\d{1,3}$")

#: a place-and-date stamp (``Lindby den 3 mars 2031``, ``2031 03 14/AB``): no heading, no item
DATE_STAMP = regex.compile(r"\b(?:\d{4}[-\s./]\d{1,2}[-\s./]\d{1,2}|\d{1,2}[\s./]+(?:\p{L}{3,}\.?|\d{1,2})[\s./-]+\d{4})\b")
MAX_STAMP_WORDS = 6
#: a line that is a field and its value (``Foto: Anna Lind``): a one-word label, no digit
FIELD_LINE = regex.compile(r"^\p{L}[\p{L}\-]*+:\s++\S")
#: a line that is all a quotation (a motto under the title) or all in parentheses (a note)
QUOTED_LINE = regex.compile(r"[\"”“«»'’].+[\"”“«»'’]|\(.+\)")
#: words joined by hyphens, three or more and no space: a page's name in its address
URL_SLUG = regex.compile(r"[\p{L}\d]++(?:-[\p{L}\d]++){2,}+")
#: a newsletter's issue number (``Nr 3/2031``, ``nummer 2``)
ISSUE_NUMBER = regex.compile(r"(?i:nr|nummer)\.?\s*+\d{1,3}(?:\s*+/\s*+\d{2,4})?")
#: the end of a link's text on a web page (``Läs mer >>``)
LINK_ENDINGS = (">>", "»", "›", "→")
#: a paragraph opening with a run of capitals, then a capitalised word in lower case:
#: a heading glued to its first line when the text was flattened
GLUED_CAPS = regex.compile(r"^(?P<head>\p{Lu}[\p{Lu}\-–&]*+(?:\s++[\p{Lu}\-–&]{2,}+){0,5}+[:.]?)\s++(?P<text>\p{Lu}\p{Ll}.*)$")

#: one-sentence paragraphs in a row that make a list without marks, and their longest
MIN_SENTENCE_RUN = 5
MAX_LINE_ITEM_WORDS = 30
#: a sentence end inside a paragraph: it holds more than one sentence
SENTENCE_INSIDE = regex.compile(r"[.!?]\s+\p{Lu}")
#: a sentence that says what is (``Klubben är ...``, ``Det finns ...``) describes, it plans nothing
STATE_VERB = regex.compile(r"\b(?:" + DESCRIBING_VERBS.alternation() + r")\b", regex.I)

#: lines in a row, none wrapped, that are one item each (a list whose marks were lost)
MIN_UNWRAPPED_RUN = 5
MAX_UNWRAPPED_CHARS = 150

MAX_HEADING_WORDS = 10
#: a bulleted line of at most this many words over a line of prose of at least this many
#: heads that prose (``• Konserter`` / ``Under året ger kören ...``)
MAX_BULLET_HEADING_WORDS = 3
MIN_PROSE_LINE_WORDS = 5
MAX_LOWER_HEADING_WORDS = 3
#: a question standing alone is a heading when it is this short (``Varför?``)
MAX_QUESTION_WORDS = 8
#: a line longer than this is no plan's paragraph but a dump: refused (README, "Limits");
#: the target extractor takes most of a minute and half a gigabyte on a line this long
MAX_LINE_CHARS = 100_000
MAX_HEADING_CHARS = 80


def read_text(data: bytes) -> list[Block]:
    """Blocks of a text plan given as raw bytes."""
    text = decode(data)
    if not text.strip():
        raise InputError("the file has no text")
    lines = to_markdownish(text).split("\n")  # HTML saved as text may be one long line until here
    longest = max(len(line) for line in lines)
    if longest > MAX_LINE_CHARS:
        raise InputError(f"a single line of {longest} characters is over the limit of {MAX_LINE_CHARS} "
                         "(not a plan's paragraph)")
    return lines_to_blocks(lines)


def decode(data: bytes) -> str:
    """Text of a file saved by any common Swedish setup: UTF-8 (with or without BOM),
    UTF-16 with BOM, or the Windows code page 1252 / Latin-1 as a fallback, line by line."""
    if not data:
        raise InputError("the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        if b"\x00" in data[:4096]:
            raise InputError("binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = "".join(_decode_line(line) for line in data.splitlines(keepends=True))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    if _looks_binary(text):
        raise InputError("binary file, not text")
    return text


def _decode_line(line: bytes) -> str:
    """One line of a file that is not UTF-8 as a whole: UTF-8 where the line is, else
    cp1252 (Latin-1 where cp1252 leaves a byte undefined). Lines pasted together from two
    editors mix the encodings; read whole as cp1252, every UTF-8 line would be garbled."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return line.decode(encoding)
        except UnicodeDecodeError:
            continue
    return line.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = len(CONTROL_CHARS.findall(sample))
    return controls / len(sample) > 0.05 or "\ufffd" * 4 in sample


def clean_inline(text: str) -> str:
    """Drop Markdown emphasis and link targets; fold runs of white space. (Each pattern
    runs only where its marks stand: most lines have none, and this runs for every line.)"""
    if "](" in text:
        text = MD_LINK.sub(r"\1", text)
    if "**" in text or "__" in text or "`" in text:
        text = INLINE_MD.sub("", text)
    if "  " in text or "\t" in text:
        text = SPACES.sub(" ", text)
    return text.strip()


@dataclass(slots=True)
class _Line:
    """A classified source line before lines are grouped into blocks."""

    kind: str  # blank, heading, item, text, row, rule
    text: str
    number: int
    level: int | None = None
    cue: Cue | None = None
    marker: str | None = None  # "bullet" or the item number/letter
    indent: int = 0
    cells: tuple[str, ...] = ()


def classify(raw: list[str]) -> list[_Line]:
    out: list[_Line] = []
    toc = toc_lines(raw)
    for i, line in enumerate(raw):
        n = i + 1
        stripped = line.strip()
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        if not stripped or i in toc:
            out.append(_Line("blank", "", n))
        elif (m := SETEXT.match(nxt)) and not RULE.match(line) and not BULLET.match(line) and len(m.group(1)) >= 3 \
                and not TABLE_ROW.match(line):
            out.append(_Line("heading", clean_inline(stripped), n, 1 if m.group(1)[0] == "=" else 2, Cue.MARKDOWN))
        elif SETEXT.match(line) and out and out[-1].kind == "heading" and out[-1].number == n - 1:
            continue
        elif RULE.match(line):
            out.append(_Line("rule", "", n))
        elif m := MD_HEADING.match(stripped):
            out.append(_Line("heading", clean_inline(_without_closing_hashes(m["text"])), n, len(m["hashes"]),
                             Cue.MARKDOWN))
        elif m := TABLE_ROW.match(line):
            if TABLE_RULE.match(line):
                continue
            cells = tuple(clean_inline(c) for c in m["cells"].split("|"))
            out.append(_Line("row", "", n, cells=cells))
        elif m := BOLD_LINE.match(stripped):
            cue = Cue.LABEL if m["colon"] or m["text"].rstrip().endswith(":") else Cue.BOLD
            out.append(_Line("heading", clean_inline(m["text"]).rstrip(":").strip(), n, None, cue))
        elif m := MULTI_NUMBERED.match(stripped):
            if short_title(m["text"]):
                out.append(_Line("heading", clean_inline(m["text"]), n, m["num"].count(".") + 1, Cue.NUMBERED))
            else:
                out.append(_Line("item", clean_inline(m["text"]), n, marker=m["num"]))
        elif m := BULLET.match(line):
            out.append(_Line("item", clean_inline(m["text"]), n, marker="bullet", indent=_width(m["indent"])))
        elif m := NUMBERED.match(line):
            out.append(_Line("item", clean_inline(m["text"]), n, marker=m["num"], indent=_width(m["indent"])))
        elif _is_caps_heading(stripped):
            out.append(_Line("heading", clean_inline(stripped).rstrip(":.").rstrip(), n, None, Cue.CAPS))
        elif m := LABEL.match(stripped):
            out.append(_Line("heading", clean_inline(m["text"]), n, None, Cue.LABEL))
        elif (m := BARE_NUMBERED.match(stripped)) and short_title(m["text"]):
            out.append(_Line("heading", clean_inline(m["text"]), n, 1, Cue.NUMBERED))
        elif (m := GLUED_CAPS.match(stripped)) and _glued_heading(m["head"]) and (not out or out[-1].kind == "blank"):
            out.append(_Line("heading", clean_inline(m["head"]).rstrip(":.").rstrip(), n, None, Cue.CAPS))
            out.append(_Line("text", clean_inline(m["text"]), n))
        else:
            out.append(_Line("text", clean_inline(stripped), n, indent=_width(line[: len(line) - len(line.lstrip())]),
                             cells=column_cells(stripped)))
    return detached_bullets(flat_tables(_column_rows(_numbered_items_as_headings(_emptied_as_blank(out)))))


def _emptied_as_blank(lines: list[_Line]) -> list[_Line]:
    """A line of marks alone (a stray backtick, ``**``, a bullet with nothing after it)
    has no text once cleaned: it separates like a blank line instead of being a line of
    nothing that later tests would have to guard against."""
    return [ln if ln.text or ln.kind in ("blank", "rule", "row") else _Line("blank", "", ln.number) for ln in lines]


def column_cells(text: str) -> tuple[str, ...]:
    """The cells of a line whose columns are set apart by runs of spaces (a schedule or a
    table saved as text: ``Vårfest      12 maj``), else ().

    >>> column_cells("Vårfest          12 maj"), column_cells("Vi ses i maj.")
    (('Vårfest', '12 maj'), ())
    """
    if "   " not in text:
        return ()  # no gap of three spaces: one cell
    cells = tuple(clean_inline(c) for c in COLUMN_GAP.split(text.strip()))
    if not 2 <= len(cells) <= MAX_COLUMN_CELLS or any(len(c.split()) > MAX_CELL_WORDS for c in cells):
        return ()
    return cells


def _column_rows(lines: list[_Line]) -> list[_Line]:
    """Lines laid out in columns, ``MIN_COLUMN_ROWS`` or more in a row (blank lines between
    them allowed) with the same number of cells, are the rows of a table; a lone line with
    a gap in it stays text.

    >>> [ln.kind for ln in _column_rows(classify(["Vårfest     12 maj", "", "Loppis     3 juni",
    ...                                           "Julfest     20 december", "Vi ses."]))]
    ['row', 'blank', 'row', 'row', 'text']
    """
    run: list[_Line] = []
    for ln in [*lines, None]:
        if ln is not None and ln.kind == "blank":
            continue
        if ln is not None and ln.kind == "text" and ln.cells and (not run or len(run[0].cells) == len(ln.cells)):
            run.append(ln)
            continue
        if len(run) >= MIN_COLUMN_ROWS:
            for row in run:
                row.kind = "row"
        run = [ln] if ln is not None and ln.kind == "text" and ln.cells else []
    return lines


def column_name(text: str) -> bool:
    """Is the line only the name of a table column (``Ansvarig``, ``När/tid``, ``Kostnad (kr)``,
    ``Budget 2031``)?

    >>> [column_name(t) for t in ("Ansvarig", "NÄR/TID", "Kostnad (kr)", "Budget 2031", "Medlemmar", "Vem ordnar festen")]
    [True, True, True, True, False, False]
    """
    name = COLUMN_NOTE.sub(" ", text).strip().rstrip(":.").casefold()
    parts = [" ".join(part.split()) for part in COLUMN_SPLIT.split(name)]
    return bool(name.strip()) and all(part in TABLE_COLUMNS for part in parts)


def _cell_line(ln: _Line) -> bool:
    """Could the line be one cell of a flattened table: short, no sentence, no label? An
    ALL-CAPS or bold cell (``PR``) passes; a Markdown, numbered or ``Rubrik:`` heading does not.

    >>> [_cell_line(ln) for ln in classify(["Hela året", "PR", "Vi ses i maj på stranden.", "Resurser:", "Kaffe, fika.."])]
    [True, True, False, False, True]
    """
    if not (ln.kind == "text" or ln.kind == "heading" and ln.cue in (Cue.CAPS, Cue.BOLD)):
        return False
    text = ln.text
    return 0 < len(text) <= MAX_FLAT_CELL_CHARS and len(text.split()) <= MAX_CELL_WORDS and not text.endswith(":") \
        and not SENTENCE_INSIDE.search(text) and not (len(text.split()) >= 3 and CLOSES_SENTENCE.search(text))


def _flat_cells(lines: list[_Line], start: int, by_paragraph: bool, width: int = 0) -> list[tuple[list[int], bool]]:
    """The cells from line ``start`` on, up to the first line that cannot be one: each as
    its line indexes and whether a blank line stands before it. A cell is a paragraph of
    up to ``MAX_FLAT_CELL_LINES`` short lines when cells are set apart by blank lines (a
    cell wrapped over lines), else one line. Without a ``width`` these are the header's
    cells, column names only; with one, a blank line inside a row of one-line cells ends
    the table."""
    cells: list[tuple[list[int], bool]] = []
    i, gap = start, False
    while i < len(lines):
        if lines[i].kind == "blank":
            i, gap = i + 1, True
            continue
        j = i + 1
        while by_paragraph and j < len(lines) and lines[j].kind != "blank":
            j += 1
        cell = list(range(i, j))
        if len(cell) > MAX_FLAT_CELL_LINES or not all(_cell_line(lines[k]) for k in cell):
            break
        if not width and not (len(cell) == 1 and column_name(lines[i].text) and (not cells or gap == by_paragraph)):
            break
        if width and not by_paragraph and gap and len(cells) % width:
            break
        cells.append((cell, gap))
        i, gap = j, False
    return cells


def _flat_table_at(lines: list[_Line], start: int) -> tuple[list[_Line], int] | None:
    """The rows of a table flattened to one cell per line whose header starts at line
    ``start`` (``MIN_FLAT_COLUMNS`` or more column names in a row), and the index after
    its last cell; None when no table starts there.

    The cells after the header are grouped into rows as wide as the header, up to the
    first line that cannot be a cell (a sentence, a label, a long line). Where the rows
    are one line a cell, a blank line inside a row ends the table too. A last row cut
    short is a row when it has two cells or more; a single line left over is no cell (it
    may head the text after the table)."""
    by_paragraph = start + 1 < len(lines) and lines[start + 1].kind == "blank"
    header = _flat_cells(lines, start, by_paragraph)
    width = len(header)
    if width < MIN_FLAT_COLUMNS:
        return None
    body = _flat_cells(lines, header[-1][0][-1] + 1, by_paragraph, width)
    rows = [body[k:k + width] for k in range(0, len(body), width)]
    if rows and len(rows[-1]) < min(2, width):
        rows.pop()
    if sum(len(row) == width for row in rows) < MIN_FLAT_ROWS:
        return None
    out = [_flat_row(lines, header)] + [_flat_row(lines, row) for row in rows]
    return out, rows[-1][-1][0][-1] + 1


def _is_column_name_line(ln: _Line) -> bool:
    return _cell_line(ln) and column_name(ln.text)


def _flat_row(lines: list[_Line], cells: list[tuple[list[int], bool]]) -> _Line:
    texts = tuple(join_wrapped([lines[k].text for k in cell]) for cell, _ in cells)
    return _Line("row", "", lines[cells[0][0][0]].number, cells=texts)


def flat_tables(lines: list[_Line]) -> list[_Line]:
    """Tables flattened to one cell per line become rows: a header of column names
    (``Åtgärd`` / ``Ansvarig`` / ``När``), then the cells, each a short line, often with
    blank lines between them. Read line by line, every cell would stand alone as a heading.

    >>> cells = ["Aktivitet", "Ansvarig", "När", "Vårfest", "Styrelsen", "Maj", "Loppis", "Anna", "Juni"]
    >>> [ln.cells for ln in flat_tables(classify([line for cell in cells for line in (cell, "")])) if ln.kind == "row"]
    [('Aktivitet', 'Ansvarig', 'När'), ('Vårfest', 'Styrelsen', 'Maj'), ('Loppis', 'Anna', 'Juni')]
    """
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        found = _flat_table_at(lines, i)
        if found is None:  # and none starts inside a run of column names that starts none
            j = i + 1
            if _is_column_name_line(lines[i]):
                while j < len(lines) and (lines[j].kind == "blank" or _is_column_name_line(lines[j])):
                    j += 1
            out.extend(lines[i:j])
            i = j
            continue
        rows, i = found
        out.extend(rows)
    return out


def detached_bullets(lines: list[_Line]) -> list[_Line]:
    """A run of lines holding only a bullet each, then as many lines of text in a row: a PDF
    copied as text puts a list's marks in a column of their own, above the items they mark.

    >>> got = detached_bullets(classify(["Vi ska:", "•", "•", "Ordna en vårfest", "Måla stugan", "Vi ses."]))
    >>> [(ln.kind, ln.text) for ln in got if ln.kind != "blank"]
    [('heading', 'Vi ska'), ('item', 'Ordna en vårfest'), ('item', 'Måla stugan'), ('text', 'Vi ses.')]
    """
    i = 0
    while i < len(lines):
        marks = []
        j = i
        while j < len(lines) and (lines[j].kind == "blank" or LONE_BULLET.match(lines[j].text) and lines[j].kind == "text"):
            if lines[j].kind == "text":
                marks.append(j)
            j += 1
        items = list(range(j, j + len(marks)))
        if marks and j + len(marks) <= len(lines) and all(lines[k].kind == "text" for k in items):
            for k in marks:
                lines[k].kind = "blank"
            for k in items:
                lines[k].kind, lines[k].marker, lines[k].indent = "item", "bullet", 0
        i = max(j, i + 1)
    return lines


def _without_closing_hashes(text: str) -> str:
    """A Markdown heading's text without its optional closing ``#``s.

    >>> _without_closing_hashes("Medlemmar ##"), _without_closing_hashes("Lag #1")
    ('Medlemmar', 'Lag #1')
    """
    return CLOSING_HASHES.sub("", text.rstrip()).rstrip()


def _glued_heading(head: str) -> bool:
    """Are the capitals opening a paragraph a heading glued to it (``MEDLEMMAR Vi ska ...``)
    rather than a name (``PRO Lindby``, ``SSU``)? Six letters at least, and not known acronyms.

    >>> [_glued_heading(h) for h in ("MEDLEMMAR", "VÅRA MÅL", "PRO", "KPA SKPF")]
    [True, True, False, False]
    """
    words = head.replace(":", " ").split()
    letters = sum(c.isalpha() for c in head)
    return letters >= 6 and not all(w.strip(".,") in ORG_ACRONYMS for w in words)


def toc_lines(raw: list[str]) -> set[int]:
    """Indexes of the lines of a table of contents, which are neither headings nor text:
    a line with a dot leader and a page number (``Medlemmar ........ 4``), and after a
    ``Innehåll`` line, the run of lines that end in a page number or that stand again
    further down (the headings they list, when the copy lost the page numbers).

    >>> sorted(toc_lines(["Innehåll", "1. Inledning 2", "2. Medlemmar 4", "", "Inledning", "Text 2024"]))
    [0, 1, 2]
    >>> sorted(toc_lines(["Plan", "Medlemmar ...... 4", "Vi ses."]))
    [1]
    >>> sorted(toc_lines(["Innehåll", "Inledning", "Medlemmar", "", "Inledning", "Text.", "2. Medlemmar", "Text."]))
    [0, 1, 2]
    """
    found: set[int] = set()
    in_toc = False
    last = {_entry_key(line): i for i, line in enumerate(raw)}
    for i, line in enumerate(raw):
        stripped = line.strip()
        if TOC_HEADING.match(stripped):
            found.add(i)
            in_toc = True
        elif (stripped[-1:].isdigit() and (TOC_LEADER.match(stripped) or in_toc and PAGE_NUMBERED.match(stripped))
              or in_toc and _listed_again(stripped, i, last)):
            found.add(i)
        elif stripped or i - 1 not in found:
            in_toc = False
    return found


def _entry_key(line: str) -> str:
    """A line as a table of contents and the heading it lists both give it: no number, any case.

    >>> _entry_key(" 2.1  Våra Medlemmar"), _entry_key("våra medlemmar")
    ('våra medlemmar', 'våra medlemmar')
    """
    return " ".join(regex.sub(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+", "", line).casefold().split())


def _listed_again(stripped: str, i: int, last: dict[str, int]) -> bool:
    """Does the short line ``i`` stand again further down (a contents entry and its heading)?"""
    return bool(stripped) and len(stripped.split()) <= MAX_HEADING_WORDS and last.get(_entry_key(stripped), -1) > i


def _width(indent: str) -> int:
    return len(indent.replace("\t", "    "))


def short_title(text: str) -> bool:
    text = clean_inline(text)
    return (len(text) <= MAX_HEADING_CHARS and len(text.split()) <= MAX_HEADING_WORDS
            and not TERMINAL.search(text) and not HAS_TARGET_WORDING.search(text))


def _is_caps_heading(text: str) -> bool:
    """A short ALL-CAPS line, also with one closing full stop (``MEDLEMMAR.``).

    >>> [_is_caps_heading(t) for t in ("MEDLEMMAR", "VÅRA MÅL.", "SE NEDAN...", "OBS, VIKTIGT,", "A")]
    [True, True, False, False, False]
    """
    if LOWER_LETTER.search(text):
        return False  # a lower-case letter: most lines, told at once
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= 2 and all(c.isupper() for c in letters)
            and len(text.split()) <= MAX_HEADING_WORDS and not text.endswith(("..", ","))
            and not BULLET.match(text) and not DATE_STAMP.search(text))


def _numbered_items_as_headings(lines: list[_Line]) -> list[_Line]:
    """``2. Mål`` followed by prose or by a list of its own is a heading; ``2. Värva ...``
    after ``1. Arrangera ...`` is a list item, and so is a numbered line that wraps on into
    lower case. Only the neighbours can tell them apart.

    >>> [ln.kind for ln in _numbered_items_as_headings(classify(["1. Vi ordnar fyra kurser i år och",
    ...     "söker ledare.", "3. Vi ska ha fest."]))]
    ['item', 'text', 'item']
    """
    content = [ln for ln in lines if ln.kind != "blank"]
    for i, ln in enumerate(content):
        if ln.kind != "item" or not (ln.marker or "").isdigit() or ln.indent:
            continue
        n = int(ln.marker or 0)
        prev = content[i - 1] if i else None
        nxt = content[i + 1] if i + 1 < len(content) else None
        in_sequence = _item_numbered(prev, n - 1) or _item_numbered(nxt, n + 1)
        wraps_on = nxt is not None and nxt.kind == "text" and LOWER_LETTER.match(nxt.text) is not None
        if not in_sequence and nxt is not None and nxt.kind in ("text", "item", "heading") and short_title(ln.text) \
                and not wraps_on:
            ln.kind, ln.level, ln.cue = "heading", 1, Cue.NUMBERED
    return lines


def _item_numbered(ln: _Line | None, n: int) -> bool:
    return ln is not None and ln.kind == "item" and ln.marker == str(n)


def lines_to_blocks(raw: list[str]) -> list[Block]:
    """Group classified lines into blocks: wrapped lines join their paragraph or item."""
    lines = classify(raw)
    width = _wrap_width(lines)
    separate = unwrapped_run(lines)
    listed = _one_per_line_items(lines, width) | separate | short_line_runs(lines)
    blocks: list[Block] = []
    current: _Line | None = None  # the paragraph or item being built
    parts: list[str] = []
    item_indents: list[int] = []
    row_id = 0

    def flush() -> None:
        nonlocal current, parts
        if current is not None and parts:
            text = join_wrapped(parts)
            if current.kind == "item":
                blocks.append(Block(text, Kind.LIST_ITEM, current.level, None, current.number))
            else:
                blocks.append(Block(text, Kind.PARAGRAPH, None, None, current.number))
        current, parts = None, []

    for idx, ln in enumerate(lines):
        if ln.kind in ("blank", "rule"):
            flush()
            continue
        if ln.kind == "row":
            flush()
            row_id += 1
            for col, cell in enumerate(ln.cells):
                if cell:
                    blocks.append(Block(cell, Kind.TABLE_CELL, None, None, ln.number, row=row_id, col=col))
            continue
        if ln.kind == "heading":
            flush()
            blocks.append(Block(ln.text, Kind.HEADING, ln.level, None, ln.number, ln.cue))
            continue
        if ln.kind == "item" and bullet_heads_prose(lines, idx):
            flush()
            blocks.append(Block(ln.text, Kind.HEADING, None, None, ln.number, Cue.PLAIN))
            continue
        if ln.kind == "item":
            flush()
            item_indents = [d for d in item_indents if d < ln.indent] + [ln.indent]
            ln.level = len(item_indents) - 1
            current, parts = ln, [ln.text]
            continue
        # a text line: continue the open paragraph/item, or start a paragraph
        if current is not None and idx not in listed and not heads_next_list(parts[-1], lines, idx) \
                and not heads_labelled_lines(parts[-1], lines, idx) \
                and not (current.kind == "item" and heads_block_below(parts[-1], lines, idx)) \
                and _continues(parts[-1], ln, current, width):
            parts.append(ln.text)
            continue
        flush()
        if idx in listed:
            blocks.append(Block(ln.text, Kind.LIST_ITEM, 0, None, ln.number))
            continue
        if current is None and (_title_like(ln, lines, idx, width) or heads_labelled_lines("", lines, idx)):
            blocks.append(Block(ln.text, Kind.HEADING, None, None, ln.number, Cue.PLAIN))
            continue
        item_indents = []
        current, parts = ln, [ln.text]
    flush()
    return one_sentence_runs(blocks)


def one_sentence_runs(blocks: list[Block]) -> list[Block]:
    """Paragraphs of one short sentence each, ``MIN_SENTENCE_RUN`` or more in a row, are a
    list that lost its marks (one activity per line), not prose; sentences that only say
    what is (``Klubben är ...``) are left as prose. (Plain text only: Word and PDF
    paragraphs are often one sentence each.)

    >>> p = lambda t: Block(t, Kind.PARAGRAPH)
    >>> [b.kind.value for b in one_sentence_runs([p("Vi ordnar fester."), p("Vi målar stugan."),
    ...     p("Vi reser till Åland."), p("Vi har årsmöte i mars."), p("Kören sjunger i maj."),
    ...     p("Lång text. Med två meningar.")])]
    ['list_item', 'list_item', 'list_item', 'list_item', 'list_item', 'paragraph']
    """
    out = list(blocks)
    run: list[int] = []
    for i in range(len(blocks) + 1):
        b = blocks[i] if i < len(blocks) else None
        if b is not None and b.kind is Kind.PARAGRAPH and len(b.text.split()) <= MAX_LINE_ITEM_WORDS \
                and not SENTENCE_INSIDE.search(b.text) and not DATE_STAMP.search(b.text):
            run.append(i)
            continue
        run = [j for j in run if not STATE_VERB.search(blocks[j].text)]
        if len(run) >= MIN_SENTENCE_RUN:
            for j in run:
                out[j] = Block(blocks[j].text, Kind.LIST_ITEM, 0, blocks[j].page, blocks[j].line)
        run = []
    return out


def _one_per_line_items(lines: list[_Line], width: int) -> set[int]:
    """Indexes of the lines that are items of a list written one per line without marks.

    Three or more short title-like lines in a row, with no blank line between them, are
    not all headings: they are a list, and only a line of one or two words that does
    not follow another such heading heads the items after it. A name in such a run
    (``Anna Lind``, a signature) is no item.

    >>> lines = classify(["Resor", "En dag vid havet", "Vandring i fjällen", "Möten", "Höstmöte i byn"])
    >>> sorted(_one_per_line_items(lines, 0))
    [1, 2, 4]
    """
    listed: set[int] = set()
    run: list[int] = []
    for idx in range(len(lines) + 1):
        ln = lines[idx] if idx < len(lines) else None
        if ln is not None and ln.kind == "text" and _title_like_text(ln.text) \
                and not (width and width <= 120 and len(ln.text) >= 0.7 * width):
            run.append(idx)
            continue
        if len(run) >= 3:
            heading_before = False
            for k, i in enumerate(run):
                short = len(lines[i].text.split()) <= 2 and k + 1 < len(run)
                if short and not heading_before:
                    heading_before = True
                else:
                    heading_before = False
                    if not _name_like(lines[i].text):
                        listed.add(i)
        run = []
    return listed


def short_line_runs(lines: list[_Line]) -> set[int]:
    """Indexes of the lines of a run of ``MIN_SHORT_LINE_RUN`` or more very short lines,
    each standing alone between blank lines, with no text between them: the cells of a
    table whose header was not recognised, or a list set apart line by line, but not that
    many headings in a row (a heading has text under it). They are read as items. The
    text's first line is left out: it is the title's place.

    >>> words = ["Vårfest", "Styrelsen", "Maj", "Loppis", "Anna", "Juni", "Julfest", "Bo", "December"]
    >>> sorted(short_line_runs(classify([line for word in ["Plan", *words] for line in (word, "")])))
    [2, 4, 6, 8, 10, 12, 14, 16, 18]
    >>> short_line_runs(classify([line for word in ["Plan", *words[:7]] for line in (word, "")]))
    set()
    """
    found: set[int] = set()
    run: list[int] = []
    first = next((i for i, ln in enumerate(lines) if ln.kind != "blank"), 0)
    for idx in range(len(lines) + 1):
        ln = lines[idx] if idx < len(lines) else None
        if ln is not None and ln.kind == "blank":
            continue
        if ln is not None and ln.kind == "text" and idx != first and _short_standalone(lines, idx):
            run.append(idx)
            continue
        if len(run) >= MIN_SHORT_LINE_RUN:
            found.update(run)
        run = []
    return found


def _short_standalone(lines: list[_Line], idx: int) -> bool:
    """A line of at most ``MAX_SHORT_LINE_WORDS`` words without closing punctuation, with
    a blank line (or the edge of the text) above and below it."""
    text = lines[idx].text
    alone = (idx == 0 or lines[idx - 1].kind == "blank") and (idx + 1 == len(lines) or lines[idx + 1].kind == "blank")
    return alone and len(text.split()) <= MAX_SHORT_LINE_WORDS and len(text) <= MAX_SHORT_LINE_CHARS \
        and not TERMINAL.search(text)


def unwrapped_run(lines: list[_Line]) -> set[int]:
    """Indexes of the lines of a run, ``MIN_UNWRAPPED_RUN`` or more with no blank line
    between them, that was never wrapped: one item a line whose marks were lost. Wrapped
    text breaks its lines near one width, so most lines but the last come close to the
    longest; lines of a list end wherever their item does (``mitten av maj, Vårmöte``).

    >>> run = ["Städdag vid stugan.", "mitten av maj, Vårmöte", "Utflykt till Gotland i juni med buss.",
    ...        "Kräftskiva", "Höstmöte (första lördagen i oktober)."]
    >>> sorted(unwrapped_run(classify(["Vi ses.", ""] + run)))  # under no heading: left as it is
    []
    >>> sorted(unwrapped_run(classify(["Höst", ""] + run)))
    [2, 3, 4, 5, 6]
    >>> unwrapped_run(classify(["Vi ska under året ordna en fest för alla", "medlemmar och deras familjer",
    ...     "i stugan vid sjön och sedan också bjuda", "in grannarna till en vårstädning av",
    ...     "stranden. Vi hoppas på fint väder."]))
    set()
    """
    found: set[int] = set()
    run: list[int] = []
    for idx in range(len(lines) + 1):
        if idx < len(lines) and lines[idx].kind == "text":
            run.append(idx)
            continue
        if len(run) >= MIN_UNWRAPPED_RUN and _under_heading(lines, run[0]) and _never_wrapped([lines[i].text for i in run]):
            found.update(run)
        run = []
    return found


def _under_heading(lines: list[_Line], start: int) -> bool:
    """Does the run starting at ``start`` stand alone under a short heading line, a blank
    line between them (``Höst`` / blank / the items)?"""
    before = [ln for ln in lines[:start] if ln.kind != "blank"]
    return start > 0 and lines[start - 1].kind == "blank" and bool(before) \
        and (before[-1].kind == "heading" or _title_like_text(before[-1].text))


def _never_wrapped(texts: list[str]) -> bool:
    """Do these lines end where their items end, not where a width broke them? A wrapped
    line breaks because the next word would not fit; here it would have fitted after most
    lines, and few lines go on in lower case (as wrapped sentences do).

    >>> _never_wrapped(["Kräftskiva vid sjön i augusti", "Vårmöte", "Julfest", "Loppis"]), _never_wrapped(["Vi ska ordna", "en fest i maj"])
    (True, False)
    """
    longest = max(len(t) for t in texts)
    if longest > MAX_UNWRAPPED_CHARS or any(t.endswith("-") for t in texts):
        return False
    fitted = sum(1 for t, nxt in zip(texts, texts[1:]) if len(t) + 1 + len(nxt.split()[0]) <= longest)
    lower = sum(1 for t in texts if LOWER_LETTER.match(t))
    return fitted * 3 >= 2 * (len(texts) - 1) and lower * 4 <= len(texts)


def _name_like(text: str) -> bool:
    """Two or three words, each capitalised: a person's name, not an item.

    >>> _name_like("Anna Lind"), _name_like("Höstmöte i byn"), _name_like("Ordna")
    (True, False, False)
    """
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words)


def _wrap_width(lines: list[_Line]) -> int:
    """The width at which a hard-wrapped text breaks its lines (0 when lines are not wrapped)."""
    lengths = sorted(len(ln.text) for ln in lines if ln.kind in ("text", "item"))
    if len(lengths) < 8:
        return 0
    return lengths[int(len(lengths) * 0.9)]


def _continues(previous: str, ln: _Line, current: _Line, width: int) -> bool:
    """Does text line ``ln`` go on from ``previous`` (a wrapped line) rather than start anew?"""
    if repeats_opening(previous, ln.text):
        return False
    if previous.endswith("-") or breaks_off(previous):
        return True
    if not LETTER.search(previous):
        return False  # a value standing alone (``25%``, ``2031``): a table's cell, not a wrapped line
    if QUANTITY_LINE.fullmatch(ln.text):
        return True  # a count under text (``4 tillfällen``) goes with it: a flattened row, no heading
    if LOWER_COMMA_OR_DASH_START.match(ln.text):
        return True
    if DATE_STAMP.search(ln.text) and len(ln.text.split()) <= MAX_STAMP_WORDS:
        return False  # a place-and-date line under the text stands alone
    if current.kind == "item" and (ln.indent > 0):
        return True
    if width and len(previous) >= 0.7 * width and width <= 120:
        # the previous line was wrapped at the page width, unless it ended a sentence and
        # this one is a short title-like line: a heading between wrapped paragraphs
        return not (TERMINAL.search(previous) and _title_like_text(ln.text) and len(ln.text) < 0.7 * width)
    return not TERMINAL.search(previous) and not _title_like_text(ln.text)


def _after(lines: list[_Line], idx: int, skipped: tuple[str, ...]) -> _Line | None:
    """The first line after ``idx`` of a kind not in ``skipped`` (read on from ``idx``, not
    from a copy of the rest: this is asked of every line)."""
    return next((lines[k] for k in range(idx + 1, len(lines)) if lines[k].kind not in skipped), None)


def heads_next_list(previous: str, lines: list[_Line], idx: int) -> bool:
    """Is the title-like line ``idx``, right after wrapped text and right above a list
    item, the heading of that list rather than the end of the text above? Not when the
    text above breaks off on a word no sentence ends with (``och``, ``med``).

    >>> lines = classify(["- Alla medlemmar ska få veta vad styrelsen gör", "Våra mål", "- Fler medlemmar"])
    >>> heads_next_list(lines[0].text, lines, 1), heads_next_list("- Vi samarbetar med", lines, 1)
    (True, False)
    """
    ln = lines[idx]
    following = _after(lines, idx, ("blank",))
    last_word = previous.split()[-1].lower() if previous.split() else ""
    return following is not None and following.kind == "item" and following.marker == "bullet" \
        and _title_like_text(ln.text) and last_word not in OPEN_ENDINGS


def heads_labelled_lines(previous: str, lines: list[_Line], idx: int) -> bool:
    """Is line ``idx``, short and like a heading but for its commas (``Barn och unga,
    simning``), right above a field line (``Ansvarig: Styrelsen``) or a ``Rubrik:`` label,
    the heading of the part those lines label, not the end of the text or item above it?
    Not when the text above breaks off on a word no sentence ends with, nor for a
    person's name and title over a contact line (``Anna Lind, ordförande`` / ``Tel: 070 ...``).

    >>> lines = classify(["- Öka antalet starter", "Vuxna, simning", "Ansvarig: Styrelsen", "Vi tränar."])
    >>> heads_labelled_lines(lines[0].text, lines, 1), heads_labelled_lines("- Samarbeta med", lines, 1)
    (True, False)
    >>> heads_labelled_lines("", classify(["Anna Lind, ordförande", "Tel: 070 123 45 67"]), 0)
    False
    """
    ln = lines[idx]
    nxt = lines[idx + 1] if idx + 1 < len(lines) else None
    if nxt is None or ln.kind != "text" or ln.indent or FIELD_LINE.match(ln.text) or breaks_off(previous) \
            or previous.endswith("-") or (previous.split() or [""])[-1].lower() in OPEN_ENDINGS:
        return False
    labelled = nxt.kind == "heading" and nxt.cue is Cue.LABEL \
        or nxt.kind == "text" and FIELD_LINE.match(nxt.text) is not None and not regex.search(r"[\d@]", nxt.text)
    head = ln.text.split(",")[0]
    return labelled and _title_like_text(ln.text.replace(",", " ")) and not _name_like(head)


def bullet_heads_prose(lines: list[_Line], idx: int) -> bool:
    """Is the bulleted line ``idx``, a name of a few words (``• Konserter``), the heading
    of the prose right under it, which opens a sentence of its own on the next line (not
    indented, capitalised) rather than wrapping on from the bullet's words? Not the last
    item of a list (an item above it), nor an item over a place-and-date line.

    >>> lines = classify(["Vi sjunger.", "• Konserter", "Under året ger kören fyra konserter i kyrkan.",
    ...                   "• Fler sångare", "Lindby den 3 mars 2031, styrelsen"])
    >>> bullet_heads_prose(lines, 1), bullet_heads_prose(lines, 3)
    (True, False)
    >>> lines = classify(["• Ordna fester", "• Måla stugan", "Stugan behöver målas om i sommar, tycker vi."])
    >>> bullet_heads_prose(lines, 1)
    False
    """
    ln = lines[idx]
    nxt = lines[idx + 1] if idx + 1 < len(lines) else None
    above = next((lines[k] for k in range(idx - 1, -1, -1) if lines[k].kind != "blank"), None)
    return ln.marker == "bullet" and len(ln.text.split()) <= MAX_BULLET_HEADING_WORDS and _title_like_text(ln.text) \
        and not breaks_off(ln.text) and (above is None or above.kind != "item") \
        and nxt is not None and nxt.kind == "text" and not nxt.indent and not DATE_STAMP.search(nxt.text) \
        and regex.match(r"\p{Lu}\p{Ll}", nxt.text) is not None and len(nxt.text.split()) >= MIN_PROSE_LINE_WORDS


def heads_block_below(previous: str, lines: list[_Line], idx: int) -> bool:
    """Is the title-like line ``idx``, under an item and over a blank line, the heading of
    the block below rather than the item's last wrapped line (indented like it)? Not when
    the item breaks off on a word no sentence ends with, nor for a note (``Källa: ...``).

    >>> lines = classify(["- Värva fler unga", "  Våra aktiviteter", "", "Vårfest"])
    >>> heads_block_below(lines[0].text, lines, 1), heads_block_below("- Samarbeta med", lines, 1)
    (True, False)
    """
    after = lines[idx + 1] if idx + 1 < len(lines) else None
    last_word = previous.split()[-1].lower() if previous.split() else ""
    return after is not None and after.kind == "blank" and _title_like_text(lines[idx].text) \
        and ":" not in lines[idx].text and last_word not in OPEN_ENDINGS and _after(lines, idx, ("blank",)) is not None


def repeats_opening(previous: str, text: str) -> bool:
    """Does the line open with the same three words as the line above (a web page's title
    over the document's own title line)? Then it starts anew.

    >>> repeats_opening("Plan för Lindby Kör 2031", "Plan för Lindby Kör och")
    True
    """
    first, second = previous.casefold().split()[:3], text.casefold().split()[:3]
    return len(first) == 3 and first == second


def breaks_off(text: str) -> bool:
    """Does the line end on a word no sentence or heading ends with (``... lokalförening i``)?
    Then it goes on in the next line, whatever that line looks like.

    >>> breaks_off("Plan för Lindby Kör och"), breaks_off("Plan för Lindby Kör")
    (True, False)
    """
    words = text.split()
    return len(words) > 1 and words[-1].lower() in BREAK_OFF_WORDS


def _title_like_text(text: str) -> bool:
    """Could this line be a heading by its words alone: short, capitalised, no comma, no
    closing punctuation but a question mark on a short question (``Varför?``), and words
    at all (``2031``, ``60%`` alone are a year and a value)?

    >>> [_title_like_text(t) for t in ("Våra resor", "Vart går vi?", "Vi åker.", "Resor, möten", "Lindby 2031 03 14",
    ...                                "60%")]
    [True, True, False, False, False, False]
    """
    if not UPPER_START.match(text) or "," in text or DATE_STAMP.search(text) or not LETTER.search(text):
        return False
    if text.endswith("?") and not text.endswith("??"):
        return len(text.split()) <= MAX_QUESTION_WORDS and short_title(text[:-1])
    return short_title(text)


def _title_like(ln: _Line, lines: list[_Line], idx: int, width: int) -> bool:
    """A short line standing alone, without final punctuation, followed by body text
    (in lower case too when a list follows it: ``prestation`` over its items)."""
    if _lower_case_list_heading(lines, idx) or _exclamation_heading(lines, idx):
        return True
    if not _title_like_text(ln.text) or ln.text.endswith("-") or breaks_off(ln.text) or heads_nothing(ln.text) \
            or _signature(lines, idx):
        return False
    if width and width <= 120 and len(ln.text) >= 0.7 * width:
        return False
    following = lines[idx + 1] if idx + 1 < len(lines) else None
    if following is not None and following.kind == "text" and LOWER_OR_COMMA_START.match(following.text):
        return False  # the line wraps on into lowercase text: a paragraph, not a heading
    return _after(lines, idx, ("blank", "rule")) is not None


def _exclamation_heading(lines: list[_Line], idx: int) -> bool:
    """A short exclamation standing alone over prose heads it (``Så firar vi jubileet!``
    over its paragraph); one over a name or a short line, or ending the text, is a
    greeting (``Väl mött!`` above the board's signature).

    >>> _exclamation_heading(classify(["", "Så firar vi jubileet!", "", "Under hösten bjuder vi in alla."]), 1)
    True
    >>> _exclamation_heading(classify(["", "Väl mött!", "", "Styrelsen"]), 1)
    False
    """
    text = lines[idx].text
    before = lines[idx - 1] if idx else None
    after = lines[idx + 1] if idx + 1 < len(lines) else None
    following = _after(lines, idx, ("blank",))
    return text.endswith("!") and not text.endswith("!!") and len(text.split()) <= MAX_QUESTION_WORDS \
        and _title_like_text(text[:-1]) and (before is None or before.kind == "blank") \
        and after is not None and after.kind == "blank" and following is not None and following.kind == "text" \
        and len(following.text.split()) >= MIN_PROSE_LINE_WORDS


def heads_nothing(text: str) -> bool:
    """Is a short line standing alone still no heading by its form: a field and its value
    (``Foto: Anna Lind``, ``Ansvarig: Kassören``), a quotation (a motto), a note in
    parentheses, a link (``Läs mer >>``), a web page's own controls, the page's name
    in its address (``Ett-år-i-Lindby-Kör``, a breadcrumb) or a newsletter's issue
    number (``Nr 3/2031``)?

    >>> [heads_nothing(t) for t in ("Foto: Anna Lind", "”Seglats för alla”", "(se bilaga)", "Läs mer >>",
    ...                             "Uppdaterad Publicerad", "Ett-år-i-Lindby-Kör", "Nr 3/2031", "Mål 2: Fler seglare",
    ...                             "Våra resor", "Kick-off")]
    [True, True, True, True, True, True, True, False, False, False]
    """
    return FIELD_LINE.match(text) is not None or QUOTED_LINE.fullmatch(text) is not None \
        or text.endswith(LINK_ENDINGS) or web_chrome(text) or URL_SLUG.fullmatch(text) is not None \
        or ISSUE_NUMBER.fullmatch(text) is not None


def web_chrome(text: str) -> bool:
    """Is the line made only of the words of a web page's controls (``WEB_CHROME``)?

    >>> web_chrome("Uppdaterad Publicerad"), web_chrome("Dela sidan Skriv ut"), web_chrome("Dela med dig")
    (True, True, False)
    """
    words = WORDS.findall(text.casefold())
    i = 0
    while i < len(words):
        if not (n := WEB_CHROME.longest_opening(words[i:])):
            return False
        i += n
    return bool(words)


def _signature(lines: list[_Line], idx: int) -> bool:
    """Is the line a name signing the plan, right under its place-and-date line
    (``Lindby 2031 03 14`` / ``Anna Lind``)?

    >>> _signature(classify(["Lindby den 3 mars 2031", "Anna Lind", "Ordförande"]), 1)
    True
    """
    above = lines[idx - 1] if idx else None
    return above is not None and above.kind == "text" and DATE_STAMP.search(above.text) is not None \
        and len(above.text.split()) <= MAX_STAMP_WORDS and _name_like(lines[idx].text)


def _lower_case_list_heading(lines: list[_Line], idx: int) -> bool:
    """A short lower-case line between blank lines, right above a list, heads that list.

    >>> _lower_case_list_heading(classify(["", "ekonomi", "", "- Sälja lotter"]), 1)
    True
    >>> _lower_case_list_heading(classify(["", "och sedan", "mer text"]), 1)
    False
    """
    text = lines[idx].text
    if len(text.split()) > MAX_LOWER_HEADING_WORDS or TERMINAL.search(text) or not LOWER_LETTER.match(text):
        return False
    before = lines[idx - 1] if idx else None
    after = lines[idx + 1] if idx + 1 < len(lines) else None
    following = _after(lines, idx, ("blank",))
    return (before is None or before.kind == "blank") and after is not None and after.kind == "blank" \
        and following is not None and following.kind == "item"


HYPHEN_JOIN = regex.compile(r"(\p{Ll})-$")
SUSPENDED = regex.compile(r"^(?:och|eller|samt|resp|respektive|till)\b")


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines; a word hyphenated at a line end is joined again
    (``verksamhets-`` + ``plan``) unless it is a suspended compound (``kommun- och``).
    Linear in the number of lines: each joint looks only at the two lines it joins.

    >>> join_wrapped(["Vår verksamhets-", "plan gäller kommun-", "och regionval."])
    'Vår verksamhetsplan gäller kommun- och regionval.'
    """
    out = [parts[0]]
    for part in parts[1:]:
        if HYPHEN_JOIN.search(out[-1][-2:]) and LOWER_LETTER.match(part) and not SUSPENDED.match(part):
            out[-1] = out[-1][:-1]
            out.append(part)
        else:
            out.append(" ")
            out.append(part)
    return "".join(out)


def typed_numbers_as_headings(blocks: list[Block]) -> list[Block]:
    """For readers of styled formats: ``2. Medlemmar`` typed into a plain paragraph and
    followed by text is a heading; ``2. Värva ...`` after ``1. Arrangera ...`` is a list item.
    Items carry their ``typed_number`` until this pass."""
    def number(b: Block | None) -> int | None:
        return b.typed_number if b is not None else None

    out = []
    for i, b in enumerate(blocks):
        n = number(b)
        if n is not None:
            prev = blocks[i - 1] if i else None
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            in_sequence = number(prev) == n - 1 or number(nxt) == n + 1
            if not in_sequence and nxt is not None and nxt.kind is not Kind.TABLE_CELL and short_title(b.text):
                b = Block(b.text, Kind.HEADING, 1, b.page, b.line, Cue.NUMBERED)
            else:
                b = Block(b.text, b.kind, b.level, b.page, b.line)
        out.append(b)
    return out


def pipe_row(text: str) -> list[str] | None:
    """Cells of a table row typed as ``| a | b |`` text ([] for a ``|---|`` rule), else None.
    Word and PDF plans carry such rows when a Markdown table was pasted into them."""
    if not TABLE_ROW.match(text):
        return None
    if TABLE_RULE.match(text):
        return []
    return [clean_inline(c) for c in TABLE_ROW.match(text)["cells"].split("|")]
