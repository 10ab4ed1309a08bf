// Runtime APIs of SubtensorModule that Taoview reads, encoded with the metadata's output types:
// SubnetInfoRuntimeApi (subnets, dynamic info, hyperparameters), StakeInfoRuntimeApi, NeuronInfoRuntimeApi
// (lite neurons) and SubnetRegistrationRuntimeApi.
import type { Codec } from "@polkadot/types/types";
import type { ApiContext, ApiHandler } from "../../node/runtime/pallet";
import type { EconomyEngine } from "../engine";

import { networkLockCost } from "./calls/registration";
import type { Env } from "./context";
import { stakeOf } from "./shares";
import { SM, Store, SWAP } from "./store";

function output(ctx: ApiContext, api: string, method: string, value: unknown): Uint8Array {
  return ctx.codec.registry.createType(ctx.codec.apiOutputType(api, method), value).toU8a();
}

function u16Arg(ctx: ApiContext, args: Uint8Array, at = 0): number {
  return ctx.codec.registry.createType("u16", args.subarray(at, at + 2)).toNumber();
}

function bytesOf(c: Codec | undefined): number[] {
  return c ? [...c.toU8a(true)] : [];
}

function identity(st: Store, netuid: number): unknown {
  return st.read(SM, "SubnetIdentitiesV3", netuid)?.toJSON() ?? null;
}

function identityName(st: Store, netuid: number): number[] {
  const id = st.read(SM, "SubnetIdentitiesV3", netuid) as unknown as { get(k: string): Codec } | undefined;
  return id ? bytesOf(id.get("subnet_name") ?? id.get("subnetName")) : [];
}

function dynamicInfo(st: Store, netuid: number): unknown {
  if (!st.subnetExists(netuid)) return null;
  return {
    netuid,
    owner_hotkey: st.account("SubnetOwnerHotkey", netuid) ?? new Uint8Array(32),
    owner_coldkey: st.account("SubnetOwner", netuid) ?? new Uint8Array(32),
    subnet_name: identityName(st, netuid),
    token_symbol: bytesOf(st.read(SM, "TokenSymbol", netuid)),
    tempo: st.num("Tempo", netuid),
    last_step: st.big("LastMechansimStepBlock", netuid),
    blocks_since_last_step: st.big("BlocksSinceLastStep", netuid),
    emission: st.big("SubnetTaoInEmission", netuid),
    alpha_in: st.big("SubnetAlphaIn", netuid),
    alpha_out: st.big("SubnetAlphaOut", netuid),
    tao_in: st.big("SubnetTAO", netuid),
    alpha_out_emission: st.big("SubnetAlphaOutEmission", netuid),
    alpha_in_emission: st.big("SubnetAlphaInEmission", netuid),
    tao_in_emission: st.big("SubnetTaoInEmission", netuid),
    pending_alpha_emission:
      st.big("PendingServerEmission", netuid) + st.big("PendingValidatorEmission", netuid),
    pending_root_emission: st.big("PendingRootAlphaDivs", netuid),
    subnet_volume: BigInt(st.read(SM, "SubnetVolume", netuid)?.toString() ?? "0"),
    network_registered_at: st.big("NetworkRegisteredAt", netuid),
    subnet_identity: identity(st, netuid),
    moving_price: { bits: st.fixed(SM, "SubnetMovingPrice", netuid) },
  };
}

function subnetInfoV2(st: Store, netuid: number): unknown {
  if (!st.subnetExists(netuid)) return null;
  return {
    netuid,
    rho: st.num("Rho", netuid),
    kappa: st.num("Kappa", netuid),
    difficulty: st.big("Difficulty", netuid),
    immunity_period: st.num("ImmunityPeriod", netuid),
    max_allowed_validators: st.num("MaxAllowedValidators", netuid),
    min_allowed_weights: st.num("MinAllowedWeights", netuid),
    max_weights_limit: st.num("MaxWeightsLimit", netuid),
    scaling_law_power: 50,
    subnetwork_n: st.num("SubnetworkN", netuid),
    max_allowed_uids: st.num("MaxAllowedUids", netuid),
    blocks_since_last_step: st.big("BlocksSinceLastStep", netuid),
    tempo: st.num("Tempo", netuid),
    network_modality: 0,
    network_connect: [],
    emission_value: 0,
    burn: st.big("Burn", netuid),
    owner: st.account("SubnetOwner", netuid) ?? new Uint8Array(32),
    identity: identity(st, netuid),
  };
}

