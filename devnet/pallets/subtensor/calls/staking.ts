// Staking extrinsics with the chain's checks, errors and events (spec 393 field order, dtao-math §7.2):
// add/remove stake (and limit variants), move/transfer/swap stake.
import type { CallDef } from "../../../node/runtime/pallet";
import { ensureSigned, weight } from "../../../node/runtime/pallet";
import type { EconomyEngine } from "../../engine";
import { DEFAULT_MIN_STAKE, ROOT_NETUID } from "../../rules";
import {
  acct,
  big,
  deposit,
  depositTao,
  type Env,
  envOf,
  fail,
  freeBalance,
  num,
  rejectionToFailure,
  withdrawTao,
} from "../context";
import { readPool } from "../pool";
import { addStake, noteStakingHotkey, removeStake, stakeOf } from "../shares";
import { stakeTao, unstakeAlpha } from "../stakeOps";

export function ensureSubnet(env: Env, netuid: number): void {
  if (!env.st.subnetExists(netuid)) fail(env, "SubnetNotExists");
  if (netuid !== ROOT_NETUID && !env.st.bool("SubtokenEnabled", netuid)) fail(env, "SubtokenDisabled");
}

export function ensureHotkey(env: Env, hot: Uint8Array): void {
  if (!env.st.has("SubtensorModule", "Owner", hot)) fail(env, "HotKeyAccountNotExists");
}

/** TAO an alpha amount would fetch (simulated sale, fees included), for the minimum-stake checks. */
function taoValue(env: Env, netuid: number, alpha: bigint): bigint {
  try {
    return env.engine.swap(readPool(env.st, env.engine, netuid), {
      direction: "unstake",
      amount: alpha,
      simulate: true,
    }).amountPaidOut;
  } catch {
    return 0n;
  }
}

function limitedAmount(
  env: Env,
  netuid: number,
  direction: "stake" | "unstake",
  amount: bigint,
  limit: bigint,
  partial: boolean,
): bigint {
  let max: bigint;
  try {
    max = env.engine.maxAmount(readPool(env.st, env.engine, netuid), direction, limit);
  } catch (e) {
    return rejectionToFailure(env, e);
  }
  if (max === 0n) fail(env, "ZeroMaxStakeAmount");
  if (amount <= max) return amount;
  if (!partial) fail(env, "SlippageTooHigh");
  return max;
}

export interface Limit {
  price: bigint;
  partial: boolean;
}

export function addStakeCore(
  env: Env,
  cold: Uint8Array,
  hot: Uint8Array,
  netuid: number,
  amount: bigint,
  limit?: Limit,
): void {
  ensureSubnet(env, netuid);
  if (amount < DEFAULT_MIN_STAKE) fail(env, "AmountTooLow");
  const ed = BigInt(env.ctx.codec.constant("Balances", "ExistentialDeposit").toString());
  if (freeBalance(env, cold) < amount + ed) fail(env, "NotEnoughBalanceToStake");
  ensureHotkey(env, hot);
  const tao = limit ? limitedAmount(env, netuid, "stake", amount, limit.price, limit.partial) : amount;
  withdrawTao(env, cold, tao);
  const r = stakeTao(env, hot, cold, netuid, tao, limit?.price);
  if (r.taoTaken < tao) depositTao(env, cold, tao - r.taoTaken);
  deposit(env, "StakeAdded", [cold, hot, r.taoTaken, r.alpha, netuid, r.fee]);
}

export function removeStakeCore(
  env: Env,
  cold: Uint8Array,
  hot: Uint8Array,
  netuid: number,
  alpha: bigint,
  limit?: Limit,
): void {
  ensureSubnet(env, netuid);
  ensureHotkey(env, hot);
  if (alpha === 0n || taoValue(env, netuid, alpha) < DEFAULT_MIN_STAKE) fail(env, "AmountTooLow");
  if (stakeOf(env.st, env.engine, hot, cold, netuid) < alpha) fail(env, "NotEnoughStakeToWithdraw");
  const amount = limit ? limitedAmount(env, netuid, "unstake", alpha, limit.price, limit.partial) : alpha;
  const r = unstakeAlpha(env, hot, cold, netuid, amount, limit?.price);
  if (!depositTao(env, cold, r.tao)) fail(env, "AmountTooLow");
  deposit(env, "StakeRemoved", [cold, hot, r.tao, alphaField(env, r), netuid, r.fee]);
}

