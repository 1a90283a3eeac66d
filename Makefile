# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test test-fast test-peers lint install clean bench-peers openapi translations translations-update screenshots bench-desktop \
	installer

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# the build extra (PyInstaller) too: the slow install test of `make test` builds the bundles
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,build]"
	touch $(STAMP)

install: $(STAMP)

## make run: set everything up, then run the service on the embedded SQLite database with demo data
## and open the desktop connected to it (the service stops when the desktop closes).
run: install translations
	bash installer/qt_runtime.sh
	$(BIN)/carrier-switch db upgrade
	$(BIN)/carrier-switch demo-data --if-empty
	$(BIN)/python -m installer.run_local

## make test: set up (the test peers and databases, installer/test_peers.sh), lint, and run the whole suite in one
## pytest-xdist worker per core plus one (TEST_WORKERS=1 runs it in one process). PostgreSQL and MariaDB from
## CARRIERDESK_TEST_*_URL.
# Plus one: most tests wait on a service, SIPp or a database. More is faster but not safe (2026-12-07, 2 cores, the
# whole suite): 3 workers 960 s, the cores 111 % busy of 200 %; 6 workers 765-860 s, 150 %, but 2 of 4 runs failed:
# two tests of fifty simultaneous sessions each, beside the other workers' services, ran PostgreSQL out of its 100
# connections, and a starting node's heartbeat and an API restart stalled past their limits. Another 2-core machine
# of the same kind took 1 305 s with 3 workers (2026-12-07, cores 141 % busy): the SIPp, cluster and IVR tests wait
# out real call times.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
# Compiled bytecode kept in .venv/pycache even where the environment sets PYTHONDONTWRITEBYTECODE: else every worker
# compiles the package and rewrites every test module again (collection 28 s of CPU per worker instead of 15), and
# every `carrier-switch` process a test starts compiles the package too.
PYTEST := QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/$(VENV)/pycache \
	$(BIN)/python -m pytest
test: install test-peers lint
	$(PYTEST) -q -n $(TEST_WORKERS) --durations=15

## make test-fast: the edit-test loop — SQLite only, without the tests marked `peers` (SIPp, radclient, FreeRADIUS,
## pdftotext, or the product's own processes: a whole `carrier-switch serve`, its RADIUS processes, a benchmark) or
## `slow` (the bundles' builds, the fuzzers, schemathesis). 1 604 tests in 170 s on 2 cores, 305 s of CPU (2026-12-07;
## 508 s and 947 s before that day's changes: the API's routes built once per process instead of once per app, the
## fixtures' sign-ins at scrypt cost 2**10, the processes and fuzzers left to make test). Narrow it to what you edit,
## `make test-fast TESTS=tests/api`
TESTS ?=
test-fast: install
	$(PYTEST) -q -n $(TEST_WORKERS) -m "not slow and not peers" \
	  -k "not postgresql and not mariadb" $(TESTS)

test-peers:
	bash installer/test_peers.sh

## make translations: compile i18n/*.ts to the .qm files the desktop loads (build output, not in git)
translations: install
	$(BIN)/python -m installer.build_translations

## make translations-update: refresh i18n/*.ts from the texts in desktop/, then translate (i18n/README.md)
translations-update: install
	$(BIN)/python -m installer.build_translations --update

## make screenshots: every page of the desktop on demo data, under Xvfb, into docs/screenshots/
screenshots: install translations
	bash installer/qt_runtime.sh
	command -v Xvfb >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends xvfb >/dev/null; }
	$(BIN)/python -m installer.screenshots

## make bench-desktop: the accounts table over a million accounts; one JSON line of figures
bench-desktop: install
	bash installer/qt_runtime.sh
	$(BIN)/python -m installer.desktop_bench

## make installer: the PyInstaller bundles and dist/carrierdesk-<version>-linux-x86_64.tar.gz (installer/README.md)
installer: install
	$(BIN)/python -m installer.build_release

## make openapi: refresh docs/openapi.json from the code
openapi: install
	$(BIN)/python -m installer.export_openapi

lint: install
	$(BIN)/ruff check switch_service desktop tests installer
	$(BIN)/mypy

## make bench-peers: the comparison peers of the benchmarks, in their own venv (sippy installs a top-level
## `tests` package that would shadow ours).
bench-peers:
	$(PYTHON) -m venv .venv-peers
	.venv-peers/bin/pip install --quiet sippy==2.5.0

clean:
	rm -rf $(VENV) .venv-peers build dist *.egg-info
