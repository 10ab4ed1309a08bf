/**
 * What the coinbase needs from a subnet pool. The pool maths (balancer for spec ≥ 423, Uniswap-v3
 * protocol position for 283–422) live with the swap reference; the coinbase only calls these three
 * operations, in the chain's order, and applies the reserve bookkeeping itself.
 */
import { balancerPrice, HALF_WEIGHT, weightAfterInjection } from "./balancer";
import { U64F64 } from "./fixed";
import { ChainRejection } from "./specs";
import { swapQuote } from "./swap";

/** Read-only view of one subnet's pool when an operation is called. */
export interface PoolView {
  netuid: number;
  /** `SubnetMechanism` (0 = stable, swaps 1:1). */
  mechanism: number;
  /** `SubnetTAO`. */
  taoReserve: bigint;
  /** `SubnetAlphaIn`. */
  alphaReserve: bigint;
  /** Model-specific state (balancer quote weight, v3 sqrt price and liquidity …), JSON-able. */
  pool: unknown;
}

export interface CoinbasePoolModel {
  /** `current_alpha_price` as U64F64 bits (the coinbase floors it to U96F32). */
  spotPrice(v: PoolView): bigint;
  /**
   * `adjust_protocol_liquidity(tao, alpha)` on the pre-injection reserves. Returns the amounts
   * actually accepted (both 0 when the balancer would leave its weight bounds) and the new pool
   * state. The coinbase adds the accepted amounts to the reserves.
   */
  injectLiquidity(v: PoolView, tao: bigint, alpha: bigint): { tao: bigint; alpha: bigint; pool: unknown };
  /**
   * Fee-less `swap_tao_for_alpha(tao, max price)` (a chain buy). Returns what entered the TAO
   * reserve and what left the alpha reserve, or null when the swap is refused.
   */
  buyFeeless(v: PoolView, tao: bigint): { paidIn: bigint; alphaOut: bigint; pool: unknown } | null;
}

/** Balancer pool state carried in `CoinbaseSubnet.pool`: the quote weight (Perquintill parts). */
export interface BalancerPoolState {
  quoteWeight: bigint;
}

function balancerWeight(pool: unknown): bigint {
  const w = (pool as Partial<BalancerPoolState> | undefined)?.quoteWeight;
  return typeof w === "bigint" ? w : HALF_WEIGHT;
}

/**
 * The current pool (spec ≥ 423): balancer price, weight update on injection, and a fee-less buy at
 * the maximum price limit through the swap reference. Stable subnets price at 1.
 */
export function balancerCoinbasePool(spec: number): CoinbasePoolModel {
  return {
    spotPrice(v) {
      if (v.mechanism === 0) return U64F64.one;
      if (v.alphaReserve === 0n) return 0n;
      return balancerPrice(v.alphaReserve, v.taoReserve, balancerWeight(v.pool));
    },
    injectLiquidity(v, tao, alpha) {
      const w2 = balancerWeight(v.pool);
      const next = weightAfterInjection(v.taoReserve, v.alphaReserve, tao, alpha, w2);
      if (next === null) return { tao: 0n, alpha: 0n, pool: { quoteWeight: w2 } };
      return { tao, alpha, pool: { quoteWeight: next } };
    },
    buyFeeless(v, tao) {
      const w2 = balancerWeight(v.pool);
      try {
        const q = swapQuote({
          spec,
          direction: "stake",
          amount: tao,
          taoReserve: v.taoReserve,
          alphaReserve: v.alphaReserve,
          mechanism: v.mechanism,
          dropFees: true,
          quoteWeight: w2,
        });
        return { paidIn: q.amountPaidIn, alphaOut: q.amountPaidOut, pool: { quoteWeight: w2 } };
      } catch (e) {
        // A refused swap (the chain's `Err`) leaves the reserves alone; bad input is still an error.
        if (e instanceof ChainRejection) return null;
        throw e;
      }
    },
  };
}
