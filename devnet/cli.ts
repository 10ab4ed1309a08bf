// `npm run devnet -- --port <n> --history <blocks> --block-time <s> --seed <n> [--manual]`
// Pre-builds history as fast as possible, then produces blocks in real time (or only on dev_newBlock with
// --manual). Prints exactly one "devnet listening on …" line when ready so a parent process can wait for it.
import { parseArgs } from "node:util";
import { u8aToHex } from "@polkadot/util";
import { cryptoWaitReady } from "@polkadot/util-crypto";
import { economyPallets } from "./economy";
import { BASE_SPEC_VERSION, buildMetadata, UPGRADE_SPEC_VERSION } from "./metadata";
import { devPairs } from "./node/genesis";
import { startDevnet } from "./node/node";
import { composeRuntime } from "./node/runtime/compose";
import { makeCall, signCall } from "./node/signer";
import { createScenario } from "./scenario";

const USAGE = `usage: npm run devnet -- [--port 9944] [--host 127.0.0.1] [--history 0] [--block-time 12] [--seed 1]
       [--manual] [--finality-lag 2] [--genesis-time <ms since epoch>|now] [--upgrade-at <block>]
       [--rules current|v3] [--no-economy] [--no-scenario]

The economy (SubtensorModule, Swap, AdminUtils) runs unless --no-economy; on top of it a seeded scenario
(subnet registrations, staking flows, weights, hyperparameter changes, the runtime upgrade half-way through
--history unless --upgrade-at says otherwise) drives the chain unless --no-scenario. Same seed, same chain.`;

function intFlag(v: string | undefined, name: string, def: number, min = 0): number {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) {
    console.error(`--${name}: expected a number >= ${min}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      history: { type: "string" },
      "block-time": { type: "string" },
      seed: { type: "string" },
      manual: { type: "boolean" },
      "finality-lag": { type: "string" },
      "genesis-time": { type: "string" },
      "upgrade-at": { type: "string" },
      rules: { type: "string" },
      "no-economy": { type: "boolean" },
      "no-scenario": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = intFlag(values.port, "port", 9944);
  const history = Math.floor(intFlag(values.history, "history", 0));
  const blockTimeMs = Math.round(intFlag(values["block-time"], "block-time", 12, 0.05) * 1000);
  const seed = Math.floor(intFlag(values.seed, "seed", 1));
  const finalityLag = Math.floor(intFlag(values["finality-lag"], "finality-lag", 2));
  const upgradeAt =
    values["upgrade-at"] === undefined ? undefined : intFlag(values["upgrade-at"], "upgrade-at", 0, 1);
  let genesisTimestamp: bigint | undefined;
  if (values["genesis-time"] === "now") {
    // Place genesis so the pre-built head lands at the current time (not byte-for-byte reproducible).
    genesisTimestamp = BigInt(Date.now() - history * blockTimeMs);
  } else if (values["genesis-time"] !== undefined) {
    genesisTimestamp = BigInt(intFlag(values["genesis-time"], "genesis-time", 0));
  }

  const rules = values.rules ?? "current";
  if (rules !== "current" && rules !== "v3") {
    console.error(`--rules: expected current or v3\n${USAGE}`);
    process.exit(2);
  }
  await cryptoWaitReady();
  // The economy (SubtensorModule, Swap, AdminUtils) plugs in as pallets; --no-economy runs the bare chain.
  const withEconomy = !values["no-economy"];
  const scenario =
    withEconomy && !values["no-scenario"]
      ? await createScenario({
          seed,
          genesisTimestamp,
          upgradeAt: upgradeAt ?? (history > 1 ? Math.floor(history / 2) : undefined),
        })
      : undefined;
  const runtimes = [BASE_SPEC_VERSION, UPGRADE_SPEC_VERSION].map((specVersion) =>
    composeRuntime({
      metadata: buildMetadata({ specVersion, variant: rules }),
      specVersion,
      pallets: withEconomy
        ? economyPallets({ specVersion, variant: rules, genesis: scenario?.economyGenesis })
        : [],
    }),
  );
  const alice = devPairs().Alice;
  const started = performance.now();
  const node = await startDevnet({
    runtimes,
    port,
    host: values.host,
    seed,
    history,
    blockTimeMs,
    manual: values.manual ?? false,
    finalityLag,
    genesisTimestamp,
    genesis: scenario?.genesis,
    beforeBlock:
      scenario?.beforeBlock ??
      ((chain) => {
        // The mid-history runtime upgrade, as Finney does it: sudo(system.set_code) signed by the sudo key.
        if (upgradeAt === undefined || chain.best.number + 1 !== upgradeAt) return;
        const upgrade = runtimes[1];
        if (!upgrade) return;
        const setCode = makeCall(chain, "System", "set_code", [u8aToHex(upgrade.code)]);
        chain.submit(signCall(chain, alice, makeCall(chain, "Sudo", "sudo", [setCode])));
      }),
  });
  const secs = (performance.now() - started) / 1000;
  if (history > 0)
    console.log(
      `pre-built ${history} blocks in ${secs.toFixed(1)}s (${Math.round(history / secs)} blocks/s)`,
    );
  console.log(`devnet listening on ${node.wsUrl} (http same port), head #${node.chain.best.number}`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await node.close();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
