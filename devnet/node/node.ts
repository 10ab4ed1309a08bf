// Starts a devnet node: genesis, pre-built history, the RPC server, then block production (timed or manual).
import { cryptoWaitReady } from "@polkadot/util-crypto";
import { Chain } from "./chain";
import { devGenesis } from "./genesis";
import { createMethods } from "./rpc/methods";
import { RpcServer } from "./rpc/server";
import type { ComposedRuntime } from "./runtime/compose";
import type { GenesisConfig } from "./types";

export interface DevnetOptions {
  /** Every runtime the chain can run; the first is the genesis runtime, later ones are upgrade targets. */
  runtimes: ComposedRuntime[];
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** Blocks to pre-build before listening. */
  history?: number;
  blockTimeMs?: number;
  /** Produce blocks only on dev_newBlock. */
  manual?: boolean;
  finalityLag?: number;
  genesis?: GenesisConfig;
  genesisTimestamp?: bigint;
  chainName?: string;
  /** Called before every block is built (scenario drivers submit their extrinsics here). */
  beforeBlock?: (chain: Chain) => void;
}

export interface Devnet {
  chain: Chain;
  port: number;
  wsUrl: string;
  httpUrl: string;
  /** Builds `count` blocks now; returns the new best hash. */
  newBlocks(count: number): string;
  close(): Promise<void>;
}

export const PROPERTIES = { ss58Format: 42, tokenDecimals: 9, tokenSymbol: "TAO" };

export async function startDevnet(opts: DevnetOptions): Promise<Devnet> {
  await cryptoWaitReady();
  const seed = opts.seed ?? 1;
  const blockTimeMs = opts.blockTimeMs ?? 12_000;
  const chain = new Chain({
    runtimes: opts.runtimes,
    genesis: opts.genesis ?? devGenesis({ seed, genesisTimestamp: opts.genesisTimestamp }),
    blockTimeMs,
    finalityLag: opts.finalityLag,
  });
  const newBlocks = (count: number): string => {
    for (let i = 0; i < count; i++) {
      opts.beforeBlock?.(chain);
      chain.produceBlock();
    }
    return chain.best.hash;
  };
  newBlocks(opts.history ?? 0);

  const server = new RpcServer(
    createMethods(chain, {
      chainName: opts.chainName ?? "Bittensor Devnet",
      nodeName: "Taoview Devnet",
      nodeVersion: "1.0.0-taoview-devnet",
      properties: PROPERTIES,
      newBlocks,
    }),
  );
  const port = await server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1");
  const timer = opts.manual
    ? undefined
    : setInterval(() => {
        try {
          newBlocks(1);
        } catch (e) {
          // Keep serving the chain so the failure can be inspected; the next tick tries again.
          console.error("block production failed:", e);
        }
      }, blockTimeMs);
  const host = opts.host ?? "127.0.0.1";
  return {
    chain,
    port,
    wsUrl: `ws://${host}:${port}`,
    httpUrl: `http://${host}:${port}`,
    newBlocks,
    close: async () => {
      if (timer) clearInterval(timer);
      await server.close();
    },
  };
}
