# Every target here is what CI runs; `.ci/run` calls `make test`.
CARGO ?= cargo
VENV := .venv
PYTHON := $(CURDIR)/$(VENV)/bin/python
export RUSTDOCFLAGS := -D warnings

WASM_DIR := bindings/wasm
WASM_PKG := $(WASM_DIR)/pkg
WASM_OUT := target/wasm32-unknown-unknown/wasm-release/srdi_plan_wasm.wasm
# `opt-level = "z"` inlines almost nothing, so serde_json writes each byte of a string through
# calls (`split_at`); a little inlining writes answers twice as fast for 1 KB more gzipped
# (see benches/README.md).
WASM_RUSTFLAGS := -Cllvm-args=-inline-threshold=25
ESBUILD_MINIFY := --minify --keep-names --sourcemap
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION = $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p;}' Cargo.lock)
TOOLS := $(CURDIR)/target/tools
WASM_BINDGEN = $(shell if [ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; \
	then echo wasm-bindgen; else echo $(TOOLS)/bin/wasm-bindgen; fi)

.PHONY: test setup-rust test-rust test-python lint doc package schema stubs summary bench bench-python \
	setup-wasm wasm test-wasm test-browser fuzz bake

## Everything CI checks, from a fresh clone.
test: setup-rust lint doc package test-rust test-python test-wasm test-browser

## The Rust toolchain's linters, if this machine lacks them.
setup-rust:
	@command -v rustfmt >/dev/null && $(CARGO) clippy --version >/dev/null 2>&1 \
		|| rustup component add rustfmt clippy

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p srdi-plan --features bake --all-targets -- -D warnings

## Unit, integration, fidelity and README tests, and doctests; and the baking of plans into
## Rust (`make bake`), which no crate of the workspace builds.
test-rust:
	$(CARGO) test --workspace
	$(CARGO) test -p srdi-plan --features bake --lib bake::

doc:
	$(CARGO) doc --workspace --no-deps

## A virtual environment with the Python build and test tools (again when the list changes).
$(VENV)/installed: bindings/python/requirements-dev.txt
	test -x $(VENV)/bin/pip || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r bindings/python/requirements-dev.txt
	touch $@

## Builds the wheel, installs it as a user would, runs the Python suite (with the CLI beside it).
test-python: $(VENV)/installed
	$(CARGO) build --quiet -p srdi-cli
	rm -rf target/wheels
	$(VENV)/bin/maturin build --quiet --release -m bindings/python/Cargo.toml -o target/wheels
	$(VENV)/bin/pip install --quiet --force-reinstall --no-deps target/wheels/srdi_plan-*.whl
	@# What a user does: pip install from the checkout into a fresh environment.
	rm -rf target/pip-smoke && python3 -m venv target/pip-smoke
	target/pip-smoke/bin/pip install --quiet ./bindings/python
	cd target && pip-smoke/bin/python -c "import srdi_plan as s; \
		numbers = [t.number for t in s.wulong().tasks(unit='区财政局')]; \
		assert numbers == [*range(11, 20), *range(28, 33)], numbers; print('pip install ./bindings/python: ok')"
	cd bindings/python && SRDI_BIN=$(CURDIR)/target/debug/srdi $(PYTHON) -m pytest -q tests

## The core crate must package with its embedded data.
package:
	$(CARGO) package -p srdi-plan --allow-dirty

## The WASM toolchain: target, wasm-bindgen-cli at the locked version (the one on PATH if it
## matches, else one built into target/tools, never into ~/.cargo/bin), npm tools (wasm-opt, tsc…).
setup-wasm:
	rustup target add wasm32-unknown-unknown
	@if [ "$$($(WASM_BINDGEN) --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) into target/tools"; \
		$(CARGO) install --quiet --root $(TOOLS) --locked wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) \
		|| $(CARGO) install --quiet --root $(TOOLS) wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi
	cd $(WASM_DIR) && npm install --no-audit --no-fund --loglevel=error

## Builds the npm package `srdi-plan` into bindings/wasm/pkg (size-optimised): the small module
## of `srdi-plan` (shipped plans) and the full one of `srdi-plan/loader`. Each entry is bundled
## into one JavaScript file (with wasm-bindgen's glue and js/api.js): one file to load, where
## Node loaded five and browsers three. The bundles are minified (a third smaller, gzipped),
## keeping the names of classes and functions, with source maps to read them by.
wasm: setup-wasm
	rm -rf $(WASM_PKG) target/wasm-js && mkdir -p $(WASM_PKG) target/wasm-js
	RUSTFLAGS="$(WASM_RUSTFLAGS) $$RUSTFLAGS" $(CARGO) build --target wasm32-unknown-unknown --profile wasm-release -p srdi-plan-wasm
	$(WASM_BINDGEN) --target web --no-typescript --out-dir target/wasm-js --out-name srdi_plan_core $(WASM_OUT)
	RUSTFLAGS="$(WASM_RUSTFLAGS) $$RUSTFLAGS" $(CARGO) build --target wasm32-unknown-unknown --profile wasm-release -p srdi-plan-wasm --features loader
	$(WASM_BINDGEN) --target web --no-typescript --out-dir target/wasm-js --out-name srdi_plan_full $(WASM_OUT)
	for module in core full; do \
		$(WASM_DIR)/node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
			target/wasm-js/srdi_plan_$${module}_bg.wasm -o $(WASM_PKG)/srdi_plan_$${module}_bg.wasm || exit 1; \
	done
	cp $(WASM_DIR)/js/*.js target/wasm-js/
	cd target/wasm-js && $(CURDIR)/$(WASM_DIR)/node_modules/.bin/esbuild --log-level=warning --bundle $(ESBUILD_MINIFY) \
		--format=esm --platform=node --outdir=$(CURDIR)/$(WASM_PKG) node.js loader-node.js
	cd target/wasm-js && $(CURDIR)/$(WASM_DIR)/node_modules/.bin/esbuild --log-level=warning --bundle $(ESBUILD_MINIFY) \
		--format=esm --platform=browser --outdir=$(CURDIR)/$(WASM_PKG) srdi_plan.js loader.js
	cp $(WASM_DIR)/js/package.json $(WASM_DIR)/js/*.d.ts $(WASM_DIR)/js/README.md $(WASM_PKG)/
	$(CARGO) run -q -p srdi-plan --example schema -- answers > target/answers.schema.json
	node $(WASM_DIR)/scripts/types.mjs target/answers.schema.json $(WASM_PKG)/types.d.ts
	@cd $(WASM_PKG) && echo "srdi-plan: $$(cat srdi_plan_core_bg.wasm srdi_plan.js | wc -c) bytes," \
		"$$(for f in srdi_plan_core_bg.wasm srdi_plan.js; do gzip -9c $$f; done | wc -c) gzipped;" \
		"srdi-plan/loader: $$(cat srdi_plan_full_bg.wasm loader.js | wc -c) bytes," \
		"$$(for f in srdi_plan_full_bg.wasm loader.js; do gzip -9c $$f; done | wc -c) gzipped"

## The package installed as a user installs it, type-checked and run by node's test runner.
test-wasm: wasm
	@# What a user does: install the package into an empty folder and use it from Node.
	rm -rf target/npm-smoke && mkdir -p target/npm-smoke
	cd target/npm-smoke && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error $(CURDIR)/$(WASM_PKG)
	printf '%s\n' 'import init, { wulong } from "srdi-plan";' 'await init();' \
		'console.log(wulong().tasks({ unit: "区财政局" }).map(t => t.number).join(","));' > target/npm-smoke/main.mjs
	test "$$(node target/npm-smoke/main.mjs)" = "11,12,13,14,15,16,17,18,19,28,29,30,31,32"
	cd $(WASM_DIR) && npm install --no-save --no-audit --no-fund --loglevel=error ./pkg
	cd $(WASM_DIR) && node_modules/.bin/tsc -p tests/tsconfig.json
	cd $(WASM_DIR) && node --test tests/

## The explorer page in headless Chromium, served on localhost. The browser is one already
## installed, else Debian's (as root only); without one the suite is skipped loudly, except
## under CI (see browser/chromium.sh). Never a test tool's own browser download.
test-browser: wasm
	@browser=$$($(WASM_DIR)/browser/chromium.sh) || exit 1; \
	if [ -n "$$browser" ]; then \
		cd $(WASM_DIR) && SRDI_CHROMIUM="$$browser" node --test browser/; \
	fi

## Benchmarks beside the plain-JSON baselines (Python and JavaScript); rewrites the tables in
## benches/README.md.
bench: wasm
	python3 benches/compare.py

## The Python package beside the same baseline; needs `make bench` first for the core's numbers.
bench-python: test-python
	cd benches && $(PYTHON) python_compare.py --no-build

## Fuzzes the loader with cargo-fuzz (nightly): each target for FUZZ_SECONDS, then minimises
## the committed corpus. cargo-fuzz is built into target/tools if it is not on PATH.
FUZZ_SECONDS ?= 600
fuzz:
	@command -v cargo-fuzz >/dev/null || [ -x $(TOOLS)/bin/cargo-fuzz ] || \
		$(CARGO) install --quiet --root $(TOOLS) cargo-fuzz
	@rustup toolchain list | grep -q nightly || \
		(echo "make fuzz needs a nightly toolchain: rustup toolchain install nightly" && exit 1)
	cd fuzz && for target in load edit; do \
		PATH="$(TOOLS)/bin:$$PATH" cargo +nightly fuzz run -O -s none $$target corpus/$$target -- \
			-max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 -print_final_stats=1 || exit 1; \
		PATH="$(TOOLS)/bin:$$PATH" cargo +nightly fuzz cmin -O -s none $$target corpus/$$target || exit 1; \
	done

## Rewrites src/baked.rs, the shipped plans as Rust code (after editing a plan; a test says when).
bake:
	$(CARGO) run -q -p srdi-plan --features bake --example bake

## Regenerates the committed JSON Schemas (plan, profile, scenario, observations) from the Rust types.
schema:
	$(CARGO) run -q -p srdi-plan --example schema > policy-data/schema/plan.schema.json
	$(CARGO) run -q -p srdi-plan --example schema -- profile > policy-data/schema/profile.schema.json
	$(CARGO) run -q -p srdi-plan --example schema -- scenario > policy-data/schema/scenario.schema.json
	$(CARGO) run -q -p srdi-plan --example schema -- observations > policy-data/schema/observations.schema.json

## Regenerates the Python `Code` literal from the core's codes (needs the package installed, as
## `make test-python` does; run that again afterwards to rebuild it).
stubs:
	$(PYTHON) bindings/python/scripts/codes.py

## The main job: a summary of the embedded plan.
summary:
	$(CARGO) run -q --release -p srdi-cli -- summary
