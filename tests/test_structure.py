"""The structure stage on layouts real plans use: titles, bodies, years and status away
from the first line, sections, and goals written without list marks. Every example is
our own wording of a pattern seen in real plans."""
from __future__ import annotations

import doctest
import importlib

import pytest

from planparse.api import parse_text

STRUCTURE_MODULES = ["planparse.structure.build", "planparse.structure.goals", "planparse.structure.metadata",
                     "planparse.readers.text", "planparse.readers.markup"]


@pytest.mark.parametrize("name", STRUCTURE_MODULES)
def test_module_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0


def sections(plan) -> list[str]:
    return [s.title for top in plan.sections for s in top.walk() if s.title]


def goals(plan) -> list[str]:
    return [g.text for top in plan.sections for s in top.walk() for g in s.goals]


# ------------------------------------------------------------------ metadata

def test_a_first_heading_without_a_plan_word_is_the_title():
    plan = parse_text("Riktlinjer för ledare\n\nVåra ledare ordnar turer i skog och fjäll.\n\n"
                      "Utrustning\n\nKlubben lånar ut tält.\n")
    assert plan.title == "Riktlinjer för ledare"
    assert sections(plan) == ["Utrustning"]


def test_a_short_kicker_above_the_title_is_not_a_section():
    plan = parse_text("Nyheter\n\nFler barn ska hitta till simklubben\n\nBakgrund\n\n"
                      "Klubben har vuxit i flera år.\n")
    assert plan.title == "Fler barn ska hitta till simklubben"
    assert "Nyheter" not in sections(plan)


def test_a_title_run_into_a_table_of_contents_is_cut_there():
    text = ("Verksamhetsplan för året 2031 Innehållsförteckning 1. Inledning... 2 2. Medlemmar... 3 "
            "3. Ekonomi... 4 4. Resor... 5\n\nInledning\n\nKlubben växer.\n")
    plan = parse_text(text)
    assert plan.title == "Verksamhetsplan för året 2031" and plan.year == 2031


def test_the_years_come_from_the_opening_when_the_title_has_none():
    plan = parse_text("Verksamhetsplan\n\nPlanen gäller för perioden 2031–2032 och följs upp varje höst.\n")
    assert plan.years == [2031, 2032]


def test_a_status_stated_in_the_first_sentence_counts():
    plan = parse_text("Verksamhetsplan 2031\n\nPlanen fastställdes av årsmötet i mars. Den ses över varje år.\n")
    assert plan.status == "adopted"


def test_a_one_word_name_of_a_body_is_found_when_no_fuller_name_is():
    plan = parse_text("Verksamhetsplan 2031\n\nSeglarklubbens medlemmar ordnar tre regattor.\n")
    assert plan.organization == "Seglarklubben"  # the body, not its genitive


def test_a_date_written_with_spaces_at_the_end():
    plan = parse_text("Verksamhetsplan 2031\n\nVi ska ordna fem möten.\n\nLindby 2031 02 14\n")
    assert plan.date == "2031-02-14"


def test_a_deadline_in_the_last_item_is_not_the_plans_date():
    plan = parse_text("Verksamhetsplan 2031\n\nMål\n\n- Vara minst 80 medlemmar 2031-12-31\n")
    assert plan.date is None


# ------------------------------------------------------------------ goals without list marks

def test_lines_that_open_with_an_infinitive_are_items():
    plan = parse_text("Verksamhetsplan 2031\n\nVåra åtaganden\n\nAnordna en vårfest för alla boende.\n\n"
                      "Verka för bättre belysning längs ån.\n\nByn har en lång historia av fester.\n")
    assert goals(plan) == ["Anordna en vårfest för alla boende.", "Verka för bättre belysning längs ån."]


