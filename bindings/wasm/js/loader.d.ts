/**
 * srdi-plan/loader: everything `srdi-plan` has, and loading and validating plans of your own.
 *
 * @example
 * import init, { Plan } from "srdi-plan/loader";
 * await init();
 * const plan = Plan.fromJson(await (await fetch("plan.json")).text());
 */

import type { Issue } from "./types.js";
import { Plan as ShippedPlan } from "./srdi_plan.js";

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
}

/** The shipped Wulong plan, 武隆府办发〔2022〕48号. */
export function wulong(): Plan;

/** A plan shipped with the package, by id; throws `UnknownNameError` naming the shipped ones. */
export function embedded(id: string): Plan;

/** Every problem with a plan, as text or as the bytes of a file (encoding, syntax, shape,
 * unknown fields, rules), warnings included. */
export function validate(text: string | Uint8Array): Issue[];
