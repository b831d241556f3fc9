"""The plan model: typed value objects matching ``shared/SPEC.md`` (plan JSON, version 1).

``to_dict`` gives exactly the contract's field names; ``from_dict`` reads them back, so a
stored plan can be loaded by other tools (diff, check) without re-parsing the source.
"""
from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from typing import Any, Iterator, Literal, get_args

SCHEMA_ID = "planparse/plan@1"

Comparator = Literal[">=", ">", "<=", "<", "=", "~", "between"]
Quantity = Literal["count", "percent", "percentage_points", "money", "factor"]
Change = Literal["increase_by", "increase_to", "decrease_by", "decrease_to"]


@dataclass(slots=True)
class Baseline:
    value: float
    year: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": _num(self.value), "year": self.year}

    @classmethod
    def from_dict(cls, d: Any, where: str = "baseline") -> Baseline | None:
        if d is None:
            return None
        return cls(value=_get(d, "value", where, NUMBER), year=_get(d, "year", where, (int, None)))


@dataclass(slots=True)
class Target:
    text: str
    span: tuple[int, int]
    value: float
    comparator: Comparator = "="
    quantity: Quantity = "count"
    unit: str | None = None
    unit_text: str | None = None
    value_max: float | None = None
    metric: str | None = None
    change: Change | None = None
    per: str | None = None
    baseline: Baseline | None = None
    deadline: str | None = None

    def describe(self) -> str:
        """A short reading for people and doctests: ``>= 6 möte``."""
        value = f"{_num(self.value)}-{_num(self.value_max)}" if self.value_max is not None else f"{_num(self.value)}"
        return " ".join(x for x in (self.comparator, value, self.unit) if x)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "value": _num(self.value),
            "value_max": _num(self.value_max),
            "comparator": self.comparator,
            "quantity": self.quantity,
            "unit": self.unit,
            "unit_text": self.unit_text,
            "metric": self.metric,
            "change": self.change,
            "per": self.per,
            "baseline": self.baseline.to_dict() if self.baseline else None,
            "deadline": self.deadline,
        }

    @classmethod
    def from_dict(cls, d: Any, where: str = "target") -> Target:
        span = _get(d, "span", where, list)
        if len(span) != 2 or not all(_is(x, int) for x in span):
            raise ValueError(f"{where}.span: not two integers")
        text = (str, None)
        return cls(
            text=_get(d, "text", where, str), span=(span[0], span[1]), value=_get(d, "value", where, NUMBER),
            comparator=_get(d, "comparator", where, COMPARATORS), quantity=_get(d, "quantity", where, QUANTITIES),
            unit=_get(d, "unit", where, text, None), unit_text=_get(d, "unit_text", where, text, None),
            value_max=_get(d, "value_max", where, (*NUMBER, None), None), metric=_get(d, "metric", where, text, None),
            change=_get(d, "change", where, (*CHANGES, None), None), per=_get(d, "per", where, text, None),
            baseline=Baseline.from_dict(_get(d, "baseline", where, (dict, None), None), f"{where}.baseline"),
            deadline=_get(d, "deadline", where, text, None),
        )


@dataclass(slots=True)
class Location:
    page: int | None = None
    line: int | None = None


@dataclass(slots=True)
class Goal:
    id: str
    text: str
    kind: Literal["goal", "activity"]
    targets: list[Target] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    location: Location = field(default_factory=Location)

    @property
    def measurable(self) -> bool:
        return bool(self.targets)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "kind": self.kind,
            "measurable": self.measurable,
            "targets": [t.to_dict() for t in self.targets],
            "responsible": list(self.responsible),
            "location": {"page": self.location.page, "line": self.location.line},
        }

    @classmethod
    def from_dict(cls, d: Any, where: str = "goal") -> Goal:
        loc = _get(d, "location", where, (dict, None), None) or {}
        targets = _get(d, "targets", where, list, [])
        responsible = _get(d, "responsible", where, list, [])
        if not all(isinstance(r, str) for r in responsible):
            raise ValueError(f"{where}.responsible: not a list of strings")
        return cls(
            id=_get(d, "id", where, str), text=_get(d, "text", where, str), kind=_get(d, "kind", where, KINDS),
            targets=[Target.from_dict(t, f"{where}.targets[{i}]") for i, t in enumerate(targets)],
            responsible=list(responsible),
            location=Location(page=_get(loc, "page", f"{where}.location", (int, None), None),
                              line=_get(loc, "line", f"{where}.location", (int, None), None)),
        )


