"""Checking what people write against the dataclass models, with pydantic.

The models (:mod:`planner.domain.library.models`, :mod:`planner.domain.plan.model`,
:class:`~planner.domain.pain.adaptation.AdaptationState`) are plain dataclasses
whose annotations carry the rules as strings. pydantic reads those strings
here, where ``Annotated``, ``Field`` and ``Slug`` are in scope, so only
commands that check a file (a library change, an import, ``planner schema``)
pay for importing pydantic and building its validators.
"""

from __future__ import annotations

import sys
import typing
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from planner.domain.errors import Problem
from planner.domain.files.messages import problems_from_validation
from planner.domain.files.slugs import SLUG_PATTERN

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, min_length=1, max_length=60)]

# The names the models' annotation strings use that their own modules do not import at run time.
RULE_NAMES = {"Annotated": Annotated, "Field": Field, "Slug": Slug}


@cache
def adapter(model: type) -> TypeAdapter[Any]:
    """pydantic's validator for one model, built once per process (and only when a file needs it)."""
    built = TypeAdapter(model)
    built.rebuild(force=True, raise_errors=True, _types_namespace=RULE_NAMES)
    return built


def check(model: type, data: Any, shown: str, text: str) -> tuple[Any, list[Problem]]:
    """``data`` as a ``model``, or the problems with it as ``PATH:LINE: FIELD: message`` lines."""
    try:
        return adapter(model).validate_python(data), []
    except ValidationError as err:
        return None, problems_from_validation(shown, text, err, model, field_types)


def json_schema(model: type) -> dict[str, Any]:
    return adapter(model).json_schema()


def field_types(model: Any) -> dict[str, Any]:
    """A model's field names, in order, with their types: for "unknown field; allowed: …" messages."""
    if isinstance(model, type) and issubclass(model, BaseModel):
        return {name: info.annotation for name, info in model.model_fields.items()}
    if not hasattr(model, "__dataclass_fields__"):
        return {}
    hints = typing.get_type_hints(model, globalns=vars(sys.modules[model.__module__]), localns=RULE_NAMES)
    return {name: hints[name] for name in model.__dataclass_fields__}
