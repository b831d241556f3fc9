"""Tables flattened to one cell per line, as web pages and PDF transcripts copied into a
text file leave them: the column names and every cell on a line of their own. Read line
by line each cell would stand alone like a heading; read as a table each row is one goal.
Every example is our own invention."""
from __future__ import annotations

from planparse.api import parse_text
from planparse.blocks import Kind
from planparse.readers.text import read_text


def spaced(*lines: str) -> str:
    """The lines with a blank line between each two, as a web page's cells are copied."""
    return "\n\n".join(lines) + "\n"


def sections(plan) -> list[str]:
    return [s.title for top in plan.sections for s in top.walk() if s.title]


def goals(plan) -> list[str]:
    return [" ".join(g.text.replace(" – ", " ").split()) for top in plan.sections for s in top.walk() for g in s.goals]


def rows(text: str) -> list[list[str]]:
    cells: dict[int, list[str]] = {}
    for b in read_text(text.encode()):
        if b.kind is Kind.TABLE_CELL:
            cells.setdefault(b.row or 0, []).append(b.text)
    return list(cells.values())


TITLE = "Handlingsplan för Lindby Båtklubb 2031"
TABLE = ("Aktivitet", "Ansvarig", "När", "Kostnad",
         "Sjösättning", "Hamnkaptenen", "April", "500 kr",
         "Seglarskola för barn", "Anna, Bo", "Juni–augusti", "Egen",
         "Städdag på varvet", "Styrelsen", "Hela året", "Ingen")


def test_a_table_with_a_cell_a_line_between_blank_lines_gives_a_goal_a_row_and_no_sections():
    plan = parse_text(spaced(TITLE, *TABLE))
    assert sections(plan) == []
    assert goals(plan) == ["Sjösättning Hamnkaptenen April 500 kr", "Seglarskola för barn Anna, Bo Juni–augusti Egen",
                           "Städdag på varvet Styrelsen Hela året Ingen"]


def test_the_column_names_are_the_header_row_and_no_goal():
    assert rows(spaced(TITLE, *TABLE))[0] == ["Aktivitet", "Ansvarig", "När", "Kostnad"]
    assert not any("Ansvarig" in g for g in goals(parse_text(spaced(TITLE, *TABLE))))


def test_the_name_in_the_column_of_who_is_responsible_is_the_goals_responsible():
    plan = parse_text(spaced(TITLE, *TABLE))
    first = plan.sections[0].goals[0]
    assert first.responsible == ["Hamnkaptenen"]


def test_a_table_with_a_cell_a_line_and_no_blank_lines_is_read_the_same():
    text = TITLE + "\n\n" + "\n".join(TABLE) + "\n"
    assert rows(text)[1:] == [list(TABLE[4:8]), list(TABLE[8:12]), list(TABLE[12:16])]


def test_column_names_in_capitals_or_with_two_names_in_one_cell_open_a_table():
    header = ("ÅTGÄRD", "VEM", "NÄR/VAR")
    cells = ("Värva grannar", "Alla", "Våren", "Öppet hus", "Styrelsen", "Maj i stugan")
    assert rows(spaced(TITLE, *header, *cells)) == [list(header), list(cells[:3]), list(cells[3:])]


def test_the_table_stops_at_a_sentence_and_a_heading_after_it_stays_a_heading():
    text = spaced(TITLE, *TABLE, "Styrelsen följer upp planen på varje möte.", "Ekonomi",
                  "Klubbens ekonomi är god och avgiften ligger kvar.")
    plan = parse_text(text)
    assert sections(plan) == ["Ekonomi"]
    assert len(rows(text)) == 4


def test_a_cell_wrapped_over_two_lines_is_one_cell_when_blank_lines_part_the_cells():
    text = spaced(TITLE, "Åtgärd", "Vem", "När", "Kurs i\nsjukvård", "Bo", "Mars", "Vårfest", "Anna", "Maj")
    assert rows(text)[1] == ["Kurs i sjukvård", "Bo", "Mars"]


def test_a_last_row_cut_short_is_still_a_row_but_a_single_line_left_over_is_not():
    cut = spaced(TITLE, *TABLE, "Midsommarfest", "Festkommittén")
    assert rows(cut)[-1] == ["Midsommarfest", "Festkommittén"]
    left = spaced(TITLE, *TABLE, "Medlemmar", "Vi välkomnar alla nya medlemmar till ett möte i maj.")
    assert sections(parse_text(left)) == ["Medlemmar"]


def test_one_column_name_alone_or_two_in_a_row_open_no_table():
    plan = parse_text(spaced(TITLE, "Mål", "Vi ska ordna fler seglingar för barn.", "Budget",
                             "Klubben har en budget i balans."))
    assert sections(plan) == ["Mål", "Budget"]
    assert rows(spaced(TITLE, "Mål", "Aktiviteter", "Vårfest", "Loppis", "Julfest", "Kräftskiva")) == []


def test_column_names_over_prose_open_no_table():
    text = spaced(TITLE, "Aktivitet", "Ansvarig", "När", "Vi har ännu inte bestämt vem som gör vad i år.")
    assert rows(text) == []


def test_a_long_run_of_short_lines_standing_alone_is_no_run_of_headings():
    cells = ("Vårfest", "Styrelsen", "Maj", "Loppis", "Anna", "Juni", "Julfest", "Bo", "December")
    plan = parse_text(spaced(TITLE, *cells))
    assert sections(plan) == []
    assert [b.kind for b in read_text(spaced(TITLE, *cells).encode())][1:] == [Kind.LIST_ITEM] * len(cells)


def test_short_labels_each_over_their_text_are_still_headings():
    labels = ("Vår", "Sommar", "Höst", "Vinter", "Fester", "Resor", "Kurser", "Möten", "Stugan")
    text = spaced(TITLE, *[part for label in labels for part in (label, f"Under {label.lower()} gör vi något.")])
    assert sections(parse_text(text)) == list(labels)


def test_the_names_in_a_column_of_who_are_the_rows_responsible():
    plan = parse_text(spaced(TITLE, "Åtgärd", "Vem", "När", "Måla bryggan", "Per, Lisa", "Maj",
                             "Byta förtöjningar", "Hamnkaptenen", "Juni"))
    assert [g.responsible for g in plan.sections[0].goals] == [["Per", "Lisa"], ["Hamnkaptenen"]]


def test_a_column_named_with_its_year_is_still_a_column_name():
    text = spaced(TITLE, "Åtgärd", "Budget 2031", "Utfall 2030", "Ny brygga", "40 000 kr", "0 kr",
                  "Nya segel", "12 000 kr", "9 000 kr")
    assert rows(text)[0] == ["Åtgärd", "Budget 2031", "Utfall 2030"]
    assert sections(parse_text(text)) == []


def test_a_long_run_of_column_names_without_a_table_is_read_in_linear_time():
    """Each line of the run would otherwise start a search for a header through the rest."""
    import time

    started = time.perf_counter()
    read_text(("Mål\nAnsvarig\n" * 15_000).encode())
    assert time.perf_counter() - started < 10
