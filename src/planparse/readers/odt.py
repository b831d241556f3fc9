"""OpenDocument text (.odt, LibreOffice Writer): the zip's content.xml read directly.

Headings are ``text:h`` with their outline level, or paragraphs whose style (through its
parents, in content.xml's automatic styles and styles.xml) is a heading or title style
or has a default outline level; lists give their nesting; table rows their cells; a
paragraph all in bold type is a bold heading. Footnotes, comments and the text of
tracked deletions are left out.
"""
from __future__ import annotations

import zipfile

import regex
from lxml import etree

from ..blocks import Block, Cue, Kind
from ..errors import InputError
from .flow import Container, Flow
from .package import open_package

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
T, TB, S = f"{{{TEXT}}}", f"{{{TABLE}}}", f"{{{STYLE}}}"
HEADING_STYLE = regex.compile(r"^(?:heading|rubrik|überschrift|titre)[ _0-9x]*?(?P<n>\d)?$", regex.I)
TITLE_STYLE = regex.compile(r"^(?:title|titel|dokumentrubrik)$", regex.I)
#: elements whose text is not the plan's: notes, comments, deleted text, frames' captions
SKIPPED = frozenset({f"{T}note", f"{{{OFFICE}}}annotation", f"{T}tracked-changes", f"{T}table-of-content",
                     f"{T}sequence-decls", f"{TB}covered-table-cell"})


class _Style:
    __slots__ = ("name", "parent", "outline", "bold")

    def __init__(self, el) -> None:
        self.name = el.get(f"{S}display-name") or el.get(f"{S}name", "")
        self.parent = el.get(f"{S}parent-style-name")
        outline = el.get(f"{S}default-outline-level")
        self.outline = int(outline) if outline and outline.isdigit() else None
        props = el.find(f"{S}text-properties")
        weight = props.get(f"{{{FO}}}font-weight") if props is not None else None
        self.bold = None if weight is None else weight in ("bold", "600", "700", "800", "900")


def read_odt(data: bytes) -> list[Block]:
    content, styles = _open(data)
    table = _styles(styles) | _styles(content)
    body = content.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    if body is None:
        raise InputError("not a valid .odt: content.xml holds no text body")
    blocks = _walk(body, table)
    if not blocks:
        raise InputError("the document has no text")
    return blocks


def _open(data: bytes):
    with open_package(data, ".odt", "content.xml", "an OpenDocument file") as archive:
        names = set(archive.namelist())
        parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
        try:
            content = etree.fromstring(archive.read("content.xml"), parser)
            styles = etree.fromstring(archive.read("styles.xml"), parser) if "styles.xml" in names else None
        except (etree.XMLSyntaxError, zipfile.BadZipFile, ValueError) as e:
            raise InputError(f"not a valid .odt: {type(e).__name__}") from None
    return content, styles


def _styles(root) -> dict[str, _Style]:
    if root is None:
        return {}
    return {el.get(f"{S}name", ""): _Style(el) for el in root.iter(f"{S}style")}


class _Resolver:
    """A paragraph style's heading level and boldness through its parent chain."""

    def __init__(self, styles: dict[str, _Style]) -> None:
        self.styles = styles
        self.cache: dict[str | None, tuple[int | None, Cue | None, bool]] = {}

    def __call__(self, name: str | None) -> tuple[int | None, Cue | None, bool]:
        if name not in self.cache:
            self.cache[name] = self._resolve(name)
        return self.cache[name]

    def _resolve(self, name: str | None) -> tuple[int | None, Cue | None, bool]:
        bold: bool | None = None
        seen: set[str] = set()
        while name and name in self.styles and name not in seen:
            seen.add(name)
            style = self.styles[name]
            if bold is None:
                bold = style.bold
            if TITLE_STYLE.match(style.name):
                return 1, Cue.TITLE, bool(bold)
            if m := HEADING_STYLE.match(style.name):
                return int(m["n"] or 1), Cue.FORMAT, bool(bold)
            if style.outline:
                return style.outline, Cue.FORMAT, bool(bold)
            name = style.parent
        return None, None, bool(bold)


def _walk(body, styles: dict[str, _Style]) -> list[Block]:
    flow = Flow()
    resolve = _Resolver(styles)
    depth = 0
    bold: list[bool] = [False]  # whether the text at each open span is bold
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in SKIPPED:
                walker.skip_subtree()
                continue
            depth += tag == f"{T}list"
            container, is_bold = _container(el, tag, depth, resolve, bold[-1])
            if tag == f"{TB}table-row":
                flow.new_row()
            if container is not None:
                flow.open(container)
            if tag in (f"{T}p", f"{T}h", f"{T}span"):
                bold.append(is_bold)
            _inline(flow, el, tag, bold[-1])
        else:
            if tag not in SKIPPED:
                if _container(el, tag, depth, resolve, bold[-1])[0] is not None:
                    flow.close()
                if tag in (f"{T}p", f"{T}h", f"{T}span"):
                    bold.pop()
                depth -= tag == f"{T}list"
            if el is not body:
                flow.text(el.tail, bold[-1])
    return flow.result()


def _container(el, tag: str, depth: int, resolve: _Resolver, outer_bold: bool) -> tuple[Container | None, bool]:
    """The block a tag opens, if any, and whether its text is bold."""
    style = el.get(f"{T}style-name")
    if tag == f"{T}h":
        level = el.get(f"{T}outline-level", "1")
        return Container(Kind.HEADING, int(level) if level.isdigit() and 0 < int(level) < 10 else 1, Cue.FORMAT), False
    if tag == f"{T}p":
        level, cue, bold = resolve(style)
        if level is not None:
            return Container(Kind.HEADING, level, cue), bold
        return Container(Kind.PARAGRAPH), bold
    if tag == f"{T}span":
        _, _, bold = resolve(style)
        return None, bold or outer_bold
    if tag == f"{T}list-item" or tag == f"{T}list-header":
        return Container(Kind.LIST_ITEM, max(depth - 1, 0)), False
    if tag == f"{TB}table-cell":
        return Container(Kind.TABLE_CELL), False
    return None, outer_bold


def _inline(flow: Flow, el, tag: str, bold: bool) -> None:
    """The text an element starts with; spaces, tabs and line breaks written as elements."""
    if tag == f"{T}s":
        count = el.get(f"{T}c", "1")
        flow.text(" " * min(int(count) if count.isdigit() else 1, 100), bold)
    elif tag == f"{T}tab":
        flow.text(" ", bold)
    elif tag == f"{T}line-break":
        flow.line_break()
    flow.text(el.text, bold)
