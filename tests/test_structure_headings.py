"""Headings the structure stage mends before it builds the tree. Our own examples."""
from __future__ import annotations

from planparse.api import parse_text
from planparse.blocks import Block, Cue, Kind
from planparse.model import Plan, Source
from planparse.structure import build_plan


def section_titles(plan: Plan) -> list[str]:
    return [s.title for top in plan.sections for s in top.walk() if s.title]


def heading(text: str, level: int) -> Block:
    return Block(text, Kind.HEADING, level, cue=Cue.FORMAT)


def test_a_year_wrapped_onto_a_heading_line_of_its_own_ends_that_heading_and_heads_no_section():
    blocks = [heading("Arbetsplan för Lindby förskola", 1), heading("2031/2032", 1), heading("Språk", 2),
              Block("Vi läser för barnen varje dag.", Kind.PARAGRAPH)]
    plan = build_plan(blocks, Source(file="plan.pdf", format="pdf", sha256="0", pages=1))
    assert plan.title == "Arbetsplan för Lindby förskola 2031/2032"
    assert [s.title for top in plan.sections for s in top.walk()] == ["Språk"]


def test_an_opening_sentence_that_mentions_a_plan_is_no_title_the_plan_line_below_it_is():
    blocks = [Block("En ny handlingsplan för klubben har tagits fram under våren.", Kind.PARAGRAPH),
              Block("Medlemsmålet för nästa år är 40 medlemmar.", Kind.PARAGRAPH),
              Block("Handlingsplan för Lindby Kör 2031", Kind.HEADING, cue=Cue.LABEL),
              Block("Vi sjunger varje vecka.", Kind.PARAGRAPH)]
    plan = build_plan(blocks, Source(file="plan.txt", format="txt", sha256="0", pages=None))
    assert plan.title == "Handlingsplan för Lindby Kör 2031"


def test_a_plain_text_title_broken_before_its_year_keeps_the_year_and_heads_no_section():
    plan = parse_text("VERKSAMHETSPLAN\n2031\n\nMedlemmar\n\nVi välkomnar nya sångare till kören.\n")
    assert plan.title == "VERKSAMHETSPLAN 2031"
    assert section_titles(plan) == ["Medlemmar"]


def test_a_year_line_under_an_ordinary_heading_is_not_taken_into_it():
    plan = parse_text("Verksamhetsplan för Lindby Kör 2031\n\nKonserter\n2031\n\nVi sjunger i kyrkan i advent.\n")
    assert "Konserter 2031" not in section_titles(plan)


def test_the_title_again_under_the_title_in_any_case_or_misspelt_is_front_matter_not_a_section():
    for repeat in ("VERKSAMHETSPLAN 2031", "Verksamhetplan 2031"):
        plan = parse_text(f"Verksamhetsplan 2031\n\n{repeat}\n\nMedlemmar\n\nVi välkomnar nya sångare.\n")
        assert section_titles(plan) == ["Medlemmar"]


def test_a_body_s_name_under_the_title_is_front_matter_when_the_plan_names_it_again():
    text = ("Verksamhetsplan 2031\n\nLindby Makerspace\n\nKurser\n\n"
            "Lindby Makerspace håller kurser i svetsning varje höst.\n")
    assert section_titles(parse_text(text)) == ["Kurser"]


def test_a_heading_in_title_case_under_the_title_stays_a_section():
    text = "Verksamhetsplan 2031\n\nNya Medlemmar\n\nVi välkomnar nya medlemmar till verkstaden.\n"
    assert section_titles(parse_text(text)) == ["Nya Medlemmar"]


def test_a_cover_page_s_plan_word_over_its_period_is_front_matter_not_a_section():
    text = ("Verksamhetsplan 2031-2035\n\nVerksamhetsplan\n\nför verksamhetsåren 2031-2035\n\n"
            "Medlemmar\n\nVi välkomnar nya sångare till kören.\n")
    assert section_titles(parse_text(text)) == ["Medlemmar"]