function hyperparams(st: Store, netuid: number, v2: boolean): unknown {
  if (!st.subnetExists(netuid)) return null;
  const [alphaLow, alphaHigh] = (st.json("AlphaValues", netuid) as [number, number] | null) ?? [45875, 58982];
  const base = {
    rho: st.num("Rho", netuid),
    kappa: st.num("Kappa", netuid),
    immunity_period: st.num("ImmunityPeriod", netuid),
    min_allowed_weights: st.num("MinAllowedWeights", netuid),
    max_weights_limit: st.num("MaxWeightsLimit", netuid),
    tempo: st.num("Tempo", netuid),
    min_difficulty: BigInt(st.codec.constant(SM, "InitialMinDifficulty").toString()),
    max_difficulty: BigInt(st.codec.constant(SM, "InitialMaxDifficulty").toString()),
    weights_version: st.big("WeightsVersionKey", netuid),
    weights_rate_limit: st.big("WeightsSetRateLimit", netuid),
    adjustment_interval: st.num("AdjustmentInterval", netuid),
    activity_cutoff: st.num("ActivityCutoff", netuid),
    registration_allowed: st.bool("NetworkRegistrationAllowed", netuid),
    target_regs_per_interval: st.num("TargetRegistrationsPerInterval", netuid),
    min_burn: st.big("MinBurn", netuid),
    max_burn: st.big("MaxBurn", netuid),
    bonds_moving_avg: st.big("BondsMovingAverage", netuid),
    max_regs_per_block: st.num("MaxRegistrationsPerBlock", netuid),
    serving_rate_limit: st.big("ServingRateLimit", netuid),
    max_validators: st.num("MaxAllowedValidators", netuid),
    adjustment_alpha: st.big("AdjustmentAlpha", netuid),
    difficulty: st.big("Difficulty", netuid),
    commit_reveal_period: st.big("RevealPeriodEpochs", netuid),
    commit_reveal_weights_enabled: st.bool("CommitRevealWeightsEnabled", netuid),
    alpha_high: alphaHigh,
    alpha_low: alphaLow,
    liquid_alpha_enabled: st.bool("LiquidAlphaOn", netuid),
  };
  if (!v2) return base;
  const steep = BigInt(st.read(SM, "AlphaSigmoidSteepness", netuid)?.toString() ?? "0");
  return {
    ...base,
    alpha_sigmoid_steepness: { bits: steep << 32n },
    yuma_version: st.bool("Yuma3On", netuid) ? 3 : 2,
    subnet_is_active: st.has(SM, "FirstEmissionBlockNumber", netuid),
    transfers_enabled: st.bool("TransferToggle", netuid),
    bonds_reset_enabled: st.bool("BondsResetOn", netuid),
    user_liquidity_enabled: st.read(SWAP, "EnabledUserLiquidity", netuid)?.toJSON() === true,
  };
}

function stakeInfos(st: Store, engine: EconomyEngine, cold: Uint8Array): unknown[] {
  const out: unknown[] = [];
  const netuids = st.netuids();
  for (const hot of st.accounts("StakingHotkeys", cold)) {
    for (const netuid of netuids) {
      const stake = stakeOf(st, engine, hot, cold, netuid);
      if (stake === 0n) continue;
      out.push({
        hotkey: hot,
        coldkey: cold,
        netuid,
        stake,
        locked: 0,
        emission: 0,
        tao_emission: 0,
        drain: 0,
        is_registered: st.has(SM, "Uids", netuid, hot),
      });
    }
  }
  return out;
}

