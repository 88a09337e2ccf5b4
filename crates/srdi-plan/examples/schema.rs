//! Prints a JSON Schema generated from the Rust types: the plan format (the default),
//! `profile`, `scenario` or `observations` (the inputs of entitlements, cost and progress),
//! or with `answers` the plan and every query answer, for the bindings' type declarations.
//!
//! `make schema` writes the first four to `policy-data/schema/`.

use std::io::{self, Write};

fn main() -> io::Result<()> {
    let schema = match std::env::args().nth(1).as_deref() {
        Some("answers") => srdi_plan::answer_schema(),
        Some("profile") => srdi_plan::profile_schema(),
        Some("scenario") => srdi_plan::scenario_schema(),
        Some("observations") => srdi_plan::observations_schema(),
        _ => srdi_plan::json_schema(),
    };
    io::stdout().lock().write_all(schema.as_bytes())
}
