// The JS API as a web page or a Node program uses it.
import { execFile } from "node:child_process";
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import init, { embedded, embeddedIds, wulong } from "srdi-plan";
import initLoader, * as loader from "srdi-plan/loader";

await init();
await initLoader();
const plan = wulong();
const { Plan, validate } = loader;

test("init can be called again", async () => {
  await init();
  assert.equal(wulong().id, "wulong-2022-48");
});

test("init works on a Node without process.getBuiltinModule (before 20.16)", async () => {
  const script = `delete process.getBuiltinModule;
    for (const entry of ["srdi-plan", "srdi-plan/loader"]) {
      const { default: init, wulong } = await import(entry);
      await init();
      process.stdout.write(wulong().task(28).id + " ");
    }`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
    cwd: import.meta.dirname,
  });
  assert.equal(stdout, "task-28 task-28 ");
});

test("the embedded plan", () => {
  assert.equal(plan.number, "武隆府办发〔2022〕48号");
  assert.equal(plan.summary().counts.tasks, 32);
  assert.deepEqual(plan.summary().period, { start: 2022, end: 2025 });
  assert.equal(plan.toJSON().document.issued, "2022-07-07");
});

test("tasks are plain objects with id, citation and units", () => {
  const [task] = plan.tasks({ unit: "区财政局", instrument: "reward", section: 5 });
  assert.equal(task.number, 28);
  assert.equal(task.id, "task-28");
  assert.equal(task.citation.zh, "武隆府办发〔2022〕48号 二（五）28");
  assert.equal(task.citation.place.en, "II (5) 28");
  assert.deepEqual(task.responsible_units.slice(0, 2), ["economy-info-commission", "finance-bureau"]);
  assert.equal(task.measures[0].amount.value, 1_000_000);
  assert.equal(task.measures[0].trigger, "new_recognition");
  assert.equal(Object.getPrototypeOf(task), Object.prototype);
  assert.deepEqual(plan.tasks().length, 32);
  assert.deepEqual(plan.tasks(null).length, 32);
});

test("measures, targets, units, entities, matrix, tables", () => {
  assert.deepEqual(plan.measures({ tier: "srdi-sme", instrument: "reward" }).map((m) => m.id), ["task-19-m2", "task-28-m2", "task-31-m1"]);
  assert.equal(plan.measures().length, 32);
  assert.deepEqual(plan.goals().map((g) => g.value), [200, 15, 1, 1]);
  assert.equal(plan.goal("goal-2").task, null);
  assert.equal(plan.targets().length, 9);
  assert.deepEqual(plan.unit("区统计局").mechanisms, [3]);
  assert.equal(plan.unit("区统计局").id, "statistics-bureau");
  assert.equal(plan.units().length, 28);
  assert.deepEqual(plan.entity("yuqi-jinfu").tasks, ["task-12"]);
  assert.equal(plan.entities().length, 45);
  assert.equal(plan.documents()[0].number, "渝府办发〔2022〕23号");
  assert.equal(plan.matrix().rows.length, 16);
  const table = plan.table("measures");
  assert.deepEqual(table.columns[0], { name: "id", kind: "text" });
  assert.equal(table.rows.length, 32);
  const amount = table.columns.findIndex((column) => column.name === "amount");
  assert.equal(table.rows.reduce((sum, row) => sum + (row[amount] ?? 0), 0), 1_200_000);
});

test("the format of the whole family", () => {
  assert.deepEqual(embeddedIds(), ["wulong-2022-48", "chongqing-2022-23"]);
  const parent = embedded("chongqing-2022-23");
  assert.equal(parent.number, "渝府办发〔2022〕23号");
  assert.deepEqual(parent.warnings().map((w) => w.code), ["missing_items", "missing_items"]);
  const goal = parent.goal("goal-1");
  assert.deepEqual([goal.value, goal.unit, goal.quantity.zh, goal.quantity.en], [25000, "家", "2.5万家", "25,000"]);
  assert.deepEqual(parent.tasks({ tier: "区县" }).map((t) => t.number), [1]);
  assert.throws(() => embedded("nowhere"), { name: "UnknownNameError", code: "unknown_name", kind: "plan" });
});

