//! Any bytes, as a plan file: loading never panics, validation reports what loading found,
//! and an accepted plan round-trips through `to_json` unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use srdi_plan::{Plan, validate_bytes};

fuzz_target!(|bytes: &[u8]| {
    srdi_plan_tests::assert_loads_as_validated(Plan::from_bytes(bytes), &validate_bytes(bytes));
});