def test_a_line_standing_alone_that_opens_with_an_infinitive_is_an_item_not_a_heading():
    plan = parse_text("Verksamhetsplan 2031\n\nMedlemmar\n\nVärva nya medlemmar bland grannarna\n\n"
                      "Resor\n\nVi åker till kusten i juni.\n")
    assert sections(plan) == ["Medlemmar", "Resor"]
    assert "Värva nya medlemmar bland grannarna" in goals(plan)


def test_att_paragraphs_under_a_repeated_goal_label_are_goals_and_the_label_is_a_lead_in():
    plan = parse_text("Verksamhetsplan 2031\n\nStudier\n\nCirklarna är populära bland medlemmarna.\n\nMål\n\n"
                      "Att föreningen ordnar en cirkel om bin.\n\nAtt fler yngre går en kurs.\n\n"
                      "Resor\n\nResorna lockar många.\n\nMål\n\nAtt vi reser till Gotland.\n")
    assert sections(plan) == ["Studier", "Resor"]
    assert goals(plan) == ["Att föreningen ordnar en cirkel om bin.", "Att fler yngre går en kurs.",
                           "Att vi reser till Gotland."]
    assert {g.kind for s in plan.sections for g in s.goals} == {"goal"}


def test_a_goal_label_said_once_heads_a_section_of_its_own():
    plan = parse_text("Verksamhetsplan 2031\n\nBakgrund\n\nFöreningen bildades för länge sedan.\n\nMål\n\n"
                      "- Fler paddlare\n- Ny brygga\n")
    assert sections(plan) == ["Bakgrund", "Mål"]


def test_a_goal_heading_over_prose_is_a_section():
    plan = parse_text("Verksamhetsplan 2031\n\nBakgrund\n\nFöreningen bildades för länge sedan.\n\nMål\n\n"
                      "Vi ska bli fler som paddlar tillsammans.\n")
    assert sections(plan) == ["Bakgrund", "Mål"]


# ------------------------------------------------------------------ sections in plain text

def test_an_all_caps_heading_may_end_with_a_full_stop():
    plan = parse_text("Verksamhetsplan 2031\n\nVÅRA RESOR.\n\nVi åker till fjällen i mars.\n")
    assert sections(plan) == ["VÅRA RESOR"]


def test_a_short_question_standing_alone_is_a_heading():
    plan = parse_text("Verksamhetsplan 2031\n\nVarför paddla?\n\nDet är roligt och nyttigt.\n")
    assert sections(plan) == ["Varför paddla?"]


def test_a_table_of_contents_gives_no_sections_and_no_goals():
    plan = parse_text("Verksamhetsplan 2031\n\nInnehåll\n1. Medlemmar 2\n2. Resor 3\n\n"
                      "Medlemmar\n\nVi ska bli 40 medlemmar.\n\nResor ........ 3\n")
    assert sections(plan) == ["Medlemmar"]
    assert goals(plan) == ["Vi ska bli 40 medlemmar."]


def test_a_heading_glued_to_its_paragraph_in_capitals_is_split_off():
    plan = parse_text("Verksamhetsplan 2031\n\nSTUDIECIRKLAR Vi ordnar två cirklar i vår.\n")
    assert sections(plan) == ["STUDIECIRKLAR"]


def test_a_heading_between_wrapped_paragraphs_is_not_glued_to_the_one_above():
    wrapped = ("Föreningen har under många år ordnat resor och fester för alla\n"
               "medlemmar i byn och fortsätter med det även under nästa år.\n")
    text = "Verksamhetsplan 2031\n" + wrapped * 3 + "Våra resor\n" + wrapped * 3
    assert "Våra resor" in sections(parse_text(text))


def test_short_lines_one_per_line_are_a_list_under_their_one_word_heading():
    plan = parse_text("Verksamhetsplan 2031\nVi har tre områden för året.\nResor\nEn dag vid havet\n"
                      "Vandring i fjällen\nFester\nSommarfest i byn\nJulgransplundring\n")
    assert sections(plan) == ["Resor", "Fester"]
    assert goals(plan) == ["En dag vid havet", "Vandring i fjällen", "Sommarfest i byn", "Julgransplundring"]