test("search finds task 25", () => {
  const [hit] = plan.search("首台");
  assert.deepEqual([hit.kind, hit.id, hit.field, hit.language], ["task", "task-25", "text", "zh"]);
});

test("a plan round-trips through JSON", () => {
  const again = Plan.fromJson(JSON.stringify(plan));
  assert.deepEqual(again.toJSON(), plan.toJSON());
  assert.deepEqual(validate(JSON.stringify(plan)), []);
});

test("syntax errors have line and column", () => {
  assert.throws(() => Plan.fromJson('{\n  "id": "x",\n  oops\n}'), (error) => {
    assert.equal(error instanceof Error, true);
    assert.deepEqual([error.name, error.code, error.line, error.column], ["PlanSyntaxError", "syntax_error", 3, 3]);
    return true;
  });
});

test("unknown names suggest the closest", () => {
  assert.throws(() => plan.tasks({ unit: "区财政" }), (error) => {
    assert.deepEqual([error.name, error.code, error.kind, error.value], ["UnknownNameError", "unknown_name", "unit", "区财政"]);
    assert.deepEqual(error.suggestions, ["区财政局"]);
    assert.equal(error.message, "no unit is called `区财政`; did you mean 区财政局?");
    return true;
  });
  assert.throws(() => plan.task(99), { name: "UnknownNameError", code: "unknown_name" });
  assert.throws(() => plan.search(" "), { name: "QueryError", code: "empty_search" });
});

test("answers are built once, shared and frozen", () => {
  assert.equal(plan.task(28), plan.task(28));
  // By the id answers name it by: the same object.
  assert.equal(plan.task(plan.measures({ instrument: "reward" })[1].task), plan.task(28));
  assert.equal(plan.task("task-28"), plan.task(28));
  for (const id of ["28", "", "\ud800"]) assert.throws(() => plan.task(id), { code: "invalid_argument" }, id);
  assert.equal(plan.tasks({ unit: "区财政局" })[9], plan.task(28));
  assert.equal(plan.measures({ instrument: "reward" })[1], plan.task(28).measures[0] && plan.measures()[24]);
  assert.ok(Object.isFrozen(plan.task(28)) && Object.isFrozen(plan.task(28).measures[0].amount));
  assert.throws(() => {
    "use strict";
    plan.task(28).number = 1;
  }, TypeError);
  assert.equal(plan.summary(), plan.summary());
  // A list of items is a new array each time: changing one changes no later answer.
  const finance = plan.tasks({ unit: "区财政局" });
  assert.notEqual(plan.tasks({ unit: "区财政局" }), finance);
  finance.length = 0;
  assert.equal(plan.tasks({ unit: "区财政局" }).length, 14);
  assert.equal(wulong(), plan);
  assert.equal(embedded("wulong-2022-48"), plan);
});

test("the small module loads no plans; the loader module has the same answers and loads", () => {
  assert.equal(typeof embedded("wulong-2022-48").constructor.fromJson, "undefined");
  assert.equal(typeof Plan.fromJson, "function");
  const shipped = loader.wulong();
  assert.notEqual(shipped, plan);
  assert.deepEqual(shipped.task(28), plan.task(28));
  assert.equal(Plan.fromJson(JSON.stringify(plan)).task(28).citation.zh, plan.task(28).citation.zh);
});

test("malformed arguments are type errors", () => {
  assert.throws(() => plan.tasks({ colour: "red" }), { name: "TypeError", code: "invalid_argument" });
  assert.throws(() => plan.tasks({ section: "three" }), { name: "TypeError", code: "invalid_argument" });
  assert.throws(() => plan.task(1.5), { name: "TypeError", code: "invalid_argument" });
  assert.throws(() => plan.task(-1), { name: "UnknownNameError", code: "unknown_name" });
  assert.throws(() => plan.table("laws"), { name: "QueryError", code: "invalid_argument" });
  for (const call of [() => Plan.fromJson(42), () => validate(123), () => plan.search(5), () => plan.unit({}), () => plan.task([28]), () => plan.tasks([])]) {
    assert.throws(call, { name: "TypeError", code: "invalid_argument" });
  }
});