function neuronLite(st: Store, netuid: number, uid: number): unknown {
  const hot = st.account("Keys", netuid, uid);
  if (!hot) return null;
  const cold = st.account("Owner", hot) ?? new Uint8Array(32);
  const at = <T>(v: T[], fill: T): T => v[uid] ?? fill;
  return {
    hotkey: hot,
    coldkey: cold,
    uid,
    netuid,
    active: at(st.bools("Active", netuid), true),
    axon_info: st.read(SM, "Axons", netuid, hot)?.toJSON() ?? {},
    prometheus_info: st.read(SM, "Prometheus", netuid, hot)?.toJSON() ?? {},
    stake: [[cold, st.big("TotalHotkeyAlpha", hot, netuid)]],
    rank: 0,
    emission: at(st.u64s("Emission", netuid), 0n),
    incentive: at(st.u16s("Incentive", netuid), 0),
    consensus: at(st.u16s("Consensus", netuid), 0),
    trust: 0,
    validator_trust: at(st.u16s("ValidatorTrust", netuid), 0),
    dividends: at(st.u16s("Dividends", netuid), 0),
    last_update: at(st.u64s("LastUpdate", netuid), 0n),
    validator_permit: at(st.bools("ValidatorPermit", netuid), false),
    pruning_score: 0,
  };
}

/** (coldkey, netuid) of every nominator entry of a hotkey: `Alpha` keys under the hotkey's prefix. */
function nominatorsOf(st: Store, hot: Uint8Array): Array<[Uint8Array, number]> {
  const prefix = st.codec.key(SM, "Alpha", hot, new Uint8Array(32), 0).slice(0, 2 + 2 * (32 + 16 + 32));
  const out: Array<[Uint8Array, number]> = [];
  let after: string | undefined;
  for (;;) {
    const keys = st.state.keys(prefix, after, 1000);
    for (const k of keys) {
      const rest = k.slice(prefix.length);
      const cold = Buffer.from(rest.slice(32, 96), "hex");
      const netuid = Number.parseInt(rest.slice(98, 100) + rest.slice(96, 98), 16);
      out.push([new Uint8Array(cold), netuid]);
    }
    if (keys.length < 1000) break;
    after = keys[keys.length - 1];
  }
  return out;
}

function delegateInfo(st: Store, engine: EconomyEngine, hot: Uint8Array): unknown {
  if (!st.has(SM, "Delegates", hot)) return null;
  const byCold = new Map<string, { cold: Uint8Array; stakes: [number, bigint][] }>();
  for (const [cold, netuid] of nominatorsOf(st, hot)) {
    const stake = stakeOf(st, engine, hot, cold, netuid);
    if (stake === 0n) continue;
    const k = Buffer.from(cold).toString("hex");
    const e = byCold.get(k) ?? { cold, stakes: [] };
    e.stakes.push([netuid, stake]);
    byCold.set(k, e);
  }
  const registrations: number[] = [];
  const permits: number[] = [];
  for (const netuid of st.netuids()) {
    const uid = st.read(SM, "Uids", netuid, hot)?.toJSON() as number | null | undefined;
    if (uid === null || uid === undefined) continue;
    registrations.push(netuid);
    if (st.bools("ValidatorPermit", netuid)[uid]) permits.push(netuid);
  }
  return {
    delegate_ss58: hot,
    take: st.num("Delegates", hot),
    nominators: [...byCold.values()].map((e) => [e.cold, e.stakes]),
    owner_ss58: st.account("Owner", hot) ?? new Uint8Array(32),
    registrations,
    validator_permits: permits,
    return_per_1000: 0,
    total_daily_return: 0,
  };
}

/** Hotkeys with a `Delegates` entry (the chain's delegate list). */
function delegateHotkeys(st: Store): Uint8Array[] {
  const prefix = st.codec.prefix(SM, "Delegates");
  return st.state
    .keys(prefix, undefined, 100_000)
    .map((k) => new Uint8Array(Buffer.from(k.slice(-64), "hex")));
}

/** Identity wrapper: keeps handlers with block bodies from reading as React components to the linter. */
const handler = (f: ApiHandler): ApiHandler => f;

