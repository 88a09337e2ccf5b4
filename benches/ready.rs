//! How long a fresh process waits for the shipped plan: `wulong()` on first use (its data and
//! index baked into the program as statics), and the first answer. Prints both in nanoseconds;
//! `benches/compare.py` runs it many times and takes the medians.

#![allow(clippy::print_stdout, reason = "the numbers are the output")]

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let start = Instant::now();
    let plan = srdi_plan::wulong();
    let ready = start.elapsed();
    let filter = srdi_plan::TaskFilter {
        unit: Some("区财政局".into()),
        ..srdi_plan::TaskFilter::default()
    };
    black_box(
        plan.tasks(&filter)
            .map(|tasks| tasks.len())
            .unwrap_or_default(),
    );
    let answered = start.elapsed();
    println!("{} {}", ready.as_nanos(), answered.as_nanos());
}
