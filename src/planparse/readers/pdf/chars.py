"""The character backend: a PDF's pages as positioned characters grouped into text lines.

pdfium reads a page's characters with their boxes, sizes and fonts in about a millisecond,
where pdfminer (under pdfplumber) takes a hundred, so pdfium reads every file it can open;
pdfplumber stays for files pdfium refuses, which pdfminer can often repair. Both give the
same immutable ``Page``s, so the layout steps after this do not know which library read
a page.
"""
from __future__ import annotations

import ctypes
import io
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Generic, Iterator, NamedTuple, TypeVar, overload

import pypdfium2 as pdfium  # installed with pdfplumber
import pypdfium2.raw as raw
import regex

from ...errors import InputError

BOLD_FONT = regex.compile(r"bold|black|heavy|semibold|demi", regex.I)
COLUMN_GAP = 12.0  # points: a wider space inside a line is the space between two columns
DESCENT = 0.22  # of the font size, below the baseline
#: PDFs longer than this are read up to this many pages (README, "Limits")
MAX_PAGES = 200
#: a page with more characters than this is no plan's page (README, "Limits")
MAX_PAGE_CHARS = 200_000
#: drawn paths read per page for ruled tables; a grid of more is artwork (README, "Limits")
MAX_PAGE_PATHS = 5_000
#: ligature characters (ﬁ, ﬂ, ...) as the letters they join
LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}

T = TypeVar("T")
Box = tuple[float, float, float, float]  # x0, top, x1, bottom, y growing down the page


class Char(NamedTuple):
    """One character where it stands (a tuple: a page can hold many thousands)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str

    @property
    def bold(self) -> bool:
        return _is_bold(self.font)


class _once(Generic[T]):
    """``functools.cached_property`` without its lock: on Python 3.11 that takes an RLock
    on every first read, a tenth of the time of putting a page's lines in order. A line
    is measured by the one thread that reads its page."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, line: None, owner: type | None = None) -> _once[T]: ...
    @overload
    def __get__(self, line: object, owner: type | None = None) -> T: ...

    def __get__(self, line, owner=None):
        if line is None:
            return self
        value = line.__dict__[self.name] = self.compute(line)  # read from there from now on
        return value


@dataclass(frozen=True)
class TextLine:
    """Characters the backend put on one line, left to right; what is measured from them
    is derived on first use, as pdfplumber derives its views."""

    chars: tuple[Char, ...]
    text: str

    @_once
    def visible(self) -> tuple[Char, ...]:
        return tuple([c for c in self.chars if c.text.strip()])

    @_once
    def columns(self) -> tuple[tuple, ...]:
        """The visible characters' fields column by column: (texts, x0s, x1s, tops,
        bottoms, sizes, fonts), () when none is visible. Each measure below reads one or
        two columns, not every character through its attribute names."""
        return tuple(zip(*self.visible))

    @_once
    def box(self) -> Box:
        _, x0s, x1s, tops, bottoms, _, _ = self.columns or tuple(zip(*self.chars))
        return (min(x0s), min(tops), max(x1s), max(bottoms))

    @property
    def x0(self) -> float:
        return self.box[0]

    @property
    def top(self) -> float:
        return self.box[1]

    @property
    def x1(self) -> float:
        return self.box[2]

    @property
    def bottom(self) -> float:
        return self.box[3]

    @_once
    def sizes(self) -> Counter[float]:
        """How many of the line's characters are set in each size."""
        return Counter(self.columns[5]) if self.columns else Counter()

    @_once
    def size(self) -> float:
        """The size most of the line's characters are set in (told without counting when
        they all share one, as most lines' do)."""
        sizes = self.columns[5] if self.columns else ()
        if sizes and sizes.count(sizes[0]) == len(sizes):
            return round(sizes[0], 1)
        return round(self.sizes.most_common(1)[0][0], 1) if self.sizes else 0.0

    @property
    def smallest(self) -> float | None:
        """The size of the line's smallest visible character; None when none is visible."""
        return min(self.columns[5]) if self.columns else None

    @_once
    def bold(self) -> bool:
        return sum(map(_is_bold, self.columns[6])) >= 0.8 * len(self.visible) > 0 if self.columns else False

    @_once
    def spans(self) -> tuple[tuple[float, float], ...]:
        """The stretches of the line's text, split where a gap is wide enough to be a gutter."""
        spans: list[tuple[float, float]] = []
        start = end = 0.0
        for a, b in sorted(zip(*self.columns[1:3])):
            if spans and a - end < COLUMN_GAP:
                if b > end:
                    end = b
                    spans[-1] = (start, end)
            else:
                start, end = a, b
                spans.append((start, end))
        return tuple(spans)


