// The engine quote API against stored pool snapshots: values equal the BigInt reference computed from the same
// snapshot (every pool era, stable root, fee rate from a FeeRateSet event), 400s name the parameter, 404 for
// unknown subnets, the OpenAPI contract holds, and random query strings never produce a 5xx.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as poolsRoute from "../../app/api/v1/engine/pools/route";
import * as curveRoute from "../../app/api/v1/engine/quote/curve/route";
import * as quoteRoute from "../../app/api/v1/engine/quote/route";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import { configureRateLimit, DEFAULT_RATE_LIMIT } from "../../lib/api/v1/http/rate-limit";
import { db } from "../../lib/db/client";
import { formatUnits, parseUnits } from "../../lib/engine/browser-quote";
import { toDecimal, U64F64 } from "../../lib/engine/ref/fixed";
import { swapQuote } from "../../lib/engine/ref/swap";
import { closeQueryPool } from "../../lib/queries/pool";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";
import { call } from "./fixture";
import { ContractValidator, type OpenApiDoc } from "./validator";

interface Snap {
  netuid: number;
  block: number;
  spec: number;
  tao: bigint;
  alpha: bigint;
  price: bigint;
}

// Blocks 1-4 at specs of the three pool eras; netuid 3 has a newer snapshot at block 4 (the one quoted).
const SPECS: Record<number, number> = { 1: 250, 2: 394, 3: 425, 4: 394 };
const SNAPS: Snap[] = [
  {
    netuid: 0,
    block: 2,
    spec: 394,
    tao: 5_000_000_000_000n,
    alpha: 5_000_000_000_000n,
    price: 1_000_000_000n,
  },
  {
    netuid: 1,
    block: 1,
    spec: 250,
    tao: 12_345_678_901_234n,
    alpha: 98_765_432_109_876n,
    price: 125_000_000n,
  },
  { netuid: 2, block: 2, spec: 394, tao: 1_000_000_000_000n, alpha: 3_000_000_000_000n, price: 333_333_333n },
  {
    netuid: 3,
    block: 3,
    spec: 425,
    tao: 7_000_000_000_000n,
    alpha: 2_000_000_000_000n,
    price: 3_000_000_000n,
  },
  {
    netuid: 3,
    block: 4,
    spec: 394,
    tao: 8_000_000_000_000n,
    alpha: 2_000_000_000_000n,
    price: 4_000_000_000n,
  },
  // Balancer era at the latest block of netuid 4 (spec 425 block 3): price says w2 ≠ 0.5.
  {
    netuid: 4,
    block: 3,
    spec: 425,
    tao: 2_000_000_000_000n,
    alpha: 10_000_000_000_000n,
    price: 300_000_000n,
  },
];
const FEE_EVENT = { netuid: 2, rate: 500, block: 1 };

let database: TestDatabase;
let contract: ContractValidator;

beforeAll(async () => {
  database = await freshDatabase();
  const pool = testPool(database.url);
  try {
    for (const [n, spec] of Object.entries(SPECS)) {
      const hash = `0x${n.padStart(64, "0")}`;
      await pool.query(
        `INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, spec_version, extrinsic_count, event_count)
         VALUES ($1, $2, $2, $2, $2, $3, 0, 0)`,
        [Number(n), hash, spec],
      );
    }
    for (const s of SNAPS)
      await pool.query(
        "INSERT INTO pool_snapshots (netuid, block_number, tao_in, alpha_in, alpha_out, price_rao) VALUES ($1, $2, $3, $4, 0, $5)",
        [s.netuid, s.block, s.tao.toString(), s.alpha.toString(), s.price.toString()],
      );
    await pool.query(
      "INSERT INTO events (block_number, index, section, method, args) VALUES ($1, 0, 'swap', 'FeeRateSet', $2)",
      [FEE_EVENT.block, JSON.stringify({ netuid: FEE_EVENT.netuid, rate: FEE_EVENT.rate })],
    );
  } finally {
    await pool.end();
  }
  vi.stubEnv("DATABASE_URL", database.url);
  configureRateLimit(null);
  contract = new ContractValidator(
    (await (await call(openapiRoute.GET, "/openapi.json")).json()) as OpenApiDoc,
  );
});

afterAll(async () => {
  configureRateLimit(DEFAULT_RATE_LIMIT);
  await db().$disconnect();
  await closeQueryPool();
  await database?.drop();
});

// biome-ignore lint/suspicious/noExplicitAny: bodies are checked against the document, then read freely
async function get(handler: typeof quoteRoute.GET, docPath: string, url: string, status = 200): Promise<any> {
  const res = await call(handler, url);
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(contract.check(contract.responseRef(docPath, String(res.status)), body)).toBeNull();
  return body;
}

const latest = (netuid: number) =>
  SNAPS.filter((s) => s.netuid === netuid).sort((a, b) => b.block - a.block)[0]!;

