// The plan explorer: every fact on the page is an answer of the srdi-plan package, shown as
// it comes; the page only lays it out and picks the language.
import init, { embedded, embeddedIds } from "srdi-plan";

await init();
/** The plan shown: the shipped plan the address names (`?plan=<id>`), else the first shipped. */
const named = new URLSearchParams(location.search).get("plan");
let plan = embedded(embeddedIds().includes(named) ? named : embeddedIds()[0]);
const state = { lang: "zh", selected: null };

const $ = (selector) => document.querySelector(selector);
const element = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "onclick") {
      node.addEventListener("click", value);
      // A row that opens on a click opens on Enter or Space too, as a button does.
      if (tag !== "button") node.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        value(event);
      });
    } else node.setAttribute(key, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
};

/** Replaces the children of `node`, skipping the parts that are absent. */
const fill = (node, ...children) => node.replaceChildren(...children.filter((child) => child !== null && child !== undefined));

/** One language of a `{zh, en}` pair (texts, places, citations): the chosen one, or Chinese
 * when the English is missing. */
const pick = (value) => (state.lang === "en" && value.en ? value.en : value.zh);

/** A `{zh, en}` text in the chosen language; both shows Chinese over English. */
function text(value, tag = "span") {
  if (!value) return "";
  if (state.lang === "both") {
    return element(tag, { class: "both" }, element("span", { lang: "zh" }, value.zh), element("span", { lang: "en", class: "en" }, value.en));
  }
  return element(tag, { lang: state.lang === "en" && value.en ? "en" : "zh" }, pick(value));
}

/** A fixed label of the page in the chosen language. */
const label = (zh, en) => (state.lang === "en" ? en : state.lang === "both" ? `${zh} · ${en}` : zh);
const place = (citation) => (citation?.place ? pick(citation.place) : "");
let summary, units, tasks;
/** Shows `next`, from its summary on: nothing on the page is of one plan. */
function show(next) {
  plan = next;
  summary = plan.summary();
  // Units and tasks by id, as answers name them.
  units = new Map(plan.units().map((unit) => [unit.id, unit]));
  tasks = new Map(plan.tasks().map((task) => [task.id, task]));
}
show(plan);
const unitName = (id) => text(units.get(id)?.name ?? { zh: id, en: id });
const runs = (numbers) => (numbers.length === 0 ? "—" : numbers.join(", "));

function renderHeader() {
  const { document: doc, issuer, counts, period } = summary;
  $("#plan").replaceChildren(...embeddedIds().map((id) => option(id, embedded(id).summary().document.number ?? id)));
  $("#plan").value = plan.id;
  $("#doc-number").textContent = doc.number ?? "";
  $("#doc-title").replaceChildren(text(doc.title));
  const meta = [issuer ? pick(issuer.name) : null, doc.issued, doc.disclosure ? pick(doc.disclosure.note) : null, `${counts.tasks} ${label("项任务", "tasks")}`];
  $("#doc-meta").textContent = meta.filter(Boolean).join(" · ");
  $("#goals-heading").textContent = period ? label(`发展目标（到${period.end}年）`, `Development goals (by ${period.end})`) : label("发展目标", "Development goals");
  document.title = [doc.number, pick(doc.title)].filter(Boolean).join(" · ");
  document.documentElement.lang = state.lang === "en" ? "en" : "zh-CN";
  for (const node of document.querySelectorAll("[data-zh]")) node.textContent = label(node.dataset.zh, node.dataset.en);
  for (const button of document.querySelectorAll(".lang button")) button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
}

/** Each goal as its number and the plan's own words for it: 重点培育上市企业1家 asks for one
 * enterprise cultivated towards listing, not for a listed company, which the number and
 * the indicator alone (1家 上市企业) would say. */
function renderGoals() {
  $("#goals").replaceChildren(...summary.goals.map((goal) =>
    element("li", { title: goal.interpretation ?? "" }, element("strong", {}, pick(goal.quantity)), text(goal.text))));
}

function option(value, content) {
  return element("option", { value }, content);
}

