// Engine family: swap quotes and slippage curves computed by the WASM engine from the latest stored pool state,
// and that state itself (what the /pools page feeds the same engine in the browser).
import { z } from "zod";
import {
  ChainRejection,
  curveWith,
  defaultCurveMax,
  EngineInputError,
  type PoolQuoteState,
  quoteWith,
  U64_MAX,
} from "../../../engine/browser-quote";
import { runCoinbaseWasm } from "../../../engine/coinbase-wasm";
import { getSelfCheckSummary } from "../../../queries/engine-checks";
import { PROJECTION_MAX_BLOCKS, projectionAnswer, projectionInputs } from "../../../queries/projection";
import { getPoolState, listPoolStates } from "../../../queries/quote";
import { quoteEngine } from "../../../queries/quote-engine";
import { ApiHttpError, defineEndpoint, notFound } from "../endpoint";
import {
  EngineSelfCheckSchema,
  PoolQuoteStateListSchema,
  ProjectionSchema,
  SlippageCurveSchema,
  SwapQuoteSchema,
} from "../engine-schemas";
import { documented, uint } from "../params";

const netuid = uint("subnet id", 65535);
const direction = documented(z.enum(["stake", "unstake"], "must be stake or unstake"), {
  type: "string",
  enum: ["stake", "unstake"],
  description: "stake: TAO → alpha; unstake: alpha → TAO",
});

/** A u64 amount in base units, 1 … u64::MAX, digits only. */
function baseUnits(description: string) {
  return documented(
    z
      .string()
      .regex(/^[1-9][0-9]{0,19}$/, "must be a positive integer in base units (digits only, no leading zeros)")
      .transform((v) => BigInt(v))
      .refine((v) => v <= U64_MAX, "must be at most 18446744073709551615 (u64::MAX)"),
    { type: "string", pattern: "^[1-9][0-9]{0,19}$", description },
  );
}

const METHOD =
  "Method: the latest pool_snapshots row of the subnet (SubnetTAO, SubnetAlphaIn, spot price) and the runtime " +
  "spec of its block select the pool rules (dtao-math §3); the quote is the engine's swap (AssemblyScript WASM, " +
  "checked bit for bit against its BigInt reference) with the runtime API's sim_swap semantics: default " +
  "extreme limit prices, no commit-time reserve check. Fee rate: the last swap.FeeRateSet event for the subnet " +
  "at or before the snapshot, else the spec's default (196/65535 before spec 297, then 33). Limits (state the " +
  "indexer does not store): the mechanism is taken as stable for netuid 0 and dynamic otherwise; in the v3 era " +
  "(spec 283–422) the pool's sqrt price and liquidity are re-derived from the reserves as the chain does when it " +
  "initialises a pool, so quotes can differ from the chain's by the rounding the live position accumulated, and " +
  "user liquidity positions (2025-06-30 → 2025-12-05) are not modelled; in the balancer era the quote weight is " +
  "derived from the snapshot's spot price, w2 = y / (p·x + y), exact only up to the price's rao rounding.";

const atBlock = uint(
  "quote against the subnet's latest snapshot at or before this block (default: its latest); the answer's " +
    "`block` says which snapshot was used",
).optional();

async function stateOrThrow(id: number, block: number | undefined): Promise<PoolQuoteState> {
  const found = await getPoolState(id, block);
  if (found.kind === "missing") throw notFound(`pool state of subnet ${id}`, "netuid");
  if (found.kind === "unsupported")
    throw new ApiHttpError(
      400,
      "unsupported_spec",
      `subnet ${id}'s latest snapshot is at spec ${found.spec}, outside the engine's rules`,
      "netuid",
    );
  return found.state;
}

function engineError(e: unknown, parameter: string): never {
  if (e instanceof ChainRejection)
    throw new ApiHttpError(400, "swap_rejected", `the chain would refuse this swap: ${e.reason}`, parameter);
  if (e instanceof EngineInputError) throw new ApiHttpError(400, "bad_request", e.message, parameter);
  throw e;
}

export const poolStates = defineEndpoint({
  id: "listPoolQuoteStates",
  path: "/engine/pools",
  tag: "engine",
  summary: "Latest pool state of every subnet, as quotes use it",
  description:
    "The inputs of /engine/quote for every subnet with a stored pool snapshot: reserves, spot price, spec, " +
    `pool era, mechanism, fee rate (and its source). ${METHOD}`,
  query: z.object({}).strict(),
  response: PoolQuoteStateListSchema,
  cache: "head",
  handler: () => listPoolStates(),
});

export const quote = defineEndpoint({
  id: "getSwapQuote",
  path: "/engine/quote",
  tag: "engine",
  summary: "Stake/unstake quote with slippage",
  description:
    "What staking `amount` rao (direction=stake) or unstaking `amount` alpha base units (unstake) would give " +
    "against the subnet's latest stored pool state: output, fee, spot price before and after, price impact. " +
    `404 when the subnet has no pool snapshot (at or before \`block\` when given); 400 (parameter amount) when the chain would refuse the swap. ${METHOD}`,
  query: z
    .object({
      netuid,
      direction,
      amount: baseUnits(
        "input amount: rao for stake, alpha base units (1e-9 alpha) for unstake; fee included",
      ),
      block: atBlock,
    })
    .strict(),
  response: SwapQuoteSchema,
  cache: "head",
  notFound: "unknown subnet (no pool snapshot)",
  handler: async ({ query: q }) => {
    const state = await stateOrThrow(q.netuid, q.block);
    const engine = await quoteEngine();
    try {
      return quoteWith(engine, state, q.direction, q.amount);
    } catch (e) {
      engineError(e, "amount");
    }
  },
});

