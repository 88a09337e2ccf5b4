//! Prints the JSON Schema of the plan format, generated from the Rust types.
//!
//! `make schema` writes it to `policy-data/schema/plan.schema.json`.

use std::io::{self, Write};

fn main() -> io::Result<()> {
    io::stdout()
        .lock()
        .write_all(srdi_plan::json_schema().as_bytes())
}
