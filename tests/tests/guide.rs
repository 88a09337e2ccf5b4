//! Every JSON example of the authoring guide (`policy-data/README.md`) is a plan that loads: a
//! newcomer who copies one starts from a file that validates. And the README's tables of
//! codes, to which the guide points, name every code.

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

/// The README's tables of codes, which the authoring guide points to, name every code.
#[test]
fn the_readme_names_every_code() {
    const README: &str = include_str!("../../README.md");
    let unlisted: Vec<&str> = srdi_plan::Code::ALL
        .iter()
        .map(|code| code.as_str())
        .filter(|code| !README.contains(&format!("`{code}`")))
        .collect();
    assert!(
        unlisted.is_empty(),
        "codes the README does not list: {unlisted:?}"
    );
}