function renderFilters() {
  const keep = (id) => $(id).value;
  const [section, unit, instrument] = [keep("#section"), keep("#unit"), keep("#instrument")];
  $("#section").replaceChildren(option("", label("全部", "All")),
    ...summary.sections.map((s) => option(String(s.number), `${place(s.citation)} ${pick(s.title)}`)));
  $("#unit").replaceChildren(option("", label("全部", "All")),
    ...plan.matrix().rows.map((row) => option(row.unit.id, pick(row.unit.name))));
  const used = plan.instruments().filter((instrument) => instrument.tasks.length > 0);
  $("#instrument").replaceChildren(option("", label("全部", "All")), ...used.map((i) => option(i.id, i.id.replaceAll("_", " "))));
  [$("#section").value, $("#unit").value, $("#instrument").value] = [section, unit, instrument];
}

function renderTasks() {
  const query = $("#search").value.trim();
  $("#hits").hidden = query === "";
  $("#tasks").hidden = query !== "";
  if (query !== "") return renderHits(query);
  const filter = {};
  if ($("#section").value) filter.section = Number($("#section").value);
  if ($("#unit").value) filter.unit = $("#unit").value;
  if ($("#instrument").value) filter.instrument = $("#instrument").value;
  const matching = plan.tasks(filter);
  $("#task-count").textContent = `${matching.length} ${label("项任务", matching.length === 1 ? "task" : "tasks")}`;
  $("#tasks").replaceChildren(...matching.map(taskRow));
}

/** A task as a row of a list, which opens it: where it stands, its title or text, its instruments. */
const taskRow = (task) =>
  element("li", { class: "task-row", "data-number": String(task.number), tabindex: "0", onclick: () => showTask(task.id) },
    element("span", { class: "place" }, place(task.citation)),
    text(task.title ?? task.text, "p"),
    element("span", { class: "chips" }, ...task.instruments.map((i) => element("span", { class: "chip" }, i.replaceAll("_", " ")))));

function renderHits(query) {
  let hits;
  try {
    hits = plan.search(query, { language: state.lang === "both" ? undefined : state.lang });
  } catch (error) {
    $("#task-count").textContent = error.message;
    $("#hits").replaceChildren();
    return;
  }
  $("#task-count").textContent = `${hits.length} ${label("处匹配", hits.length === 1 ? "match" : "matches")}`;
  $("#hits").replaceChildren(...hits.map((hit) => {
    const open = hit.task !== null ? () => showTask(hit.task) : hit.kind === "unit" ? () => showUnit(hit.id) : undefined;
    return element("div", { class: "hit", "data-id": hit.id, ...(open ? { tabindex: "0", onclick: open } : {}) },
      element("span", { class: "place" }, place(hit.citation) || hit.kind),
      element("code", {}, hit.id),
      element("p", {}, hit.snippet));
  }));
}

function showTask(id) {
  state.selected = { task: id };
  const task = tasks.get(id);
  const measures = (task.measures ?? []).map((m) => element("li", {},
    element("span", { class: "chip" }, m.instrument.replaceAll("_", " ")),
    m.amount ? element("strong", {}, `${m.amount.value.toLocaleString("en")} ${m.amount.currency}${m.one_time ? label(" 一次性", " one-time") : ""} `) : null,
    m.beneficiary.group ? element("span", { class: "who" }, `→ ${m.beneficiary.group} `) : null,
    text(m.text, "p")));
  const targets = (task.targets ?? []).map((t) => element("li", {}, text(t.text)));
  fill($("#detail"),
    element("p", { class: "citation", id: "detail-citation" }, task.citation ? pick(task.citation) : ""),
    task.title ? text(task.title, "h3") : element("h3", {}, `${label("任务", "Task")} ${task.number}`),
    text(task.text, "p"),
    element("h4", {}, label("责任单位", "Responsible units")),
    element("ul", { class: "units" }, ...task.responsible_units.map((id) => element("li", {}, element("button", { type: "button", class: "link", onclick: () => showUnit(id) }, unitName(id))))),
    measures.length ? element("h4", {}, label("支持措施", "Support measures")) : null,
    measures.length ? element("ul", { class: "measures" }, ...measures) : null,
    targets.length ? element("h4", {}, label("目标", "Targets")) : null,
    targets.length ? element("ul", {}, ...targets) : null,
    (task.entities ?? []).length ? element("h4", {}, label("提及", "Mentions")) : null,
    (task.entities ?? []).length ? element("ul", { class: "chips" }, ...task.entities.map((id) => element("li", { class: "chip" }, text(plan.entity(id).name)))) : null);
}

