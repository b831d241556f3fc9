"""planparse report: one plan, or a district's plans, as a self-contained HTML file."""
from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

import planparse
from planparse.model import Goal, Target
from planparse.outputs import plan_json
from planparse.report import CSS, SCRIPT, Corpus, Failure, district_report, marked_text, plan_report, unit_totals
from planparse.workbook import workbook_bytes

from conftest import SAMPLES
from test_cli import assert_one_line_error, run
from test_followup import FILLED, PLAN, fill

html5lib = pytest.importorskip("html5lib")

SVG = "{http://www.w3.org/2000/svg}svg"
VAGUE = "# Verksamhetsplan 2025\n\n## Mål\n\n- Öka antalet medlemmar\n- Hålla minst 4 medlemsmöten\n"


def valid_html(text: str):
    """The document parsed by html5lib's strict parser: any parse error fails the test."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


@pytest.fixture(scope="module")
def sample():
    return planparse.parse(SAMPLES / "bjorkvik-2025.txt")


@pytest.fixture(scope="module")
def district():
    plans = [planparse.parse(SAMPLES / name) for name in ("bjorkvik-2025.txt", "granbacka-2025.txt",
                                                           "hallonbergen-2025.md")]
    return Corpus(plans, [Failure("plans/trasig.pdf", "the PDF is encrypted")])


def test_the_plan_report_is_valid_html_with_title_organisation_year_and_status(sample):
    doc = valid_html(plan_report(sample))
    assert doc.find(".//title").text == "Verksamhetsplan 2025–2026"
    meta = " ".join(doc.find(".//dl").itertext())
    assert "Björkviks Scoutkår" in meta and "2025–2026" in meta and "Status" in meta


def test_every_target_is_marked_in_the_goal_with_its_reading_beside_it(sample):
    doc = valid_html(plan_report(sample))
    marks = [m.text for m in doc.iter("mark")]
    assert marks == [t.text for _, g in sample.goals() for t in sorted(g.targets, key=lambda t: t.span[0])]
    readings = [s.text for s in doc.iter("span") if s.get("class") == "r"]
    assert "≥ 4 hajk" in readings and "ökning till ≥ 120 medlem kår, senast 2026" in readings


def test_a_goal_without_a_target_is_flagged_with_checks_reason_and_suggestion():
    html = plan_report(planparse.parse_text(VAGUE, "md"))
    (flag,) = re.findall(r'<p class="flag">(.*?)</p>', html)
    assert "säger att något ska ändras men inte hur mycket" in flag and "Öka antalet medlemmar till minst N" in flag
    english = plan_report(planparse.parse_text(VAGUE, "md"), "en")
    assert "says something should change but not by how much" in english and "Sammanfattning" not in english


def test_the_summary_counts_goals_and_charts_targets_by_kind(sample):
    doc = valid_html(plan_report(sample))
    stats = {b.tail: b.text for b in doc.iter("b")}
    assert stats == {"Mål": "11", "Mätbara": "10", "Andel mätbara": "91%", "Måltal": "11"}
    charts = [svg.get("aria-label") for svg in doc.iter(SVG)]
    assert "Måltal per slag" in charts


def test_the_report_fetches_nothing_and_its_policy_allows_exactly_its_own_style_and_script(sample):
    html = plan_report(sample)
    assert not re.search(r"""(?:src|href)=(?!["']?#)""", html), "only in-page links"
    assert "<link" not in html and "@import" not in html and "url(" not in html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert policy.startswith("default-src 'none';")
    for text in (CSS, SCRIPT):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert f"<style>{CSS}</style>" in html and f"<script>{SCRIPT}</script>" in html


def test_marks_follow_the_spans_and_a_span_that_does_not_fit_is_read_out_after():
    goal = Goal("g1", "Ordna minst 4 resor & 2 fester", "goal", targets=[
        Target("minst 4 resor", (6, 19), 4, ">=", unit="resa"), Target("3 fester", (22, 30), 3, unit="fest")])
    html = marked_text(goal, "sv")
    assert html.startswith("Ordna <mark>minst 4 resor</mark><span class=\"r\">≥ 4 resa</span> &amp; 2 fester")
    assert html.endswith('<span class="r">3 fest</span>')


def test_the_district_has_a_sortable_row_per_plan_and_one_per_failure(district):
    doc = valid_html(district_report(district))
    table = doc.find(".//table[@class='sortable']")
    rows = table.findall("./tbody/tr")
    assert len(rows) == 4
    assert [r.get("class") for r in rows].count("failed") == 1
    assert "the PDF is encrypted" in "".join(rows[-1].itertext())
    assert [th.find("button").text for th in table.iter("th")] == [
        "Organisation", "År", "Format", "Mål", "Andel mätbara", "Måltal", "Fel"]
    shares = [td.get("data-v") for td in table.findall("./tbody/tr/td[5]")]
    assert shares[:3] == ["0.9091", "1.0000", "0.8889"]


def test_the_district_charts_share_per_organisation_and_the_most_promised_units(district):
    doc = valid_html(district_report(district))
    charts = {svg.get("aria-label"): " ".join(svg.itertext()) for svg in doc.iter(SVG)}
    share = charts["Andel mätbara mål per organisation"]
    assert "PRO GRANBACKA" in share and "100%" in share
    assert "medlem" in charts["Vanligaste enheterna i måltalen (summa; mål per period räknade per år)"]


def test_the_district_has_a_page_per_plan_linked_from_its_row(district):
    doc = valid_html(district_report(district))
    articles = doc.findall(".//article")
    assert [a.get("id") for a in articles] == ["p1", "p2", "p3"]
    links = [a.get("href") for a in doc.findall(".//table//a")]
    assert links == ["#p1", "#p2", "#p3"]
    files = [s.text for s in doc.findall(".//table//span[@class='f']")]
    assert files == ["bjorkvik-2025.txt", "granbacka-2025.txt", "hallonbergen-2025.md"]


def test_unit_totals_add_a_count_per_period_over_the_year():
    plan = planparse.parse_text("# Plan 2025\n\n## Mål\n\n- Minst 2 möten varje månad\n- Minst 6 möten\n"
                                "- Minska till högst 3 möten\n", "md")
    assert unit_totals([plan]) == [("möte", (30.0, 2))]


def test_a_followup_workbook_shows_its_outcomes_in_the_report(tmp_path):
    plan = planparse.parse_text(PLAN, "md", name="testbyn-2025.md")
    path = tmp_path / "uppfoljning.xlsx"
    path.write_bytes(workbook_bytes([plan]))
    fill(path, FILLED)
    from planparse.followup import read_followup

    doc = valid_html(plan_report(plan, followup=read_followup(path)))
    badges = [(s.get("class"), s.text) for s in doc.iter("span") if "fu" in (s.get("class") or "")]
    assert ("fu met", "uppnått (7)") in badges and ("fu not_met", "ej uppnått (11)") in badges
    assert ("fu not_reported", "ej rapporterat") in badges
    total = [r for r in doc.findall(".//table/tbody/tr") if r.find("td").text == "Totalt"]
    assert [td.text for td in total[0].findall("td")][1:] == ["3", "2", "1", "0"]


def test_the_cli_makes_a_plan_report_and_a_district_over_a_batch_output_folder(tmp_path):
    out = tmp_path / "ut"
    out.mkdir()
    for name in ("bjorkvik-2025.txt", "granbacka-2025.txt"):
        (out / name.replace(".txt", ".json")).write_text(plan_json(planparse.parse(SAMPLES / name)), encoding="utf-8")
    (out / "errors.jsonl").write_text(json.dumps({"file": "in/trasig.docx", "error": "not a .docx"}) + "\n",
                                      encoding="utf-8")
    (out / "annat.json").write_text('{"not": "a plan"}', encoding="utf-8")
    proc = run("report", str(out), "-o", str(tmp_path / "district.html"))
    assert proc.returncode == 0, proc.stderr
    doc = valid_html((tmp_path / "district.html").read_text(encoding="utf-8"))
    assert len(doc.findall(".//table[@class='sortable']/tbody/tr")) == 3
    proc = run("report", str(out), "-o", str(tmp_path / "distrikt.xlsx"))
    assert proc.returncode == 0, proc.stderr
    openpyxl = pytest.importorskip("openpyxl")
    assert openpyxl.load_workbook(tmp_path / "distrikt.xlsx").sheetnames == ["bjorkvik-2025", "granbacka-2025",
                                                                              "planparse"]
    proc = run("report", str(SAMPLES / "granbacka-2025.txt"), "-o", str(tmp_path / "plan.html"), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    doc = valid_html((tmp_path / "plan.html").read_text(encoding="utf-8"))
    assert doc.find(".//h1").text == "VERKSAMHETSPLAN 2025" and doc.get("lang") == "en"
    assert "Summary" in "".join(doc.itertext())


@pytest.mark.parametrize("args", [
    pytest.param(lambda d: [str(_folder(d / "tom")), "-o", str(d / "r.html")], id="a folder with no plans"),
    pytest.param(lambda d: [str(SAMPLES / "granbacka-2025.txt"), "-o", str(_file(d / "fil") / "r.html")],
                 id="an output under a file"),
    pytest.param(lambda d: [str(SAMPLES / "granbacka-2025.txt"), "-o", str(d)], id="an output that is a folder"),
    pytest.param(lambda d: [str(SAMPLES / "granbacka-2025.expected.json"), "-o", str(d / "r.html")],
                 id="JSON that is not a plan"),
    pytest.param(lambda d: [str(d / "saknas.txt"), "-o", str(d / "r.html")], id="a missing plan"),
])
def test_bad_report_input_is_a_one_line_error(tmp_path, args):
    assert_one_line_error(run("report", *args(tmp_path)))


def _file(path):
    path.write_text("x")
    return path


def _folder(path):
    path.mkdir()
    (path / "readme.odt").write_bytes(b"x")
    return path
