// Node entry of srdi-plan: the same module as in browsers, whose `init()` reads the
// WebAssembly file from the package folder instead of fetching it.
import { readFile } from "node:fs/promises";
import initWeb from "./srdi_plan.js";

export * from "./srdi_plan.js";

/** Loads the WebAssembly module; call once, before anything else. Later calls do nothing. */
export default async function init() {
  const bytes = await readFile(new URL("./srdi_plan_bg.wasm", import.meta.url));
  await initWeb({ module_or_path: bytes });
}