/** At spec 393 `StakeRemoved`'s alpha is the gross amount debited; the current rules report it net of the fee. */
function alphaField(env: Env, r: { alphaTaken: bigint; alphaPaidIn: bigint }): bigint {
  return env.engine.rules === "v3" ? r.alphaTaken : r.alphaPaidIn;
}

interface Transition {
  cold: Uint8Array;
  destCold: Uint8Array;
  originHot: Uint8Array;
  destHot: Uint8Array;
  originNetuid: number;
  destNetuid: number;
  alpha: bigint;
}

/** move/transfer/swap: unstake on the origin + stake on the destination, the fee charged once. Returns the TAO moved. */
function transition(env: Env, t: Transition): bigint {
  ensureSubnet(env, t.originNetuid);
  ensureSubnet(env, t.destNetuid);
  ensureHotkey(env, t.originHot);
  ensureHotkey(env, t.destHot);
  if (stakeOf(env.st, env.engine, t.originHot, t.cold, t.originNetuid) < t.alpha)
    fail(env, "NotEnoughStakeToWithdraw");
  const taoEq = taoValue(env, t.originNetuid, t.alpha);
  if (t.alpha === 0n || taoEq < DEFAULT_MIN_STAKE) fail(env, "AmountTooLow");
  if (t.originNetuid === t.destNetuid) {
    // Same subnet: shares move directly, no swap and no fee; the pair of events values the alpha at spot.
    removeStake(env.st, env.engine, t.originHot, t.cold, t.originNetuid, t.alpha);
    addStake(env.st, t.destHot, t.destCold, t.destNetuid, t.alpha);
    noteStakingHotkey(env.st, t.destCold, t.destHot);
    deposit(env, "StakeRemoved", [t.cold, t.originHot, taoEq, t.alpha, t.originNetuid, 0n]);
    deposit(env, "StakeAdded", [t.destCold, t.destHot, taoEq, t.alpha, t.destNetuid, 0n]);
    return taoEq;
  }
  const feeOnStakeLeg = t.originNetuid === ROOT_NETUID;
  const out = unstakeAlpha(env, t.originHot, t.cold, t.originNetuid, t.alpha, undefined, feeOnStakeLeg);
  deposit(env, "StakeRemoved", [t.cold, t.originHot, out.tao, alphaField(env, out), t.originNetuid, out.fee]);
  if (out.tao < DEFAULT_MIN_STAKE) {
    if (!depositTao(env, t.cold, out.tao)) fail(env, "AmountTooLow");
    return out.tao;
  }
  const r = stakeTao(env, t.destHot, t.destCold, t.destNetuid, out.tao, undefined, !feeOnStakeLeg);
  if (r.taoTaken < out.tao) depositTao(env, t.destCold, out.tao - r.taoTaken);
  deposit(env, "StakeAdded", [t.destCold, t.destHot, r.taoTaken, r.alpha, t.destNetuid, r.fee]);
  return out.tao;
}

/** unstake_all (to TAO) / unstake_all_alpha (alpha subnets sold and the TAO restaked on root). */
function unstakeAll(env: Env, cold: Uint8Array, hot: Uint8Array, toRoot: boolean): void {
  ensureHotkey(env, hot);
  let proceeds = 0n;
  for (const netuid of env.st.netuids()) {
    if (toRoot && netuid === ROOT_NETUID) continue;
    if (netuid !== ROOT_NETUID && !env.st.bool("SubtokenEnabled", netuid)) continue;
    const alpha = stakeOf(env.st, env.engine, hot, cold, netuid);
    if (alpha === 0n || taoValue(env, netuid, alpha) < DEFAULT_MIN_STAKE) continue;
    const r = unstakeAlpha(env, hot, cold, netuid, alpha);
    deposit(env, "StakeRemoved", [cold, hot, r.tao, alphaField(env, r), netuid, r.fee]);
    if (toRoot) proceeds += r.tao;
    else if (!depositTao(env, cold, r.tao)) fail(env, "AmountTooLow");
  }
  if (toRoot && proceeds > 0n) {
    const r = stakeTao(env, hot, cold, ROOT_NETUID, proceeds);
    deposit(env, "StakeAdded", [cold, hot, r.taoTaken, r.alpha, ROOT_NETUID, r.fee]);
  }
}