def test_a_place_and_date_line_is_no_heading_and_no_part_of_the_last_item():
    plan = parse_text("Verksamhetsplan 2031\n\nMål\n\n- Ordna en loppis\nLindby den 3 mars 2031\n")
    assert goals(plan) == ["Ordna en loppis"]
    assert sections(plan) == ["Mål"]
    assert plan.date == "2031-03-03"


def test_paragraph_marks_used_as_bullets():
    plan = parse_text("Verksamhetsplan 2031\n\nAktiviteter\n\n§  Ordna en loppis\n§  Måla klubbstugan\n")
    assert goals(plan) == ["Ordna en loppis", "Måla klubbstugan"]


def test_a_table_of_contents_run_into_prose_gives_no_goals():
    plan = parse_text("Verksamhetsplan 2031\n\nInnehåll 1 Medlemmar... 2 Resor... 3 Ekonomi... 4 Fester... "
                      "5 Övrigt... 6 Bilagor... 7\n\nMedlemmar\n\nVi ska bli 40 medlemmar.\n")
    assert goals(plan) == ["Vi ska bli 40 medlemmar."]


def test_a_name_in_a_run_of_short_lines_is_no_item():
    plan = parse_text("Verksamhetsplan 2031\n\nVi ska ordna fem möten.\n\nStyrelsen\nAnna Lind\nPer Holm\nEva Berg\n")
    assert goals(plan) == ["Vi ska ordna fem möten."]


# ------------------------------------------------------------------ items a flattened layout ran together

def test_numbered_att_items_run_into_one_paragraph_are_split():
    plan = parse_text("Verksamhetsplan 2031\n\nMål\n\nFöreningen vill: 1. Att ordna minst 3 fester "
                      "2. Att måla stugan 3. Att värva 10 nya medlemmar\n")
    assert goals(plan)[-3:] == ["Att ordna minst 3 fester", "Att måla stugan", "Att värva 10 nya medlemmar"]


def test_an_indicator_line_and_its_target_line_are_one_goal():
    plan = parse_text("Verksamhetsplan 2031\n\nUppföljning\n\nAndel medlemmar som paddlar varje vecka\n\n"
                      "Minst 40 %\n")
    assert goals(plan) == ["Andel medlemmar som paddlar varje vecka Minst 40 %"]
    assert sections(plan) == ["Uppföljning"]


# ------------------------------------------------------------------ kind: goal or activity

def kinds(plan) -> dict[str, str]:
    return {g.text: g.kind for top in plan.sections for s in top.walk() for g in s.goals}


def test_every_item_of_a_goal_document_is_a_goal():
    plan = parse_text("Verksamhetsmål 2031\n\nFritid\n\n- Sommarläger vid sjön\n- Höstfest i byn\n")
    assert set(kinds(plan).values()) == {"goal"}


def test_a_lead_in_that_names_goals_makes_its_items_goals():
    plan = parse_text("Verksamhetsplan 2031\n\nKlubbens tre viktigaste mål är:\n\n- Fler unga ledare\n- Ny bastu\n")
    assert set(kinds(plan).values()) == {"goal"}


def test_att_items_and_prose_sentences_with_targets_are_goals_other_items_activities():
    plan = parse_text("Verksamhetsplan 2031\n\nFritid\n\n- Att fler barn lär sig simma\n- Sommarfest i juni\n\n"
                      "Styrelsen träffas minst sex gånger under året.\n")
    assert kinds(plan) == {"Att fler barn lär sig simma": "goal", "Sommarfest i juni": "activity",
                           "Styrelsen träffas minst sex gånger under året.": "goal"}


