# Every target here is what CI runs; `.ci/run` calls `make test`.
CARGO ?= cargo
export RUSTDOCFLAGS := -D warnings

.PHONY: test setup-rust test-rust lint doc package schema summary bench

## Everything CI checks, from a fresh clone.
test: setup-rust lint doc package test-rust

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

## The core crate must package with its embedded data.
package:
	$(CARGO) package -p srdi-plan --allow-dirty

## Benchmarks beside the plain-JSON Python baseline; rewrites the table in benches/README.md.
bench:
	python3 benches/compare.py

## Regenerates the committed JSON Schema from the Rust types.
schema:
	$(CARGO) run -q -p srdi-plan --example schema > policy-data/schema/plan.schema.json

## The main job: a summary of the embedded plan.
summary:
	$(CARGO) run -q --release -p srdi-cli -- summary
