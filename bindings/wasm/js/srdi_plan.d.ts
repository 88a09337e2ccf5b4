/**
 * srdi-plan: the Wulong District SRDI (专精特新) action plan, 武隆府办发〔2022〕48号, as typed,
 * validated, queryable data. Answers are plain objects in the JSON shape of the core's types
 * (`types.d.ts`, generated from the Rust types). Chinese texts (`zh`) are the source verbatim;
 * English texts (`en`) are our own, unofficial translation.
 *
 * @example
 * import init, { wulong } from "srdi-plan";
 * await init();
 * wulong().tasks({ unit: "区财政局" }).map((t) => t.number); // [11, …, 19, 28, …, 32]
 */

import type {
  Code,
  Cost,
  Entitlement,
  Language,
  EntityView,
  GroupView,
  Hit,
  InstrumentView,
  Issue,
  Matrix,
  MeasureView,
  MechanismView,
  Observation,
  PlanData,
  PlanStatus,
  Profile,
  Progress,
  Scenario,
  Summary,
  Table,
  TargetView,
  TaskView,
  Total,
  UnitView,
} from "./types.js";

declare global {
  /** `Symbol.dispose`, for `using` (the package's plans and corpora have it): declared here
   * too, so that a project whose `lib` predates it still type-checks. */
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}

export type {
  Amount,
  BasisEntry,
  Beneficiary,
  Cell,
  CellKind,
  Citation,
  Code,
  Column,
  Condition,
  CorpusQuery,
  Cost,
  Counts,
  Document,
  Entitlement,
  EntityView,
  ErrorReport,
  Event,
  EventKind,
  Fact,
  GoalRow,
  GroupView,
  Hit,
  Instrument,
  InstrumentView,
  Issue,
  ItemKind,
  Language,
  Localised,
  Matrix,
  MatrixRow,
  MeasureRow,
  MeasureView,
  MechanismView,
  Place,
  Observation,
  PlanCoverage,
  PlanData,
  PlanEntry,
  PlanHit,
  PlanStatus,
  Point,
  Profile,
  Progress,
  ProgressStatus,
  Query,
  Recognition,
  RecordKind,
  Responsibility,
  Scenario,
  SectionView,
  Severity,
  Status,
  Step,
  StipCoverage,
  Summary,
  Table,
  TargetKind,
  TargetView,
  TaskView,
  Text,
  Total,
  Trigger,
  UnitView,
} from "./types.js";

/** Filters of `Plan.tasks`; every filter given must match. */
export interface TaskFilter {
  /** A responsible unit: id, printed name (区财政局) or English name (any case). */
  unit?: string;
  /** A section number. */
  section?: number;
  /** An instrument, e.g. `loan`, `reward`, `listing_support`. */
  instrument?: string;
  /** A tier or defined term, by id or name; “专精特新”企业 covers all three tiers. */
  tier?: string;
  /** A phrase of the task's Chinese or English text. */
  text?: string;
}

/** Filters of `Plan.measures`. */
export interface MeasureFilter {
  /** A tier or defined term the measure must reach. */
  tier?: string;
  /** An instrument, e.g. `reward`. */
  instrument?: string;
}

/** The kinds of tables. */
export type TableKind = "tasks" | "measures" | "targets" | "units" | "entitlements" | "progress";

/**
 * Every error thrown by srdi-plan carries the core's error report: a stable `code` and, where
 * they apply, `kind`, `value`, `suggestions`, `issues`, `line` and `column` — the same fields
 * as `srdi --json` prints and the Python exceptions hold.
 */
export interface SrdiError extends Error {
  code: Code;
  /** For an error of `Corpus.fromTexts` (`srdi-plan/loader`): the position of the bad text. */
  index?: number;
  /** For an error of `Corpus.fromTexts`: every bad text's error, this one first. */
  failures?: SrdiError[];
}

/** Thrown by `Plan.fromJson` and `Plan.fromBytes` for input over a limit (`too_large`,
 * `too_deep`); the size is checked before the input is copied. */
export interface PlanLimitError extends SrdiError {
  name: "PlanLimitError";
  issues: Issue[];
}

/** Thrown by `Plan.fromJson` and `Plan.fromBytes` for input that is not JSON (`syntax_error`)
 * or not UTF-8 (`invalid_encoding`: invalid bytes, UTF-16, or a string with a lone surrogate). */
export interface PlanSyntaxError extends SrdiError {
  name: "PlanSyntaxError";
  /** 1-based line of the problem. */
  line?: number;
  /** 1-based column of the problem. */
  column?: number;
  /** 0-based byte offset of an encoding problem. */
  offset?: number;
  issues: Issue[];
}

/** Thrown by `Plan.fromJson` for JSON that is not a valid plan; `issues` lists every problem. */
export interface PlanValidationError extends SrdiError {
  name: "PlanValidationError";
  code: "invalid_plan";
  issues: Issue[];
}

/** Thrown for a unit, tier, instrument, task, … the plan does not have. */
export interface UnknownNameError extends SrdiError {
  name: "UnknownNameError";
  code: "unknown_name";
  /** What was looked for: `unit`, `tier`, `instrument`, `section`, `task`, … */
  kind: string;
  /** The name given. */
  value: string;
  /** The closest valid names, best first, or the valid range of numbers. */
  suggestions: string[];
}

/** Thrown for a question that cannot be asked, such as a search for nothing. */
export interface QueryError extends SrdiError {
  name: "QueryError";
}

