"""The HTML reports in a real browser: headless Chromium opens them with no console error
and no network request, and shows their content. Skipped where Chromium is not installed
(Debian/Ubuntu: ``apt-get install chromium``)."""
from __future__ import annotations

import io

import pytest

import planparse
from planparse.report import Corpus, district_report, plan_report

from chromium import Chromium, find_chromium, page_url
from conftest import SAMPLES

BINARY = find_chromium()
pytestmark = pytest.mark.skipif(BINARY is None, reason="Chromium is not installed (apt-get install chromium)")
Image = pytest.importorskip("PIL.Image")

FIRST_ROW = "document.querySelector('table.sortable tbody tr td').getAttribute('data-v')"


@pytest.fixture(scope="module")
def browser():
    with Chromium(BINARY, width=900, height=1200) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    plans = [planparse.parse(p) for p in sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.md"))]
    (folder / "plan.html").write_text(plan_report(plans[0]), encoding="utf-8")
    (folder / "district.html").write_text(district_report(Corpus(plans)), encoding="utf-8")
    return folder, plans


def ink(png: bytes, top: int = 400) -> float:
    """The share of the top of the screenshot that is not page background."""
    image = Image.open(io.BytesIO(png)).convert("L")
    strip = image.crop((0, 0, image.width, min(top, image.height)))
    histogram = strip.histogram()
    return sum(histogram[:200]) / sum(histogram)


def test_the_harness_sees_a_console_error_and_a_blocked_request(browser, tmp_path):
    """The checks below can fail: a page that logs an error and loads an image is caught."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><title>x</title><img src="http://127.0.0.1:9/x.png">'
                    '<script>console.error("boom")</script>', encoding="utf-8")
    visit = browser.visit(page_url(page))
    assert any("boom" in e for e in visit.errors)
    assert visit.requests == ["http://127.0.0.1:9/x.png"]
    assert ink(visit.screenshot) < 0.001


def test_the_plan_report_loads_cleanly_and_shows_the_plan(browser, reports):
    folder, plans = reports
    visit = browser.visit(page_url(folder / "plan.html"), {"text": "document.body.innerText"})
    assert visit.errors == [] and visit.requests == []
    assert plans[0].organization in visit.values["text"]
    assert ink(visit.screenshot) > 0.02


def test_the_district_loads_cleanly_shows_its_table_and_sorts_it(browser, reports):
    folder, plans = reports
    sort_by_organisation_twice = ("(function(){var b=document.querySelector('table.sortable th button');"
                                  "b.click(); b.click(); return " + FIRST_ROW + ";})()")
    visit = browser.visit(page_url(folder / "district.html"), {
        "rows": "document.querySelectorAll('table.sortable tbody tr').length",
        "first": FIRST_ROW, "after_sorting": sort_by_organisation_twice})
    assert visit.errors == [] and visit.requests == []
    assert visit.values["rows"] == len(plans)
    organisations = sorted((p.organization or "").lower() for p in plans)
    assert visit.values["after_sorting"] == organisations[-1] != visit.values["first"]
    assert ink(visit.screenshot) > 0.02


def test_the_reports_fit_a_phone_screen(reports):
    folder, _ = reports
    with Chromium(BINARY, width=390, height=844) as phone:
        for page in ("plan.html", "district.html"):
            visit = phone.visit(page_url(folder / page),
                                {"overflow": "document.documentElement.scrollWidth - window.innerWidth"})
            assert visit.values["overflow"] <= 0 and visit.errors == [], page


def test_in_print_the_outline_and_hints_are_left_out_and_marks_need_no_colour(browser, reports):
    folder, _ = reports
    style = "getComputedStyle(document.querySelector('{}')).{}"
    visit = browser.visit(page_url(folder / "district.html"), {
        "nav": style.format("nav", "display"), "hint": style.format(".hint", "display"),
        "mark": style.format("mark", "backgroundColor")}, media="print")
    assert visit.values == {"nav": "none", "hint": "none", "mark": "rgba(0, 0, 0, 0)"}
    assert visit.errors == []