def test_goal_wording_in_a_subordinate_clause_does_not_make_an_item_a_goal():
    plan = parse_text("Verksamhetsplan 2031\n\nEkonomi\n\n- Bidra med 500 kr till scouterna så att de ska kunna åka\n")
    assert set(kinds(plan).values()) == {"activity"}


def test_five_one_sentence_paragraphs_in_a_row_are_items_that_lost_their_marks():
    lines = ["Kören sjunger i kyrkan i maj.", "Vi reser till Åland i juni.", "Styrelsen bjuder på glögg i december.",
             "Medlemmarna målar stugan i augusti.", "Vi har en loppis på torget i september."]
    plan = parse_text("Verksamhetsplan 2031\n\nKlubben är en förening för alla som bor i byn.\n\n"
                      + "\n\n".join(lines) + "\n")
    assert goals(plan) == lines


def test_a_short_lower_case_line_above_a_list_heads_it():
    plan = parse_text("Verksamhetsplan 2031\n\nekonomi\n\n- Sälja lotter\n- Söka bidrag\n")
    assert sections(plan) == ["ekonomi"]


def test_a_line_that_a_list_finishes_is_a_lead_in_not_a_heading():
    plan = parse_text("Verksamhetsplan 2031\n\nStyrelsen\n\nStyrelsens uppgift är\n\n- att kalla till möten\n"
                      "- att sköta kassan\n\nÅr 2031 ska klubben\n\n- ha 50 medlemmar\n")
    assert sections(plan) == ["Styrelsen"]
    assert goals(plan) == ["att kalla till möten", "att sköta kassan", "ha 50 medlemmar"]


def test_the_body_a_title_names_after_for():
    plan = parse_text("Verksamhetsplan för Lindby Kammarkör 2031\n\nVi ska sjunga i fem kyrkor.\n")
    assert plan.organization == "Lindby Kammarkör" and plan.year == 2031


def test_a_schedule_laid_out_in_columns_is_one_goal_a_row_not_headings():
    plan = parse_text("Aktiviteter 2031 för Lindby Hembygdsförening\n\n"
                      "Vårstädning              12 april\n\n"
                      "Midsommarfirande         juni\n\n"
                      "Slåtter på ängen         första helgen i juli\n\n"
                      "Glögg i stugan           14 december\n\n"
                      "Alla är välkomna med idéer!\n")
    assert sections(plan) == []
    assert [" ".join(g.replace("–", "").split()) for g in goals(plan)] == [
        "Vårstädning 12 april", "Midsommarfirande juni", "Slåtter på ängen första helgen i juli",
        "Glögg i stugan 14 december"]


def test_a_list_that_lost_its_marks_under_a_heading_is_one_item_a_line():
    plan = parse_text("Kårens år\n\nHösten\n\n"
                      "början av september, Terminsstart\n"
                      "Hajk för de yngsta (andra helgen i september).\n"
                      "Insamling till ett välgörande ändamål\n"
                      "Ledarträff.\n"
                      "Julmarknad på torget med försäljning av adventsljus och kransar\n"
                      "Terminsavslutning\n")
    assert sections(plan) == ["Hösten"]
    assert len(goals(plan)) == 6 and goals(plan)[0] == "början av september, Terminsstart"


def test_a_heading_between_a_wrapped_item_and_the_next_list_is_a_section():
    plan = parse_text("Plan för Lindby Seglarsällskap 2031\n"
                      "Syfte\n"
                      "• Alla barn i byn ska få prova på att segla under sommaren\n"
                      "Gemensamma mål\n"
                      "• Fler seglare i alla åldrar\n"
                      "• Ordna kappseglingar tillsammans med grannklubben i\n"
                      "Norrviken\n"
                      "• Måla om klubbhuset\n")
    assert sections(plan) == ["Syfte", "Gemensamma mål"]
    assert "Ordna kappseglingar tillsammans med grannklubben i Norrviken" in goals(plan)


