# locpipe: `make demo` runs the example site end to end, `make test` runs every check.
# Every install comes from the hashed lock files requirements-*.txt; `make lock` re-resolves them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
BENCH_STAMP := $(VENV)/.installed-bench
EN_RU_MODEL := tests/fixtures/models/translate-en_ru-0_1.argosmodel
# The lock, then locpipe itself without its dependencies (they are all in the lock).
INSTALL_LOCKED = pip install --quiet --require-hashes -r
INSTALL_SELF = pip install --quiet --no-deps --no-build-isolation -e .
PIP_COMPILE = $(BIN)/pip-compile --quiet --upgrade --generate-hashes --allow-unsafe \
	--no-emit-index-url --no-emit-find-links --strip-extras pyproject.toml

.PHONY: demo test lint bench models lock clean

$(STAMP): requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/$(INSTALL_LOCKED) requirements-dev.txt
	$(BIN)/$(INSTALL_SELF)
	touch $(STAMP)

$(BENCH_STAMP): requirements-bench.txt $(STAMP)
	$(BIN)/$(INSTALL_LOCKED) requirements-bench.txt
	touch $(BENCH_STAMP)

demo: $(STAMP)
	$(BIN)/python tools/demo.py

lint: $(STAMP)
	$(BIN)/ruff check locpipe tests tools benchmarks
	$(BIN)/ruff format --check locpipe tests tools benchmarks
	$(BIN)/mypy

# pytest exits 5 when it collected no test: that is a failure here, said plainly.
test: lint
	$(BIN)/pytest -q || { code=$$?; [ $$code -ne 5 ] || echo "pytest collected no tests" >&2; exit $$code; }

bench: $(BENCH_STAMP)
	$(BIN)/python benchmarks/run.py

# Rebuilds the small test packages in tests/fixtures/models (needs torch, a dev-only extra).
# requirements-train.txt pins the CPU build of torch this project's machines keep on disk.
models:
	$(PYTHON) -m venv .venv-train
	.venv-train/bin/$(INSTALL_LOCKED) requirements-train.txt
	.venv-train/bin/$(INSTALL_SELF)
	.venv-train/bin/python tools/build_test_model.py --out tests/fixtures/models

# Re-resolves every lock to the newest versions pyproject.toml's ranges allow (on purpose only:
# after changing a dependency, or to take updates the drift canary in .ci/run showed to pass).
lock: $(STAMP)
	$(PIP_COMPILE) -o requirements-runtime.txt
	$(PIP_COMPILE) --extra dev -o requirements-dev.txt
	$(PIP_COMPILE) --extra dev --extra bench -o requirements-bench.txt
	$(PIP_COMPILE) --extra train -o requirements-train.txt

clean:
	rm -rf build .locpipe .pytest_cache .mypy_cache .ruff_cache .venv-canary
