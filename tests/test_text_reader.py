"""The text reader: encodings and the layouts plain-text plans use."""
from __future__ import annotations

import pytest

from planparse.blocks import Kind
from planparse.errors import InputError
from planparse.readers.text import decode, read_text

PLAN = "Medlemsvärvning\n\nVi ska värva fler medlemmar i år.\n"


@pytest.mark.parametrize("data", [
    pytest.param(PLAN.encode("utf-8"), id="utf-8"),
    pytest.param(b"\xef\xbb\xbf" + PLAN.encode("utf-8"), id="utf-8 with BOM"),
    pytest.param(PLAN.encode("utf-16"), id="utf-16 with BOM"),
    pytest.param(PLAN.encode("cp1252"), id="cp1252"),
    pytest.param(PLAN.replace("\n", "\r\n").encode("latin-1"), id="latin-1 with CRLF"),
])
def test_it_knows_every_common_encoding(data):
    assert decode(data) == PLAN




def test_it_refuses_binary_data():
    with pytest.raises(InputError):
        decode(b"\x00\x01\x02\x03" * 100)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in read_text(text.encode())]


@pytest.mark.parametrize("line,heading", [
    ("# Verksamhetsplan", "Verksamhetsplan"),
    ("## Medlemmar ##", "Medlemmar"),
    ("**Facklig samverkan**", "Facklig samverkan"),
    ("MEDLEMSVÄRVNING", "MEDLEMSVÄRVNING"),
    ("2.1 Studier", "Studier"),
    ("Organisation:", "Organisation"),
    ("Öppna arrangemang", "Öppna arrangemang"),
])
def test_it_recognises_heading_styles(line, heading):
    blocks = read_text(f"{line}\n\nVi ska ha ett möte i månaden.\n".encode())
    assert blocks[0].kind is Kind.HEADING and blocks[0].text == heading


@pytest.mark.parametrize("marker", ["-", "–", "—", "•", "●", "·", "*", "o", "▪", "\uf0b7", "1.", "1)", "a)", "1:"])
def test_it_recognises_list_markers(marker):
    blocks = read_text(f"Mål:\n{marker} Ordna minst 6 träffar\n{marker} Värva 10 medlemmar\n".encode())
    assert [b.kind for b in blocks[1:]] == [Kind.LIST_ITEM, Kind.LIST_ITEM]
    assert blocks[1].text == "Ordna minst 6 träffar"


def test_it_joins_wrapped_item_lines():
    blocks = read_text("- Ordna minst 6 träffar för\n  klubbfunktionärer\n- Nästa\n".encode())
    assert blocks[0].text == "Ordna minst 6 träffar för klubbfunktionärer"


def test_it_joins_a_word_hyphenated_at_a_line_end_but_keeps_a_suspended_compound():
    text = ("Styrelsen tar fram en ny verksamhets-\nplan som ska gälla inför kommun-\noch regionvalet i höst "
            "och alla medlemmar bjuds in.\n")
    (block,) = read_text(text.encode())
    assert "verksamhetsplan" in block.text and "kommun- och regionvalet" in block.text


def test_it_tells_numbered_headings_from_numbered_items():
    text = "1. Inledning\n\nVi är en förening.\n\n2. Mål\n\n1. Arrangera 6 möten\n2. Värva 10 medlemmar\n"
    got = kinds(text)
    assert got[0] == ("heading", "Inledning") and got[2] == ("heading", "Mål")
    assert got[3] == ("list_item", "Arrangera 6 möten")


def test_it_reads_markdown_tables_as_cells_by_row():
    blocks = read_text("| Mått | Mål |\n|---|---|\n| Antal medlemmar | minst 120 |\n".encode())
    cells = [(b.row, b.text) for b in blocks if b.kind is Kind.TABLE_CELL]
    assert cells == [(1, "Mått"), (1, "Mål"), (2, "Antal medlemmar"), (2, "minst 120")]


