"""Hostile text for the text reader and the structure stage (issue #13): patterns that
could backtrack quadratically, very long wrapped paragraphs, huge tables, deep nesting.
Each file is made here and parsed from the shell; it must end with exit 0 and valid JSON
(or exit 2 and one line on stderr) within its time bound."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from test_hostile import one_line, parse


def run(path: Path, bound: float) -> subprocess.CompletedProcess:
    """Parsed under the hostile suite's limits (2 GB, 60 s): exit 0, or exit 2 with one line."""
    proc, _ = parse(path, bound=bound)
    if proc.returncode == 2:
        one_line(proc, path.name)
    else:
        assert proc.returncode == 0, proc.stderr[-500:]
    return proc


def plan_of(path: Path, bound: float) -> dict:
    proc = run(path, bound)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("line", [
    pytest.param("**a**" + " " * 200_000 + "b", id="bold marks then 200k spaces"),
    pytest.param("# a" + " " * 500_000 + "b", id="markdown heading then 500k spaces"),
    pytest.param("# a" + " " * 200_000 + "#b", id="heading with a hash after the spaces"),
    pytest.param("[a](" * 50_000, id="50k unclosed links"),
    pytest.param("<p " * 50_000, id="50k unclosed html tags"),
])
def test_no_line_makes_a_pattern_backtrack(tmp_path, line):
    run(write(tmp_path, "plan.txt", "Verksamhetsplan 2031\n\n" + line + "\n"), bound=20)


def test_20k_wrapped_lines_join_in_linear_time(tmp_path):
    lines = "\n".join("vi ordnar en träff för alla och bjuder in grannarna" for _ in range(20_000))
    plan = plan_of(write(tmp_path, "plan.txt", "Verksamhetsplan 2031\n\n" + lines + "\n"), bound=30)
    assert plan["title"] == "Verksamhetsplan 2031"


def test_a_50k_row_table_is_read_row_by_row(tmp_path):
    rows = "".join("| Ordna en träff | Kim |\n" for _ in range(50_000))
    plan = plan_of(write(tmp_path, "plan.txt", "Verksamhetsplan 2031\n\n| Aktivitet | Ansvar |\n|---|---|\n" + rows),
                   bound=40)
    assert plan["summary"]["goals"] == 50_000


def test_html_lists_nested_30k_deep(tmp_path):
    html = "<html><body><h1>Plan</h1>" + "<ul><li>Ordna en träff" * 30_000 + "</li></ul>" * 30_000 + "</body></html>"
    plan = plan_of(write(tmp_path, "plan.txt", html), bound=40)
    assert plan["summary"]["goals"] >= 1


def test_600_headings_each_numbered_one_level_deeper(tmp_path):
    lines, number = ["Verksamhetsplan 2031", ""], []
    for _ in range(600):
        number.append("1")
        lines += [".".join(number) + " Rubrik", "", "Vi ska ses.", ""]
    plan = plan_of(write(tmp_path, "plan.txt", "\n".join(lines)), bound=30)
    depth, sections = 0, plan["sections"]
    while sections:
        depth, sections = depth + 1, sections[-1]["sections"]
    assert depth <= 9


@pytest.mark.parametrize("mark", ["`", "**", "__", "- **"])
def test_a_line_of_marks_alone_in_a_run_of_short_lines_is_a_blank_not_a_crash(tmp_path, mark):
    text = "\n".join(["Rubrik", "", "Ett", mark, "Tre", "Fyra", "Fem", "Sex"]) + "\n"
    plan = plan_of(write(tmp_path, "plan.txt", text), bound=20)
    assert "Sex" in json.dumps(plan, ensure_ascii=False)
