// srdi-plan/loader: everything srdi-plan has, and loading and validating plans of your own
// (`Plan.fromJson`, `Plan.fromBytes`, `validate`), in a larger WebAssembly module.
import initModule, * as raw from "./srdi_plan_full.js";
import { api } from "./api.js";

/** Loads the WebAssembly module; call once, before anything else. Later calls do nothing. */
export default async function init(input) {
  await initModule(input);
}

export const { Plan, wulong, embedded, embeddedIds } = api(raw);

/** Every problem with a plan, as text or as the bytes of a file, warnings included. */
export const validate = (text) => raw.validate(text);
