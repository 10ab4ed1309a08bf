// `npm run bench:engine`: WASM vs BigInt-reference timings of the engine.
// Targets (issue 3): WASM ≥ 20× the reference on 1,000,000 balancer swap quotes and on the coinbase bench;
// the Yuma epoch (256 UIDs / 64 validators) under 5 ms; engine.wasm under 150 KB.
// Flags: --quotes N (default 1,000,000), --skip-ref (WASM only).
//
// Coinbase / epoch benches come from the economy rules: if lib/engine/ref/coinbase-bench.ts exists and exports
// `benches: { name: string; run(): { wasmMs?: number; refMs?: number; note?: string } }[]`, each is run and
// printed; otherwise they are reported as skipped.

import { stat } from "node:fs/promises";
import { ENGINE_WASM_PATH } from "../lib/engine/compile";
import { loadEngineNode } from "../lib/engine/node";
import { referenceEngine } from "../lib/engine/ref/index";
import type { SwapInput, SwapQuote } from "../lib/engine/types";
import { SWAP_ARG_WORDS, SWAP_RESULT_WORDS } from "../lib/engine/wasm";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

/** Deterministic pseudo-random quotes over a spread of pools (LCG, so every run measures the same work). */
function quotes(n: number, weights: readonly bigint[]): SwapInput[] {
  let seed = 0x2545f491n;
  const next = (mod: bigint) => {
    seed = (seed * 6364136223846793005n + 1442695040888963407n) & 0xffff_ffff_ffff_ffffn;
    return (seed >> 11n) % mod;
  };
  const out: SwapInput[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const tao = 10n ** 12n + next(10n ** 16n);
    const alpha = 10n ** 12n + next(10n ** 17n);
    out[i] = {
      spec: 425,
      direction: next(2n) === 0n ? "stake" : "unstake",
      amount: 1_000_000n + next(10n ** 12n),
      taoReserve: tao,
      alphaReserve: alpha,
      quoteWeight: weights[Number(next(BigInt(weights.length)))]!,
    };
  }
  return out;
}

function ms(t0: number): number {
  return performance.now() - t0;
}

function fmt(msValue: number, n: number): string {
  return `${(msValue / 1000).toFixed(2)} s (${((msValue * 1000) / n).toFixed(2)} µs/quote)`;
}

async function main(): Promise<void> {
  const n = flag("--quotes", 1_000_000);
  const skipRef = process.argv.includes("--skip-ref");
  const wasm = await loadEngineNode();
  const bytes = (await stat(ENGINE_WASM_PATH)).size;
  console.log(`engine.wasm: ${(bytes / 1024).toFixed(1)} KB (target < 150 KB)`);

  // 1. Balancer quotes, equal weights (fresh subnets, the devnet): the exact pow path. Measured in 10 rounds that
  // alternate the engines, so a busy machine slows both alike; the per-round median ratio is reported too.
  const inputs = quotes(n, [500_000_000_000_000_000n]);
  let t = performance.now();
  const packed = new BigUint64Array(n * SWAP_ARG_WORDS);
  for (let i = 0; i < n; i++) wasm.packSwapInput(packed, i, inputs[i]!);
  const packMs = ms(t);
  const rounds = Math.min(10, n);
  const per = Math.ceil(n / rounds);
  let computeMs = 0;
  let objectMs = 0;
  let refMs = 0;
  const ratios: number[] = [];
  let mismatches = 0;
  for (let r = 0; r < rounds; r++) {
    const lo = r * per;
    const hi = Math.min(n, lo + per);
    if (lo >= hi) break;
    t = performance.now();
    const results = wasm.swapPacked(packed.subarray(lo * SWAP_ARG_WORDS, hi * SWAP_ARG_WORDS));
    const c = ms(t);
    computeMs += c;
    t = performance.now();
    const objects = wasm.swapBatch(inputs.slice(lo, hi));
    objectMs += ms(t);
    if (skipRef) continue;
    t = performance.now();
    const ref = referenceEngine.swapBatch(inputs.slice(lo, hi));
    const rm = ms(t);
    refMs += rm;
    ratios.push(rm / c);
    for (let i = 0; i < hi - lo; i += Math.max(1, Math.floor((hi - lo) / 1000))) {
      const w = objects[i]!;
      const rr = ref[i]!;
      const a = w instanceof Error ? w.message : (w as SwapQuote).amountPaidOut;
      const b = rr instanceof Error ? rr.message : (rr as SwapQuote).amountPaidOut;
      if (a !== b || (!(w instanceof Error) && results[i * SWAP_RESULT_WORDS + 3] !== a)) mismatches++;
    }
  }
  console.log(`\n${n.toLocaleString("en")} balancer swap quotes (w = 0.5):`);
  console.log(
    `  wasm, packed bulk call : ${fmt(computeMs, n)}  (+ ${(packMs / 1000).toFixed(2)} s to pack the requests)`,
  );
  console.log(`  wasm, object API       : ${fmt(objectMs, n)}`);
  if (!skipRef) {
    ratios.sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)] ?? 0;
    console.log(`  reference (BigInt)     : ${fmt(refMs, n)}`);
    console.log(
      `  speed-up: ${(refMs / computeMs).toFixed(1)}× packed (median of rounds ${median.toFixed(1)}×), ` +
        `${(refMs / objectMs).toFixed(1)}× object API (target ≥ 20×)`,
    );
    console.log(`  spot check vs reference: ${mismatches === 0 ? "identical" : `${mismatches} MISMATCHES`}`);
  }

  // 2. Arbitrary Perquintill weights (migrated mainnet pools): safe-bigmath's approximate ln/exp path.
  const m = Math.max(1, Math.min(2_000, n));
  const weighted = quotes(m, [437_219_012_345_678_901n, 512_345_678_901_234_567n, 600_000_000_000_000_001n]);
  t = performance.now();
  wasm.swapBatch(weighted);
  const wMs = ms(t);
  console.log(`\n${m.toLocaleString("en")} balancer swap quotes (arbitrary weights, approximate pow path):`);
  console.log(`  wasm      : ${fmt(wMs, m)}`);
  if (!skipRef) {
    t = performance.now();
    referenceEngine.swapBatch(weighted);
    const rMs = ms(t);
    console.log(`  reference : ${fmt(rMs, m)}  → ${(rMs / wMs).toFixed(1)}×`);
  }

  // 3. Economy benches (coinbase over 128 subnets × 10,000 blocks, Yuma epoch 256/64), when provided.
  try {
    const mod = (await import("../lib/engine/ref/coinbase-bench")) as {
      benches?: { name: string; run(): { wasmMs?: number; refMs?: number; note?: string } }[];
    };
    for (const b of mod.benches ?? []) {
      const r = b.run();
      const ratio = r.wasmMs && r.refMs ? ` → ${(r.refMs / r.wasmMs).toFixed(1)}×` : "";
      const parts = [
        r.wasmMs === undefined ? null : `wasm ${r.wasmMs.toFixed(1)} ms`,
        r.refMs === undefined ? null : `reference ${r.refMs.toFixed(1)} ms`,
      ].filter(Boolean);
      console.log(`\n${b.name}: ${parts.join(", ")}${ratio}${r.note ? ` (${r.note})` : ""}`);
    }
  } catch (e) {
    const missing = e instanceof Error && /Cannot find|not found|ERR_MODULE_NOT_FOUND/i.test(e.message);
    console.log(
      missing
        ? "\ncoinbase / epoch benches: skipped (lib/engine/ref/coinbase-bench.ts not present)"
        : `\ncoinbase / epoch benches failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
