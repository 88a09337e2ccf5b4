# Every target here is what CI runs; `.ci/run` calls `make test`.
CARGO ?= cargo
VENV := .venv
PYTHON := $(CURDIR)/$(VENV)/bin/python
export RUSTDOCFLAGS := -D warnings

.PHONY: test setup-rust test-rust test-python lint doc package schema summary bench bench-python

## Everything CI checks, from a fresh clone.
test: setup-rust lint doc package test-rust test-python

## The Rust toolchain's linters, if this machine lacks them.
setup-rust:
	@command -v rustfmt >/dev/null && $(CARGO) clippy --version >/dev/null 2>&1 \
		|| rustup component add rustfmt clippy

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

## Unit, integration, fidelity and README tests, and doctests.
test-rust:
	$(CARGO) test --workspace

doc:
	$(CARGO) doc --workspace --no-deps

## A virtual environment with the Python build and test tools.
$(VENV)/bin/maturin:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet maturin pytest mypy pandas

## Builds the wheel, installs it as a user would, runs the Python suite (with the CLI beside it).
test-python: $(VENV)/bin/maturin
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

## Benchmarks beside the plain-JSON Python baseline; rewrites the table in benches/README.md.
bench:
	python3 benches/compare.py

## The Python package beside the same baseline; needs `make bench` first for the core's numbers.
bench-python: test-python
	cd benches && $(PYTHON) python_compare.py --no-build

## Regenerates the committed JSON Schema from the Rust types.
schema:
	$(CARGO) run -q -p srdi-plan --example schema > policy-data/schema/plan.schema.json

## The main job: a summary of the embedded plan.
summary:
	$(CARGO) run -q --release -p srdi-cli -- summary
