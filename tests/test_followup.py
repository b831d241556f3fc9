"""The follow-up workbook (parse --format xlsx) and reading it back (planparse followup)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import planparse
from planparse.errors import InputError
from planparse.followup import judge, read_followup
from planparse.workbook import STATUSES, workbook_bytes

from conftest import SAMPLES
from test_cli import assert_one_line_error, run

openpyxl = pytest.importorskip("openpyxl")

PLAN = """# Verksamhetsplan 2025

Föreningen Testbyn

## Möten

- Arrangera minst 6 medlemsmöten under året
- Värva minst 10 nya medlemmar
- Hålla 8–10 styrelsemöten

## Kommunikation

- Skriva minst en insändare varje månad
- Kostnaden för lokalen får vara högst 30 000 kr
- Minst 40 % av medlemmarna ska delta i en studiecirkel
- Ordna en resa till Gotland
"""

#: target text -> (outcome typed by the board, its number format, status, expected result)
FILLED = {
    "minst 6 medlemsmöten": (7, "General", None, "met"),
    "minst 10 nya medlemmar": (8, "General", "pågår", "not_met"),
    "8–10 styrelsemöten": (9, "General", None, "met"),
    "minst en insändare varje månad": (11, "General", None, "not_met"),  # 1 a month is 12 in the year
    "högst 30 000 kr": ("28 500 kr", "General", "klart", "met"),
    "Minst 40 %": (None, "General", None, "not_reported"),
}


@pytest.fixture(scope="module")
def plan():
    return planparse.parse_text(PLAN, "md", name="testbyn-2025.md")


def _sheet(wb):
    return wb[[n for n in wb.sheetnames if n != "planparse"][0]]


def _column(ws, header: str) -> int:
    return next(c.column for c in ws[1] if c.value == header)


def fill(path, values: dict[str, tuple]) -> None:
    """Type outcomes and statuses into the workbook as a board member would."""
    wb = openpyxl.load_workbook(path)
    ws = _sheet(wb)
    target_col, outcome_col, status_col = (_column(ws, h) for h in ("Måltal som skrivet", "Utfall", "Status"))
    for row in range(2, ws.max_row + 1):
        text = ws.cell(row, target_col).value
        if text in values:
            outcome, fmt, status, _ = values[text]
            ws.cell(row, outcome_col).value = outcome
            ws.cell(row, outcome_col).number_format = fmt
            ws.cell(row, status_col).value = status
    wb.save(path)


@pytest.fixture
def workbook(tmp_path, plan):
    path = tmp_path / "uppfoljning.xlsx"
    path.write_bytes(workbook_bytes([plan]))
    return path


def test_the_workbook_has_swedish_headers_a_status_dropdown_a_frozen_header_and_filters(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = _sheet(wb)
    headers = [c.value for c in ws[1]]
    assert headers[:9] == ["Avsnitt", "Mål", "Måltal som skrivet", "Måltal normaliserat", "Senast", "Ansvarig",
                           "Status", "Utfall", "Kommentar"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:I{ws.max_row}"
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1 and lists[0].formula1 == '"' + ",".join(STATUSES["sv"]) + '"'
    assert "G2" in lists[0].sqref and f"G{ws.max_row}" in lists[0].sqref
    assert all(ws.column_dimensions[c].hidden for c in "JKLMNOP")
    assert 2 < ws.column_dimensions["E"].width < ws.column_dimensions["B"].width <= 62


def test_every_goal_has_a_row_and_every_target_its_reading(workbook):
    ws = _sheet(openpyxl.load_workbook(workbook))
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 7  # six targets, one goal without a target
    by_target = {r[2]: r for r in rows}
    assert by_target["minst 6 medlemsmöten"][0] == "Möten"
    assert by_target["minst 6 medlemsmöten"][3] == "≥ 6 medlemsmöte"
    assert by_target["minst en insändare varje månad"][3] == "≥ 1 insändare per månad"
    assert by_target[None][1] == "Ordna en resa till Gotland"


def test_followup_judges_met_not_met_not_reported_a_range_a_rate_and_money(workbook):
    fill(workbook, FILLED)
    result = read_followup(workbook)
    got = {o.target: o.result for o in result.outcomes}
    assert got == {text: expected for text, (*_, expected) in FILLED.items()}
    assert result.totals() == {"met": 3, "not_met": 2, "not_reported": 1, "dropped": 0}
    assert result.by_section()[("testbyn-2025.md", "Möten")] == {"met": 2, "not_met": 1, "not_reported": 0,
                                                                 "dropped": 0}


def test_an_excel_percentage_and_a_dropped_target_are_read_as_the_board_means_them(workbook):
    fill(workbook, {"Minst 40 %": (0.42, "0%", None, None), "minst 10 nya medlemmar": (None, "General", "stryks", None)})
    got = {o.target: (o.result, o.outcome) for o in read_followup(workbook).outcomes}
    assert got["Minst 40 %"] == ("met", pytest.approx(42))
    assert got["minst 10 nya medlemmar"] == ("dropped", None)


@pytest.mark.parametrize("comparator,value,value_max,per,outcome,met", [
    (">", 50, None, None, 50, False), ("<", 5, None, None, 4, True), ("~", 60, None, None, 54, True),
    ("~", 60, None, None, 53, False), ("=", 3000, None, None, 3000, True), ("between", 8, 10, None, 7, False),
    (">=", 2, None, "P1W", 104, True), ("<=", 1, None, "P6M", 3, False),
])
def test_an_outcome_is_compared_with_the_comparator_range_and_rate(comparator, value, value_max, per, outcome, met):
    assert judge(comparator, value, value_max, per, outcome) is met


def test_a_money_rate_is_an_amount_per_period_not_a_yearly_count():
    assert judge(">=", 450, None, "P6M", 450, quantity="money")


def test_the_cli_reports_per_section_and_in_total_as_text_and_json(workbook):
    fill(workbook, FILLED)
    text = run("followup", str(workbook))
    assert text.returncode == 0, text.stderr
    assert "  Möten: 2 uppnått, 1 ej uppnått, 0 ej rapporterat" in text.stdout
    assert "Totalt: 3 uppnått, 2 ej uppnått, 1 ej rapporterat" in text.stdout
    english = run("followup", str(workbook), "--lang", "en")
    assert "Total: 3 met, 2 not met, 1 not reported" in english.stdout
    report = json.loads(run("followup", str(workbook), "--format", "json").stdout)
    assert report["total"] == {"met": 3, "not_met": 2, "not_reported": 1, "dropped": 0}
    assert {t["target"]: t["result"] for t in report["targets"]}["8–10 styrelsemöten"] == "met"


def test_parse_writes_the_workbook_in_english_when_asked(tmp_path):
    out = tmp_path / "follow-up.xlsx"
    proc = run("parse", str(SAMPLES / "granbacka-2025.txt"), "--format", "xlsx", "-o", str(out), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    ws = _sheet(openpyxl.load_workbook(out))
    assert [c.value for c in ws[1]][:3] == ["Section", "Goal", "Target as written"]
    (status,) = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert status.formula1 == '"not started,in progress,done,dropped"'


def test_a_workbook_of_several_plans_has_a_sheet_for_each(tmp_path, plan):
    other = planparse.parse(SAMPLES / "granbacka-2025.txt")
    path = tmp_path / "distrikt.xlsx"
    path.write_bytes(workbook_bytes([plan, other, other]))
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["testbyn-2025", "granbacka-2025", "granbacka-2025 (2)", "planparse"]
    assert wb["planparse"].sheet_state == "hidden"
    assert {o.file for o in read_followup(path).outcomes} == {"testbyn-2025.md", "granbacka-2025.txt"}


def test_xlsx_without_an_output_file_or_under_a_file_is_refused(tmp_path):
    assert_one_line_error(run("parse", str(SAMPLES / "granbacka-2025.txt"), "--format", "xlsx"))
    (tmp_path / "fil").write_text("x")
    proc = run("parse", str(SAMPLES / "granbacka-2025.txt"), "--format", "xlsx", "-o", str(tmp_path / "fil" / "u.xlsx"))
    assert_one_line_error(proc)
    assert "cannot write" in proc.stderr


def test_xlsx_to_a_missing_folder_makes_it_as_parse_o_does(tmp_path):
    proc = run("parse", str(SAMPLES / "granbacka-2025.txt"), "--format", "xlsx", "-o", str(tmp_path / "ny" / "u.xlsx"))
    assert proc.returncode == 0, proc.stderr
    assert openpyxl.load_workbook(tmp_path / "ny" / "u.xlsx").sheetnames[0] == "granbacka-2025"


@pytest.mark.parametrize("make", [
    pytest.param(lambda d: _blank_workbook(d / "annan.xlsx"), id="another workbook"),
    pytest.param(lambda d: _bytes(d / "plan.xlsx", (SAMPLES / "granbacka-2025.docx").read_bytes()), id="a docx"),
    pytest.param(lambda d: _bytes(d / "trasig.xlsx", b"not a zip"), id="not a zip"),
    pytest.param(lambda d: d / "saknas.xlsx", id="missing"),
])
def test_a_workbook_that_is_not_planparses_is_a_one_line_error(tmp_path, make):
    path = make(tmp_path)
    with pytest.raises(InputError):
        read_followup(path)
    assert_one_line_error(run("followup", str(path)))


def _blank_workbook(path):
    openpyxl.Workbook().save(path)
    return path


def _bytes(path, data: bytes):
    path.write_bytes(data)
    return path


def test_the_cli_loads_openpyxl_only_for_a_workbook():
    code = "import sys, planparse.cli as c; c._parser(); print(sorted(m for m in ('openpyxl', 'planparse.report', " \
           "'planparse.workbook', 'planparse.followup') if m in sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr
