"""``planparse parse PLAN --format text``: the plan's outline for a person at a terminal.

Sections as an indented tree, goals under them with their targets highlighted in the
goal's own words and the normalized reading beside each; goals that check would flag are
marked. Colours only on a terminal, and never when NO_COLOR is set (no-color.org).
"""
from __future__ import annotations

import os
from typing import Callable, TextIO

from .check import Policy, check_plan
from .i18n import Lang, reading, status_word, word
from .model import Goal, Plan, Section

BOLD, YELLOW, CYAN, RED, RESET = "\033[1m", "\033[33m", "\033[36m", "\033[31m", "\033[0m"

#: wraps a text in an ANSI code, or leaves it plain
Paint = Callable[[str, str], str]


def use_colour(stream: TextIO) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def outline(plan: Plan, lang: Lang = "sv", *, colour: bool = False) -> str:
    paint = _painter(colour)
    verdict = check_plan(plan, Policy(), lang)
    flagged = {id(f.goal) for f in verdict.findings}
    years = "–".join(str(y) for y in (plan.years[0], plan.years[-1])) if len(plan.years) > 1 else str(plan.year or "–")
    lines = [paint(BOLD, plan.title or plan.source.file),
             f"{plan.organization or '–'} · {years} · {status_word(plan.status, lang)}",
             f"{word(lang, 'goals')}: {verdict.goals}, {word(lang, 'measurable').lower()}: {verdict.measurable} "
             f"({verdict.share:.0%}), {word(lang, 'targets').lower()}: {verdict.targets}", ""]
    for s in plan.sections:
        _section(s, 0, lines, lang, paint, flagged)
    return "\n".join(lines).rstrip("\n") + "\n"


def _section(s: Section, depth: int, lines: list[str], lang: Lang, paint: Paint, flagged: set[int]) -> None:
    indent = "  " * depth
    if s.title:
        lines.append(indent + paint(BOLD, s.title))
    for g in s.goals:
        lines.append(f"{indent}  {_bullet(g, flagged, paint)} {_goal_text(g, lang, paint)}")
    for child in s.sections:
        _section(child, depth + (1 if s.title else 0), lines, lang, paint, flagged)


def _bullet(g: Goal, flagged: set[int], paint: Paint) -> str:
    if id(g) in flagged:
        return paint(RED, "!")
    return "•" if g.kind == "goal" else "-"


def _goal_text(g: Goal, lang: Lang, paint: Paint) -> str:
    """The goal with each target highlighted where it stands and its reading in brackets after it."""
    out, pos, trailing = [], 0, []
    for t in sorted(g.targets, key=lambda t: t.span[0]):
        start, end = t.span
        note = paint(CYAN, f"[{reading(t, lang)}]")
        if start < pos or g.text[start:end] != t.text:
            trailing.append(note)
            continue
        out += [g.text[pos:start], paint(YELLOW, t.text), " " + note]
        pos = end
    out.append(g.text[pos:])
    return "".join(out) + "".join(" " + n for n in trailing)


def _painter(colour: bool) -> Paint:
    if not colour:
        return lambda code, text: text
    return lambda code, text: f"{code}{text}{RESET}"
