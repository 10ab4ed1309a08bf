// Holder scan timing on a scenario devnet: `node --import tsx bench/holders-scan.ts [accounts] [blocks]`.
// Reads every System.Account entry and stake position at the head over HTTP, as the indexer does.
import { startDevnet } from "../devnet/node/node";
import { createScenario, scenarioRuntimes } from "../devnet/scenario";
import { createRuntime, type Hex, unwrapOpaqueMetadata } from "../indexer/decode";
import { HttpRpcClient } from "../indexer/rpc";
import { readHolderScan } from "../indexer/state/holders";

const accounts = Number(process.argv[2] ?? 3000);
const blocks = Number(process.argv[3] ?? 40);
const scenario = await createScenario({ seed: 3, accounts, tempo: 10 });
const devnet = await startDevnet({
  runtimes: scenarioRuntimes(scenario.economyGenesis),
  genesis: scenario.genesis,
  history: blocks,
  manual: true,
  beforeBlock: scenario.beforeBlock,
});
const client = new HttpRpcClient(devnet.httpUrl);
try {
  const hash = await client.call<Hex>("chain_getBlockHash", [blocks]);
  const hex = await client.call<string>("state_call", ["Metadata_metadata_at_version", "0x0f000000", hash]);
  const runtime = createRuntime(unwrapOpaqueMetadata(hex)!);
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const scan = await readHolderScan(client, runtime, { number: blocks, hash });
    console.log(
      JSON.stringify({
        accounts: scan?.balances.length,
        positions: scan?.positions.length,
        subnets: scan?.stats.length,
        ms: Math.round(performance.now() - t0),
      }),
    );
  }
} finally {
  await client.close();
  await devnet.close();
}