test("entitlements: a profile as an object or JSON, answers shared, bad profiles a InputError", () => {
  const profile = { tiers: ["srdi-sme"], recognitions: [{ tier: "srdi-sme", year: 2023 }], events: [] };
  const answer = plan.entitlements(profile);
  const reward = answer.find((e) => e.measure === "task-28-m2");
  assert.equal(reward.status, "applies");
  assert.equal(reward.amount.value, 200000);
  assert.equal(reward.citation.zh, "武隆府办发〔2022〕48号 二（五）28");
  assert.deepEqual(plan.entitlements(JSON.stringify(profile)), answer);
  assert.ok(Object.isFrozen(reward));
  assert.deepEqual(plan.entitlementTotal(profile), [{ currency: "CNY", value: 200000, measures: ["task-28-m2"] }]);
  assert.equal(plan.cost().total[0].value, 3000000);
  assert.throws(() => plan.entitlements({ tier: ["srdi-sme"] }), (error) => {
    assert.equal(error.name, "InputError");
    assert.equal(error.code, "invalid_input");
    assert.deepEqual(error.issues.map((i) => [i.code, i.path]), [["unknown_field", "/tier"]]);
    assert.match(error.issues[0].message, /did you mean `tiers`/);
    return true;
  });
  assert.throws(() => plan.entitlements({ tiers: ["srdi"], facts: { x: true } }), (error) => {
    assert.deepEqual(error.issues.map((i) => [i.code, i.path]), [["unknown_group", "/tiers/0"], ["unknown_fact", "/facts/x"]]);
    return true;
  });
  assert.throws(() => plan.entitlements(42), { name: "TypeError", code: "invalid_argument" });
  // Many at once (the loader's): a row per profile and measure, each profile as an object or
  // its JSON.
  assert.equal(plan.entitlementsTable, undefined, "not linked in the small module");
  const loaded = loader.wulong();
  const table = loaded.entitlementsTable([profile, JSON.stringify({ id: "b", tiers: [] })]);
  const column = (name) => table.columns.findIndex((c) => c.name === name);
  assert.equal(table.rows.length, 2 * plan.measures().length);
  const rewardRow = table.rows.find((row) => row[column("profile")] === 0 && row[column("measure")] === "task-28-m2");
  assert.equal(rewardRow[column("status")], "applies");
  assert.equal(table.rows.at(-1)[column("id")], "b");
  assert.throws(() => loaded.entitlementsTable([profile, { tiers: ["srdi"] }]), (error) => {
    assert.equal(error.name, "InputError");
    assert.deepEqual(error.issues.map((i) => [i.code, i.path]), [["unknown_group", "/1/tiers/0"]]);
    return true;
  });
  assert.throws(() => loaded.entitlementsTable(profile), { name: "TypeError", code: "invalid_argument" });
});

test("progress from CSV text or objects, and the standing of the plan", () => {
  // Synthetic figures, for the test only.
  const csv = "target,year,value,source\ngoal-2,2023,6,synthetic\ngoal-2,2025,14,synthetic\n";
  const goal = (answer) => answer.find((p) => p.target === "goal-2");
  assert.equal(goal(plan.progress(csv, { asOf: "2025-12-31" })).status, "behind");
  assert.equal(goal(plan.progress(csv, { asOf: new Date("2026-01-01T12:00:00Z") })).status, "missed");
  const objects = [{ target: "goal-2", year: 2024, value: 16, source: "synthetic" }];
  assert.equal(goal(plan.progress(objects, { asOf: "2025-01-01" })).status, "met");
  assert.throws(() => plan.progress([{ target: "goal-9", year: 2024, value: 1, source: "synthetic" }], { asOf: "2025-01-01" }), (error) => {
    assert.equal(error.name, "InputError");
    assert.deepEqual(error.issues.map((i) => [i.code, i.path]), [["unknown_target", "/0/target"]]);
    return true;
  });
  assert.throws(() => plan.status({ asOf: "2025-02-30" }), {
    name: "TypeError",
    code: "invalid_argument",
    message: "status: `2025-02-30` is not a date written YYYY-MM-DD",
  });
  assert.equal(plan.status({ asOf: "2026-01-01" }).standing, "ended");
  assert.equal(plan.status().as_of, new Date().toISOString().slice(0, 10));
});

