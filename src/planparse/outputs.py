"""Serialising plans: JSON (the contract), CSV for spreadsheets, and the JSON Schema."""
from __future__ import annotations

import csv
import io
import json
import math
import sys
from contextlib import contextmanager
from importlib import resources
from json.encoder import encode_basestring
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
        return indented_json(plan.to_dict())


def indented_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text character for
    character, written in one walk: the standard library has a C encoder only for
    unindented output, and its Python one took two thirds of writing a plan.

    >>> print(indented_json({"mål": [1, 2.5, None], "tom": {}, "ok": True}))
    {
      "mål": [
        1,
        2.5,
        null
      ],
      "tom": {},
      "ok": true
    }
    """
    parts: list[str] = []
    _write_json(value, "", parts)
    return "".join(parts)


def _write_json(value: Any, indent: str, parts: list[str]) -> None:
    """``value`` as JSON onto ``parts``, its inner lines indented two spaces past ``indent``;
    types are tried in the standard encoder's order (a bool before an int)."""
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_json_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = indent + "  "
        parts.append("[\n" + inner)
        for n, item in enumerate(value):
            if n:
                parts.append(",\n" + inner)
            _write_json(item, inner, parts)
        parts.append("\n" + indent + "]")
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = indent + "  "
        parts.append("{\n" + inner)
        for n, (key, item) in enumerate(value.items()):
            if n:
                parts.append(",\n" + inner)
            parts.append(encode_basestring(_json_key(key)) + ": ")
            _write_json(item, inner, parts)
        parts.append("\n" + indent + "}")
    else:
        raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _json_float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


def _json_key(key: Any) -> str:
    """A dict key as the standard encoder writes it: text, or a number or constant as text."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _json_float(key)
    if key is True or key is False or key is None:
        return {True: "true", False: "false", None: "null"}[key]
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


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
