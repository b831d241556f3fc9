"""Words the reports say to plan writers and boards, in Swedish (the default) or English.

The people who write and follow up plans read Swedish; ``--lang en`` is for everyone
else. The command line's own help and errors stay English and do not come from here.
"""
from __future__ import annotations

from typing import Literal

from .model import Target

Lang = Literal["sv", "en"]
LANGS: tuple[Lang, ...] = ("sv", "en")

_WORDS: dict[str, dict[str, str]] = {
    "sv": {
        "organization": "Organisation", "year": "År", "status": "Status", "date": "Datum", "source": "Källa",
        "draft": "förslag", "adopted": "antagen", "unknown": "okänd",
        "outline": "Innehåll", "summary": "Sammanfattning", "goals": "Mål", "measurable": "Mätbara",
        "measurable_share": "Andel mätbara", "targets": "Måltal", "targets_by_kind": "Måltal per slag",
        "goal": "mål", "activity": "aktivitet", "responsible": "Ansvarig", "line": "rad", "page": "sida",
        "no_target": "Inget måltal", "suggestion": "Förslag", "untitled": "(före första rubriken)",
        "count": "antal", "percent": "procent", "percentage_points": "procentenheter", "money": "pengar",
        "factor": "faktor",
        "district": "Distriktsöversikt", "plans": "Planer", "format": "Format",
        "failed": "Kunde inte läsas", "error": "Fel", "share_per_org": "Andel mätbara mål per organisation",
        "top_units": "Vanligaste enheterna i måltalen (summa; mål per period räknade per år)",
        "sort_hint": "Klicka på en kolumnrubrik för att sortera.",
        "followup": "Uppföljning", "met": "uppnått", "not_met": "ej uppnått", "not_reported": "ej rapporterat",
        "dropped": "struket", "section": "Avsnitt", "all": "Totalt", "outcome": "Utfall",
        "made_by": "Skapad av planparse",
    },
    "en": {
        "organization": "Organisation", "year": "Year", "status": "Status", "date": "Date", "source": "Source",
        "draft": "draft", "adopted": "adopted", "unknown": "unknown",
        "outline": "Contents", "summary": "Summary", "goals": "Goals", "measurable": "Measurable",
        "measurable_share": "Measurable share", "targets": "Targets", "targets_by_kind": "Targets by kind",
        "goal": "goal", "activity": "activity", "responsible": "Responsible", "line": "line", "page": "page",
        "no_target": "No target", "suggestion": "Suggestion", "untitled": "(before the first heading)",
        "count": "count", "percent": "percent", "percentage_points": "percentage points", "money": "money",
        "factor": "factor",
        "district": "District overview", "plans": "Plans", "format": "Format",
        "failed": "Could not be read", "error": "Error", "share_per_org": "Share of measurable goals per organisation",
        "top_units": "Most common target units (total; targets per period counted per year)",
        "sort_hint": "Click a column heading to sort.",
        "followup": "Follow-up", "met": "met", "not_met": "not met", "not_reported": "not reported",
        "dropped": "dropped", "section": "Section", "all": "Total", "outcome": "Outcome",
        "made_by": "Made by planparse",
    },
}

#: ISO 8601 periods the extractor gives, in words
_PERIODS: dict[str, dict[str, str]] = {
    "sv": {"P1W": "per vecka", "P2W": "varannan vecka", "P1M": "per månad", "P3M": "per kvartal",
           "P6M": "per termin", "P1Y": "per år"},
    "en": {"P1W": "per week", "P2W": "every other week", "P1M": "per month", "P3M": "per quarter",
           "P6M": "per half-year", "P1Y": "per year"},
}
#: how often a period comes round in a year (a rate's yearly total)
PER_YEAR: dict[str, float] = {"P1W": 52, "P2W": 26, "P1M": 12, "P3M": 4, "P6M": 2, "P1Y": 1}

_CHANGES: dict[str, dict[str, str]] = {
    "sv": {"increase_by": "ökning med", "increase_to": "ökning till", "decrease_by": "minskning med",
           "decrease_to": "minskning till"},
    "en": {"increase_by": "increase by", "increase_to": "increase to", "decrease_by": "decrease by",
           "decrease_to": "decrease to"},
}
_SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "~": "≈"}
_QUANTITY_UNITS = {"sv": {"percentage_points": "procentenheter", "money": "kr"},
                   "en": {"percentage_points": "percentage points", "money": "SEK"}}


def word(lang: Lang, key: str) -> str:
    return _WORDS[lang][key]


def number(x: float | None, lang: Lang) -> str:
    """``5 000`` and ``32,5`` in Swedish, ``5,000`` and ``32.5`` in English."""
    if x is None:
        return ""
    text = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0")
    if lang == "sv":
        return text.replace(",", "\u00a0").replace(".", ",")
    return text


def reading(t: Target, lang: Lang = "sv") -> str:
    """The normalized target in words beside the text it was read from: ``≥ 6 möte per år, senast 2025``."""
    level = _level(t, lang)
    parts = [_CHANGES[lang][t.change] if t.change else "", level, _unit(t, lang), t.metric or ""]
    if t.per:
        parts.append(_PERIODS[lang].get(t.per, t.per))
    text = " ".join(p for p in parts if p)
    if t.baseline is not None:
        since = f" {'år' if lang == 'sv' else 'in'} {t.baseline.year}" if t.baseline.year else ""
        text += f" ({'från' if lang == 'sv' else 'from'} {number(t.baseline.value, lang)}{since})"
    if t.deadline:
        text += f", {'senast' if lang == 'sv' else 'by'} {t.deadline}"
    return text


def _level(t: Target, lang: Lang) -> str:
    """``≥ 6``, ``8–10``, ``×2``, ``5``: a plain level needs no ``=``."""
    core = number(t.value, lang) if t.value_max is None else f"{number(t.value, lang)}–{number(t.value_max, lang)}"
    if t.quantity == "factor":
        core = "×" + core
    if t.comparator in ("between", "="):
        return core
    return f"{_SYMBOLS[t.comparator]} {core}"


def _unit(t: Target, lang: Lang) -> str:
    if t.quantity == "percent":
        return "%"
    if t.quantity in _QUANTITY_UNITS[lang]:
        return _QUANTITY_UNITS[lang][t.quantity]
    return "" if t.quantity == "factor" else (t.unit or "")


def status_word(status: str | None, lang: Lang) -> str:
    return word(lang, status) if status in ("draft", "adopted") else word(lang, "unknown")
