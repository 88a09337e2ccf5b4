//! Every JSON example of the authoring guide (`policy-data/README.md`) is a plan that loads:
//! a newcomer who copies one starts from a file that validates.

const GUIDE: &str = include_str!("../../policy-data/README.md");

#[test]
fn every_json_example_of_the_guide_loads_without_errors() {
    let examples: Vec<&str> = GUIDE
        .split("```json\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap())
        .collect();
    assert!(
        examples.len() >= 7,
        "the guide shows each part of the format"
    );
    for (i, example) in examples.iter().enumerate() {
        if let Err(error) = srdi_plan::Plan::from_json(example) {
            panic!(
                "example {} of the guide does not load:\n{error}\n{:#?}",
                i + 1,
                error.issues()
            );
        }
    }
}
