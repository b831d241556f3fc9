"""Targets: Swedish numbers, comparators, units, rates, baselines and deadlines."""
from .extract import extract_targets

__all__ = ["extract_targets"]
