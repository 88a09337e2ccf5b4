// A typed use of the package: `tsc -p tests/tsconfig.json` checks it against the shipped
// declarations (srdi_plan.d.ts and the generated types.d.ts).
import init, { Plan, wulong } from "srdi-plan";
import initLoader, { Corpus, Plan as LoadedPlan, validate } from "srdi-plan/loader";
import type { Code, Entitlement, GoalRow, Hit, Issue, MeasureView, Profile, Summary, Table, TaskView, UnitView, UnknownNameError } from "srdi-plan";

await init();
await initLoader();
const plan: Plan = wulong();
const tasks: TaskView[] = plan.tasks({ unit: "区财政局", tier: "little-giant" });
const numbers: number[] = tasks.map((task) => task.number);
const citation: string = plan.task(28).citation?.zh ?? "";
const zh: string = plan.task(1).title?.zh ?? "";
const amount: number | undefined = plan.task(28).measures?.[0]?.amount?.value;
const hits: Hit[] = plan.search("首台");
const unit: UnitView = plan.unit("区统计局");
const duties: string[] = unit.tasks; // task ids
const rewards: MeasureView[] = plan.measures({ instrument: "reward" });
const summary: Summary = plan.summary();
const table: Table = plan.table("measures");
const issues: Issue[] = validate("{}");
const code: Code | undefined = issues[0]?.code;
try {
  plan.tasks({ unit: "区财政" });
} catch (error) {
  const unknown = error as UnknownNameError;
  const suggestions: string[] = unknown.suggestions;
  console.log(suggestions);
}
console.log(numbers, citation, zh, amount, hits.length, duties, rewards.length, summary.counts.tasks, table.rows.length, code, LoadedPlan.fromJson(JSON.stringify(plan)).id);
const loaded: Plan = LoadedPlan.fromBytes(new TextEncoder().encode(JSON.stringify(plan)));
console.log(loaded.summary().counts.tasks);
loaded.free();
{
  using scoped = LoadedPlan.fromJson(JSON.stringify(plan));
  console.log(scoped.id);
}
const profile: Profile = { tiers: ["srdi-sme"], recognitions: [{ tier: "srdi-sme", year: 2023 }], events: [] };
const entitlements: Entitlement[] = plan.entitlements(profile);
const applying: string[] = entitlements.filter((e) => e.status === "applies").map((e) => e.measure);
console.log(applying, plan.entitlementTotal(profile)[0]?.value, plan.cost().total[0]?.value);
const corpus: Corpus = Corpus.fromTexts([JSON.stringify(plan)]);
const goals: GoalRow[] = corpus.compare("goals");
const shares: (number | null | undefined)[] = goals.map((goal) => goal.localises?.share);
console.log(corpus.ids, shares, corpus.search("首台")[0]?.plan, corpus.plan(corpus.ids[0] ?? "").id);
corpus[Symbol.dispose]();