def line_of(chars: list[Char] | tuple[Char, ...]) -> TextLine:
    """A text line made of some characters, left to right, a space where a gap shows one."""
    unique = {(round(c.x0, 1), round(c.top, 1), c.text) if len(c.text) > 1 else k: c
              for k, c in enumerate(chars) if c.text.strip()}  # a ligature some extractors report twice
    ordered = sorted(unique.values(), key=lambda c: c.x0)
    if not ordered:
        return TextLine((), "")
    text = ordered[0].text
    for a, b in zip(ordered, ordered[1:]):
        text += (" " if b.x0 - a.x1 > 0.15 * max(a.size, 1.0) else "") + b.text
    return TextLine(tuple(ordered), text)


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    lines: tuple[TextLine, ...]
    rules: tuple[Box, ...]  # thin drawn paths and rectangles: the rules of ruled tables


def read_pages(data: bytes) -> Iterator[Page]:
    """The plan's pages, the first ``MAX_PAGES`` of them."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise InputError("the PDF is encrypted; save an unprotected copy first") from None
        yield from _pdfplumber_pages(data)  # pdfminer repairs some files pdfium will not open
        return
    try:
        count = len(doc)
        if count <= 0:
            raise InputError("the PDF has no pages")
        for index in range(min(count, MAX_PAGES)):
            yield _pdfium_page(doc, index)
    finally:
        doc.close()


def _pdfium_page(doc, index: int) -> Page:
    try:
        page = doc[index]
    except pdfium.PdfiumError:
        raise InputError(f"page {index + 1} cannot be read (a broken page tree)") from None
    try:
        width, height = page.get_size()
        if not (math.isfinite(width) and math.isfinite(height)) or width <= 0 or height <= 0:
            raise InputError(f"page {index + 1} has no usable size")
        estimated, rules = _objects(page, height)
        if estimated > 5 * MAX_PAGE_CHARS:
            raise InputError(f"page {index + 1} holds far more than {MAX_PAGE_CHARS} characters (not a plan's page)")
        textpage = page.get_textpage()
        try:
            lines = _page_lines(textpage.raw, height, index + 1)
        finally:
            textpage.close()
        return Page(index + 1, float(width), float(height), tuple(ln for ln in lines if ln.text.strip()),
                    tuple(rules))
    finally:
        page.close()


def _objects(page, height: float) -> tuple[float, list[Box]]:
    """In one walk over the page's objects: how many characters its text objects hold at
    most, from their widths (no glyph is narrower than a fifth of its size; pdfium needs
    some 160 bytes a character for a text page, so a page packing millions into a few
    points must be refused before it), and its drawn paths, the rules of ruled tables (none
    on a page of more than ``MAX_PAGE_PATHS``: artwork, not a table)."""
    total = 0.0
    rules: list[Box] = []
    paths = 0
    size = ctypes.c_float()
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    matrix = raw.FS_MATRIX()
    for obj, kind in _text_and_paths(page.raw):
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        if kind == raw.FPDF_PAGEOBJ_PATH:
            paths += 1
            if paths <= MAX_PAGE_PATHS:
                rules.append((left.value, height - top.value, right.value, height - bottom.value))
            continue
        if not raw.FPDFTextObj_GetFontSize(obj, size):
            continue
        if not raw.FPDFPageObj_GetMatrix(obj, matrix):
            raise pdfium.PdfiumError("Failed to get matrix of pageobject.")
        drawn = size.value * math.hypot(matrix.c, matrix.d)
        if drawn > 0:
            total += (right.value - left.value) / (0.2 * drawn) + 1
    return total, rules if paths <= MAX_PAGE_PATHS else []


def _text_and_paths(parent, in_form: bool = False) -> Iterator[tuple[Any, int]]:
    """The text and path objects of a page (``parent``) and of the forms drawn on it, one
    level deep, with their types: what pypdfium2's ``get_objects(max_depth=2)`` gives, and
    fails on, without making a helper object (and its finalizer) for each."""
    if in_form:
        count_objects, get_object = raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject
    else:
        count_objects, get_object = raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject
    count = count_objects(parent)
    if count < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    for i in range(count):
        obj = get_object(parent, i)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_UNKNOWN:
            raise pdfium.PdfiumError("Failed to determine pageobject type, did you pass in a valid FPDF_PAGEOBJECT handle?")
        if kind in (raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_PATH):
            yield obj, kind
        elif kind == raw.FPDF_PAGEOBJ_FORM and not in_form:
            yield from _text_and_paths(obj, True)


def _page_lines(textpage, height: float, number: int) -> list[TextLine]:
    """A page's text lines, split where pdfium generates a line break. This loop runs once
    per character of a plan, so the C functions are bound to local names and a text
    object's font (its size as drawn and its name) is looked up once per object."""
    count = raw.FPDFText_CountChars(textpage)
    if count > MAX_PAGE_CHARS:
        raise InputError(f"page {number} holds {count} characters, over the limit of {MAX_PAGE_CHARS} "
                         "(not a plan's page)")
    get_unicode, text_object, get_box, get_origin = _char_functions()
    page = ctypes.cast(textpage, ctypes.c_void_p).value
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    box_at, x_at, y_at = ctypes.addressof(box), ctypes.addressof(x), ctypes.addressof(y)
    fonts: dict[int, tuple[float, str, bool]] = {}  # text object -> size, font name, upright
    new_char = tuple.__new__  # Char's own constructor is a Python function around this
    lines: list[TextLine] = []
    chars: list[Char] = []
    last_run = None
    for i in range(count):
        code = get_unicode(page, i)
        if code == 10 or code == 13:
            if chars:
                lines += _split_mixed(chars)
                chars = []
            continue
        if code == 0xFFFE or code == 2:  # a soft hyphen pdfium marks, or no character
            continue
        run = text_object(page, i)
        if not run or run != last_run:  # the same object as the character before: its font is at hand
            font = fonts.get(run) if run else None
            if font is None:
                font = _font_of(textpage, i, run)
                if run:
                    fonts[run] = font
            size, name, upright = font
            last_run = run
        if not upright:
            continue  # text turned along the page edge: a stamp or a margin note, not the plan
        get_box(page, i, box_at)
        get_origin(page, i, x_at, y_at)
        text = chr(code)
        if text in LIGATURES:
            text = LIGATURES[text]
        # a box one font size high from the baseline down by a typical descent, as
        # pdfminer draws it, so that gaps between lines measure as they did there
        bottom = height - (y.value - DESCENT * size)
        chars.append(new_char(Char, (text, box.left, box.right, bottom - size, bottom, size, name)))
    if chars:
        lines += _split_mixed(chars)
    return lines


