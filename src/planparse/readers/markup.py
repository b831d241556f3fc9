"""Rewrite wiki, LaTeX and HTML sources into the Markdown-like lines the text reader reads.

Plans reach us as saved web pages, wiki pages and LaTeX sources as often as Markdown. Each
dialect is detected from unmistakable markers and translated line by line, so headings,
list items and paragraphs come out as ``#`` lines, ``- `` items and blank-line paragraphs.
"""
from __future__ import annotations

import html
from html.parser import HTMLParser

import regex

HTML_MARKERS = regex.compile(r"<(?:h[1-6]|p|li|ul|ol|div|table|br|body|html)\b[^<>]{0,500}+>", regex.I)
#: lists nested deeper than this are indented no further (a plan has two or three levels)
MAX_LIST_DEPTH = 8
LATEX_MARKERS = regex.compile(r"\\(?:documentclass|section\*?\{|subsection\*?\{|begin\{(?:itemize|enumerate|document)\}|item\b)")
WIKI_HEADING = regex.compile(r"^(?P<eq>={1,6})\s*(?P<text>[^=].*?)\s*(?P=eq)\s*$", regex.M)


def to_markdownish(text: str) -> str:
    """Text with any wiki, LaTeX or HTML markup rewritten as Markdown-like lines."""
    if len(HTML_MARKERS.findall(text[:200_000])) >= 2:
        return html_to_markdownish(text)
    if LATEX_MARKERS.search(text):
        return latex_to_markdownish(text)
    if WIKI_HEADING.search(text):
        return wiki_to_markdownish(text)
    return text


# ------------------------------------------------------------------------- wiki

WIKI_LIST = regex.compile(r"^(?P<marks>[*#:;]+)\s*(?P<text>.*)$")
WIKI_LINK = regex.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
WIKI_EXTLINK = regex.compile(r"\[(?:https?|ftp)://\S+\s+([^\]]*)\]")
WIKI_TEMPLATE = regex.compile(r"\{\{[^{}]*\}\}")
WIKI_EMPHASIS = regex.compile(r"'{2,5}")
WIKI_TAGS = regex.compile(r"</?(?:ref|small|big|span|div|center|u|s)[^>]*>|<ref[^>]*/>", regex.I)


def wiki_to_markdownish(text: str) -> str:
    out = []
    for line in text.split("\n"):
        line = WIKI_TAGS.sub("", WIKI_TEMPLATE.sub("", line))
        line = WIKI_EXTLINK.sub(r"\1", WIKI_LINK.sub(r"\1", line))
        line = WIKI_EMPHASIS.sub("", line)
        if m := WIKI_HEADING.match(line):
            out.append("#" * len(m["eq"]) + " " + m["text"])
        elif m := WIKI_LIST.match(line):
            depth = len(m["marks"]) - 1
            marker = "1." if m["marks"][-1] == "#" else "-"
            out.append("  " * depth + f"{marker} {m['text']}")
        else:
            out.append(line)
    return "\n".join(out)


# ------------------------------------------------------------------------ LaTeX

LATEX_SECTION = regex.compile(
    r"\\(?P<cmd>part|chapter|section|subsection|subsubsection|paragraph)\*?\s*(?:\[[^\]]*\])?\{(?P<text>(?:[^{}]|\{[^{}]*\})*)\}")
LATEX_TITLE = regex.compile(r"\\title\{(?P<text>(?:[^{}]|\{[^{}]*\})*)\}")
LATEX_ITEM = regex.compile(r"^\s*\\item(?:\[[^\]]*\])?\s*")
LATEX_FORMAT = regex.compile(r"\\(?:textbf|textit|emph|underline|textsc|text|mbox|hbox)\{((?:[^{}]|\{[^{}]*\})*)\}")
LATEX_DROP = regex.compile(
    r"\\(?:begin|end)\{[^}]*\}(?:\[[^\]]*\]|\{[^}]*\})*|\\(?:documentclass|usepackage|maketitle|tableofcontents"
    r"|newpage|clearpage|noindent|centering|vspace|hspace|label|ref|author|date|setlength|pagestyle)\*?(?:\[[^\]]*\])?(?:\{[^}]*\})*")
