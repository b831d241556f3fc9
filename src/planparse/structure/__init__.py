"""Structure: blocks -> section tree, goals and plan metadata."""
from .build import build_plan

__all__ = ["build_plan"]