def test_it_reads_wiki_markup():
    got = kinds("== Studier ==\n* Minst 5 cirklar\n# Minst 2 kurser\n\n'''Viktigt''' i år.\n")
    assert got[:3] == [("heading", "Studier"), ("list_item", "Minst 5 cirklar"), ("list_item", "Minst 2 kurser")]


def test_it_reads_latex_sources():
    text = ("\\documentclass{article}\n\\begin{document}\n\\section{Studier}\nVi ska läsa.\n"
            "\\begin{itemize}\n\\item Minst 5 \\textbf{cirklar}\n\\item Ca 40\\% deltar\n\\end{itemize}\n\\end{document}\n")
    got = kinds(text)
    assert ("heading", "Studier") in got
    assert ("list_item", "Minst 5 cirklar") in got and ("list_item", "Ca 40% deltar") in got


def test_it_reads_html_saved_as_text():
    text = "<html><body><h2>Studier</h2><p>Vi ska läsa.</p><ul><li>Minst 5 cirklar</li></ul></body></html>"
    got = kinds(text)
    assert got == [("heading", "Studier"), ("paragraph", "Vi ska läsa."), ("list_item", "Minst 5 cirklar")]


def test_a_numbered_line_out_of_sequence_that_wraps_on_in_lower_case_is_an_item():
    blocks = kinds("Plan\n\n1. Vi ordnar fyra kurser för nybörjare i år men behöver\n"
                   "fler ledare till dem.\n3. Vi ska ha en fest i augusti.\n")
    assert ("list_item", "Vi ordnar fyra kurser för nybörjare i år men behöver fler ledare till dem.") in blocks
    assert not any(kind == "heading" and text.startswith("Vi ordnar") for kind, text in blocks)


def test_a_line_ending_on_a_conjunction_or_article_goes_on_in_the_next():
    blocks = kinds("Plan för seglarskolan och\nKappseglingslaget\n\nVi ska segla mycket.\n")
    assert blocks[0] == ("paragraph", "Plan för seglarskolan och Kappseglingslaget")


def test_a_line_repeating_the_opening_of_the_line_above_starts_anew():
    blocks = kinds("Plan för Lindby Kör 2031\nPlan för Lindby Kör 2031, fastställd i mars\n\nVi sjunger.\n")
    assert blocks[0][1] == "Plan för Lindby Kör 2031"


def test_a_bulleted_name_over_prose_that_opens_on_its_own_line_heads_that_prose():
    text = ("Verksamheter\n• Konserter\nUnder året ger kören fyra konserter i kyrkan och\n"
            "en i skolans aula.\n")
    assert kinds(text)[1:] == [("heading", "Konserter"),
                               ("paragraph", "Under året ger kören fyra konserter i kyrkan och en i skolans aula.")]


def test_the_last_bullet_of_a_list_above_prose_stays_an_item():
    text = "Vi ska:\n• Ordna fester\n• Måla stugan\nStugan har inte målats om på tjugo år.\n"
    assert [kind for kind, _ in kinds(text)] == ["heading", "list_item", "list_item"]


def test_a_short_exclamation_standing_alone_over_prose_is_a_heading():
    text = "Så firar vi jubileet!\n\nUnder hösten bjuder kören in alla gamla sångare till en fest.\n"
    assert kinds(text)[0] == ("heading", "Så firar vi jubileet!")


def test_a_closing_greeting_over_the_signature_is_no_heading():
    text = "Vi ses i kören.\n\nVäl mött!\n\nStyrelsen\n"
    assert "heading" not in [kind for kind, _ in kinds(text)]


def test_a_count_on_its_own_line_under_text_goes_with_the_text_not_into_a_heading():
    text = "Vi ordnar fyra konserter om året.\n3 tillfällen\nVårkonsert i kyrkan med barnkören.\n"
    assert "heading" not in [kind for kind, _ in kinds(text)]


def test_a_campaign_named_by_a_number_standing_alone_over_its_text_stays_a_heading():
    text = "Vi ordnar fyra konserter om året.\n\n1000 röster\nKören samlar tusen sångare till en konsert i maj.\n"
    assert ("heading", "1000 röster") in kinds(text)
