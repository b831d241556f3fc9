"""The measurable-goals policy behind ``planparse check``, and its reports.

A plan passes when at least ``min_measurable`` of its goals (kind "goal") carry a target
and it has at least ``min_targets`` targets. Every goal without a target is named with
the reason and a suggestion of how to make it measurable, in Swedish for the plan's
writers (``lang="en"`` for English).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

import regex

from .model import Goal, Plan
from .targets import has_number, promises_change

#: language -> reason -> (what is wrong, how to make it measurable)
ADVICE: dict[str, dict[str, tuple[str, str]]] = {
    "sv": {
        "vague_change": ("säger att något ska ändras men inte hur mycket",
                         "ange till eller med hur mycket: 'Öka antalet medlemmar till minst N' eller 'med N'"),
        "uncounted_number": ("har ett tal men inget som räknas",
                             "skriv vad talet räknar och hur: 'minst N möten', 'N % av medlemmarna'"),
        "no_number": ("saknar tal",
                      "ange hur många: 'Arrangera minst N ...', eller en nivå: 'minst N %'"),
    },
    "en": {
        "vague_change": ("says something should change but not by how much",
                         "say to or by how much: 'Öka antalet medlemmar till minst N' or 'med N'"),
        "uncounted_number": ("has a number but nothing it counts",
                             "say what the number counts and how: 'minst N möten', 'N % av medlemmarna'"),
        "no_number": ("has no number",
                      "say how many: 'Arrangera minst N ...', or a level: 'minst N %'"),
    },
}

#: the report's own words, per language
WORDS: dict[str, dict[str, str]] = {
    "sv": {"goal": "Målet", "passed": "OK", "failed": "UNDERKÄND", "line": "rad",
           "summary": "{goals} mål, {measurable} mätbara ({share:.0%}), {targets} måltal",
           "no_goals": "planen har inga mål",
           "too_few_measurable": "{measurable} av {goals} mål är mätbara ({share:.0%}); minst {min:.0%} krävs",
           "too_few_targets": "{targets} måltal; minst {min} krävs"},
    "en": {"goal": "The goal", "passed": "OK", "failed": "FAILED", "line": "line",
           "summary": "{goals} goals, {measurable} measurable ({share:.0%}), {targets} targets",
           "no_goals": "the plan has no goals",
           "too_few_measurable": "{measurable} of {goals} goals are measurable ({share:.0%}); at least {min:.0%} "
                                 "required",
           "too_few_targets": "{targets} targets; at least {min} required"},
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
    lang: str = "sv"

    @property
    def message(self) -> str:
        what, how = ADVICE[self.lang][self.reason]
        return f"{WORDS[self.lang]['goal']} {what}: \"{_short(self.goal.text)}\" — {how}"


@dataclass(slots=True)
class Verdict:
    file: str
    goals: int
    measurable: int
    targets: int
    passed: bool
    problems: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    lang: str = "sv"

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


def check_plan(plan: Plan, policy: Policy, lang: str = "sv") -> Verdict:
    """The plan's verdict, its problems and findings worded in ``lang`` ("sv" or "en")."""
    goals = [g for _, g in plan.goals() if g.kind == "goal"]
    measurable = sum(g.measurable for g in goals)
    targets = sum(len(g.targets) for _, g in plan.goals())
    verdict = Verdict(plan.source.file, len(goals), measurable, targets, True, lang=lang)
    words = WORDS[lang]
    if not goals:
        verdict.problems.append(words["no_goals"])
    elif verdict.share < policy.min_measurable:
        verdict.problems.append(words["too_few_measurable"].format(
            measurable=measurable, goals=len(goals), share=verdict.share, min=policy.min_measurable))
    if targets < policy.min_targets:
        verdict.problems.append(words["too_few_targets"].format(targets=targets, min=policy.min_targets))
    verdict.passed = not verdict.problems
    verdict.findings = [Finding(g, unmeasurable_reason(g), lang) for g in goals if not g.measurable]
    return verdict


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ------------------------------------------------------------------ reports

def report_text(verdicts: list[Verdict], paths: dict[str, str]) -> str:
    lines = []
    for v in verdicts:
        words = WORDS[v.lang]
        status = words["passed" if v.passed else "failed"]
        summary = words["summary"].format(goals=v.goals, measurable=v.measurable, share=v.share, targets=v.targets)
        lines.append(f"{paths.get(v.file, v.file)}: {status} — {summary}")
        lines += [f"  {p}" for p in v.problems]
        for f in v.findings:
            lines.append(f"  {words['line']} {f.goal.location.line or '?'}: {f.message}")
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


#: characters XML 1.0 forbids even when escaped (control characters, lone surrogates)
NOT_XML = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _attr(text: str) -> str:
    """A quoted XML attribute value; characters XML cannot hold become U+FFFD."""
    return quoteattr(NOT_XML.sub("\ufffd", text))


def _text(text: str) -> str:
    return escape(NOT_XML.sub("\ufffd", text))


def report_junit(verdicts: list[Verdict], paths: dict[str, str]) -> str:
    """JUnit XML: a suite per plan, a case for the policy and one per goal."""
    suites = []
    for v in verdicts:
        path = paths.get(v.file, v.file)
        cases = [f'    <testcase classname={_attr(path)} name="policy">'
                 + (f'<failure message={_attr("; ".join(v.problems))}/>' if v.problems else "") + "</testcase>"]
        for f in v.findings:
            name = f"rad {f.goal.location.line or '?'}: {_short(f.goal.text, 60)}"
            cases.append(f"    <testcase classname={_attr(path)} name={_attr(name)}>"
                         f"<failure message={_attr(f.message)}>{_text(f.goal.text)}</failure></testcase>")
        failures = len(v.findings) + (1 if v.problems else 0)
        suites.append(f'  <testsuite name={_attr(path)} tests="{len(v.findings) + 1}" failures="{failures}">\n'
                      + "\n".join(cases) + "\n  </testsuite>")
    return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n' + "\n".join(suites) + "\n</testsuites>\n"


REPORTS = {"text": report_text, "json": report_json, "github": report_github, "junit": report_junit}
