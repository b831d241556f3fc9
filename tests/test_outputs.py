"""CSV export: the columns and values a spreadsheet user reads back."""
from __future__ import annotations

import csv
import io

import pytest

import planparse
from planparse.outputs import CSV_COLUMNS, plans_csv

from conftest import SAMPLES, seed_files

PLANS = seed_files(".txt") + [SAMPLES / "granbacka-2025.txt"]


def read_back(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_the_csv_has_a_row_per_target_and_per_goal_without_one(path):
    plan = planparse.parse(path)
    rows = read_back(plans_csv([plan]))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    goals = [g for _, g in plan.goals()]
    assert len(rows) == sum(max(1, len(g.targets)) for g in goals)
    with_value = [r for r in rows if r["value"]]
    assert len(with_value) == plan.summary()["targets"]


def test_the_csv_carries_each_targets_values():
    rows = read_back(plans_csv([planparse.parse(SAMPLES / "granbacka-2025.txt")]))
    row = next(r for r in rows if r["goal"].startswith("Varje styrelseledamot"))
    assert (row["section"], row["comparator"], row["value"], row["unit"], row["quantity"]) == \
        ("MEDLEMSVÄRVNING", ">=", "3", "medlem", "count")
    assert row["measurable"] == "true" and row["line"].isdigit()
    cost = next(r for r in rows if r["goal"].startswith("Kostnaden för lokalen"))
    assert (cost["comparator"], cost["value"], cost["quantity"], cost["per"]) == ("<=", "30000", "money", "P1Y")


def test_the_excel_csv_has_a_bom_semicolons_and_decimal_commas():
    plan = planparse.parse_text("# Plan 2025\n\n## Val\n\n- Valdeltagandet ska vara minst 52,5 %\n")
    text = plans_csv([plan], excel=True)
    assert text.startswith("\ufeff")
    (row,) = read_back(text, delimiter=";")
    assert row["value"] == "52,5" and row["unit"] == "%"


def test_plan_json_is_written_as_the_standard_encoder_writes_it():
    """The plan's indented JSON is written by our own walk (faster); it must read the
    same, character for character, as json.dumps with indent=2 would write it."""
    import json
    import random

    from planparse.outputs import indented_json

    rng = random.Random(7)
    leaves = [None, True, False, 0, -3, 10**20, 2.5, -0.0, 1e300, float("nan"), float("inf"), "", "Årsmöte",
              'citat "så"', "rad\nbrytning\t\x00\u2028", "😀"]

    def value(depth: int):
        kind = rng.random()
        if depth > 3 or kind < 0.4:
            return rng.choice(leaves)
        if kind < 0.7:
            return [value(depth + 1) for _ in range(rng.randint(0, 3))]
        return {rng.choice(["mål", "", "a\"b", 1, 2.5, True, None]): value(depth + 1) for _ in range(rng.randint(0, 3))}

    for _ in range(2000):
        v = value(0)
        assert indented_json(v) == json.dumps(v, ensure_ascii=False, indent=2)
    plan = planparse.parse(SAMPLES / "granbacka-2025.txt")
    assert indented_json(plan.to_dict()) == json.dumps(plan.to_dict(), ensure_ascii=False, indent=2)
