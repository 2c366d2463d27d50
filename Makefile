# The two commands of the README's quick start: `make run` and `make test`.
# Each one prepares the machine first (scripts/setup.sh: Debian packages, .venv from uv.lock).
.PHONY: run test test-fast setup lint bench screenshots clean

VENV := .venv
BIN := $(VENV)/bin

run: setup
	$(BIN)/galley $(ARGS)

setup:
	@bash scripts/setup.sh

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

# The edit loop: everything but the long robustness tests marked `slow` (kill -9 rounds, hostile inputs, the
# per-rule linearity test). `make test` stays the full suite, and it is what CI runs.
test-fast: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not slow" $(PYTEST_ARGS)

bench: setup
	$(BIN)/python benchmarks/run_all.py

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