@dataclass(slots=True)
class Section:
    """A heading and what stands under it. ``title`` is None only for the unheaded
    stretch before a plan's first heading, so its goals are not lost."""

    id: str
    title: str | None
    level: int
    text: str = ""
    goals: list[Goal] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        """This section and all below it, in document order (by a stack, not by recursion,
        so that sections nested hundreds deep are walked too)."""
        stack = [self]
        while stack:
            section = stack.pop()
            yield section
            stack.extend(reversed(section.sections))

    def to_dict(self) -> dict[str, Any]:
        """The section and those below it, built by a stack rather than by recursion."""
        out = self._own_dict()
        stack = [(self, out)]
        while stack:
            section, d = stack.pop()
            for child in section.sections:
                child_dict = child._own_dict()
                d["sections"].append(child_dict)
                stack.append((child, child_dict))
        return out

    def _own_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "level": self.level, "text": self.text,
                "goals": [g.to_dict() for g in self.goals], "sections": []}

    @classmethod
    def from_dict(cls, d: Any, where: str = "section") -> Section:
        """A section and those below it, read by a stack rather than by recursion; each
        field checked, so that JSON which is not a plan is refused saying where."""
        root = cls._own_from_dict(d, where)
        stack = [(root, d, where)]
        while stack:
            section, raw, at = stack.pop()
            for i, child in enumerate(_get(raw, "sections", at, list, [])):
                child_at = f"{at}.sections[{i}]"
                section.sections.append(cls._own_from_dict(child, child_at))
                stack.append((section.sections[-1], child, child_at))
        return root

    @classmethod
    def _own_from_dict(cls, d: Any, where: str) -> Section:
        goals = _get(d, "goals", where, list, [])
        return cls(id=_get(d, "id", where, str), title=_get(d, "title", where, (str, None), None),
                   level=_get(d, "level", where, int), text=_get(d, "text", where, str, ""),
                   goals=[Goal.from_dict(g, f"{where}.goals[{i}]") for i, g in enumerate(goals)])


@dataclass(slots=True)
class Source:
    file: str
    format: Literal["txt", "md", "docx", "pdf"]
    sha256: str
    pages: int | None = None


