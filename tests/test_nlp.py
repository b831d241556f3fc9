"""The shipped spaCy pipeline: loaded offline from the package, plan-aware tokenizer,
tags, and the attribution its licence asks for. Also lemmy on plan nouns."""
from __future__ import annotations

import json
from importlib import resources

import pytest

from planparse.nlp import analyse, pipeline
from planparse.targets import noun_lemma


def tokens(text: str) -> list[str]:
    return [t.text for t in pipeline()(text) if not t.is_space]


def test_it_loads_from_the_installed_package():
    assert pipeline().pipe_names == ["planparse_number_groups", "tok2vec", "morphologizer"]


@pytest.mark.parametrize("text,expected", [
    ("minst 1 000 medlemmar", ["minst", "1 000", "medlemmar"]),
    ("minst 1\u00a0000 medlemmar", ["minst", "1\u00a0000", "medlemmar"]),
    ("4-6 styrelsemöten", ["4", "-", "6", "styrelsemöten"]),
    ("4–6 styrelsemöten", ["4", "–", "6", "styrelsemöten"]),
    ("2 gånger/år", ["2", "gånger", "/", "år"]),
    ("5% och 32,5 %", ["5", "%", "och", "32,5", "%"]),
    ("20 tkr", ["20", "tkr"]),
    ("5 000:- till kassan", ["5 000", ":-", "till", "kassan"]),
    ("ca. 10 st. per nr. 3", ["ca.", "10", "st.", "per", "nr.", "3"]),
    ("c:a 3 enl. ordf. jfr. bl.a. t.ex. s.k. medlemmar", ["c:a", "3", "enl.", "ordf.", "jfr.", "bl.a.", "t.ex.", "s.k.", "medlemmar"]),
])
def test_its_tokenizer_knows_how_plans_write_numbers_and_abbreviations(text, expected):
    assert tokens(text) == expected


def test_abbreviations_do_not_end_a_sentence():
    from planparse.structure.sentences import split_sentences

    text = "Vi ska ha ca. 10 möten, bl.a. i mars, och 5 utskick enl. ordf. Kalle i år. Styrelsen ansvarar."
    assert split_sentences(text) == ["Vi ska ha ca. 10 möten, bl.a. i mars, och 5 utskick enl. ordf. Kalle i år.",
                                     "Styrelsen ansvarar."]


def test_it_tags_tense():
    words = {w.text: w for w in analyse("Förra året arrangerade föreningen tolv träffar.")}
    assert words["arrangerade"].pos == "VERB" and words["arrangerade"].morph.get("Tense") == "Past"


def test_its_meta_names_the_data_and_its_licence():
    meta = json.loads(resources.files("planparse_models").joinpath("sv_planparse/meta.json").read_text())
    assert meta["license"] == "CC BY-SA 4.0"
    assert {s["name"] for s in meta["sources"]} == {"UD_Swedish-Talbanken", "UD_Swedish-PUD"}
    assert meta["held_out"]["pos_acc"] >= 0.93


PLAN_NOUNS = {
    "insamlingskampanjer": "insamlingskampanj", "dörrknackningsrundor": "dörrknackningsrunda",
    "medlemsträffar": "medlemsträff", "timmar": "timme", "veckor": "vecka", "möten": "möte",
    "medlemmar": "medlem", "föreningar": "förening", "gilla-markeringar": "gilla-markering",
    "handledare": "handledare", "lindbybor": "lindbybo", "personer": "person", "träffar": "träff",
    "partievenemang": "partievenemang", "samtal": "samtal", "gånger": "gång", "studiecirklar": "studiecirkel",
    "rösterna": "röst", "ungdomar": "ungdom", "tisdagsträffar": "tisdagsträff", "månadsmöten": "månadsmöte",
    "styrelsemöten": "styrelsemöte", "debattartiklar": "debattartikel", "deltagare": "deltagare",
    "föreläsningar": "föreläsning", "resor": "resa", "cirklar": "cirkel", "klubbar": "klubb",
}


@pytest.mark.parametrize("word,lemma", PLAN_NOUNS.items())
def test_counted_nouns_get_their_lemma(word, lemma):
    assert noun_lemma(word) == lemma
