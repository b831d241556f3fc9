"""A label ending in a colon that recurs, section after section, labels a part of each
section; it heads no section of its own. Every example is our own invention."""
from __future__ import annotations

from planparse.api import parse_text


def sections(plan) -> list[str]:
    return [s.title for top in plan.sections for s in top.walk() if s.title]


def plan_with(label: str, times: int) -> str:
    parts = ["# Arbetsplan för Lindby förskola 2031"]
    for topic in ("Språk", "Matematik", "Natur", "Rörelse")[:times]:
        parts += [f"## {topic}", f"Vi vill att barnen möter {topic.lower()} varje dag.", f"{label}:",
                  f"Vi arbetar med {topic.lower()} i leken och på utflykter."]
    return "\n\n".join(parts) + "\n"


def test_a_label_recurring_in_two_sections_heads_neither():
    plan = parse_text(plan_with("Metod", 2))
    assert sections(plan) == ["Språk", "Matematik"]
    assert "Vi arbetar med språk i leken" in plan.sections[0].text


def test_a_label_standing_once_heads_its_section():
    assert "Metod" in sections(parse_text(plan_with("Metod", 1)))
