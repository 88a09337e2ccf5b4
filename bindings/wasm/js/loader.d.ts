/**
 * srdi-plan/loader: everything `srdi-plan` has, loading and validating plans of your own, and
 * the batch tables of a plan (many enterprises at once, progress as a table).
 *
 * @example
 * import init, { Plan } from "srdi-plan/loader";
 * await init();
 * const plan = Plan.fromJson(await (await fetch("plan.json")).text());
 */

import type {
  GoalRow, Issue, Language, MeasureRow, Observation, PlanEntry, PlanHit, Profile, StipCoverage, Table,
} from "./types.js";
import { Plan as ShippedPlan } from "./srdi_plan.js";
import type { DayOptions } from "./srdi_plan.js";

export * from "./srdi_plan.js";

/**
 * Loads the WebAssembly module; call once before anything else (later calls do nothing).
 * In browsers it fetches `srdi_plan_full_bg.wasm` beside the module; in Node it reads the file.
 */
export default function init(input?: unknown): Promise<unknown>;

/** An action plan, shipped or loaded; the same API as `srdi-plan`'s. */
export class Plan extends ShippedPlan {
  /** Loads and validates a plan; throws `PlanSyntaxError`, `PlanLimitError` or `PlanValidationError`. */
  static fromJson(text: string): Plan;
  /** Loads and validates a plan from the bytes of a file (UTF-8 JSON; bad bytes are an
   * `invalid_encoding`, never replaced), or from text; throws as `fromJson`. */
  static fromBytes(bytes: Uint8Array | string): Plan;
  /** Many enterprises at once: `table("entitlements")` with its rows, a row per profile (its
   * position in `profiles`, and its `id`) and measure. Throws `InputError` naming every
   * problem of every profile, each path starting with the profile's position. */
  entitlementsTable(profiles: (Profile | string)[]): Table;
  /** `progress(…)` as a table (`table("progress")` with its rows): a row per goal and target. */
  progressTable(observations: Observation[] | string, options?: DayOptions): Table;
}

/** The shipped Wulong plan, 武隆府办发〔2022〕48号. */
export function wulong(): Plan;

/** A plan shipped with the package, by id; throws `UnknownNameError` naming the shipped ones. */
export function embedded(id: string): Plan;

/** Every problem with a plan, as text or as the bytes of a file (encoding, syntax, shape,
 * unknown fields, rules), warnings included. */
export function validate(text: string | Uint8Array): Issue[];

/**
 * Several plans side by side: the plans given, then each shipped plan none of them is. Every
 * row of every answer names its plan.
 *
 * @example
 * const corpus = Corpus.fromTexts([districtPlanText]);
 * corpus.compare("goals"); // each goal with the parent plan's goal it localises
 */
export class Corpus {
  /** Loads and validates each plan (JSON text or file bytes); throws the first invalid one's
   * error (`PlanSyntaxError`, `PlanValidationError`…) with its position in `index`, and in
   * `failures` every invalid one's error, each with its `index`. */
  static fromTexts(texts: Iterable<string | Uint8Array>): Corpus;
  /** The ids of the plans, in order. */
  readonly ids: string[];
  /** One plan by id, the same object each time; throws `UnknownNameError` with the closest
   * ids. */
  plan(id: string): Plan;
  /** Each plan: id, document number, title, period and the plans it is based on. */
  entries(): PlanEntry[];
  /** A phrase in every text of every plan; each hit names its plan. */
  search(text: string, options?: { language?: Language }): PlanHit[];
  /** Goals side by side by the tier they count, each with the parent plan's goal it localises. */
  compare(what: "goals"): GoalRow[];
  /** Every measure that names an amount, by the group it reaches. */
  compare(what: "measures"): MeasureRow[];
  /** How many tasks, measures and mechanisms of each plan use each OECD STIP Compass instrument type. */
  compare(what: "instruments"): StipCoverage[];
  /** Frees what the corpus holds in the module now, rather than after it is garbage-collected,
   * and the plans taken from it: they and it then throw a `TypeError` (code
   * `invalid_argument`) for every question. */
  free(): void;
  /** `free()`, for `using corpus = Corpus.fromTexts(texts)`. */
  [Symbol.dispose](): void;
}
