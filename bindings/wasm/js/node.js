// Node entry of srdi-plan: the same module as in browsers, whose `init()` reads the
// WebAssembly file from the package folder instead of fetching it.
import { readFileSync } from "node:fs";
import { initSync } from "./srdi_plan_core.js";

export * from "./srdi_plan.js";

let ready;

/** Loads the WebAssembly module; call once, before anything else. Later calls do nothing. */
export default function init() {
  ready ??= load();
  return ready;
}

async function load() {
  // Read synchronously: `node:fs` is part of Node's start-up, `node:fs/promises` is loaded
  // on first use (a few milliseconds).
  const bytes = readFileSync(new URL("./srdi_plan_core_bg.wasm", import.meta.url));
  // Compiled here and instantiated synchronously: the asynchronous path asks whether
  // `Response` exists, which makes Node load its fetch implementation (about 15 ms).
  initSync({ module: await WebAssembly.compile(bytes) });
}
