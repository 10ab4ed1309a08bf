// bench/self-check: cost of the indexer's engine self-check per block on a scenario devnet (in process):
// wall time per block for reads + decode + engine, the engine's share, RPC calls and storage keys per block.
//   npx tsx bench/self-check.ts [--blocks 300] [--batch 50]
import { parseArgs } from "node:util";
import { startDevnet } from "../devnet/node/node";
import { createScenario, scenarioRuntimes } from "../devnet/scenario";
import { createRuntime, type Hex, type Runtime, unwrapOpaqueMetadata } from "../indexer/decode";
import { HttpRpcClient, type RpcBatchResult, type RpcCall, type RpcClient } from "../indexer/rpc";
import { type CheckTarget, checkBlocks } from "../indexer/state/self-check";

const { values } = parseArgs({
  options: { blocks: { type: "string", default: "300" }, batch: { type: "string", default: "50" } },
});
const BLOCKS = Number(values.blocks);
const BATCH = Number(values.batch);

const scenario = await createScenario({ seed: 1, upgradeAt: Math.floor(BLOCKS / 2), tempo: 60 });
console.log(`devnet: building ${BLOCKS} blocks…`);
const devnet = await startDevnet({
  runtimes: scenarioRuntimes(scenario.economyGenesis),
  genesis: scenario.genesis,
  history: BLOCKS,
  manual: true,
  beforeBlock: scenario.beforeBlock,
});
const http = new HttpRpcClient(devnet.httpUrl);
let calls = 0;
let keys = 0;
const client: RpcClient = {
  transport: "http",
  call: (m, p) => http.call(m, p),
  subscribe: (r, h) => http.subscribe(r, h as never),
  close: () => http.close(),
  batch<T>(cs: readonly RpcCall[]): Promise<RpcBatchResult<T>[]> {
    calls += cs.length;
    for (const c of cs) if (c.method === "state_queryStorageAt") keys += (c.params[0] as unknown[]).length;
    return http.batch<T>(cs);
  },
};
const runtimes = new Map<string, Runtime>();
async function runtimeAt(hash: string): Promise<Runtime> {
  const v = await http.call<{ specVersion: number }>("state_getRuntimeVersion", [hash]);
  const id = String(v.specVersion);
  if (!runtimes.has(id)) {
    const hex = await http.call<string>("state_call", ["Metadata_metadata_at_version", "0x0f000000", hash]);
    runtimes.set(id, createRuntime(unwrapOpaqueMetadata(hex)!));
  }
  return runtimes.get(id)!;
}
const targets: CheckTarget[] = [];
for (let n = 1; n <= BLOCKS; n++) {
  const hash = await http.call<Hex>("chain_getBlockHash", [n]);
  const parentHash = await http.call<Hex>("chain_getBlockHash", [n - 1]);
  targets.push({
    number: n,
    hash,
    parentHash,
    parentRuntime: await runtimeAt(parentHash),
    runtime: await runtimeAt(hash),
  });
}
const timing = { rpcMs: 0, computeMs: 0, engineMs: 0 };
const t0 = performance.now();
let mismatches = 0;
let subnets = 0;
for (let i = 0; i < targets.length; i += BATCH) {
  for (const c of await checkBlocks(client, targets.slice(i, i + BATCH), { timing })) {
    mismatches += c.mismatches.length;
    subnets += c.subnetsChecked;
  }
}
const total = performance.now() - t0;
const per = (ms: number) => (ms / targets.length).toFixed(2);
console.log(
  `self-check: ${targets.length} blocks, ${(subnets / targets.length).toFixed(1)} subnets/block, ${mismatches} mismatches\n` +
    `  wall ${per(total)} ms/block in batches of ${BATCH}: waiting for RPC ${per(timing.rpcMs)} ms, ` +
    `decode + engine + compare ${per(timing.computeMs)} ms (of which run_coinbase ${per(timing.engineMs)} ms)\n` +
    `  RPC calls ${(calls / targets.length).toFixed(1)}/block, storage keys ${(keys / targets.length).toFixed(0)}/block`,
);
await http.close();
await devnet.close();
