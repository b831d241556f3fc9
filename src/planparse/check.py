"""The measurable-goals policy behind ``planparse check``, and its reports.

A plan passes when at least ``min_measurable`` of its goals (kind "goal") carry a target
and it has at least ``min_targets`` targets. Every goal without a target is named with
the reason and a suggestion, in Swedish, of how to make it measurable.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from .model import Goal, Plan
from .targets import has_number, promises_change

#: reason -> (what is wrong, how to make it measurable)
ADVICE: dict[str, tuple[str, str]] = {
    "vague_change": ("säger att något ska ändras men inte hur mycket",
                     "ange till eller med hur mycket: 'Öka antalet medlemmar till minst N' eller 'med N'"),
    "uncounted_number": ("har ett tal men inget som räknas",
                         "skriv vad talet räknar och hur: 'minst N möten', 'N % av medlemmarna'"),
    "no_number": ("saknar tal",
                  "ange hur många: 'Arrangera minst N ...', eller en nivå: 'minst N %'"),
}


@dataclass(frozen=True, slots=True)
class Policy:
    min_measurable: float = 0.5
    min_targets: int = 1


@dataclass(slots=True)
class Finding:
    """A goal that is not measurable, and why."""

    goal: Goal
    reason: str

    @property
    def message(self) -> str:
        what, how = ADVICE[self.reason]
        return f"Målet {what}: \"{_short(self.goal.text)}\" — {how}"


@dataclass(slots=True)
class Verdict:
    file: str
    goals: int
    measurable: int
    targets: int
    passed: bool
    problems: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.measurable / self.goals if self.goals else 0.0


def unmeasurable_reason(goal: Goal) -> str:
    """Why a goal carries no target: vague change, a number counting nothing, no number."""
    if has_number(goal.text):
        return "uncounted_number"
    if promises_change(goal.text):
        return "vague_change"
    return "no_number"


def check_plan(plan: Plan, policy: Policy) -> Verdict:
    goals = [g for _, g in plan.goals() if g.kind == "goal"]
    measurable = sum(g.measurable for g in goals)
    targets = sum(len(g.targets) for _, g in plan.goals())
    verdict = Verdict(plan.source.file, len(goals), measurable, targets, True)
    if not goals:
        verdict.problems.append("planen har inga mål")
    elif verdict.share < policy.min_measurable:
        verdict.problems.append(f"{measurable} av {len(goals)} mål är mätbara ({verdict.share:.0%}); "
                                f"minst {policy.min_measurable:.0%} krävs")
    if targets < policy.min_targets:
        verdict.problems.append(f"{targets} mätbara mål (targets); minst {policy.min_targets} krävs")
    verdict.passed = not verdict.problems
    verdict.findings = [Finding(g, unmeasurable_reason(g)) for g in goals if not g.measurable]
    return verdict


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ------------------------------------------------------------------ reports

def report_text(verdicts: list[Verdict], paths: dict[str, str]) -> str:
    lines = []
    for v in verdicts:
        status = "OK" if v.passed else "UNDERKÄND"
        lines.append(f"{paths.get(v.file, v.file)}: {status} — {v.goals} mål, {v.measurable} mätbara "
                     f"({v.share:.0%}), {v.targets} targets")
        lines += [f"  {p}" for p in v.problems]
        for f in v.findings:
            lines.append(f"  rad {f.goal.location.line or '?'}: {f.message}")
    return "\n".join(lines) + "\n"


def report_json(verdicts: list[Verdict], paths: dict[str, str]) -> str:
    out = []
    for v in verdicts:
        out.append({
            "file": paths.get(v.file, v.file), "passed": v.passed, "goals": v.goals, "measurable_goals": v.measurable,
            "targets": v.targets, "problems": v.problems,
            "unmeasurable": [{"goal": f.goal.text, "line": f.goal.location.line, "page": f.goal.location.page,
                              "reason": f.reason, "message": f.message} for f in v.findings],
        })
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def report_github(verdicts: list[Verdict], paths: dict[str, str]) -> str:
    """GitHub workflow commands: a warning per unmeasurable goal, an error per failed plan."""
    lines = []
    for v in verdicts:
        path = paths.get(v.file, v.file)
        for f in v.findings:
            line = f",line={f.goal.location.line}" if f.goal.location.line else ""
            lines.append(f"::warning file={_gh_property(path)}{line}::{_gh(f.message)}")
        for p in v.problems:
            lines.append(f"::error file={_gh_property(path)}::{_gh(p)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _gh(text: str) -> str:
    """Escaped for a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    """Escaped for a workflow command's property (file=...)."""
    return _gh(text).replace(":", "%3A").replace(",", "%2C")


def report_junit(verdicts: list[Verdict], paths: dict[str, str]) -> str:
    """JUnit XML: a suite per plan, a case for the policy and one per goal."""
    suites = []
    for v in verdicts:
        path = paths.get(v.file, v.file)
        cases = [f'    <testcase classname={quoteattr(path)} name="policy">'
                 + (f'<failure message={quoteattr("; ".join(v.problems))}/>' if v.problems else "") + "</testcase>"]
        for f in v.findings:
            name = f"rad {f.goal.location.line or '?'}: {_short(f.goal.text, 60)}"
            cases.append(f"    <testcase classname={quoteattr(path)} name={quoteattr(name)}>"
                         f"<failure message={quoteattr(f.message)}>{escape(f.goal.text)}</failure></testcase>")
        failures = len(v.findings) + (1 if v.problems else 0)
        suites.append(f'  <testsuite name={quoteattr(path)} tests="{len(v.findings) + 1}" failures="{failures}">\n'
                      + "\n".join(cases) + "\n  </testsuite>")
    return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n' + "\n".join(suites) + "\n</testsuites>\n"


REPORTS = {"text": report_text, "json": report_json, "github": report_github, "junit": report_junit}
