"""Property tests: arbitrary and plan-shaped random text never breaks the pipeline, every
result validates against the schema, and numbers in digits and in words agree."""
from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import planparse  # noqa: E402
from planparse.errors import InputError  # noqa: E402
from planparse.targets import extract_targets  # noqa: E402
from planparse.targets.numbers import parse_number_word  # noqa: E402

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from("""minst högst cirka fler än mellan och öka med till minska per varje månad år
    möten medlemmar kronor kr % procent gånger ska vi ha bli nå tkr (47 % år 2019) varav där senast
    2025 1 maj kl. 18.00 S1 3:e en ett två tio tjugofem hundra tusen ,  . : – - / ( ) förslag""".split())
NUMBERS = st.one_of(st.integers(0, 99999).map(str), st.sampled_from(["5 000", "10.000", "32,5", "1\u00a0000"]))
PHRASES = st.lists(st.one_of(WORDS, NUMBERS), min_size=1, max_size=25).map(" ".join)


def plan_texts() -> st.SearchStrategy[str]:
    """Plans built like real ones: a title, headings in several styles, items and prose."""
    heading = st.tuples(st.sampled_from(["# ", "## ", "**", "", "1. ", "2.1 "]),
                        st.sampled_from(["Mål", "Medlemmar", "EKONOMI", "Studier", "Organisation:"]))
    item = st.tuples(st.sampled_from(["- ", "• ", "* ", "1) ", "\uf0b7 ", ""]), PHRASES)
    block = st.one_of(heading.map(lambda h: h[0] + h[1] + ("**" if h[0] == "**" else "")),
                      item.map(lambda i: i[0] + i[1]), PHRASES.map(lambda p: p + "."))
    return st.lists(block, min_size=1, max_size=15).map(lambda bs: "Verksamhetsplan 2025\n\n" + "\n\n".join(bs))


@FAST
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises_in_the_extractor(text):
    for t in extract_targets(text):
        assert text[t.span[0]:t.span[1]] == t.text


@FAST
@given(PHRASES)
def test_target_spans_point_at_their_words(text):
    for t in extract_targets(text):
        assert text[t.span[0]:t.span[1]] == t.text and t.value == t.value


@FAST
@given(st.text(max_size=600))
def test_arbitrary_text_gives_a_valid_plan_or_a_clear_error(validator, text):
    try:
        plan = planparse.parse_text(text)
    except InputError:
        return
    assert not list(validator.iter_errors(plan.to_dict()))


@FAST
@given(plan_texts())
def test_random_plans_validate_against_the_schema(validator, text):
    plan = planparse.parse_text(text)
    data = plan.to_dict()
    assert not list(validator.iter_errors(data))
    assert data["summary"]["targets"] == sum(len(g.targets) for _, g in plan.goals())


WORDS_FOR = {1: "en", 2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 7: "sju", 8: "åtta", 9: "nio", 10: "tio",
             11: "elva", 12: "tolv", 13: "tretton", 14: "fjorton", 15: "femton", 16: "sexton", 17: "sjutton",
             18: "arton", 19: "nitton"}
TENS = {2: "tjugo", 3: "trettio", 4: "fyrtio", 5: "femtio", 6: "sextio", 7: "sjuttio", 8: "åttio", 9: "nittio"}


def in_words(n: int) -> str:
    """A Swedish number word for 1..9999, written as plans write them."""
    out = ""
    if n >= 1000:
        out += ("ett" if n // 1000 == 1 else WORDS_FOR[n // 1000]) + "tusen"
        n %= 1000
    if n >= 100:
        out += ("ett" if n // 100 == 1 else WORDS_FOR[n // 100]) + "hundra"
        n %= 100
    if n >= 20:
        out += TENS[n // 10]
        n %= 10
    if n:
        out += "ett" if (n == 1 and out) else WORDS_FOR[n]
    return out


@FAST
@given(st.integers(2, 9999))
def test_a_number_in_digits_and_in_words_gives_the_same_target(n):
    assert parse_number_word(in_words(n)) == n
    (digits,) = extract_targets(f"Vi ska genomföra minst {n} möten")
    (words,) = extract_targets(f"Vi ska genomföra minst {in_words(n)} möten")
    assert (digits.value, digits.comparator, digits.unit) == (words.value, words.comparator, words.unit)