export const quoteCurve = defineEndpoint({
  id: "getSlippageCurve",
  path: "/engine/quote/curve",
  tag: "engine",
  summary: "Slippage curve: price impact by amount",
  description:
    "Quotes for 50 amounts max·i/50 (i = 1…50) in one engine call; `max` defaults to a tenth of the input-side " +
    `reserve. Points the chain would refuse are left out. ${METHOD}`,
  query: z
    .object({
      netuid,
      direction,
      max: baseUnits("largest amount (rao for stake, alpha base units for unstake)").optional(),
      block: atBlock,
    })
    .strict(),
  response: SlippageCurveSchema,
  cache: "head",
  notFound: "unknown subnet (no pool snapshot)",
  handler: async ({ query: q }) => {
    const state = await stateOrThrow(q.netuid, q.block);
    const engine = await quoteEngine();
    try {
      return curveWith(engine, state, q.direction, q.max ?? defaultCurveMax(state, q.direction));
    } catch (e) {
      engineError(e, "max");
    }
  },
});

const SELF_CHECK_METHOD =
  "Method: for each indexed block N (every ENGINE_SELF_CHECK_EVERY-th; default every block) the indexer reads the " +
  "coinbase's inputs from the state after block N−1 (the coinbase runs in on_initialize, before N's extrinsics), " +
  "runs the engine's run_coinbase (BigInt reference) and the moving-price update that follows it, and compares " +
  "with the chain's storage after N for items no extrinsic writes: SubnetTaoInEmission, SubnetAlphaInEmission, " +
  "SubnetAlphaOutEmission, SubnetExcessTao (emitted subnets only), PendingServerEmission, " +
  "PendingValidatorEmission, PendingRootAlphaDivs, PendingOwnerCut, BlocksSinceLastStep, LastEpochBlock, " +
  "SubnetEpochIndex, SubnetMovingPrice. Subnets registered or dissolved in N are skipped. The rule set is the " +
  "executing runtime's spec (343–425); a runtime that declares the balancer pool under an older spec number " +
  "(the devnet's current rules) runs the latest rules. In the Uniswap-v3 era the moving price, and before spec " +
  "413 the validator and root pending amounts, depend on pool bookkeeping the engine does not model and are " +
  "listed as unsupported. Values are raw storage integers (fixed-point items as their bits).";

export const selfCheck = defineEndpoint({
  id: "getEngineSelfCheck",
  path: "/engine/self-check",
  tag: "engine",
  summary: "Engine self-check: recomputed coinbase vs chain, per spec version",
  description:
    "Per runtime spec version: blocks checked, blocks with mismatches, mismatching items, first/last mismatch " +
    `block; plus the newest mismatches with both values. ${SELF_CHECK_METHOD}`,
  query: z
    .object({
      spec: uint("only this runtime spec version").optional(),
      mismatches: uint("how many of the newest mismatches to list (default 20)", 500).optional(),
    })
    .strict(),
  response: EngineSelfCheckSchema,
  cache: "head",
  handler: async ({ query: q }) => ({
    ...(await getSelfCheckSummary({ spec: q.spec, mismatches: q.mismatches ?? 20 })),
    method: SELF_CHECK_METHOD,
  }),
});

export const projection = defineEndpoint({
  id: "getEmissionProjection",
  path: "/engine/projection",
  tag: "engine",
  summary: "Emission projection: TAO/alpha emission and price path over the next blocks",
  description:
    "Runs the engine's block-by-block projection (TAO block emission from TotalIssuance, run_coinbase, " +
    "moving-price update; no trading) forward `blocks` blocks from the newest indexed state of every subnet " +
    "(subnet shares depend on all subnets, so the simulation always covers all of them; `netuid` only filters " +
    "the answer). Per subnet: projected TAO emission, TAO and alpha injected, alpha out, chain buys, and the " +
    "price path sampled to about 200 points. The `method` field lists every input and each value assumed " +
    `because the indexer does not store it. \`blocks\` ≤ ${PROJECTION_MAX_BLOCKS} (one day of 12 s blocks); every ` +
    "block is simulated, at a cost " +
    "linear in blocks × subnets, and the answer is cached per indexed head. 404 when nothing is indexed yet " +
    "(or the netuid has no pool).",
  query: z
    .object({
      netuid: uint("only this subnet in the answer", 65535, 1).optional(),
      blocks: documented(
        uint(`blocks to project, 1-${PROJECTION_MAX_BLOCKS}`, PROJECTION_MAX_BLOCKS, 1)
          .optional()
          .transform((v) => v ?? 7200),
        {
          type: "integer",
          minimum: 1,
          maximum: PROJECTION_MAX_BLOCKS,
          default: 7200,
          description: "blocks to project (7200 ≈ one day)",
        },
      ),
    })
    .strict(),
  response: ProjectionSchema,
  cache: "head",
  notFound: "nothing indexed yet, or no pool for the netuid",
  handler: async ({ query: q }) => {
    const inputs = await projectionInputs();
    if (!inputs) throw notFound("indexed pool state", null);
    if (q.netuid !== undefined && !inputs.state.subnets.some((s) => s.netuid === q.netuid))
      throw notFound(`pool of subnet ${q.netuid}`, "netuid");
    const x = (await quoteEngine()).coinbaseExports();
    const answer = projectionAnswer(inputs, q.blocks, x ? (s) => runCoinbaseWasm(x, s) : undefined);
    return q.netuid === undefined
      ? answer
      : { ...answer, subnets: answer.subnets.filter((s) => s.netuid === q.netuid) };
  },
});
