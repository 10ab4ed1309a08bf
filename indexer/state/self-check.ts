// Engine self-check: for a block N, rebuild the coinbase's inputs from the chain's state after N−1 (the coinbase
// runs in on_initialize, before N's extrinsics), run the engine's `runCoinbase` (and the moving-price update that
// follows it), and compare with what the chain stored after N for the items only the block hook writes:
// the per-block emissions, the pending epoch emissions (incl. the drain when an epoch fires), the epoch schedule
// counters and the moving price. Reserves and TotalIssuance are not compared: extrinsics in N change them.
//
// The rule set comes from the runtime that executed N (the parent's): the engine spec is that spec_version,
// except that a runtime declaring the balancer pool (`Swap.SwapBalancer`) under a spec number the engine places
// in the Uniswap-v3 era is run with the latest rules (our devnet's "current" rule set does exactly that). Items a
// rule set cannot reproduce are listed as `unsupported` for the block, never counted as passes.
import { hexToU8a } from "@polkadot/util";
import { HALF_WEIGHT } from "../../lib/engine/ref/balancer";
import {
  type CoinbaseState,
  type CoinbaseSubnet,
  MIN_COINBASE_SPEC,
  runCoinbase,
} from "../../lib/engine/ref/coinbase";
import {
  balancerCoinbasePool,
  type CoinbasePoolModel,
  type PoolView,
} from "../../lib/engine/ref/coinbase-pool";
import * as fx from "../../lib/engine/ref/fixed";
import { movingPrice } from "../../lib/engine/ref/movingPrice";
import { LATEST_SPEC, poolEra } from "../../lib/engine/ref/specs";
import { swapQuote, v3Price } from "../../lib/engine/ref/swap";
import { decodeStorageValue, type Hex, type JsonValue, type Runtime } from "../decode";
import type { RpcClient } from "../rpc";
import { hasStorage, storageFallback, storageKey, storagePrefix } from "./keys";

/** Items compared after the block (storage names as the chain spells them). */
export const CHECK_ITEMS = [
  "SubnetTaoInEmission",
  "SubnetAlphaInEmission",
  "SubnetAlphaOutEmission",
  "SubnetExcessTao",
  "PendingServerEmission",
  "PendingValidatorEmission",
  "PendingRootAlphaDivs",
  "PendingOwnerCut",
  "BlocksSinceLastStep",
  "LastEpochBlock",
  "SubnetEpochIndex",
  "SubnetMovingPrice",
] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];

/** Written only for subnets the coinbase emitted to; other subnets keep their old values. */
const EMITTED_ONLY = new Set<CheckItem>([
  "SubnetTaoInEmission",
  "SubnetAlphaInEmission",
  "SubnetAlphaOutEmission",
  "SubnetExcessTao",
]);

export interface RuleSet {
  /** Spec whose rules the engine applies. */
  engineSpec: number;
  pool: "balancer" | "v3";
  /** `"<engineSpec>/<pool>"`, stored with each check. */
  label: string;
  /** Items this rule set cannot reproduce exactly. */
  unsupported: CheckItem[];
}

export interface Mismatch {
  netuid: number;
  item: CheckItem;
  chain: string;
  engine: string;
}

export interface EngineCheck {
  blockNumber: number;
  specVersion: number;
  /** Rule-set label, null when the engine has no coinbase rules for the spec. */
  rules: string | null;
  subnetsChecked: number;
  /** (subnet, item) pairs compared. */
  itemsChecked: number;
  unsupported: CheckItem[];
  /** Why nothing was checked (no rule set, or `error: …` when the engine or a decode failed), else null. */
  reason: string | null;
  mismatches: Mismatch[];
}

