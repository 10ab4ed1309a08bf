// `npx tsx bench/devnet.ts [--blocks 200] [--subnets 120] [--seconds 5]`: the devnet under the full
// scenario load (devnet/scenario). Targets (issue 4): pre-building ≥ 200 blocks/s with ~30 extrinsics and
// ~150 events per block on 128 subnets; ≥ 2,000 chain_getBlock/s over batched HTTP; ≤ 2 GB for 100,000
// blocks (measured on --blocks and extrapolated linearly: state grows by per-block diffs).
//
// Pre-build time is split into the driver (building and signing calls), the block without extrinsics
// (economy hooks: coinbase, epochs; measured on a twin chain with the same genesis) and the rest
// (extrinsic application, state roots, encoding).

import type { Codec } from "@polkadot/types/types";
import { economyPallets } from "../devnet/economy";
import { BASE_SPEC_VERSION, buildMetadata, UPGRADE_SPEC_VERSION } from "../devnet/metadata";
import { Chain } from "../devnet/node/chain";
import { startDevnet } from "../devnet/node/node";
import { composeRuntime } from "../devnet/node/runtime/compose";
import { Store } from "../devnet/pallets/subtensor/store";
import { createScenario } from "../devnet/scenario";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

const blocks = flag("--blocks", 200);
const genesisSubnets = flag("--subnets", 120);
const seconds = flag("--seconds", 5);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (x: number) => `${(x / 2 ** 20).toFixed(0)} MB`;

const scenario = await createScenario({
  seed: 1,
  genesisSubnets,
  targetSubnets: 128,
  registrationSpacing: 6,
  upgradeAt: Math.floor(blocks / 2),
});
const runtimes = [BASE_SPEC_VERSION, UPGRADE_SPEC_VERSION].map((specVersion) =>
  composeRuntime({
    metadata: buildMetadata({ specVersion, variant: "current" }),
    specVersion,
    pallets: economyPallets({ specVersion, variant: "current", genesis: scenario.economyGenesis }),
  }),
);

// Economy hooks alone: the same genesis, blocks without extrinsics.
const twin = new Chain({ runtimes, genesis: scenario.genesis, blockTimeMs: 12_000 });
const emptyN = Math.min(40, blocks);
let t = performance.now();
for (let i = 0; i < emptyN; i++) twin.produceBlock();
const emptyMs = (performance.now() - t) / emptyN;

gc?.();
const heapBefore = process.memoryUsage();
let driverMs = 0;
const started = performance.now();
const dev = await startDevnet({
  runtimes,
  genesis: scenario.genesis,
  history: blocks,
  manual: true,
  port: 0,
  beforeBlock: (chain) => {
    const d = performance.now();
    scenario.beforeBlock(chain);
    driverMs += performance.now() - d;
  },
});
const buildSecs = (performance.now() - started) / 1000;
const { chain } = dev;
let xts = 0;
let events = 0;
let failed = 0;
for (let n = 1; n <= chain.best.number; n++) {
  const b = chain.blockByNumber(n);
  if (!b) continue;
  xts += b.extrinsics.length;
  const recs = b.runtime.codec.read(chain.reader(b), "System", "Events") as unknown as Array<{
    event: { method: string; data: Codec[] };
  }>;
  events += recs.length;
  failed += recs.filter((r) => r.event.method === "ExtrinsicFailed").length;
}
const headStore = new Store(chain.runtimeAt(chain.best).codec, chain.reader(chain.best));
const headSubnets = headStore.netuids().filter((n) => n !== 0).length;
const perBlockMs = (buildSecs * 1000) / blocks;
const driverPer = driverMs / blocks;
console.log(
  `pre-build: ${blocks} blocks in ${buildSecs.toFixed(1)} s = ${(blocks / buildSecs).toFixed(1)} blocks/s (target ≥ 200)`,
);
console.log(
  `  per block: ${(xts / blocks).toFixed(1)} extrinsics, ${(events / blocks).toFixed(1)} events, ${(failed / blocks).toFixed(1)} ExtrinsicFailed; subnets: ${genesisSubnets} at genesis → ${headSubnets} at the head, spec ${chain.runtimeAt(chain.best).version.specVersion}`,
);
console.log(
  `  time per block ${perBlockMs.toFixed(1)} ms = driver ${driverPer.toFixed(1)} ms + economy hooks (empty block) ${emptyMs.toFixed(1)} ms + extrinsics/encoding ${(perBlockMs - driverPer - emptyMs).toFixed(1)} ms`,
);

gc?.();
const heapAfter = process.memoryUsage();
const used = (m: NodeJS.MemoryUsage) => m.heapUsed + m.arrayBuffers;
const perBlock = (used(heapAfter) - used(heapBefore)) / blocks;
console.log(
  `memory: heap+buffers +${mb(perBlock * blocks)} for ${blocks} blocks (${(perBlock / 1024).toFixed(0)} KB/block incl. fixed per-key costs), rss ${mb(heapAfter.rss)}${gc ? "" : " [no --expose-gc: noisy]"}`,
);
// Marginal cost: the same load for another `blocks` blocks on the warm chain (each key's open history tail
// and the other fixed per-key costs are already paid), which is what 100,000 blocks grow by.
const more = performance.now();
let moreDriverMs = driverMs;
dev.newBlocks(blocks);
moreDriverMs = driverMs - moreDriverMs;
const moreSecs = (performance.now() - more) / 1000;
gc?.();
const heapMore = process.memoryUsage();
const marginal = (used(heapMore) - used(heapAfter)) / blocks;
console.log(
  `  next ${blocks} blocks on the warm chain: ${(blocks / moreSecs).toFixed(1)} blocks/s (driver ${(moreDriverMs / blocks).toFixed(1)} ms/block); memory +${(marginal / 1024).toFixed(1)} KB/block → 100,000 blocks: ${mb(marginal * 100_000 + used(heapAfter))} heap+buffers (target ≤ 2 GB)`,
);

const st = chain.stats();
const tw = twin.stats();
console.log(
  `  state history entries per block: ${(st.entries / chain.best.number).toFixed(0)} with the scenario, ${(tw.entries / emptyN).toFixed(0)} for an empty block (economy hooks); ${st.keys} storage keys`,
);

// chain_getBlock over batched HTTP: batches of 100 random hashes, 4 requests in flight.
const hashes = Array.from(
  { length: chain.best.number + 1 },
  (_, n) => chain.blockByNumber(n)?.hash as string,
);
let served = 0;
let id = 0;
const deadline = performance.now() + seconds * 1000;
const worker = async () => {
  while (performance.now() < deadline) {
    const batch = Array.from({ length: 100 }, (_, i) => ({
      jsonrpc: "2.0",
      id: id++,
      method: "chain_getBlock",
      params: [hashes[(id * 7919 + i) % hashes.length]],
    }));
    const res = await fetch(dev.httpUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(batch),
    });
    const out = (await res.json()) as Array<{ result?: unknown }>;
    served += out.filter((r) => r.result).length;
  }
};
t = performance.now();
await Promise.all([worker(), worker(), worker(), worker()]);
console.log(
  `chain_getBlock over batched HTTP: ${(served / ((performance.now() - t) / 1000)).toFixed(0)} blocks/s (target ≥ 2,000)`,
);
await dev.close();
