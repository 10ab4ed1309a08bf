// The two swap legs every staking call is made of (stake_into_subnet / unstake_from_subnet, dtao-math
// §3.2.6): the engine quotes the swap for the rule set's pool, this module moves the quoted amounts between
// the pool reserves, the share pools, the coldkey and the block author.
import type { SwapQuote } from "../engine";
import { blockAuthor, depositTao, type Env, rejectionToFailure } from "./context";
import { readPool, writePoolState } from "./pool";
import { addStake, noteStakingHotkey, removeStake } from "./shares";

export interface StakeResult {
  /** Alpha credited to the hotkey/coldkey. */
  alpha: bigint;
  /** TAO taken from the input (swap + fee). */
  taoTaken: bigint;
  fee: bigint;
}

export interface UnstakeResult {
  tao: bigint;
  /** Alpha debited from the position (paid in + fee). */
  alphaTaken: bigint;
  alphaPaidIn: bigint;
  fee: bigint;
}

function quote(
  env: Env,
  netuid: number,
  direction: "stake" | "unstake",
  amount: bigint,
  limitPrice?: bigint,
  dropFees?: boolean,
): SwapQuote {
  try {
    return env.engine.swap(readPool(env.st, env.engine, netuid), { direction, amount, limitPrice, dropFees });
  } catch (e) {
    return rejectionToFailure(env, e);
  }
}

function applyReserves(env: Env, netuid: number, q: SwapQuote): void {
  const pool = readPool(env.st, env.engine, netuid);
  env.st.setBig("SubnetTAO", [netuid], q.taoReserveAfter);
  env.st.setBig("SubnetAlphaIn", [netuid], q.alphaReserveAfter);
  if (pool.mechanism !== 0) writePoolState(env.st, netuid, env.engine.stateAfterSwap(pool, q));
}

/** TotalStake follows Σ SubnetTAO (the chain adds the gross staked amount; ours stays equal to the pools). */
function syncTotalStake(env: Env, netuid: number, before: bigint): void {
  const after = env.st.big("SubnetTAO", netuid);
  if (after >= before) env.st.addBig("TotalStake", [], after - before);
  else env.st.subBig("TotalStake", [], before - after);
}

function payAuthor(env: Env, tao: bigint): boolean {
  const author = blockAuthor(env);
  return author !== undefined && depositTao(env, author, tao);
}

/**
 * Swaps `tao` (already withdrawn from the payer) into alpha staked to (hot, cold). Any TAO the limit
 * left unspent is returned in `taoTaken < tao`; the caller refunds it.
 */
export function stakeTao(
  env: Env,
  hot: Uint8Array,
  cold: Uint8Array,
  netuid: number,
  tao: bigint,
  limitPrice?: bigint,
  dropFees?: boolean,
): StakeResult {
  const q = quote(env, netuid, "stake", tao, limitPrice, dropFees);
  const { st } = env;
  const before = st.big("SubnetTAO", netuid);
  applyReserves(env, netuid, q);
  st.addBig("SubnetAlphaOut", [netuid], q.amountPaidOut);
  // Fees not paid to the author stay in the pool (the v3 protocol position before spec 385).
  const fee = q.feePaid;
  const toAuthor = q.feeToBlockAuthor;
  if (toAuthor > 0n && !payAuthor(env, toAuthor)) st.addBig("SubnetTAO", [netuid], toAuthor);
  if (fee > toAuthor) st.addBig("SubnetTAO", [netuid], fee - toAuthor);
  syncTotalStake(env, netuid, before);
  st.addBig("SubnetVolume", [netuid], q.amountTaken);
  if (st.exists("SubtensorModule", "SubnetTaoFlow"))
    st.set("SubnetTaoFlow", [netuid], st.sint("SubnetTaoFlow", netuid) + q.amountPaidIn);
  addStake(st, hot, cold, netuid, q.amountPaidOut);
  noteStakingHotkey(st, cold, hot);
  return { alpha: q.amountPaidOut, taoTaken: q.amountTaken, fee };
}

/** Sells `alpha` of (hot, cold) for TAO (not yet paid to anyone: the caller credits or restakes it). */
export function unstakeAlpha(
  env: Env,
  hot: Uint8Array,
  cold: Uint8Array,
  netuid: number,
  alpha: bigint,
  limitPrice?: bigint,
  dropFees?: boolean,
): UnstakeResult {
  const q = quote(env, netuid, "unstake", alpha, limitPrice, dropFees);
  const { st } = env;
  const before = st.big("SubnetTAO", netuid);
  removeStake(st, env.engine, hot, cold, netuid, q.amountTaken);
  applyReserves(env, netuid, q);
  st.subBig("SubnetAlphaOut", [netuid], q.amountPaidIn);
  let taoOut = q.amountPaidOut;
  // The alpha fee is sold in a second, fee-less swap and its TAO goes to the block author; when that sale
  // is refused or there is no author, the alpha is burned.
  if (q.feePaid > 0n) {
    st.subBig("SubnetAlphaOut", [netuid], q.feePaid);
    let sold: SwapQuote | undefined;
    try {
      sold = env.engine.swap(readPool(st, env.engine, netuid), {
        direction: "unstake",
        amount: q.feePaid,
        dropFees: true,
      });
    } catch {
      sold = undefined;
    }
    if (sold && blockAuthor(env)) {
      applyReserves(env, netuid, sold);
      if (!payAuthor(env, sold.amountPaidOut)) st.addBig("SubnetTAO", [netuid], sold.amountPaidOut);
      else taoOut += sold.amountPaidOut;
    }
  }
  syncTotalStake(env, netuid, before);
  st.addBig("SubnetVolume", [netuid], q.amountPaidOut);
  if (st.exists("SubtensorModule", "SubnetTaoFlow"))
    st.set("SubnetTaoFlow", [netuid], st.sint("SubnetTaoFlow", netuid) - taoOut);
  return { tao: q.amountPaidOut, alphaTaken: q.amountTaken, alphaPaidIn: q.amountPaidIn, fee: q.feePaid };
}
