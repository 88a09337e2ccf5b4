// The package's API over one of its two WebAssembly modules (srdi-plan, srdi-plan/loader).
//
// Every answer is the Rust core's. A question asks the module for the positions of the items
// that answer it (tasks, measures, targets, units, mechanisms, entities, each kind in file
// order); each item crosses from WebAssembly once, as the core's JSON, and is frozen and
// shared, so that `plan.task(28) === plan.task(28)`. A plan never changes, so an answer is
// kept for the next time the same question is asked (the most recent QUESTIONS of each plan).

/** How many recent questions and their answers a plan keeps. */
const QUESTIONS = 256;

/** Freezes a JSON value and everything in it: answers are shared, so nobody may change them.
 * (An array is walked by index, which is faster than listing its values.) */
function freeze(value) {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) freeze(value[i]);
    else for (const key of Object.keys(value)) freeze(value[key]);
  }
  return value;
}

/** The arguments of a question, read once, and their key if they are plain data (strings,
 * numbers, object literals of those); `undefined` for a key leaves anything else to the
 * module, which reads it (uncached) and refuses what it must. An object literal is read into a copy, and the key and the
 * question are both made of the copy: a getter or a Proxy that answers differently each time
 * cannot make the key name another question than the one asked. Throws where reading an
 * argument throws (a revoked Proxy). */
function readArgs(args) {
  const read = [];
  let key = "";
  for (const arg of args) {
    const value = objectLiteral(arg) ? { ...arg } : arg;
    read.push(value);
    if (key === undefined) continue;
    if (typeof value === "string") key += `s${value}\u0000`;
    else if (typeof value === "number" && Number.isFinite(value)) key += `n${value}\u0000`;
    else if (value === undefined || value === null) key += "\u0000";
    else if (plainObject(value)) key += `o${JSON.stringify(value)}\u0000`;
    else key = undefined;
  }
  return { read, key };
}

/** A question's day options as the module takes them: a `Date` (its calendar day where the
 * code runs) written `YYYY-MM-DD`, and today in UTC, as on every surface, for none. Anything
 * else goes to the module, which refuses what is not a day or `{asOf}`. */
function dayOption(options) {
  const day = (asOf) => {
    if (asOf === undefined || asOf === null) return new Date().toISOString().slice(0, 10);
    if (!(asOf instanceof Date)) return asOf;
    const two = (n) => String(n).padStart(2, "0");
    return `${String(asOf.getFullYear()).padStart(4, "0")}-${two(asOf.getMonth() + 1)}-${two(asOf.getDate())}`;
  };
  try {
    if (objectLiteral(options)) return { ...options, asOf: day(options.asOf) };
    return options !== null && typeof options === "object" && !(options instanceof Date) ? options : day(options);
  } catch {
    // Reading them threw (a getter, a Proxy): the module reads them, with a coded error.
    return options;
  }
}

/** Whether a value is an object literal, which a copy of its own values stands for: its
 * prototype `Object.prototype` or none, and neither an array or a byte view given such a
 * prototype nor one whose `toJSON` says something else. */
function objectLiteral(value) {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) &&
    !Array.isArray(value) && !ArrayBuffer.isView(value) && !("toJSON" in value);
}

/** An object literal of strings and numbers, as the options of a question are. */
function plainObject(value) {
  return objectLiteral(value) &&
    Object.values(value).every((child) => child === undefined || typeof child === "string" || typeof child === "number");
}

/** The plan of `id` in `plans` (a `Map` by id), else the one `wrap` makes, kept under its id:
 * each plan is wrapped once, so that it keeps its answers. */
export function wrappedOnce(plans, id, wrap) {
  if (typeof id === "string" && plans.has(id)) return plans.get(id);
  const plan = wrap();
  plans.set(plan.id, plan);
  return plan;
}

/** The key of a plan's method that frees it whoever holds it (see `Plan.free`): the
 * package's own, not exported. */
export const release = Symbol("release");

