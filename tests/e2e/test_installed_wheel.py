"""A non-editable install carries the built-in library inside the wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_install_ships_the_library(tmp_path: Path) -> None:
    target = tmp_path / "site"
    build = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                            "--target", str(target), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    assert (target / "planner" / "_library" / "exercises").is_dir()
    assert (target / "planner" / "app" / "web" / "app_index.html").is_file(), "serve's page is in the wheel"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "PLANNER_DATA_DIR": str(tmp_path / "data")}
    env.pop("PLANNER_LIBRARY", None)
    check = subprocess.run([sys.executable, "-c", "import planner, sys; print(planner.__file__)"],
                           capture_output=True, text=True, cwd=elsewhere, env=env)
    assert check.stdout.startswith(str(target))
    validate = subprocess.run([sys.executable, "-m", "planner", "validate"], capture_output=True, text=True,
                              cwd=elsewhere, env=env)
    assert validate.returncode == 0, validate.stderr
    library = json.loads(subprocess.run([sys.executable, "-m", "planner", "library", "--json"],
                                        capture_output=True, text=True, cwd=elsewhere, env=env).stdout)
    assert len(library) >= 40
    assert {e["source"] for e in library} == {"built-in"}
