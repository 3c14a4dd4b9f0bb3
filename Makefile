# The two commands a new contributor needs: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test fuzz lint screenshots bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)
	$(BIN)/planner

# Four workers on two cores: many tests spend their time waiting on a terminal, a browser, sshd or a
# subprocess, and a third and fourth worker fill those waits (measured: 567 s with two, 402 s with four).
# Work-stealing, so that the few long tests (the key masher, the browser) do not end the run alone.
# Bytecode is written during the run even where PYTHONDONTWRITEBYTECODE is set (as on our sandboxes): without
# it every `planner` the tests start compiled planner from source again (0.1-0.4 s of CPU each), and every
# worker rewrote every test module's asserts afresh.
test: $(TEST_STAMP)
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 4 --dist worksteal

# The fuzz tests, the races and the key masher with a longer budget (still seeded): 36 masher runs at 40x16 and 80x24,
# ten times the examples of the everyday run; and the wider runs of a few end-to-end tests (the 45x25 phone walk,
# the browser without WebGL, eight writers at once). Minutes, not seconds.
FUZZ_TESTS := tests/e2e/test_fuzz_cli.py tests/e2e/test_races.py tests/e2e/test_control_characters.py tests/domain/test_adaptation_import_fuzz.py \
	tests/domain/test_library_fuzz.py tests/domain/test_text_gate.py tests/app/test_key_masher.py \
	tests/e2e/test_phone_paths_tmux.py tests/e2e/test_in_browser.py tests/store/test_store_safety.py

fuzz: $(TEST_STAMP)
	PLANNER_FUZZ=long $(BIN)/python -m pytest -n auto $(FUZZ_TESTS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check planner tests benchmarks
	$(BIN)/lint-imports

screenshots: $(TEST_STAMP)
	$(BIN)/python -m tests.tools.screenshots screenshots
	$(BIN)/python -m planner.app.figure_sheet screenshots

bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build dist
