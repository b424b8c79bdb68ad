# veille: `make run` (main job on the bundled sample) and `make test`.
# Both create the virtual environment and install veille into it on first use; only
# `make test` (and .ci/run, through `make .venv/.installed`) adds the dev extras.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# RUNTIME: veille and what it needs to run, all that `make run` installs.
# STAMP: plus the dev extras (pytest, ruff, mypy, playwright, ...) that `make test` needs.
RUNTIME := $(VENV)/.runtime
STAMP := $(VENV)/.installed
SAMPLE := sample/articles.jsonl
SERVE ?= 1
PORT ?= 8000

.PHONY: run test lint eval bench clean

$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: extract events from the bundled sample, print them as a table, then serve the dashboard
run: $(RUNTIME)
	$(BIN)/veille extract $(SAMPLE) --format table
	@if [ "$(SERVE)" = "1" ] && $(BIN)/veille --help | grep -q " serve "; then \
		db=$$(mktemp -d)/veille.db; \
		$(BIN)/veille ingest $(SAMPLE) --db sqlite:///$$db >/dev/null; \
		echo "Dashboard: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop; SERVE=0 skips this)"; \
		$(BIN)/veille serve --db sqlite:///$$db --port $(PORT); \
	fi

## test: lint, type-check and run the test suite
test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/pytest

## eval: accuracy figures on the sample corpus and on the public dev gold sets
eval: $(RUNTIME)
	$(BIN)/python -m veille.eval.report

## bench: throughput and memory figures
bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