test("every export meets any argument with an answer or a coded error", () => {
  // Objects that throw wherever they are looked at: a revoked Proxy, a Proxy of an array and
  // of bytes whose every trap throws, a getter that throws.
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const throwing = (target) =>
    new Proxy(target, Object.fromEntries(["get", "has", "ownKeys", "getPrototypeOf", "getOwnPropertyDescriptor"].map((trap) => [trap, () => { throw new RangeError(trap); }])));
  const values = [undefined, null, 0, -1, 1.5, NaN, Infinity, 2 ** 60, 10n, "", "28", "\ud800", {}, [], [1], { section: 1 },
    Symbol("x"), () => 1, new Uint8Array([0xff]), new Uint8Array(0), new Date(0), Object.create(null),
    revoked.proxy, throwing({}), throwing([]), throwing(new Uint8Array(2)), { get section() { throw new RangeError("no"); } }];
  const calls = [
    ["Plan.fromJson", (v) => Plan.fromJson(v)],
    ["Plan.fromBytes", (v) => Plan.fromBytes(v)],
    ["validate", (v) => validate(v)],
    ["embedded", (v) => embedded(v)],
    ...["tasks", "measures"].map((m) => [m, (v) => plan[m](v)]),
    ...["task", "mechanism", "unit", "goal", "entity", "table"].map((m) => [m, (v) => plan[m](v)]),
    ["task with options", (v) => plan.task(1, v)],
    ["search", (v) => plan.search(v)],
    ["search with options", (v) => plan.search("首台", v)],
    ...["entitlements", "entitlementTotal", "cost", "progress", "status"].map((m) => [m, (v) => plan[m](v)]),
    ...["entitlementsTable", "progressTable"].map((m) => [m, (v) => loader.wulong()[m](v)]),
    ["entitlementsTable of one", (v) => loader.wulong().entitlementsTable([v])],
    ["progress with a date", (v) => plan.progress([], { asOf: v })],
    ["Corpus.fromTexts", (v) => loader.Corpus.fromTexts(v)],
    ["Corpus.fromTexts of one", (v) => loader.Corpus.fromTexts([v])],
    ...["plan", "compare", "search"].map((m) => [`corpus.${m}`, (v) => loader.Corpus.fromTexts([])[m](v)]),
  ];
  const label = (value) => {
    try {
      return typeof value === "object" && value !== null ? value.constructor?.name ?? "object" : typeof value;
    } catch {
      return "a throwing object";
    }
  };
  for (const [name, call] of calls) {
    for (const value of values) {
      try {
        call(value);
      } catch (error) {
        assert.ok(!(error instanceof WebAssembly.RuntimeError), `${name}(${label(value)}) trapped`);
        assert.equal(typeof error.code, "string", `${name}(${label(value)}): ${error}`);
      }
    }
  }
  // Still usable afterwards, after 1,100 more of the worst kind (each one thrown through the
  // module would leave its stack behind, and 1,024 broke it).
  for (let i = 0; i < 1100; i++) assert.throws(() => plan.tasks(revoked.proxy), (error) => error.code === "invalid_argument");
  assert.equal(plan.task(28).number, 28);
});

