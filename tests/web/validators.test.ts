// Validators and the metagraph in a real browser against `npm start` on the devnet: the pages load with the API's
// data and no console errors, the nav links to /validators, rows open the validator page, and the metagraph table
// searches, sorts and changes page size through the URL.

import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { earnings } from "../../lib/format/compound";
import { browserAvailable, openBrowser } from "../helpers/browser";
import { type Stack, startStack } from "../helpers/stack";
import { waitForIndexed, watchedPage } from "./harness";

const enabled = browserAvailable();

interface Neuron {
  uid: number;
  stake: string;
  hotkey: { ss58: string };
  role: string;
}

describe.runIf(enabled)("validators and metagraph in Chromium", () => {
  let stack: Stack;
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    // The first start builds Next.js, which takes minutes on a busy machine.
    stack = await startStack({ env: { DEVNET_HISTORY: "40", DEVNET_BLOCK_TIME: "1" }, timeoutMs: 420_000 });
    browser = await openBrowser();
    await waitForIndexed(stack.url, 30);
  }, 480_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("lists validators and opens one from the table", async () => {
    type ValidatorList = {
      pagination: { total: number };
      data: { hotkey: { ss58: string }; alpha_stake: string; subnets_validated: number }[];
    };
    const fetchList = async () =>
      (await (await fetch(`${stack.url}/api/v1/validators?limit=25`)).json()) as ValidatorList;
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(stack.url);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Validators" }).click();
    await page.waitForURL(/\/validators$/);
    const table = page.getByTestId("validators-table");
    const rows = table.locator("tbody tr[data-href]");
    await rows.first().waitFor();
    // The devnet keeps producing blocks (new subnets add UIDs), so compare the page with the API read right
    // after it, reloading until both describe the same snapshot.
    let api = await fetchList();
    await expect
      .poll(
        async () => {
          await page.reload();
          await rows.first().waitFor();
          const shown = await rows.evaluateAll((trs) =>
            trs.map((tr) => [
              tr.getAttribute("data-href"),
              tr.querySelector("[data-amount]")?.getAttribute("data-amount"),
            ]),
          );
          api = await fetchList();
          return (
            JSON.stringify(shown) ===
            JSON.stringify(api.data.map((v) => [`/validators/${v.hotkey.ss58}`, v.alpha_stake]))
          );
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);
    expect(api.pagination.total).toBeGreaterThan(0);
    expect(await rows.count()).toBe(Math.min(25, api.pagination.total));

    // Rows open with Enter (DataTable); the hotkey cell is a link.
    await rows.first().getByRole("link").first().click();
    await page.waitForURL((u) => u.pathname === `/validators/${api.data[0]!.hotkey.ss58}`);
    await page.getByRole("heading", { name: "Validator", exact: true }).waitFor();
    expect(await page.locator("main").textContent()).toContain(api.data[0]!.hotkey.ss58);
    const subnets = page.getByTestId("validator-subnets").locator("tbody tr");
    await subnets.first().waitFor();
    expect(await subnets.count()).toBeGreaterThanOrEqual(api.data[0]!.subnets_validated);

    // Nominators: as many rows as the API lists on its first page (25 at most).
    const noms = (await (
      await fetch(`${stack.url}/api/v1/validators/${api.data[0]!.hotkey.ss58}/nominators?limit=25`)
    ).json()) as { data: unknown[] };
    if (noms.data.length > 0)
      await expect
        .poll(async () => page.getByTestId("validator-nominators").locator("tbody tr").count())
        .toBeGreaterThanOrEqual(Math.min(noms.data.length, 25));

    // Delegation events: the newest stake trades on the hotkey, as the API lists them.
    const trades = (await (
      await fetch(`${stack.url}/api/v1/stake-trades?hotkey=${api.data[0]!.hotkey.ss58}&limit=10`)
    ).json()) as { data: unknown[] };
    const events = page.getByTestId("validator-stake-events");
    if (trades.data.length > 0)
      await expect.poll(async () => events.locator("tbody tr[data-href]").count()).toBeGreaterThan(0);
    else await events.getByText("No stake trades on this hotkey indexed").waitFor();

    // Stake and nominator history: the chart draws every scan point the API serves.
    const history = async () =>
      (
        (await (
          await fetch(`${stack.url}/api/v1/validators/${api.data[0]!.hotkey.ss58}/history?limit=1000`)
        ).json()) as { data: unknown[] }
      ).data.length;
    if ((await history()) > 0) {
      const chart = page.getByTestId("validator-history-chart");
      let points = -1;
      await expect
        .poll(
          async () => {
            points = Number(await chart.getAttribute("data-points", { timeout: 1_000 }).catch(() => -1));
            return points;
          },
          { timeout: 30_000 },
        )
        .toBeGreaterThan(0);
      // Two series: lines from two scans on, a dot each before.
      const mark = points > 1 ? "path.recharts-line-curve" : "circle.recharts-line-dot";
      await chart.locator(mark).first().waitFor({ state: "attached" });
      expect(await chart.locator(mark).count()).toBe(2);
    }

    // Staking calculator: bad amounts are refused in place; otherwise the exact compounded earnings (or, on a
    // chain younger than two epochs, why there is no APY yet).
    const calc = page.getByRole("region", { name: "Staking calculator" });
    await calc.getByLabel(/Amount/).fill("1.2.3");
    await calc
      .getByRole("alert")
      .getByText(/Enter an amount/)
      .waitFor();
    await calc.getByLabel(/Amount/).fill("250");
    await expect
      .poll(
        async () => {
          const detail = (await (
            await fetch(`${stack.url}/api/v1/validators/${api.data[0]!.hotkey.ss58}`)
          ).json()) as { apy: { d7: string | null } };
          const apy7 = detail.apy.d7;
          if (apy7 === null) return (await calc.getByTestId("calculator-empty").count()) === 1;
          const shown = await calc
            .getByTestId("calculator-365d")
            .locator("[data-amount]")
            .getAttribute("data-amount", { timeout: 1_000 })
            .catch(() => null);
          return shown === earnings(250_000_000_000n, apy7, 365).toString();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);

    await page.goto(`${stack.url}/validators/5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM`);
    await page.getByText("Validator not found").last().waitFor();
    expect(errors.filter((e) => !e.includes("/validators/5C4hrfjw"))).toEqual([]);
    await page.close();
  });

  it("shows a subnet's metagraph with search, sort and page size", async () => {
    const api = (await (await fetch(`${stack.url}/api/v1/subnets/1/metagraph?limit=1000`)).json()) as {
      snapshot: { block_number: number; neurons: number };
      data: Neuron[];
    };
    expect(api.snapshot.neurons).toBeGreaterThan(0);
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(`${stack.url}/subnets/1/metagraph`);
    await page.getByRole("heading", { name: "Subnet 1 metagraph" }).waitFor();
    const table = page.getByTestId("metagraph-table");
    const rows = table.locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Math.min(25, api.snapshot.neurons));
    // The snapshot the page shows is the API's, or a newer one taken while the page loaded.
    const shownAt = Number(
      (await page.getByTestId("metagraph-snapshot").locator("a").getAttribute("href"))?.split("/").at(-1),
    );
    expect(shownAt).toBeGreaterThanOrEqual(api.snapshot.block_number);
    expect(await rows.first().locator("td").first().textContent()).toBe("0");
    expect(await rows.first().textContent()).toContain(api.data[0]!.role);

    // Sort by stake, largest first.
    await table.getByRole("columnheader", { name: /Stake/ }).getByRole("button").click();
    await page.waitForURL(/order=stake_desc/);
    // The indexer keeps following the devnet, so a newer epoch snapshot may replace the one fetched above:
    // compare the page's top row with the API's largest stake at the snapshot block the page shows.
    await expect
      .poll(
        async () => {
          const href = await page.getByTestId("metagraph-snapshot").locator("a").getAttribute("href");
          const shown = href?.match(/\/blocks\/(\d+)$/)?.[1];
          if (!shown) return "no snapshot shown";
          const at = (await (
            await fetch(`${stack.url}/api/v1/subnets/1/metagraph?block=${shown}&order=stake_desc&limit=1`)
          ).json()) as { data: Neuron[] };
          const amount = await rows.first().locator("[data-amount]").first().getAttribute("data-amount");
          return amount === at.data[0]?.stake ? "match" : `page ${amount} vs api ${at.data[0]?.stake}`;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe("match");

    // Search by UID.
    const target = api.data.at(-1)!;
    await page.getByPlaceholder("UID, hotkey, coldkey or IP").fill(String(target.uid));
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(new RegExp(`search=${target.uid}`));
    await expect.poll(async () => rows.count()).toBe(1);
    expect(await rows.first().locator("td").first().textContent()).toBe(String(target.uid));

    // Page size.
    await page.goto(`${stack.url}/subnets/1/metagraph`);
    await rows.first().waitFor();
    await page.getByLabel("Rows").selectOption("10");
    await page.waitForURL(/limit=10/);
    // Neurons may register while the test runs: compare with the snapshot the page shows.
    await expect
      .poll(
        async () => {
          const href = await page.getByTestId("metagraph-snapshot").locator("a").getAttribute("href");
          const shown = href?.match(/\/blocks\/(\d+)$/)?.[1];
          if (!shown) return "no snapshot shown";
          const at = (await (
            await fetch(`${stack.url}/api/v1/subnets/1/metagraph?block=${shown}&limit=1`)
          ).json()) as { snapshot: { neurons: number } };
          const n = await rows.count();
          return n === Math.min(10, at.snapshot.neurons)
            ? "match"
            : `${n} rows vs ${at.snapshot.neurons} neurons`;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe("match");

    await page.goto(`${stack.url}/subnets/999/metagraph`);
    await page.getByText("No metagraph yet").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
