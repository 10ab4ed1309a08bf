// The home dashboard and the subnet page's embedded metagraph in a real browser against `npm start` on the
// scenario devnet. Blocks are a minute apart on chain (pre-built history), so 7 days of hourly closes hold
// several points: the top-subnets card lists the API's top 10 by market cap with links and drawn sparklines,
// top validators and the latest stake trades render, the subnet page shows the metagraph table with a link to
// the full page, and nothing logs a console error.
import { mkdirSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPercent } from "../../lib/format/numbers";
import { browserAvailable, openBrowser } from "../helpers/browser";
import { type Stack, startStack } from "../helpers/stack";
import { waitForIndexed, watchedPage } from "./harness";

const enabled = browserAvailable();
const SCREENS = ".tmp/screens";
const HISTORY = 240;

describe.runIf(enabled)("home dashboard in Chromium", () => {
  let stack: Stack;
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    stack = await startStack({
      env: { DEVNET_HISTORY: String(HISTORY), DEVNET_BLOCK_TIME: "60" },
      timeoutMs: 420_000,
    });
    browser = await openBrowser();
    await waitForIndexed(stack.url, HISTORY - 5, 120_000);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("rejects bad sparkline parameters with a 400 naming the parameter", async () => {
    for (const q of ["", "?netuids=abc", "?netuids=1,,2", "?netuids=70000"]) {
      const r = await fetch(`${stack.url}/api/sparklines${q}`);
      expect(r.status, q).toBe(400);
      expect(((await r.json()) as { error: { parameter: string } }).error.parameter).toBe("netuids");
    }
    const ok = (await (await fetch(`${stack.url}/api/sparklines?netuids=1,9999`)).json()) as {
      data: Record<string, { timestamp: string; price: string }[]>;
    };
    expect(ok.data["9999"]).toEqual([]);
    const line = ok.data["1"] ?? [];
    // Hourly closes: at least 3 hours of history, strictly increasing hours.
    expect(line.length).toBeGreaterThanOrEqual(3);
    expect(
      line.every((p, k) => k === 0 || Date.parse(line[k - 1]!.timestamp) < Date.parse(p.timestamp)),
    ).toBe(true);
    expect(line.every((p) => Date.parse(p.timestamp) % 3_600_000 === 0)).toBe(true);
  });

  it("shows top subnets with sparklines, top validators and stake trades", async () => {
    const api = (await (
      await fetch(`${stack.url}/api/v1/subnets?order=market_cap_desc&limit=10`)
    ).json()) as {
      data: { netuid: number }[];
    };
    expect(api.data.length).toBeGreaterThanOrEqual(3);
    const { page, errors } = await watchedPage(browser.context);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(stack.url);

    const subnets = page.getByTestId("top-subnets");
    const rows = subnets.locator("tbody tr[data-href]");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(api.data.length);
    const hrefs = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-href")));
    // The live feed may reorder between reads; the set must be the API's.
    expect(new Set(hrefs)).toEqual(new Set(api.data.map((s) => `/subnets/${s.netuid}`)));
    expect(await subnets.locator('a[href="/subnets/1"]').count()).toBe(1);
    // Traded subnets draw a line: a move and several segments.
    const line = subnets.locator(
      'tr[data-href="/subnets/1"] [data-testid="sparkline"] path.recharts-line-curve',
    );
    await line.waitFor();
    const d = (await line.getAttribute("d")) ?? "";
    expect(d).toMatch(/^M/);
    expect(d.split(/[LC]/).length).toBeGreaterThan(2);
    expect(await subnets.locator("path.recharts-line-curve").count()).toBeGreaterThanOrEqual(2);

    const validators = page.getByTestId("top-validators");
    await validators.locator("tbody tr[data-href]").first().waitFor();
    const vHref = await validators.locator("tbody tr[data-href] a").first().getAttribute("href");
    expect(vHref).toMatch(/^\/validators\/5[1-9A-HJ-NP-Za-km-z]{40,}$/);
    const vApi = (await (
      await fetch(`${stack.url}/api/v1/validators?order=alpha_stake_desc&limit=10`)
    ).json()) as {
      data: unknown[];
    };
    expect(await validators.locator("tbody tr[data-href]").count()).toBe(vApi.data.length);

    await page.getByTestId("latest-stake-trades").locator("tbody tr[data-href]").first().waitFor();

    // Network figures: the staked share and subnet count the API gives, and three history charts.
    await expect
      .poll(
        async () => {
          const stats = (await (await fetch(`${stack.url}/api/v1/stats`)).json()) as {
            network: { issuance: string; staked: string; subnets: number } | null;
          };
          const n = stats.network;
          if (!n) return "no network figures";
          const share = (await page.getByTestId("staked-share").textContent())?.trim();
          const count = (await page.getByTestId("subnet-count").textContent())?.trim();
          const want = formatPercent(BigInt(n.staked), BigInt(n.issuance));
          return share === want && count === String(n.subnets)
            ? "match"
            : `${share}/${count} vs ${want}/${n.subnets}`;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe("match");
    expect(await page.getByTestId("next-halving").textContent()).toMatch(/^≈ \d/);
    for (const id of ["issuance", "prices", "pools"]) {
      const chart = page.getByTestId(`network-chart-${id}`);
      await chart.locator("path.recharts-line-curve").first().waitFor({ state: "attached" });
      expect(Number(await chart.getAttribute("data-points"))).toBeGreaterThan(2);
    }
    expect(await page.getByTestId("network-chart-issuance").locator("path.recharts-line-curve").count()).toBe(
      2,
    );

    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/home.png`, fullPage: true });

    // A subnet name opens its page.
    await subnets.locator('a[href="/subnets/1"]').click();
    await page.waitForURL(/\/subnets\/1$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("embeds the metagraph on the subnet page", async () => {
    const { page, errors } = await watchedPage(browser.context);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`${stack.url}/subnets/1`);
    await page.getByTestId("pool-panel").waitFor();
    const table = page.getByTestId("metagraph-table");
    const rows = table.locator("tbody tr");
    await rows.first().waitFor();
    const mg = (await (await fetch(`${stack.url}/api/v1/subnets/1/metagraph?limit=10`)).json()) as {
      data: { uid: number }[];
    };
    expect(mg.data.length).toBeGreaterThan(0);
    expect(await rows.count()).toBe(mg.data.length);
    expect(await page.getByRole("link", { name: "Full metagraph" }).getAttribute("href")).toBe(
      "/subnets/1/metagraph",
    );
    // Sorting keeps the state in this page's URL.
    await table
      .getByRole("columnheader", { name: /^Stake/ })
      .getByRole("button")
      .click();
    await page.waitForURL(/\/subnets\/1\?order=stake_/);
    await table.locator("tbody tr").first().waitFor();
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/subnet-metagraph.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