/** The rule set for a block executed by `runtime`, or the reason there is none. */
export function ruleSetFor(runtime: Runtime): RuleSet | { reason: string } {
  const spec = runtime.specVersion;
  if (spec < MIN_COINBASE_SPEC)
    return { reason: `spec ${spec}: the engine's coinbase starts at spec ${MIN_COINBASE_SPEC}` };
  if (spec > LATEST_SPEC) return { reason: `spec ${spec} is newer than the engine's rules (${LATEST_SPEC})` };
  if (!hasStorage(runtime, "subtensorModule", "networksAdded"))
    return { reason: `spec ${spec} has no SubtensorModule.NetworksAdded` };
  const balancerStorage = hasStorage(runtime, "swap", "swapBalancer");
  const era = poolEra(spec);
  if (era === "balancer" || balancerStorage) {
    const engineSpec = era === "balancer" ? spec : LATEST_SPEC;
    return { engineSpec, pool: "balancer", label: `${engineSpec}/balancer`, unsupported: [] };
  }
  // Uniswap-v3 era: the price is the chain's √P², but the engine does not model how an injection moves the
  // protocol position (it rescales into the position and keeps scrap reservoirs), nor v3 user positions in a
  // chain buy. So the moving price (post-injection spot) is unsupported, and before 413 so are the validator and
  // root pending amounts (the alpha bought by the chain buy is recycled before they are split off).
  const unsupported: CheckItem[] = ["SubnetMovingPrice"];
  if (spec < 413) unsupported.push("PendingValidatorEmission", "PendingRootAlphaDivs");
  return { engineSpec: spec, pool: "v3", label: `${spec}/v3`, unsupported };
}

// --- storage plan -------------------------------------------------------------------------------------------

const SM = "subtensorModule";
const SWAP = "swap";
type Ref = readonly [section: string, method: string];

const GLOBALS = {
  totalIssuance: [SM, "totalIssuance"],
  totalStake: [SM, "totalStake"],
  taoWeight: [SM, "taoWeight"],
  subnetOwnerCut: [SM, "subnetOwnerCut"],
  maxEpochsPerBlock: [SM, "maxEpochsPerBlock"],
  flowEmaSmoothingFactor: [SM, "flowEmaSmoothingFactor"],
  taoFlowCutoff: [SM, "taoFlowCutoff"],
  flowNormExponent: [SM, "flowNormExponent"],
  netTaoFlowEnabled: [SM, "netTaoFlowEnabled"],
  movingAlpha: [SM, "subnetMovingAlpha"],
} as const satisfies Record<string, Ref>;

const PER_SUBNET = {
  mechanism: [SM, "subnetMechanism"],
  taoReserve: [SM, "subnetTAO"],
  alphaIn: [SM, "subnetAlphaIn"],
  alphaOut: [SM, "subnetAlphaOut"],
  protocolAlpha: [SM, "subnetProtocolAlpha"],
  movingPrice: [SM, "subnetMovingPrice"],
  minerBurned: [SM, "minerBurned"],
  emissionEnabled: [SM, "subnetEmissionEnabled"],
  ownerCutEnabled: [SM, "ownerCutEnabled"],
  firstEmissionBlock: [SM, "firstEmissionBlockNumber"],
  subtokenEnabled: [SM, "subtokenEnabled"],
  registrationAllowed: [SM, "networkRegistrationAllowed"],
  powRegistrationAllowed: [SM, "networkPowRegistrationAllowed"],
  pendingServer: [SM, "pendingServerEmission"],
  pendingValidator: [SM, "pendingValidatorEmission"],
  pendingRootAlpha: [SM, "pendingRootAlphaDivs"],
  pendingOwnerCut: [SM, "pendingOwnerCut"],
  taoFlow: [SM, "subnetTaoFlow"],
  emaTaoFlow: [SM, "subnetEmaTaoFlow"],
  protocolFlow: [SM, "subnetProtocolFlow"],
  emaProtocolFlow: [SM, "subnetEmaProtocolFlow"],
  tempo: [SM, "tempo"],
  lastEpochBlock: [SM, "lastEpochBlock"],
  pendingEpochAt: [SM, "pendingEpochAt"],
  blocksSinceLastStep: [SM, "blocksSinceLastStep"],
  epochIndex: [SM, "subnetEpochIndex"],
  halvingBlocks: [SM, "emaPriceHalvingBlocks"],
  balancer: [SWAP, "swapBalancer"],
  v3Initialized: [SWAP, "swapV3Initialized"],
  sqrtPrice: [SWAP, "alphaSqrtPrice"],
  liquidity: [SWAP, "currentLiquidity"],
} as const satisfies Record<string, Ref>;

