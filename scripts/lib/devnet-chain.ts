// The devnet chain a data folder belongs to. The devnet keeps no files: every start rebuilds the same chain
// from its parameters, and the indexed database must see the same blocks again. So the first start records
// the parameters (and a genesis time placing the pre-built head at that moment, so block ages read like a
// live network) in <data dir>/devnet.json, and later starts reuse them; a changed setting is refused with a
// way out instead of silently building another chain under an existing database.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface DevnetChainParams {
  seed: number;
  history: number;
  blockTime: number;
  genesisTimeMs: number;
}

export class DevnetChainMismatch extends Error {}

export function resolveDevnetChain(
  dataDir: string,
  wanted: Omit<DevnetChainParams, "genesisTimeMs">,
  nowMs: number = Date.now(),
): DevnetChainParams {
  const file = path.join(dataDir, "devnet.json");
  if (existsSync(file)) {
    let stored: DevnetChainParams;
    try {
      stored = JSON.parse(readFileSync(file, "utf8")) as DevnetChainParams;
    } catch (e) {
      throw new DevnetChainMismatch(
        `${file} is not valid JSON (${(e as Error).message}); delete it to start over`,
      );
    }
    const names = { seed: "DEVNET_SEED", history: "DEVNET_HISTORY", blockTime: "DEVNET_BLOCK_TIME" } as const;
    for (const key of ["seed", "history", "blockTime"] as const) {
      if (stored[key] !== wanted[key]) {
        throw new DevnetChainMismatch(
          `${names[key]}: is ${wanted[key]}, but the devnet chain indexed in ${dataDir} was built with ` +
            `${stored[key]}. Set it back to ${stored[key]}, or use another TAOVIEW_DATA_DIR (or delete ` +
            `${dataDir}) to build a new chain.`,
        );
      }
    }
    if (!Number.isSafeInteger(stored.genesisTimeMs))
      throw new DevnetChainMismatch(`${file}: genesisTimeMs is missing; delete the file to start over`);
    return stored;
  }
  const params = { ...wanted, genesisTimeMs: Math.round(nowMs - wanted.history * wanted.blockTime * 1000) };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(params, null, 2)}\n`);
  return params;
}
