// The op registry behind `npm run engine -- eval` (and anything else that speaks the JSON wire format):
// op name → zod schema for its args + an implementation over an engine. To add an op, export an `OpDefinition`
// from your module and append it to OP_LIST below (one import + one entry).

import { z } from "zod";
import * as F from "./ref/fixed";
import { economyOps } from "./ref/ops-economy";
import { sfNew } from "./ref/safefloat";
import { ChainRejection, EngineInputError, sharePoolKind } from "./ref/specs";
import type { EngineOps, SwapQuote } from "./types";
import type { WasmEngine } from "./wasm";
import { direction, fixed, formatZodError, safeFloat, spec, toWireJson, u16, u32, u64 } from "./wire";

export interface OpContext {
  /** The engine selected for this run (WASM by default). */
  engine: EngineOps;
  /** Always available: the BigInt reference. */
  reference: EngineOps;
  /** The WASM engine when loaded (null when running reference-only). */
  wasm: WasmEngine | null;
}

export interface OpDefinition<A = unknown> {
  name: string;
  /** One line for the README / `--help`. */
  summary: string;
  args: z.ZodType<A>;
  /** Returns a JSON-ready value (bigints are turned into decimal strings by the caller). */
  run(ctx: OpContext, args: A): unknown;
  /** Ops that parse their own raw JSON args (validated by `args` first) provide this instead. */
  runRaw?(args: unknown): unknown;
}

export function defineOp<S extends z.ZodType>(def: {
  name: string;
  summary: string;
  args: S;
  run(ctx: OpContext, args: z.output<S>): unknown;
}): OpDefinition<z.output<S>> {
  return def as OpDefinition<z.output<S>>;
}

const U64F64_T = F.U64F64;

function quoteJson(q: SwapQuote): Record<string, unknown> {
  const price = (bits: bigint) => F.toDecimal(U64F64_T, bits);
  return {
    era: q.era,
    amountPaidIn: q.amountPaidIn,
    amountPaidOut: q.amountPaidOut,
    feePaid: q.feePaid,
    feeToBlockAuthor: q.feeToBlockAuthor,
    amountTaken: q.amountTaken,
    userReceives: q.userReceives,
    taoReserveAfter: q.taoReserveAfter,
    alphaReserveAfter: q.alphaReserveAfter,
    priceBefore: price(q.priceBefore),
    priceAfter: price(q.priceAfter),
    sqrtPriceAfter: q.sqrtPriceAfter === undefined ? undefined : price(q.sqrtPriceAfter),
    liquidity: q.liquidity,
  };
}

const poolArgs = {
  spec,
  taoReserve: u64,
  alphaReserve: u64,
  mechanism: z
    .union([z.literal(0), z.literal(1)], { error: () => "must be 0 (stable) or 1 (dynamic)" })
    .optional(),
  feeRate: u16.optional(),
  quoteWeight: u64.optional(),
  sqrtPrice: fixed(F.U64F64).optional(),
  liquidity: u64.optional(),
  minimumReserve: u64.optional(),
};

export const blockEmissionOp = defineOp({
  name: "blockEmission",
  summary: "TAO (or a subnet's alpha) block emission in rao for an issuance (halving curve).",
  args: z.strictObject({ issuance: u64, spec: spec.optional() }),
  run: (ctx, a) => ctx.engine.blockEmission(a.issuance),
});

export const rootProportionOp = defineOp({
  name: "rootProportion",
  summary: "tw·SubnetTAO[0] / (tw·SubnetTAO[0] + alpha issuance), U96F32.",
  args: z.strictObject({ rootTao: u64, taoWeight: u64, alphaIssuance: u64, spec: spec.optional() }),
  run: (ctx, a) => F.toDecimal(F.U96F32, ctx.engine.rootProportion(a)),
});

export const movingPriceOp = defineOp({
  name: "movingPrice",
  summary: "One block of the SubnetMovingPrice EMA (I96F32 result).",
  args: z.strictObject({
    spec,
    movingPrice: fixed(F.I96F32),
    price: fixed(F.U64F64),
    movingAlpha: fixed(F.I96F32).default(F.fromF64(F.I96F32, 0.000003)),
    block: u64,
    firstEmissionBlock: u64.default(0n),
    halvingBlocks: u64.default(201_600n),
  }),
  run: (ctx, a) => F.toDecimal(F.I96F32, ctx.engine.movingPrice(a)),
});

export const swapOp = defineOp({
  name: "swap",
  summary: "Stake (TAO→alpha) or unstake (alpha→TAO) quote with fees and limit price, by pool era.",
  args: z.strictObject({
    ...poolArgs,
    direction,
    amount: u64,
    limitPrice: u64.optional(),
    dropFees: z.boolean().optional(),
    simulate: z.boolean().optional(),
    stakingFee: u64.optional(),
  }),
  run: (ctx, a) => quoteJson(ctx.engine.swap(a)),
});

export const maxAmountOp = defineOp({
  name: "maxAmount",
  summary: "get_max_amount_add/remove: largest gross amount a limit order executes.",
  args: z.strictObject({ ...poolArgs, direction, limitPrice: u64 }),
  run: (ctx, a) => ctx.engine.maxAmount(a),
});

