// Node entry of srdi-plan: the same module as in browsers, whose `init()` reads the
// WebAssembly file from the package folder instead of fetching it.
import { initSync } from "./srdi_plan_core.js";
import { nodeInit } from "./node-init.js";

export * from "./srdi_plan.js";

export default nodeInit(new URL("./srdi_plan_core_bg.wasm", import.meta.url), initSync);
