"""Targets: Swedish numbers, comparators, units, rates, baselines and deadlines."""
from .extract import extract_targets, needs_tagging

__all__ = ["extract_targets", "needs_tagging"]
