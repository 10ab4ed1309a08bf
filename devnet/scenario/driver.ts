// The seeded scenario driver: before every block it reads the best state and submits that block's
// extrinsics (signed in-process, queued through the node's trusted path). Decisions depend only on the
// seed and on chain state, so the same seed gives the same chain byte for byte.
import { u8aToHex } from "@polkadot/util";
import { cryptoWaitReady } from "@polkadot/util-crypto";
import type { EconomyGenesis } from "../economy";
import { AlreadyImported, type Chain } from "../node/chain";
import { DEFAULT_GENESIS_TIMESTAMP, devGenesis } from "../node/genesis";
import { codeFor } from "../node/runtime/compose";
import { readAccount } from "../node/runtime/system";
import { Ed25519Signer, fastSign } from "../node/signer";
import { type GenesisConfig, TransactionRejected } from "../node/types";
import { SM, Store } from "../pallets/subtensor/store";
import { buildCast, type Cast, type Cold, type Validator } from "./actors";
import { CallFactory } from "./calls";
import { Prng, taoToRao } from "./prng";

const TAO = 1_000_000_000n;

export interface ScenarioOptions {
  seed: number;
  /** Coldkeys funded at genesis (default 3,000). */
  accounts?: number;
  /** Validator hotkeys (default 32). */
  validators?: number;
  /** Coldkeys that register subnets (default 40). */
  owners?: number;
  /** Subnets created at genesis by the economy (default 8). */
  genesisSubnets?: number;
  /** The driver registers subnets until this many dynamic subnets exist (default 128, the chain's limit). */
  targetSubnets?: number;
  /** Blocks between subnet registrations on average; also the lock-cost reduction interval (default 12). */
  registrationSpacing?: number;
  /** Median number of flow extrinsics per block (default 26; with weights and housekeeping ~30). */
  flowMedian?: number;
  /** Block whose extrinsics include `sudo(system.set_code(394))`; undefined: no upgrade. */
  upgradeAt?: number;
  /** Tempo of every subnet (default 360, Finney's). */
  tempo?: number;
  /** Blocks between sudo hyperparameter changes on average (default 50). */
  hyperparamEvery?: number;
  /** Range the UID cap of each subnet is drawn from (default [32, 128]): full subnets prune miners. */
  maxUids?: [number, number];
  genesisTimestamp?: bigint;
}

export type FlowKind =
  | "transfer"
  | "add_stake"
  | "root_stake"
  | "remove_stake"
  | "add_stake_limit"
  | "remove_stake_limit"
  | "move_stake"
  | "transfer_stake"
  | "swap_stake"
  | "burned_register"
  | "burn_alpha"
  | "recycle_alpha"
  | "take"
  | "children"
  | "serve_axon"
  | "failing";

export interface ScenarioStats {
  /** Extrinsics queued per pallet.call. */
  submitted: Record<string, number>;
  /** Intentionally invalid extrinsics queued (they land as ExtrinsicFailed). */
  intendedFailures: number;
  /** Transactions the pool refused at submission (e.g. the payer cannot cover the fee). */
  refused: number;
}

export interface Scenario {
  /** Genesis with the dev accounts and every scenario key funded; pass to `startDevnet({ genesis })`. */
  genesis: GenesisConfig;
  /** Economy genesis for `economyPallets({ …, genesis })` (genesis subnets and tempo). */
  economyGenesis: EconomyGenesis;
  /** Submits the next block's extrinsics; pass as `startDevnet({ beforeBlock })`. */
  beforeBlock(chain: Chain): void;
  readonly stats: ScenarioStats;
  readonly cast: Cast;
  /** The chain's sudo key on a scenario chain (ed25519, so its signatures are deterministic). */
  readonly sudo: Ed25519Signer;
}

/** Pull of a subnet's fair price toward its anchor per block, and its per-block log volatility. */
const FAIR_PULL = 0.002;
const FAIR_SIGMA = 0.0015;
/** Probability per unit of ln(price / fair) that a trader turns a buy into a sell (or back). */
const REVERSION = 4;

