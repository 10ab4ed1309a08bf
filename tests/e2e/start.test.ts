// `npm start` as a user runs it: embedded Postgres, migrations, the web server; a clean stop; a restart that
// keeps the data; and start-ups with bad settings that fail with one clear line and leave nothing running.
import { execFileSync } from "node:child_process";
import net from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { HealthSchema } from "../../lib/api/schemas/health";
import { browserAvailable, openBrowser } from "../helpers/browser";
import { freePort } from "../helpers/ports";
import { runStart, type Stack, startStack } from "../helpers/stack";
import { waitForIndexed } from "../web/harness";

function processesUsing(text: string): string[] {
  try {
    return execFileSync("pgrep", ["-af", text]).toString().trim().split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

describe("npm start", () => {
  let stack: Stack | undefined;
  afterAll(async () => {
    await stack?.stop();
  });

  it("serves the home page and /api/health, stops cleanly and keeps its data across restarts", async () => {
    stack = await startStack();
    const { url, dataDir, pgPort } = stack;

    const res = await fetch(`${url}/api/health`);
    expect(res.status).toBe(200);
    const health = HealthSchema.parse(await res.json());
    expect(health.database.ok).toBe(true);
    expect(health.indexer.head === null || health.indexer.head >= 0).toBe(true);

    const home = await fetch(url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Taoview");

    // What is in the database now must survive the restart: the finalized blocks (the unfinalized tip may
    // legitimately be rolled back if the restarted devnet rebuilds it differently), and a table and row we add by
    // hand, which nothing in Taoview writes, so no re-indexing could recreate or remove them.
    await waitForIndexed(url, 5);
    const marker = 987_654;
    const db = () =>
      new pg.Client({ connectionString: `postgresql://taoview:taoview@127.0.0.1:${pgPort}/taoview` });
    const before = db();
    await before.connect();
    await before.query("CREATE TABLE e2e_restart_marker (id integer PRIMARY KEY)");
    await before.query("INSERT INTO e2e_restart_marker (id) VALUES ($1)", [marker]);
    const indexedBefore = Number(
      (await before.query("SELECT count(*) FROM blocks WHERE finalized")).rows[0].count,
    );
    await before.end();
    expect(indexedBefore).toBeGreaterThan(1);

    expect(await stack.stop()).toBe(0);
    expect(stack.output()).toContain("postgres stopped");
    expect(processesUsing(dataDir)).toEqual([]);
    stack = undefined;

    stack = await startStack({ dataDir, pgPort });
    expect(stack.output()).toMatch(/0 applied, \d+ already in place/);
    const after = db();
    await after.connect();
    const kept = await after.query(
      `SELECT (SELECT count(*) FROM blocks WHERE finalized) AS n,
              EXISTS (SELECT 1 FROM e2e_restart_marker WHERE id = $1) AS marker`,
      [marker],
    );
    await after.end();
    expect(kept.rows[0].marker).toBe(true);
    expect(Number(kept.rows[0].n)).toBeGreaterThanOrEqual(indexedBefore);
    const healthAfter = HealthSchema.parse(await (await fetch(`${stack.url}/api/health`)).json());
    expect(healthAfter.database.ok).toBe(true);
    expect(await (await fetch(stack.url)).text()).toContain("Taoview");
  }, 300_000);

  it("shows the live status pill in a real browser with no console errors", async () => {
    if (!browserAvailable()) return;
    stack ??= await startStack();
    const browser = await openBrowser();
    try {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => {
        // Failed loads are reported with their URL by the response listener below.
        if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("response", (r) => {
        if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
      });
      await page.goto(stack.url, { waitUntil: "networkidle" });
      const pill = page.getByTestId("health-pill");
      await pill.waitFor({ timeout: 15_000 });
      expect(await pill.textContent()).toMatch(/Live|behind|Not indexed yet|Chain unreachable/);
      expect(await page.getByRole("heading", { name: "Latest blocks" }).count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});

describe("npm start with bad settings", () => {
  const firstLine = (out: string) =>
    out.split("\n").find((l) => l.startsWith("[taoview]") && !l.includes("stopping")) ?? "";

  it("names an invalid variable and exits", async () => {
    const r = await runStart({ PORT: "abc" });
    expect(r.code).toBe(1);
    expect(firstLine(r.output)).toMatch(/^\[taoview\] PORT="abc" is invalid: .*Fix or unset PORT/);
  });

  it("names an unreachable DATABASE_URL", async () => {
    const r = await runStart({
      DATABASE_URL: `postgresql://taoview:x@127.0.0.1:${await freePort()}/none`,
      PORT: String(await freePort()),
    });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(
      /\[taoview\] DATABASE_URL: cannot connect .*unset DATABASE_URL to use the embedded PostgreSQL/,
    );
  });

  it("names a port that is in use and starts nothing", async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, "127.0.0.1", () => r()));
    try {
      const r = await runStart({ PORT: String(port), TAOVIEW_DATA_DIR: ".tmp/never-created" });
      expect(r.code).toBe(1);
      expect(r.output).toContain(`PORT: port ${port} is already in use`);
      expect(r.output).not.toContain("database:");
    } finally {
      blocker.close();
    }
  });

  it("names a data folder it cannot create", async () => {
    const r = await runStart({
      TAOVIEW_DATA_DIR: "package.json/data",
      PORT: String(await freePort()),
      TAOVIEW_PG_PORT: String(await freePort()),
    });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/\[taoview\] TAOVIEW_DATA_DIR: cannot create or write .*package\.json\/data/);
    expect(processesUsing("package.json/data")).toEqual([]);
  });
});
