"""planparse diff: what changed between last year's plan and this year's."""
from __future__ import annotations

import json

import pytest

import planparse
from planparse.diff import diff_plans, similarity

from conftest import SAMPLES
from test_cli import run

EDITS = [
    ("Varje styrelseledamot ska värva minst 3 nya medlemmar.",
     "Varje styrelseledamot ska värva minst 5 nya medlemmar under året."),
    ("• Bokcirkeln träffas varje månad\n", ""),
    ("• Boule varje onsdag kl. 10.00 på Granbacka IP\n",
     "• Boule varje onsdag kl. 10.00 på Granbacka IP\n• Starta en schackklubb med minst 8 deltagare\n"),
    ("\nEKONOMI\n", "\nKOMMUNIKATION\n\nVi ska ge ut fyra medlemsblad under året.\n\nEKONOMI\n"),
    ("högst uppgå till 30 000 kr per år", "högst uppgå till 25 000 kr per år"),
]


@pytest.fixture
def versions(tmp_path):
    old = SAMPLES / "granbacka-2025.txt"
    text = old.read_text(encoding="utf-8")
    for before, after in EDITS:
        assert before in text
        text = text.replace(before, after)
    new = tmp_path / "granbacka-2026.txt"
    new.write_text(text, encoding="utf-8")
    return old, new


def test_it_reports_the_changes_made_between_two_versions(versions):
    d = diff_plans(*(planparse.parse(p) for p in versions))
    assert [g.text for g in d.added] == ["Starta en schackklubb med minst 8 deltagare",
                                         "Vi ska ge ut fyra medlemsblad under året."]
    assert [g.text for g in d.dropped] == ["Bokcirkeln träffas varje månad"]
    assert d.sections_added == ["KOMMUNIKATION"] and d.sections_dropped == []
    moves = {c.kind + ": " + c.old.describe() + " -> " + c.new.describe() for p in d.changed for c in p.targets}
    assert moves == {"raised: >= 3 medlem -> >= 5 medlem", "lowered: <= 30000 SEK -> <= 25000 SEK"}


def test_the_cli_prints_text_and_json(versions, tmp_path):
    old, new = versions
    text = run("diff", str(old), str(new)).stdout
    assert "+ mål: Starta en schackklubb" in text and "raised" in text
    report = json.loads(run("diff", str(old), str(new), "--json").stdout)
    assert report["goals_dropped"] == ["Bokcirkeln träffas varje månad"]
    saved = tmp_path / "old.json"
    assert run("parse", str(old), "-o", str(saved)).returncode == 0
    assert json.loads(run("diff", str(saved), str(new), "--json").stdout) == report


def test_an_unchanged_plan_has_no_differences():
    plan = planparse.parse(SAMPLES / "bjorkvik-2025.txt")
    d = diff_plans(plan, plan)
    assert not (d.added or d.dropped or d.changed or d.sections_added or d.sections_dropped)


@pytest.mark.parametrize("a,b,same", [
    ("Ordna minst 6 träffar för klubbledare", "Vi ska ordna minst 8 träffar för klubbens ledare", True),
    ("Genomföra minst fyra större insamlingskampanjer", "Genomföra fem insamlingskampanjer", True),
    ("Starta fem nya studiecirklar", "Starta en schackklubb med minst 8 deltagare", False),
    ("Bokcirkeln träffas varje månad", "Boule varje onsdag på IP", False),
])
def test_goals_match_by_meaning_not_exact_wording(a, b, same):
    assert (similarity(a, b) >= 0.45) is same
