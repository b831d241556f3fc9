"""Text under a heading or lead-in that describes how things are (``Nuläge``,
``Dagsläget:``, ``Bakgrund``) states facts: its sentences are no goals and their numbers
no targets, unless a sentence still commits to something. A goal label after it ends
that description. Every example is our own invention."""
from __future__ import annotations

from planparse.api import parse_text
from planparse.targets import TextContext
from planparse.targets.extract import why_not


def goals(plan) -> list[str]:
    return [g.text for top in plan.sections for s in top.walk() for g in s.goals]


def targets(plan) -> list[str]:
    return [t.describe() for top in plan.sections for s in top.walk() for g in s.goals for t in g.targets]


RECURRING_LABELS = """Verksamhetsplan för Ekbackens bollklubb 2031

Flickor 8-10 år

Dagsläget:

Ett 40-tal flickor tränar på onsdagar och 5 föräldrar hjälper till som ledare.

Mål 2031:

- Ordna minst 3 cuper under året
- Utbilda fler ledare

Pojkar 11-13 år

Dagsläget:

Laget har 18 spelare och tränar 2 gånger i veckan.

Mål 2031:

- Delta i 4 sammandrag
"""


def test_sentences_under_a_present_state_label_are_no_goals():
    plan = parse_text(RECURRING_LABELS)
    assert not any("tränar" in g for g in goals(plan))


def test_the_goal_label_after_a_present_state_label_ends_it():
    plan = parse_text(RECURRING_LABELS)
    assert "Ordna minst 3 cuper under året" in goals(plan)
    assert targets(plan) == [">= 3 cup", "= 4 sammandrag"]


SECTION = """# Verksamhetsplan för Lindås pensionärsförening 2031

## Nuläge

Föreningen har i dag 230 medlemmar. Cirka 60 av dem kommer till månadsmötena.
Vi vill bli minst 260 medlemmar till årsskiftet.

## Aktiviteter

- Tio månadsmöten
"""


def test_a_present_state_section_keeps_only_its_committing_sentence():
    plan = parse_text(SECTION)
    assert goals(plan) == ["Vi vill bli minst 260 medlemmar till årsskiftet.", "Tio månadsmöten"]
    assert targets(plan) == [">= 260 medlem", "= 10 månadsmöte"]


def test_list_items_that_describe_the_present_are_no_goals():
    plan = parse_text("# Plan för Björkby scoutkår 2031\n\n## Nuläge\n\n- kåren har 3 avdelningar\n"
                      "- för få ledare\n\n## Mål\n\n- Starta en ny avdelning\n")
    assert goals(plan) == ["Starta en ny avdelning"]


def test_a_subsection_with_another_name_is_outside_the_description():
    plan = parse_text("# Plan för Åsby IF 2031\n\n## Bakgrund\n\nKlubben ordnar 3 läger under året.\n\n"
                      "### Ungdom\n\nUngdomssektionen ordnar 2 läger under året.\n")
    assert goals(plan) == ["Ungdomssektionen ordnar 2 läger under året."]
    assert targets(plan) == ["= 2 läger"]


def test_an_inline_present_state_label_governs_its_paragraph_until_a_goal_label():
    plan = parse_text("# Plan för Tallbo hembygdsförening 2031\n\n## Museet\n\n"
                      "Dagsläget: Museet håller öppet 8 söndagar under sommaren.\n\n"
                      "Mål: Hålla öppet 12 söndagar under sommaren.\n")
    assert goals(plan) == ["Hålla öppet 12 söndagar under sommaren."]


def test_a_number_under_a_present_state_heading_is_a_fact_unless_bounded():
    present = TextContext(describes_present=True)
    assert why_not("Kören övar 2 gånger i månaden", present) == [("2", "a fact under a description of the present")]
    assert why_not("Kören övar 2 gånger i månaden") == [("2", None)]
    assert why_not("Kören ska öva minst 2 gånger i månaden", present) == [("2", None)]
