"""An evaluation gate (as trafilatura keeps one): the targets found in the real plans of
``../shared/dev`` (text renditions) are scored with the shared scorer and must not fall
below pinned floors. Skips cleanly in a clone without ``../shared``.

Raise a floor when the scores rise; never lower one to let a change through.
"""
from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ROOT

DEV = ROOT.parent / "shared" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

#: measure -> floor (scores when pinned: P 0.930, R 0.908, F1 0.919, strict F1 0.857)
FLOORS = {"precision": 0.92, "recall": 0.90, "f1": 0.90, "strict_f1": 0.85}


def scorer():
    spec = importlib.util.spec_from_file_location("planparse_dev_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (DEV.is_dir() and SCORER.is_file()), reason="../shared/dev is not present in this clone")
def test_targets_on_the_dev_plans_stay_above_their_floors():
    score = scorer()
    golds = sorted(DEV.glob("*.expected.json"))
    files = [DEV / (g.name[: -len(".expected.json")] + ".txt") for g in golds]
    pairs = [(g, f) for g, f in zip(golds, files) if f.exists()]
    parsed = score.run_batch([f for _, f in pairs])
    rows = []
    for gold, file in pairs:
        plan, _, error = parsed[file]
        assert error is None, f"{file.name}: {error}"
        rows.append(score.score_doc(json.loads(gold.read_text(encoding="utf-8")), plan))
    t = score.totals(rows)
    precision, recall, f1 = score.f1(t["t_tp"], t["t_gold"], t["t_pred"])
    _, _, strict_f1 = score.f1(t["t_strict"], t["t_gold"], t["t_pred"])
    got = {"precision": precision, "recall": recall, "f1": f1, "strict_f1": strict_f1}
    below = {k: round(v, 3) for k, v in got.items() if v < FLOORS[k]}
    assert not below, f"below the floor: {below} (floors {FLOORS})"