/** Thrown for a profile, scenario or set of observations the plan cannot read; `issues`
 * lists every problem. */
export interface InputError extends SrdiError {
  name: "InputError";
  code: "invalid_input";
  issues: Issue[];
}

/** Thrown for an argument of the wrong type, or options the method does not know. */
export interface InvalidArgumentError extends TypeError {
  code: "invalid_argument";
}

/**
 * Loads the WebAssembly module; call once before anything else (later calls do nothing).
 * In browsers it fetches `srdi_plan_core_bg.wasm` beside the module; in Node it reads the file.
 */
export default function init(input?: unknown): Promise<unknown>;

/** The shipped Wulong plan, 武隆府办发〔2022〕48号. */
export function wulong(): Plan;

/** A plan shipped with the package, by id; throws `UnknownNameError` naming the shipped ones. */
export function embedded(id: string): Plan;

/** The ids of the plans shipped with the package. */
export function embeddedIds(): string[];

/** The day a question is asked as of: `{ asOf }`, or the day alone; a `YYYY-MM-DD` string
 * or a `Date` (its calendar day where the code runs). Any other key is refused. */
export type DayOptions = { asOf?: string | Date } | string | Date;

/**
 * An action plan. Methods throw `UnknownNameError` for names that match nothing. Answers are
 * frozen and shared: the same item is the same object in every answer.
 */
export class Plan {
  protected constructor();
  readonly id: string;
  /** The document number, e.g. 武隆府办发〔2022〕48号, if the plan has one. */
  readonly number: string | undefined;
  /** The plan data; `JSON.stringify(plan)` writes it in the plan file format. */
  toJSON(): PlanData;
  /**
   * Frees what the plan holds in the module now, rather than after it is garbage-collected
   * (which happens only between tasks of the event loop): for a loop that loads many plans.
   * The plan then throws a `TypeError` (code `invalid_argument`) for every question; the
   * items it gave stay as they are. A shipped plan is the module's, and one taken from a
   * corpus the corpus's (freed with it): freeing either does nothing.
   */
  free(): void;
  /** `free()`, so that `using plan = Plan.fromJson(text)` frees the plan at the end of its
   * block (TypeScript 5.2 on, with `esnext.disposable` in its `lib`). */
  [Symbol.dispose](): void;
  /** The warnings found when the plan was loaded. */
  warnings(): Issue[];
  summary(): Summary;
  tasks(filter?: TaskFilter): TaskView[];
  /** A task by number; `{ section }` too for a plan whose task numbering restarts per
   * section. */
  task(number: number, options?: { section?: number }): TaskView;
  /** A task by the id answers name it by (`"task-28"`, `"task-2-1"`). */
  task(id: string): TaskView;
  /** Every hit; with `{ language }` the hits a reader of that language wants (items that
   * matched only in the other language are kept). */
  search(text: string, options?: { language?: Language }): Hit[];
  units(): UnitView[];
  unit(name: string): UnitView;
  goals(): TargetView[];
  goal(id: string): TargetView;
  targets(): TargetView[];
  measures(filter?: MeasureFilter): MeasureView[];
  mechanisms(): MechanismView[];
  mechanism(number: number): MechanismView;
  entities(): EntityView[];
  entity(name: string): EntityView;
  documents(): EntityView[];
  /** Every instrument of the taxonomy, with its OECD STIP type and where the plan uses it. */
  instruments(): InstrumentView[];
  /** Every tier (by rank), group and defined term, with the measures that reach each: the
   * names `{ tier }` takes. */
  tiers(): GroupView[];
  matrix(): Matrix;
  /** A flat table of one kind of item: its columns (each with a `name` and a `kind`) and
   * rows. `entitlements` and `progress` give their columns without rows: their rows need
   * profiles or observations. */
  table(kind: TableKind): Table;
  /**
   * What an enterprise can get: every measure with its `status` (`applies`, `may_apply`,
   * `does_not_apply`), `amount`, `citation`, what is `missing` or `failed`, and the `trace` of
   * each step. A key left out of the profile is unknown. Throws `InputError` for a profile
   * the plan cannot read, naming every problem at once: of its shape (an unknown key, a
   * wrong type) and of its names (a tier, group or fact the plan does not have).
   *
   * @example
   * plan.entitlements({ tiers: ["srdi-sme"], recognitions: [{ tier: "srdi-sme", year: 2023 }], events: [] })
   *   .find((e) => e.measure === "task-28-m2").status; // "applies"
   */
  entitlements(profile: Profile | string): Entitlement[];
  /**
   * Did the plan deliver? Every goal and target as of `asOf` (`YYYY-MM-DD` or a `Date`;
   * today if left out), from observed values: an array of
   * `{ target, year | date, value, source, unit?, note? }`, or the text of a CSV or JSON file.
   * Throws `InputError` naming every problem at once (a year written as text, an unknown
   * target, a value in another unit…).
   */
  progress(observations: Observation[] | string, options?: DayOptions): Progress[];
  /** Whether the plan is in force on `asOf` (today if left out), and what is due by then. */
  status(options?: DayOptions): PlanStatus;
  /** The sums of the amounts that apply to a profile, by currency. */
  entitlementTotal(profile: Profile | string): Total[];
  /** What the one-time rewards tied to a recognition or an event cost, by year, in a
   * scenario of counts, or without one in the plan's own goals (an upper bound). */
  cost(scenario?: Scenario | string): Cost;
}
