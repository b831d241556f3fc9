"""The .pre-commit-hooks.yaml that lets a plan's repository use planparse with repo: + rev:."""
from __future__ import annotations

import re
import shlex

import pytest

from planparse.cli import _parser
from planparse.readers import FORMATS

from conftest import ROOT, SAMPLES

yaml = pytest.importorskip("yaml")


def hooks() -> list[dict]:
    return yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_every_hook_runs_a_check_command_the_cli_accepts():
    assert [h["id"] for h in hooks()] == ["planparse-check", "planparse-check-en"]
    for hook in hooks():
        program, *args = shlex.split(hook["entry"])
        assert program == "planparse" and hook["language"] == "python"
        assert _parser().parse_args([*args, "plan.txt"]).command == "check"


def test_the_hooks_match_every_plan_format_and_nothing_else():
    pattern = re.compile(hooks()[0]["files"])
    assert all(pattern.search(p.name) for p in SAMPLES.iterdir() if not p.name.endswith(".json"))
    assert all(pattern.search(f"plan{suffix}") for suffix in FORMATS)
    assert not pattern.search("README.rst") and not pattern.search("plan.json")