test("what JSON cannot hold is refused with a coded error, never dropped or changed", () => {
  const refused = (call, why) =>
    assert.throws(call, (error) => error instanceof TypeError && error.code === "invalid_argument" && (!why || error.message.includes(why)));
  refused(() => plan.tasks({ section: NaN }), "NaN");
  refused(() => plan.tasks({ section: Infinity }), "Infinity");
  refused(() => plan.entitlements({ tiers: ["srdi-sme"], facts: { revenue: 10n } }), "BigInt");
  refused(() => plan.entitlements({ tiers: ["srdi-sme"], facts: { listed: () => true } }), "function");
  refused(() => plan.entitlements(new Map([["tiers", ["srdi-sme"]]])), "Map");
  // Disguised as object literals, after the answers they would pass for are kept: a byte
  // view with an object's prototype, a hidden `toJSON` that hands over what JSON cannot hold.
  plan.tasks({});
  plan.tasks({ section: 2 });
  refused(() => plan.tasks(Object.setPrototypeOf(new Uint8Array(0), Object.prototype)), "Object");
  // An array without a prototype is an array, not options (nor an object of its indexes).
  const bare = (items) => Object.setPrototypeOf(items, null);
  refused(() => plan.tasks(bare([])), "object");
  const observed = [{ target: "goal-2", year: 2024, value: 16, source: "s" }];
  assert.deepEqual(plan.progress(bare([...observed]), "2025-01-01"), plan.progress(observed, "2025-01-01"));
  const hidden = Object.defineProperty({ section: 2 }, "toJSON", { value: () => ({ section: NaN }) });
  refused(() => plan.tasks(hidden), "NaN");
  // Nesting: deeper than a text may be is the core's `too_deep`, however deep (the engine's
  // stack is never reached), a long cycle too; a short cycle is refused as a cycle.
  const nested = (depth) => {
    let value = true;
    for (let i = 0; i < depth; i++) value = { facts: value };
    return value;
  };
  const tooDeep = (value) =>
    assert.throws(() => plan.entitlements(value), (error) => error.code === "invalid_input" && error.issues[0].code === "too_deep");
  for (const depth of [65, 100_000]) tooDeep(nested(depth));
  // Size: over 8 MiB written as JSON is `too_large`, as on every surface.
  const tooLarge = (call) =>
    assert.throws(call, (error) => error.code === "invalid_input" && error.issues[0].code === "too_large");
  tooLarge(() => plan.entitlements({ tiers: Array(8381).fill("x".repeat(998)) }));
  tooLarge(() => plan.progress([{ target: "goal-2", year: 2024, value: 1, source: "s", note: "x".repeat(8 * 1024 * 1024) }]));
  assert.throws(() => plan.entitlements(nested(64)), (error) => error.issues[0].code === "wrong_type");
  const chain = nested(70);
  let link = chain;
  for (let i = 0; i < 69; i++) link = link.facts;
  link.facts = chain;
  tooDeep(chain);
  const cyclic = { tiers: ["srdi-sme"] };
  cyclic.again = cyclic;
  refused(() => plan.entitlements(cyclic), "circular");
  // Options are not inputs: nested too deep, they are refused as arguments.
  refused(() => plan.tasks(nested(100)));
  // A misspelt option is an error, not the answer as of today.
  refused(() => plan.status({ as_of: "2024-01-01" }), "asOf");
  refused(() => plan.progress([], { asof: "2024-01-01" }), "asOf");
  assert.equal(plan.status("2026-01-01").standing, "ended");
  assert.equal(plan.status({ asOf: new Date(2026, 0, 1) }).standing, "ended");
  // A lone surrogate is not text to look up: refused, never repaired into U+FFFD.
  refused(() => plan.unit("\ud800"), "lone surrogate");
  refused(() => plan.search("首\udc00"), "lone surrogate");
  refused(() => plan.entitlements({ tiers: ["\ud800"] }), "lone surrogate");
  refused(() => plan.progress([{ target: "goal-2", year: 2023, value: 6, source: "\udc00" }]), "lone surrogate");
  // In a text, as in a file, it is the text's encoding that is wrong, and the core says where.
  assert.throws(
    () => plan.entitlements('{"tiers": ["\ud800"]}'),
    (error) => error.code === "invalid_input" && error.issues[0].code === "invalid_encoding",
  );
});

