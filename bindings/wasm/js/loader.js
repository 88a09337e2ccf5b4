// srdi-plan/loader: everything srdi-plan has, and loading and validating plans of your own
// (`Plan.fromJson`, `Plan.fromBytes`, `validate`), in a larger WebAssembly module.
import initModule, * as raw from "./srdi_plan_full.js";
import { api, wrappedOnce } from "./api.js";

/** Loads the WebAssembly module; call once, before anything else. Later calls do nothing. */
export default async function init(input) {
  await initModule(input);
}

export const { Plan, wulong, embedded, embeddedIds } = api(raw);

/** Several plans side by side: the plans given, then each shipped plan none of them is. */
export class Corpus {
  #raw;
  /** Plans already wrapped, by id: each is wrapped once, so that its answers are shared. */
  #plans = new Map();

  /** @internal Corpora come from `Corpus.fromTexts`. */
  constructor(handle) {
    this.#raw = handle;
  }

  /** Loads and validates each plan (JSON text or file bytes); throws the first invalid one's
   * error, with its position in `error.index` and every invalid one's in `error.failures`. */
  static fromTexts(texts) {
    // Any iterable of texts (a Set, a generator) as an array; a string or anything else goes
    // to the module, which refuses it with a `TypeError`.
    let list = texts;
    try {
      if (typeof texts === "object" && texts !== null && Symbol.iterator in texts) list = Array.from(texts);
    } catch {
      // Reading it threw (a Proxy, a generator): the module reads it, with a coded error.
    }
    return new Corpus(raw.Corpus.fromTexts(list));
  }

  /** The ids of the plans, in order. */
  get ids() {
    return this.#raw.ids;
  }

  /** One plan by id, the same object each time; throws `UnknownNameError` with the closest
   * ids. */
  plan(id) {
    return wrappedOnce(this.#plans, id, () => new Plan(this.#raw.plan(id)));
  }

  /** Each plan: id, document number, title, period and the plans it is based on. */
  entries() {
    return this.#raw.entries();
  }

  /** A phrase in every text of every plan; each hit names its plan. */
  search(text, options) {
    return this.#raw.search(text, options);
  }

  /** The plans compared: `"goals"`, `"measures"` or `"instruments"`. */
  compare(what) {
    return this.#raw.compare(what);
  }
}

/** Every problem with a plan, as text or as the bytes of a file, warnings included. */
export const validate = (text) => raw.validate(text);
