//! Any bytes, as a plan file: loading never panics, validation reports what loading found,
//! and an accepted plan round-trips through `to_json` unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use srdi_plan::{Plan, validate_bytes};

fuzz_target!(|bytes: &[u8]| {
    let issues = validate_bytes(bytes);
    match Plan::from_bytes(bytes) {
        Ok(plan) => {
            assert_eq!(plan.warnings(), issues.as_slice());
            let written = plan.to_json();
            let again = Plan::from_json(&written).expect("a written plan loads");
            assert_eq!(again.data(), plan.data());
            assert_eq!(again.to_json(), written);
        }
        Err(error) => {
            assert_eq!(error.issues(), issues.as_slice());
            assert!(error.issues().iter().any(srdi_plan::Issue::is_error));
        }
    }
});