@dataclass(slots=True)
class Plan:
    source: Source
    title: str | None = None
    organization: str | None = None
    years: list[int] = field(default_factory=list)
    status: Literal["draft", "adopted"] | None = None
    date: str | None = None
    sections: list[Section] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        return self.years[0] if self.years else None

    def walk_sections(self) -> Iterator[Section]:
        for s in self.sections:
            yield from s.walk()

    def goals(self) -> Iterator[tuple[Section, Goal]]:
        """Every goal with the section it stands in, in document order."""
        for s in self.walk_sections():
            for g in s.goals:
                yield s, g

    def goals_with_paths(self) -> Iterator[tuple[tuple[str, ...], Goal]]:
        """Every goal with the titles of the sections it stands under, outermost first, in
        document order (by a stack, not by recursion): a row of a spreadsheet names its place."""
        stack = [((), s) for s in reversed(self.sections)]
        while stack:
            above, s = stack.pop()
            here = above + ((s.title,) if s.title else ())
            for g in s.goals:
                yield here, g
            stack.extend((here, child) for child in reversed(s.sections))

    def summary(self) -> dict[str, int]:
        goals = [g for _, g in self.goals()]
        return {
            "sections": sum(1 for s in self.walk_sections() if s.title is not None),
            "goals": len(goals),
            "measurable_goals": sum(g.measurable for g in goals),
            "targets": sum(len(g.targets) for g in goals),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "source": {"file": self.source.file, "format": self.source.format,
                       "sha256": self.source.sha256, "pages": self.source.pages},
            "title": self.title,
            "organization": self.organization,
            "year": self.year,
            "years": list(self.years),
            "status": self.status,
            "date": self.date,
            "sections": [s.to_dict() for s in self.sections],
            "summary": self.summary(),
        }

    @classmethod
    def from_dict(cls, d: Any) -> Plan:
        """A plan from its JSON. Raises ValueError, naming the field, for anything that is
        not a plan (another JSON value, a missing field, a value of the wrong type)."""
        if not isinstance(d, dict) or d.get("schema") != SCHEMA_ID:
            raise ValueError(f"not a {SCHEMA_ID} document")
        src = _get(d, "source", "plan", dict)
        years = _get(d, "years", "plan", list, [])
        if not all(_is(y, int) for y in years):
            raise ValueError("plan.years: not a list of integers")
        year = _get(d, "year", "plan", (int, None), None)
        text = (str, None)
        return cls(
            source=Source(file=_get(src, "file", "source", str), format=_get(src, "format", "source", FORMATS),
                          sha256=_get(src, "sha256", "source", str),
                          pages=_get(src, "pages", "source", (int, None), None)),
            title=_get(d, "title", "plan", text, None), organization=_get(d, "organization", "plan", text, None),
            years=list(years or ([year] if year else [])),
            status=_get(d, "status", "plan", ("draft", "adopted", None), None),
            date=_get(d, "date", "plan", text, None),
            sections=[Section.from_dict(s, f"sections[{i}]")
                      for i, s in enumerate(_get(d, "sections", "plan", list, []))],
        )


#: what ``from_dict`` accepts where a field is one of a few types or values
NUMBER = (int, float)
COMPARATORS = get_args(Comparator)
QUANTITIES = get_args(Quantity)
CHANGES = get_args(Change)
KINDS = ("goal", "activity")
FORMATS = ("txt", "md", "docx", "pdf")
_REQUIRED = object()


def _get(d: Any, key: str, where: str, allowed: Any, default: Any = _REQUIRED) -> Any:
    """``d[key]`` if it is one of ``allowed`` (types, literal values, None), else ValueError
    saying where. A missing key gives ``default``, or an error when there is none."""
    if not isinstance(d, dict):
        raise ValueError(f"{where}: not an object")
    if key not in d:
        if default is _REQUIRED:
            raise ValueError(f"{where}.{key}: missing")
        return default
    value = d[key]
    options = allowed if isinstance(allowed, tuple) else (allowed,)
    if any(_is(value, o) if isinstance(o, type) else (value is o if o is None else value == o and isinstance(value, str))
           for o in options):
        return value
    raise ValueError(f"{where}.{key}: {_kind(value)} where {_expected(options)} was expected")


def _is(value: Any, kind: type) -> bool:
    """Is ``value`` of JSON type ``kind``? true is no number here, and neither are NaN,
    infinity (Python's json reads them, JSON has none) or an integer no float can hold."""
    if isinstance(value, bool):
        return kind is bool
    if kind is float:
        return isinstance(value, float) and math.isfinite(value)
    if kind is int:
        return isinstance(value, int) and abs(value) <= sys.float_info.max
    return isinstance(value, kind)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, (str, float)):
        return repr(value[:40] if isinstance(value, str) else value)
    return type(value).__name__


def _expected(options: tuple[Any, ...]) -> str:
    return " or ".join("null" if o is None else o.__name__ if isinstance(o, type) else repr(o) for o in options)


def _num(x: float | None) -> float | int | None:
    """Whole numbers as ints, so JSON says 6 and not 6.0."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else float(x)
