"""planparse check: the measurable-goals policy as CI and pre-commit hooks use it."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

import planparse
from planparse.check import Policy, check_plan, unmeasurable_reason

from conftest import SAMPLES, seed_files
from test_cli import run

VAGUE = "Verksamhetsplan 2025\n\nMÅL\n\n- Öka antalet medlemmar\n- Bli en bättre förening\n- Ordna en resa i maj 2025\n"


@pytest.fixture
def vague_plan(tmp_path):
    path = tmp_path / "vag.txt"
    path.write_text(VAGUE, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", seed_files(".txt") + [SAMPLES / "granbacka-2025.txt"], ids=lambda p: p.name)
def test_plans_with_measurable_goals_pass_with_the_defaults(path):
    proc = run("check", str(path))
    assert proc.returncode == 0, proc.stdout


def test_a_plan_without_numbers_fails_and_names_each_goal_with_its_line(vague_plan):
    proc = run("check", str(vague_plan))
    assert proc.returncode == 1
    for line, text in ((5, "Öka antalet medlemmar"), (6, "Bli en bättre förening"), (7, "Ordna en resa i maj 2025")):
        assert any(f"rad {line}:" in ln and text in ln for ln in proc.stdout.splitlines()), proc.stdout


@pytest.mark.parametrize("text,reason", [
    ("Öka antalet medlemmar", "vague_change"),
    ("Förbättra kommunikationen med medlemmarna", "vague_change"),
    ("Arrangera en resa i maj 2025", "no_number"),
    ("Hålla årsmöte enligt § 7 i stadgarna", "uncounted_number"),
])
def test_it_gives_the_reason_a_goal_is_not_measurable(text, reason):
    plan = planparse.parse_text(f"# Plan\n\n## Mål\n\n- {text}\n")
    (goal,) = [g for _, g in plan.goals()]
    assert not goal.measurable
    assert unmeasurable_reason(goal) == reason


def test_the_policy_options_set_the_bar(vague_plan):
    assert run("check", str(vague_plan), "--min-measurable", "0", "--min-targets", "0").returncode == 0
    plan = planparse.parse(SAMPLES / "bjorkvik-2025.txt")
    assert check_plan(plan, Policy(min_measurable=0.5)).passed
    assert not check_plan(plan, Policy(min_measurable=1.0)).passed


def test_the_github_report_annotates_file_and_line(vague_plan):
    proc = run("check", str(vague_plan), "--format", "github")
    warnings = [ln for ln in proc.stdout.splitlines() if ln.startswith("::warning")]
    assert len(warnings) == 3 and ",line=5::" in warnings[0]
    assert any(ln.startswith("::error file=") for ln in proc.stdout.splitlines())


def test_the_json_and_junit_reports_parse(vague_plan):
    (report,) = json.loads(run("check", str(vague_plan), "--format", "json").stdout)
    assert report["passed"] is False and len(report["unmeasurable"]) == 3
    root = ET.fromstring(run("check", str(vague_plan), "--format", "junit").stdout)
    suite = root.find("testsuite")
    assert suite is not None and int(suite.get("failures")) == 4


def test_an_unreadable_plan_exits_2(tmp_path):
    proc = run("check", str(tmp_path / "saknas.txt"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_the_text_report_speaks_one_language(vague_plan):
    swedish = run("check", str(vague_plan), "--min-targets", "0").stdout.splitlines()[0]
    assert swedish.endswith("UNDERKÄND — 3 mål, 0 mätbara (0%), 0 måltal")
    english = run("check", str(vague_plan), "--lang", "en").stdout
    assert english.splitlines()[0].endswith("FAILED — 3 goals, 0 measurable (0%), 0 targets")
    assert "  line 5: The goal says something should change but not by how much" in english
    assert not any(w in english for w in (" mål", "mätbara", "krävs", "rad "))
