"""planparse: Swedish verksamhetsplaner (activity plans) as structured data."""
from .api import parse, parse_bytes, parse_text
from .errors import InputError, PlanparseError
from .model import Baseline, Goal, Plan, Section, Target

__version__ = "0.1.0"
__all__ = ["parse", "parse_text", "parse_bytes", "Plan", "Section", "Goal", "Target", "Baseline",
           "PlanparseError", "InputError", "__version__"]
