// A subnet's pool as the engine sees it (reserves + fee rate + balancer weight or v3 position), read from
// and written back to SubtensorModule/Swap storage.
import type { EconomyEngine, PoolReserves, PoolState } from "../engine";
import { SM, type Store, SWAP } from "./store";

const HALF_PERQUINTILL = 500_000_000_000_000_000n;

export function readPoolState(st: Store, engine: EconomyEngine, netuid: number): PoolState {
  if (engine.rules === "current") {
    // Balancer { quote: Perquintill }: the 8 little-endian bytes of the quote weight.
    const raw = st.codec.rawOrDefault(st.state, SWAP, "SwapBalancer", netuid);
    if (raw?.length === 8) {
      let q = 0n;
      for (let i = 7; i >= 0; i--) q = (q << 8n) | BigInt(raw[i] as number);
      return { kind: "balancer", quoteWeight: q };
    }
    const b = st.read(SWAP, "SwapBalancer", netuid) as unknown as
      | { get(k: string): { toString(): string } }
      | undefined;
    const q = b ? BigInt(b.get("quote").toString()) : HALF_PERQUINTILL;
    return { kind: "balancer", quoteWeight: q };
  }
  if (st.read(SWAP, "SwapV3Initialized", netuid)?.toJSON() !== true) return { kind: "v3" };
  return {
    kind: "v3",
    sqrtPrice: st.fixed(SWAP, "AlphaSqrtPrice", netuid),
    liquidity: BigInt(st.read(SWAP, "CurrentLiquidity", netuid)?.toString() ?? "0"),
  };
}

export function writePoolState(st: Store, netuid: number, state: PoolState): void {
  if (state.kind === "balancer") {
    st.write(SWAP, "SwapBalancer", [netuid], { quote: state.quoteWeight });
    return;
  }
  if (state.sqrtPrice === undefined || state.liquidity === undefined) return;
  st.setFixed(SWAP, "AlphaSqrtPrice", [netuid], state.sqrtPrice);
  st.write(SWAP, "CurrentLiquidity", [netuid], state.liquidity);
  st.write(SWAP, "SwapV3Initialized", [netuid], true);
}

export function readPool(st: Store, engine: EconomyEngine, netuid: number): PoolReserves {
  return {
    mechanism: st.num("SubnetMechanism", netuid),
    taoReserve: st.big("SubnetTAO", netuid),
    alphaReserve: st.big("SubnetAlphaIn", netuid),
    feeRate: Number(st.codec.readBig(st.state, SWAP, "FeeRate", netuid)),
    state: readPoolState(st, engine, netuid),
  };
}

/** Spot price in rao per alpha (`current_alpha_price`), from the engine's U64F64 price. */
export function priceRao(st: Store, engine: EconomyEngine, netuid: number): bigint {
  const p = engine.spotPrice(readPool(st, engine, netuid));
  return (p * 1_000_000_000n) >> 64n;
}

export { SM };
