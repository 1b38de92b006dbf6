"""The JSON Schema of an answers file for one walk, for editors and for other tools."""

from __future__ import annotations

from typing import Any

from wsw.packs.models import Question, Walk
from wsw.walk.values import choices_for


def _value_schema(question: Question, theme_titles: dict[str, str]) -> dict[str, Any]:
    values = [c.value for c in choices_for(question, theme_titles)]
    kind = question.type
    schema: dict[str, Any]
    if kind == "text":
        schema = {"type": "string", "minLength": 1}
    elif kind == "list":
        schema = {"type": "array", "items": {"type": "string"}}
    elif kind == "choice":
        schema = {"type": "string", "enum": values}
    elif kind == "multichoice":
        schema = {"type": "array", "items": {"type": "string", "enum": values}, "uniqueItems": True}
    elif kind == "yesno":
        schema = {"type": "boolean"}
    elif kind == "scale":
        schema = {"type": "integer", "minimum": 0, "maximum": 10}
    elif kind == "date":
        schema = {"type": "string", "format": "date"}
    else:  # actions
        schema = {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["action"],
                "additionalProperties": False,
                "properties": {
                    "action": {"type": "string", "minLength": 1},
                    "owner": {"type": "string"},
                    "due": {"type": "string", "format": "date"},
                },
            },
        }
    schema["description"] = question.prompt.strip()
    return schema


def answers_schema(walk: Walk, theme_titles: dict[str, str]) -> dict[str, Any]:
    questions = [q for s in walk.stages for q in s.questions]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"wsw answers for the '{walk.id}' walk",
        "type": "object",
        "required": ["answers"],
        "properties": {
            "answers": {
                "type": "object",
                "additionalProperties": False,
                "properties": {q.id: _value_schema(q, theme_titles) for q in questions},
            },
            "meta": {"type": "object", "description": "Free-form: walk id, dates, draft id."},
        },
    }
