/**
 * The editors' interface in a real browser: Debian's Chromium driven by playwright-core, against the Worker
 * under `wrangler dev` (ephemeral ports, its own D1 in a temp dir) with the demo feeds ingested, exactly as
 * `npm start` serves them. Run by `npm test` (node's test runner). Without a browser the suite is skipped,
 * except under CI=true, where that is a failure. Screenshots of every page go to $TMPDIR/wirewatch-ui.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { FEEDS_DIR, freePort, ingestDue, isDemoFeed, migrate, registerFeeds, serveFeeds, startDev, stopDev } from "../../scripts/local-stack.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const SHOTS = join(process.env.TMPDIR ?? tmpdir(), "wirewatch-ui");
/** A fixture that is not a demo feed: the one an editor adds through the form. */
const EXTRA_FEED = "rss2.xml";
const SEED_TITLE = "Blinken hopes for progress on Haiti in talks with Caribbean leaders";

const found = existsSync(CHROMIUM);
if (!found && process.env.CI === "true") {
  // Never a silent pass in CI: .ci/run installs Chromium, so a missing one is a broken machine.
  throw new Error(`browser tests: no Chromium at ${CHROMIUM} under CI=true (apt-get install -y chromium)`);
}

describe("the editors' interface in Chromium", { skip: found ? false : `no Chromium at ${CHROMIUM}` }, () => {
  const token = `browser-${randomBytes(8).toString("hex")}`;
  const state = mkdtempSync(join(tmpdir(), "wirewatch-browser-"));
  let dev;
  let feeds;
  let base;
  let browser;
  let axeSource;

  before(async () => {
    const { chromium } = await import("playwright-core");
    axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    mkdirSync(SHOTS, { recursive: true });
    migrate({ persistTo: state, stdio: "ignore" });
    const demo = readdirSync(FEEDS_DIR).filter(isDemoFeed).sort();
    feeds = await serveFeeds([...demo, EXTRA_FEED]);
    const started = await startDev({ port: await freePort(), inspectorPort: await freePort(), token, persistTo: state, stdio: "ignore" });
    dev = started.child;
    base = started.api;
    await registerFeeds(base, token, demo.map((f) => `${feeds.url}/${f}`));
    await ingestDue(base);
    // Playwright gives each launch a fresh --user-data-dir of its own.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });

  after(async () => {
    await browser?.close();
    if (dev) stopDev(dev);
    feeds?.server.close();
    rmSync(state, { recursive: true, force: true });
  });

  async function newPage(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, ...options });
    const page = await context.newPage();
    const cspErrors = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    page.on("pageerror", (e) => cspErrors.push(String(e)));
    return { context, page, cspErrors };
  }

  async function api(path) {
    const res = await fetch(`${base}${path}`);
    assert.equal(res.status, 200, `${path}: ${res.status}`);
    return res.json();
  }

  /** axe-core in the page: no serious or critical violation. Its source is evaluated, never injected as a script tag. */
  async function assertAccessible(page, name) {
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => (await globalThis.axe.run(document, { resultTypes: ["violations"] })).violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) })));
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(bad, [], `${name}: axe found ${JSON.stringify(bad, null, 1)}`);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
  }

  async function logIn(page) {
    await page.goto(`${base}/login`);
    await page.getByLabel("Admin token").fill(token);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${base}/feeds`);
  }

  it("filters by a flag and shows only matching rows, without reloading the page", async () => {
    const { context, page, cspErrors } = await newPage();
    await page.goto(`${base}/`);
    await page.waitForFunction(() => document.documentElement.dataset.instant === "on");
    await page.evaluate(() => (globalThis.__stillHere = true));
    const all = await page.locator("ol.stories > li").count();
    await page.getByRole("group", { name: "Has flag" }).getByLabel("Unedited").check();
    await page.waitForURL(/[?&]flag=unedited/);
    await page.waitForFunction(() => !document.getElementById("results").hasAttribute("aria-busy"));
    const rows = page.locator("ol.stories > li");
    const expected = (await api("/v1/stories?flag=unedited&fields=title")).stories.map((s) => s.title);
    assert.ok(expected.length > 0 && expected.length < all, `unedited stories: ${expected.length} of ${all}`);
    assert.deepEqual(await rows.locator("h2").allInnerTexts(), expected);
    for (const badges of await rows.locator(".badges").allInnerTexts()) assert.match(badges, /Unedited/);
    assert.equal(await page.evaluate(() => globalThis.__stillHere), true, "the filter applied without a page load");
    assert.deepEqual(cspErrors, []);
    await context.close();
  });

  it("opens the seed story: the disclaimer shown as evidence, Antony Blinken marked in the body", async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/`);
    await page.getByRole("link", { name: SEED_TITLE }).click();
    await page.waitForURL(/\/stories\/\d+$/);
    const id = page.url().split("/").at(-1);
    const story = await api(`/v1/stories/${id}`);
    const disclaimer = story.flags.evidence.find((e) => e.flag === "unedited");
    assert.ok(disclaimer, "the seed story carries the unedited disclaimer as evidence");
    const removed = page.locator("blockquote.evidence-removed mark.evidence", { hasText: disclaimer.text });
    assert.equal(await removed.count(), 1);
    assert.ok(await removed.isVisible());
    const marked = page.locator("section.body a.entity", { hasText: "Antony Blinken" });
    assert.ok((await marked.count()) >= 1, "Antony Blinken is marked in the body");
    assert.equal(await marked.first().getAttribute("href"), "/entities/person/Antony%20Blinken");
    await assertAccessible(page, "story");
    await context.close();
  });

  it("follows an entity link to its profile and chart", async () => {
    const { context, page } = await newPage();
    const { stories } = await api(`/v1/stories?q=${encodeURIComponent('"Blinken hopes"')}&fields=id`);
    await page.goto(`${base}/stories/${stories[0].id}`);
    await page.locator("section.body a.entity", { hasText: "Antony Blinken" }).first().click();
    await page.waitForURL(/\/entities\/person\/Antony%20Blinken$/);
    assert.equal(await page.getByRole("heading", { level: 1 }).innerText(), "Antony Blinken");
    const profile = await api("/v1/entities/person/Antony%20Blinken");
    assert.equal(await page.locator("dl.facts dd").first().innerText(), String(profile.story_count));
    const chart = page.getByRole("group", { name: /Stories about Antony Blinken per day/ });
    assert.ok(await chart.isVisible());
    await assertAccessible(page, "entity");
    await context.close();
  });

  it("refuses a wrong token with a plain message and sets no cookie", async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("Admin token").fill("not-the-token");
    await page.getByRole("button", { name: "Log in" }).click();
    assert.equal(await page.getByRole("alert").innerText(), "That token is not valid.");
    assert.deepEqual(await context.cookies(), []);
    await assertAccessible(page, "login");
    await context.close();
  });

  it("logs in, adds a feed, triggers an ingest and sees the feed's status change", async () => {
    const { context, page } = await newPage();
    await logIn(page);
    const [cookie] = await context.cookies();
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.secure, true);
    assert.equal(cookie.sameSite, "Strict");
    const url = `${feeds.url}/${EXTRA_FEED}`;
    await page.getByLabel("Feed URL").fill(url);
    await page.getByLabel("Title (optional)").fill("Added in the browser");
    await page.getByRole("button", { name: "Add feed" }).click();
    await page.waitForURL(`${base}/feeds?done=added`);
    assert.match(await page.getByRole("status").first().innerText(), /registered/);
    const row = page.locator(`tr[data-feed-url="${url}"]`);
    assert.equal(await row.locator(".feed-status").innerText(), "Pending");
    assert.equal(await row.locator(".feed-stories").innerText(), "0");
    await assertAccessible(page, "feeds");

    await row.getByRole("button", { name: /^Fetch now: / }).click();
    await page.waitForURL(/\/runs\/\d+$/);
    // The run page refreshes itself until the run is done.
    await page.getByText(/^Finished: 1 of 1 feeds fetched\.$/).waitFor({ timeout: 30_000 });
    await assertAccessible(page, "run");
    await page.getByRole("link", { name: "Back to the feeds" }).click();
    assert.equal(await row.locator(".feed-status").innerText(), "OK");
    assert.ok(Number(await row.locator(".feed-stories").innerText()) > 0);

    await row.getByRole("button", { name: /^Pause / }).click();
    await page.waitForURL(`${base}/feeds?done=paused`);
    assert.equal(await row.locator(".feed-status").innerText(), "Paused");
    await context.close();
  });

  it("still filters with JavaScript turned off", async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${base}/`);
    await page.getByRole("group", { name: "Has flag" }).getByLabel("Syndicated").check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/[?&]flag=syndicated/);
    const expected = (await api("/v1/stories?flag=syndicated&fields=title")).stories.map((s) => s.title);
    assert.deepEqual(await page.locator("ol.stories > li h2").allInnerTexts(), expected);
    assert.ok(await page.getByRole("group", { name: "Has flag" }).getByLabel("Syndicated").isChecked());
    await context.close();
  });

  it("passes axe-core on the stories, overview and try-it pages, and works at phone width", async () => {
    const { context, page, cspErrors } = await newPage();
    await page.goto(`${base}/`);
    await assertAccessible(page, "stories");
    await page.goto(`${base}/overview`);
    assert.ok((await page.locator("svg.chart").count()) >= 5);
    await assertAccessible(page, "overview");
    await page.goto(`${base}/try`);
    await page.getByLabel("Text or HTML").fill("NEW DELHI, Mar 12 (PTI) Antony Blinken met officials in New Delhi.");
    await page.getByRole("button", { name: "Annotate" }).click();
    await page.getByRole("heading", { name: "Text, marked" }).waitFor();
    assert.match(await page.locator("#try-result .badges").innerText(), /Wire: Press Trust of India/);
    await assertAccessible(page, "try");
    assert.deepEqual(cspErrors, []);
    await context.close();

    const phone = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    for (const path of ["/", "/feeds", "/overview"]) {
      await phone.page.goto(`${base}${path}`);
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 390px`);
    }
    await phone.page.goto(`${base}/`);
    await phone.page.screenshot({ path: join(SHOTS, "stories-phone.png") });
    await phone.context.close();
  });

  it("is usable from the keyboard with a visible focus", async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/`);
    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => ({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement).outlineStyle }));
    assert.equal(skip.text, "Skip to content");
    assert.notEqual(skip.outline, "none");
    await page.keyboard.press("Enter");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
    await context.close();
  });

  it("keeps the first page of stories under 100 KB over the wire", async () => {
    const html = await (await fetch(`${base}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    assert.equal(assets.length, 2);
    const bodies = [html, ...(await Promise.all(assets.map(async (a) => (await fetch(`${base}${a}`)).text())))];
    const gzipped = bodies.reduce((n, b) => n + gzipSync(b).length, 0);
    const raw = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0);
    console.log(`first page of stories: ${raw} bytes raw, ${gzipped} bytes gzipped (HTML + CSS + JS)`);
    assert.ok(gzipped < 100 * 1024, `${gzipped} bytes gzipped`);
  });
});
