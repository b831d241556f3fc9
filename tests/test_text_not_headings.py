"""Short lines standing alone that are still no headings, and a list whose bullets a PDF
copy put on lines of their own. Every example is our own invention."""
from __future__ import annotations

import pytest

from planparse.api import parse_text
from planparse.blocks import Kind
from planparse.readers.text import read_text

TITLE = "Verksamhetsplan för Lindby Kör 2031"
BODY = "Kören övar varje tisdag i församlingshemmet och alla är välkomna."


def sections(text: str) -> list[str]:
    return [s.title for top in parse_text(text).sections for s in top.walk() if s.title]


@pytest.mark.parametrize("line", [
    pytest.param("2031", id="a year alone"),
    pytest.param("Foto: Anna Lind", id="a field and its value"),
    pytest.param("Ansvarig: Kassören", id="a field naming who"),
    pytest.param("”Sång för alla åldrar”", id="a motto in quotation marks"),
    pytest.param("(Se bilaga 2)", id="a note in parentheses"),
    pytest.param("Läs mer om kören >>", id="a link"),
    pytest.param("Senast uppdaterad Publicerad", id="a web page's byline"),
    pytest.param("Dela artikeln Kopiera länk", id="a web page's control"),
    pytest.param("Ett-år-med-Lindby-Kör", id="a page's name in its address"),
    pytest.param("Nr 2/2031", id="a newsletter's issue number"),
    pytest.param("Transkript", id="a document site's label over its copy"),
])
def test_a_line_standing_alone_that_heads_nothing_by_its_form_is_no_section(line):
    assert sections(f"{TITLE}\n\nRepertoar\n\n{line}\n\n{BODY}\n") == ["Repertoar"]


@pytest.mark.parametrize("line", ["Mål 2: Fler sångare", "Våra konserter", "Varför sjunger vi?"])
def test_headings_like_those_stay_headings(line):
    assert sections(f"{TITLE}\n\n{line}\n\n{BODY}\n") == [line]


def test_a_name_under_the_place_and_date_line_is_a_signature_not_a_section():
    text = f"{TITLE}\n\nKonserter\n\n{BODY}\n\nLindby den 3 mars 2031\nAnna Lind\nOrdförande\n"
    assert sections(text) == ["Konserter"]


def test_bullets_on_lines_of_their_own_mark_as_many_lines_after_them():
    text = f"{TITLE}\n\nKören ska:\n\n\uf0b7\n\uf0b7\n\uf0b7\n\nSjunga vid tre konserter\nÖva stämsång\nBjuda in en gästdirigent\n\n{BODY}\n"
    blocks = read_text(text.encode())
    assert [b.text for b in blocks if b.kind is Kind.LIST_ITEM] == [
        "Sjunga vid tre konserter", "Öva stämsång", "Bjuda in en gästdirigent"]
    plan = parse_text(text)
    assert sections(text) == []
    assert [g.text for g in plan.sections[0].goals][:3] == [
        "Sjunga vid tre konserter", "Öva stämsång", "Bjuda in en gästdirigent"]


def test_bullets_on_lines_of_their_own_mark_nothing_when_fewer_lines_of_text_follow():
    text = f"{TITLE}\n\n\uf0b7\n\uf0b7\n\uf0b7\n\nSjunga vid tre konserter\n\nKonserter\n\n{BODY}\n"
    assert not any(b.kind is Kind.LIST_ITEM for b in read_text(text.encode()))


def test_a_value_standing_alone_under_its_indicator_is_not_continued_by_a_note_in_parentheses():
    text = (f"{TITLE}\n\nStödet fördelas så här:\n\nBarnkören\n60%\n(varav hälften till noter)\n"
            "Stödet till barnkören går till noter, resor och ett läger för alla barn i juni.\n\nVuxenkören\n40%\n")
    goals = [g.text for top in parse_text(text).sections for s in top.walk() for g in s.goals]
    assert "Barnkören 60%" in goals and "Vuxenkören 40%" in goals


def test_a_table_of_contents_without_page_numbers_gives_each_heading_once():
    text = (f"{TITLE}\n\nInnehåll\n\nKonserter\nResor\nEkonomi\n\nKonserter\n\n{BODY}\n\nResor\n\n"
            "Vi reser till Åland i maj.\n\nEkonomi\n\nKassan räcker till noter och resor.\n")
    assert sections(text) == ["Konserter", "Resor", "Ekonomi"]


def test_a_heading_with_a_comma_over_labelled_lines_is_not_glued_to_the_item_above_it():
    text = (f"{TITLE}\n\nSångare:\n- Värva fler tenorer\n- Öka antalet konserter\nBarnkör, sång\n"
            "Ansvarig: Körledaren\nLäget:\nTolv barn sjunger i kören i dag.\nMål:\n- Sjunga i kyrkan i advent\n"
            "Vuxenkör, sång\nAnsvarig: Styrelsen\nLäget:\nKören har trettio sångare.\n")
    plan = parse_text(text)
    assert sections(text) == ["Sångare", "Barnkör, sång", "Vuxenkör, sång"]
    assert "Öka antalet konserter" in [g.text for top in plan.sections for s in top.walk() for g in s.goals]


def test_a_name_and_title_over_a_contact_line_is_no_heading():
    text = f"{TITLE}\n\nKontakt\n\nFrågor om kören besvaras gärna.\nAnna Lind, ordförande\nTel: 070 123 45 67\n"
    assert sections(text) == ["Kontakt"]
