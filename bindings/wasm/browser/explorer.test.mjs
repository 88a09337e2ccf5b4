// The explorer page in a real browser: Debian's Chromium driven by playwright-core, the page
// served from this folder on localhost. Saves a screenshot to a temporary folder.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json" };
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let server, context, page, url;
const errors = [];

before(async () => {
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://localhost").pathname));
    const file = join(ROOT, path.endsWith("/") ? join(path, "index.html") : path);
    try {
      if (!file.startsWith(ROOT)) throw new Error("outside");
      const body = readFileSync(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${server.address().port}/www/`;
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "srdi-chromium-")), {
    executablePath: process.env.SRDI_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 20_000 });
});

after(async () => {
  await context?.close();
  server?.close();
});

test("the overview shows the document number and the goals", async () => {
  assert.equal(await page.textContent("#doc-number"), "武隆府办发〔2022〕48号");
  assert.match(await page.textContent("#doc-title"), /专项行动计划/);
  assert.equal(await page.locator("#goals li").count(), 4);
  // A goal in the plan's own words: one enterprise cultivated towards listing, no listed company.
  assert.equal(await page.locator("#goals li").nth(3).textContent(), "1家重点培育上市企业1家");
  assert.equal(await page.locator(".task-row").count(), 32);
});

test("filtering by 区财政局 lists 14 tasks", async () => {
  await page.selectOption("#unit", "finance-bureau");
  assert.equal(await page.locator(".task-row").count(), 14);
  assert.match(await page.textContent("#task-count"), /^14 /);
  await page.click('.task-row[data-number="28"]');
  assert.equal(await page.textContent("#detail-citation"), "武隆府办发〔2022〕48号 二（五）28");
  assert.match(await page.textContent("#detail"), /1,000,000 CNY/);
  // The unit's page lists its tasks as rows (answers name them by id), and each opens.
  await page.click('#detail .units button:has-text("区财政局")');
  assert.equal(await page.locator("#detail .unit-tasks .task-row").count(), 14);
  assert.match(await page.textContent('#detail .task-row[data-number="11"]'), /二（三）11/);
  // A row opens from the keyboard too.
  await page.focus('#detail .task-row[data-number="11"]');
  await page.keyboard.press("Enter");
  assert.equal(await page.textContent("#detail-citation"), "武隆府办发〔2022〕48号 二（三）11");
  await page.selectOption("#unit", "");
});

test("searching 首台 finds task 25", async () => {
  await page.fill("#search", "首台");
  await page.waitForSelector('.hit[data-id="task-25"]');
  await page.click('.hit[data-id="task-25"]');
  assert.match(await page.textContent("#detail"), /首台（套）装备/);
  await page.fill("#search", "");
});

test("switching to English shows the translation", async () => {
  await page.click("#lang-en");
  assert.match(await page.textContent("#doc-title"), /^Wulong District Special Action Plan/);
  assert.match(await page.textContent("#detail"), /first \(sets of\) equipment/);
  assert.match(await page.textContent("#goals"), /innovative SMEs/);
  await page.click("#lang-both");
  assert.match(await page.textContent("#doc-title"), /专项行动计划.*Wulong District/s);
  const shot = join(mkdtempSync(join(tmpdir(), "srdi-explorer-")), "explorer.png");
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);
});

test("my enterprise: an SRDI SME recognised in 2023 gets 200,000 CNY under task 28", async () => {
  await page.click("#lang-zh");
  // Nothing given: the lists are complete and empty, so no reward applies.
  assert.equal(await page.getAttribute('tr[data-measure="task-28-m2"]', "data-status"), "does_not_apply");
  // Why: each step of the core's trace that did not pass, with the printed words it tests.
  const why = await page.$$eval('tr[data-measure="task-28-m2"] .why div', (steps) =>
    steps.map((step) => [step.dataset.test, step.dataset.outcome, step.textContent]));
  assert.deepEqual(why, [["group", "fail", "✗ 对象：“专精特新”中小企业"], ["trigger", "fail", "✗ 事由：新获得认定的"]]);
  await page.check('input[name="tier:srdi-sme"]');
  await page.fill('input[name="recognised:srdi-sme"]', "2023");
  await page.waitForSelector('tr[data-measure="task-28-m2"][data-status="applies"]');
  assert.match(await page.textContent('tr[data-measure="task-28-m2"]'), /200,000 CNY/);
  assert.match(await page.textContent('tr[data-measure="task-28-m2"]'), /二（五）28/);
  assert.match(await page.textContent("#entitlement-total"), /200,000 CNY/);
  // A defined term: “专精特新”企业 includes the tier, so the loan products of task 14 apply.
  assert.equal(await page.getAttribute('tr[data-measure="task-14-m1"]', "data-status"), "applies");
  // A fact left at “?” leaves its measure open; answering it decides.
  assert.equal(await page.getAttribute('tr[data-measure="task-14-m2"]', "data-status"), "may_apply");
  // An open condition with no printed words of its own shows the names of the facts not given.
  assert.equal(await page.textContent('tr[data-measure="task-15-m1"] .why'), "? 条件：延期还本付息和转贷应急政策、无还本续贷产品");
  // In English, the core's reason; in both languages, the words and the reason.
  await page.click("#lang-en");
  assert.match(await page.textContent('tr[data-measure="task-15-m1"] .why'), /^\? conditions: deferral-and-bridge-loan-policies \(延期还本付息和转贷应急政策\) not given/);
  await page.click("#lang-both");
  assert.match(await page.locator('.why [data-test="group"]').first().textContent(), /^✗ 对象 · who: \S+ — the enterprise holds none of/);
  await page.click("#lang-zh");
  await page.selectOption('select[name="fact:rd-deduction-filing-threshold"]', "no");
  await page.waitForSelector('tr[data-measure="task-14-m2"][data-status="does_not_apply"]');
  // A recognition outside the plan's period earns nothing.
  await page.fill('input[name="recognised:srdi-sme"]', "2021");
  await page.waitForSelector('tr[data-measure="task-28-m2"][data-status="does_not_apply"]');
  assert.match(await page.textContent("#entitlement-total"), /没有适用的明确金额/);
  // The events the plan's measures wait for, as its summary lists them: a listing in the
  // plan's period brings task 31's support.
  const events = await page.$$eval("#profile-events input", (inputs) => inputs.map((input) => input.name));
  assert.deepEqual(events, ["event:pre_listing_pool", "event:listing", "event:quotation", "event:approval"]);
  assert.equal(await page.getAttribute('tr[data-measure="task-31-m1"]', "data-status"), "does_not_apply");
  await page.fill('input[name="event:listing"]', "2024");
  await page.waitForSelector('tr[data-measure="task-31-m1"][data-status="applies"]');
});

test("progress: pasted figures become bars with their status (synthetic figures)", async () => {
  await page.fill("#as-of", "2025-12-31");
  await page.fill("#observations", "target,year,value,source\ngoal-2,2023,6,synthetic test figure\ngoal-2,2025,14,synthetic test figure\n");
  await page.waitForSelector('#progress-bars li[data-target="goal-2"][data-status="behind"]');
  assert.match(await page.textContent('#progress-bars li[data-target="goal-2"]'), /14家 \(2025/);
  assert.match(await page.textContent('#progress-bars li[data-target="goal-2"]'), /synthetic test figure/);
  assert.equal(await page.getAttribute('#progress-bars li[data-target="goal-3"]', "data-status"), "no_data");
  assert.match(await page.textContent('#progress-bars li[data-target="goal-4"] .what'), /^重点培育：上市企业 → 1家/);
  assert.match(await page.textContent("#plan-standing"), /^2025-12-31: 施行中/);
  await page.fill("#as-of", "2026-01-01");
  await page.waitForSelector('#progress-bars li[data-target="goal-2"][data-status="missed"]');
  assert.match(await page.textContent("#plan-standing"), /已到期/);
  // A mistake is named, and the page keeps working.
  await page.fill("#observations", "target,year,value,source\ngoal-9,2023,6,synthetic\n");
  await page.waitForSelector("#observations-error:not([hidden])");
  assert.match(await page.textContent("#observations-error"), /goal-9.*did you mean `goal-1`/);
  // Printed, the page keeps the bars and leaves out the forms.
  await page.fill("#observations", "target,year,value,source\ngoal-2,2024,16,synthetic test figure\n");
  await page.waitForSelector('#progress-bars li[data-target="goal-2"][data-status="met"]');
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("#observations-form"), false);
  assert.equal(await page.isVisible("#profile"), false);
  assert.equal(await page.isVisible('#progress-bars li[data-target="goal-2"]'), true);
  await page.emulateMedia({ media: "screen" });
});

test("another shipped plan: the parent plan, partial and of another shape", async () => {
  await page.selectOption("#plan", "chongqing-2022-23");
  await page.waitForFunction(() => document.querySelector("#doc-number").textContent === "渝府办发〔2022〕23号");
  assert.match(page.url(), /\?plan=chongqing-2022-23$/);
  // Its own goals and the two tasks that survive; no measure, so no event to ask about.
  assert.equal(await page.locator("#goals li").count(), 4);
  assert.equal(await page.locator(".task-row").count(), 2);
  assert.equal(await page.locator("#profile-events input").count(), 0);
  assert.equal(await page.isVisible("#profile-events"), false);
  assert.equal(await page.locator("#entitlements tbody tr").count(), 0);
  assert.equal(await page.locator("#progress-bars li").count(), 5);
  // The address names it: a reload shows it again.
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.textContent("#doc-number"), "渝府办发〔2022〕23号");
});

test("the page logged no errors", () => {
  assert.deepEqual(errors, []);
});
