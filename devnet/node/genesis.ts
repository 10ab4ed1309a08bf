// Deterministic genesis: the well-known dev accounts (//Alice, //Bob, … sr25519) funded, Alice as sudo and
// Aura authority, plus `extraAccounts` seed-derived accounts (//taoview/<seed>/<i>) for scenario drivers.
import { Keyring } from "@polkadot/keyring";
import type { KeyringPair } from "@polkadot/keyring/types";
import type { GenesisConfig } from "./types";

export const DEV_NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"] as const;

/** 1,000,000 TAO in rao for each dev account. */
export const DEV_BALANCE = 1_000_000n * 1_000_000_000n;

/** 2025-06-01T00:00:00Z: fixed so the same seed gives the same chain byte for byte. */
export const DEFAULT_GENESIS_TIMESTAMP = 1_748_736_000_000n;

export function devKeyring(): Keyring {
  return new Keyring({ type: "sr25519", ss58Format: 42 });
}

export function devPairs(keyring: Keyring = devKeyring()): Record<(typeof DEV_NAMES)[number], KeyringPair> {
  const out = {} as Record<(typeof DEV_NAMES)[number], KeyringPair>;
  for (const name of DEV_NAMES) out[name] = keyring.addFromUri(`//${name}`);
  return out;
}

export function seededPairs(seed: number, count: number, keyring: Keyring = devKeyring()): KeyringPair[] {
  return Array.from({ length: count }, (_, i) => keyring.addFromUri(`//taoview/${seed}/${i}`));
}

export interface GenesisOptions {
  seed: number;
  genesisTimestamp?: bigint;
  /** Seed-derived funded accounts besides the dev accounts. */
  extraAccounts?: number;
  extraBalance?: bigint;
}

export function devGenesis(opts: GenesisOptions): GenesisConfig {
  const keyring = devKeyring();
  const dev = devPairs(keyring);
  const extra = seededPairs(opts.seed, opts.extraAccounts ?? 0, keyring);
  return {
    accounts: [
      ...Object.values(dev).map((p) => ({ id: p.publicKey, free: DEV_BALANCE })),
      ...extra.map((p) => ({ id: p.publicKey, free: opts.extraBalance ?? 1_000n * 1_000_000_000n })),
    ],
    sudo: dev.Alice.publicKey,
    authorities: [dev.Alice.publicKey],
    genesisTimestamp: opts.genesisTimestamp ?? DEFAULT_GENESIS_TIMESTAMP,
  };
}
