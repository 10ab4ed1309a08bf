// The /pools calculator in Chromium against `npm start` on the scenario devnet: the page computes quotes in the
// browser with the WASM engine, and what it shows equals the API's quote for the same subnet, direction, amount
// and snapshot block, field by field, for stake and unstake; bad input shows an error in place; no console errors.
import { mkdirSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, openBrowser } from "../helpers/browser";
import { type Stack, startStack } from "../helpers/stack";
import { waitForIndexed, watchedPage } from "./harness";

const enabled = browserAvailable();

interface PoolState {
  netuid: number;
  block: number;
  mechanism: number;
  tao_in: string;
}

async function dynamicPools(url: string, timeoutMs = 60_000): Promise<PoolState[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await (await fetch(`${url}/api/v1/engine/pools`)).json()) as { data: PoolState[] };
    const dynamic = body.data.filter((p) => p.mechanism === 1 && p.tao_in !== "0");
    if (dynamic.length > 0) return dynamic;
    if (Date.now() > deadline) throw new Error(`no dynamic subnet pool snapshots: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** What a quote panel shows: exact values from the data attributes (amounts in base units). */
async function shown(page: Page, testid: string) {
  const panel = page.getByTestId(testid);
  const amount = (f: string) =>
    panel.locator(`[data-field="${f}"] [data-amount]`).getAttribute("data-amount");
  const exact = (f: string) => panel.locator(`[data-field="${f}"]`).getAttribute("data-exact");
  return {
    block: Number(await panel.getAttribute("data-block")),
    amount_in: await amount("amount_in"),
    amount_out: await amount("amount_out"),
    fee: await amount("fee"),
    price_before: await exact("price_before"),
    price_after: await exact("price_after"),
    price_impact: await exact("price_impact"),
  };
}

describe.runIf(enabled)("pools calculator in Chromium", () => {
  let stack: Stack;
  let browser: { context: BrowserContext; close(): Promise<void> };
  let pools: PoolState[];

  beforeAll(async () => {
    stack = await startStack({ env: { DEVNET_HISTORY: "40", DEVNET_BLOCK_TIME: "1" } });
    browser = await openBrowser();
    await waitForIndexed(stack.url, 30);
    pools = await dynamicPools(stack.url);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("computes stake and unstake quotes in the browser equal to the API's, with a slippage curve", async () => {
    const { page, errors } = await watchedPage(browser.context);
    await page.goto(`${stack.url}/pools`);
    await page.getByRole("heading", { name: "Pools" }).waitFor();
    const target = pools.at(-1)!;
    await page.getByTestId("pools-netuid").selectOption(String(target.netuid));

    const cases: ["stake" | "unstake", string, string][] = [
      ["stake", "12.5", "12500000000"],
      ["unstake", "3.000000007", "3000000007"],
      ["stake", "0.25", "250000000"],
    ];
    for (const [direction, text, baseUnits] of cases) {
      await page.getByTestId(`pools-direction-${direction}`).check({ force: true });
      await page.getByTestId("pools-amount").fill(text);
      // The page marks the two quotes identical once the API answered for the block it computed from; blocks
      // arrive every second, so read both panels in one go and compare them ourselves too.
      await page.getByTestId("quote-match").waitFor({ timeout: 20_000 });
      const local = await shown(page, "local-quote");
      expect(local.amount_in).not.toBeNull();
      expect(BigInt(local.amount_out!)).toBeGreaterThan(0n);
      // The API asked directly, for the same inputs and the snapshot block the browser computed from.
      const res = await fetch(
        `${stack.url}/api/v1/engine/quote?netuid=${target.netuid}&direction=${direction}&amount=${baseUnits}&block=${local.block}`,
      );
      const api = (await res.json()) as Record<string, unknown>;
      expect(res.status, JSON.stringify(api)).toBe(200);
      expect(local).toEqual({
        block: api.block,
        amount_in: api.amount_in,
        amount_out: api.amount_out,
        fee: api.fee,
        price_before: api.price_before,
        price_after: api.price_after,
        price_impact: api.price_impact,
      });
      expect(Number(api.price_impact)).toBeGreaterThan(0);
      // The curve is drawn (a line path with points).
      await page.getByTestId("slippage-chart").locator("path.recharts-curve").first().waitFor();
    }

    // How far the reserves-derived v3 state is from the chain's own: the engine's spot price (from SubnetTAO /
    // SubnetAlphaIn) against the snapshot's runtime-API price, both rao per alpha. Logged for the report.
    const state = (await (await fetch(`${stack.url}/api/v1/engine/pools`)).json()) as {
      data: { netuid: number; price_rao: string; spec_version: number; fee_rate: number }[];
    };
    for (const p of state.data.filter((x) => x.netuid !== 0)) {
      const q = (await (
        await fetch(`${stack.url}/api/v1/engine/quote?netuid=${p.netuid}&direction=stake&amount=1000000000`)
      ).json()) as { price_before: string };
      const [w = "0", f = ""] = q.price_before.split(".");
      const engineRao = BigInt(w + f.padEnd(9, "0").slice(0, 9));
      console.log(
        `SN${p.netuid} spec ${p.spec_version} fee ${p.fee_rate}: chain price ${p.price_rao} rao, engine ${engineRao} rao`,
      );
    }
    mkdirSync(".tmp/screens", { recursive: true });
    await page.screenshot({ path: ".tmp/screens/pools-1280.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: ".tmp/screens/pools-390.png", fullPage: true });

    // Bad input: an error in place, no request, no crash.
    await page.getByTestId("pools-amount").fill("1.0000000001");
    await page.getByText("at most 9 decimal places").waitFor();
    await page.getByTestId("pools-amount").fill("abc");
    await page.getByText("must be a decimal number like 1.5").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
