"""Suggestion: which learning bears on a piece of case information, with the reasons."""

from wsw.suggest.engine import Suggester, Suggestion, distinct_themes

__all__ = ["Suggester", "Suggestion", "distinct_themes"]
