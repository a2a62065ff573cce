# locpipe: `make demo` runs the example site end to end, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
EN_RU_MODEL := tests/fixtures/models/translate-en_ru-0_1.argosmodel

.PHONY: demo test lint bench models clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python tools/demo.py

lint: $(STAMP)
	$(BIN)/ruff check locpipe tests tools benchmarks
	$(BIN)/ruff format --check locpipe tests tools benchmarks
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python benchmarks/run.py

# Rebuilds the small test packages in tests/fixtures/models (needs torch, a dev-only extra).
models:
	$(PYTHON) -m venv .venv-train
	.venv-train/bin/pip install --quiet -e '.[train]'
	.venv-train/bin/python tools/build_test_model.py --out tests/fixtures/models

clean:
	rm -rf build .locpipe .pytest_cache .mypy_cache .ruff_cache