test("bytes: bad UTF-8 is an error, never replaced; the size is checked before copying", () => {
  const bytes = new TextEncoder().encode(JSON.stringify(plan));
  assert.equal(Plan.fromBytes(bytes).id, "wulong-2022-48");
  assert.throws(() => Plan.fromBytes(new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d])), { name: "PlanSyntaxError", code: "invalid_encoding", offset: 2 });
  assert.throws(() => Plan.fromJson('{"id": "\ud800"}'), { name: "PlanSyntaxError", code: "invalid_encoding", offset: 8 });
  assert.throws(() => Plan.fromBytes(new Uint8Array(100 * 1024 * 1024)), { name: "PlanLimitError", code: "too_large" });
  assert.throws(() => Plan.fromJson(" ".repeat(100 * 1024 * 1024)), { name: "PlanLimitError", code: "too_large" });
});

test("no input traps the WebAssembly module", () => {
  const text = JSON.stringify(plan);
  const inputs = ["", "null", "[]", "{", "\u0000", "[".repeat(100_000), '{"id": "' + "x".repeat(9 * 1024 * 1024) + '"}'];
  for (let cut = 1; cut < text.length; cut += 1499) inputs.push(text.slice(0, cut));
  let seed = 48;
  for (let i = 0; i < 200; i++) {
    const chars = [...text];
    for (let j = 0; j < 3; j++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      chars[seed % chars.length] = '{}[]":,0-9e.tfnx\\'[seed % 17];
    }
    inputs.push(chars.join(""));
  }
  for (const input of inputs) {
    try {
      Plan.fromJson(input);
    } catch (error) {
      assert.ok(!(error instanceof WebAssembly.RuntimeError), `trap on ${input.slice(0, 40)}`);
      assert.ok(["syntax_error", "invalid_encoding", "invalid_plan", "too_deep", "too_large"].includes(error.code), error.message);
    }
    assert.ok(Array.isArray(validate(input)));
  }
  // The module still works after all of that.
  assert.equal(wulong().task(28).number, 28);
});

test("what a caller's object does while it is read is a coded error, never a throw through the module", () => {
  const coded = (call, codes = ["invalid_argument"]) =>
    assert.throws(call, (error) => codes.includes(error.code) && !(error instanceof WebAssembly.RuntimeError), String(call));
  // A revoked Proxy, which throws wherever it is looked at, 1,100 times: each a coded error,
  // and the module (whose stack an exception through it would leave behind) still answers.
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  for (let i = 0; i < 1100; i++) {
    coded(() => plan.tasks(revoked()));
    coded(() => plan.entitlements(revoked()));
    coded(() => plan.progress(revoked()));
  }
  assert.equal(wulong().task(28).number, 28);
  // Bytes that are not what they seem, and a list that throws.
  coded(() => Plan.fromBytes(new Proxy(new Uint8Array(2), {})));
  coded(() => loader.Corpus.fromTexts(new Proxy([], { get() { throw new RangeError("no"); } })));
  // A getter that answers differently each time cannot file one answer under another question.
  const fresh = Plan.fromJson(JSON.stringify(plan));
  let reads = 0;
  const shifting = { get section() { return ++reads >= 3 ? 3 : 1; } };
  const asked = fresh.tasks(shifting).map((task) => task.section);
  assert.deepEqual(fresh.tasks({ section: 1 }).map((task) => task.section), fresh.tasks({ section: 1 }).map(() => 1));
  assert.ok(asked.every((section) => section === asked[0]));
  // A getter that throws is a coded error, at the top as deep inside.
  coded(() => plan.tasks({ get section() { throw new RangeError("no"); } }));
  coded(() => plan.status({ get asOf() { throw new RangeError("no"); } }));
  // A boxed primitive is read as its value: NaN refused, a string at the bottom no level.
  coded(() => plan.tasks({ section: new Number(NaN) }));
  let deep = new String("x");
  for (let i = 0; i < 64; i++) deep = { facts: deep };
  assert.throws(() => plan.entitlements(deep), (error) => error.issues[0].code === "wrong_type");
});

test("the README examples run", async () => {
  for (const readme of ["../pkg/README.md", "../../../README.md"]) {
    const text = readFileSync(new URL(readme, import.meta.url), "utf8");
    const blocks = [...text.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);
    for (const [index, block] of blocks.entries()) {
      // A file below node_modules, so that "srdi-plan" resolves as it does for a user.
      const file = new URL(`../node_modules/.cache/readme-${index}-${readme.length}.mjs`, import.meta.url);
      mkdirSync(new URL(".", file), { recursive: true });
      writeFileSync(file, block);
      await import(file.href);
    }
  }
});

