"""Metadata as real plans state it: the plan's own year, date and body, told from years,
dates and names the text only mentions. Every plan here is invented."""
from __future__ import annotations

import planparse


def meta(text: str) -> dict:
    plan = planparse.parse_text(text)
    return {"title": plan.title, "organization": plan.organization, "year": plan.year,
            "status": plan.status, "date": plan.date}


def test_a_year_only_mentioned_in_the_opening_is_not_the_plans_year():
    text = ("Vision och mål\n\nKlubben har vuxit stadigt sedan 2019 och firade sitt jubileum hösten 2030.\n\n"
            "Mål\n\n- Fler medlemmar\n- En ny hemsida\n")
    assert meta(text)["year"] is None


def test_a_period_stated_in_the_opening_is_the_plans_year():
    text = ("Vision och mål\n\nStyrelsen har tagit fram fokusområden för 2031-2033 efter medlemsenkäten.\n\n"
            "Mål\n\n- Fler medlemmar\n")
    assert meta(text)["year"] == 2031


def test_the_year_of_a_report_bundled_with_the_plan_is_not_the_plans():
    text = ("Årsberättelse 2030 och verksamhetsplan\n\nI år har styrelsen skrivit en egen plan för 2031.\n\n"
            "Mål\n\n- Fler medlemmar\n")
    assert meta(text)["year"] == 2031


def test_a_closing_line_naming_the_plan_gives_its_year_and_body():
    text = ("Vision och mål\n\nVi vill vara en levande förening.\n\nMål\n\n- Fler konserter\n- Fler medlemmar\n\n"
            "Länskörernas verksamhetsplan 2031\n")
    got = meta(text)
    assert (got["year"], got["organization"]) == (2031, "Länskörerna")


def test_a_title_naming_the_plan_after_a_web_page_heading_wins():
    text = ("Årsmötet 2031 – handlingar\n\nHär finns alla papper till mötet.\n\n"
            "Verksamhetsplan för Lindby Kammarkör 2031\n\nVi ska sjunga mer.\n\nMål\n\n- Två konserter\n")
    got = meta(text)
    assert got["title"] == "Verksamhetsplan för Lindby Kammarkör 2031"
    assert got["organization"] == "Lindby Kammarkör"


def test_a_body_speaking_of_itself_in_running_text_is_the_organisation():
    text = ("Verksamhetsplan 2031\n\nVi inom LKF vill bli fler, och Lindby kommun stöttar oss.\n\n"
            "Mål\n\n- Minst 40 medlemmar\n")
    assert meta(text)["organization"] == "LKF"


def test_a_closing_signature_names_the_body():
    text = ("Verksamhetsplan 2031\n\nVi ska ses oftare.\n\nMål\n\n- Sex möten\n\nStyrelsen för Lindby Kammarkör\n")
    assert meta(text)["organization"] == "Lindby Kammarkör"


def test_a_partner_named_in_the_opening_is_not_the_body():
    text = ("Verksamhetsplan 2031\n\nVi ordnar kurser i samarbete med Lindby Kommun.\n\n"
            "Lindby Odlarlag är en öppen och glad förening för alla som odlar.\n\nMål\n\n- Fyra kurser\n")
    assert meta(text)["organization"] == "Lindby Odlarlag"


def test_a_decision_the_plan_reports_is_not_its_status():
    text = ("Inriktning\n\nStyrelsen har beslutat att satsa på unga ledare under året.\n\n"
            "Mål\n\n- Fler unga ledare\n")
    assert meta(text)["status"] is None


def test_the_meeting_date_in_the_opening_sentence_is_the_documents_date():
    text = ("Verksamhetsplan för Lindby Kammarkör\n\nInför verksamhetsåret 2031 lägger styrelsen fram denna plan "
            "för årsmötet den 3/2 - 2031.\n\nMål\n\n- Två konserter\n")
    got = meta(text)
    assert (got["date"], got["year"]) == ("2031-02-03", 2031)


def test_a_web_pages_review_stamp_is_not_the_documents_date():
    text = "Verksamhetsplan\n\nMål\n\n- Två konserter\n- En resa\n\nSidan senast granskad den 3 maj 2031\n"
    assert meta(text)["date"] is None


def test_a_closing_summary_names_the_body_when_nothing_else_does():
    text = ("Verksamhetsplan 2031\n\nVi vill ha fler kurser.\n\nMål\n\n- Fyra kurser\n\nSammanfattning\n\n"
            "Våra sponsorer var Lindby Energi och Stiftelsen Ek.\n\n"
            "2031 blir ett fint år för Lindby Makerspace. Vi ser fram emot det.\n")
    assert meta(text)["organization"] == "Lindby Makerspace"


def test_a_proposal_signed_in_the_genitive_names_the_body():
    text = ("Verksamhetsplan 2031\n\nVi vill ha fler kurser.\n\nMål\n\n- Fyra kurser\n- En resa\n\n"
            "Lindby Körs styrelse föreslår att årsmötet antar planen.\n")
    assert meta(text)["organization"] == "Lindby Kör"


