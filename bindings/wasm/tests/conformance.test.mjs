// The shared conformance vectors through the JS API: every answer is the whole answer the Rust
// core gives (tests/conformance/answers.json), as JSON, and shows the hand-derived facts, from
// both modules of the package; every bad input throws its documented error.
import { test } from "node:test";
import assert from "node:assert/strict";
import init, * as shipped from "srdi-plan";
import initLoader, * as loader from "srdi-plan/loader";
import { ANSWERS, CASES, CORPUS_ANSWERS, CORPUS_CASES, ERROR_CASES, makeInput, planFile, planTexts, select } from "./conformance.mjs";

await init();
await initLoader();
const { Corpus, Plan, validate } = loader;

/** Answers a query with the method of its name, as a user calls it. */
function ask(plan, { op, ...options }) {
  switch (op) {
    case "tasks":
    case "measures":
      return plan[op](options);
    case "task":
      return plan.task(options.id ?? options.number, { section: options.section });
    case "mechanism":
      return plan.mechanism(options.number);
    case "unit":
    case "entity":
      return plan[op](options.name);
    case "goal":
      return plan.goal(options.id);
    case "search":
      return plan.search(options.text, { language: options.language });
    case "table":
      return plan.table(options.kind);
    case "entitlements":
      return plan.entitlements(options.profile);
    case "entitlement_total":
      return plan.entitlementTotal(options.profile);
    case "entitlement_table":
      return plan.entitlementsTable(options.profiles);
    case "progress_table":
      return plan.progressTable(options.observations, { asOf: options.as_of });
    case "cost":
      return plan.cost(options.scenario);
    case "progress":
      return plan.progress(options.observations, { asOf: options.as_of });
    case "status":
      return plan.status({ asOf: options.as_of });
    default:
      return plan[op]();
  }
}

/** The error fields of the core's report, in its order. */
const REPORT = ["code", "message", "kind", "value", "suggestions", "issues", "line", "column", "offset"];

function answer(plan, query, asking = ask) {
  try {
    return asking(plan, query);
  } catch (error) {
    if (!error.code || error instanceof TypeError) throw error;
    return { error: Object.fromEntries(REPORT.filter((key) => key in error).map((key) => [key, error[key]])) };
  }
}

test("the vectors are many", () => {
  assert.ok(CASES.length >= 70);
  assert.equal(Object.keys(ANSWERS).length, CASES.length);
});

/** The questions only the loader's module answers. */
const LOADER_ONLY = new Set(["entitlement_table", "progress_table"]);

for (const [module, { embedded }] of [["srdi-plan", shipped], ["srdi-plan/loader", loader]])
for (const { name, plan = "wulong-2022-48", query, expect } of CASES) {
  const skip = module === "srdi-plan" && LOADER_ONLY.has(query.op) && "the loader's question";
  test(`${module}: ${name}`, { skip }, () => {
    // A plan file of the repository needs the loader, whichever module answers.
    const asked = plan.endsWith(".json") ? Plan.fromJson(planFile(plan)) : embedded(plan);
    const actual = answer(asked, query);
    if ("error" in expect) {
      assert.equal(actual.error?.code, expect.error);
      if ("suggests" in expect) assert.equal(actual.error.suggestions[0], expect.suggests);
      if ("issues" in expect) assert.deepEqual(actual.error.issues.map((issue) => [issue.code, issue.path]), expect.issues);
    } else {
      for (const [selector, value] of Object.entries(expect)) assert.deepEqual(select(actual, selector), value, selector);
    }
    assert.equal(JSON.stringify(actual), JSON.stringify(ANSWERS[name]));
  });
}

/** Answers a question of several plans with the method a user calls. */
function askCorpus(corpus, { op, ...options }) {
  if (op === "plans") return corpus.entries();
  if (op === "search") return corpus.search(options.text, { language: options.language });
  return corpus.compare(op.replace(/^compare_/, ""));
}

for (const { name, plans, query, expect } of CORPUS_CASES) {
  test(`several plans: ${name}`, () => {
    const corpus = Corpus.fromTexts(plans ? planTexts(plans) : []);
    const actual = answer(corpus, query, askCorpus);
    if ("error" in expect) assert.equal(actual.error?.code, expect.error);
    else for (const [selector, value] of Object.entries(expect)) assert.deepEqual(select(actual, selector), value, selector);
    assert.equal(JSON.stringify(actual), JSON.stringify(CORPUS_ANSWERS[name]));
  });
}

const pairs = (issues, severity) =>
  issues.filter((issue) => issue.severity === severity).map((issue) => [issue.code, issue.path]).sort();

/** One way of loading a bad input gets the case's code and issues, or loads with its warnings. */
function checkBadInput(expect, load, issues) {
  if (!("error" in expect)) {
    assert.deepEqual(load().warnings(), issues);
  } else {
    assert.throws(load, (error) => {
      assert.equal(error.code, expect.error);
      assert.deepEqual(error.issues, issues);
      for (const key of ["line", "column", "offset"]) if (key in expect) assert.equal(error.issues[0][key], expect[key], key);
      return true;
    });
  }
  assert.deepEqual(pairs(issues, "error"), [...(expect.issues ?? [])].sort());
  if ("warnings" in expect) assert.deepEqual(pairs(issues, "warning"), [...expect.warnings].sort());
}

for (const { name, input, expect } of ERROR_CASES) {
  test(`bad input: ${name}`, () => {
    const bytes = makeInput(input);
    checkBadInput(expect, () => Plan.fromBytes(bytes), validate(bytes));
    let text = null;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      // Not UTF-8: only the byte loader can be given it.
    }
    if (text !== null) checkBadInput(expect, () => Plan.fromJson(text), validate(text));
  });
}