function showUnit(id) {
  state.selected = { unit: id };
  const unit = plan.unit(id);
  const mechanisms = unit.mechanisms.map((number) => plan.mechanism(number));
  fill($("#detail"),
    element("p", { class: "citation" }, unit.id),
    text(unit.name, "h3"),
    element("h4", {}, label("任务", "Tasks"), ` (${runs(unit.tasks.map((id) => tasks.get(id).number))})`),
    element("ul", { class: "unit-tasks" }, ...unit.tasks.map((id) => taskRow(tasks.get(id)))),
    element("h4", {}, label("机制保障", "Safeguard mechanisms")),
    mechanisms.length ? element("ul", {}, ...mechanisms.map((m) => element("li", {}, `${place(m.citation)} `, text(m.title), unit.lead_mechanisms.includes(m.number) ? label("（牵头）", " (lead)") : ""))) : element("p", {}, "—"));
}

/** The page's labels for the kinds of event a profile can give (a kind it has no label for
 * shows its name). */
const EVENTS = {
  listing: ["上市", "listing"],
  quotation: ["挂牌", "quotation"],
  pre_listing_pool: ["纳入拟上市企业储备库", "taken into the pre-listing pool"],
  approval: ["“一事一议”获批", "case-by-case approval"],
};
const STATUS = { applies: ["适用", "applies"], may_apply: ["可能适用", "may apply"], does_not_apply: ["不适用", "does not apply"] };
const TEST = { group: ["对象", "who"], trigger: ["事由", "event"], conditions: ["条件", "conditions"] };

/** The core's English reason, its `ids` set as code. */
const reasonOf = (step) => element("span", { lang: "en" },
  ...step.reason.split("`").map((part, i) => (i % 2 ? element("code", {}, part) : part)));

/** Why a measure does not or may not apply: each step of its trace that did not pass. Chinese
 * shows the printed words the step tests (else the core's English reason), English the
 * reason, both the two; the reason is also the hover title. A conditions step that prints no
 * words of its own shows the facts not given, which `missing` lists when no step failed. */
function why(entitlement) {
  const notGiven = summary.facts.filter((fact) => entitlement.missing.includes(fact.id)).map((fact) => fact.name.zh);
  return entitlement.trace.filter((step) => step.outcome !== "pass").map((step) => {
    const printed = step.quote ?? (step.test === "conditions" && notGiven.length ? notGiven.join("、") : null);
    const words = printed && element("span", { lang: "zh" }, printed);
    const shown = { zh: [words ?? reasonOf(step)], en: [reasonOf(step)], both: [words, words && " — ", reasonOf(step)] }[state.lang];
    const mark = step.outcome === "fail" ? "✗" : "?";
    return element("div", { title: step.reason, "data-test": step.test, "data-outcome": step.outcome },
      `${mark} ${label(...(TEST[step.test] ?? [step.test, step.test]))}${state.lang === "zh" ? "：" : ": "}`, ...shown);
  });
}
const year = (attributes) => element("input", { type: "number", min: "1990", max: "2100", step: "1", inputmode: "numeric", ...attributes });

