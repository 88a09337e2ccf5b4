// srdi-plan: the shipped plans (武隆府办发〔2022〕48号 and its parent plan) as typed, queryable
// data, in a small WebAssembly module. To load and validate plans of your own, import
// `srdi-plan/loader`, which has the same API and more.
import initModule, * as raw from "./srdi_plan_core.js";
import { api } from "./api.js";

/** Loads the WebAssembly module; call once, before anything else. Later calls do nothing. */
export default async function init(input) {
  await initModule(input);
}

export const { Plan, wulong, embedded, embeddedIds } = api(raw);
