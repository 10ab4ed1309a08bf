// The explorer in a real browser against `npm start` on the devnet: pages load with data and no console
// errors, the blocks table sorts and paginates, search routes, keyboard use, persisted toggles, live updates.
import { mkdirSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, openBrowser } from "../helpers/browser";
import { type Stack, startStack } from "../helpers/stack";
import { waitForIndexed, watchedPage } from "./harness";

const enabled = browserAvailable();
const SCREENS = ".tmp/screens";

describe.runIf(enabled)("explorer in Chromium", () => {
  let stack: Stack;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let head: number;

  beforeAll(async () => {
    stack = await startStack({ env: { DEVNET_HISTORY: "40", DEVNET_BLOCK_TIME: "1" } });
    browser = await openBrowser();
    head = await waitForIndexed(stack.url, 30);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("loads every explorer page with data and no console errors", async () => {
    const block = (await (await fetch(`${stack.url}/api/v1/blocks/10`)).json()) as { hash: string };
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(stack.url);
    await page.getByTestId("latest-blocks").locator("tbody tr[data-href]").first().waitFor();
    expect(await page.getByTestId("indexed-head").textContent()).toMatch(/#\d/);

    await page.goto(`${stack.url}/blocks`);
    expect(await page.getByTestId("blocks-table").locator("tbody tr[data-href]").count()).toBe(25);

    for (const id of ["10", block.hash]) {
      await page.goto(`${stack.url}/blocks/${id}`);
      await page.getByRole("heading", { name: "Block #10" }).waitFor();
      expect(await page.getByText(block.hash).count()).toBeGreaterThan(0);
      // The block's extrinsics are server-rendered; the timestamp inherent is always first.
      await page.getByTestId("extrinsics-table").getByText("timestamp.set").waitFor();
      await page.getByRole("tab", { name: /Events/ }).click();
      await page
        .getByTestId("events-table")
        .getByText(/system\./)
        .first()
        .waitFor();
    }

    await page.goto(`${stack.url}/extrinsics/10-0`);
    await page.getByRole("heading", { name: "Extrinsic 10-0" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("timestamp.set");
    expect(await page.locator("main").textContent()).toContain("system.ExtrinsicSuccess");

    await page.goto(`${stack.url}/blocks/99999999`);
    // The page has the title twice: a screen-reader h1 and the visible empty state.
    await page.getByText("Block not found").last().waitFor();
    await page.goto(`${stack.url}/extrinsics/not-an-id`);
    await page.getByText("Extrinsic not found").last().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("sorts and paginates the blocks table by keyset cursor", async () => {
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(`${stack.url}/blocks`);
    const table = page.getByTestId("blocks-table");
    const firstNumber = async () =>
      Number(
        ((await table.locator("tbody tr[data-href]").first().getAttribute("data-href")) ?? "")
          .split("/")
          .pop(),
      );
    const header = table.getByRole("columnheader", { name: /Block/ });
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const top = await firstNumber();
    expect(top).toBeGreaterThanOrEqual(head);

    await page.getByRole("link", { name: "Next" }).click();
    await page.waitForURL(/after=\d+/);
    await expect.poll(firstNumber).toBeLessThanOrEqual(top - 25);
    await page.getByRole("link", { name: "Previous" }).click();
    await page.waitForURL(/before=\d+/);
    await expect.poll(firstNumber).toBeGreaterThan(top - 25);

    await header.getByRole("button").click();
    await page.waitForURL(/order=number_asc/);
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("ascending");
    await expect.poll(firstNumber).toBe(0);

    await page.getByLabel("Rows").selectOption("10");
    await page.waitForURL(/limit=10/);
    await expect.poll(() => table.locator("tbody tr[data-href]").count()).toBe(10);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters and pages the extrinsics and events lists as the API does", async () => {
    const { page, errors } = await watchedPage(browser.context);
    const ids = async (testId: string) =>
      page
        .getByTestId(testId)
        .locator("tbody tr[data-href]")
        .evaluateAll((trs) => trs.map((tr) => tr.querySelector("td")?.textContent?.trim() ?? ""));

    // Extrinsics: a filter by pallet and call, then the next page; rows equal the API's.
    await page.goto(`${stack.url}/extrinsics`);
    await page.getByTestId("extrinsics-list").locator("tbody tr[data-href]").first().waitFor();
    await page.getByLabel("Pallet").fill("timestamp");
    await page.getByLabel("Call").fill("set");
    // Up to a block already indexed, so new blocks do not shift the pages under the test.
    await page.getByLabel("To block").fill("30");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/section=timestamp/);
    const first = (await (
      await fetch(`${stack.url}/api/v1/extrinsics?section=timestamp&method=set&block_end=30&limit=25`)
    ).json()) as { data: { id: string }[]; pagination: { next: string } };
    expect(first.data[0]!.id).toBe("30-0");
    await expect.poll(() => ids("extrinsics-list")).toEqual(first.data.map((x) => x.id));
    await page.getByRole("link", { name: "Next" }).click();
    await page.waitForURL(/after=/);
    const second = (await (
      await fetch(
        `${stack.url}/api/v1/extrinsics?section=timestamp&method=set&limit=25&after=${first.pagination.next}`,
      )
    ).json()) as { data: { id: string }[] };
    await expect.poll(() => ids("extrinsics-list")).toEqual(second.data.map((x) => x.id));
    // A bad filter is explained in place, not an error page.
    await page.goto(`${stack.url}/extrinsics?signer=nope`);
    await page
      .getByRole("alert")
      .getByText(/signer/)
      .waitFor();

    // Events: by pallet, oldest first.
    await page.goto(`${stack.url}/events?section=balances&order=block_number_asc`);
    const events = (await (
      await fetch(`${stack.url}/api/v1/events?section=balances&order=block_number_asc&limit=25`)
    ).json()) as { data: { id: string }[] };
    expect(events.data.length).toBeGreaterThan(0);
    await expect.poll(() => ids("events-list")).toEqual(events.data.map((e) => e.id));
    expect(await page.getByRole("link", { name: "Download CSV" }).getAttribute("href")).toBe(
      "/api/v1/events?order=block_number_asc&section=balances&format=csv",
    );

    // Stake trades: stakes only, up to block 30; the tabs link the chain lists.
    await page.goto(`${stack.url}/events`);
    await page
      .getByRole("navigation", { name: "Chain lists" })
      .getByRole("link", { name: "Stake trades" })
      .click();
    await page.waitForURL(/\/stake-trades$/);
    await page.getByLabel("Action").selectOption("stake");
    await page.getByLabel("To block").fill("30");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/action=stake/);
    const trades = (await (
      await fetch(`${stack.url}/api/v1/stake-trades?action=stake&block_end=30&limit=25`)
    ).json()) as { data: { block_number: number; action: string }[] };
    await expect
      .poll(async () => page.getByTestId("stake-trades-list").locator("tbody tr[data-href]").count())
      .toBe(trades.data.length);
    await page.goto(`${stack.url}/stake-trades?amount_min=abc`);
    await page
      .getByRole("alert")
      .getByText(/Amounts are TAO/)
      .waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("routes search to blocks and extrinsics, focuses with Ctrl-K and answers unknown input kindly", async () => {
    const block = (await (await fetch(`${stack.url}/api/v1/blocks/7`)).json()) as { hash: string };
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(`${stack.url}/blocks`);
    const box = page.getByRole("searchbox");
    await page.locator("body").click();
    await page.keyboard.press("Control+k");
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);

    const cases: [string, RegExp][] = [
      ["12", /\/blocks\/12$/],
      [block.hash, /\/blocks\/7$/],
      ["7-0", /\/extrinsics\/7-0$/],
    ];
    for (const [q, target] of cases) {
      await box.fill(q);
      await box.press("Enter");
      await page.waitForURL(target);
    }
    await page.getByRole("heading", { name: "Extrinsic 7-0" }).waitFor();
    await box.fill("no-such-thing");
    await box.press("Enter");
    await page.getByText("Nothing found for").waitFor();
    const res = await page.goto(`${stack.url}/search?q=${"x".repeat(300)}`);
    expect(res?.status()).toBe(200);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("remembers the theme and the UTC/local choice across reloads", async () => {
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(`${stack.url}/blocks/5`);
    const html = page.locator("html");
    const wasDark = ((await html.getAttribute("class")) ?? "").includes("dark");
    await page.getByTestId("theme-toggle").click();
    const tz = page.getByTestId("tz-toggle");
    expect(await tz.getAttribute("data-mode")).toBe("utc");
    expect(await page.locator("main time").first().textContent()).toContain("UTC");
    await tz.click();
    await page.reload();
    expect(((await html.getAttribute("class")) ?? "").includes("dark")).toBe(!wasDark);
    await expect.poll(() => tz.getAttribute("data-mode")).toBe("local");
    await expect
      .poll(async () => (await page.locator("main time").first().textContent()) ?? "")
      .not.toContain("UTC");
    await tz.click();
    await page.getByTestId("theme-toggle").click();
    expect(await page.locator("main time").first().textContent()).toContain("UTC");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("moves through a table with the keyboard and opens a row with Enter", async () => {
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(`${stack.url}/blocks`);
    const rows = page.getByTestId("blocks-table").locator("tbody tr[data-href]");
    await rows.first().waitFor();
    // Tab from the last header button reaches the first row.
    await page.getByRole("columnheader", { name: /Block/ }).getByRole("button").focus();
    let guard = 0;
    while (!(await rows.first().evaluate((el) => el === document.activeElement)) && guard++ < 10)
      await page.keyboard.press("Tab");
    expect(await rows.first().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowDown");
    expect(await rows.nth(1).evaluate((el) => el === document.activeElement)).toBe(true);
    const href = await rows.nth(1).getAttribute("data-href");
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === href);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows new blocks on an open page without reload", async () => {
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(stack.url);
    const firstRow = page.getByTestId("latest-blocks").locator("tbody tr[data-href]").first();
    const number = async () => Number(((await firstRow.getAttribute("data-href")) ?? "").split("/").pop());
    const before = await number();
    const pill = page.getByTestId("health-pill");
    const pillBefore = await pill.textContent();
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
    });
    await expect.poll(number, { timeout: 20_000 }).toBeGreaterThan(before);
    await expect.poll(() => pill.textContent(), { timeout: 20_000 }).not.toBe(pillBefore);
    // Same document: no navigation happened.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("takes screenshots of key pages (light/dark, desktop/mobile)", async () => {
    mkdirSync(SCREENS, { recursive: true });
    const pages: [string, string][] = [
      ["home", "/"],
      ["blocks", "/blocks"],
      ["block", "/blocks/10"],
      ["extrinsic", "/extrinsics/10-0"],
      ["search-empty", "/search?q=nothing"],
    ];
    for (const [width, height, tag] of [
      [1280, 900, "desktop"],
      [390, 844, "mobile"],
    ] as const) {
      for (const theme of ["light", "dark"] as const) {
        const { page, errors } = await watchedPage(browser.context);
        await page.setViewportSize({ width, height });
        await page.goto(stack.url);
        await page.evaluate((t) => localStorage.setItem("taoview-theme", t), theme);
        for (const [name, path] of pages) {
          await page.goto(`${stack.url}${path}`);
          await page.locator("main h1").first().waitFor();
          await page.screenshot({
            path: `${SCREENS}/${name}-${tag}-${theme}.png`,
            fullPage: name !== "blocks",
          });
        }
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  });
});
