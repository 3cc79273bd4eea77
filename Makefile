# kroniek — the two commands a newcomer needs are `make demo` and `make test`.
# Both create .venv and install the pinned packages (requirements.lock, PyPI only) first.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= kroniek.duckdb

.PHONY: demo test test-all lint train-nl train-en eval bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

## Code the bundled demo corpus into ./kroniek.duckdb and show what was found.
demo: $(STAMP)
	$(BIN)/kroniek ingest examples --db $(DB)
	$(BIN)/kroniek events --db $(DB)
	$(BIN)/kroniek quotes --db $(DB)

## Lint, then run the fast test suite.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

## Everything, slow tests included (full held-out evaluations).
test-all: $(STAMP)
	$(BIN)/python -m pytest -m "slow or not slow"

lint: $(STAMP)
	$(BIN)/ruff check .

## Rebuild the language packs from ../shared/data (not part of CI).
train-nl: $(STAMP)
	bash training/train_nl.sh

train-en: $(STAMP)
	bash training/train_en.sh

eval: $(STAMP)
	$(BIN)/kroniek eval nlp --lang nl
	$(BIN)/kroniek eval nlp --lang en
	$(BIN)/kroniek eval events tests/gold/events-nl.jsonl
	$(BIN)/kroniek eval events tests/gold/events-en.jsonl

bench: $(STAMP)
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache
