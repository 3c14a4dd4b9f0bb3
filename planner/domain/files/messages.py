"""Turn pydantic and tomllib errors into ``PATH:LINE: FIELD: message`` problems.

Pydantic's own wording is close to what a person needs; this adds the bad
value, what is allowed, and a "did you mean" for misspelt field names.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from planner.domain.errors import Problem
from planner.domain.files.slugs import SLUG_PATTERN
from planner.domain.files.toml_lines import locate

if TYPE_CHECKING:
    from pydantic import ValidationError

FieldTypes = Callable[[Any], dict[str, Any]]

_AT_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_FIELD_PREFIX = re.compile(r"^([a-z_]+(?:\.[a-z_]+)*): (.*)$", re.S)


def toml_syntax_problem(shown: str, err: tomllib.TOMLDecodeError) -> Problem:
    message = str(err)
    match = _AT_LINE.search(message)
    line = int(match.group(1)) if match else None
    text = _AT_LINE.sub("", message).strip()
    return Problem(shown, line, "toml", f"{text[0].lower()}{text[1:]} (the file is not valid TOML)")


def _allowed_fields(model: Any, loc: tuple[Any, ...], field_types: FieldTypes) -> list[str]:
    """The field names allowed at the table that holds ``loc``."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        annotation = field_types(current).get(part)
        if annotation is None:
            return []
        current = _inner_model(annotation, field_types)
        if current is None:
            return []
    return list(field_types(current))


def _inner_model(annotation: Any, field_types: FieldTypes) -> Any:
    """The model a field holds, looking inside ``X | None`` and ``list[X]``."""
    if isinstance(annotation, type) and field_types(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg, field_types)
        if found is not None:
            return found
    return None


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _slug_message(value: Any, loc: tuple[Any, ...], text: str) -> str:
    """Ids and targets are slugs: say so in words, with the slug the person probably meant."""
    suggestion = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
    example = f", e.g. '{suggestion}'" if suggestion else ""
    message = f"use lowercase letters, digits and single hyphens{example}; got {_show(value)}"
    if loc == ("id",) and locate(text, loc) is None:
        message += " (without an id line, the id is the file name: rename the file or add an id line)"
    return message


def problems_from_validation(shown: str, text: str, err: ValidationError, model: Any,
                             field_types: FieldTypes) -> list[Problem]:
    """One problem per pydantic error; ``field_types`` names a model's fields (see file_validation)."""
    problems = []
    for error in _one_per_union(err.errors(include_url=False), model, field_types):
        loc = tuple(error["loc"])
        field = ".".join(str(p) for p in loc) or "(file)"
        kind = error["type"]
        message = error["msg"]
        if kind in ("extra_forbidden", "unexpected_keyword_argument"):
            allowed = _allowed_fields(model, loc, field_types)
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            message = f"unknown field; {hint}allowed: {', '.join(allowed)}"
        elif kind in ("missing", "missing_argument", "missing_keyword_only_argument"):
            message = "is required but missing"
        elif kind == "value_error":
            message = message.removeprefix("Value error, ")
            match = _FIELD_PREFIX.match(message)
            if match:
                # The rule names a field of the table it checked; say where that table is.
                loc = (*loc, *match.group(1).split("."))
                field, message = ".".join(str(p) for p in loc), match.group(2)
        elif kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == SLUG_PATTERN:
            message = _slug_message(error.get("input"), loc, text)
        else:
            message = f"{message[0].lower()}{message[1:]}; got {_show(error.get('input'))}"
        problems.append(Problem(shown, locate(text, loc) if loc else None, field, message))
    return problems


def _union_tag(model: Any, loc: tuple[Any, ...], field_types: FieldTypes) -> int | None:
    """Where in ``loc`` pydantic put the name of a union's member (``sets.constrained-int``), if it did.

    ``sets`` may be a number or a list of numbers: a bad value fails both, and pydantic reports each
    member under its own made-up name. Those names follow a field whose type is a union of two or more
    types; a model's own fields are never taken for one."""
    current: Any = model
    for index, part in enumerate(loc):
        if isinstance(part, int):
            continue
        annotation = field_types(current).get(part) if current is not None else None
        if annotation is None:
            return None
        members = [a for a in getattr(annotation, "__args__", ()) if a is not type(None)]
        if type(annotation).__name__ in ("UnionType", "_UnionGenericAlias") and len(members) > 1:
            return index + 1 if index + 1 < len(loc) and isinstance(loc[index + 1], str) else None
        current = _inner_model(annotation, field_types)
    return None


def _one_per_union(errors: list[Any], model: Any, field_types: FieldTypes) -> list[Any]:
    """Errors with a union's members said once per field: the member the value was written for (the one
    whose error lies deeper: a list with a bad item), or else what each member allows, joined with "or"."""
    kept: list[Any] = []
    unions: dict[tuple[Any, ...], list[tuple[tuple[Any, ...], Any]]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        tag = _union_tag(model, loc, field_types)
        if tag is None:
            kept.append(error)
            continue
        field = loc[:tag]
        if field not in unions:
            unions[field] = []
            kept.append(field)  # the field's place among the errors
        unions[field].append((loc[:tag] + loc[tag + 1:], error))
    said: list[Any] = []
    for item in kept:
        if isinstance(item, dict):
            said.append(item)
            continue
        members = unions[item]
        deepest = max(len(loc) for loc, _ in members)
        if deepest > len(item):
            said.extend({**error, "loc": loc} for loc, error in members if len(loc) == deepest)
            continue
        first = members[0][1]
        allowed = [members[0][1]["msg"]] + [e["msg"].removeprefix("Input should be ") for _, e in members[1:]]
        said.append({**first, "loc": item, "type": "union", "msg": ", or ".join(allowed)})
    return said
