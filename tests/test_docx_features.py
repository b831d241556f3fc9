"""Word features of real plans, built here in document.xml: text boxes, content controls
around rows and cells, footnote marks, tables of contents."""
from __future__ import annotations

import copy
import io
import zipfile

from planparse.blocks import Kind
from planparse.readers import read_blocks

from test_hostile_files import WORD_SAMPLE, document, para


def docx_of(body: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(WORD_SAMPLE) as good, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in good.infolist():
            data = document(body) if info.filename == "word/document.xml" else good.read(info.filename)
            out.writestr(copy.copy(info), data)
    return buf.getvalue()


def blocks(body: str) -> list[tuple[Kind, str]]:
    return [(b.kind, b.text) for b in read_blocks(docx_of(body), "docx")[0]]


def box(text: str) -> str:
    return f"<w:txbxContent>{para(text)}</w:txbxContent>"


def test_a_text_box_is_read_once_as_a_paragraph_after_its_anchor():
    anchored = ("<w:p><w:r><w:t>Vi ska ordna kurser.</w:t></w:r><w:r><mc:AlternateContent "
                'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                f"<mc:Choice><w:drawing>{box('Minst 30 deltagare.')}</w:drawing></mc:Choice>"
                f"<mc:Fallback><w:pict>{box('Minst 30 deltagare.')}</w:pict></mc:Fallback>"
                "</mc:AlternateContent></w:r></w:p>")
    assert blocks(anchored) == [(Kind.PARAGRAPH, "Vi ska ordna kurser."), (Kind.PARAGRAPH, "Minst 30 deltagare.")]


def test_content_controls_around_rows_and_cells_are_unwrapped():
    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    sdt = "<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>"
    table = ("<w:tbl>" + "<w:tr>" + cell.format("Mål") + sdt.format(cell.format("Värde")) + "</w:tr>"
             + sdt.format("<w:tr>" + cell.format("Möten") + cell.format("minst 10") + "</w:tr>") + "</w:tbl>")
    assert [t for k, t in blocks(table) if k is Kind.TABLE_CELL] == ["Mål", "Värde", "Möten", "minst 10"]


def test_superscript_footnote_marks_leave_the_text():
    body = ("<w:p><w:r><w:t xml:space=\"preserve\">Vi ska bli 200 medlemmar</w:t></w:r>"
            "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>3</w:t></w:r>"
            "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"2\"/></w:r>"
            "<w:r><w:t>.</w:t></w:r></w:p>")
    assert blocks(body) == [(Kind.PARAGRAPH, "Vi ska bli 200 medlemmar.")]


def test_a_typed_table_of_contents_is_left_out():
    entry = "<w:p><w:r><w:t>{}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>{}</w:t></w:r></w:p>"
    body = (para("Innehåll") + entry.format("Medlemmar", 2) + entry.format("Ekonomi", 3)
            + para("Medlemmar", '<w:pStyle w:val="Heading1"/>') + para("Vi ska bli 200 medlemmar."))
    assert [t for _, t in blocks(body)] == ["Medlemmar", "Vi ska bli 200 medlemmar."]


def test_a_subtitle_is_front_matter_not_a_section():
    import docx

    d = docx.Document()
    d.add_paragraph("Verksamhetsplan 2031", style="Title")
    d.add_paragraph("Antagen av årsmötet 2031-03-01", style="Subtitle")
    d.add_heading("Medlemmar", 1)
    d.add_paragraph("Vi ska bli minst 200 medlemmar.")
    buf = io.BytesIO()
    d.save(buf)
    assert [(b.kind, b.text) for b in read_blocks(buf.getvalue(), "docx")[0]][:2] == [
        (Kind.HEADING, "Verksamhetsplan 2031"), (Kind.PARAGRAPH, "Antagen av årsmötet 2031-03-01")]
