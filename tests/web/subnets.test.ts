// The subnets pages in a real browser against `npm start` on the scenario devnet: the table loads with every
// subnet, sorts on the server by a clicked header, a row opens the subnet, its price chart draws a line, and
// nothing logs a console error.
import { mkdirSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, openBrowser } from "../helpers/browser";
import { type Stack, startStack } from "../helpers/stack";
import { waitForIndexed, watchedPage } from "./harness";

const enabled = browserAvailable();
const SCREENS = ".tmp/screens";

describe.runIf(enabled)("subnets in Chromium", () => {
  let stack: Stack;
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    stack = await startStack({
      env: { DEVNET_HISTORY: "60", DEVNET_BLOCK_TIME: "1" },
      timeoutMs: 420_000,
    });
    browser = await openBrowser();
    await waitForIndexed(stack.url, 40);
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("lists, sorts, opens a subnet and draws its price chart without console errors", async () => {
    const api = (await (await fetch(`${stack.url}/api/v1/subnets?order=price_desc&limit=1000`)).json()) as {
      data: { netuid: number; price: string }[];
    };
    expect(api.data.length).toBeGreaterThanOrEqual(3);
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(`${stack.url}/subnets`);
    const table = page.getByTestId("subnets-table");
    const rows = table.locator("tbody tr[data-href]");
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(api.data.length);
    expect(await table.getByRole("columnheader", { name: /Market cap/ }).getAttribute("aria-sort")).toBe(
      "descending",
    );

    // Sort by price: the server's order for price_desc, shown in the URL.
    await table
      .getByRole("columnheader", { name: /^Price/ })
      .getByRole("button")
      .click();
    await page.waitForURL(/order=price_desc/);
    // The chain keeps moving (live updates refetch), so check the order of what is shown, read at once.
    await expect
      .poll(async () => {
        const prices = await table
          .locator("tbody tr[data-href] td:nth-child(2) [data-amount]")
          .evaluateAll((els) => els.map((e) => BigInt(e.getAttribute("data-amount") ?? "0")));
        return prices.length >= api.data.length && prices.every((p, k) => k === 0 || prices[k - 1]! >= p);
      })
      .toBe(true);
    expect(await table.getByRole("columnheader", { name: /^Price/ }).getAttribute("aria-sort")).toBe(
      "descending",
    );
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/subnets.png`, fullPage: true });
    expect(await page.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toContain(
      "order=price_desc",
    );

    // Totals under the table: exact sums of what the API lists.
    const totals = page.getByTestId("subnets-totals");
    await totals.waitFor();
    const listed = (await (await fetch(`${stack.url}/api/v1/subnets?limit=1000`)).json()) as {
      data: { tao_in: string | null; block_number: number }[];
    };
    const shownTao = await totals.locator("[data-amount]").nth(1).getAttribute("data-amount");
    expect(BigInt(shownTao ?? "-1")).toBeGreaterThan(0n);
    if (
      listed.data[0]?.block_number ===
      Number((await page.getByText(/pool state at block #\d+/).textContent())?.match(/#(\d+)/)?.[1])
    )
      expect(shownTao).toBe(listed.data.reduce((a, r) => a + BigInt(r.tao_in ?? "0"), 0n).toString());
    // Filter: by netuid or name, client-side over the listed subnets.
    const filter = page.getByLabel("Filter subnets");
    await filter.fill("root");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute("data-href")).toBe("/subnets/0");
    await filter.fill("zzz-no-such-subnet");
    await expect.poll(() => rows.count()).toBe(0);
    await filter.fill("");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(api.data.length);

    // Open a traded subnet (netuid 1 is created at genesis and traded by the scenario).
    await table.locator('tbody tr[data-href="/subnets/1"] a').first().click();
    await page.waitForURL(/\/subnets\/1$/);
    await page.getByTestId("pool-panel").waitFor();
    const chart = page.getByTestId("price-chart");
    await chart.waitFor();
    const path = chart.locator("path.recharts-line-curve").first();
    await path.waitFor();
    const d = (await path.getAttribute("d")) ?? "";
    // A drawn line: a move and many segments.
    expect(d).toMatch(/^M/);
    expect(d.split(/[LC]/).length).toBeGreaterThan(5);
    await page.getByTestId("pool-chart").locator("path.recharts-line-curve").first().waitFor();
    // Another range re-queries and still draws.
    await page.getByRole("button", { name: "All" }).click();
    await chart.locator("path.recharts-line-curve").first().waitFor();

    // Registration cost per hour (the scenario registers miners on subnet 1) and the hyperparameter history,
    // as many rows as the API has (up to the panel's 25).
    const cost = (await (
      await fetch(`${stack.url}/api/v1/subnets/1/registrations/cost?frequency=hour`)
    ).json()) as {
      data: unknown[];
    };
    if (cost.data.length > 0)
      await page.getByTestId("registration-cost-chart").locator(".recharts-bar-rectangle").first().waitFor();
    else await page.getByText("No neuron registrations indexed on this subnet").last().waitFor();
    await page.getByRole("button", { name: "Daily" }).click();
    await page.getByRole("button", { name: "Daily", pressed: true }).waitFor();
    const hyper = (await (await fetch(`${stack.url}/api/v1/subnets/1/hyperparameters?limit=25`)).json()) as {
      data: unknown[];
    };
    if (hyper.data.length > 0)
      await expect
        .poll(async () => page.getByTestId("hyperparameter-history").locator("tbody tr").count())
        .toBeGreaterThanOrEqual(hyper.data.length);
    else await page.getByText("No hyperparameter change indexed for this subnet").waitFor();

    await page.screenshot({ path: `${SCREENS}/subnet.png`, fullPage: true });

    // Candles: the toggle swaps the line for OHLC candles of the same range, with volume bars.
    await page.getByRole("button", { name: "1D" }).click();
    await page.getByRole("button", { name: "Candles" }).click();
    const candles = page.getByTestId("candle-chart");
    await candles.waitFor();
    expect(await candles.getAttribute("data-frequency")).toBe("hour");
    const shown = Number(await candles.getAttribute("data-points"));
    expect(shown).toBeGreaterThanOrEqual(1);
    await candles.locator('[data-testid="candle"] rect').first().waitFor();
    expect(await candles.locator('[data-testid="candle"]').count()).toBe(shown);
    await page.screenshot({ path: `${SCREENS}/subnet-candles.png` });
    await page.getByRole("button", { name: "Line" }).click();
    await chart.locator("path.recharts-line-curve").first().waitFor();

    // Emission: history (solid) continued by the engine projection (dashed), with the method.
    const emission = page.getByTestId("emission-chart");
    await emission.waitFor();
    await expect
      .poll(async () => Number(await emission.getAttribute("data-projected")), { timeout: 60_000 })
      .toBeGreaterThan(1);
    const dashed = emission.locator('path.recharts-line-curve[stroke-dasharray="5 4"]').first();
    await dashed.waitFor();
    expect((await dashed.getAttribute("d")) ?? "").toMatch(/^M.*[LC]/);
    const solid = emission.locator("path.recharts-line-curve:not([stroke-dasharray])").first();
    expect((await solid.getAttribute("d")) ?? "").toMatch(/^M.*[LC]/);
    await page.getByTestId("projection-note").locator("summary").click();
    expect(await page.getByTestId("projection-method").textContent()).toMatch(/TaoWeight/);

    await page.screenshot({ path: `${SCREENS}/subnet-charts.png`, fullPage: true });

    // Home sparklines on this fresh chain (a minute of history: one hourly close) fall back to snapshots.
    await page.goto(stack.url);
    const spark = page
      .getByTestId("top-subnets")
      .locator('tr[data-href="/subnets/1"] [data-testid="sparkline"] path.recharts-line-curve');
    await spark.waitFor();
    expect((await spark.getAttribute("d")) ?? "").toMatch(/^M.*[LC]/);

    await page.goto(`${stack.url}/subnets/9999`);
    await page.getByText("Subnet not found").last().waitFor();
    expect(errors.filter((e) => !e.includes("/subnets/9999"))).toEqual([]);
    await page.close();
  }, 240_000);
});