def test_a_place_after_vi_i_is_not_the_body():
    text = ("Verksamhetsplan 2031\n\nVi i Lindby vill ha ett rikt föreningsliv.\n\n"
            "Vi i Lindby-föreningen ordnar därför fler träffar.\n\nMål\n\n- Fyra träffar\n")
    assert meta(text)["organization"] == "Lindby-föreningen"


def test_a_name_set_beside_the_plan_in_the_title_is_the_body():
    assert meta("Verksamhetsplan 2031 – Lindby Makerspace\n\nMål\n\n- Fyra kurser\n")["organization"] \
        == "Lindby Makerspace"
    assert meta("Lindby Makerspaces verksamhetsplan 2031\n\nMål\n\n- Fyra kurser\n")["organization"] \
        == "Lindby Makerspace"


def test_a_line_under_the_title_that_is_only_a_name_is_the_body():
    text = "Verksamhetsplan 2031\n\nLindby Makerspace\n\nVi vill ha fler kurser.\n\nMål\n\n- Fyra kurser\n"
    assert meta(text)["organization"] == "Lindby Makerspace"


def test_club_acronyms_and_body_words_of_many_kinds_name_the_body():
    for name in ("Lindby OK", "Lindby GK", "Lindby Kyrkokör", "Lindby Hembygdsgille", "Lindby Pensionärsrådet"):
        text = f"Verksamhetsplan 2031\n\nÅret blir fint för {name}, som fyller tjugo år.\n\nMål\n\n- Fyra möten\n"
        assert meta(text)["organization"] == name, name


def test_a_founding_sentence_names_the_body():
    text = ("Verksamhetsplan 2031\n\nLindby Bowlingallians bildades 2005 för att samla klubbarna.\n\n"
            "Mål\n\n- Fyra tävlingar\n")
    assert meta(text)["organization"] == "Lindby Bowlingallians"


def test_a_title_from_a_breadcrumb_trail_is_its_last_step():
    assert meta("Hem > Om oss > Verksamhetsplan 2031\n\nMål\n\n- Fyra träffar\n")["title"] == "Verksamhetsplan 2031"


def test_last_years_meeting_in_the_opening_does_not_date_the_plan():
    text = ("Verksamhetsplan 2031\n\nVid årsmötet den 3 mars 2030 valdes en ny styrelse.\n\n"
            "Mål\n\n- Två konserter\n")
    assert meta(text)["date"] is None


def test_the_next_meeting_in_the_closing_does_not_date_the_plan():
    text = "Verksamhetsplan 2031\n\nMål\n\n- Två konserter\n\nNästa årsmöte hålls den 3 mars 2032 i Lindby.\n"
    assert meta(text)["date"] is None


def test_a_name_above_the_plans_title_is_the_body():
    for top in ("Lindby Makerspace", "LINDBY MAKERSPACE"):
        text = f"{top}\n\nVerksamhetsplan 2031\n\nVi vill ha fler kurser.\n\nMål\n\n- Fyra kurser\n"
        got = meta(text)
        assert (got["title"], got["organization"]) == ("Verksamhetsplan 2031", top), top


def test_a_plan_adopted_together_with_its_budget_is_adopted():
    text = "Verksamhetsplan och budget 2031\nAntagna av årsmötet 2031-03-10\n\nMål\n\n- Två konserter\n- En resa\n"
    got = meta(text)
    assert (got["status"], got["date"]) == ("adopted", "2031-03-10")


def test_a_parent_body_named_in_the_opening_is_not_the_body():
    text = ("Verksamhetsplan 2031\n\nVi är anslutna till Lindby Idrottsförbund och får bidrag från Lindby Kommun.\n\n"
            "Lindby Bågskytteklubb är en liten och glad klubb.\n\nMål\n\n- Fyra tävlingar\n")
    assert meta(text)["organization"] == "Lindby Bågskytteklubb"


def test_a_proper_name_in_the_opening_prose_is_the_last_resort():
    text = ("Verksamhetsplan 2031\n\nLindby Makerspace har funnits i tio år och växer.\n\nMål\n\n- Fyra kurser\n"
            "- Ett nytt snickeri\n- Fler medlemmar\n- En ny hemsida\n")
    assert meta(text)["organization"] == "Lindby Makerspace"


def test_a_year_the_plan_says_it_covers_is_the_plans_year():
    for sentence in ("Planen gäller 2031-2032 och följs upp varje höst.", "Styrelsen föreslår 2031 års verksamhet."):
        text = f"Verksamhetsplan\n\n{sentence}\n\nMål\n\n- Fyra kurser\n"
        assert meta(text)["year"] == 2031, sentence


def test_the_boards_proposal_in_the_middle_of_the_plan_names_the_body():
    items = "".join(f"- Aktivitet nummer {n}\n" for n in range(1, 16))
    text = (f"Verksamhetsplan 2031\n\nMål\n\n{items}\nBudget\n\nLKF:s styrelse föreslår en budget i balans.\n\n"
            "Ekonomi\n\n- Sälja lotter\n- Söka bidrag\n- Hålla nere kostnaderna\n")
    assert meta(text)["organization"] == "LKF"
