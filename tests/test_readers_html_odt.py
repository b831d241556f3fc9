"""The web page and OpenDocument readers on documents written here: main content without
site chrome, headings, nested lists, tables, lines broken by hand, footnotes."""
from __future__ import annotations

import io
import zipfile

import pytest

import planparse
from planparse.blocks import Cue, Kind
from planparse.errors import InputError
from planparse.readers import format_of, read_blocks
from pathlib import Path


def html_blocks(body: str, head: str = "") -> list[tuple[Kind, str]]:
    page = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    return [(b.kind, b.text) for b in read_blocks(page, "html")[0]]


def test_a_pages_navigation_banner_sidebar_and_footer_are_left_out():
    blocks = html_blocks('<nav><a href="/">Hem</a> <a href="/2030">Plan 2030</a></nav>'
                         '<div class="site-header">Kåren sedan 1950</div>'
                         '<main><h1>Plan 2031</h1><p>Vi ska ordna 4 hajker.</p></main>'
                         '<div id="sidebar"><p>3 nya ledare!</p></div><footer>Tel 012-34 56</footer>',
                         head="<title>Kåren</title><script>var n = 5;</script>")
    assert blocks == [(Kind.HEADING, "Plan 2031"), (Kind.PARAGRAPH, "Vi ska ordna 4 hajker.")]


def test_without_main_the_longest_article_is_the_content():
    blocks = html_blocks("<article><p>Kort notis.</p></article>"
                         "<article><h2>Mål</h2><p>Vi ska bli minst 50 medlemmar under året.</p></article>")
    assert blocks[0] == (Kind.HEADING, "Mål")


def test_nested_lists_keep_their_depth_and_paragraphs_inside_items_join_them():
    page = "<ul><li>Minst 40 medlemmar<ul><li>varav 10 ledare</li></ul></li><li><p>Två</p><p>läger</p></li></ul>"
    blocks = read_blocks(f"<html><body>{page}</body></html>".encode(), "html")[0]
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        (Kind.LIST_ITEM, 0, "Minst 40 medlemmar"), (Kind.LIST_ITEM, 1, "varav 10 ledare"),
        (Kind.LIST_ITEM, 0, "Två läger")]


def test_a_table_is_read_row_by_row_with_whole_cells():
    blocks = read_blocks(b"<html><body><table><tr><th>Indikator</th><th>M\xc3\xa5l</th></tr>"
                         b"<tr><td>Medlemmar</td><td><p>minst 60</p><p>2031</p></td></tr></table></body></html>",
                         "html")[0]
    assert [(b.row, b.col, b.text) for b in blocks] == [(1, 0, "Indikator"), (1, 1, "Mål"),
                                                         (2, 0, "Medlemmar"), (2, 1, "minst 60 2031")]


def test_a_label_over_lines_broken_by_hand_heads_them_and_bold_paragraphs_are_headings():
    blocks = html_blocks("<p><b>Aktiviteter</b></p><p>Våren:<br>Städdag i april.<br>Vårfest.</p>")
    assert blocks == [(Kind.HEADING, "Aktiviteter"), (Kind.HEADING, "Våren"),
                      (Kind.LIST_ITEM, "Städdag i april."), (Kind.LIST_ITEM, "Vårfest.")]


def test_footnote_marks_leave_the_text():
    assert html_blocks("<p>Vi ska ha 12 möten.<sup><a href='#n1'>1</a></sup> Alla är välkomna.</p>") == [
        (Kind.PARAGRAPH, "Vi ska ha 12 möten. Alla är välkomna.")]


def test_a_page_in_cp1252_without_a_charset_is_decoded():
    page = "<html><body><p>Vi ska öka till 30 medlemmar.</p></body></html>".encode("cp1252")
    assert read_blocks(page, "html")[0][0].text == "Vi ska öka till 30 medlemmar."


def test_lists_nested_thousands_deep_are_read_without_recursion():
    page = "<ul><li>x" * 3000 + "</li></ul>" * 3000
    blocks = read_blocks(f"<html><body>{page}</body></html>".encode(), "html")[0]
    assert blocks and all(b.kind is Kind.LIST_ITEM for b in blocks)


@pytest.mark.parametrize("suffix,fmt", [(".tex", "tex"), (".wiki", "wiki"), (".mediawiki", "wiki"),
                                        (".htm", "html"), (".odt", "odt"), (".RTF", "rtf")])
def test_new_formats_are_known_by_their_suffix(suffix, fmt):
    assert format_of(Path(f"plan{suffix}")) == fmt


# ------------------------------------------------------------------ OpenDocument

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')


def odt(body: str, automatic: str = "", styles: str = "") -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
               f'<office:automatic-styles>{automatic}</office:automatic-styles>'
               f'<office:body><office:text>{body}</office:text></office:body></office:document-content>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        z.writestr("styles.xml", f'<office:document-styles {NS}><office:styles>{styles}</office:styles>'
                                 '</office:document-styles>')
    return buf.getvalue()


def odt_blocks(data: bytes) -> list[tuple]:
    return [(b.kind, b.level, b.text) for b in read_blocks(data, "odt")[0]]


def test_odt_headings_come_from_outline_levels_and_styles():
    styles = ('<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"/>'
              '<style:style style:name="Kapitel" style:family="paragraph" style:default-outline-level="1"/>')
    automatic = '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Heading_20_2"/>'
    data = odt('<text:p text:style-name="Kapitel">Verksamhet</text:p><text:h text:outline-level="3">Möten</text:h>'
               '<text:p text:style-name="P1">Ekonomi</text:p><text:p>Vi ska ha <text:s text:c="2"/>6 möten.</text:p>',
               automatic, styles)
    assert odt_blocks(data) == [(Kind.HEADING, 1, "Verksamhet"), (Kind.HEADING, 3, "Möten"),
                                (Kind.HEADING, 2, "Ekonomi"), (Kind.PARAGRAPH, None, "Vi ska ha 6 möten.")]


def test_odt_lists_tables_bold_labels_and_notes():
    automatic = ('<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>'
                 '</style:style>')
    data = odt('<text:p><text:span text:style-name="T1">Mål</text:span></text:p>'
               '<text:list><text:list-item><text:p>Fyra kurser<text:note><text:note-citation>1</text:note-citation>'
               '<text:note-body><text:p>Enligt beslut 2030.</text:p></text:note-body></text:note></text:p>'
               '<text:list><text:list-item><text:p>varav två i våren</text:p></text:list-item></text:list>'
               '</text:list-item></text:list>'
               '<table:table><table:table-row><table:table-cell><text:p>Medlemmar</text:p></table:table-cell>'
               '<table:table-cell><text:p>minst 80</text:p></table:table-cell></table:table-row></table:table>',
               automatic)
    assert odt_blocks(data) == [(Kind.HEADING, None, "Mål"), (Kind.LIST_ITEM, 0, "Fyra kurser"),
                                (Kind.LIST_ITEM, 1, "varav två i våren"),
                                (Kind.TABLE_CELL, None, "Medlemmar"), (Kind.TABLE_CELL, None, "minst 80")]
    assert read_blocks(data, "odt")[0][0].cue is Cue.BOLD


@pytest.mark.parametrize("data,message", [
    pytest.param(b"PK\x03\x04 broken", "not a zip", id="not a zip"),
    pytest.param(odt("").replace(b"content.xml", b"contents.xm"), "content.xml", id="no content.xml"),
    pytest.param(odt("<text:p>x<text:p>"), "not a valid .odt", id="broken XML"),
])
def test_a_broken_odt_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message):
        planparse.parse_bytes(data, fmt="odt", name="plan.odt")
