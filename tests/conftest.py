"""Shared fixtures: where the seed plans and samples live, and the JSON Schema validator."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def validator():
    jsonschema = pytest.importorskip("jsonschema")
    from planparse.outputs import schema

    return jsonschema.Draft202012Validator(schema())


def seed_files(suffix: str = ".txt") -> list[Path]:
    """The seed plans when ../shared/seeds exists (a user's clone has none)."""
    return sorted(SEEDS.glob(f"*{suffix}")) if SEEDS.is_dir() else []


def needs_seeds() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not present in this clone")
