// The shared vectors of tests/conformance/, read the way every surface reads them: the cases,
// the whole answers, the selectors of the hand-derived facts, and the bad inputs.
import { readFileSync } from "node:fs";

const read = (path) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");

export const CASES = JSON.parse(read("tests/conformance/queries.json")).cases;
export const ANSWERS = JSON.parse(read("tests/conformance/answers.json"));
export const ERROR_CASES = JSON.parse(read("tests/conformance/errors/cases.json")).cases;
const WULONG = read("policy-data/wulong-2022-48/plan.json");

/** A path of keys and indexes split by `/`, `[]` mapping over a list, then `|count` or `|unique`. */
export function select(value, selector) {
  const [path, modifier = ""] = selector.split("|");
  const walk = (value, tokens) => {
    if (tokens.length === 0) return value;
    const [first, ...rest] = tokens;
    if (first === "[]" && Array.isArray(value)) return value.map((item) => walk(item, rest));
    if (value !== null && typeof value === "object" && first in value) return walk(value[first], rest);
    return null;
  };
  const picked = walk(value, path.split("/").filter((token) => token !== ""));
  if (modifier === "count") return picked.length;
  if (modifier === "unique") return picked.filter((item, i) => picked.findIndex((other) => JSON.stringify(other) === JSON.stringify(item)) === i);
  if (modifier !== "") throw new Error(`unknown modifier ${modifier}`);
  return picked;
}

/** The text of a bad input (tests/conformance/README.md). */
export function makeInput(spec) {
  if ("text" in spec) return spec.text;
  if ("replace" in spec) {
    const [old, replacement] = spec.replace;
    if (!WULONG.includes(old)) throw new Error(`${old} is not in the plan`);
    return WULONG.replace(old, replacement);
  }
  const plan = JSON.parse(WULONG);
  if (spec.fields_as_array) return JSON.stringify(Object.values(plan));
  for (const { op, path, value } of spec.patch) {
    const tokens = path.split("/").slice(1);
    const last = tokens.pop();
    const parent = tokens.reduce((node, token) => node[token], plan);
    if (op === "remove" && Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (op === "remove") delete parent[last];
    else parent[last] = value;
  }
  return JSON.stringify(plan);
}
