"""The figure through the real command: braille on the card, SVG to a file, figure files beside plan.md."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import RunPlanner


def test_show_draws_the_figure_and_writes_it_as_svg(run_planner: RunPlanner, tmp_path: Path) -> None:
    card = run_planner("show", "bird-dog")
    assert card.returncode == 0, card.stderr
    assert card.stdout.splitlines()[1].split() == ["start", "end"]
    assert any("\u2801" <= ch <= "\u28ff" for ch in card.stdout), "braille dots on the card"
    target = tmp_path / "bird-dog.svg"
    written = run_planner("show", "bird-dog", "--svg", "-o", str(target))
    assert written.returncode == 0, written.stderr
    assert ET.parse(target).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    alone = run_planner("show", "bird-dog", "-o", str(tmp_path / "x.svg"))
    assert alone.returncode == 2 and alone.stderr.count("\n") == 1 and "--svg" in alone.stderr


def test_a_markdown_export_links_figure_files_beside_it(run_planner: RunPlanner, tmp_path: Path) -> None:
    assert run_planner("screen", "--none").returncode == 0
    assert run_planner("plan", "new", "--program", "core-flexibility").returncode == 0
    target = tmp_path / "plan.md"
    result = run_planner("export", "--format", "md", "-o", str(target))
    assert result.returncode == 0, result.stderr
    links = [line for line in target.read_text().splitlines() if line.startswith("![")]
    assert links, "each exercise links its figure"
    for link in links:
        figure = tmp_path / link.split("](")[1].rstrip(")")
        assert figure.parent.name == "plan-figures"
        ET.parse(figure)
    stdout = run_planner("export", "--format", "md")
    assert "plan-figures/" not in stdout.stdout, "on standard output there are no files to link"


def test_the_published_schema_checks_figures(run_planner: RunPlanner, tmp_path: Path) -> None:
    """Every built-in figure fits `planner schema`'s exercise schema; an unknown joint does not."""
    import tomllib

    import jsonschema

    from planner.locations import built_in_library

    assert run_planner("schema", "-o", str(tmp_path)).returncode == 0
    schema = json.loads((tmp_path / "exercise.schema.json").read_text())
    for path in sorted((built_in_library() / "exercises").glob("*.toml")):
        data = tomllib.loads(path.read_text())
        data.setdefault("id", path.stem)
        jsonschema.validate(data, schema)
    data["figure"]["hold"] = {"left_wrist": 10}
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError as err:
        assert "left_wrist" in err.message
    else:
        raise AssertionError("an unknown joint passed the schema")