const FLOW_WEIGHTS: Readonly<Record<FlowKind, number>> = {
  transfer: 20,
  add_stake: 24,
  root_stake: 3,
  remove_stake: 14,
  add_stake_limit: 4,
  remove_stake_limit: 3,
  move_stake: 4,
  transfer_stake: 2,
  swap_stake: 4,
  burned_register: 4,
  burn_alpha: 1.5,
  recycle_alpha: 1.5,
  take: 1,
  children: 0.4,
  serve_axon: 0.8,
  failing: 3,
};

/** Hyperparameters changed by sudo now and then, with the range drawn from. */
const HYPERPARAMS: ReadonlyArray<[string, number, number]> = [
  ["sudo_set_weights_set_rate_limit", 50, 150],
  ["sudo_set_immunity_period", 1_000, 7_200],
  ["sudo_set_max_allowed_validators", 16, 64],
  ["sudo_set_adjustment_alpha", 0, 65_535],
  ["sudo_set_activity_cutoff", 1_000, 7_200],
  ["sudo_set_kappa", 30_000, 35_000],
  ["sudo_set_rho", 5, 30],
];

interface SubnetInfo {
  netuid: number;
  owner?: Cold;
  started: boolean;
  identity: boolean;
  tuned: boolean;
  /** Hotkeys stakers may delegate to on this subnet (owner hotkey, registered validators). */
  hots: Uint8Array[];
}

interface Position {
  cold: Cold;
  hot: Uint8Array;
  netuid: number;
}

const NAMES = [
  "apex",
  "omron",
  "nova",
  "chutes",
  "templar",
  "dojo",
  "sturdy",
  "vision",
  "proteus",
  "hivetrain",
  "bitmind",
  "graphite",
  "compute",
  "zeus",
  "infinite",
  "gaia",
  "kaito",
  "lium",
  "ridges",
  "score",
];

