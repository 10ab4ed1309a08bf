// Genesis of the economy: the root subnet, N dynamic subnets with owners, identities, pools and
// Finney-like hyperparameters, and the issuance totals that tie balances and pools together.
import { stringToU8a } from "@polkadot/util";
import { blake2AsU8a } from "@polkadot/util-crypto";
import type { GenesisContext } from "../../node/runtime/pallet";
import type { EconomyEngine } from "../engine";
import { RAO_PER_TAO } from "../rules";
import { SM, Store } from "./store";
import { initSubnet, tokenSymbol } from "./subnets";

export interface EconomyGenesis {
  /** Dynamic subnets besides root (netuids 1..n). Default 4. */
  subnets?: number;
  /** Tempo of every subnet. Default 360 (Finney). */
  tempo?: number;
  /** TAO seeded in each subnet pool. Default 1,000 TAO. */
  poolTao?: bigint;
  /** Initial price of subnet i in rao per alpha; default 1e9 / i (1, 0.5, 0.33 … TAO). */
  priceRao?: (netuid: number) => bigint;
  /** Subnet names; default `subnet-<netuid>`. */
  name?: (netuid: number) => string;
  /** `SubtokenEnabled` + `FirstEmissionBlockNumber` set at genesis (start_call done). Default true. */
  started?: boolean;
  /**
   * Whether started subnets receive emission from block 1 (default true). False leaves
   * `FirstEmissionBlockNumber` unset while staking stays open: pools then move only with extrinsics.
   */
  emitting?: boolean;
}

/** A deterministic hotkey for a genesis subnet owner (no private key: it only owns the subnet's UID 0). */
export function genesisOwnerHotkey(netuid: number): Uint8Array {
  return blake2AsU8a(stringToU8a(`taoview/devnet/subnet-owner-hotkey/${netuid}`), 256);
}

export function writeIdentity(st: Store, netuid: number, name: string): void {
  st.set("SubnetIdentitiesV3", [netuid], {
    subnet_name: name,
    github_repo: `https://github.com/taoview-devnet/${name}`,
    subnet_contact: `${name}@devnet.invalid`,
    subnet_url: `https://${name}.devnet.invalid`,
    discord: "",
    description: `Devnet subnet ${netuid}`,
    logo_url: "",
    additional: "",
  });
}

export function economyGenesis(ctx: GenesisContext, engine: EconomyEngine, cfg: EconomyGenesis): void {
  const st = new Store(ctx.codec, ctx.storage);
  const n = cfg.subnets ?? 4;
  const tempo = cfg.tempo ?? 360;
  const poolTao = cfg.poolTao ?? 1_000n * RAO_PER_TAO;
  const started = cfg.started ?? true;
  const owners = ctx.config.accounts.map((a) => a.id);
  // Mainnet TaoWeight (0.18, set by migrate_rao) rather than the fresh-chain default.
  st.set("TaoWeight", [], 3_320_413_933_267_719_290n);
  st.set("NetworkMinLockCost", [], 1_000n * RAO_PER_TAO);
  st.set("NetworkLastLockCost", [], 1_000n * RAO_PER_TAO);
  st.set("NetworkLockReductionInterval", [], 14_400n);
  st.set("NetworkRateLimit", [], 0n);

  st.set("NetworksAdded", [0], true);
  st.set("SubnetMechanism", [0], 0);
  st.set("Tempo", [0], 100);
  st.set("SubtokenEnabled", [0], true);
  st.set("TokenSymbol", [0], tokenSymbol(0));
  st.set("TotalStake", [], 0n);
  let pools = 0n;
  for (let netuid = 1; netuid <= n; netuid++) {
    const owner = owners[(netuid - 1) % Math.max(1, owners.length)];
    if (!owner) throw new Error("economy genesis needs at least one funded account to own subnets");
    const hot = genesisOwnerHotkey(netuid);
    const price = cfg.priceRao?.(netuid) ?? RAO_PER_TAO / BigInt(netuid);
    const alphaIn = (poolTao * RAO_PER_TAO) / price;
    initSubnet(st, engine, {
      netuid,
      owner,
      hotkey: hot,
      tao: poolTao,
      alphaIn,
      locked: poolTao,
      tempo,
      block: 0n,
    });
    writeIdentity(st, netuid, cfg.name?.(netuid) ?? `subnet-${netuid}`);
    if (started) {
      st.set("SubtokenEnabled", [netuid], true);
      if (cfg.emitting ?? true) st.set("FirstEmissionBlockNumber", [netuid], 1n);
    }
    // Moving price starts at the seeded spot price (capped at 1 TAO like the EMA), I96F32 bits.
    const capped = price < RAO_PER_TAO ? price : RAO_PER_TAO;
    st.setFixed(SM, "SubnetMovingPrice", [netuid], (capped << 32n) / RAO_PER_TAO);
    pools += poolTao;
  }
  st.setBig("TotalNetworks", [], st.num("TotalNetworks") + 1);
  // SubtensorModule::TotalIssuance counts free balances and the TAO locked in pools.
  const balances = BigInt(ctx.codec.read(ctx.storage, "Balances", "TotalIssuance")?.toString() ?? "0");
  st.set("TotalIssuance", [], balances + pools);
}
