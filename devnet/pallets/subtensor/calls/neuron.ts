// Calls on a neuron or a delegate: set_weights, increase_take/decrease_take, burn_alpha/recycle_alpha.
import type { Codec } from "@polkadot/types/types";
import { u8aEq } from "@polkadot/util";
import type { CallDef } from "../../../node/runtime/pallet";
import { ensureSigned, weight } from "../../../node/runtime/pallet";
import type { EconomyEngine } from "../../engine";
import { ROOT_NETUID } from "../../rules";
import { acct, big, deposit, type Env, envOf, fail, num } from "../context";
import { removeStake, stakeOf } from "../shares";
import { SM } from "../store";

function setWeights(
  env: Env,
  hot: Uint8Array,
  netuid: number,
  dests: number[],
  values: number[],
  versionKey: bigint,
): void {
  const { st } = env;
  if (!st.subnetExists(netuid)) fail(env, "SubnetNotExists");
  if (netuid === ROOT_NETUID) fail(env, "CanNotSetRootNetworkWeights");
  if (st.bool("CommitRevealWeightsEnabled", netuid)) fail(env, "CommitRevealEnabled");
  if (dests.length !== values.length) fail(env, "WeightVecNotEqualSize");
  const uid = st.read(SM, "Uids", netuid, hot)?.toJSON() as number | undefined;
  if (uid === undefined || uid === null) fail(env, "HotKeyNotRegisteredInSubNet");
  if (versionKey < st.big("WeightsVersionKey", netuid)) fail(env, "IncorrectWeightVersionKey");
  const lastUpdate = st.u64s("LastUpdate", netuid)[uid] ?? 0n;
  if (lastUpdate > 0n && env.block - lastUpdate < st.big("WeightsSetRateLimit", netuid))
    fail(env, "SettingWeightsTooFast");
  const n = st.num("SubnetworkN", netuid);
  if (new Set(dests).size !== dests.length) fail(env, "DuplicateUids");
  if (dests.some((d) => d >= n)) fail(env, "UidVecContainInvalidOne");
  const selfOnly = dests.length === 1 && dests[0] === uid;
  if (!selfOnly && dests.length < Math.min(st.num("MinAllowedWeights", netuid), n))
    fail(env, "WeightVecLengthIsLow");
  const permits = st.bools("ValidatorPermit", netuid);
  if (!selfOnly && !permits[uid]) fail(env, "NeuronNoValidatorPermit");
  const stake = st.big("TotalHotkeyAlpha", hot, netuid);
  if (stake < st.big("StakeThreshold")) fail(env, "NotEnoughStakeToSetWeights");
  const scaled = env.engine.maxUpscale(values);
  const row = dests.map((d, i) => [d, scaled[i] ?? 0] as [number, number]).filter(([, w]) => w > 0);
  st.set("Weights", [netuid, uid], row);
  const last = st.u64s("LastUpdate", netuid);
  while (last.length < n) last.push(0n);
  last[uid] = env.block;
  st.set("LastUpdate", [netuid], last);
  deposit(env, "WeightsSet", [netuid, uid]);
}

function changeTake(env: Env, cold: Uint8Array, hot: Uint8Array, take: number, increase: boolean): void {
  const { st } = env;
  const owner = st.account("Owner", hot);
  if (!owner) fail(env, "HotKeyAccountNotExists");
  if (!u8aEq(owner, cold)) fail(env, "NonAssociatedColdKey");
  const current = st.num("Delegates", hot);
  if (increase) {
    if (take <= current) fail(env, "DelegateTakeTooLow");
    if (take > st.num("MaxDelegateTake")) fail(env, "DelegateTakeTooHigh");
    const last = st.big("LastTxBlockDelegateTake", hot);
    if (last > 0n && env.block - last < st.big("TxDelegateTakeRateLimit"))
      fail(env, "DelegateTxRateLimitExceeded");
    st.set("LastTxBlockDelegateTake", [hot], env.block);
  } else {
    if (take >= current) fail(env, "DelegateTakeTooLow");
    if (take < st.num("MinDelegateTake")) fail(env, "DelegateTakeTooLow");
  }
  st.set("Delegates", [hot], take);
  deposit(env, increase ? "TakeIncreased" : "TakeDecreased", [cold, hot, take]);
}

function burnOrRecycle(
  env: Env,
  cold: Uint8Array,
  hot: Uint8Array,
  amount: bigint,
  netuid: number,
  recycle: boolean,
): void {
  const { st } = env;
  if (netuid === ROOT_NETUID) fail(env, "CannotBurnOrRecycleOnRootSubnet");
  if (!st.subnetExists(netuid)) fail(env, "SubnetNotExists");
  if (!st.has(SM, "Owner", hot)) fail(env, "HotKeyAccountNotExists");
  if (amount === 0n) fail(env, "AmountTooLow");
  if (stakeOf(st, env.engine, hot, cold, netuid) < amount) fail(env, "NotEnoughStakeToWithdraw");
  if (recycle && st.big("SubnetAlphaOut", netuid) < amount) fail(env, "NotEnoughAlphaOutToRecycle");
  removeStake(st, env.engine, hot, cold, netuid, amount);
  // Recycling lowers the subnet's alpha issuance (delaying its halvings); burning leaves it counted.
  if (recycle) st.subBig("SubnetAlphaOut", [netuid], amount);
  deposit(env, recycle ? "AlphaRecycled" : "AlphaBurned", [cold, hot, amount, netuid]);
}

const nums = (c: Codec | undefined): number[] => ((c?.toJSON() as number[]) ?? []).map(Number);

export function neuronCalls(engine: EconomyEngine): Record<string, CallDef> {
  return {
    set_weights: {
      weight: weight(4_000_000_000, 11_000),
      class: "Normal",
      handler: (ctx, origin, args) =>
        setWeights(
          envOf(ctx, engine),
          ensureSigned(origin),
          num(args[0]),
          nums(args[1]),
          nums(args[2]),
          big(args[3]),
        ),
    },
    increase_take: {
      weight: weight(37_000_000, 3_500),
      handler: (ctx, origin, args) =>
        changeTake(envOf(ctx, engine), ensureSigned(origin), acct(args[0]), num(args[1]), true),
    },
    decrease_take: {
      weight: weight(37_000_000, 3_500),
      handler: (ctx, origin, args) =>
        changeTake(envOf(ctx, engine), ensureSigned(origin), acct(args[0]), num(args[1]), false),
    },
    burn_alpha: {
      weight: weight(110_000_000, 7_000),
      handler: (ctx, origin, args) =>
        burnOrRecycle(
          envOf(ctx, engine),
          ensureSigned(origin),
          acct(args[0]),
          big(args[1]),
          num(args[2]),
          false,
        ),
    },
    recycle_alpha: {
      weight: weight(110_000_000, 7_000),
      handler: (ctx, origin, args) =>
        burnOrRecycle(
          envOf(ctx, engine),
          ensureSigned(origin),
          acct(args[0]),
          big(args[1]),
          num(args[2]),
          true,
        ),
    },
  };
}
