// srdi-plan/loader: everything srdi-plan has, and loading and validating plans of your own
// (`Plan.fromJson`, `Plan.fromBytes`, `validate`), in a larger WebAssembly module.
import initModule, * as raw from "./srdi_plan_full.js";
import { api, release, wrappedOnce } from "./api.js";

/** Loads the WebAssembly module; call once, before anything else. Later calls do nothing. */
export default async function init(input) {
  await initModule(input);
}

export const { Plan, wulong, embedded, embeddedIds } = api(raw);

/** Several plans side by side: the plans given, then each shipped plan none of them is. */
export class Corpus {
  /** The module's handle; `null` once freed. */
  #raw;
  /** Plans already wrapped, by id: each is wrapped once, so that its answers are shared. */
  #plans = new Map();

  /** @internal Corpora come from `Corpus.fromTexts`. */
  constructor(handle) {
    this.#raw = handle;
  }

  /** The module's handle, or the error of a corpus that was freed. */
  get #module() {
    if (this.#raw === null) throw raw.freedError("corpus");
    return this.#raw;
  }

  /** Frees what the corpus holds in the module now, rather than after it is garbage-collected,
   * and the plans taken from it: they and it answer nothing afterwards. */
  free() {
    if (this.#raw === null) return;
    for (const plan of this.#plans.values()) plan[release]();
    this.#plans.clear();
    this.#raw.free();
    this.#raw = null;
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
    return this.#module.ids;
  }

  /** One plan by id, the same object each time; throws `UnknownNameError` with the closest
   * ids. */
  plan(id) {
    return wrappedOnce(this.#plans, id, () => new Plan(this.#module.plan(id)));
  }

  /** Each plan: id, document number, title, period and the plans it is based on. */
  entries() {
    return this.#module.entries();
  }

  /** A phrase in every text of every plan; each hit names its plan. */
  search(text, options) {
    return this.#module.search(text, options);
  }

  /** The plans compared: `"goals"`, `"measures"` or `"instruments"`. */
  compare(what) {
    return this.#module.compare(what);
  }
}

// `using corpus = Corpus.fromTexts(texts)` frees the corpus at the end of its block.
if (Symbol.dispose) Corpus.prototype[Symbol.dispose] = Corpus.prototype.free;

/** Every problem with a plan, as text or as the bytes of a file, warnings included. */
export const validate = (text) => raw.validate(text);
