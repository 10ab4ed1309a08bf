// `npx tsx bench/web.ts [--url http://127.0.0.1:3000] [--runs 3]`: web performance of the dashboard.
// Without --url it starts the real stack (`npm start` on a short devnet) and stops it afterwards.
// Prints, per route: LCP (median of runs, from the browser's `largest-contentful-paint` performance entries,
// cold page load in a fresh tab) and first-load JavaScript (every script the route's HTML loads, gzipped).
// Targets (issue 7): LCP ≤ 1.5 s on localhost, first-load JS ≤ 250 KB gzipped per route.
import { gzipSync } from "node:zlib";
import { CHROMIUM, openBrowser } from "../tests/helpers/browser";
import { startStack } from "../tests/helpers/stack";

const LCP_TARGET_MS = 1_500;
const JS_TARGET_KB = 250;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function firstLoadJs(url: string): Promise<{ files: number; gzBytes: number }> {
  const html = await (await fetch(url)).text();
  const srcs = new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!));
  let gzBytes = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    gzBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files: srcs.size, gzBytes };
}

async function main() {
  const runs = Number(flag("--runs") ?? 3);
  let base = flag("--url");
  const stack = base
    ? undefined
    : await startStack({ env: { DEVNET_HISTORY: "100", DEVNET_BLOCK_TIME: "2" } });
  base ??= stack!.url;
  try {
    // Wait for a block page to exist.
    for (let i = 0; i < 120; i++) {
      const s = (await (await fetch(`${base}/api/v1/stats`)).json()) as { indexed: { head: number | null } };
      if ((s.indexed.head ?? 0) >= 20) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const routes = [
      "/",
      "/subnets",
      "/subnets/1",
      "/validators",
      "/pools",
      "/holders",
      "/blocks",
      "/blocks/10",
      "/extrinsics/10-0",
      "/extrinsics",
      "/events",
      "/transfers",
      "/stake-trades",
      "/recycle",
    ];
    // An account and a validator that exist on this chain.
    const holder = (await (await fetch(`${base}/api/v1/holders?limit=1`)).json()) as {
      data: { address: { ss58: string } }[];
    };
    const validator = (await (await fetch(`${base}/api/v1/validators?limit=1`)).json()) as {
      data: { hotkey: { ss58: string } }[];
    };
    if (holder.data[0]) routes.push(`/accounts/${holder.data[0].address.ss58}`);
    if (validator.data[0]) routes.push(`/validators/${validator.data[0].hotkey.ss58}`);
    const browser = await openBrowser();
    console.log(`Chromium ${CHROMIUM}, ${runs} cold loads per route, ${base}`);
    console.log(
      "route".padEnd(60),
      "LCP median".padStart(12),
      "LCP max".padStart(10),
      "JS gz".padStart(10),
      "files".padStart(6),
    );
    let ok = true;
    for (const route of routes) {
      // One warm-up so the server's route code is loaded, as it would be in production.
      await fetch(`${base}${route}`);
      const lcps: number[] = [];
      for (let i = 0; i < runs; i++) {
        const page = await browser.context.newPage();
        await page.goto(`${base}${route}`, { waitUntil: "load" });
        const lcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              new PerformanceObserver((list) => {
                const entries = list.getEntries();
                resolve(entries[entries.length - 1]!.startTime);
              }).observe({ type: "largest-contentful-paint", buffered: true });
              setTimeout(() => resolve(Number.NaN), 3_000);
            }),
        );
        lcps.push(lcp);
        await page.close();
      }
      lcps.sort((a, b) => a - b);
      const median = lcps[Math.floor(lcps.length / 2)]!;
      const js = await firstLoadJs(`${base}${route}`);
      const kb = js.gzBytes / 1024;
      ok &&= median <= LCP_TARGET_MS && kb <= JS_TARGET_KB;
      console.log(
        route.padEnd(60),
        `${median.toFixed(0)} ms`.padStart(12),
        `${lcps.at(-1)!.toFixed(0)} ms`.padStart(10),
        `${kb.toFixed(1)} KB`.padStart(10),
        String(js.files).padStart(6),
      );
    }
    await browser.close();
    console.log(
      `targets: LCP ≤ ${LCP_TARGET_MS} ms, first-load JS ≤ ${JS_TARGET_KB} KB gz — ${ok ? "met" : "NOT met"}`,
    );
  } finally {
    await stack?.stop();
  }
}

await main();
