// End-to-end scenarios against a running Modelplane: `BASE_URL=http://127.0.0.1:8000 node e2e/run.mjs`.
// Prints one line per scenario and a closing "N passed, N failed"; exits 1 when any failed.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { launchBrowser, seriousViolations } from "./browser.mjs";
import { GOVERNANCE_SCENARIOS } from "./governance.mjs";
import { SCENARIOS } from "./scenarios.mjs";

// E2E_SUITE=governance runs the journeys that need a server with API tokens (see governance.mjs).
const SUITES = { main: SCENARIOS, governance: GOVERNANCE_SCENARIOS };
const suite = SUITES[process.env.E2E_SUITE ?? "main"];
if (!suite) throw new Error(`unknown E2E_SUITE ${process.env.E2E_SUITE}; use ${Object.keys(SUITES).join(" or ")}`);

const base = process.env.BASE_URL ?? "http://127.0.0.1:8000";
const shots = process.env.SCREENSHOTS_DIR ?? join(import.meta.dirname, "..", "..", "tests", "web", "screenshots");
const only = process.env.E2E_ONLY;
mkdirSync(shots, { recursive: true });

const browser = await launchBrowser();
const CONTEXT_OPTIONS = { viewport: { width: 1280, height: 900 }, locale: "en-US", timezoneId: "UTC" };
const results = [];
const accessibility = {};
let pageErrors = [];

async function newContext() {
  const fresh = await browser.newContext(CONTEXT_OPTIONS);
  fresh.setDefaultTimeout(15000);
  fresh.on("page", (page) => page.on("pageerror", (error) => pageErrors.push(String(error))));
  return fresh;
}

const context = await newContext();

const tools = {
  base,
  /** Another browser context (another person), its page errors counted like the scenario's own. */
  newContext,
  async visit(page, path) {
    await page.goto(new URL(path, base).toString());
    await page.waitForLoadState("networkidle");
  },
  /** Screenshot and axe check of the page as it stands, under a name. */
  async capture(page, name, { axe = true } = {}) {
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    if (!axe) return;
    const violations = await seriousViolations(page);
    accessibility[name] = violations;
    if (violations.length > 0) {
      throw new Error(`axe-core: serious/critical violations on ${name}: ${JSON.stringify(violations)}`);
    }
  },
};

for (const scenario of suite) {
  if (only && !scenario.name.includes(only)) continue;
  pageErrors = [];
  const page = await context.newPage();
  const started = Date.now();
  try {
    await scenario.run(page, tools);
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join("; ")}`);
    results.push({ name: scenario.name, ok: true, ms: Date.now() - started });
    console.log(`PASS ${scenario.name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name: scenario.name, ok: false, error: String(error?.stack ?? error) });
    console.log(`FAIL ${scenario.name}: ${error?.stack ?? error}`);
    await page.screenshot({ path: join(shots, `failed-${scenario.name}.png`), fullPage: true }).catch(() => {});
  } finally {
    await page.close();
  }
}
await browser.close();

const failed = results.filter((r) => !r.ok).length;
const report = process.env.E2E_REPORT;
if (report) writeFileSync(report, JSON.stringify({ results, accessibility }, null, 2));
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
