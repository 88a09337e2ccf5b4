//! Prints a JSON Schema generated from the Rust types: the plan format (the default), or
//! with `answers` the plan and every query answer, for the bindings' type declarations.
//!
//! `make schema` writes the plan format to `policy-data/schema/plan.schema.json`.

use std::io::{self, Write};

fn main() -> io::Result<()> {
    let schema = match std::env::args().nth(1).as_deref() {
        Some("answers") => srdi_plan::answer_schema(),
        _ => srdi_plan::json_schema(),
    };
    io::stdout().lock().write_all(schema.as_bytes())
}
