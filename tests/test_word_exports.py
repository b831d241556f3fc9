"""A multi-page Word plan as organisations publish it, made here with python-docx and
exported by LibreOffice: a title page with a table of contents (dotted leaders), a
running header, a footer with the page number, numbered chapter headings and footnote
marks. Its PDF, ODT and RTF exports must give the plan the .docx gives."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import planparse
from planparse.readers.convert import soffice

docx = pytest.importorskip("docx")
pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")

CHAPTERS = (("Inledning", []),
            ("Medlemmar", ["Vi ska bli minst 150 medlemmar.", "Två nya ledare ska utbildas."]),
            ("Aktiviteter", ["Ordna fyra vandringar under året.", "Ett sommarläger med cirka 40 deltagare."]),
            ("Ekonomi", ["Minska kostnaderna med 10 procent."]))
PROSE = "Föreningen arbetar för att fler ska hitta ut i naturen och för att medlemmarna ska trivas. " * 3


def _page_field(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        el = OxmlElement("w:fldChar" if kind else "w:instrText")
        if kind:
            el.set(qn("w:fldCharType"), kind)
        else:
            el.text = text
        run._r.append(el)


def word_plan(path: Path) -> Path:
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Föreningen Exempel – Verksamhetsplan 2031"
    footer = d.sections[0].footer.paragraphs[0]
    footer.text = "Sida "
    _page_field(footer)
    d.add_paragraph("Verksamhetsplan 2031", style="Title")
    d.add_paragraph("Föreningen Exempel")
    d.add_heading("Innehåll", 1)
    for n, (title, _) in enumerate(CHAPTERS, start=1):
        p = d.add_paragraph()
        p.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        p.add_run(f"{n} {title}\t{2 + n // 3}")
    d.add_page_break()
    for n, (title, goals) in enumerate(CHAPTERS, start=1):
        d.add_heading(f"{n} {title}", 1)
        p = d.add_paragraph(PROSE)
        p.add_run(str(n)).font.superscript = True
        for goal in goals:
            d.add_paragraph(goal, style="List Bullet")
        for _ in range(3):
            d.add_paragraph(PROSE)
    d.save(path)
    return path


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("export")
    source = word_plan(folder / "plan.docx")
    out = {"docx": source}
    for fmt in ("pdf", "odt", "rtf"):
        subprocess.run([soffice(), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                        "--convert-to", fmt, "--outdir", str(folder), str(source)],
                       capture_output=True, timeout=120, check=True)
        out[fmt] = folder / f"plan.{fmt}"
    return out


def summary(path: Path) -> tuple:
    plan = planparse.parse(path)
    goals = [(g.text, tuple(t.value for t in g.targets)) for _, g in plan.goals() if g.targets]
    return plan.title, plan.year, [s.title for s in plan.walk_sections() if s.title], goals


@pytest.mark.parametrize("fmt", ["pdf", "odt", "rtf"])
def test_an_export_gives_the_plan_the_word_file_gives(exports, fmt):
    assert summary(exports[fmt]) == summary(exports["docx"])


def test_the_pdf_export_leaves_out_contents_running_lines_and_footnote_marks(exports):
    title, year, sections, goals = summary(exports["pdf"])
    assert (title, year) == ("Verksamhetsplan 2031", 2031)
    assert sections == [title for title, _ in CHAPTERS]
    assert [value for _, values in goals for value in values] == [150, 2, 4, 40, 10]
    text = planparse.parse(exports["pdf"]).to_dict().__repr__()
    assert "Sida" not in text and "....." not in text and "fler 1 ska" not in text


def test_footnotes_at_the_foot_of_a_pdf_page_and_their_marks_are_left_out(tmp_path):
    from test_readers_html_odt import NS

    note = ('<text:note text:id="n{k}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
            '<text:note-body><text:p>Enligt stämmans beslut år 20{y}, se protokollet.</text:p></text:note-body>'
            '</text:note>')
    body = '<text:h text:outline-level="1">Medlemmar</text:h>' + "".join(
        f"<text:p>Föreningen arbetar för att fler ska trivas.{note.format(k=k, n=k + 1, y=20 + k)} "
        f"Vi ska bli minst {150 + k} medlemmar.</text:p>" for k in range(3))
    (tmp_path / "noter.fodt").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.2" '
        f'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>{body}'
        '</office:text></office:body></office:document>', encoding="utf-8")
    subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "noter.fodt")],
                   capture_output=True, timeout=120, check=True)
    plan = planparse.parse(tmp_path / "noter.pdf")
    texts = [g.text for _, g in plan.goals()]
    assert not any("protokollet" in t for t in texts)
    assert [t.value for _, g in plan.goals() for t in g.targets] == [150, 151, 152]
