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
  assert.equal(await page.locator(".task-row").count(), 32);
});

test("filtering by 区财政局 lists 14 tasks", async () => {
  await page.selectOption("#unit", "finance-bureau");
  assert.equal(await page.locator(".task-row").count(), 14);
  assert.match(await page.textContent("#task-count"), /^14 /);
  await page.click('.task-row[data-number="28"]');
  assert.equal(await page.textContent("#detail-citation"), "武隆府办发〔2022〕48号 二（五）28");
  assert.match(await page.textContent("#detail"), /1,000,000 CNY/);
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
  await page.selectOption('select[name="fact:rd-deduction-filing-threshold"]', "no");
  await page.waitForSelector('tr[data-measure="task-14-m2"][data-status="does_not_apply"]');
  // A recognition outside the plan's period earns nothing.
  await page.fill('input[name="recognised:srdi-sme"]', "2021");
  await page.waitForSelector('tr[data-measure="task-28-m2"][data-status="does_not_apply"]');
  assert.match(await page.textContent("#entitlement-total"), /没有适用的明确金额/);
});

test("the page logged no errors", () => {
  assert.deepEqual(errors, []);
});
