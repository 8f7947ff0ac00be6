# Modelplane — developer targets. `make serve` and `make test` are the README's quick start.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: install web serve test check bench bench-gateway bench-catalog schema clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Modelplane needs Python 3.11 or newer"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

web:
	scripts/build-web

serve: install web
	$(BIN)/modelplane serve --port $(PORT)

test: install
	scripts/services
	$(BIN)/pytest $(PYTEST_ARGS)

check: install
	$(BIN)/ruff check common gateway subgraphs modelplane tests bench
	$(BIN)/mypy common gateway subgraphs modelplane

schema: install
	$(BIN)/modelplane schema export

bench: install
	$(BIN)/python bench/registry.py

bench-catalog: install
	$(BIN)/python bench/catalog.py

bench-gateway: install
	$(BIN)/python bench/gateway/run.py

clean:
	rm -rf $(VENV) .modelplane .pytest_cache
