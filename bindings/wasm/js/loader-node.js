// Node entry of srdi-plan/loader: `init()` reads the WebAssembly file from the package folder.
import { initSync } from "./srdi_plan_full.js";
import { nodeInit } from "./node-init.js";

export * from "./loader.js";

export default nodeInit(new URL("./srdi_plan_full_bg.wasm", import.meta.url), initSync);
