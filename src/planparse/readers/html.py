"""Web pages (.html, .htm): the page's main content as blocks, without its navigation.

Most plans are published as web pages. The page's chrome (navigation, banner, footer,
sidebars, cookie notices, scripts) is removed by element and ARIA role and by the class
names every site builder gives it; the main content is ``<main>``, else the ``<article>``
holding the most text, else the body. Headings ``h1``-``h6`` give levels, ``ul``/``ol``
items their nesting, tables their rows; a paragraph all in ``<strong>`` is a bold heading.
"""
from __future__ import annotations

import regex
from lxml import etree, html as lxml_html

from ..blocks import Block, Cue, Kind
from ..errors import InputError
from .flow import Container, Flow
from .text import decode

XML_DECLARATION = regex.compile(r"^\s*<\?xml[^>]*\?>")

CHROME_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg",
               "iframe", "button", "select", "head", "figure")
CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar")
#: class or id words of site chrome (matched as whole words, case-insensitive)
CHROME_NAME = regex.compile(r"(?<![\w-])(?:nav|navbar|navigation|menu|breadcrumbs?|sidebar|footer|site-header|"
                            r"masthead|cookies?|cookie-banner|skip-link|share|social|widget|pagination)(?![\w-])",
                            regex.I)
HEADINGS = {f"h{n}": n for n in range(1, 7)}
PARAGRAPHS = frozenset({"p", "div", "section", "article", "main", "blockquote", "dd", "dt", "pre", "address",
                        "figcaption", "center", "body", "legend", "details", "summary"})
LISTS = frozenset({"ul", "ol", "dl", "menu"})
BOLD = frozenset({"b", "strong"})
#: a superscript that is only a note's mark: ``1``, ``[2]``, ``*``
NOTE_MARK = regex.compile(r"^\s*(?:\[?\d{1,3}\]?|\*{1,3})\s*$")


def read_html(data: bytes) -> list[Block]:
    """Blocks of the main content of a web page given as raw bytes."""
    root = _parse(data)
    _drop_chrome(root)
    main = _main_content(root)
    blocks = _walk(main)
    if not blocks:
        raise InputError("the page has no text")
    return blocks


def _parse(data: bytes):
    """The page's element tree. Bytes are decoded as the text reader decodes them (UTF-8,
    UTF-16 with BOM, else cp1252), as pages often declare no or a wrong charset."""
    text = XML_DECLARATION.sub("", decode(data), count=1)
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise InputError(f"not a readable web page ({e})") from None
    if root is None:
        raise InputError("not a readable web page")
    return root


def _drop_chrome(root) -> None:
    """Remove the page's navigation, banners, footers and scripts (text after them stays)."""
    doomed = [el for el in root.iter(etree.Element) if _is_chrome(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _is_chrome(el) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in CHROME_TAGS or el.get("role", "") in CHROME_ROLES or el.get("aria-hidden") == "true" \
            or el.get("hidden") is not None:
        return tag not in ("header", "footer") or not _inside_article(el)
    names = f"{el.get('class', '')} {el.get('id', '')}"
    return tag not in ("body", "html", "main", "article") and bool(names.strip()) and CHROME_NAME.search(names) is not None


def _inside_article(el) -> bool:
    """A header or footer inside an article is the article's own (its title, its date)."""
    return any(a.tag in ("article", "main") for a in el.iterancestors())


def _main_content(root):
    mains = root.xpath("//main | //*[@role='main']")
    if mains:
        return mains[0]
    articles = root.xpath("//article")
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    body = root.find("body")
    return body if body is not None else root


def _walk(main) -> list[Block]:
    flow = Flow()
    depth = 0  # list nesting
    bold = 0   # <b>/<strong> open around the current text
    walker = etree.iterwalk(main, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag == "sup" and NOTE_MARK.match(el.text_content() or ""):
                walker.skip_subtree()  # a footnote's mark; its tail is read at its end
                continue
            bold += tag in BOLD
            depth += tag in LISTS
            container = _container(tag, depth)
            if tag == "tr":
                flow.new_row()
            if container is not None:
                flow.open(container)
            if tag == "br":
                flow.line_break()
            else:
                flow.text(el.text, bold > 0)
        else:
            if _container(tag, depth) is not None:
                flow.close()
            bold -= tag in BOLD
            depth -= tag in LISTS
            if el is not main:
                flow.text(el.tail, bold > 0)
    return flow.result()


def _container(tag: str, depth: int) -> Container | None:
    if tag in HEADINGS:
        return Container(Kind.HEADING, HEADINGS[tag], Cue.FORMAT)
    if tag == "li":
        return Container(Kind.LIST_ITEM, max(depth - 1, 0))
    if tag in ("td", "th"):
        return Container(Kind.TABLE_CELL)
    if tag in PARAGRAPHS:
        return Container(Kind.PARAGRAPH)
    return None