def _split_mixed(chars: list[Char]) -> list[TextLine]:
    """A line as two where its size jumps by a fifth on another baseline: pdfium joins a
    title set beside the end of a body line (a text box) into that line."""
    if len({c.size for c in chars}) == 1:
        return [_text_line(chars)]  # one size throughout, as most lines are: no jump
    last: Char | None = None  # the last visible character before k
    for k, b in enumerate(chars):
        if not b.text.strip():
            continue
        if last is not None and abs(last.bottom - b.bottom) > 1.0 and max(last.size, b.size) > 1.2 * min(last.size, b.size) > 0:
            return [_text_line(chars[:k]), *_split_mixed(chars[k:])]
        last = b
    return [_text_line(chars)]


def _font_of(textpage, i: int, run: int | None) -> tuple[float, str, bool]:
    """Character ``i``'s font size as drawn (the font's size scaled by its text object's
    matrix: a Cairo PDF sets size 1 and scales), its font name, and whether it stands
    upright."""
    size = raw.FPDFText_GetFontSize(textpage, i)
    upright = True
    if run:
        matrix = raw.FS_MATRIX()
        if raw.FPDFPageObj_GetMatrix(ctypes.cast(run, raw.FPDF_PAGEOBJECT), matrix):
            scale = math.hypot(matrix.c, matrix.d)
            if scale > 0:
                size *= scale
            upright = matrix.a > 0 and abs(matrix.b) <= 0.1 * matrix.a
    return size, _font_name(textpage, i), upright


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
def _char_functions() -> tuple[Callable[..., Any], ...]:
    """pdfium's functions called for every character (FPDFText_GetUnicode,
    FPDFText_GetTextObject, FPDFText_GetLooseCharBox, FPDFText_GetCharOrigin) declared to
    take the text page and the result buffers as plain addresses: ctypes then converts
    no pointer object on each call, a fifth of the time of reading a page. The text object
    comes back as a plain int, a cheap dict key."""
    address, number = ctypes.c_void_p, ctypes.c_int

    def plain(fn, restype, *argtypes):
        return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)

    return (plain(raw.FPDFText_GetUnicode, ctypes.c_uint, address, number),
            plain(raw.FPDFText_GetTextObject, address, address, number),
            plain(raw.FPDFText_GetLooseCharBox, ctypes.c_int, address, number, address),
            plain(raw.FPDFText_GetCharOrigin, ctypes.c_int, address, number, address, address))


@lru_cache(maxsize=256)
def _is_bold(fontname: str) -> bool:
    return BOLD_FONT.search(fontname) is not None


def _text_line(chars: list[Char]) -> TextLine:
    return TextLine(tuple(chars), "".join(c.text for c in chars).strip())


def _pdfplumber_pages(data: bytes) -> Iterator[Page]:
    """The same pages read by pdfplumber (slower, more forgiving)."""
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
                if len(page.chars) > MAX_PAGE_CHARS:
                    raise InputError(f"page {number} holds over {MAX_PAGE_CHARS} characters (not a plan's page)")
                text_lines = page.extract_text_lines(return_chars=True, strip=True)
                edges = page.edges[:MAX_PAGE_PATHS]
            except InputError:
                raise
            except Exception as e:
                raise InputError(f"page {number} cannot be read ({type(e).__name__})") from None
            lines = tuple(TextLine(tuple(Char(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"],
                                              c.get("fontname", "")) for c in tl["chars"]), tl["text"])
                          for tl in text_lines if tl["text"].strip())
            rules = tuple((e["x0"], e["top"], e["x1"], e["bottom"]) for e in edges)
            yield Page(number, float(page.width), float(page.height), lines, rules)
