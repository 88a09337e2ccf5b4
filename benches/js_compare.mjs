// The npm package against what a web developer would do without it: `JSON.parse` of the same
// plan.json and `Array.prototype.filter`. Same questions, answers checked equal, medians of
// repeated batches in one run. Prints JSON for benches/compare.py, which writes the table.
//
//   node benches/js_compare.mjs <folder where srdi-plan is installed>
//
// Per call: each question in a loop, the median of 15 batches; "first time" asks it of plans
// that have not answered it before (fresh plans from srdi-plan/loader, built outside the
// timing), "new" of such plans once they hold every item, and the baseline likewise once of
// each of as many fresh parses (a plan just loaded is cold in the processor's caches, on
// either side, where a question asked in a loop finds it warm). First answer: a fresh Node process
// per run (import, init, load, first question), the median of 15 runs, taken first and
// alternating with the baseline's.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const folder = resolve(process.argv[2]);
const require = createRequire(join(folder, "package.json"));
const entry = require.resolve("srdi-plan");
const PLAN_PATH = new URL("../policy-data/wulong-2022-48/plan.json", import.meta.url);

// First answer: fresh processes, measured before this process loads the package or runs the
// loops below (so that nothing of its own competes for the machine), ours and the baseline's
// in turn, so that both see the same drift of the machine. The clock stops before the first
// use of `process.stdout`, whose creation (about 2 ms) is no part of the answer. Each run
// reports its stages too (import, init, load, question), to show where the time goes.
const FIRST = `
const t0 = performance.now();
const { default: init, wulong } = await import(${JSON.stringify(`file://${entry}`)});
const t1 = performance.now();
await init();
const t2 = performance.now();
const plan = wulong();
const t3 = performance.now();
const answer = plan.tasks({ unit: "区财政局" }).length;
const t4 = performance.now();
process.stdout.write(JSON.stringify([t4 - t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3]));`;
const FIRST_BASELINE = `
const t0 = performance.now();
const { readFileSync } = await import("node:fs");
const t1 = performance.now();
const json = JSON.parse(readFileSync(${JSON.stringify(PLAN_PATH.pathname)}, "utf8"));
const t3 = performance.now(); // no t2: plain JSON has nothing to initialise

const id = json.units.find((u) => u.name.zh === "区财政局").id;
const answer = json.tasks.filter((t) => (t.responsibility ?? json.sections.find((s) => s.number === t.section).responsibility).units.includes(id)).length;
const t4 = performance.now();
process.stdout.write(JSON.stringify([t4 - t0, t1 - t0, 0, t3 - t1, t4 - t3]));`;
const firstRun = (script) => JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script]));
const firstRuns = { ours: [], baseline: [] };
for (let run = 0; run < 15; run++) {
  firstRuns.ours.push(firstRun(FIRST));
  firstRuns.baseline.push(firstRun(FIRST_BASELINE));
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The median of each measure over the runs: the whole first answer, then each stage on its
 * own, so that one slow stage of one run moves no other (the stages need not add up). */
const stageMedians = (runs) => {
  const [total, importing, init, load, question] = runs[0].map((_, i) => median(runs.map((run) => run[i])));
  return { total, import: importing, init, load, question };
};
const firstAnswerMs = { ours: stageMedians(firstRuns.ours), baseline: stageMedians(firstRuns.baseline) };

const { default: init, wulong } = await import(`file://${entry}`);
const { default: initLoader, Plan: Loaded } = await import(`file://${require.resolve("srdi-plan/loader")}`);
const text = readFileSync(PLAN_PATH, "utf8");

await init();
await initLoader();
const plan = wulong();

/** The baseline: the same questions over the parsed JSON, as the plan file format says. */
const baselineOver = (json) => {
  const unitsOf = (task) => (task.responsibility ?? json.sections.find((s) => s.number === task.section).responsibility).units;
  const unitId = (name) => json.units.find((u) => u.id === name || u.name.zh === name || u.name.en.toLowerCase() === name.toLowerCase()).id;
  const tiersOf = (group) =>
    json.tiers.some((t) => t.id === group) ? [group] : json.defined_terms.filter((d) => d.id === group).flatMap((d) => d.stands_for);
  const groupsOf = (task) => [...(task.aimed_at ?? []), ...(task.measures ?? []).flatMap((m) => (m.beneficiary?.group ? [m.beneficiary.group] : []))];
  const textsOf = (task) => [task.title, task.text, ...(task.targets ?? []).flatMap((t) => [t.indicator, t.text]), ...(task.measures ?? []).map((m) => m.text)].filter(Boolean);

  return {
    "tasks/unit": () => {
      const id = unitId("区财政局");
      return json.tasks.filter((t) => unitsOf(t).includes(id)).map((t) => t.number);
    },
    "tasks/tier": () => json.tasks.filter((t) => groupsOf(t).some((g) => tiersOf(g).includes("little-giant"))).map((t) => t.number),
    "task/number": () => json.tasks.find((t) => t.number === 28).number,
    "search/zh": () => json.tasks.filter((t) => textsOf(t).some((x) => x.zh.includes("首台"))).map((t) => t.number),
    "measures/tier": () =>
      json.tasks.flatMap((t) => t.measures ?? []).filter((m) => m.instrument === "reward" && tiersOf(m.beneficiary?.group ?? "").includes("srdi-sme")).map((m) => m.id),
    "unit/duties": () => {
      const id = unitId("区统计局");
      return {
        tasks: json.tasks.filter((t) => unitsOf(t).includes(id)).map((t) => t.number),
        mechanisms: json.mechanisms.filter((m) => m.responsibility?.units.includes(id)).map((m) => m.number),
      };
    },
    "matrix/all": () => Object.fromEntries(json.units.map((u) => [u.id, json.tasks.filter((t) => unitsOf(t).includes(u.id)).map((t) => t.number)])),
  };
};
const json = JSON.parse(text);
const baseline = baselineOver(json);

