"""Hostile Word and PDF files (issue #13, the reader's part): wrong attribute values,
broken document trees, huge paragraphs, page trees that loop, pages of absurd size or
density. Each ends within its time bound with exit 0 and a plan, or exit 2 and one line
naming the file; never exit 3. Files are made here, not committed."""
from __future__ import annotations

import copy
import json
import subprocess
import zipfile
from pathlib import Path
from typing import Iterable

import pytest

from conftest import SAMPLES
from pdfmake import one_page, pdf, stream, text_ops
from test_hostile import one_line, parse

WORD_SAMPLE = SAMPLES / "hallonbergen-2025.docx"
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(path: Path, bound: float = 30.0) -> subprocess.CompletedProcess:
    """Parsed under the hostile suite's limits (2 GB, 60 s): exit 0 with a plan, or exit 2
    with one line naming the file."""
    proc, _ = parse(path, bound=bound)
    assert proc.returncode in (0, 2), proc.stderr[-500:]
    if proc.returncode == 0:
        assert json.loads(proc.stdout)["schema"] == "planparse/plan@1"
    else:
        one_line(proc, path.name)
    return proc


def docx_with(tmp_path: Path, name: str, parts: dict[str, bytes | Iterable[bytes]]) -> Path:
    """The Word sample with some parts replaced; a part given as chunks is streamed, so a
    test can write hundreds of MB without holding them."""
    path = tmp_path / name
    with zipfile.ZipFile(WORD_SAMPLE) as good, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in good.infolist():
            data = parts.get(info.filename, good.read(info.filename))
            if isinstance(data, bytes):
                out.writestr(copy.copy(info), data)
            else:
                with out.open(info.filename, "w", force_zip64=True) as f:
                    for chunk in data:
                        f.write(chunk)
    return path


def document(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>'.encode()


def para(text: str, ppr: str = "", rpr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr><w:t>{text}</w:t></w:r></w:p>"


# ------------------------------------------------------------------ Word


@pytest.mark.parametrize("ppr,rpr", [
    pytest.param("", '<w:sz w:val="stor"/>', id="size not a number"),
    pytest.param('<w:outlineLvl w:val="1.5"/>', "", id="outline level not an integer"),
    pytest.param('<w:numPr><w:ilvl w:val="x"/><w:numId w:val="1"/></w:numPr>', "", id="list level not a number"),
    pytest.param('<w:outlineLvl w:val="-4"/><w:numPr><w:ilvl w:val="99999"/></w:numPr>', '<w:sz w:val="-8"/>',
                 id="numbers out of range"),
])
def test_word_attributes_with_wrong_values_are_read_past(tmp_path, ppr, rpr):
    xml = document(para("Medlemmar", ppr, rpr) + para("Vi ska ordna minst fyra träffar."))
    proc = run(docx_with(tmp_path, "fel.docx", {"word/document.xml": xml}))
    assert proc.returncode == 0 and "fyra" in proc.stdout


@pytest.mark.parametrize("xml", [
    pytest.param(f'<w:styles {NS}><w:p><w:r><w:t>hej</w:t></w:r></w:p></w:styles>'.encode(), id="another root"),
    pytest.param(f'<w:document {NS}></w:document>'.encode(), id="no body"),
])
def test_a_document_part_without_a_word_body_is_refused(tmp_path, xml):
    assert run(docx_with(tmp_path, "tom.docx", {"word/document.xml": xml})).returncode == 2


def test_a_style_of_a_bad_type_is_read_past(tmp_path):
    styles = (f'<w:styles {NS}><w:style w:type="bogus" w:styleId="Rubrik1"><w:name w:val="heading 1"/>'
              '<w:basedOn w:val="Rubrik1"/></w:style></w:styles>').encode()
    xml = document(para("Medlemmar", '<w:pStyle w:val="Rubrik1"/>') + para("Vi ska ordna minst fyra träffar."))
    assert run(docx_with(tmp_path, "stil.docx", {"word/document.xml": xml, "word/styles.xml": styles})).returncode == 0


def test_a_huge_paragraph_under_the_unpack_limit_is_refused(tmp_path):
    """One 280 MB paragraph zips to under a megabyte and passes the 300 MB unpack limit."""
    def chunks():
        yield f'<w:document {NS}><w:body><w:p><w:r><w:t>'.encode()
        for _ in range(280):
            yield b"a" * (1 << 20)
        yield b"</w:t></w:r></w:p></w:body></w:document>"
    assert "MB" in run(docx_with(tmp_path, "stor.docx", {"word/document.xml": chunks()})).stderr


def test_a_paragraph_over_the_line_limit_is_refused(tmp_path):
    xml = document(para("a" * 1_200_000))
    assert "paragraph" in run(docx_with(tmp_path, "lång.docx", {"word/document.xml": xml})).stderr


def test_eight_million_empty_paragraphs_are_refused(tmp_path):
    def chunks():
        yield f'<w:document {NS}><w:body>'.encode()
        for _ in range(80):
            yield b"<w:p/>" * 100_000
        yield b"</w:body></w:document>"
    assert run(docx_with(tmp_path, "tomma.docx", {"word/document.xml": chunks()})).returncode == 2


def test_paragraphs_over_the_count_limit_are_refused(tmp_path):
    xml = document("<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 250_000)
    assert "paragraphs" in run(docx_with(tmp_path, "många.docx", {"word/document.xml": xml})).stderr


# ------------------------------------------------------------------ PDF

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
CONTENT = stream(text_ops([(72, 700, 12, "Vi ska ordna minst fyra träffar.")]))


def test_a_page_tree_that_loops_ends(tmp_path):
    data = pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>", CONTENT, FONT])
    (tmp_path / "loop.pdf").write_bytes(data)
    run(tmp_path / "loop.pdf")


def test_a_page_tree_nested_thousands_deep_ends(tmp_path):
    depth = 5000
    objects = [b"<< /Type /Catalog /Pages 3 0 R >>", FONT]
    for k in range(depth):  # objects 3 .. depth+2, each the only kid of the one before
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (k + 4))
    objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] /Contents %d 0 R "
                   b"/Resources << /Font << /F1 2 0 R >> >> >>" % (depth + 4))
    objects.append(CONTENT)
    (tmp_path / "djup.pdf").write_bytes(pdf(objects))
    run(tmp_path / "djup.pdf")


