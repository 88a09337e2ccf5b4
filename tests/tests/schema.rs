//! The committed JSON Schema is the one the Rust types generate, and the data points to it.

use serde_json::Value;

const COMMITTED: &str = include_str!("../../policy-data/schema/plan.schema.json");

#[test]
fn committed_schema_is_current() {
    assert!(
        srdi_plan::json_schema() == COMMITTED,
        "policy-data/schema/plan.schema.json is stale: regenerate it with `make schema`"
    );
}

#[test]
fn committed_input_schemas_are_current() {
    let committed = [
        (
            include_str!("../../policy-data/schema/profile.schema.json"),
            srdi_plan::profile_schema(),
            "profile",
        ),
        (
            include_str!("../../policy-data/schema/scenario.schema.json"),
            srdi_plan::scenario_schema(),
            "scenario",
        ),
        (
            include_str!("../../policy-data/schema/observations.schema.json"),
            srdi_plan::observations_schema(),
            "observations",
        ),
    ];
    for (file, generated, name) in committed {
        assert!(
            generated == file,
            "policy-data/schema/{name}.schema.json is stale: regenerate it with `make schema`"
        );
    }
}

#[test]
fn the_plan_refers_to_the_committed_schema() {
    let plan = srdi_plan::wulong();
    let reference = plan.data().schema.as_deref().unwrap();
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../policy-data/wulong-2022-48/"
    );
    let file = std::fs::read_to_string(format!("{dir}{reference}")).unwrap();
    assert_eq!(file, COMMITTED);
}

#[test]
fn the_schema_rejects_unknown_fields_everywhere() {
    let schema: Value = serde_json::from_str(COMMITTED).unwrap();
    assert_eq!(schema["additionalProperties"], false);
    let definitions = schema["$defs"].as_object().unwrap();
    for (name, definition) in definitions
        .iter()
        .filter(|(_, def)| def["type"] == "object")
    {
        assert_eq!(definition["additionalProperties"], false, "{name}");
    }
}
