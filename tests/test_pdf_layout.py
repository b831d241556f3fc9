"""The PDF reader's layout steps on lines built by hand: reading order, tables of
contents, footnotes, hard line breaks, running lines and headings."""
from __future__ import annotations

import pytest

from planparse.blocks import Cue, Kind
from planparse.readers.pdf.build import blocks_of
from planparse.readers.pdf.chars import Char, TextLine
from planparse.readers.pdf.layout import Line, drop_contents, drop_footnotes, drop_running_lines, gutter

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PAGE = 842.0


def line(text: str, top: float, *, page: int = 1, size: float = 11.0, bold: bool = False, x0: float = 70.0,
         x1: float | None = None, hard_break: bool = False) -> Line:
    return Line(text, page, top, top + size, x0, x1 if x1 is not None else x0 + 5.0 * len(text), size, bold, PAGE,
                hard_break=hard_break)


def text_line(spans: list[tuple[float, float]]) -> TextLine:
    return TextLine(tuple(Char("x", a, b, 0.0, 10.0, 10.0, "Arial") for a, b in spans), "x")


def gutter_by_plain_count(lines: list[TextLine], width: float) -> float | None:
    """The gutter search written the slow, obvious way: every line tested at every x."""
    spans = [sp for sp in (tl.spans for tl in lines) if sp]
    n = len(spans)
    if len(lines) < 8 or sum(1 for sp in spans if any(a < width / 2 < b for a, b in sp)) > 0.5 * n:
        return None
    best, best_score = None, 0
    for x in range(int(width * 0.3), int(width * 0.7), max(2, int(width * 0.4 / 200))):
        crossing = sum(1 for sp in spans if any(a < x < b for a, b in sp))
        left = sum(1 for sp in spans if sp[0][0] < x)
        right = sum(1 for sp in spans if sp[-1][1] > x)
        if crossing <= 0.15 * n and min(left, right) >= 0.25 * n:
            score = min(left, right) - crossing
            if score > best_score:
                best, best_score = float(x), score
    return best


BOXES = st.tuples(st.integers(0, 590), st.integers(0, 40)).map(lambda t: (float(t[0]), float(t[0] + t[1])))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(BOXES, min_size=1, max_size=6), min_size=8, max_size=40))
def test_the_column_gutter_is_where_the_plain_count_puts_it(spans):
    lines = [text_line(s) for s in spans]
    assert gutter(lines, 595.0) == gutter_by_plain_count(lines, 595.0)


def test_the_gutter_search_is_bounded_on_a_huge_page():
    lines = [text_line([(10.0, 100.0)]), text_line([(6e8, 6e8 + 90)])] * 8
    assert gutter(lines, 1e9) is not None


def test_a_table_of_contents_with_leaders_and_its_heading_are_left_out():
    lines = [line("Innehåll", 60, size=16, bold=True),
             line("1 Inledning ........ 2", 90), line("2 Våra mål .......... 3", 105),
             line("Inledning", 130, size=16, bold=True), line("Vi ska ordna minst fyra träffar.", 150)]
    assert [ln.text for ln in drop_contents(lines)] == ["Inledning", "Vi ska ordna minst fyra träffar."]


def test_entries_that_name_their_page_in_words_are_left_out():
    lines = [line("1: Medlemmar sid 3", 90), line("2: Ekonomi sid 4-5", 105), line("-Budget", 120),
             line("3: Aktiviteter sid 6", 135), line("Medlemmar", 200, bold=True)]
    assert [ln.text for ln in drop_contents(lines)] == ["Medlemmar"]


def test_a_contents_heading_alone_is_kept():
    lines = [line("Innehåll", 60, bold=True), line("Föreningen ordnar kurser.", 80)]
    assert drop_contents(lines) == lines


def test_footnotes_at_the_foot_of_the_page_are_left_out():
    body = [line(f"Rad {k} av brödtexten i planen.", 100 + 14 * k) for k in range(10)]
    notes = [line("1 Enligt stadgarna antagna 2019.", 760, size=8), line("fortsättning på noten", 770, size=8)]
    assert drop_footnotes(body + notes) == body


def test_a_raised_small_digit_is_a_marker_and_leaves_the_text():
    from planparse.readers.pdf.chars import Page
    from planparse.readers.pdf.layout import from_text_line

    chars = [Char(c, 70 + 6 * k, 75 + 6 * k, 100, 111, 11.0, "Arial") for k, c in enumerate("Fyra möten")]
    chars.append(Char("2", 132, 135, 97, 104, 7.0, "Arial"))
    page = Page(1, 595, PAGE, (), ())
    ln = from_text_line(TextLine(tuple(chars), "Fyra möten2"), page)
    assert ln is not None and ln.text == "Fyra möten"