export const stakeValueOp = defineOp({
  name: "stakeValue",
  summary: "Value (u64) of a nominator's shares: U64F64 pools (spec < 397) or SafeFloat pools.",
  args: z.strictObject({
    spec,
    pool: z.enum(["u64f64", "safeFloat"]).optional(),
    sharedValue: u64,
    share: z.union([z.string(), safeFloat]),
    denominator: z.union([z.string(), safeFloat]),
  }),
  run(ctx, a) {
    const pool = a.pool ?? sharePoolKind(a.spec);
    if (pool === "u64f64") {
      const share = typeof a.share === "string" ? F.fromDecimal(F.U64F64, a.share) : null;
      const den = typeof a.denominator === "string" ? F.fromDecimal(F.U64F64, a.denominator) : null;
      if (share === null || share < 0n)
        throw new RangeError("args.share: a U64F64 pool takes a decimal string");
      if (den === null || den < 0n)
        throw new RangeError("args.denominator: a U64F64 pool takes a decimal string");
      return ctx.engine.stakeValue({ pool, sharedValue: a.sharedValue, share, denominator: den });
    }
    const sf = (v: typeof a.share, field: string) => {
      if (typeof v === "string")
        throw new RangeError(`args.${field}: a SafeFloat pool takes {mantissa, exponent}`);
      const r = sfNew(v.mantissa, v.exponent);
      if (r === null) throw new RangeError(`args.${field}: not a valid SafeFloat (mantissa ≤ 1e21)`);
      return r;
    };
    return ctx.engine.stakeValue({
      pool,
      sharedValue: a.sharedValue,
      share: sf(a.share, "share"),
      denominator: sf(a.denominator, "denominator"),
    });
  },
});

export const lockCostOp = defineOp({
  name: "lockCost",
  summary: "Subnet registration lock cost (rao).",
  args: z.strictObject({
    spec,
    lastLock: u64,
    minLock: u64,
    lastLockBlock: u64,
    currentBlock: u64,
    lockReductionInterval: u64,
    totalIssuance: u64,
  }),
  run: (ctx, a) => ctx.engine.lockCost(a),
});

export const neuronBurnOp = defineOp({
  name: "neuronBurn",
  summary: "Neuron registration burn after N blocks of half-life decay, then R registration bumps.",
  args: z.strictObject({
    spec,
    burn: u64,
    minBurn: u64,
    maxBurn: u64,
    halfLife: u16.default(360),
    blocks: u32.default(0),
    registrations: u32.default(0),
    increaseMult: fixed(F.U64F64).default(F.fromF64(F.U64F64, 1.26)),
  }),
  run: (ctx, a) => ctx.engine.neuronBurn(a),
});

/**
 * Adapter for op tables of the form `{ name: { schema, run(args) } }` whose `run` parses its own JSON args
 * (lib/engine/ref/ops-economy.ts): they run on the reference rules whatever engine is selected.
 */
function fromTable(
  table: Record<string, { schema: z.ZodType; run(args: unknown): unknown }>,
): OpDefinition<unknown>[] {
  return Object.entries(table).map(([name, entry]) => ({
    name,
    summary: `see lib/engine/ref/ops-economy.ts (${name})`,
    args: entry.schema as z.ZodType<unknown>,
    run: (_ctx: OpContext, _parsed: unknown) => {
      throw new Error("unreachable: table ops run on their raw args");
    },
    runRaw: (args: unknown) => entry.run(args),
  }));
}

// The registry: this module's ops, then the economy ops (subnetShares, coinbase, epochSchedule, yumaEpoch, project).
export const OP_LIST: readonly OpDefinition<never>[] = [
  blockEmissionOp,
  rootProportionOp,
  movingPriceOp,
  swapOp,
  maxAmountOp,
  stakeValueOp,
  lockCostOp,
  neuronBurnOp,
  ...fromTable(economyOps),
] as unknown as readonly OpDefinition<never>[];

export const OPS: ReadonlyMap<string, OpDefinition<unknown>> = new Map(
  (OP_LIST as unknown as OpDefinition<unknown>[]).map((op) => [op.name, op]),
);

export type EvalResult = { ok: unknown } | { error: string };

/** Evaluates one request `{op, args}`; never throws. */
export function evaluate(ctx: OpContext, request: unknown): EvalResult {
  try {
    if (!request || typeof request !== "object" || Array.isArray(request))
      return { error: 'request must be a JSON object {"op": "...", "args": {...}}' };
    const { op, args } = request as { op?: unknown; args?: unknown };
    if (typeof op !== "string") return { error: "op: is required (a string)" };
    const def = OPS.get(op);
    if (!def) return { error: `op: unknown op ${JSON.stringify(op)} (known: ${[...OPS.keys()].join(", ")})` };
    const parsed = def.args.safeParse(args ?? {});
    if (!parsed.success) return { error: `${op}: ${formatZodError(parsed.error)}` };
    if (def.runRaw) return { ok: toWireJson(def.runRaw(args ?? {})) };
    return { ok: toWireJson(def.run(ctx, parsed.data)) };
  } catch (e) {
    const name = (request as { op: string }).op;
    if (e instanceof z.ZodError) return { error: `${name}: ${formatZodError(e)}` };
    if (e instanceof ChainRejection) return { error: `${name}: ${e.message}` };
    if (e instanceof EngineInputError)
      return { error: `${name}: args.${e.field}: ${e.message.slice(e.field.length + 2)}` };
    const msg = e instanceof Error ? e.message : String(e);
    const op = (request as { op?: unknown }).op;
    return { error: `${typeof op === "string" ? op : "?"}: ${msg.split("\n")[0]}` };
  }
}
