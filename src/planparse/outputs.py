"""Serialising plans: JSON (the contract) and the schema that describes it."""
from __future__ import annotations

import json
from importlib import resources
from typing import Any

from .model import Plan


def plan_json(plan: Plan, *, compact: bool = False) -> str:
    """The plan as JSON text: UTF-8 characters kept as they are, not escaped."""
    if compact:
        return json.dumps(plan.to_dict(), ensure_ascii=False, separators=(",", ":"))
    return json.dumps(plan.to_dict(), ensure_ascii=False, indent=2)


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) shipped inside the package."""
    return json.loads(resources.files("planparse").joinpath("schema.json").read_text(encoding="utf-8"))
