// What the JavaScript first answer is made of, beside what any package would cost: importing
// the package against an empty ES module and a built-in one, and compiling its WebAssembly
// modules against an empty one. Each measure is the median of 21 fresh `node` processes, the
// measures of a round in turn, so that all see the same drift.
//
//   node benches/first_answer_parts.mjs <folder where srdi-plan is installed>
//
// (`make bench` installs the package into target/bench-npm.)

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const folder = resolve(process.argv[2] ?? "target/bench-npm");
const require = createRequire(join(folder, "package.json"));
const entry = require.resolve("srdi-plan");
const packageDir = dirname(entry);

// An empty ES module, and the smallest WebAssembly module (its magic number and version).
const scratch = mkdtempSync(join(tmpdir(), "srdi-parts-"));
writeFileSync(join(scratch, "package.json"), '{ "type": "module" }');
writeFileSync(join(scratch, "empty.js"), "export {};\n");
writeFileSync(join(scratch, "empty.wasm"), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));

/** A script that prints how long importing `url` takes. */
const importing = (url) => `const t0 = performance.now(); await import(${JSON.stringify(url)});
process.stdout.write(String(performance.now() - t0));`;
/** A script that prints how long compiling the WebAssembly file `path` takes, after an import
 * as in a first answer (a fresh process's first steps cost more, whatever they are). */
const compiling = (path) => `await import(${JSON.stringify(`file://${join(scratch, "empty.js")}`)});
const fs = process.getBuiltinModule?.("node:fs") ?? (await import("node:fs"));
const bytes = fs.readFileSync(${JSON.stringify(path)});
const t0 = performance.now(); new WebAssembly.Module(bytes); process.stdout.write(String(performance.now() - t0));`;

const measures = {
  "import an empty ES module": importing(`file://${join(scratch, "empty.js")}`),
  "import srdi-plan": importing(`file://${entry}`),
  "import node:fs (built in)": importing("node:fs"),
  "compile an empty WebAssembly module": compiling(join(scratch, "empty.wasm")),
  "compile srdi-plan's module": compiling(join(packageDir, "srdi_plan_core_bg.wasm")),
  "compile srdi-plan/loader's module": compiling(join(packageDir, "srdi_plan_full_bg.wasm")),
};

const runs = Object.fromEntries(Object.keys(measures).map((name) => [name, []]));
for (let round = 0; round < 21; round++) {
  for (const [name, script] of Object.entries(measures)) {
    runs[name].push(Number(execFileSync(process.execPath, ["--input-type=module", "-e", script])));
  }
}
for (const [name, times] of Object.entries(runs)) {
  console.log(`${name.padEnd(40)} ${times.sort((a, b) => a - b)[10].toFixed(2).padStart(6)} ms`);
}
rmSync(scratch, { recursive: true });
