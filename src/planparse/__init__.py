"""planparse: Swedish verksamhetsplaner (activity plans) as structured data."""
from __future__ import annotations

from typing import Any

from .errors import InputError, PlanparseError
from .model import Baseline, Goal, Plan, Section, Target

__version__ = "0.1.0"
__all__ = ["parse", "parse_text", "parse_bytes", "Plan", "Section", "Goal", "Target", "Baseline",
           "PlanparseError", "InputError", "__version__"]

#: loaded on first use: the pipeline's modules compile their phrase tables on import,
#: which `planparse --help` and the light commands need not wait for
_PARSERS = ("parse", "parse_text", "parse_bytes")


def __getattr__(name: str) -> Any:
    if name in _PARSERS:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'planparse' has no attribute {name!r}")
