// /transfers and /recycle in Chromium against `npm start` on the scenario devnet: the transfers table loads
// server-rendered, filters by address (every row then involves it), pages by cursor, reports a bad address
// instead of failing; the recycle page draws its chart and table; the CSV links download the same rows.
import { mkdirSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, openBrowser } from "../helpers/browser";
import { type Stack, startStack } from "../helpers/stack";
import { waitForIndexed, watchedPage } from "./harness";

const enabled = browserAvailable();
const SCREENS = ".tmp/screens";

interface TransferList {
  pagination: { next: string | null };
  data: { id: string; from: { ss58: string } | null; to: { ss58: string } | null }[];
}

describe.runIf(enabled)("transfers and recycle pages in Chromium", () => {
  let stack: Stack;
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    stack = await startStack({ env: { DEVNET_HISTORY: "40", DEVNET_BLOCK_TIME: "1" } });
    browser = await openBrowser();
    await waitForIndexed(stack.url, 30);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("lists, filters and pages transfers", async () => {
    const api = (await (await fetch(`${stack.url}/api/v1/transfers?limit=25`)).json()) as TransferList;
    expect(api.data.length).toBeGreaterThan(0);
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(`${stack.url}/transfers`);
    const table = page.getByTestId("transfers-table");
    const rows = table.locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(api.data.length);

    const who = api.data[0]!.from!.ss58;
    await page.getByLabel("Address (from or to)").fill(who);
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/address=/);
    await rows.first().waitFor();
    const shown = await table
      .locator("tbody [data-address]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-address")));
    const n = await rows.count();
    expect(n).toBeGreaterThan(0);
    // Every row has two addresses, and one of them is the filtered one.
    for (let i = 0; i < n; i++) expect([shown[2 * i], shown[2 * i + 1]]).toContain(who);

    if (api.pagination.next) {
      await page.goto(`${stack.url}/transfers`);
      await page.getByRole("link", { name: /Next/ }).click();
      await page.waitForURL(/after=/);
      const next = (await (
        await fetch(`${stack.url}/api/v1/transfers?limit=25&after=${api.pagination.next}`)
      ).json()) as TransferList;
      await rows.first().waitFor();
      expect(await rows.count()).toBe(next.data.length);
    }

    await page.goto(`${stack.url}/transfers?address=nope`);
    await page
      .getByRole("alert")
      .getByText(/not an SS58 address/)
      .waitFor();
    mkdirSync(SCREENS, { recursive: true });
    await page.goto(`${stack.url}/transfers`);
    await rows.first().waitFor();
    await page.screenshot({ path: `${SCREENS}/transfers.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws the recycle chart and table, and the CSV link serves the same days", async () => {
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(`${stack.url}/recycle`);
    const table = page.getByTestId("recycle-table");
    const api = (await (await fetch(`${stack.url}/api/v1/recycle?frequency=day&limit=1000`)).json()) as {
      data: { period: string }[];
    };
    if (api.data.length > 0) {
      await table.locator("tbody tr").first().waitFor();
      expect(await table.locator("tbody tr").count()).toBe(api.data.length);
      await page.getByTestId("recycle-chart").locator("svg.recharts-surface").first().waitFor();
      // The cumulative line over the shown days.
      await page
        .getByTestId("recycle-chart")
        .locator(api.data.length > 1 ? "path.recharts-line-curve" : ".recharts-line-dot")
        .first()
        .waitFor({ state: "attached" });
      // One subnet: its alpha burned/recycled next to its TAO.
      await page.goto(`${stack.url}/recycle?netuid=1`);
      const one = (await (await fetch(`${stack.url}/api/v1/recycle?frequency=day&netuid=1`)).json()) as {
        data: unknown[];
      };
      if (one.data.length > 0)
        await page.getByTestId("alpha-burn-chart").locator("svg.recharts-surface").first().waitFor();
      await page.goto(`${stack.url}/recycle`);
    } else {
      await page.getByText("Nothing recycled or burned yet").waitFor();
    }
    const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
    const csv = await (await fetch(`${stack.url}${href}`)).text();
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(api.data.length + 1);
    await page.screenshot({ path: `${SCREENS}/recycle.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
