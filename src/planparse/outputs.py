"""Serialising plans: JSON (the contract), CSV for spreadsheets, and the JSON Schema."""
from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager
from importlib import resources
from typing import Any, Iterable, Iterator

from .errors import InputError
from .model import Plan, Section, Target

CSV_COLUMNS = ("file", "section", "goal", "kind", "measurable", "comparator", "value", "value_max", "unit",
               "quantity", "change", "per", "baseline_value", "baseline_year", "deadline", "page", "line")


#: sections nest at most this deep in plan JSON written or read (README, "Limits"): json
#: recurses once per nesting level, and indented output grows with the square of the depth
MAX_DEPTH = 1000


def plan_json(plan: Plan, *, compact: bool = False) -> str:
    """The plan as JSON text: UTF-8 characters kept as they are, not escaped."""
    depth = max((d for d, _ in _sections_with_depth(plan.sections)), default=0)
    if depth > MAX_DEPTH:
        raise InputError(f"sections nest {depth} deep, over the limit of {MAX_DEPTH}")
    with _recursion_room(3 * depth):
        if compact:
            return json.dumps(plan.to_dict(), ensure_ascii=False, separators=(",", ":"))
        return json.dumps(plan.to_dict(), ensure_ascii=False, indent=2)


def load_plan_json(text: str) -> Plan:
    """A plan from its JSON text. Raises ValueError for text that is not a plan: not JSON,
    another JSON value, nested deeper than a plan may be, a field of the wrong type."""
    try:
        with _recursion_room(3 * MAX_DEPTH):
            data = json.loads(text)
    except RecursionError:
        raise ValueError(f"nested deeper than a plan's {MAX_DEPTH} levels of sections") from None
    return Plan.from_dict(data)


@contextmanager
def _recursion_room(levels: int) -> Iterator[None]:
    """Room for ``levels`` more nested calls, for json's encoder and decoder only."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(old + levels)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def _sections_with_depth(sections: list[Section]) -> Iterator[tuple[int, Section]]:
    """Every section with its depth (1 at the top), in document order, by a stack."""
    stack = [(1, s) for s in reversed(sections)]
    while stack:
        depth, section = stack.pop()
        yield depth, section
        stack.extend((depth + 1, s) for s in reversed(section.sections))


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) shipped inside the package."""
    return json.loads(resources.files("planparse").joinpath("schema.json").read_text(encoding="utf-8"))


def csv_rows(plan: Plan) -> Iterator[dict[str, Any]]:
    """One row per target, and one for each goal without a target (so none is lost)."""
    for path, goal in plan.goals_with_paths():
        base = {"file": plan.source.file, "section": " > ".join(path), "goal": goal.text, "kind": goal.kind,
                "measurable": goal.measurable, "page": goal.location.page, "line": goal.location.line}
        if not goal.targets:
            yield base
        for t in goal.targets:
            yield {**base, **_target_columns(t)}


def _target_columns(t: Target) -> dict[str, Any]:
    d = t.to_dict()
    return {"comparator": t.comparator, "value": d["value"], "value_max": d["value_max"], "unit": t.unit,
            "quantity": t.quantity, "change": t.change, "per": t.per,
            "baseline_value": d["baseline"]["value"] if t.baseline else None,
            "baseline_year": t.baseline.year if t.baseline else None, "deadline": t.deadline}


def plans_csv(plans: Iterable[Plan], *, excel: bool = False) -> str:
    """CSV text of the plans' goals and targets. ``excel`` gives what Swedish Excel opens
    as it is: a byte-order mark, ``;`` between fields and a decimal comma."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writeheader()
    for plan in plans:
        for row in csv_rows(plan):
            writer.writerow({k: _cell(v, excel) for k, v in row.items()})
    return ("\ufeff" if excel else "") + buf.getvalue()


def _cell(value: Any, excel: bool) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and excel:
        return repr(value).replace(".", ",")
    return value