def test_a_line_that_breaks_off_on_a_preposition_or_vara_leads_into_its_list():
    plan = parse_text("Verksamhetsplan 2031\n\nMedlemmar\n\nKlubbens styrka vilar på:\n\n"
                      "- Glada ledare\n- Bra lokaler\n\nFokus bör vara\n"
                      "° att välkomna nya familjer\n° att behålla de äldre seglarna\n")
    assert sections(plan) == ["Medlemmar"]
    assert goals(plan) == ["Glada ledare", "Bra lokaler", "att välkomna nya familjer", "att behålla de äldre seglarna"]


def test_an_indicator_line_over_a_line_of_only_a_percentage_is_one_goal():
    plan = parse_text("Verksamhetsplan 2031\n\nBidraget delas så här:\n\nJuniorer\n60%\n\nVeteraner\n40%\n")
    assert sections(plan) == []
    assert goals(plan) == ["Juniorer 60%", "Veteraner 40%"]


def test_a_heading_about_the_body_is_a_section_not_front_matter():
    plan = parse_text("VERKSAMHETSPLAN 2031\nOm Lindby Seglarsällskap\n"
                      "Sällskapet samlar seglare i alla åldrar kring sjön.\nMål\n- Fler seglare\n")
    assert plan.organization == "Lindby Seglarsällskap"
    assert sections(plan) == ["Om Lindby Seglarsällskap", "Mål"]


def test_a_first_line_naming_the_body_among_other_words_is_the_title():
    plan = parse_text("Ett seglarår i Lindby Seglarsällskap\n\nBilden ovan\n\nVåren\n\n"
                      "Sjösättning i maj\nKappsegling\nMidsommarsegling\n")
    assert plan.title == "Ett seglarår i Lindby Seglarsällskap"


def test_a_heading_indented_under_the_last_item_heads_the_block_below():
    plan = parse_text("Verksamhetsplan 2031\n\nMål\n\n"
                      " • Värva fler medlemmar bland\n   grannarna i byn\n   Årets aktiviteter\n\n"
                      "Vi ordnar en vårfest i maj och en loppis i september.\n")
    assert sections(plan) == ["Mål", "Årets aktiviteter"]
    assert goals(plan)[0] == "Värva fler medlemmar bland grannarna i byn"


@pytest.mark.parametrize("text", [
    "Årsmötesbeslut: Verksamhetsplan 2031\n\nVi ska ordna fem möten.\n",
    "Verksamhetsplan 2031\n\nPå årsmötet i mars togs beslut om planen nedan.\n\nVi ska ordna fem möten.\n",
])
def test_a_decision_named_in_the_title_or_the_opening_makes_the_plan_adopted(text):
    assert parse_text(text).status == "adopted"


def test_a_title_ending_in_its_year_run_into_the_text_of_a_transcript_is_cut_there():
    plan = parse_text("Förslag till verksamhetsplan 2031 Medlemmar Klubben ska bli större under året och "
                      "ordna fler träffar för alla som vill segla med oss i sommar.\n")
    assert (plan.title, plan.status) == ("Förslag till verksamhetsplan 2031", "draft")
    assert plan.years == [2031]


@pytest.mark.parametrize("text,name", [
    ("Adress: Lindbyförskolan Solen, föräldrakooperativ Storgatan 5", "Lindbyförskolan Solen"),
    ("Förskolan ligger strax utanför Lindby. Förskolan har två avdelningar.", None),
    ("Alla är välkomna hos Miljöpartiets lokalavdelning.", "Miljöpartiets lokalavdelning"),
])
def test_an_organisation_name_stops_at_a_label_and_at_a_sentence_end(text, name):
    from planparse.structure.metadata import organization_in
    assert organization_in(text) == name


def test_a_party_named_in_one_word_is_the_organisation_in_the_genitive_too():
    from planparse.structure.metadata import organization_in
    assert organization_in("Grunden för Vänsterpartiets arbete är medlemmarna.", compounds=True) == "Vänsterpartiet"
