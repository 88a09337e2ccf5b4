// The plan explorer: every fact on the page is an answer of the srdi-plan package, shown as
// it comes; the page only lays it out and picks the language.
import init, { wulong } from "srdi-plan";

await init();
const plan = wulong();
const state = { lang: "zh", selected: null };

const $ = (selector) => document.querySelector(selector);
const element = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, value);
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
const summary = plan.summary();
const units = new Map(plan.units().map((unit) => [unit.id, unit]));
const unitName = (id) => text(units.get(id)?.name ?? { zh: id, en: id });
const runs = (numbers) => (numbers.length === 0 ? "—" : numbers.join(", "));

function renderHeader() {
  const { document: doc, issuer, counts, period } = summary;
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

function renderGoals() {
  $("#goals").replaceChildren(...summary.goals.map((goal) =>
    element("li", {}, element("strong", {}, pick(goal.quantity)), text(goal.indicator))));
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
  const tasks = plan.tasks(filter);
  $("#task-count").textContent = `${tasks.length} ${label("项任务", tasks.length === 1 ? "task" : "tasks")}`;
  $("#tasks").replaceChildren(...tasks.map((task) =>
    element("li", { class: "task-row", "data-number": String(task.number), tabindex: "0", onclick: () => showTask(task.number) },
      element("span", { class: "place" }, place(task.citation)),
      text(task.title ?? task.text, "p"),
      element("span", { class: "chips" }, ...task.instruments.map((i) => element("span", { class: "chip" }, i.replaceAll("_", " ")))))));
}

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

function showTask(number) {
  state.selected = { task: number };
  const task = plan.task(number);
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
    element("p", {}, label("任务", "Tasks"), ": ", runs(unit.tasks)),
    element("ul", { class: "units" }, ...unit.tasks.map((n) => element("li", {}, element("button", { type: "button", class: "link", onclick: () => showTask(n) }, `${n}`)))),
    element("h4", {}, label("机制保障", "Safeguard mechanisms")),
    mechanisms.length ? element("ul", {}, ...mechanisms.map((m) => element("li", {}, `${place(m.citation)} `, text(m.title), unit.lead_mechanisms.includes(m.number) ? label("（牵头）", " (lead)") : ""))) : element("p", {}, "—"));
}

function render() {
  renderHeader();
  renderGoals();
  renderFilters();
  renderTasks();
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
render();
document.body.dataset.ready = "true";
