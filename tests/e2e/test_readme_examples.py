"""Every TOML example in the README passes ``planner validate`` as written (with the schema comment on top)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).parents[2] / "README.md"
BLOCK = re.compile(r"```toml\n(.*?)```", re.S)


def examples() -> list[str]:
    return BLOCK.findall(README.read_text(encoding="utf-8"))


def test_the_readme_has_toml_examples() -> None:
    assert any("name =" in block for block in examples())


def test_every_toml_example_in_the_readme_validates(tmp_path: Path, run_planner) -> None:
    assert run_planner("schema", "-o", "schemas").returncode == 0
    headers = [block for block in examples() if "name =" not in block and "title =" not in block]
    assert all(line.startswith("#") for block in headers for line in block.splitlines() if line.strip())
    for block in (b for b in examples() if "name =" in b):
        name = re.search(r'^name = "([^"]+)"', block, re.M)
        assert name is not None, block
        file = tmp_path / f"{re.sub(r'[^a-z0-9]+', '-', name.group(1).lower()).strip('-')}.toml"
        file.write_text("".join(headers) + block, encoding="utf-8")
        result = run_planner("validate", file.name)
        assert result.returncode == 0, f"{file.name}:\n{result.stderr}"
        assert result.stdout.startswith("ok:"), result.stdout


def test_every_lesson_example_in_the_readme_validates(tmp_path: Path, run_planner) -> None:
    lessons = [block for block in examples() if "title =" in block]
    assert lessons, "the README shows how to write a lesson"
    (tmp_path / "lessons").mkdir()
    for number, block in enumerate(lessons):
        (tmp_path / "lessons" / f"example-{number}.toml").write_text(block, encoding="utf-8")
    result = run_planner("validate", "lessons")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:"), result.stdout
