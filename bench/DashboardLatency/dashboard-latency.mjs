// Live dashboard latency: how long from a change made elsewhere to the supervisor's dashboard showing it.
// Usage: node dashboard-latency.mjs http://127.0.0.1:5102 [runs=20]
// A supervisor (demo Rita) keeps /dashboard open; a visitor in another browser context starts a chat on the demo shop
// (a new ticket). t0 is taken in the visitor's page just before the click that sends the chat; t1 by a MutationObserver
// on the dashboard's "Created today" figure. Both pages run in one browser on one machine, so Date.now() is one clock.
// t1 - t0 includes the hub call, the ticket's commit, the bus, the one recomputation, the circuit's render and the
// WebSocket push: an upper bound of "event -> dashboard shows it".
import { createRequire } from "module";
import { fileURLToPath } from "url";
// The Playwright driver the test project's build brings (build the tests first), unless PLAYWRIGHT_PACKAGE names another.
const pkg = process.env.PLAYWRIGHT_PACKAGE
  || fileURLToPath(new URL("../../AgentWorkspace.Tests/bin/Debug/net10.0/.playwright/package/", import.meta.url));
const require = createRequire(pkg);
const { chromium } = require(pkg + "index.js");
const base = process.argv[2] || "http://127.0.0.1:5102";
const runs = Number(process.argv[3] || 20);

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const supervisor = await browser.newContext({ baseURL: base });
const page = await supervisor.newPage();
await page.goto("/account/login");
await page.fill("#email", "rita@nimbus.test");
await page.fill("#password", "Demo!Pass2026");
await page.click("button[type=submit]");
await page.waitForURL((u) => !u.pathname.startsWith("/account"));
await page.goto("/dashboard");
await page.waitForSelector("html[data-circuit='up']");
await page.waitForSelector("[data-testid=dash-created]");
await page.evaluate(() => {
  window.__changes = [];
  const target = document.querySelector("[data-testid=dashboard]");
  new MutationObserver(() => {
    const text = document.querySelector("[data-testid=dash-created]")?.textContent.trim();
    if (text !== window.__last) { window.__last = text; window.__changes.push({ text, at: Date.now() }); }
  }).observe(target, { subtree: true, childList: true, characterData: true });
  window.__last = document.querySelector("[data-testid=dash-created]").textContent.trim();
});

const figure = () => page.evaluate(() => Number(window.__last.replace(/[^0-9]/g, "")));
const latencies = [];
for (let i = 0; i < runs; i++) {
  const visitor = await browser.newContext({ baseURL: base });
  const shop = await visitor.newPage();
  await shop.goto("/demo/shop.html");
  const root = shop.locator("#agentworkspace-widget");
  await root.locator("button.launcher").click();
  await shop.waitForFunction(() => document.querySelector("#agentworkspace-widget")?.dataset.state === "connected");
  await root.locator("#aw-name").fill(`Latency ${i}`);
  await root.locator("#aw-question").fill(`Dashboard latency run ${i}`);
  const before = await figure();
  await page.evaluate(() => { window.__changes = []; });
  const t0 = await shop.evaluate(() => Date.now());
  await root.locator("form.start button[type=submit]").click();
  await page.waitForFunction((n) => Number(window.__last.replace(/[^0-9]/g, "")) > n, before, { timeout: 10000 });
  const t1 = await page.evaluate(() => window.__changes.find((c) => c.text !== undefined)?.at ?? Date.now());
  latencies.push(t1 - t0);
  await visitor.close();
}
await browser.close();
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
console.log(JSON.stringify({ runs, minMs: latencies[0], medianMs: pct(50), p90Ms: pct(90), maxMs: latencies.at(-1), meanMs: Math.round(mean) }));
