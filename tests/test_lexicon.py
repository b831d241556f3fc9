"""Every phrase table says how it is matched, and every entry can match.

A key in a one-token table must be one token of the extractor's tokenizer; a key of a
phrase table must tokenize into exactly its words. Otherwise the entry is dead: nothing
the tokenizer produces can ever equal it.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
import regex

import planparse
from planparse import lexicon as lx
from planparse.targets.tokens import tokenize

TABLES = {name: table for name, table in vars(lx).items() if isinstance(table, lx.Table)}
SOURCES = [p.read_text(encoding="utf-8") for p in Path(planparse.__file__).parent.rglob("*.py")
           if p.name != "lexicon.py"]


def entries() -> list[tuple[str, str]]:
    return [(name, key) for name, table in TABLES.items() for key in table]


@pytest.mark.parametrize("name,key", entries(), ids=[f"{n}:{k}" for n, k in entries()])
def test_every_entry_can_match(name, key):
    table = TABLES[name]
    words = [t.lower for t in tokenize(key)]
    if table.match is lx.Match.CASED:
        assert key == key.upper() and [t.text for t in tokenize(key)] == [key], f"{name}: {key!r} is no one-token acronym"
        return
    assert key == key.lower(), f"{name}: {key!r} is not lower case"
    if table.match is lx.Match.TOKEN:
        assert words == [key], f"{name} matches one token, but {key!r} tokenizes as {words}"
    elif table.match is lx.Match.PREFIX:
        assert [t.lower for t in tokenize(key + "ar")] == [key + "ar"], f"{name}: {key!r} cannot start a token"
    elif table.match is lx.Match.SUFFIX:
        assert [t.lower for t in tokenize("lind" + key)] == ["lind" + key], f"{name}: {key!r} cannot end a token"
    else:
        assert words == key.split(), f"{name} matches a phrase word by word, but {key!r} tokenizes as {words}"


@pytest.mark.parametrize("phrase", sorted(lx.REACHING_VERBS))
def test_no_verb_of_reaching_is_shadowed_by_a_change_verb(phrase):
    """The extractor reads "<change verb> ... med/till" as a change before it tries a verb of
    reaching, so a reaching phrase starting with a change verb could never be used."""
    words = phrase.split()
    assert not (words[0] in lx.CHANGE_VERBS and words[-1] in ("med", "till")), phrase


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_table_is_read_somewhere(name):
    assert any(name in s for s in SOURCES), f"nothing reads {name}"


def test_no_two_tables_share_a_name():
    """A second assignment to a table's name replaces the first for every reader of it."""
    names = [t.id for node in ast.parse(Path(lx.__file__).read_text(encoding="utf-8")).body
             if isinstance(node, (ast.Assign, ast.AnnAssign))
             for t in (node.targets if isinstance(node, ast.Assign) else [node.target]) if isinstance(t, ast.Name)]
    assert sorted({n for n in names if names.count(n) > 1}) == []


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_label_opens_with_a_phrase_exactly_when_it_is_the_phrase_or_the_phrase_and_more(name):
    table = TABLES[name]
    labels = {label for key in table for label in (key, key + " i år", key.split()[0], "och " + key, key + "x")}
    for label in labels:
        expected = any(label == key or label.startswith(key + " ") for key in table)
        assert (table.longest_opening(label.split()) > 0) == expected, label


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_tables_alternation_finds_each_of_its_phrases_whole(name):
    pattern = regex.compile(r"(?:" + TABLES[name].alternation() + r")\Z")
    for key in TABLES[name]:
        assert pattern.match(" ".join(key.split())), key
