"""The validated-library cache gives exactly what loading the files gives, and is rebuilt when anything changes."""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

import pytest

from planner.domain.errors import PlannerError
from planner.domain.library.loading import Library, Source, load_library
from planner.locations import built_in_library
from planner.store import library_cache
from planner.store.library_cache import load_library_cached

GLUTE_BRIDGE = (built_in_library() / "exercises" / "glute-bridge.toml").read_text()


@pytest.fixture(autouse=True)
def no_recent_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test are seconds old at most; cache them anyway unless a test says otherwise."""
    monkeypatch.setattr(library_cache, "RECENT_SECONDS", -1.0)


def own_library(tmp_path: Path) -> Path:
    """An override, a broken link, a file with a bad field, a syntax error and a program in a subfolder."""
    folder = tmp_path / "mine"
    (folder / "programs").mkdir(parents=True)
    (folder / "glute-bridge.toml").write_text(GLUTE_BRIDGE.replace('name = "', 'name = "My '))
    bird_dog = (built_in_library() / "exercises" / "bird-dog.toml").read_text()
    (folder / "bird-dog.toml").write_text(
        "\n".join("easier = \"nope\"" if line.startswith("easier") else line for line in bird_dog.splitlines()))
    (folder / "bad.toml").write_text('name = "x"\nkind = "hold"\n')
    (folder / "syntax.toml").write_text("name = [\n")
    for program in (built_in_library() / "programs").glob("*.toml"):
        (folder / "programs" / program.name).write_text(program.read_text())
    return folder


def assert_same(fresh: Library, cached: Library) -> None:
    assert list(fresh.exercises) == list(cached.exercises)
    assert list(fresh.programs) == list(cached.programs)
    for table in ("exercises", "programs"):
        for key, item in getattr(fresh, table).items():
            other = getattr(cached, table)[key]
            assert other == item
            assert repr(other) == repr(item)  # the same types all the way down: enums are not plain text
            assert type(other) is type(item)
    for name in ("origin", "program_origin", "problems", "notices", "harder_of", "easier_of"):
        assert getattr(cached, name) == getattr(fresh, name), name
    for exercise in cached.exercises.values():
        assert type(exercise.dose).__name__ == "Dose"
        assert type(exercise.category).__name__ == "Category"


def test_a_cached_library_is_the_loaded_one(tmp_path: Path) -> None:
    sources = [Source(built_in_library(), built_in=True), Source(own_library(tmp_path))]
    fresh = load_library(sources)
    assert fresh.problems and fresh.notices, "the fixture exercises problems and overrides"
    first = load_library_cached(sources, tmp_path / "cache")
    assert list((tmp_path / "cache").glob("library-*.json")), "the cache was written"
    second = load_library_cached(sources, tmp_path / "cache")
    assert_same(fresh, first)
    assert_same(fresh, second)


def test_a_changed_added_or_removed_file_rebuilds(tmp_path: Path) -> None:
    folder = own_library(tmp_path)
    sources = [Source(built_in_library(), built_in=True), Source(folder)]
    cache = tmp_path / "cache"
    load_library_cached(sources, cache)

    target = folder / "glute-bridge.toml"
    target.write_text(GLUTE_BRIDGE.replace('name = "', 'name = "Renamed '))
    os.utime(target, ns=(1, 1))
    assert load_library_cached(sources, cache).exercises["glute-bridge"].name.startswith("Renamed")

    (folder / "wall-sit.toml").write_text(GLUTE_BRIDGE.replace("easier", "# easier").replace("harder", "# harder"))
    assert "wall-sit" in load_library_cached(sources, cache).exercises

    (folder / "wall-sit.toml").unlink()
    assert "wall-sit" not in load_library_cached(sources, cache).exercises


@pytest.mark.parametrize("damage", [b"", b"{", b"\xff\xfe", b"[]", b'{"key": 1}', b"null"])
def test_a_damaged_cache_is_rebuilt_silently(tmp_path: Path, damage: bytes) -> None:
    sources = [Source(built_in_library(), built_in=True)]
    cache = tmp_path / "cache"
    fresh = load_library_cached(sources, cache)
    (path,) = cache.glob("library-*.json")
    path.write_bytes(damage)
    assert_same(fresh, load_library_cached(sources, cache))


def written_as(path: Path, body: dict) -> None:
    """``body`` written as the cache writes its files: a header (the file's key, a checksum) over the payload."""
    key = json.loads(path.read_bytes().partition(b"\n")[0])["key"]
    text = json.dumps(body).encode()
    path.write_bytes(json.dumps({"key": key, "crc": zlib.crc32(text)}).encode() + b"\n" + text)


def test_a_cache_with_the_right_key_but_a_wrong_shape_is_rebuilt(tmp_path: Path) -> None:
    sources = [Source(built_in_library(), built_in=True)]
    cache = tmp_path / "cache"
    fresh = load_library_cached(sources, cache)
    (path,) = cache.glob("library-*.json")
    written_as(path, {"library": {"exercises": [{"id": 1}]}})
    assert_same(fresh, load_library_cached(sources, cache))


def test_a_cache_damaged_anywhere_is_rebuilt_before_anything_is_read_from_it(tmp_path: Path) -> None:
    """The exercises are made from the file only as they are asked for, so damage deep inside one of them
    (a changed byte in the middle of the file) is caught as the file is read, by its checksum."""
    sources = [Source(built_in_library(), built_in=True)]
    cache = tmp_path / "cache"
    fresh = load_library_cached(sources, cache)
    (path,) = cache.glob("library-*.json")
    data = path.read_bytes()
    at = data.index(b'\\"kind\\":\\"', len(data) // 2) + len(b'\\"kind\\":\\"')
    path.write_bytes(data[:at] + b"X" + data[at + 1:])  # one exercise's kind no longer a kind
    assert_same(fresh, load_library_cached(sources, cache))


def test_an_exercise_changed_by_hand_with_its_checksum_is_one_line_and_the_cache_goes(tmp_path: Path) -> None:
    sources = [Source(built_in_library(), built_in=True)]
    cache = tmp_path / "cache"
    fresh = load_library_cached(sources, cache)
    (path,) = cache.glob("library-*.json")
    body = json.loads(path.read_bytes().partition(b"\n")[2])
    body["library"]["exercises"]["glute-bridge"] = '{"id": "glute-bridge", "kind": "no such kind"}'
    written_as(path, body)
    library = load_library_cached(sources, cache)
    assert library.exercises["bird-dog"] == fresh.exercises["bird-dog"], "the others are read as written"
    with pytest.raises(PlannerError, match=r"library cache .* changed by hand .* made again on the next run"):
        library.exercises["glute-bridge"]
    assert not path.exists()
    assert_same(fresh, load_library_cached(sources, cache))


def test_an_unwritable_cache_folder_still_loads(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder would go")
    sources = [Source(built_in_library(), built_in=True)]
    assert_same(load_library(sources), load_library_cached(sources, blocker))


def test_files_changed_moments_ago_are_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library_cache, "RECENT_SECONDS", 2.0)
    sources = [Source(built_in_library(), built_in=True), Source(own_library(tmp_path))]
    load_library_cached(sources, tmp_path / "cache")
    assert not list((tmp_path / "cache").glob("library-*.json"))


def test_a_library_this_process_kept_is_a_copy_and_a_damaged_file_is_written_again(tmp_path: Path) -> None:
    """The app and the tests load the same library many times in one process: each load gets its own
    tables, and a cache file changed behind the process is read (and rewritten) as a new process would."""
    sources = [Source(built_in_library(), built_in=True), Source(own_library(tmp_path))]
    cache = tmp_path / "cache"
    first = load_library_cached(sources, cache)
    del first.exercises["glute-bridge"]
    first.problems.clear()
    second = load_library_cached(sources, cache)
    assert_same(load_library(sources), second)
    (written,) = cache.glob("library-*.json")
    written.write_text("{")
    assert_same(load_library(sources), load_library_cached(sources, cache))
    assert json.loads(written.read_bytes().partition(b"\n")[2])["library"]["exercises"], "written again"
    (tmp_path / "other").mkdir()
    elsewhere = tmp_path / "other" / "cache"
    assert_same(load_library(sources), load_library_cached(sources, elsewhere))
    assert list(elsewhere.glob("library-*.json")), "another data folder gets its own file"
