// Holders, account pages and the subnet holders panel in a real browser against `npm start` on the devnet: the
// pages show the API's data with no console errors, the nav links to /holders, a rich-list row opens the account
// page, search routes an address to it, and an unknown account is a not-found page.
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, openBrowser } from "../helpers/browser";
import { type Stack, startStack } from "../helpers/stack";
import { waitForIndexed, watchedPage } from "./harness";

const enabled = browserAvailable();

interface RichList {
  positions_block: number | null;
  stats: { holders: number; block_number: number } | null;
  pagination: { total: number };
  data: { address: { ss58: string }; total: string }[];
}

describe.runIf(enabled)("holders and accounts in Chromium", () => {
  let stack: Stack;
  let browser: { context: BrowserContext; close(): Promise<void> };

  beforeAll(async () => {
    stack = await startStack({
      env: { DEVNET_HISTORY: "40", DEVNET_BLOCK_TIME: "1", HOLDERS_SCAN_EVERY: "10" },
      timeoutMs: 420_000,
    });
    browser = await openBrowser();
    await waitForIndexed(stack.url, 30);
  }, 480_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("shows the rich list with its concentration and opens an account", async () => {
    const fetchList = async () =>
      (await (await fetch(`${stack.url}/api/v1/holders?limit=25`)).json()) as RichList;
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(stack.url);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Holders" }).click();
    await page.waitForURL(/\/holders$/);
    const rows = page.getByTestId("holders-table").locator("tbody tr[data-href]");
    await rows.first().waitFor();
    // Scans land every 10 blocks (1 s each): reload until the page and the API describe the same scan.
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
          const holders = (await page.getByTestId("holders-stat-holders").textContent()) ?? "";
          api = await fetchList();
          return (
            JSON.stringify(shown) ===
              JSON.stringify(api.data.map((r) => [`/accounts/${r.address.ss58}`, r.total])) &&
            holders.replace(/\D/g, "") === String(api.stats?.holders)
          );
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(true);
    expect(api.pagination.total).toBeGreaterThan(10);
    // Distribution: a bar per holder of the top 25; concentration: a point per scan.
    await expect
      .poll(async () => Number(await page.getByTestId("distribution-chart").getAttribute("data-points")))
      .toBe(Math.min(25, api.pagination.total));
    await page.getByTestId("distribution-chart").locator(".recharts-bar-rectangle").first().waitFor();
    const scans = (await (await fetch(`${stack.url}/api/v1/holders/stats?limit=500`)).json()) as {
      data: unknown[];
    };
    await expect
      .poll(async () => Number(await page.getByTestId("concentration-chart").getAttribute("data-points")))
      .toBeGreaterThanOrEqual(Math.min(scans.data.length, 2));

    // The richest account: its page shows the balance and every position the API lists.
    const top = api.data[0]!.address.ss58;
    await rows.first().getByRole("link").first().click();
    await page.waitForURL((u) => u.pathname === `/accounts/${top}`);
    // (loading.tsx shows the heading too: wait for the balance itself.)
    await page.getByTestId("account-total").waitFor();
    expect(await page.locator("main").textContent()).toContain(top);
    const positions = page.getByTestId("account-positions").locator("tbody tr");
    await expect
      .poll(
        async () => {
          const acct = (await (await fetch(`${stack.url}/api/v1/accounts/${top}`)).json()) as {
            total: string;
            positions: unknown[];
          };
          await page.reload();
          await page.getByTestId("account-total").waitFor();
          const total = await page
            .getByTestId("account-total")
            .locator("[data-amount]")
            .getAttribute("data-amount");
          const n = acct.positions.length === 0 ? 1 : await positions.count();
          return total === acct.total && n === Math.max(1, acct.positions.length);
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(true);
    // Balance history: the stacked chart draws the points the API serves (free, reserved, staked).
    const chart = page.getByTestId("balance-history-chart");
    await expect
      .poll(
        async () => {
          const h = (await (
            await fetch(`${stack.url}/api/v1/accounts/${top}/history?limit=1000`)
          ).json()) as {
            data: unknown[];
          };
          const shown = Number(await chart.getAttribute("data-points", { timeout: 1_000 }).catch(() => -1));
          return shown > 0 && Math.abs(shown - h.data.length) <= 2;
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(true);
    // Three stacked series: areas from two points on, a dot each for a single point.
    const mark =
      Number(await chart.getAttribute("data-points")) > 1
        ? "path.recharts-area-area"
        : "circle.recharts-area-dot";
    await chart.locator(mark).first().waitFor({ state: "attached" });
    expect(await chart.locator(mark).count()).toBe(3);
    // Activity: transfers, stake trades and signed extrinsics, each as the API lists them.
    const transfers = page.getByRole("region", { name: "Transfers", exact: true });
    expect(await transfers.getByRole("link", { name: "All transfers" }).getAttribute("href")).toBe(
      `/transfers?address=${top}`,
    );
    for (const [testId, url] of [
      ["account-transfers", `/api/v1/transfers?address=${top}&limit=10`],
      ["account-trades", `/api/v1/stake-trades?coldkey=${top}&limit=10`],
      ["extrinsics-table", `/api/v1/extrinsics?signer=${top}&limit=10`],
    ] as const) {
      await expect
        .poll(
          async () => {
            const n = ((await (await fetch(`${stack.url}${url}`)).json()) as { data: unknown[] }).data.length;
            const table = page.getByTestId(testId);
            const rows = await table.locator("tbody tr[data-href]").count();
            return n === 0 ? (await table.getByText(/^No /).count()) > 0 : rows === n;
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBe(true);
    }

    // A validator's hotkey as an account: its UIDs and the stake held on it.
    const validators = (await (await fetch(`${stack.url}/api/v1/validators?limit=1`)).json()) as {
      data: { hotkey: { ss58: string }; subnets: number }[];
    };
    const hot = validators.data[0]!.hotkey.ss58;
    await page.goto(`${stack.url}/accounts/${hot}`);
    const hotPanel = page.getByRole("region", { name: "As a hotkey", exact: true });
    await hotPanel.waitFor();
    const acct = (await (await fetch(`${stack.url}/api/v1/accounts/${hot}`)).json()) as {
      hotkey: { neurons: unknown[]; validator: boolean };
    };
    expect(acct.hotkey.validator).toBe(true);
    await expect
      .poll(async () => page.getByTestId("account-hotkey-neurons").locator("tbody tr").count())
      .toBeGreaterThanOrEqual(acct.hotkey.neurons.length);
    expect(await hotPanel.getByRole("link", { name: "Validator page" }).getAttribute("href")).toBe(
      `/validators/${hot}`,
    );

    // Search routes an address to its account page.
    await page.goto(`${stack.url}/search?q=${top}`);
    await page.waitForURL((u) => u.pathname === `/accounts/${top}`);

    await page.goto(`${stack.url}/accounts/5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM`);
    await page.getByText("Account not found").last().waitFor();
    expect(
      errors.filter((e) => !e.includes("/accounts/5C4hrfjw")),
      errors.join("\n"),
    ).toEqual([]);
    await page.close();
  });

  it("shows a subnet's top holders and statistics on the subnet page", async () => {
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(`${stack.url}/subnets/1`);
    const panel = page.getByTestId("subnet-holders");
    await panel.waitFor();
    await expect
      .poll(
        async () => {
          const api = (await (await fetch(`${stack.url}/api/v1/subnets/1/holders?limit=10`)).json()) as {
            stats: { holders: number };
            data: { coldkey: { ss58: string } }[];
          };
          await page.reload();
          await panel.waitFor();
          const shown = await panel
            .locator("tbody tr [data-address]")
            .evaluateAll((els) => els.map((e) => e.getAttribute("data-address")));
          const holders = (await page.getByTestId("holders-stat-holders").textContent()) ?? "";
          return (
            JSON.stringify(shown) === JSON.stringify(api.data.map((r) => r.coldkey.ss58)) &&
            holders.replace(/\D/g, "") === String(api.stats.holders)
          );
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBe(true);
    // Holder charts under the panel, and the recycle chart with the subnet history.
    await page.getByTestId("distribution-chart").locator(".recharts-bar-rectangle").first().waitFor();
    const concentration = page.getByTestId("concentration-chart");
    await expect.poll(async () => Number(await concentration.getAttribute("data-points"))).toBeGreaterThan(0);
    await concentration
      .locator(
        Number(await concentration.getAttribute("data-points")) > 1
          ? "path.recharts-line-curve"
          : "circle.recharts-line-dot",
      )
      .first()
      .waitFor({ state: "attached" });
    const recycle = (await (await fetch(`${stack.url}/api/v1/recycle?netuid=1&frequency=day`)).json()) as {
      data: unknown[];
    };
    if (recycle.data.length > 0)
      expect(Number(await page.getByTestId("subnet-recycle-chart").getAttribute("data-points"))).toBe(
        recycle.data.length,
      );
    // Coldkeys link to their account pages.
    const first = panel.locator("tbody tr a[href^='/accounts/']").first();
    const href = await first.getAttribute("href");
    await first.click();
    await page.waitForURL((u) => u.pathname === href);
    await page.getByTestId("account-total").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