export function stakingCalls(engine: EconomyEngine): Record<string, CallDef> {
  const w = weight(340_000_000, 8_000);
  const limitOf = (args: { toJSON(): unknown }[], i: number): Limit => ({
    price: BigInt(String(args[i]?.toString() ?? "0")),
    partial: args[i + 1]?.toJSON() === true,
  });
  return {
    add_stake: {
      weight: w,
      handler: (ctx, origin, args) =>
        addStakeCore(envOf(ctx, engine), ensureSigned(origin), acct(args[0]), num(args[1]), big(args[2])),
    },
    add_stake_limit: {
      weight: w,
      handler: (ctx, origin, args) =>
        addStakeCore(
          envOf(ctx, engine),
          ensureSigned(origin),
          acct(args[0]),
          num(args[1]),
          big(args[2]),
          limitOf(args, 3),
        ),
    },
    remove_stake: {
      weight: w,
      handler: (ctx, origin, args) =>
        removeStakeCore(envOf(ctx, engine), ensureSigned(origin), acct(args[0]), num(args[1]), big(args[2])),
    },
    remove_stake_limit: {
      weight: w,
      handler: (ctx, origin, args) =>
        removeStakeCore(
          envOf(ctx, engine),
          ensureSigned(origin),
          acct(args[0]),
          num(args[1]),
          big(args[2]),
          limitOf(args, 3),
        ),
    },
    unstake_all: {
      weight: w,
      handler: (ctx, origin, args) =>
        unstakeAll(envOf(ctx, engine), ensureSigned(origin), acct(args[0]), false),
    },
    unstake_all_alpha: {
      weight: w,
      handler: (ctx, origin, args) =>
        unstakeAll(envOf(ctx, engine), ensureSigned(origin), acct(args[0]), true),
    },
    move_stake: {
      weight: w,
      handler: (ctx, origin, args) => {
        const env = envOf(ctx, engine);
        const cold = ensureSigned(origin);
        const [oh, dh, on, dn] = [acct(args[0]), acct(args[1]), num(args[2]), num(args[3])];
        const tao = transition(env, {
          cold,
          destCold: cold,
          originHot: oh,
          destHot: dh,
          originNetuid: on,
          destNetuid: dn,
          alpha: big(args[4]),
        });
        deposit(env, "StakeMoved", [cold, oh, on, dh, dn, tao]);
      },
    },
    transfer_stake: {
      weight: w,
      handler: (ctx, origin, args) => {
        const env = envOf(ctx, engine);
        const cold = ensureSigned(origin);
        const [destCold, hot, on, dn] = [acct(args[0]), acct(args[1]), num(args[2]), num(args[3])];
        if (!env.st.bool("TransferToggle", on) || !env.st.bool("TransferToggle", dn))
          fail(env, "TransferDisallowed");
        const tao = transition(env, {
          cold,
          destCold,
          originHot: hot,
          destHot: hot,
          originNetuid: on,
          destNetuid: dn,
          alpha: big(args[4]),
        });
        deposit(env, "StakeTransferred", [cold, destCold, hot, on, dn, tao]);
      },
    },
    swap_stake: {
      weight: w,
      handler: (ctx, origin, args) => {
        const env = envOf(ctx, engine);
        const cold = ensureSigned(origin);
        const [hot, on, dn] = [acct(args[0]), num(args[1]), num(args[2])];
        if (on === dn) fail(env, "SameNetuid");
        const tao = transition(env, {
          cold,
          destCold: cold,
          originHot: hot,
          destHot: hot,
          originNetuid: on,
          destNetuid: dn,
          alpha: big(args[3]),
        });
        deposit(env, "StakeSwapped", [cold, hot, on, dn, tao]);
      },
    },
  };
}