export function subtensorApis(engine: EconomyEngine): Record<string, ApiHandler> {
  const S = "SubnetInfoRuntimeApi";
  const st = (ctx: ApiContext) => new Store(ctx.codec, ctx.storage);
  const perNetuid =
    (method: string, f: (s: Store, n: number) => unknown): ApiHandler =>
    (ctx, args) =>
      output(ctx, S, method, f(st(ctx), u16Arg(ctx, args)));
  const all =
    (method: string, f: (s: Store, n: number) => unknown): ApiHandler =>
    (ctx) => {
      const s = st(ctx);
      return output(
        ctx,
        S,
        method,
        s.netuids().map((n) => f(s, n)),
      );
    };
  return {
    [`${S}_get_dynamic_info`]: perNetuid("get_dynamic_info", dynamicInfo),
    [`${S}_get_all_dynamic_info`]: all("get_all_dynamic_info", dynamicInfo),
    [`${S}_get_subnet_info_v2`]: perNetuid("get_subnet_info_v2", subnetInfoV2),
    [`${S}_get_subnets_info_v2`]: all("get_subnets_info_v2", subnetInfoV2),
    [`${S}_get_subnet_hyperparams`]: perNetuid("get_subnet_hyperparams", (s, n) => hyperparams(s, n, false)),
    [`${S}_get_subnet_hyperparams_v2`]: perNetuid("get_subnet_hyperparams_v2", (s, n) =>
      hyperparams(s, n, true),
    ),
    StakeInfoRuntimeApi_get_stake_info_for_coldkey: (ctx, args) =>
      output(
        ctx,
        "StakeInfoRuntimeApi",
        "get_stake_info_for_coldkey",
        stakeInfos(st(ctx), engine, args.subarray(0, 32)),
      ),
    StakeInfoRuntimeApi_get_stake_info_for_coldkeys: (ctx, args) => {
      const colds = ctx.codec.registry.createType("Vec<AccountId32>", args) as unknown as Codec[];
      const s = st(ctx);
      return output(
        ctx,
        "StakeInfoRuntimeApi",
        "get_stake_info_for_coldkeys",
        [...colds].map((c) => [c.toU8a(), stakeInfos(s, engine, c.toU8a())]),
      );
    },
    NeuronInfoRuntimeApi_get_neurons_lite: (ctx, args) => {
      const s = st(ctx);
      const netuid = u16Arg(ctx, args);
      const n = s.subnetExists(netuid) ? s.num("SubnetworkN", netuid) : 0;
      const list = Array.from({ length: n }, (_, uid) => neuronLite(s, netuid, uid)).filter(
        (x) => x !== null,
      );
      return output(ctx, "NeuronInfoRuntimeApi", "get_neurons_lite", list);
    },
    NeuronInfoRuntimeApi_get_neuron_lite: (ctx, args) =>
      output(
        ctx,
        "NeuronInfoRuntimeApi",
        "get_neuron_lite",
        neuronLite(st(ctx), u16Arg(ctx, args), u16Arg(ctx, args, 2)),
      ),
    DelegateInfoRuntimeApi_get_delegates: handler((ctx) => {
      const s = st(ctx);
      const list = delegateHotkeys(s)
        .map((h) => delegateInfo(s, engine, h))
        .filter((d) => d !== null);
      return output(ctx, "DelegateInfoRuntimeApi", "get_delegates", list);
    }),
    DelegateInfoRuntimeApi_get_delegate: (ctx, args) =>
      output(
        ctx,
        "DelegateInfoRuntimeApi",
        "get_delegate",
        delegateInfo(st(ctx), engine, args.subarray(0, 32)),
      ),
    SubnetRegistrationRuntimeApi_get_network_registration_cost: handler((ctx) => {
      const s = st(ctx);
      const block = BigInt(ctx.codec.read(ctx.storage, "System", "Number")?.toString() ?? "0");
      const env = { st: s, engine, block } as unknown as Env;
      return output(
        ctx,
        "SubnetRegistrationRuntimeApi",
        "get_network_registration_cost",
        networkLockCost(env),
      );
    }),
  };
}