/** Independent expectation: the BigInt reference on the snapshot's numbers, impact by its definition. */
function expected(netuid: number, direction: "stake" | "unstake", amount: bigint) {
  const s = latest(netuid);
  const feeRate = netuid === FEE_EVENT.netuid ? FEE_EVENT.rate : s.spec < 297 ? 196 : 33;
  const quoteWeight =
    s.spec >= 423 ? (s.tao * 10n ** 27n) / (s.price * s.alpha + s.tao * 10n ** 9n) : undefined;
  const q = swapQuote({
    spec: s.spec,
    direction,
    amount,
    taoReserve: s.tao,
    alphaReserve: s.alpha,
    mechanism: netuid === 0 ? 0 : 1,
    feeRate,
    simulate: true,
    ...(quoteWeight !== undefined ? { quoteWeight } : {}),
  });
  const diff = q.priceAfter > q.priceBefore ? q.priceAfter - q.priceBefore : q.priceBefore - q.priceAfter;
  const impact = (diff * 10n ** 18n) / q.priceBefore;
  const impactText = `${impact / 10n ** 18n}.${(impact % 10n ** 18n).toString().padStart(18, "0")}`
    .replace(/0+$/, "")
    .replace(/\.$/, "");
  return {
    amount_in: q.amountTaken.toString(),
    amount_out: q.userReceives.toString(),
    fee: q.feePaid.toString(),
    price_before: toDecimal(U64F64, q.priceBefore),
    price_after: toDecimal(U64F64, q.priceAfter),
    price_impact: impactText,
  };
}

describe("GET /engine/quote", () => {
  const cases: [number, "stake" | "unstake", bigint][] = [
    [0, "stake", 1_000_000_000n],
    [1, "stake", 10_000_000_000n],
    [1, "unstake", 123_456_789_012n],
    [2, "stake", 50_000_000_000n],
    [2, "unstake", 7_000_000_000n],
    [3, "stake", 1_000_000_000_000n],
    [3, "unstake", 999_999_999n],
    [4, "stake", 42_000_000_000n],
    [4, "unstake", 420_000_000_000n],
  ];
  it.each(cases)("netuid %i %s %s equals the BigInt reference on the latest snapshot", async (n, d, a) => {
    const body = await get(
      quoteRoute.GET,
      "/engine/quote",
      `/engine/quote?netuid=${n}&direction=${d}&amount=${a}`,
    );
    const s = latest(n);
    expect(body).toMatchObject({
      netuid: n,
      block: s.block,
      spec_version: s.spec,
      direction: d,
      ...expected(n, d, a),
    });
    expect(Number(body.price_impact)).toBeGreaterThanOrEqual(0);
    if (n !== 0) expect(body.price_impact).not.toBe("0");
    expect(body.method).toContain(`spec ${s.spec}`);
  });

  it("takes the fee rate from the subnet's FeeRateSet event, else the spec default", async () => {
    const res = await get(poolsRoute.GET, "/engine/pools", "/engine/pools");
    const by = Object.fromEntries(res.data.map((p: { netuid: number }) => [p.netuid, p]));
    expect(res.data.map((p: { netuid: number }) => p.netuid)).toEqual([0, 1, 2, 3, 4]);
    expect(by[2]).toMatchObject({ fee_rate: 500, fee_rate_source: "event", era: "v3", block: 2 });
    expect(by[1]).toMatchObject({ fee_rate: 196, fee_rate_source: "default", era: "constantProduct" });
    expect(by[3]).toMatchObject({ fee_rate: 33, block: 4, tao_in: "8000000000000", era: "v3" });
    expect(by[4].era).toBe("balancer");
    expect(by[4].quote_weight).not.toBe("500000000000000000");
    expect(by[0].mechanism).toBe(0);
    expect(res.block).toBe(4);
  });

  it("rejects bad input with 400 naming the parameter, and unknown subnets with 404", async () => {
    const bad: [string, string][] = [
      ["netuid=x&direction=stake&amount=1", "netuid"],
      ["netuid=70000&direction=stake&amount=1", "netuid"],
      ["netuid=-1&direction=stake&amount=1", "netuid"],
      ["netuid=2&direction=buy&amount=1000", "direction"],
      ["netuid=2&direction=stake&amount=0", "amount"],
      ["netuid=2&direction=stake&amount=1.5", "amount"],
      ["netuid=2&direction=stake&amount=-5", "amount"],
      ["netuid=2&direction=stake&amount=1e9", "amount"],
      ["netuid=2&direction=stake&amount=18446744073709551616", "amount"],
      ["netuid=2&direction=stake&amount=99999999999999999999999", "amount"],
      ["netuid=2&direction=stake", "amount"],
      ["netuid=2&direction=stake&amount=5&extra=1", "extra"],
      // The chain refuses: too small to yield any output.
      ["netuid=2&direction=unstake&amount=1", "amount"],
    ];
    for (const [q, parameter] of bad) {
      const body = await get(quoteRoute.GET, "/engine/quote", `/engine/quote?${q}`, 400);
      expect(body.error.parameter, q).toBe(parameter);
    }
    // u64::MAX is valid input: the default limit price stops the swap part-way (the rest is not taken).
    const max = await get(
      quoteRoute.GET,
      "/engine/quote",
      "/engine/quote?netuid=2&direction=stake&amount=18446744073709551615",
    );
    expect(BigInt(max.amount_in)).toBeLessThan(18446744073709551615n);
    expect(max.price_after).toMatch(/^1000000\./);
    // An earlier block quotes that block's snapshot (netuid 3 at block 3: the balancer-era row).
    const at3 = await get(
      quoteRoute.GET,
      "/engine/quote",
      "/engine/quote?netuid=3&direction=stake&amount=1000000000&block=3",
    );
    expect(at3).toMatchObject({ block: 3, spec_version: 425 });
    await get(
      quoteRoute.GET,
      "/engine/quote",
      "/engine/quote?netuid=3&direction=stake&amount=5&block=0",
      404,
    );
    const nf = await get(
      quoteRoute.GET,
      "/engine/quote",
      "/engine/quote?netuid=77&direction=stake&amount=5",
      404,
    );
    expect(nf.error.parameter).toBe("netuid");
  });
});

