"""Targets: Swedish numbers, comparators, units, rates, baselines and deadlines.

The public answers other layers use; everything else in this package is its own business."""
from .extract import (TextContext, extract_targets, has_number, needs_tagging, promises_change, tag_candidates,
                      targets_of, why_not)
from .units import counted_noun, noun_lemma

__all__ = ["TextContext", "counted_noun", "extract_targets", "has_number", "needs_tagging", "noun_lemma",
           "promises_change", "tag_candidates", "targets_of", "why_not"]
