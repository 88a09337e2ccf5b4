// The shared conformance vectors (tests/conformance/queries.json), through the JS API.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import init, { wulong } from "srdi-plan";

await init();
const vectors = JSON.parse(readFileSync(new URL("../../../tests/conformance/queries.json", import.meta.url), "utf8"));
const plan = wulong();

const firstIds = (items) => [...new Set(items.map((item) => item.id))];
const listing = (items) => ({ ids: items.map((item) => item.id ?? item.unit?.id ?? item.entity?.id), count: items.length });

/** Answers one query in the language-neutral shape of the vectors. */
function answer(query) {
  switch (query.op) {
    case "tasks": {
      const { op, ...filter } = query;
      return { tasks: plan.tasks(filter).map((task) => task.number) };
    }
    case "task": {
      const task = plan.task(query.number);
      return { number: task.number, section: task.section, units: task.responsible_units, citation: task.citation };
    }
    case "search":
      return { ids: firstIds(plan.search(query.text)) };
    case "unit": {
      const duties = plan.unit(query.name);
      return { unit: duties.unit.id, tasks: duties.tasks, mechanisms: duties.mechanisms, leads: duties.leads };
    }
    case "goal": {
      const goal = plan.goal(query.id);
      return { id: goal.id, value: goal.value, citation: goal.citation };
    }
    case "mechanism": {
      const mechanism = plan.mechanism(query.number);
      return {
        number: mechanism.number,
        units: mechanism.responsibility.units,
        lead: mechanism.lead ?? null,
        citation: mechanism.citation,
      };
    }
    case "mechanisms":
      return { numbers: plan.mechanisms().map((mechanism) => mechanism.number) };
    case "entity": {
      const mentions = plan.entity(query.name);
      return { id: mentions.entity.id, tasks: mentions.tasks, mechanisms: mentions.mechanisms };
    }
    case "matrix": {
      const matrix = plan.matrix();
      return { columns: matrix.tasks.length, rows: Object.fromEntries(matrix.rows.map((row) => [row.unit.id, row.tasks])) };
    }
    case "units":
      return listing(plan.units());
    case "goals":
      return listing(plan.goals());
    case "targets":
      return listing(plan.targets());
    case "entities":
      return listing(plan.entities());
    case "documents":
      return listing(plan.documents());
    case "measures":
      return listing(plan.measures({ tier: query.tier, instrument: query.instrument }));
    default:
      throw new Error(`unknown op ${query.op}`);
  }
}

test("the vectors are many", () => {
  assert.equal(vectors.plan, "wulong");
  assert.ok(vectors.cases.length >= 40);
});

for (const { name, query, expect } of vectors.cases) {
  test(name, () => {
    if ("error" in expect) {
      assert.throws(() => answer(query), (error) => {
        assert.equal(error.code, expect.error);
        if ("suggests" in expect) assert.equal(error.suggestions[0], expect.suggests);
        return true;
      });
    } else {
      const actual = answer(query);
      for (const [key, value] of Object.entries(expect)) assert.deepEqual(actual[key], value, key);
    }
  });
}