// The package: the same questions, as a user asks them.
const ours = {
  "tasks/unit": (plan) => plan.tasks({ unit: "区财政局" }).map((t) => t.number),
  "tasks/tier": (plan) => plan.tasks({ tier: "little-giant" }).map((t) => t.number),
  "task/number": (plan) => plan.task(28).number,
  "search/zh": (plan) => [...new Set(plan.search("首台").filter((h) => h.task !== null && h.task !== undefined).map((h) => h.task))],
  "measures/tier": (plan) => plan.measures({ tier: "srdi-sme", instrument: "reward" }).map((m) => m.id),
  "unit/duties": (plan) => {
    const unit = plan.unit("区统计局");
    return { tasks: [...unit.tasks], mechanisms: [...unit.mechanisms] };
  },
  "matrix/all": (plan) => {
    const rows = Object.fromEntries(json.units.map((u) => [u.id, []]));
    for (const row of plan.matrix().rows) rows[row.unit.id] = row.tasks;
    return rows;
  },
};

/** The median cost of asking `question` once of each of ten fresh subjects (plans, or
 * parses), made by `make` outside the timing; `warmUp` untimed batches come first. */
function medianOnceEach(make, question, warmUp) {
  const batches = [];
  for (let b = -warmUp; b < 15; b++) {
    const subjects = Array.from({ length: 10 }, make);
    const start = performance.now();
    for (const fresh of subjects) question(fresh);
    if (b >= 0) batches.push((performance.now() - start) / subjects.length);
  }
  return median(batches) * 1000; // µs
}

/** The median cost of asking a question of plans that have not answered it before. */
const medianFirstTime = (question) => medianOnceEach(() => Loaded.fromJson(text), question, 0);

/** A plan that holds every item already, as one does after a page has listed them. */
function holdingEveryItem(fresh) {
  for (const kind of ["tasks", "measures", "targets", "units", "mechanisms", "entities"]) fresh[kind]();
  return fresh;
}

/** The median cost of a question new to a plan that holds every item already (a page that
 * shows one unit, then another): what the package does when it has not kept the answer. The
 * first ten batches warm the engine up, as the loop of a repeated question does. */
const medianNewQuestion = (question) => medianOnceEach(() => holdingEveryItem(Loaded.fromJson(text)), question, 10);

/** The baseline's counterpart of `medianNewQuestion`: a question asked once of each of ten
 * fresh parses of the file. */
const medianOnceOfFreshParse = (name) => medianOnceEach(() => baselineOver(JSON.parse(text)), (fresh) => fresh[name](), 10);

function medianPerCall(fn) {
  let n = 1;
  for (let start = performance.now(); performance.now() - start < 20; n *= 2) for (let i = 0; i < n; i++) fn();
  const batches = [];
  for (let b = 0; b < 15; b++) {
    const start = performance.now();
    for (let i = 0; i < n; i++) fn();
    batches.push((performance.now() - start) / n);
  }
  return median(batches) * 1000; // µs
}

const questions = [];
for (const name of Object.keys(baseline)) {
  const expected = JSON.stringify(baseline[name]());
  // The package names a task by its id (`task-28`), the baseline by its number (28).
  const actual = JSON.stringify(ours[name](plan)).replace(/"task-(\d+)"/g, "$1");
  if (expected !== actual) throw new Error(`${name}: the package answers ${actual}, the baseline ${expected}`);
  questions.push({
    name,
    ours: medianPerCall(() => ours[name](plan)),
    first: medianFirstTime(ours[name]),
    new: medianNewQuestion(ours[name]),
    baseline: medianPerCall(baseline[name]),
    baselineNew: medianOnceOfFreshParse(name),
  });
}

const installed = (file) => readFileSync(join(folder, "node_modules", "srdi-plan", file));
const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** The sections of a WebAssembly module's bytes by id (10 code, 11 data), each gzipped: how
 * much of the package is code and how much is the plans baked in as data. */
function sectionsGzipped(bytes) {
  if (bytes.readUInt32BE(0) !== 0x0061736d) throw new Error("not a WebAssembly module");
  const sections = {};
  let at = 8; // past the magic number and version
  const next = () => {
    if (at >= bytes.length) throw new Error("a WebAssembly module cut short");
    return bytes[at++];
  };
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = next();
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const id = next();
    const length = leb();
    sections[id] = gzipped(bytes.subarray(at, at + length));
    at += length;
  }
  if (sections[10] === undefined || sections[11] === undefined) throw new Error("a module without code or data");
  return sections;
}

/** An entry's WebAssembly module and the JavaScript a browser loads with it, gzipped, and
 * the module's code and data on their own. */
function entrySize(wasmFile, jsFile) {
  const wasmBytes = installed(wasmFile);
  const sections = sectionsGzipped(wasmBytes);
  const js = gzipped(installed(jsFile));
  return { total: gzipped(wasmBytes) + js, code: sections[10], data: sections[11], js };
}

const result = {
  node: process.version,
  questions,
  first_answer_ms: firstAnswerMs,
  package_gzipped_bytes: {
    "srdi-plan": entrySize("srdi_plan_core_bg.wasm", "srdi_plan.js"),
    "srdi-plan/loader": entrySize("srdi_plan_full_bg.wasm", "loader.js"),
  },
};
console.log(JSON.stringify(result, null, 2));
