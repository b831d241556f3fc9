"""Word and PDF plans give the plan their text version gives; broken files one line each."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import planparse
from planparse.errors import InputError
from planparse.readers.convert import soffice

from conftest import SAMPLES, SEEDS
from pdfmake import pdf

#: renditions of a plan beside its text version; .doc and .rtf need LibreOffice
RENDITIONS = (".docx", ".pdf", ".odt", ".html", ".tex", ".wiki", ".doc", ".rtf")
NEEDS_LIBREOFFICE = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


def renditions() -> list:
    """(text plan, rendition) pairs among the samples and the seeds."""
    pairs = []
    for folder in (SAMPLES, SEEDS):
        if not folder.is_dir():
            continue
        for expected in sorted(folder.glob("*.expected.json")):
            stem = expected.name[: -len(".expected.json")]
            text = next((p for p in (folder / f"{stem}.txt", folder / f"{stem}.md") if p.exists()), None)
            for suffix in RENDITIONS:
                other = folder / f"{stem}{suffix}"
                if text and other.exists():
                    pairs.append(pytest.param(text, other, marks=[NEEDS_LIBREOFFICE] if suffix in (".doc", ".rtf")
                                              else [], id=other.name))
    return pairs


def goals_and_targets(path: Path) -> list[tuple[str, tuple]]:
    plan = planparse.parse(path)
    return [(g.kind, tuple(t.describe() for t in g.targets)) for _, g in plan.goals()]


@pytest.mark.parametrize("text,other", renditions())
def test_a_rendition_gives_the_goals_and_targets_of_the_text(text, other):
    assert goals_and_targets(other) == goals_and_targets(text)


@pytest.mark.parametrize("text,other", renditions())
def test_a_rendition_gives_the_sections_and_metadata_of_the_text(text, other):
    a, b = planparse.parse(text), planparse.parse(other)
    assert [s.title for s in a.walk_sections()] == [s.title for s in b.walk_sections()]
    assert (a.year, a.status, a.date) == (b.year, b.status, b.date)
    assert (a.organization or "").casefold() == (b.organization or "").casefold()


def test_pdf_goals_know_their_page():
    pdf = next(p.values[1] for p in renditions() if p.values[1].suffix == ".pdf")
    pages = {g.location.page for _, g in planparse.parse(pdf).goals()}
    assert None not in pages and min(pages) >= 1


def docx_bytes(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("data,message", [
    pytest.param(b"this is not a zip", "not a zip", id="not a zip"),
    pytest.param(docx_bytes({"hello.txt": b"hej"}), "document.xml", id="zip without document.xml"),
    pytest.param(docx_bytes({"word/document.xml": b"<broken"}), "not a valid .docx", id="broken package"),
])
def test_a_broken_docx_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message):
        planparse.parse_bytes(data, fmt="docx", name="plan.docx")


def test_a_truncated_docx_is_refused():
    good = next(p.values[1] for p in renditions() if p.values[1].suffix == ".docx").read_bytes()
    with pytest.raises(InputError):
        planparse.parse_bytes(good[: len(good) // 2], fmt="docx", name="plan.docx")


def blank_pdf() -> bytes:
    """A valid one-page PDF with no text on it (as a scan without OCR has none)."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])


def test_a_pdf_without_a_text_layer_asks_for_ocr():
    with pytest.raises(InputError, match="no text layer"):
        planparse.parse_bytes(blank_pdf(), fmt="pdf", name="scan.pdf")


def test_a_file_that_is_no_pdf_is_refused():
    with pytest.raises(InputError):
        planparse.parse_bytes(b"%PDF-1.4 garbage" + bytes(range(256)), fmt="pdf", name="bad.pdf")


@pytest.mark.parametrize("suffix", [".doc", ".rtf"])
def test_an_old_office_format_without_libreoffice_names_how_to_convert(tmp_path, suffix, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda name: None)
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(b"whatever")
    with pytest.raises(InputError, match="soffice --headless --convert-to docx"):
        planparse.parse(path)


@NEEDS_LIBREOFFICE
@pytest.mark.parametrize("suffix", [".doc", ".rtf"])
def test_a_file_libreoffice_cannot_convert_is_refused_with_a_reason(tmp_path, suffix):
    path = tmp_path / f"plan{suffix}"
    path.write_bytes(b"\x00\x01 not a document")
    with pytest.raises(InputError, match="LibreOffice"):
        planparse.parse(path)


def test_a_docx_is_read_with_tracked_changes_accepted(tmp_path):
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("Medlemmar", style="Heading 1")
    p = document.add_paragraph("Vi ska värva")
    for tag, text_tag, text in (("w:ins", "w:t", " minst 40 nya medlemmar."), ("w:del", "w:delText", " 99 katter")):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1")
        change.set(qn("w:author"), "Sekreteraren")
        run, t = OxmlElement("w:r"), OxmlElement(text_tag)
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run.append(t)
        change.append(run)
        p._p.append(change)
    document.sections[0].header.paragraphs[0].text = "Sidhuvud med 12 möten"
    path = tmp_path / "plan.docx"
    document.save(path)
    plan = planparse.parse(path)
    (goal,) = [g for _, g in plan.goals()]
    assert goal.text == "Vi ska värva minst 40 nya medlemmar."
    assert [t.describe() for t in goal.targets] == [">= 40 medlem"]


def test_a_docx_table_row_is_one_goal_with_its_target(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Mått", style="Heading 1")
    table = document.add_table(rows=2, cols=2)
    for (i, j), text in {(0, 0): "Indikator", (0, 1): "Mål", (1, 0): "Antal medlemmar", (1, 1): "minst 120"}.items():
        table.cell(i, j).text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    (goal,) = [g for _, g in planparse.parse(path).goals()]
    assert goal.text == "Antal medlemmar – minst 120"
    assert [t.describe() for t in goal.targets] == [">= 120 medlem"]


def test_an_encrypted_pdf_is_refused_with_a_reason(tmp_path):
    pypdf = pytest.importorskip("pypdf")
    source = next(p.values[1] for p in renditions() if p.values[1].suffix == ".pdf")
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="hemligt", owner_password="hemligt")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as f:
        writer.write(f)
    with pytest.raises(InputError, match="encrypted"):
        planparse.parse(path)


def test_a_ruled_grid_becomes_table_rows():
    from planparse.readers.pdf.chars import Char
    from planparse.readers.pdf.layout import grids, table_rows

    rules = tuple([(100, y - 0.5, 400, y + 0.5) for y in (100, 120, 140)] +
                  [(x - 0.5, 100, x + 0.5, 140) for x in (100, 250, 400)] + [(50, 60, 500, 61.5)])
    chars = []
    for text, x, top in (("Antal", 110, 105), ("minst", 260, 105), ("120", 296, 105), ("Ledare", 110, 125)):
        for k, ch in enumerate(text):
            chars.append(Char(ch, x + 6 * k, x + 6 * k + 5, top, top + 10, 10.0, "Arial"))
    (grid,) = grids(rules)
    assert grid.box == (100, 100, 400, 140)
    assert table_rows(grid, chars) == [("Antal", "minst 120"), ("Ledare", "")]