LATEX_COMMENT = regex.compile(r"(?<!\\)%.*$")
LATEX_LEVELS = {"part": 1, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4, "paragraph": 5}
LATEX_CHARS = {r"\%": "%", r"\&": "&", r"\_": "_", r"\#": "#", r"\$": "$", "~": "\u00a0", "--": "–",
               r"\,": "\u202f", r"\ ": " ", "``": "”", "''": "”"}


def latex_to_markdownish(text: str) -> str:
    has_chapters = bool(regex.search(r"\\(?:part|chapter)\b", text))
    offset = 0 if has_chapters else 1
    out = []
    for line in text.split("\n"):
        line = LATEX_COMMENT.sub("", line)
        if m := LATEX_TITLE.search(line):
            out.append("# " + _latex_inline(m["text"]))
            continue
        if m := LATEX_SECTION.search(line):
            level = max(1, LATEX_LEVELS[m["cmd"]] - offset) + 1
            out.append("")
            out.append("#" * level + " " + _latex_inline(m["text"]))
            out.append("")
            continue
        is_item = bool(LATEX_ITEM.match(line))
        line = LATEX_ITEM.sub("", line)
        line = LATEX_DROP.sub("", line)
        line = _latex_inline(line)
        if is_item:
            out.append("- " + line.strip())
        elif line.strip() or not out or out[-1].strip():
            out.append(line)
    return "\n".join(out)


def _latex_inline(text: str) -> str:
    for _ in range(3):
        text = LATEX_FORMAT.sub(r"\1", text)
    text = text.replace("\\\\", "\n")
    for k, v in LATEX_CHARS.items():
        text = text.replace(k, v)
    return regex.sub(r"\\[a-zA-Z]+\*?", "", text).replace("{", "").replace("}", "")


# ------------------------------------------------------------------------- HTML

class _HtmlToLines(HTMLParser):
    """Collects headings, list items, paragraphs and table rows as Markdown-like lines."""

    BLOCKS = {"p", "div", "section", "article", "header", "footer", "blockquote", "br", "ul", "ol", "table", "tr"}
    SKIP = {"script", "style", "nav", "head", "noscript", "template", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.prefix = ""
        self.skip = 0
        self.list_depth = 0
        self.cells: list[str] | None = None

    def _flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        if text:
            if self.cells is not None:
                self.cells.append(text)
            else:
                self.lines += [self.prefix + text, ""]
        self.buf, self.prefix = [], ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif regex.fullmatch(r"h[1-6]", tag):
            self._flush()
            self.prefix = "#" * int(tag[1]) + " "
        elif tag == "li":
            self._flush()
            self.prefix = "  " * min(max(0, self.list_depth - 1), MAX_LIST_DEPTH) + "- "
        elif tag in ("ul", "ol"):
            self._flush()
            self.list_depth += 1
        elif tag == "tr":
            self._flush()
            self.cells = []
        elif tag in ("td", "th"):
            self._flush()
        elif tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("ul", "ol"):
            self._flush()
            self.list_depth = max(0, self.list_depth - 1)
        elif tag == "tr":
            self._flush()
            if self.cells:
                self.lines += ["| " + " | ".join(self.cells) + " |"]
            self.cells = None
        elif tag in ("td", "th"):
            self._flush()
        elif regex.fullmatch(r"h[1-6]", tag) or tag in self.BLOCKS or tag == "li":
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.buf.append(data)


def html_to_markdownish(text: str) -> str:
    parser = _HtmlToLines()
    parser.feed(text)
    parser.close()
    parser._flush()
    return html.unescape("\n".join(parser.lines))
