// End-to-end scenarios against a running Modelplane: `BASE_URL=http://127.0.0.1:8000 node e2e/run.mjs`.
// Prints one line per scenario and a closing "N passed, N failed"; exits 1 when any failed.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { launchBrowser, seriousViolations } from "./browser.mjs";
import { SCENARIOS } from "./scenarios.mjs";

const base = process.env.BASE_URL ?? "http://127.0.0.1:8000";
const shots = process.env.SCREENSHOTS_DIR ?? join(import.meta.dirname, "..", "..", "tests", "web", "screenshots");
const only = process.env.E2E_ONLY;
mkdirSync(shots, { recursive: true });

const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", timezoneId: "UTC" });
context.setDefaultTimeout(15000);
const results = [];
const accessibility = {};

const tools = {
  base,
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

for (const scenario of SCENARIOS) {
  if (only && !scenario.name.includes(only)) continue;
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  const started = Date.now();
  try {
    await scenario.run(page, tools);
    if (consoleErrors.length > 0) throw new Error(`page errors: ${consoleErrors.join("; ")}`);
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
