//! Writes `src/baked.rs`, the shipped plans as Rust code: `make bake` (after editing a plan).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let wulong = srdi_plan::Plan::from_json(srdi_plan::WULONG_JSON)?;
    let chongqing = srdi_plan::Plan::from_json(srdi_plan::CHONGQING_JSON)?;
    let source = srdi_plan::bake(&[("wulong", &wulong), ("chongqing", &chongqing)])?;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/baked.rs");
    std::fs::write(path, source)?;
    Ok(())
}
