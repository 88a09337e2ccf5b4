// The JavaScript examples of the READMEs, type-checked as a user's TypeScript would be
// (tsc --strict against the package's declarations) and run as they are.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const here = new URL(".", import.meta.url).pathname;
const readmes = ["../../../README.md", "../js/README.md"].map((path) => new URL(path, import.meta.url));
const snippets = readmes.flatMap((url) => [...readFileSync(url, "utf8").matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]));

test("the README examples type-check under tsc --strict and run", () => {
  assert.ok(snippets.length >= 3, `only ${snippets.length} examples`);
  // Inside the package folder, so that `srdi-plan` resolves to the installed package.
  const folder = mkdtempSync(join(here, ".readme-"));
  try {
    const files = snippets.map((code, i) => {
      const file = join(folder, `example-${i}.mts`);
      writeFileSync(file, `export {};\n${code}`);
      return file;
    });
    const tsc = join(here, "../node_modules/.bin/tsc");
    const options = ["--strict", "--noEmit", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022"];
    execFileSync(tsc, [...options, ...files], { stdio: "pipe" });
    for (const [i, code] of snippets.entries()) {
      const file = join(folder, `example-${i}.mjs`);
      writeFileSync(file, code);
      execFileSync(process.execPath, [file], { stdio: "pipe" });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
