// The shared vectors of tests/conformance/, read the way every surface reads them: the cases,
// the whole answers, the selectors of the hand-derived facts, and the bad inputs.
import { readdirSync, readFileSync } from "node:fs";

const read = (path) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");

export const CASES = JSON.parse(read("tests/conformance/queries.json")).cases;
export const ANSWERS = JSON.parse(read("tests/conformance/answers.json"));
export const ERROR_CASES = JSON.parse(read("tests/conformance/errors/cases.json")).cases;
export const CORPUS_CASES = JSON.parse(read("tests/conformance/corpus.json")).cases;
export const CORPUS_ANSWERS = JSON.parse(read("tests/conformance/corpus-answers.json"));

/** The texts of the plan files under a folder of the repository, as `Corpus::load_dir` reads
 * them: every `*.json` but JSON Schemas and hidden files, in subfolders too, in path order
 * (the folders of the vectors have no names that sort differently by component). */
export function planTexts(folder) {
  const root = new URL("../../../", import.meta.url);
  const paths = readdirSync(new URL(folder, root), { recursive: true })
    .filter((path) => path.endsWith(".json") && !path.endsWith(".schema.json"))
    .filter((path) => !path.split("/").some((part) => part.startsWith(".")))
    .map((path) => `${folder}/${path}`)
    .sort();
  return paths.map(read);
}
const WULONG = read("policy-data/wulong-2022-48/plan.json");

/** The text of a plan file a case asks, by its path from the repository's root. */
export const planFile = (path) => read(path);

/** A path of keys and indexes split by `/`, `[]` mapping over a list, `[key=value]` picking an
 * item of a list, then `|count` or `|unique`. */
export function select(value, selector) {
  const [path, modifier = ""] = selector.split("|");
  const walk = (value, tokens) => {
    if (tokens.length === 0) return value;
    const [first, ...rest] = tokens;
    if (first === "[]" && Array.isArray(value)) return value.map((item) => walk(item, rest));
    const filter = /^\[(.+?)=(.*)\]$/.exec(first);
    if (filter && Array.isArray(value)) {
      const found = value.find((item) => item[filter[1]] === filter[2]);
      return found === undefined ? null : walk(found, rest);
    }
    if (value !== null && typeof value === "object" && first in value) return walk(value[first], rest);
    return null;
  };
  const picked = walk(value, path.split("/").filter((token) => token !== ""));
  if (modifier === "count") return picked.length;
  if (modifier === "unique") return picked.filter((item, i) => picked.findIndex((other) => JSON.stringify(other) === JSON.stringify(item)) === i);
  if (modifier !== "") throw new Error(`unknown modifier ${modifier}`);
  return picked;
}

/** The bytes of a bad input: a base text, then `suffix`, `encoding`, `prefix_hex` and
 * `truncate`, in that order (tests/conformance/README.md). */
export function makeInput(spec) {
  const text = baseText(spec);
  let bytes = text === null ? hex(spec.hex) : new TextEncoder().encode(text);
  if ("suffix" in spec) bytes = concat(bytes, new TextEncoder().encode(spec.suffix));
  if ("encoding" in spec) {
    const decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    const units = new Uint8Array(decoded.length * 2);
    for (let i = 0; i < decoded.length; i++) new DataView(units.buffer).setUint16(i * 2, decoded.charCodeAt(i), true);
    bytes = { "utf-16": concat(new Uint8Array([0xff, 0xfe]), units), "utf-16le": units }[spec.encoding];
  }
  if ("prefix_hex" in spec) bytes = concat(hex(spec.prefix_hex), bytes);
  if ("truncate" in spec) bytes = bytes.slice(0, spec.truncate);
  return bytes;
}

/** The text a case starts from, or `null` for raw bytes (`hex`). */
function baseText(spec) {
  if ("text" in spec) return spec.text;
  if ("repeat" in spec) return spec.repeat[0].repeat(spec.repeat[1]);
  if (spec.plan) return WULONG;
  if ("replace" in spec) {
    const [old, replacement] = spec.replace;
    if (!WULONG.includes(old)) throw new Error(`${old} is not in the plan`);
    return WULONG.replace(old, () => replacement);
  }
  if ("hex" in spec) return null;
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

const hex = (text) => new Uint8Array(text.replaceAll(" ", "").match(/../g)?.map((pair) => parseInt(pair, 16)) ?? []);

function concat(first, second) {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}