const AFTER: Record<CheckItem, Ref> = {
  SubnetTaoInEmission: [SM, "subnetTaoInEmission"],
  SubnetAlphaInEmission: [SM, "subnetAlphaInEmission"],
  SubnetAlphaOutEmission: [SM, "subnetAlphaOutEmission"],
  SubnetExcessTao: [SM, "subnetExcessTao"],
  PendingServerEmission: [SM, "pendingServerEmission"],
  PendingValidatorEmission: [SM, "pendingValidatorEmission"],
  PendingRootAlphaDivs: [SM, "pendingRootAlphaDivs"],
  PendingOwnerCut: [SM, "pendingOwnerCut"],
  BlocksSinceLastStep: [SM, "blocksSinceLastStep"],
  LastEpochBlock: [SM, "lastEpochBlock"],
  SubnetEpochIndex: [SM, "subnetEpochIndex"],
  SubnetMovingPrice: [SM, "subnetMovingPrice"],
};

const ROOT = 0;

/** Items of the read plan the runtime does not declare (they read as "absent"); for tests and diagnostics. */
export function missingItems(runtime: Runtime): string[] {
  const refs: Ref[] = [...Object.values(GLOBALS), ...Object.values(PER_SUBNET), ...Object.values(AFTER)];
  return [
    ...new Set(refs.filter(([s, m]) => !hasStorage(runtime, s, m)).map(([s, m]) => `${s}.${m}`)),
  ].sort();
}

/** Storage keys per runtime, cached: the same (item, netuid) keys are read at every block. */
const keyCache = new WeakMap<Runtime, Map<string, Hex>>();

function key(runtime: Runtime, section: string, method: string, netuid?: number): Hex {
  let cache = keyCache.get(runtime);
  if (!cache) {
    cache = new Map();
    keyCache.set(runtime, cache);
  }
  const id = `${section}.${method}:${netuid ?? ""}`;
  let k = cache.get(id);
  if (k === undefined) {
    k = (
      netuid === undefined
        ? storageKey(runtime, section, method)
        : storageKey(runtime, section, method, netuid)
    ).toLowerCase() as Hex;
    cache.set(id, k);
  }
  return k;
}

/**
 * Decoded values per runtime and (item, raw bytes): most per-subnet items (flags, tempo, schedule, defaults) repeat
 * from block to block, and a metadata-driven decode costs ~10 µs. Cleared when it grows past 50k entries.
 */
const decodeCache = new WeakMap<Runtime, Map<string, JsonValue>>();

function decodeCached(runtime: Runtime, section: string, method: string, k: Hex, raw: Hex): JsonValue {
  let cache = decodeCache.get(runtime);
  if (!cache) {
    cache = new Map();
    decodeCache.set(runtime, cache);
  }
  const id = `${section}.${method}:${raw}`;
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const value = decodeStorageValue(runtime, k, raw).value;
  if (cache.size > 50_000) cache.clear();
  cache.set(id, value);
  return value;
}

