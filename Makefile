# Alles wat een nieuwe machine nodig heeft: `make site` bouwt het dossier, `make test` draait
# alle tests. Beide maken eerst een eigen virtualenv (.venv) met de vastgepinde versies.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
KLAAR  := $(VENV)/.geinstalleerd
DATA   ?= data

export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check bereken serve bench publiceer exporteer lint schoon

$(KLAAR): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

site: $(KLAAR)
	$(BIN)/vangnet bouw --data $(DATA) --uit site

serve: $(KLAAR)
	$(BIN)/vangnet serve --data $(DATA)

check: $(KLAAR)
	$(BIN)/vangnet check --data $(DATA)

bereken: $(KLAAR)
	$(BIN)/vangnet bereken --data $(DATA)

test: $(KLAAR)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

publiceer: $(KLAAR)
	$(BIN)/vangnet publiceer --data $(DATA) $(OPTIES)

exporteer: $(KLAAR)
	$(BIN)/vangnet exporteer publicatie
	$(BIN)/vangnet exporteer --zip publicatie.zip

bench: $(KLAAR)
	$(BIN)/python bench/bench.py

lint: $(KLAAR)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/ruff format --check .

schoon:
	rm -rf $(VENV) site .bouw .pytest_cache .ruff_cache .hypothesis
