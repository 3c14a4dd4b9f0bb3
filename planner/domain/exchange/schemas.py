"""JSON Schemas for the files people write, generated from the models so they never drift."""

from __future__ import annotations

from typing import Any

from planner.domain.files.validation import json_schema
from planner.domain.lessons.model import Lesson
from planner.domain.library.models import Exercise, Program
from planner.domain.pain.rules import PainRules


def _file_schema(model: type, title: str) -> dict[str, Any]:
    schema = json_schema(model)
    schema["title"] = title
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    # In a file the id may be left out: it defaults to the file name.
    schema["required"] = [r for r in schema.get("required", []) if r != "id"]
    return schema


def file_schemas() -> dict[str, dict[str, Any]]:
    schemas = {
        "exercise.schema.json": _file_schema(Exercise, "planner exercise file"),
        "program.schema.json": _file_schema(Program, "planner program file"),
        "lesson.schema.json": _file_schema(Lesson, "planner lesson file"),
        "pain-rules.schema.json": _file_schema(PainRules, "planner pain-rules file"),
    }
    try:
        from planner.domain.exchange.plan_file import plan_file_schema
    except ImportError:
        return schemas
    schemas["plan.schema.json"] = plan_file_schema()
    return schemas