/** Decoded values of one `state_queryStorageAt` reply, absent keys read as the metadata's default. */
class Values {
  readonly #runtime: Runtime;
  readonly #raw: Map<string, string | null>;
  constructor(runtime: Runtime, raw: Map<string, string | null>) {
    this.#runtime = runtime;
    this.#raw = raw;
  }
  has([section, method]: Ref): boolean {
    return hasStorage(this.#runtime, section, method);
  }
  /** Decoded value, or undefined when the runtime has no such item. */
  get([section, method]: Ref, netuid?: number): JsonValue | undefined {
    if (!hasStorage(this.#runtime, section, method)) return undefined;
    const k = key(this.#runtime, section, method, netuid);
    const raw = this.#raw.get(k) ?? storageFallback(this.#runtime, section, method);
    if (raw === null) return null; // OptionQuery without a value
    return decodeCached(this.#runtime, section, method, k, raw as Hex);
  }
}

function keysFor(runtime: Runtime, refs: readonly Ref[], netuids: readonly number[] | null): Hex[] {
  const out: Hex[] = [];
  for (const [section, method] of refs) {
    if (!hasStorage(runtime, section, method)) continue;
    if (netuids === null) out.push(key(runtime, section, method));
    else for (const n of netuids) out.push(key(runtime, section, method, n));
  }
  return out;
}

/** An integer or fixed-point (`{ bits }`) value as a bigint; undefined when absent. */
function big(v: JsonValue | undefined): bigint | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number" || typeof v === "string") return BigInt(v);
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (!Array.isArray(v) && "bits" in v) return BigInt(String(v.bits));
  throw new Error(`not a number: ${JSON.stringify(v)}`);
}

function must(v: JsonValue | undefined, what: string): bigint {
  const b = big(v);
  if (b === undefined) throw new Error(`self-check: ${what} has no value`);
  return b;
}

function bool(v: JsonValue | undefined): boolean | undefined {
  return v === undefined || v === null ? undefined : v === true;
}

/** `Option<(u64, I64F64)>` flow EMA entry. */
function emaEntry(v: JsonValue | undefined): { block: bigint; value: bigint } | null | undefined {
  if (v === undefined) return undefined;
  if (v === null || !Array.isArray(v)) return null;
  return { block: must(v[0], "ema block"), value: must(v[1], "ema value") };
}

/** Netuid of a `NetworksAdded` key: Identity hasher over a little-endian u16, the last two bytes. */
function netuidOfKey(key: string): number {
  const b = hexToU8a(key.slice(-4));
  return b[0]! | (b[1]! << 8);
}

// --- pool models ----------------------------------------------------------------------------------------------

/**
 * v3-era pool for the coinbase: the spot price is √P² (reserve ratio before the lazy v3 initialisation), an
 * injection is accepted in full without moving the position, and a chain buy is the engine's fee-less v3 swap on
 * the current tick's liquidity. Only the price feeds the items this rule set compares.
 */
function v3CoinbasePool(spec: number): CoinbasePoolModel {
  const stateOf = (v: PoolView) => (v.pool ?? {}) as { sqrtPrice?: bigint; liquidity?: bigint };
  return {
    spotPrice(v) {
      if (v.mechanism === 0) return fx.U64F64.one;
      const s = stateOf(v);
      if (s.sqrtPrice !== undefined) return v3Price(s.sqrtPrice);
      if (v.alphaReserve === 0n) return 0n;
      return fx.safeDiv(
        fx.U64F64,
        fx.saturatingFromInt(fx.U64F64, v.taoReserve),
        fx.saturatingFromInt(fx.U64F64, v.alphaReserve),
      );
    },
    injectLiquidity: (v, tao, alpha) => ({ tao, alpha, pool: v.pool }),
    buyFeeless(v, tao) {
      const s = stateOf(v);
      try {
        const q = swapQuote({
          spec,
          direction: "stake",
          amount: tao,
          taoReserve: v.taoReserve,
          alphaReserve: v.alphaReserve,
          mechanism: v.mechanism,
          dropFees: true,
          ...(s.sqrtPrice !== undefined && s.liquidity !== undefined
            ? { sqrtPrice: s.sqrtPrice, liquidity: s.liquidity }
            : {}),
        });
        return { paidIn: q.amountPaidIn, alphaOut: q.amountPaidOut, pool: s };
      } catch {
        // Not one of the compared items depends on the buy in this era (see ruleSetFor).
        return null;
      }
    },
  };
}

// --- the check ------------------------------------------------------------------------------------------------

export interface CheckTarget {
  number: number;
  hash: Hex;
  parentHash: Hex;
  /** Runtime that executed the block (its parent's state runtime): rules and parent-state keys. */
  parentRuntime: Runtime;
  /** Runtime of the block's own state (differs only at a runtime upgrade): post-state keys. */
  runtime: Runtime;
}

export interface SelfCheckHooks {
  /** Test hook: alters the engine's inputs (e.g. to prove a wrong input is caught). */
  tamperState?: (state: CoinbaseState, block: number) => void;
  /** Accumulates where the time went: waiting for RPC replies, and decode + engine + comparison. */
  timing?: { rpcMs: number; computeMs: number; engineMs?: number };
}

/** RPC calls per checked block: NetworksAdded keys at the parent and at the block, then one state_queryStorageAt at each. */
export const RPC_CALLS_PER_BLOCK = 4;

/** Checks a set of blocks with two batched RPC round trips (keys, then storage at parent and at the block). */
export async function checkBlocks(
  client: RpcClient,
  targets: readonly CheckTarget[],
  hooks: SelfCheckHooks = {},
): Promise<EngineCheck[]> {
  if (targets.length === 0) return [];
  const plans = targets.map((t) => ({ t, rules: ruleSetFor(t.parentRuntime) }));
  const active = plans.filter((p): p is { t: CheckTarget; rules: RuleSet } => "engineSpec" in p.rules);

  const keyCalls = active.flatMap(({ t }) => [
    {
      method: "state_getKeysPaged",
      params: [storagePrefix(t.parentRuntime, SM, "networksAdded"), 1000, null, t.parentHash],
    },
    {
      method: "state_getKeysPaged",
      params: [storagePrefix(t.runtime, SM, "networksAdded"), 1000, null, t.hash],
    },
  ]);
  const timing = hooks.timing;
  let mark = performance.now();
  const keyReplies = keyCalls.length > 0 ? await client.batch<string[]>(keyCalls) : [];
  if (timing) timing.rpcMs += performance.now() - mark;
  const unwrap = <T>(r: { ok: true; result: T } | { ok: false; error: Error }): T => {
    if (!r.ok) throw r.error;
    return r.result;
  };
  const reads = active.map(({ t }, i) => {
    const before = unwrap(keyReplies[2 * i]!).map(netuidOfKey);
    const afterSet = new Set(unwrap(keyReplies[2 * i + 1]!).map(netuidOfKey));
    const netuids = before.filter((n) => n !== ROOT).sort((a, b) => a - b);
    // Subnets present before and after the block; one registered or dissolved by an extrinsic is skipped.
    const compared = netuids.filter((n) => afterSet.has(n));
    const parentKeys = [
      ...keysFor(t.parentRuntime, Object.values(GLOBALS), null),
      key(t.parentRuntime, SM, "subnetTAO", ROOT),
      ...keysFor(t.parentRuntime, Object.values(PER_SUBNET), netuids),
    ];
    const afterKeys = keysFor(t.runtime, Object.values(AFTER), compared);
    return { netuids, compared, parentKeys, afterKeys };
  });
  const storageCalls = active.flatMap(({ t }, i) => [
    { method: "state_queryStorageAt", params: [reads[i]!.parentKeys, t.parentHash] },
    { method: "state_queryStorageAt", params: [reads[i]!.afterKeys, t.hash] },
  ]);
  mark = performance.now();
  const storageReplies = storageCalls.length > 0 ? await client.batch<unknown>(storageCalls) : [];
  if (timing) timing.rpcMs += performance.now() - mark;
  mark = performance.now();
  const asMap = (reply: unknown) => {
    const changes = (reply as { changes: [string, string | null][] }[])[0]?.changes ?? [];
    return new Map(changes.map(([k, v]) => [k.toLowerCase(), v]));
  };

  const results = new Map<number, EngineCheck>();
  active.forEach(({ t, rules }, i) => {
    const before = new Values(t.parentRuntime, asMap(unwrap(storageReplies[2 * i]!)));
    const after = new Values(t.runtime, asMap(unwrap(storageReplies[2 * i + 1]!)));
    try {
      results.set(t.number, checkOne(t, rules, reads[i]!.netuids, reads[i]!.compared, before, after, hooks));
    } catch (e) {
      // State the engine or the decoder cannot take must not stop ingest: the block is recorded as not checked.
      results.set(t.number, {
        blockNumber: t.number,
        specVersion: t.parentRuntime.specVersion,
        rules: rules.label,
        subnetsChecked: 0,
        itemsChecked: 0,
        unsupported: [...CHECK_ITEMS],
        reason: `error: ${(e as Error).message}`,
        mismatches: [],
      });
    }
  });
  if (timing) timing.computeMs += performance.now() - mark;
  return plans.map(
    ({ t, rules }) =>
      results.get(t.number) ?? {
        blockNumber: t.number,
        specVersion: t.parentRuntime.specVersion,
        rules: null,
        subnetsChecked: 0,
        itemsChecked: 0,
        unsupported: [...CHECK_ITEMS],
        reason: (rules as { reason: string }).reason,
        mismatches: [],
      },
  );
}

function readSubnet(v: Values, rules: RuleSet, n: number): CoinbaseSubnet & { halvingBlocks: bigint } {
  const P = PER_SUBNET;
  const registration = bool(v.get(P.registrationAllowed, n));
  // Spec ≤ 393 also emitted to subnets open to PoW registration.
  const pow = rules.engineSpec <= 393 ? bool(v.get(P.powRegistrationAllowed, n)) : undefined;
  let pool: unknown;
  if (rules.pool === "balancer") {
    const b = v.get(P.balancer, n) as { quote?: JsonValue } | null | undefined;
    pool = { quoteWeight: big(b?.quote) ?? HALF_WEIGHT };
  } else if (v.get(P.v3Initialized, n) === true) {
    pool = { sqrtPrice: big(v.get(P.sqrtPrice, n)), liquidity: big(v.get(P.liquidity, n)) };
  } else pool = {};
  return {
    netuid: n,
    mechanism: Number(big(v.get(P.mechanism, n)) ?? 1n),
    taoReserve: must(v.get(P.taoReserve, n), "SubnetTAO"),
    alphaIn: must(v.get(P.alphaIn, n), "SubnetAlphaIn"),
    alphaOut: must(v.get(P.alphaOut, n), "SubnetAlphaOut"),
    protocolAlpha: big(v.get(P.protocolAlpha, n)),
    pool,
    movingPrice: must(v.get(P.movingPrice, n), "SubnetMovingPrice"),
    minerBurned: big(v.get(P.minerBurned, n)),
    emissionEnabled: bool(v.get(P.emissionEnabled, n)),
    ownerCutEnabled: bool(v.get(P.ownerCutEnabled, n)),
    firstEmissionBlock: big(v.get(P.firstEmissionBlock, n)) ?? null,
    subtokenEnabled: bool(v.get(P.subtokenEnabled, n)),
    registrationAllowed: pow === undefined ? registration : (registration ?? false) || pow,
    pendingServer: big(v.get(P.pendingServer, n)),
    pendingValidator: big(v.get(P.pendingValidator, n)),
    pendingRootAlpha: big(v.get(P.pendingRootAlpha, n)),
    pendingOwnerCut: big(v.get(P.pendingOwnerCut, n)),
    taoFlow: big(v.get(P.taoFlow, n)),
    emaTaoFlow: emaEntry(v.get(P.emaTaoFlow, n)),
    protocolFlow: big(v.get(P.protocolFlow, n)),
    emaProtocolFlow: emaEntry(v.get(P.emaProtocolFlow, n)),
    tempo: Number(must(v.get(P.tempo, n), "Tempo")),
    lastEpochBlock: big(v.get(P.lastEpochBlock, n)),
    pendingEpochAt: big(v.get(P.pendingEpochAt, n)),
    blocksSinceLastStep: big(v.get(P.blocksSinceLastStep, n)),
    epochIndex: big(v.get(P.epochIndex, n)),
    halvingBlocks: big(v.get(P.halvingBlocks, n)) ?? 0n,
  };
}

function checkOne(
  t: CheckTarget,
  rules: RuleSet,
  netuids: readonly number[],
  compared: readonly number[],
  before: Values,
  after: Values,
  hooks: SelfCheckHooks,
): EngineCheck {
  const G = GLOBALS;
  const subnets = netuids.map((n) => readSubnet(before, rules, n));
  const optNum = (v: JsonValue | undefined) => {
    const b = big(v);
    return b === undefined ? undefined : Number(b);
  };
  const state: CoinbaseState = {
    spec: rules.engineSpec,
    block: BigInt(t.number),
    totalIssuance: must(before.get(G.totalIssuance), "TotalIssuance"),
    totalStake: big(before.get(G.totalStake)) ?? 0n,
    rootTao: must(before.get([SM, "subnetTAO"], ROOT), "SubnetTAO[0]"),
    taoWeight: must(before.get(G.taoWeight), "TaoWeight"),
    subnetOwnerCut: optNum(before.get(G.subnetOwnerCut)),
    maxEpochsPerBlock: optNum(before.get(G.maxEpochsPerBlock)),
    flowEmaSmoothingFactor: big(before.get(G.flowEmaSmoothingFactor)),
    taoFlowCutoff: big(before.get(G.taoFlowCutoff)),
    flowNormExponent: big(before.get(G.flowNormExponent)),
    netTaoFlowEnabled: bool(before.get(G.netTaoFlowEnabled)),
    subnets: subnets.map(({ halvingBlocks: _h, ...s }) => s),
  };
  hooks.tamperState?.(state, t.number);
  const pool =
    rules.pool === "balancer" ? balancerCoinbasePool(rules.engineSpec) : v3CoinbasePool(rules.engineSpec);
  const engineStart = performance.now();
  const result = runCoinbase(state, pool);
  if (hooks.timing) hooks.timing.engineMs = (hooks.timing.engineMs ?? 0) + performance.now() - engineStart;
  const resultBy = new Map(result.subnets.map((r) => [r.netuid, r]));
  const stateBy = new Map(result.state.subnets.map((s) => [s.netuid, s]));
  const movingAlpha = big(before.get(G.movingAlpha)) ?? 0n;

  const engineValue = (item: CheckItem, n: number): bigint | undefined => {
    const r = resultBy.get(n)!;
    const s = stateBy.get(n)!;
    switch (item) {
      case "SubnetTaoInEmission":
        return r.taoInEmission;
      case "SubnetAlphaInEmission":
        return r.alphaInEmission;
      case "SubnetAlphaOutEmission":
        return r.alphaOutEmission;
      case "SubnetExcessTao":
        return r.excessTaoPaid;
      case "PendingServerEmission":
        return s.pendingServer ?? 0n;
      case "PendingValidatorEmission":
        return s.pendingValidator ?? 0n;
      case "PendingRootAlphaDivs":
        return s.pendingRootAlpha ?? 0n;
      case "PendingOwnerCut":
        return s.pendingOwnerCut ?? 0n;
      case "BlocksSinceLastStep":
        return s.blocksSinceLastStep;
      case "LastEpochBlock":
        return s.lastEpochBlock;
      case "SubnetEpochIndex":
        return s.epochIndex;
      case "SubnetMovingPrice": {
        const input = subnets.find((x) => x.netuid === n)!;
        if (!r.emitted) return input.movingPrice;
        // update_moving_prices runs after the coinbase, on the post-coinbase spot price.
        const view: PoolView = {
          netuid: n,
          mechanism: s.mechanism ?? 1,
          taoReserve: s.taoReserve,
          alphaReserve: s.alphaIn,
          pool: s.pool,
        };
        return movingPrice({
          spec: rules.engineSpec,
          movingPrice: input.movingPrice,
          price: pool.spotPrice(view),
          movingAlpha,
          block: BigInt(t.number),
          firstEmissionBlock: input.firstEmissionBlock ?? 0n,
          halvingBlocks: input.halvingBlocks,
        });
      }
    }
  };

  const unsupported = new Set<CheckItem>(rules.unsupported);
  const mismatches: Mismatch[] = [];
  let items = 0;
  for (const n of compared) {
    const emitted = resultBy.get(n)?.emitted ?? false;
    for (const item of CHECK_ITEMS) {
      if (unsupported.has(item) || (EMITTED_ONLY.has(item) && !emitted)) continue;
      // An item the block's runtime does not have (e.g. LastEpochBlock before the stateful scheduler).
      if (!after.has(AFTER[item])) continue;
      const engine = engineValue(item, n);
      if (engine === undefined) continue;
      const chain = big(after.get(AFTER[item], n)) ?? 0n;
      items++;
      if (chain !== engine)
        mismatches.push({ netuid: n, item, chain: chain.toString(), engine: engine.toString() });
    }
  }
  return {
    blockNumber: t.number,
    specVersion: t.parentRuntime.specVersion,
    rules: rules.label,
    subnetsChecked: compared.length,
    itemsChecked: items,
    unsupported: [...unsupported],
    reason: null,
    mismatches,
  };
}
