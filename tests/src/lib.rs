//! Cross-cutting tests of the workspace; the integration tests live in `tests/`.
//!
//! The README's Rust examples are compiled and run as this crate's doctests, so the README
//! cannot drift from the code.
#![doc = include_str!("../../README.md")]