export async function createScenario(opts: ScenarioOptions): Promise<Scenario> {
  await cryptoWaitReady();
  const seed = opts.seed;
  const rng = new Prng(seed);
  const tempo = opts.tempo ?? 360;
  const spacing = opts.registrationSpacing ?? 12;
  const target = opts.targetSubnets ?? 128;
  const flowMedian = opts.flowMedian ?? 26;
  const hyperEvery = opts.hyperparamEvery ?? 50;
  const [uidLo, uidHi] = opts.maxUids ?? [32, 128];
  const uidCap = () => uidLo + rng.int(Math.max(1, uidHi - uidLo + 1));
  const cast = buildCast({
    seed,
    accounts: opts.accounts ?? 3_000,
    validators: opts.validators ?? 32,
    owners: opts.owners ?? 40,
  });
  // The sudo key is the scenario's own ed25519 key: sr25519 signatures (Alice's) are randomised, which
  // would make the chain differ from run to run.
  const sudoKey = Ed25519Signer.fromLabel(`taoview/scenario/${seed}/sudo`);
  const base = devGenesis({ seed, genesisTimestamp: opts.genesisTimestamp ?? DEFAULT_GENESIS_TIMESTAMP });
  const genesis: GenesisConfig = {
    ...base,
    sudo: sudoKey.publicKey,
    accounts: [...base.accounts, ...cast.genesisAccounts, { id: sudoKey.publicKey, free: 1_000_000n * TAO }],
  };
  const stats: ScenarioStats = { submitted: {}, intendedFailures: 0, refused: 0 };

  const subnets = new Map<number, SubnetInfo>();
  const validatorNets = new Map<number, number[]>();
  const positions: Position[] = [];
  const positionsByNet = new Map<number, Position[]>();
  const positionKeys = new Set<string>();
  /**
   * Each subnet's "fair" price (ln TAO per alpha), a random walk pulled toward an anchor: traders buy below it
   * and sell above it, so prices wander like Finney's (a few % a day) instead of running away with the net
   * buying of a young network. New subnets start at their launch price and drift to a Finney-like anchor.
   */
  const fair = new Map<number, { log: number; anchor: number }>();
  let pendingRegistration: { owner: Cold; hot: Uint8Array; at: number } | undefined;
  let nextRegistrationAt = 2;
  let nextHyperparamAt = 1 + Math.max(1, Math.round(hyperEvery * (0.5 + rng.float())));
  let ownerCursor = 0;
  let factory: CallFactory | undefined;
  let factoryChain: Chain | undefined;

  function addPosition(p: Position): void {
    const key = `${p.cold.index}/${u8aToHex(p.hot)}/${p.netuid}`;
    if (positionKeys.has(key)) return;
    positionKeys.add(key);
    positions.push(p);
    const list = positionsByNet.get(p.netuid);
    if (list) list.push(p);
    else positionsByNet.set(p.netuid, [p]);
  }

  const retail = cast.colds.filter((c) => !c.whale);
  const whales = cast.colds.filter((c) => c.whale);

  function scanSubnets(st: Store): void {
    for (const netuid of st.netuids()) {
      if (netuid === 0 || subnets.has(netuid)) continue;
      const ownerKey = st.account("SubnetOwner", netuid);
      const owner = ownerKey ? cast.byPublicKey.get(u8aToHex(ownerKey)) : undefined;
      const ownerHot = st.account("SubnetOwnerHotkey", netuid);
      subnets.set(netuid, {
        netuid,
        owner,
        started: st.bool("SubtokenEnabled", netuid),
        identity: owner === undefined,
        tuned: owner === undefined,
        hots: ownerHot ? [ownerHot] : [],
      });
    }
  }

  function beforeBlock(chain: Chain): void {
    if (factoryChain !== chain) {
      factory = new CallFactory(chain);
      factoryChain = chain;
    }
    const calls = factory as CallFactory;
    const n = chain.best.number + 1;
    const runtime = chain.runtimeAt(chain.best);
    const reader = chain.reader(chain.best);
    const st = new Store(runtime.codec, reader);
    const used = new Set<string>();
    let sudoNonce = readAccount(runtime.codec, reader, sudoKey.publicKey).nonce;

    if (subnets.size === 0 || (pendingRegistration && n > pendingRegistration.at)) {
      scanSubnets(st);
      pendingRegistration = undefined;
    }

    const submit = (signer: Ed25519Signer, pallet: string, call: string, args: unknown[]): boolean => {
      const id = u8aToHex(signer.publicKey);
      if (used.has(id)) return false;
      used.add(id);
      const nonce = readAccount(runtime.codec, reader, signer.publicKey).nonce;
      try {
        chain.submitTrusted(fastSign(chain, signer, calls.make(pallet, call, args), nonce));
      } catch (e) {
        if (!(e instanceof TransactionRejected || e instanceof AlreadyImported)) throw e;
        stats.refused++;
        return false;
      }
      const k = `${pallet}.${call}`;
      stats.submitted[k] = (stats.submitted[k] ?? 0) + 1;
      return true;
    };
    const sudo = (pallet: string, call: string, args: unknown[]): void => {
      const inner = calls.make(pallet, call, args);
      chain.submitTrusted(fastSign(chain, sudoKey, calls.make("Sudo", "sudo", [inner]), sudoNonce++));
      const k = `Sudo.sudo(${pallet}.${call})`;
      stats.submitted[k] = (stats.submitted[k] ?? 0) + 1;
    };

    // Chain-wide settings once: registration costs that decay within the spacing (so they move both
    // ways), and a short take rate limit so take changes show up in short histories.
    if (n === 1) {
      sudo("AdminUtils", "sudo_set_network_rate_limit", [0]);
      sudo("AdminUtils", "sudo_set_lock_reduction_interval", [spacing]);
      sudo("AdminUtils", "sudo_set_network_min_lock_cost", [100n * TAO]);
      sudo("AdminUtils", "sudo_set_tx_delegate_take_rate_limit", [20]);
      // Genesis subnets (owned by the dev accounts) get their UID caps from sudo.
      for (const g of subnets.values()) {
        if (g.owner) continue;
        sudo("AdminUtils", "sudo_set_max_allowed_uids", [g.netuid, uidCap()]);
      }
    }
    if (opts.upgradeAt !== undefined && n === opts.upgradeAt)
      sudo("System", "set_code", [u8aToHex(codeFor(394))]);
    if (n >= nextHyperparamAt && subnets.size > 0) {
      const [call, lo, hi] = rng.pick(HYPERPARAMS);
      const netuid = rng.pick([...subnets.keys()]);
      sudo("AdminUtils", call, [netuid, lo + rng.int(hi - lo + 1)]);
      nextHyperparamAt = n + Math.max(1, Math.round(hyperEvery * (0.5 + rng.float())));
    }

    // Subnet registrations (the lock cost doubles on each and decays over `spacing` blocks).
    if (n >= nextRegistrationAt && !pendingRegistration && subnets.size < target && cast.owners.length > 0) {
      const owner = cast.owners[ownerCursor++ % cast.owners.length] as Cold;
      const hot = rng.bytes(32);
      if (submit(owner.signer, "SubtensorModule", "register_network", [hot]))
        pendingRegistration = { owner, hot, at: n };
      nextRegistrationAt = n + Math.max(1, Math.round(spacing * (0.5 + rng.float())));
    }

    // Owners bring their subnets to life: start_call, identity, a smaller UID cap (so miners get pruned).
    for (const s of subnets.values()) {
      if (!s.owner) continue;
      if (!s.started) {
        if (submit(s.owner.signer, "SubtensorModule", "start_call", [s.netuid])) s.started = true;
      } else if (!s.identity) {
        const name = `${rng.pick(NAMES)}-${s.netuid}`;
        if (
          submit(s.owner.signer, "SubtensorModule", "set_subnet_identity", [
            s.netuid,
            name,
            `https://github.com/devnet-${name}`,
            `${name}@devnet.invalid`,
            `https://${name}.devnet.invalid`,
            `${name}#${1000 + rng.int(9000)}`,
            `Subnet ${s.netuid}: ${name}, a devnet subnet`,
            `https://${name}.devnet.invalid/logo.png`,
            "",
          ])
        )
          s.identity = true;
      } else if (!s.tuned) {
        if (submit(s.owner.signer, "AdminUtils", "sudo_set_max_allowed_uids", [s.netuid, uidCap()]))
          s.tuned = true;
      }
    }
    const live = [...subnets.values()].filter((s) => s.started);
    for (const s of live) {
      const f = fair.get(s.netuid);
      if (!f) {
        const launch = Math.log(Number(priceRao(s.netuid)) / 1e9);
        // Genesis subnets already sit at Finney-like prices; registered ones settle at 0.004–0.12 TAO.
        const anchor = s.owner ? Math.log(0.004) + rng.float() * Math.log(30) : launch;
        fair.set(s.netuid, { log: launch, anchor });
      } else f.log += FAIR_PULL * (f.anchor - f.log) + FAIR_SIGMA * rng.normal();
    }

    // One validator registration per block until every validator sits on its home subnets.
    const v = rng.pick(cast.validators);
    const nets = validatorNets.get(v.index) ?? [];
    if (nets.length < v.homes && live.length > 0) {
      const s = rng.pick(live);
      if (
        !nets.includes(s.netuid) &&
        submit(v.owner.signer, "SubtensorModule", "burned_register", [s.netuid, v.hot.publicKey])
      ) {
        nets.push(s.netuid);
        validatorNets.set(v.index, nets);
        s.hots.push(v.hot.publicKey);
      }
    }

    // Weights once per tempo per (validator, subnet), spread over the tempo.
    for (const val of cast.validators) {
      for (const netuid of validatorNets.get(val.index) ?? []) {
        if ((n + val.index * 7 + netuid * 13) % tempo !== 0) continue;
        setWeights(val, netuid);
      }
    }

    // Flows: a heavy-tailed number of trades, transfers and registrations.
    const count = Math.min(200, Math.max(1, Math.round(rng.logNormal(flowMedian, 0.5))));
    for (let i = 0; i < count && live.length > 0; i++) flow(rng.weighted(FLOW_WEIGHTS), live);

    function setWeights(val: Validator, netuid: number): void {
      const uid = st.read(SM, "Uids", netuid, val.hot.publicKey)?.toJSON();
      if (typeof uid !== "number") return;
      // A validator that set weights too recently waits for its next turn (the chain would refuse it).
      const last = st.u64s("LastUpdate", netuid)[uid] ?? 0n;
      if (BigInt(n) - last < st.big("WeightsSetRateLimit", netuid)) return;
      // Without a validator permit (granted at an epoch to the top stake) the chain refuses the weights, and
      // Finney's validators do not try; the scenario's deliberate failures come from the "failing" flow.
      if (!(st.bools("ValidatorPermit", netuid)[uid] ?? false)) return;
      const size = st.num("SubnetworkN", netuid);
      const dests: number[] = [];
      const k = Math.min(size, 4 + rng.int(28));
      const start = rng.int(Math.max(1, size));
      for (let j = 0; j < k; j++) dests.push((start + j) % size);
      const weights = dests.map(() => 1 + rng.int(65_535));
      submit(val.hot, "SubtensorModule", "set_weights", [netuid, dests, weights, 0]);
    }

    /** Subnets are not equally popular: older ones (lower netuids) draw most of the activity. */
    function popular(): SubnetInfo {
      const u = rng.float();
      return live[Math.floor(live.length * u * u)] as SubnetInfo;
    }

    function actor(): Cold {
      return rng.chance(0.12) ? rng.pick(whales) : rng.pick(retail);
    }

    /**
     * TAO to put in: retail log-normal, whales Pareto; never more than a third of genesis funds, nor more than
     * a slice of the pool (1% retail, 5% whales) — Finney's trades rarely move a pool by more than that.
     */
    function stakeAmount(c: Cold, netuid?: number): bigint {
      const tao = c.whale ? rng.pareto(50, 1.2) : rng.logNormal(3, 1);
      let rao = taoToRao(tao);
      const cap = c.funds / 3n;
      if (rao > cap) rao = cap;
      if (netuid !== undefined && netuid !== 0) {
        const depth = (st.big("SubnetTAO", netuid) * (c.whale ? 5n : 1n)) / 100n;
        if (depth > 0n && rao > depth) rao = depth;
      }
      return rao;
    }

    /** ln(price / fair) of a subnet; 0 for root and subnets without a fair price yet. */
    function mispricing(netuid: number): number {
      const f = fair.get(netuid);
      if (!f || netuid === 0) return 0;
      const p = Number(priceRao(netuid));
      return p > 0 ? Math.log(p / 1e9) - f.log : 0;
    }

    /** Whether a trader turns a buy (or a sell) around because the price is above (or below) fair. */
    function contrarian(netuid: number, buying: boolean): boolean {
      const d = mispricing(netuid) * (buying ? 1 : -1);
      return d > 0 && rng.float() < Math.min(0.95, REVERSION * d);
    }

    function alphaOf(p: Position): bigint {
      const share = st.fixed(SM, "Alpha", p.hot, p.cold.signer.publicKey, p.netuid);
      if (share === 0n) return 0n;
      const denom = st.fixed(SM, "TotalHotkeyShares", p.hot, p.netuid);
      if (denom === 0n) return 0n;
      return (st.big("TotalHotkeyAlpha", p.hot, p.netuid) * share) / denom;
    }

    function priceRao(netuid: number): bigint {
      const alphaIn = st.big("SubnetAlphaIn", netuid);
      return alphaIn === 0n ? TAO : (st.big("SubnetTAO", netuid) * TAO) / alphaIn;
    }

    function fraction(x: bigint, lo: number, hi: number): bigint {
      const f = lo + rng.float() * (hi - lo);
      return (x * BigInt(Math.floor(f * 10_000))) / 10_000n;
    }

    function position(): Position | undefined {
      return positions.length === 0 ? undefined : positions[rng.int(positions.length)];
    }

    function addStake(limit: boolean, on?: SubnetInfo): void {
      const c = actor();
      const s = on ?? popular();
      if (s.hots.length === 0) return;
      if (!on && contrarian(s.netuid, true)) {
        const held = positionsByNet.get(s.netuid);
        if (held && held.length > 0) removeStake(limit, held[rng.int(held.length)] as Position);
        return;
      }
      const hot = rng.pick(s.hots);
      const amount = stakeAmount(c, s.netuid);
      const ok = limit
        ? submit(c.signer, "SubtensorModule", "add_stake_limit", [
            hot,
            s.netuid,
            amount,
            fraction(priceRao(s.netuid), 1.0, 1.15),
            rng.chance(0.5),
          ])
        : submit(c.signer, "SubtensorModule", "add_stake", [hot, s.netuid, amount]);
      if (ok) addPosition({ cold: c, hot, netuid: s.netuid });
    }

    function removeStake(limit: boolean, p: Position): void {
      const alpha = fraction(alphaOf(p), 0.1, 0.9);
      if (alpha === 0n) return;
      if (!limit) submit(p.cold.signer, "SubtensorModule", "remove_stake", [p.hot, p.netuid, alpha]);
      else
        submit(p.cold.signer, "SubtensorModule", "remove_stake_limit", [
          p.hot,
          p.netuid,
          alpha,
          fraction(priceRao(p.netuid), 0.85, 1.0),
          rng.chance(0.5),
        ]);
    }

    function flow(kind: FlowKind, live: SubnetInfo[]): void {
      switch (kind) {
        case "transfer": {
          const c = actor();
          const to = rng.pick(cast.colds);
          const amount = c.whale ? taoToRao(rng.pareto(10, 1.1)) : taoToRao(rng.logNormal(1, 1.2));
          const cap = c.funds / 4n;
          submit(c.signer, "Balances", "transfer_keep_alive", [
            { Id: to.signer.publicKey },
            amount > cap ? cap : amount,
          ]);
          return;
        }
        case "add_stake":
        case "add_stake_limit":
          addStake(kind === "add_stake_limit");
          return;
        case "root_stake": {
          // Whales back validators on root, as on Finney: root TAO (× TaoWeight) is what lets subnets take
          // TAO into their pools (the root-proportion cap); without it every block's TAO goes to chain buys.
          const val = rng.pick(cast.validators);
          if ((validatorNets.get(val.index) ?? []).length === 0) return;
          const c = rng.pick(whales);
          const ok = submit(c.signer, "SubtensorModule", "add_stake", [val.hot.publicKey, 0, stakeAmount(c)]);
          if (ok) addPosition({ cold: c, hot: val.hot.publicKey, netuid: 0 });
          return;
        }
        case "remove_stake":
        case "remove_stake_limit": {
          const p = position();
          if (!p) return;
          const limit = kind === "remove_stake_limit";
          const s = subnets.get(p.netuid);
          if (s?.started && contrarian(p.netuid, false)) addStake(limit, s);
          else removeStake(limit, p);
          return;
        }
        case "move_stake":
        case "transfer_stake":
        case "swap_stake": {
          const p = position();
          const dest = rng.pick(live);
          if (!p || dest.hots.length === 0) return;
          // Moving into another subnet buys its alpha: the same price sense and pool-size limit as a stake.
          if (dest.netuid !== p.netuid && contrarian(dest.netuid, true)) return;
          let alpha = fraction(alphaOf(p), 0.2, 0.8);
          if (dest.netuid !== p.netuid && dest.netuid !== 0) {
            const price = p.netuid === 0 ? TAO : priceRao(p.netuid);
            const room = (st.big("SubnetTAO", dest.netuid) * 2n) / 100n;
            if (price > 0n && (alpha * price) / TAO > room) alpha = (room * TAO) / price;
          }
          if (alpha === 0n) return;
          if (kind === "move_stake")
            submit(p.cold.signer, "SubtensorModule", "move_stake", [
              p.hot,
              rng.pick(dest.hots),
              p.netuid,
              dest.netuid,
              alpha,
            ]);
          else if (kind === "transfer_stake")
            submit(p.cold.signer, "SubtensorModule", "transfer_stake", [
              rng.pick(cast.colds).signer.publicKey,
              p.hot,
              p.netuid,
              dest.netuid,
              alpha,
            ]);
          else if (dest.netuid !== p.netuid && dest.hots.some((h) => u8aToHex(h) === u8aToHex(p.hot)))
            submit(p.cold.signer, "SubtensorModule", "swap_stake", [p.hot, p.netuid, dest.netuid, alpha]);
          return;
        }
        case "burned_register": {
          // A miner registers only when the burn is worth it to them (median 0.5 TAO): the burn then settles
          // where registrations meet the subnet's target, as on Finney, instead of pinning at MaxBurn — and
          // since the burn buys alpha from the pool, a pinned burn would be a steady buy on every subnet.
          const c = actor();
          const s = popular();
          if (taoToRao(rng.logNormal(0.5, 1.2)) < st.big("Burn", s.netuid)) return;
          submit(c.signer, "SubtensorModule", "burned_register", [s.netuid, rng.bytes(32)]);
          return;
        }
        case "burn_alpha":
        case "recycle_alpha": {
          const p = position();
          if (!p) return;
          const alpha = fraction(alphaOf(p), 0.05, 0.3);
          if (alpha === 0n) return;
          submit(p.cold.signer, "SubtensorModule", kind, [p.hot, alpha, p.netuid]);
          return;
        }
        case "take": {
          const val = rng.pick(cast.validators);
          const take = 1_000 + rng.int(10_796);
          const current = st.num("Delegates", val.hot.publicKey);
          if (!st.has(SM, "Owner", val.hot.publicKey) || take === current) return;
          submit(val.owner.signer, "SubtensorModule", take > current ? "increase_take" : "decrease_take", [
            val.hot.publicKey,
            take,
          ]);
          return;
        }
        case "children": {
          // A validator delegates part of its weight on one subnet to up to three other validators.
          const val = rng.pick(cast.validators);
          const nets = validatorNets.get(val.index) ?? [];
          if (nets.length === 0) return;
          const others = cast.validators.filter((o) => o !== val);
          const children: [bigint, Uint8Array][] = [];
          for (let j = 1 + rng.int(3); j > 0 && others.length > 0; j--) {
            const child = others.splice(rng.int(others.length), 1)[0] as Validator;
            children.push([BigInt(rng.u32()) << 30n, child.hot.publicKey]);
          }
          submit(val.owner.signer, "SubtensorModule", "set_children", [
            val.hot.publicKey,
            rng.pick(nets),
            children,
          ]);
          return;
        }
        case "serve_axon": {
          const val = rng.pick(cast.validators);
          const nets = validatorNets.get(val.index) ?? [];
          if (nets.length === 0) return;
          // A public-looking IPv4 address (first octet 11..222) and a port in the usual miner range.
          const ip = (BigInt(11 + rng.int(212)) << 24n) | BigInt(rng.u32() & 0xffffff);
          submit(val.hot, "SubtensorModule", "serve_axon", [
            rng.pick(nets),
            1,
            ip,
            8000 + rng.int(2000),
            4,
            0,
            0,
            0,
          ]);
          return;
        }
        case "failing": {
          // Valid transactions whose dispatch fails: the chain's errors show up as ExtrinsicFailed.
          const c = rng.pick(retail);
          const which = rng.int(3);
          let ok: boolean;
          if (which === 0)
            ok = submit(c.signer, "SubtensorModule", "add_stake", [
              rng.pick(live).hots[0] ?? c.signer.publicKey,
              rng.pick(live).netuid,
              c.funds * 10n + TAO,
            ]);
          else if (which === 1)
            ok = submit(c.signer, "SubtensorModule", "remove_stake", [
              rng.pick(cast.validators).hot.publicKey,
              rng.pick(live).netuid,
              1_000n * TAO,
            ]);
          else ok = submit(c.signer, "SubtensorModule", "add_stake", [c.signer.publicKey, 60_000, TAO]);
          if (ok) stats.intendedFailures++;
          return;
        }
      }
    }
  }

  return {
    genesis,
    // Genesis subnets look like Finney's established ones: deep pools (20,000 TAO) at 0.06 TAO per alpha for
    // netuid 1 falling to ~0.014 for netuid 8.
    economyGenesis: {
      subnets: opts.genesisSubnets ?? 8,
      tempo,
      poolTao: 20_000n * TAO,
      priceRao: (netuid) => BigInt(Math.round(6e7 / netuid ** 0.7)),
    },
    beforeBlock,
    stats,
    cast,
    sudo: sudoKey,
  };
}