def test_page_numbers_and_repeated_lines_leave_the_page_even_set_large():
    lines = []
    for p in (1, 2, 3):
        lines += [line("Föreningen Exempel – verksamhetsplan", 20, page=p),
                  line(f"Text på sidan {p} som hör till planen.", 300, page=p),
                  line(str(p), 810, page=p, size=16, bold=True)]
    assert [ln.text for ln in drop_running_lines(lines, 3)] == [f"Text på sidan {p} som hör till planen."
                                                                for p in (1, 2, 3)]


def test_a_short_label_over_lines_broken_by_hand_is_a_heading_over_items():
    lines = [line("Våren:", 100), line("Årsmöte i mars.", 113, hard_break=True),
             line("Utflykt till skogen.", 126, hard_break=True),
             line("Hösten:", 160), line("Julfest.", 173, hard_break=True)]
    blocks = blocks_of(lines)
    assert [(b.kind, b.text) for b in blocks] == [
        (Kind.HEADING, "Våren"), (Kind.LIST_ITEM, "Årsmöte i mars."), (Kind.LIST_ITEM, "Utflykt till skogen."),
        (Kind.HEADING, "Hösten"), (Kind.LIST_ITEM, "Julfest.")]
    assert blocks[0].cue is Cue.LABEL


def test_a_wrapped_paragraph_is_not_broken():
    lines = [line("Vi ska under året ordna fler träffar för", 100),
             line("alla medlemmar i föreningen.", 113)]
    assert [b.text for b in blocks_of(lines)] == ["Vi ska under året ordna fler träffar för alla medlemmar i föreningen."]


def test_a_numbered_chapter_heading_loses_its_number_and_wrapped_headings_join():
    lines = [line("Brödtext i planen som är lång nog.", 60), line("3 Våra mål och", 100, size=18, bold=True),
             line("aktiviteter", 120, size=18, bold=True), line("Brödtext i planen som är lång nog.", 150)]
    heading = [b for b in blocks_of(lines) if b.is_heading]
    assert [b.text for b in heading] == ["Våra mål och aktiviteter"]


def test_a_label_above_a_list_inside_a_section_is_a_lead_in():
    lines = [line("Planen 2025", 40, size=20, bold=True), line("Medlemmar", 80, size=16, bold=True),
             line("Så gör vi:", 110, bold=True), line("• Ordna minst två träffar.", 130)]
    blocks = blocks_of(lines)
    assert [(b.kind, b.text) for b in blocks][2:] == [(Kind.PARAGRAPH, "Så gör vi:"),
                                                      (Kind.LIST_ITEM, "Ordna minst två träffar.")]


def test_a_dash_set_against_the_first_word_opens_an_item():
    blocks = blocks_of([line("Vi ska:", 100), line("-Att ordna tre kurser.", 130), line("-Att värva ledare.", 145)])
    assert [(b.kind, b.text) for b in blocks][1:] == [(Kind.LIST_ITEM, "Att ordna tre kurser."),
                                                      (Kind.LIST_ITEM, "Att värva ledare.")]


def test_a_running_header_naming_the_plan_is_kept_once_when_nothing_else_names_it():
    lines = []
    for p in (1, 2):
        lines += [line("Verksamhetsplan 2031 2031-03-01", 20, page=p), line(f"Brödtext på sidan {p}.", 300, page=p)]
    kept = [ln.text for ln in drop_running_lines(lines, 2)]
    assert kept == ["Verksamhetsplan 2031 2031-03-01", "Brödtext på sidan 1.", "Brödtext på sidan 2."]
    titled = [line("Verksamhetsplan 2031", 120, size=20), *lines]
    assert "Verksamhetsplan 2031 2031-03-01" not in [ln.text for ln in drop_running_lines(titled, 2)]


def test_a_cover_page_of_headings_alone_heads_no_sections():
    lines = [line("Arbetsplan 2031", 60, size=26, bold=True), line("Kooperativet", 200, size=18),
             line("Lek och lärande", 700, size=22, bold=True),
             line("Inledning", 60, page=2, size=16, bold=True), line("Vi ska ordna 4 träffar.", 90, page=2)]
    blocks = blocks_of(lines)
    assert [b.text for b in blocks if b.is_heading] == ["Arbetsplan 2031", "Inledning"]


def test_bold_lines_numbered_in_sequence_are_a_list_and_one_alone_a_heading():
    lines = [line("Delar:", 100, bold=True), line("1. Lek", 130, bold=True), line("2. Språk", 160, bold=True),
             line("1. Lek", 220, bold=True), line("Vi leker varje dag ute på gården.", 235)]
    blocks = blocks_of(lines)
    assert [(b.kind, b.text) for b in blocks][1:] == [
        (Kind.LIST_ITEM, "Lek"), (Kind.LIST_ITEM, "Språk"), (Kind.HEADING, "Lek"),
        (Kind.PARAGRAPH, "Vi leker varje dag ute på gården.")]