describe("GET /engine/quote/curve", () => {
  it("gives 50 points whose impact grows with the amount, each equal to a single quote", async () => {
    const body = await get(
      curveRoute.GET,
      "/engine/quote/curve",
      "/engine/quote/curve?netuid=2&direction=stake&max=500000000000",
    );
    expect(body.points).toHaveLength(50);
    expect(body.points[49].amount_in).toBe("500000000000");
    for (let i = 1; i < 50; i++)
      expect(BigInt(body.points[i].amount_out)).toBeGreaterThan(BigInt(body.points[i - 1].amount_out));
    for (const i of [0, 17, 49]) {
      const p = body.points[i];
      expect(p).toMatchObject({
        amount_in: expected(2, "stake", BigInt(p.amount_in)).amount_in,
        amount_out: expected(2, "stake", BigInt(p.amount_in)).amount_out,
        price_impact: expected(2, "stake", BigInt(p.amount_in)).price_impact,
      });
    }
    const dflt = await get(
      curveRoute.GET,
      "/engine/quote/curve",
      "/engine/quote/curve?netuid=3&direction=unstake",
    );
    expect(dflt.max).toBe("200000000000");
    await get(
      curveRoute.GET,
      "/engine/quote/curve",
      "/engine/quote/curve?netuid=3&direction=unstake&max=0",
      400,
    );
  });
});

describe("amount text (the calculator's input)", () => {
  it("parses decimal text to base units exactly and round-trips every u64", () => {
    expect(parseUnits("1.5")).toEqual({ ok: true, value: 1_500_000_000n });
    expect(parseUnits("0.000000001")).toEqual({ ok: true, value: 1n });
    expect(parseUnits(" 12.")).toEqual({ ok: true, value: 12_000_000_000n });
    expect(parseUnits(".25")).toEqual({ ok: true, value: 250_000_000n });
    expect(parseUnits("18446744073.709551615")).toEqual({ ok: true, value: 18_446_744_073_709_551_615n });
    for (const bad of [
      "",
      ".",
      "0",
      "0.000",
      "-1",
      "1e9",
      "1,5",
      "0x10",
      "1.0000000001",
      "18446744073.709551616",
    ])
      expect(parseUnits(bad).ok, bad).toBe(false);
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 18_446_744_073_709_551_615n }), (v) => {
        expect(parseUnits(formatUnits(v))).toEqual({ ok: true, value: v });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("fuzz", () => {
  it("never answers 5xx; 400s name a parameter; 200s match the document", async () => {
    const value = fc.oneof(
      fc.constantFrom(
        "0",
        "1",
        "2",
        "3",
        "4",
        "77",
        "65535",
        "65536",
        "stake",
        "unstake",
        "",
        "-1",
        "1e3",
        "0x10",
      ),
      fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }).map(String),
      fc.constantFrom("18446744073709551615", "18446744073709551616", "1.0", " 5", "%00", "x' OR '1'='1"),
      fc.string({ maxLength: 12 }),
    );
    const key = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom("netuid", "direction", "amount", "max", "block") },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    );
    const query = fc
      .array(fc.tuple(key, value), { maxLength: 5 })
      .map((p) => new URLSearchParams(p).toString());
    await fc.assert(
      fc.asyncProperty(fc.boolean(), query, async (curve, q) => {
        const path = curve ? "/engine/quote/curve" : "/engine/quote";
        const res = await call(curve ? curveRoute.GET : quoteRoute.GET, `${path}?${q}`);
        const body = await res.json();
        expect(res.status, `${path}?${q} ${JSON.stringify(body)}`).toBeLessThan(500);
        if (res.status === 400) expect(typeof body.error.parameter).toBe("string");
        expect(contract.check(contract.responseRef(path, String(res.status)), body)).toBeNull();
      }),
      { numRuns: 600 },
    );
  });
});