def test_a_page_a_billion_points_wide_is_read_in_time(tmp_path):
    lines = [(x, 5e8 - 20 * k, 12, f"Rad {k} med text") for k in range(20) for x in (50.0, 6e8)]
    (tmp_path / "bred.pdf").write_bytes(one_page(text_ops(lines), width=1e9, height=1e9))
    run(tmp_path / "bred.pdf", bound=20)


def test_a_ruled_grid_of_600_by_600_is_read_in_time(tmp_path):
    rules = [b"50 %.2f 500 0.3 re f" % (50 + 1.2 * k) for k in range(601)]
    rules += [b"%.2f 50 0.3 720 re f" % (50 + 0.75 * k) for k in range(601)]
    content = b"\n".join(rules) + b"\n" + text_ops([(60, 800, 12, "Verksamhetsplan 2031")])
    (tmp_path / "rutnät.pdf").write_bytes(one_page(content, compress=True))
    run(tmp_path / "rutnät.pdf", bound=20)


def test_ten_million_characters_on_a_page_are_refused_before_they_are_read(tmp_path):
    ops = b"BT /F1 0.001 Tf 10 10 Td " + (b"(" + b"a" * 10_000 + b") Tj 0 0.001 Td ") * 1000 + b"ET"
    path = tmp_path / "tät.pdf"
    path.write_bytes(one_page(ops, compress=True))
    assert path.stat().st_size < 40_000
    assert "characters" in run(path, bound=20).stderr


# ------------------------------------------------------------------ web pages and OpenDocument


def test_html_lists_nested_30000_deep_end_in_time(tmp_path):
    path = tmp_path / "djup.html"
    path.write_text("<html><body>" + "<ul><li>Vi ska ha 3 möten" * 30_000 + "</li></ul>" * 30_000 + "</body></html>")
    run(path, bound=20)


def test_an_odt_whose_text_part_is_too_large_is_refused(tmp_path):
    path = tmp_path / "stor.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("content.xml", "w", force_zip64=True) as f:
            for _ in range(40):
                f.write(b" " * (1 << 20))
    assert "MB" in run(path).stderr


@pytest.mark.parametrize("name", ["plan.html", "plan.odt", "plan.tex", "plan.wiki"])
def test_binary_files_named_as_the_new_formats_are_refused(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(bytes(range(256)) * 64)
    assert run(path).returncode == 2