test("the package version is the workspace version", () => {
  const cargo = readFileSync(new URL("../../../Cargo.toml", import.meta.url), "utf8");
  const version = cargo.match(/\[workspace\.package\]\nversion = "([^"]+)"/)[1];
  const pkg = JSON.parse(readFileSync(new URL("../pkg/package.json", import.meta.url), "utf8"));
  assert.equal(pkg.version, version);
});

test("free() releases a loaded plan or corpus now; freed, it throws a coded error, its items stay", () => {
  const text = JSON.stringify(plan);
  const loaded = Plan.fromJson(text);
  const task = loaded.task(28);
  const units = loaded.units();
  loaded.free();
  loaded.free(); // again: nothing
  const freed = (error) => error instanceof TypeError && error.code === "invalid_argument" && /freed/.test(error.message);
  for (const ask of [() => loaded.id, () => loaded.task(28), () => loaded.units(), () => loaded.tasks({ unit: "区财政局" }), () => loaded.summary()]) {
    assert.throws(ask, freed);
  }
  assert.equal(task.number, 28);
  assert.equal(units.length, plan.units().length);
  // A shipped plan is the module's: freeing it does nothing.
  wulong().free();
  assert.equal(wulong().task(28).number, 28);
  assert.equal(plan[Symbol.dispose], plan.free);
  const corpus = loader.Corpus.fromTexts([JSON.stringify({ ...plan.toJSON(), id: "my-district" })]);
  const mine = corpus.plan("my-district");
  mine.free(); // the corpus's: nothing
  assert.equal(mine.task(28).number, 28);
  corpus[Symbol.dispose]();
  assert.throws(() => corpus.ids, freed);
  assert.throws(() => corpus.plan("my-district"), freed);
  assert.throws(() => mine.task(28), freed);
  // Freed as they go, 2,000 plans loaded in one synchronous loop (some 300 MB if kept until
  // the loop ends) take little memory.
  const before = process.memoryUsage().rss;
  for (let i = 0; i < 2000; i++) Plan.fromJson(text).free();
  const grown = (process.memoryUsage().rss - before) / 1e6;
  assert.ok(grown < 150, `${grown} MB`);
});

test("a corpus of texts: shipped plans beside them, bad lists refused", () => {
  const { Corpus } = loader;
  const own = JSON.stringify({ ...plan.toJSON(), id: "my-district" });
  const corpus = Corpus.fromTexts(new Set([own]));
  assert.deepEqual(corpus.ids, ["my-district", ...embeddedIds()]);
  const mine = corpus.plan("my-district");
  assert.equal(corpus.plan("my-district"), mine);
  assert.equal(mine.task(28), corpus.plan("my-district").task(28));
  assert.equal(mine.id, "my-district");
  assert.ok(corpus.compare("goals").some((goal) => goal.plan === "my-district" && goal.localises?.share === 0.006));
  for (const bad of [42, "a plan's text", null]) {
    assert.throws(() => Corpus.fromTexts(bad), (error) => error instanceof TypeError && error.code === "invalid_argument");
  }
  assert.throws(() => Corpus.fromTexts([own, "{"]), (error) => error.code === "syntax_error" && error.index === 1);
  assert.throws(
    () => Corpus.fromTexts(["{", own, '{"id": "x"}']),
    (error) =>
      error.index === 0 &&
      error.failures[0] === error &&
      error.failures.map((failure) => [failure.code, failure.index]).join() === "syntax_error,0,invalid_plan,2",
  );
  assert.throws(() => Corpus.fromTexts(["{", 42]), (error) => error instanceof TypeError && error.index === 1);
  // Two plans with one id: the second is refused, as `srdi --plans` and Python's load_dir do.
  assert.throws(
    () => Corpus.fromTexts([own, own]),
    (error) => error.index === 1 && error.issues[0].code === "duplicate_id" && error.issues[0].path === "/id",
  );
});