/** The form's fields: a checkbox and a year per tier, a year per event, a choice per fact. */
function renderProfileForm() {
  const form = new FormData($("#profile"));
  const legend = (id) => $(`${id} legend`);
  const check = (name) => element("input", { type: "checkbox", name, ...(form.has(name) ? { checked: "" } : {}) });
  // Groups of enterprises the plan names besides its tiers (上市企业, …), held or not.
  const groups = summary.groups.filter((group) => group.kind === "enterprises");
  fill($("#profile-tiers"), legend("#profile-tiers"), ...summary.tiers.map((tier) => element("label", { class: "field" },
    check(`tier:${tier.id}`),
    text(tier.name), year({ name: `recognised:${tier.id}`, "aria-label": `${tier.id} year`, value: form.get(`recognised:${tier.id}`) ?? "" }))),
    ...groups.map((group) => element("label", { class: "field" }, check(`group:${group.id}`), text(group.name), element("span"))));
  // The events the plan's measures wait for.
  fill($("#profile-events"), legend("#profile-events"), ...summary.events.map((kind) => element("label", { class: "field" },
    element("span", {}, label(...(EVENTS[kind] ?? [kind, kind]))), year({ name: `event:${kind}`, value: form.get(`event:${kind}`) ?? "" }))));
  fill($("#profile-facts"), legend("#profile-facts"), ...summary.facts.map((fact) => {
    const name = `fact:${fact.id}`;
    const value = form.get(name) ?? "";
    const input = fact.kind === "number"
      ? element("input", { type: "number", name, step: "any", value })
      : element("select", { name }, ...[["", "?", "?"], ["yes", "是", "yes"], ["no", "否", "no"]].map(([v, zh, en]) =>
          element("option", { value: v, ...(v === value ? { selected: "" } : {}) }, label(zh, en))));
    return element("label", { class: "field" }, text(fact.name), input);
  }));
  // A plan that asks nothing of a kind shows no field for it.
  for (const fieldset of document.querySelectorAll("#profile fieldset")) fieldset.hidden = !fieldset.querySelector("input, select");
}

/** The profile the form describes: its lists are complete, a fact left at “?” is unknown. */
function profileOfForm() {
  const form = new FormData($("#profile"));
  const profile = { tiers: [], groups: [], recognitions: [], events: [], facts: {} };
  for (const [name, value] of form) {
    const [key, id] = name.split(":");
    if (key === "tier") profile.tiers.push(id);
    else if (key === "group") profile.groups.push(id);
    else if (value === "") continue;
    else if (key === "recognised") profile.recognitions.push({ tier: id, year: Number(value) });
    else if (key === "event") profile.events.push({ kind: id, year: Number(value) });
    else if (key === "fact") profile.facts[id] = value === "yes" ? true : value === "no" ? false : Number(value);
  }
  return profile;
}

function renderEntitlements() {
  let entitlements, totals;
  try {
    const profile = profileOfForm();
    entitlements = plan.entitlements(profile);
    totals = plan.entitlementTotal(profile);
  } catch (error) {
    $("#entitlement-total").textContent = error.message;
    return;
  }
  const money = (amount) => `${amount.value.toLocaleString("en")} ${amount.currency}`;
  $("#entitlement-total").textContent = totals.length
    ? `${label("适用的金额合计", "Total of the amounts that apply")}: ${totals.map(money).join(" + ")}`
    : label("没有适用的明确金额。", "No stated amount applies.");
  $("#entitlements tbody").replaceChildren(...entitlements.map((e) => element("tr", { "data-measure": e.measure, "data-status": e.status },
    element("td", { class: "place" }, place(e.citation)),
    element("td", {}, text(e.text)),
    element("td", {}, element("span", { class: `status ${e.status}` }, label(...STATUS[e.status]))),
    element("td", {}, e.amount ? `${money(e.amount)}${e.one_time ? label(" 一次性", " once") : ""}` : "—"),
    element("td", { class: "why" }, ...why(e)))));
}

/** What a goal or target asks (its kind), in words. */
const KIND = {
  reach: ["达到", "reach"], increase: ["新增", "increase"], cultivate: ["重点培育", "cultivate"], select: ["遴选", "select"],
  establish: ["建立", "establish"], reduce: ["降低", "reduce"], full_coverage: ["全覆盖", "full coverage"],
};
/** Why a status of one value says nothing of the pace. */
const NO_BASELINE = ["只有一个数值，计划也未给出基期值：补充更早的数值即可判断进度", "one value, and no baseline in the plan: an earlier value would show the pace"];
const PROGRESS = {
  met: ["已完成", "met"], missed: ["未完成", "missed"], on_track: ["进度正常", "on track"],
  behind: ["进度滞后", "behind"], no_baseline: ["无基线", "no baseline"], no_data: ["无数据", "no data"],
};

