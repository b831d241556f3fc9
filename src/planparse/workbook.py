"""The follow-up workbook: one sheet per plan, a row per target, and the columns a board
fills in during the year (status from a dropdown, outcome, comment).

The board works in Excel, so the workbook is a real .xlsx: a frozen header, filters, fitted
widths and validation on the cells people type in. Hidden columns keep each target's
comparator, value, range, quantity and period, and a hidden sheet names the plans, so
``planparse followup`` can judge the outcomes without the plan files.
"""
from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any, Iterator

from .i18n import LANGS, Lang, reading
from .model import Plan, Target

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

FORMAT_ID = "planparse/followup@1"
META_SHEET = "planparse"

#: the visible columns, their headers per language, and the width they may take
COLUMNS: tuple[tuple[str, dict[str, str], int], ...] = (
    ("section", {"sv": "Avsnitt", "en": "Section"}, 30),
    ("goal", {"sv": "Mål", "en": "Goal"}, 60),
    ("target", {"sv": "Måltal som skrivet", "en": "Target as written"}, 30),
    ("reading", {"sv": "Måltal normaliserat", "en": "Target normalized"}, 30),
    ("deadline", {"sv": "Senast", "en": "Deadline"}, 12),
    ("responsible", {"sv": "Ansvarig", "en": "Responsible"}, 20),
    ("status", {"sv": "Status", "en": "Status"}, 14),
    ("outcome", {"sv": "Utfall", "en": "Outcome"}, 12),
    ("comment", {"sv": "Kommentar", "en": "Comment"}, 40),
)
#: hidden columns for the machine, named the same in every language
MACHINE_COLUMNS = ("goal_id", "target_index", "comparator", "value", "value_max", "quantity", "per")
MACHINE_PREFIX = "planparse:"

STATUSES: dict[str, tuple[str, ...]] = {
    "sv": ("ej påbörjad", "pågår", "klart", "stryks"),
    "en": ("not started", "in progress", "done", "dropped"),
}
#: the status that takes a target out of the count, in every language
DROPPED = {STATUSES[lang][3] for lang in LANGS}

_PROMPTS = {
    "sv": ("Utfall", "Ett tal: antal, procent eller kronor. Antal per månad, vecka eller termin: "
                     "skriv antalet för hela året (1 per månad = 12)."),
    "en": ("Outcome", "A number: a count, a percentage or kronor. For counts per month, week or term: "
                      "give the whole year's count (1 per month = 12)."),
}
_ERRORS = {"sv": ("Välj i listan", "Skriv ett tal"), "en": ("Choose from the list", "Type a number")}
_VALIDATED_ROWS = 2000  # typed-in rows below the plan's keep the dropdown too


def header(key: str, lang: Lang) -> str:
    return dict((k, h) for k, h, _ in COLUMNS)[key][lang]


def workbook_bytes(plans: list[Plan], lang: Lang = "sv") -> bytes:
    """The .xlsx file's bytes: a sheet per plan and the hidden sheet that identifies it."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    names: list[str] = []
    for plan in plans:
        name = _sheet_name(plan, names)
        names.append(name)
        _fill_sheet(wb.create_sheet(name), plan, lang)
    _meta_sheet(wb, plans, names, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rows(plan: Plan, lang: Lang) -> Iterator[dict[str, Any]]:
    """One row per target, and one for each goal without a target (the board notes its status)."""
    for path, goal in plan.goals_with_paths():
        base = {"section": " > ".join(path), "goal": goal.text, "responsible": ", ".join(goal.responsible),
                "goal_id": goal.id}
        if not goal.targets:
            yield base
        for i, t in enumerate(goal.targets):
            yield {**base, **_target_cells(t, i, lang)}


def _target_cells(t: Target, index: int, lang: Lang) -> dict[str, Any]:
    return {"target": t.text, "reading": reading(t, lang), "deadline": t.deadline, "target_index": index,
            "comparator": t.comparator, "value": t.value, "value_max": t.value_max, "quantity": t.quantity,
            "per": t.per}


def _fill_sheet(ws: Worksheet, plan: Plan, lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    keys = [k for k, _, _ in COLUMNS] + list(MACHINE_COLUMNS)
    ws.append([header(k, lang) for k, _, _ in COLUMNS] + [MACHINE_PREFIX + k for k in MACHINE_COLUMNS])
    body = list(rows(plan, lang))
    for row in body:
        ws.append([row.get(k) for k in keys])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE6EE")
    for row in ws.iter_rows(min_row=2, max_col=len(COLUMNS)):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    last = len(body) + 1
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{_letter(len(COLUMNS))}{last}"
    _fit_widths(ws, body, lang)
    for i in range(len(COLUMNS) + 1, len(keys) + 1):
        ws.column_dimensions[_letter(i)].hidden = True
    _validations(ws, lang)


def _fit_widths(ws: Worksheet, body: list[dict[str, Any]], lang: Lang) -> None:
    """Each column as wide as its longest cell, within the column's limit (long text wraps)."""
    for i, (key, _, limit) in enumerate(COLUMNS, start=1):
        longest = max([len(header(key, lang))] + [len(str(r.get(key) or "")) for r in body])
        ws.column_dimensions[_letter(i)].width = min(longest, limit) + 2


def _validations(ws: Worksheet, lang: Lang) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    keys = [k for k, _, _ in COLUMNS]
    status_col, outcome_col = _letter(keys.index("status") + 1), _letter(keys.index("outcome") + 1)
    not_listed, not_number = _ERRORS[lang]
    status = DataValidation(type="list", formula1='"' + ",".join(STATUSES[lang]) + '"', allow_blank=True,
                            showErrorMessage=True, error=not_listed)
    status.add(f"{status_col}2:{status_col}{_VALIDATED_ROWS}")
    title, prompt = _PROMPTS[lang]
    outcome = DataValidation(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15",
                             allow_blank=True, promptTitle=title, prompt=prompt, showInputMessage=True,
                             showErrorMessage=True, error=not_number)
    outcome.add(f"{outcome_col}2:{outcome_col}{_VALIDATED_ROWS}")
    ws.add_data_validation(status)
    ws.add_data_validation(outcome)


def _meta_sheet(wb: Workbook, plans: list[Plan], names: list[str], lang: Lang) -> None:
    """A hidden sheet that marks the workbook as planparse's and says which plan each sheet holds."""
    ws = wb.create_sheet(META_SHEET)
    ws.append(["format", FORMAT_ID])
    ws.append(["lang", lang])
    ws.append(["sheet", "file", "sha256", "title", "organization", "year"])
    for name, plan in zip(names, plans):
        ws.append([name, plan.source.file, plan.source.sha256, plan.title, plan.organization, plan.year])
    ws.sheet_state = "hidden"


def _sheet_name(plan: Plan, taken: list[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the workbook."""
    stem = re.sub(r"[\[\]:*?/\\]", "-", plan.source.file.rsplit(".", 1)[0]).strip("'") or "plan"
    name, n = stem[:31], 2
    while name.lower() in {t.lower() for t in taken} or name.lower() == META_SHEET:
        suffix = f" ({n})"
        name, n = stem[: 31 - len(suffix)] + suffix, n + 1
    return name


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)
