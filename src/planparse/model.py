"""The plan model: typed value objects matching ``shared/SPEC.md`` (plan JSON, version 1).

``to_dict`` gives exactly the contract's field names; ``from_dict`` reads them back, so a
stored plan can be loaded by other tools (diff, check) without re-parsing the source.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Literal

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
    def from_dict(cls, d: dict[str, Any] | None) -> Baseline | None:
        return None if d is None else cls(value=d["value"], year=d.get("year"))


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
    def from_dict(cls, d: dict[str, Any]) -> Target:
        return cls(
            text=d["text"], span=tuple(d["span"]), value=d["value"],
            comparator=d["comparator"], quantity=d["quantity"], unit=d.get("unit"),
            unit_text=d.get("unit_text"), value_max=d.get("value_max"), metric=d.get("metric"),
            change=d.get("change"), per=d.get("per"),
            baseline=Baseline.from_dict(d.get("baseline")), deadline=d.get("deadline"),
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
    def from_dict(cls, d: dict[str, Any]) -> Goal:
        loc = d.get("location") or {}
        return cls(
            id=d["id"], text=d["text"], kind=d["kind"],
            targets=[Target.from_dict(t) for t in d.get("targets", [])],
            responsible=list(d.get("responsible", [])),
            location=Location(page=loc.get("page"), line=loc.get("line")),
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
        yield self
        for s in self.sections:
            yield from s.walk()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "level": self.level,
            "text": self.text,
            "goals": [g.to_dict() for g in self.goals],
            "sections": [s.to_dict() for s in self.sections],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Section:
        return cls(
            id=d["id"], title=d.get("title"), level=d["level"], text=d.get("text", ""),
            goals=[Goal.from_dict(g) for g in d.get("goals", [])],
            sections=[Section.from_dict(s) for s in d.get("sections", [])],
        )


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
    def from_dict(cls, d: dict[str, Any]) -> Plan:
        if d.get("schema") != SCHEMA_ID:
            raise ValueError(f"not a {SCHEMA_ID} document")
        src = d["source"]
        return cls(
            source=Source(file=src["file"], format=src["format"], sha256=src["sha256"],
                          pages=src.get("pages")),
            title=d.get("title"), organization=d.get("organization"),
            years=list(d.get("years") or ([d["year"]] if d.get("year") else [])),
            status=d.get("status"), date=d.get("date"),
            sections=[Section.from_dict(s) for s in d.get("sections", [])],
        )


def _num(x: float | None) -> float | int | None:
    """Whole numbers as ints, so JSON says 6 and not 6.0."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else float(x)