/** Each goal and target as a bar of its latest value against its target, with its status. */
function renderProgress() {
  const asOf = $("#as-of").value || undefined;
  const standing = plan.status({ asOf });
  const words = { not_yet_in_force: ["尚未施行", "not yet in force"], in_force: ["施行中", "in force"], ended: ["已到期", "ended"], unknown: ["未知", "unknown"] };
  $("#plan-standing").textContent = `${standing.as_of}: ${label(...words[standing.standing])}`;
  let progress;
  try {
    progress = plan.progress($("#observations").value.trim() === "" ? [] : $("#observations").value, { asOf });
    $("#observations-error").hidden = true;
  } catch (error) {
    $("#observations-error").hidden = false;
    $("#observations-error").textContent = [error.message, ...(error.issues ?? []).slice(1).map((issue) => issue.message)].join("\n");
    return;
  }
  $("#progress-bars").replaceChildren(...progress.map((p) => {
    const goal = p.goal;
    // A bar's length: how much of the way to the goal, as the core says; empty without one.
    const share = p.share ?? 0;
    const unit = p.unit ?? "";
    const latest = p.latest ? `${p.latest.value}${unit} (${p.latest.year}${label("，来源：", "; source: ")}${p.latest.source})` : "—";
    return element("li", { "data-target": p.target, "data-status": p.status },
      element("span", { class: "place" }, place(p.citation) || p.target),
      element("span", { class: "what" }, `${label(...(KIND[p.kind] ?? [p.kind, p.kind]))}${state.lang === "zh" ? "：" : ": "}`, text(p.indicator),
        ` → ${p.value === null ? `${goal}%` : `${p.value}${unit}`}${p.deadline ? ` (${p.deadline})` : ""}`),
      element("span", { class: `status ${p.status}`, title: p.status === "no_baseline" ? label(...NO_BASELINE) : "" }, label(...PROGRESS[p.status])),
      element("span", { class: "bar", role: "img", "aria-label": `${Math.round(share * 100)}%` }, element("span", { style: `width: ${(share * 100).toFixed(1)}%` })),
      element("span", { class: "latest" }, latest));
  }));
}

function render() {
  renderHeader();
  renderGoals();
  renderFilters();
  renderTasks();
  renderProfileForm();
  renderEntitlements();
  renderProgress();
  if (state.selected?.task) showTask(state.selected.task);
  else if (state.selected?.unit) showUnit(state.selected.unit);
}

for (const button of document.querySelectorAll(".lang button")) {
  button.addEventListener("click", () => {
    state.lang = button.dataset.lang;
    render();
  });
}
for (const id of ["#section", "#unit", "#instrument"]) $(id).addEventListener("change", renderTasks);
$("#search").addEventListener("input", renderTasks);
$("#filters").addEventListener("submit", (event) => event.preventDefault());
$("#profile").addEventListener("input", renderEntitlements);
$("#observations").addEventListener("input", renderProgress);
$("#as-of").addEventListener("change", renderProgress);
$("#observations-file").addEventListener("change", async (event) => {
  const [file] = event.target.files;
  if (file) $("#observations").value = await file.text();
  renderProgress();
});
$("#print-progress").addEventListener("click", () => window.print());
$("#plan").addEventListener("change", () => {
  show(embedded($("#plan").value));
  history.replaceState(null, "", `?plan=${encodeURIComponent(plan.id)}`);
  // What was picked, typed or pasted was about the plan before.
  state.selected = null;
  for (const id of ["#search", "#section", "#unit", "#instrument", "#observations"]) $(id).value = "";
  $("#profile").reset();
  fill($("#detail"), element("p", { class: "hint", "data-zh": "选择一项任务或一个单位查看详情。", "data-en": "Pick a task or a unit to see its details." }));
  render();
});
$("#profile").addEventListener("submit", (event) => event.preventDefault());
render();
document.body.dataset.ready = "true";