def test_a_table_set_without_rules_is_read_row_by_row_with_wrapped_cells():
    from pdfmake import one_page, text_ops
    from planparse.readers import read_blocks

    cells = [(72, 740, "Indikator"), (260, 740, "Mål"), (400, 740, "Ansvar"),
             (72, 725, "Medlemmar"), (260, 725, "minst 120"), (400, 725, "Styrelsen"),
             (72, 710, "Träffar"), (260, 710, "10 per år"), (400, 710, "Gruppen"), (400, 698, "och kansliet"),
             (72, 670, "Brödtext efter tabellen som inte hör dit.")]
    data = one_page(text_ops([(x, y, 11, t) for x, y, t in cells]))
    blocks, _ = read_blocks(data, "pdf")
    rows: dict[int, list[str]] = {}
    for b in blocks:
        if b.kind is Kind.TABLE_CELL:
            rows.setdefault(b.row, []).append(b.text)
    assert list(rows.values()) == [["Indikator", "Mål", "Ansvar"], ["Medlemmar", "minst 120", "Styrelsen"],
                                   ["Träffar", "10 per år", "Gruppen och kansliet"]]
    assert blocks[-1].text == "Brödtext efter tabellen som inte hör dit."


def test_bullets_set_off_by_a_tab_are_a_list_not_a_table():
    from pdfmake import one_page, text_ops
    from planparse.readers import read_blocks

    items = [op for k in range(3) for op in ((72, 740 - 15 * k, 11, "-"),
                                             (100, 740 - 15 * k, 11, f"Ordna {k + 2} träffar under våren"))]
    blocks, _ = read_blocks(one_page(text_ops(items)), "pdf")
    assert [b.kind for b in blocks] == [Kind.LIST_ITEM] * 3


def test_a_contents_table_of_titles_and_page_numbers_is_left_out():
    rows = [Line(f"{t} {p}", 1, 100 + 15 * k, 111 + 15 * k, 70, 500, 11, False, PAGE, cells=(t, str(p)))
            for k, (t, p) in enumerate([("Inledning", 2), ("Medlemmar", 3), ("Ekonomi", 5)])]
    goal_rows = [Line("Möten 12", 1, 200, 211, 70, 500, 11, False, PAGE, cells=("Möten", "12")),
                 Line("Kurser 4", 1, 215, 226, 70, 500, 11, False, PAGE, cells=("Kurser", "4")),
                 Line("Ledare 5", 1, 230, 241, 70, 500, 11, False, PAGE, cells=("Ledare", "5")),
                 Line("Läger 6", 1, 245, 256, 70, 500, 11, False, PAGE, cells=("Läger", "6")),
                 line("1 Inledning", 100, page=2), line("2 Medlemmar", 100, page=3), line("Ekonomi", 100, page=6)]
    assert drop_contents(rows + goal_rows) == goal_rows


def test_a_paragraph_set_in_bold_for_emphasis_is_no_heading():
    lines = [line("Brödtext i planen som är lång nog.", 60),
             line("Viktigt för året är att alla nya medlemmar", 100, bold=True),
             line("känner sig välkomna redan från första mötet.", 113, bold=True)]
    blocks = blocks_of(lines)
    assert [(b.kind, b.text) for b in blocks][1:] == [
        (Kind.PARAGRAPH, "Viktigt för året är att alla nya medlemmar känner sig välkomna redan från första mötet.")]


def test_lines_all_broken_by_hand_are_marked_against_the_page_margins():
    from dataclasses import replace

    from planparse.readers.pdf.layout import mark_hard_breaks

    texts = ["Maj:", "Vårmöte i lokalen med alla medlemmar.", "Utflykt till skogen med korv.",
             "Vårfest för alla i föreningen."]
    lines = [replace(line(t, 100 + 13 * k, x1=70 + 5.5 * len(t)), page_width=595.0) for k, t in enumerate(texts)]
    assert [ln.hard_break for ln in mark_hard_breaks(lines)] == [False, True, True, True]


def test_an_e_signature_verification_page_is_left_out():
    from planparse.readers.pdf.layout import drop_signature_pages

    plan = [line("Vi ska ordna 4 träffar.", 100), line("Styrelsen ansvarar för träffarna.", 120)]
    log = [line("Verifikat", 60, page=2), line("Transaktion 09222115557442897236", 80, page=2),
           line("Signerat av Anna Andersson 2031-03-01 (BankID)", 100, page=2),
           line("IP: 192.0.2.4", 120, page=2), line("Dokumentet har signerats av 2 parter", 140, page=2)]
    assert drop_signature_pages(plan + log) == plan
    assert drop_signature_pages(plan + log[:2]) == plan + log[:2]
