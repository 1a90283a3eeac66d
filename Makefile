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
# Most tests wait on a service, SIPp, a database or a call's real time: a worker keeps its core busy about a third of
# the time (the tests' wall times add up to 2 620 s, their CPU to 1 090 s). Each worker is handed one test at a time
# (--maxschedchunk 1), the slow ones first (tests/conftest.py): by default pytest-xdist hands out a quarter of the
# suite in blocks at the start and large blocks at the end, and one worker ran its block of IVR calls alone for the
# last 150 s. Measured on one 2-core machine (2026-12-07, the whole suite, pytest's own time): 3 workers in blocks
# 997 s; one test at a time, 3 workers 891 s (the workers ended within 1 s of each other), 4 workers 760-819 s but in
# 1 run of 5 a cluster node stalled past its 6 s lease under the load (test_a_killed_nodes_calls_are_settled_once_
# by_the_survivor); earlier, 5 workers failed a timing test in 1 run of 5 and 8 workers failed 4 tests. So one worker
# per core plus one.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc) + 1 )))
XDIST := -n $(TEST_WORKERS) --maxschedchunk 1
# Compiled bytecode kept in .venv/pycache even where the environment sets PYTHONDONTWRITEBYTECODE: else every worker
# compiles the package and rewrites every test module again (collection 28 s of CPU per worker instead of 15), and
# every `carrier-switch` process a test starts compiles the package too.
PYTEST := QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/$(VENV)/pycache \
	$(BIN)/python -m pytest
test: install test-peers lint
	$(PYTEST) -q $(XDIST) --durations=15

## make test-fast: the edit-test loop — SQLite only, without the tests marked `peers` (SIPp, radclient, FreeRADIUS,
## pdftotext, or the product's own processes: a whole `carrier-switch serve`, its RADIUS processes, a benchmark) or
## `slow` (the bundles' builds, the fuzzers, schemathesis). 1 604 tests in 170 s on one 2-core machine, 305 s of CPU
## (2026-12-07; 508 s and 947 s before that day's changes: the API's routes built once per process instead of once
## per app, the fixtures' sign-ins at scrypt cost 2**10, the processes and fuzzers left to make test); 87 s and 141 s
## of CPU on another. Narrow it to what you edit, `make test-fast TESTS=tests/api`
TESTS ?=
# These tests seldom wait: more workers only add CPU (4 workers: 99 s and 178 s of CPU, where 3 took 91 s and 153 s).
test-fast: install
	$(PYTEST) -q $(XDIST) -m "not slow and not peers" \
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
