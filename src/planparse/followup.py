"""``planparse followup``: read a filled-in follow-up workbook back and say, per section and
in total, which targets are met, not met or not yet reported.

An outcome is judged against the target as the plan states it: its comparator (≥, >, ≤,
<, =, ≈ within 10 %), its range, and its period: a count per month, week or term is met
when the year's outcome reaches the rate times the periods in a year (a board counts what
was done in the year; an amount per period, such as a fee per term, is compared as it is). A target the board
marked as dropped ("stryks") is counted apart. Goals without a target are in the workbook
for the board's notes but are not judged.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .i18n import PER_YEAR, Lang, word
from .workbook import COLUMNS, DROPPED, FORMAT_ID, MACHINE_COLUMNS, MACHINE_PREFIX, META_SHEET

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

RESULTS = ("met", "not_met", "not_reported", "dropped")
APPROX = 0.10  # "cirka 60" is met by 54 to 66


@dataclass(slots=True)
class Outcome:
    """One target of the workbook and what became of it."""

    file: str
    sha256: str
    section: str
    goal: str
    goal_id: str
    target_index: int
    target: str
    reading: str
    status: str | None
    outcome: float | None
    comment: str | None
    result: str


@dataclass(slots=True)
class FollowUp:
    outcomes: list[Outcome] = field(default_factory=list)

    def totals(self, outcomes: list[Outcome] | None = None) -> dict[str, int]:
        counts = Counter(o.result for o in (self.outcomes if outcomes is None else outcomes))
        return {r: counts.get(r, 0) for r in RESULTS}

    def by_section(self) -> dict[tuple[str, str], dict[str, int]]:
        """(file, section) -> totals, in workbook order."""
        groups: dict[tuple[str, str], list[Outcome]] = {}
        for o in self.outcomes:
            groups.setdefault((o.file, o.section), []).append(o)
        return {key: self.totals(group) for key, group in groups.items()}

    def for_plan(self, sha256: str) -> dict[tuple[str, int], Outcome]:
        """The outcomes of one plan by (goal id, target index), for its HTML report."""
        return {(o.goal_id, o.target_index): o for o in self.outcomes if o.sha256 == sha256}


def judge(comparator: str, value: float, value_max: float | None, per: str | None, outcome: float,
          quantity: str = "count") -> bool:
    """Whether ``outcome`` meets the target; a count per period is compared over the year.

    >>> judge(">=", 6, None, None, 7), judge("between", 8, 10, None, 11), judge(">=", 1, None, "P1M", 11)
    (True, False, False)
    """
    times = PER_YEAR.get(per, 1) if per and quantity == "count" else 1
    low, high = value * times, (value_max * times if value_max is not None else None)
    if comparator == "between":
        return low <= outcome <= (high if high is not None else low)
    if comparator == "~":
        return abs(outcome - low) <= APPROX * abs(low)
    return {">=": outcome >= low, ">": outcome > low, "<=": outcome <= low, "<": outcome < low,
            "=": abs(outcome - low) < 1e-9}[comparator]


def read_followup(path: Path) -> FollowUp:
    """The judged outcomes of a planparse follow-up workbook; anything else is an InputError."""
    wb = _open(path)
    if META_SHEET not in wb.sheetnames or _meta_value(wb[META_SHEET], "format") != FORMAT_ID:
        raise InputError(f"{path}: not a planparse follow-up workbook (made by 'planparse parse --format xlsx')")
    result = FollowUp()
    for sheet, file, sha in _plans_of(wb[META_SHEET]):
        if sheet not in wb.sheetnames:
            raise InputError(f"{path}: the sheet {sheet!r} is missing")
        result.outcomes += _read_sheet(wb[sheet], file, sha, path)
    return result


def _open(path: Path) -> Workbook:
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        return load_workbook(path, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as e:
        raise InputError(f"{path}: not an Excel workbook ({type(e).__name__})") from None


def _meta_value(ws: Worksheet, key: str) -> Any:
    for row in ws.iter_rows(max_row=10, max_col=2, values_only=True):
        if row[0] == key:
            return row[1]
    return None


def _plans_of(ws: Worksheet) -> list[tuple[str, str, str]]:
    """(sheet, file, sha256) of every plan the hidden sheet lists."""
    rows = list(ws.iter_rows(values_only=True))
    start = next((i for i, r in enumerate(rows) if r and r[0] == "sheet"), None)
    if start is None:
        return []
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows[start + 1:] if r and r[0]]


def _read_sheet(ws: Worksheet, file: str, sha: str, path: Path) -> list[Outcome]:
    rows = ws.iter_rows(values_only=False)
    columns = _columns(next(rows, ()), ws.title, path)
    out = []
    for cells in rows:
        get = {key: cells[i] for key, i in columns.items() if i < len(cells)}
        value = get["value"].value if "value" in get else None
        if value is None or get["comparator"].value is None:
            continue  # a goal without a target, or a row the board added
        out.append(_outcome(get, file, sha))
    return out


def _columns(header_cells: tuple[Cell, ...], title: str, path: Path) -> dict[str, int]:
    """Column index by key: visible columns by their header in either language, hidden ones by name."""
    by_header = {h: key for key, headers, _ in COLUMNS for h in headers.values()}
    found: dict[str, int] = {}
    for i, cell in enumerate(header_cells):
        text = str(cell.value or "").strip()
        if text.startswith(MACHINE_PREFIX):
            found[text[len(MACHINE_PREFIX):]] = i
        elif text in by_header:
            found[by_header[text]] = i
    missing = [k for k in ("status", "outcome", *MACHINE_COLUMNS) if k not in found]
    if missing:
        raise InputError(f"{path}: sheet {title!r} has no column {missing[0]!r}")
    return found


def _outcome(get: dict[str, Cell], file: str, sha: str) -> Outcome:
    def text(key: str) -> str | None:
        v = get[key].value if key in get else None
        return None if v is None else str(v).strip() or None

    quantity = text("quantity") or "count"
    outcome = outcome_value(get["outcome"], quantity)
    status = text("status")
    if status in DROPPED:
        result = "dropped"
    elif outcome is None:
        result = "not_reported"
    else:
        value_max = get["value_max"].value
        met = judge(text("comparator") or "=", float(get["value"].value),
                    None if value_max is None else float(value_max), text("per"), outcome, quantity)
        result = "met" if met else "not_met"
    return Outcome(file=file, sha256=sha, section=text("section") or "", goal=text("goal") or "",
                   goal_id=text("goal_id") or "", target_index=int(get["target_index"].value or 0),
                   target=text("target") or "", reading=text("reading") or "", status=status, outcome=outcome,
                   comment=text("comment"), result=result)


_MULTIPLIERS = {"tkr": 1e3, "mkr": 1e6}


def outcome_value(cell: Cell, quantity: str) -> float | None:
    """The outcome as a number: typed numbers, Excel percentages (0.52 shown as 52 %) and
    text such as ``52 %``, ``5 000 kr``, ``32,5`` or ``12 tkr``; None when empty or not a number."""
    v = cell.value
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        shown_as_percent = "%" in (cell.number_format or "") and quantity in ("percent", "percentage_points")
        return float(v) * 100 if shown_as_percent else float(v)
    text = str(v).lower().replace("\u00a0", "").replace(" ", "")
    factor = next((m for unit, m in _MULTIPLIERS.items() if unit in text), 1.0)
    match = re.fullmatch(r"([-+]?\d+(?:[.,]\d+)?)(?:%|kr|kronor|sek|:-|tkr|mkr|st|procent)?", text)
    return float(match.group(1).replace(",", ".")) * factor if match else None


# ------------------------------------------------------------------ reports

def report_json(f: FollowUp) -> str:
    sections = [{"file": file, "section": section, **counts} for (file, section), counts in f.by_section().items()]
    return json.dumps({"total": f.totals(), "sections": sections, "targets": [asdict(o) for o in f.outcomes]},
                      ensure_ascii=False, indent=2) + "\n"


def report_text(f: FollowUp, lang: Lang = "sv") -> str:
    """Per plan and section a line of counts, then every target that is not met or not reported."""
    lines, current = [], None
    for (file, section), counts in f.by_section().items():
        if file != current:
            lines.append(file)
            current = file
        lines.append(f"  {section or word(lang, 'untitled')}: {_counts(counts, lang)}")
    lines.append(f"{word(lang, 'all')}: {_counts(f.totals(), lang)}")
    for o in f.outcomes:
        if o.result in ("not_met", "not_reported"):
            got = "" if o.outcome is None else f" ({word(lang, 'outcome').lower()} {o.outcome:g})"
            lines.append(f"  {word(lang, o.result)}: {o.target} [{o.reading}]{got} — {o.goal}")
    return "\n".join(lines) + "\n"


def _counts(counts: dict[str, int], lang: Lang) -> str:
    return ", ".join(f"{counts[r]} {word(lang, r)}" for r in RESULTS if counts[r] or r != "dropped")
