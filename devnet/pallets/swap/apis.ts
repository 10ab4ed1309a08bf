// SwapRuntimeApi: spot prices and simulated swaps, priced by the engine over each subnet's pool.
import type { ApiHandler } from "../../node/runtime/pallet";
import { type EconomyEngine, F } from "../engine";
import { readPool } from "../subtensor/pool";
import { Store } from "../subtensor/store";

const U = F.U64F64;
const RAO = 1_000_000_000n;

function priceRaoOf(engine: EconomyEngine, st: Store, netuid: number): bigint {
  return F.toU64Saturating(
    U,
    F.saturatingMul(U, engine.spotPrice(readPool(st, engine, netuid)), F.fromInt(U, RAO)),
  );
}

/** Identity wrapper: keeps handlers with block bodies from reading as React components to the linter. */
const handler = (f: ApiHandler): ApiHandler => f;

export function swapApis(engine: EconomyEngine): Record<string, ApiHandler> {
  const u16 = (ctx: Parameters<ApiHandler>[0], args: Uint8Array, at = 0) =>
    ctx.codec.registry.createType("u16", args.subarray(at, at + 2)).toNumber();
  const u64 = (ctx: Parameters<ApiHandler>[0], args: Uint8Array, at: number) =>
    BigInt(ctx.codec.registry.createType("u64", args.subarray(at, at + 8)).toString());
  const out = (ctx: Parameters<ApiHandler>[0], method: string, value: unknown) =>
    ctx.codec.registry.createType(ctx.codec.apiOutputType("SwapRuntimeApi", method), value).toU8a();
  const sim =
    (direction: "stake" | "unstake"): ApiHandler =>
    (ctx, args) => {
      const st = new Store(ctx.codec, ctx.storage);
      const netuid = u16(ctx, args);
      const amount = u64(ctx, args, 2);
      const method = direction === "stake" ? "sim_swap_tao_for_alpha" : "sim_swap_alpha_for_tao";
      const zero = {
        tao_amount: 0,
        alpha_amount: 0,
        tao_fee: 0,
        alpha_fee: 0,
        tao_slippage: 0,
        alpha_slippage: 0,
      };
      if (!st.subnetExists(netuid)) return out(ctx, method, zero);
      const pool = readPool(st, engine, netuid);
      let q: ReturnType<EconomyEngine["swap"]>;
      try {
        q = engine.swap(pool, { direction, amount, simulate: true });
      } catch {
        return out(ctx, method, zero);
      }
      const p = engine.spotPrice(pool);
      if (direction === "stake") {
        const ideal = p === 0n ? 0n : F.toU64Saturating(U, F.safeDiv(U, F.saturatingFromInt(U, amount), p));
        return out(ctx, method, {
          ...zero,
          tao_amount: q.amountPaidIn,
          alpha_amount: q.amountPaidOut,
          tao_fee: q.feePaid,
          alpha_slippage: ideal > q.amountPaidOut ? ideal - q.amountPaidOut : 0n,
        });
      }
      const ideal = F.toU64Saturating(U, F.saturatingMul(U, F.saturatingFromInt(U, amount), p));
      return out(ctx, method, {
        ...zero,
        tao_amount: q.amountPaidOut,
        alpha_amount: q.amountPaidIn,
        alpha_fee: q.feePaid,
        tao_slippage: ideal > q.amountPaidOut ? ideal - q.amountPaidOut : 0n,
      });
    };
  return {
    SwapRuntimeApi_current_alpha_price: (ctx, args) => {
      const st = new Store(ctx.codec, ctx.storage);
      const netuid = u16(ctx, args);
      return out(ctx, "current_alpha_price", st.subnetExists(netuid) ? priceRaoOf(engine, st, netuid) : 0n);
    },
    SwapRuntimeApi_current_alpha_price_all: handler((ctx) => {
      const st = new Store(ctx.codec, ctx.storage);
      return out(
        ctx,
        "current_alpha_price_all",
        st.netuids().map((netuid) => ({ netuid, price: priceRaoOf(engine, st, netuid) })),
      );
    }),

    SwapRuntimeApi_sim_swap_tao_for_alpha: sim("stake"),
    SwapRuntimeApi_sim_swap_alpha_for_tao: sim("unstake"),
  };
}