/** The API over `raw`, a module built by wasm-bindgen from bindings/wasm (either build). */
export function api(raw) {
  /** Shipped plans already wrapped, by id, so that each is built once. */
  const shipped = new Map();
  /** The id of `wulong()`, once it is known. */
  let wulongId;

  class Plan {
    /** The module's handle; `null` once freed. */
    #raw;
    /** Whether this plan is the caller's to free (loaded by `fromJson` or `fromBytes`). */
    #owned;
    /** Items by kind: sparse arrays, filled as questions need them. */
    #items = new Map();
    /** Kinds whose every item has crossed. */
    #complete = new Set();
    /** Recent questions and their answers (a list's items, or a frozen value). */
    #answers = new Map();
    /** Tasks found by number alone (a plan has few). */
    #tasksByNumber = new Map();

    /** @internal Plans come from `wulong()`, `embedded(id)`, or the loader's `Plan.fromJson`. */
    constructor(handle, owned = false) {
      this.#raw = handle;
      this.#owned = owned;
    }

    /** The module's handle, or the error of a plan that was freed. */
    get #module() {
      if (this.#raw === null) throw raw.freedError("plan");
      return this.#raw;
    }

    get id() {
      return this.#module.id;
    }

    get number() {
      return this.#module.number;
    }

    /** Frees what the plan holds in the module now, rather than after it is garbage-collected
     * (which happens only between tasks of the event loop): for a loop that loads many plans.
     * The plan answers nothing afterwards; the items it gave stay as they are. A shipped plan
     * is the module's, and one taken from a corpus the corpus's (freed with it): freeing
     * either does nothing. */
    free() {
      if (this.#owned) this[release]();
    }

    /** @internal Frees the plan, whoever holds it: a corpus frees the plans it gave. */
    [release]() {
      if (this.#raw === null) return;
      this.#raw.free();
      this.#raw = null;
      // Nothing kept answers again.
      for (const kept of [this.#items, this.#complete, this.#answers, this.#tasksByNumber]) kept.clear();
    }

    /** The answer to a question, asked of the module the first time only. `ask` gets the
     * arguments as read once (see `readArgs`), so that its answer is the one its key names. */
    #ask(question, args, ask) {
      let read, key;
      try {
        ({ read, key } = readArgs(args));
      } catch {
        // Reading an argument threw: the module reads it again, uncached, and refuses it
        // with a coded error if it throws again.
        return ask(...args);
      }
      if (key === undefined) return ask(...read);
      const id = question + key;
      const known = this.#answers.get(id);
      if (known !== undefined) return known;
      const answer = ask(...read);
      if (this.#answers.size >= QUESTIONS) this.#answers.delete(this.#answers.keys().next().value);
      this.#answers.set(id, answer);
      return answer;
    }

    /** The items of a kind at `positions`, each asked of the module once. */
    #at(kind, positions) {
      let items = this.#items.get(kind);
      if (!items) this.#items.set(kind, (items = []));
      let missing;
      for (const position of positions) if (items[position] === undefined) (missing ??= []).push(position);
      if (missing) {
        const views = this.#module.views(kind, Uint32Array.from(missing));
        missing.forEach((position, i) => (items[position] = freeze(views[i])));
      }
      const answer = new Array(positions.length);
      for (let i = 0; i < positions.length; i++) answer[i] = items[positions[i]];
      return answer;
    }

    /** The item of a kind at `position`. */
    #one(kind, position) {
      return this.#items.get(kind)?.[position] ?? this.#at(kind, [position])[0];
    }

    /** Every item of a kind, in file order. */
    #all(kind) {
      if (!this.#complete.has(kind)) {
        // Items that crossed before keep their identity.
        const items = this.#items.get(kind) ?? [];
        const views = this.#module.views(kind, undefined);
        this.#items.set(kind, views.map((view, position) => (position in items ? items[position] : freeze(view))));
        this.#complete.add(kind);
      }
      return [...this.#items.get(kind)];
    }

    /** An answer that is a list of items of a kind, whose positions `ask` gets: kept as the
     * items, and handed out as a new array each time. */
    #list(kind, question, args, ask) {
      return [...this.#ask(question, args, (...read) => this.#at(kind, ask(...read)))];
    }

    /** An answer that is not a list of items, as one frozen value. */
    #value(question, args, ask) {
      return this.#ask(question, args, (...read) => freeze(ask(...read)));
    }

    summary() {
      return this.#value("summary", [], () => this.#module.summary());
    }

    tasks(filter) {
      return this.#list("tasks", "tasks", [filter], (filter) => this.#module.taskPositions(filter));
    }

    task(number, options) {
      // The most frequent question, by number alone, skips building a key.
      const plain = options === undefined && typeof number === "number";
      const known = plain ? this.#tasksByNumber.get(number) : undefined;
      if (known !== undefined) return known;
      const task = this.#one("tasks", this.#ask("task", [number, options], (number, options) => this.#module.taskPosition(number, options)));
      if (plain) this.#tasksByNumber.set(number, task);
      return task;
    }

    search(query, options) {
      return [...this.#value("search", [query, options], (query, options) => this.#module.search(query, options))];
    }

    units() {
      return this.#all("units");
    }

    unit(name) {
      return this.#one("units", this.#ask("unit", [name], (name) => this.#module.unitPosition(name)));
    }

    goals() {
      return this.#list("targets", "goals", [], () => this.#module.goalPositions());
    }

    goal(id) {
      return this.#one("targets", this.#ask("goal", [id], (id) => this.#module.targetPosition(id)));
    }

    targets() {
      return this.#all("targets");
    }

    measures(filter) {
      return this.#list("measures", "measures", [filter], (filter) => this.#module.measurePositions(filter));
    }

    mechanisms() {
      return this.#all("mechanisms");
    }

    mechanism(number) {
      return this.#one("mechanisms", this.#ask("mechanism", [number], (number) => this.#module.mechanismPosition(number)));
    }

    entities() {
      return this.#all("entities");
    }

    entity(name) {
      return this.#one("entities", this.#ask("entity", [name], (name) => this.#module.entityPosition(name)));
    }

    documents() {
      return this.#list("entities", "documents", [], () => this.#module.documentPositions());
    }

    instruments() {
      return this.#value("instruments", [], () => this.#module.instruments());
    }

    tiers() {
      return this.#value("tiers", [], () => this.#module.tiers());
    }

    matrix() {
      return this.#value("matrix", [], () => this.#module.matrix());
    }

    table(kind) {
      return this.#value("table", [kind], (kind) => this.#module.table(kind));
    }

    warnings() {
      return this.#value("warnings", [], () => this.#module.warnings());
    }

    entitlements(profile) {
      return [...this.#value("entitlements", [profile], (profile) => this.#module.entitlements(profile))];
    }

    entitlementsTable(profiles) {
      return this.#value("entitlementsTable", [profiles], (profiles) => this.#module.entitlementsTable(profiles));
    }

    entitlementTotal(profile) {
      return [...this.#value("entitlementTotal", [profile], (profile) => this.#module.entitlementTotal(profile))];
    }

    cost(scenario) {
      return this.#value("cost", [scenario], (scenario) => this.#module.cost(scenario));
    }

    progress(observations, options) {
      const day = dayOption(options);
      return [...this.#value("progress", [observations, day], (observations, day) => this.#module.progress(observations, day))];
    }

    progressTable(observations, options) {
      const day = dayOption(options);
      return this.#value("progressTable", [observations, day], (observations, day) => this.#module.progressTable(observations, day));
    }

    status(options) {
      const day = dayOption(options);
      return this.#value("status", [day], (day) => this.#module.status(day));
    }

    /** The plan data, as `JSON.stringify(plan)` writes it. */
    toJSON() {
      return this.#value("data", [], () => this.#module.toJSON());
    }
  }

  // `using plan = Plan.fromJson(text)` frees the plan at the end of its block.
  if (Symbol.dispose) Plan.prototype[Symbol.dispose] = Plan.prototype.free;

  // The batch tables are the loader module's alone (the small module does not link them).
  if (!raw.Plan.prototype.entitlementsTable) {
    delete Plan.prototype.entitlementsTable;
    delete Plan.prototype.progressTable;
  }

  // The loader module also loads plans: the same class gets its loading functions.
  if (raw.Plan.fromJson) {
    /** Loads and validates a plan from JSON text. */
    Plan.fromJson = (text) => new Plan(raw.Plan.fromJson(text), true);
    /** Loads and validates a plan from the bytes of a file (or from text). */
    Plan.fromBytes = (bytes) => new Plan(raw.Plan.fromBytes(bytes), true);
  }

  /** A shipped plan, wrapped once: `ask` gets its handle from the module the first time. */
  const shippedPlan = (id, ask) => wrappedOnce(shipped, id, () => new Plan(ask()));

  return {
    Plan,
    embedded: (id) => shippedPlan(id, () => raw.embedded(id)),
    embeddedIds: () => raw.embeddedIds(),
    wulong: () => {
      const plan = shippedPlan(wulongId, () => raw.wulong());
      wulongId = plan.id;
      return plan;
    },
  };
}
