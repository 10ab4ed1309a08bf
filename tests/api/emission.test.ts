// /subnets/{netuid}/emission and /engine/projection on an indexed economy + scenario devnet: emission sums equal
// the stored per-block values summed here with BigInt; the projection equals the engine reference `project()` run
// on inputs this test reads from the database itself; bad parameters are 400s naming them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as projectionRoute from "../../app/api/v1/engine/projection/route";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import * as emissionRoute from "../../app/api/v1/subnets/[netuid]/emission/route";
import { configureRateLimit, DEFAULT_RATE_LIMIT } from "../../lib/api/v1/http/rate-limit";
import { derivedQuoteWeight } from "../../lib/engine/browser-quote";
import type { CoinbaseState } from "../../lib/engine/ref/coinbase";
import { balancerCoinbasePool } from "../../lib/engine/ref/coinbase-pool";
import * as fx from "../../lib/engine/ref/fixed";
import { project } from "../../lib/engine/ref/project";
import { call } from "./fixture";
import { indexedScenario, type SubnetsFixture } from "./subnets-fixture";
import { ContractValidator, type OpenApiDoc } from "./validator";

type Handler = typeof emissionRoute.GET;
let fxt: SubnetsFixture;
let contract: ContractValidator;

beforeAll(async () => {
  fxt = await indexedScenario();
  configureRateLimit(null);
  contract = new ContractValidator(
    (await (await call(openapiRoute.GET, "/openapi.json")).json()) as OpenApiDoc,
  );
});
afterAll(async () => {
  configureRateLimit(DEFAULT_RATE_LIMIT);
  await fxt?.close();
});

async function get(
  handler: Handler,
  docPath: string,
  url: string,
  opts: { params?: Record<string, string>; status?: number } = {},
  // biome-ignore lint/suspicious/noExplicitAny: bodies are checked against the schema, then read freely
): Promise<any> {
  const res = await call(handler, url, { params: opts.params });
  const body = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(opts.status ?? 200);
  expect(contract.check(contract.responseRef(docPath, String(res.status)), body)).toBeNull();
  return body;
}

interface Snap {
  block_number: number;
  ts: Date | null;
  tao_in_emission: string;
  alpha_in_emission: string;
  alpha_out_emission: string;
}

describe("/subnets/{netuid}/emission", () => {
  it("block points are the stored snapshots; hour/day sums equal the snapshots summed here", async () => {
    const netuids = (
      await fxt.pool.query<{ netuid: number }>(
        "SELECT DISTINCT netuid FROM pool_snapshots WHERE netuid > 0 ORDER BY netuid",
      )
    ).rows.map((r) => r.netuid);
    expect(netuids.length).toBeGreaterThan(2);
    let nonZero = 0;
    for (const netuid of netuids) {
      const snaps = (
        await fxt.pool.query<Snap>(
          `SELECT p.block_number, b."timestamp" AS ts, p.tao_in_emission::text, p.alpha_in_emission::text,
                  p.alpha_out_emission::text
             FROM pool_snapshots p JOIN blocks b ON b.number = p.block_number
            WHERE p.netuid = $1 ORDER BY p.block_number`,
          [netuid],
        )
      ).rows;
      const params = { netuid: String(netuid) };
      const path = "/subnets/{netuid}/emission";
      const blocks = await get(emissionRoute.GET, path, `/subnets/${netuid}/emission?frequency=block`, {
        params,
      });
      expect(blocks.data.map((d: { last_block: number }) => d.last_block)).toEqual(
        snaps.map((s) => s.block_number),
      );
      expect(blocks.data.map((d: { tao_in_emission: string }) => d.tao_in_emission)).toEqual(
        snaps.map((s) => s.tao_in_emission),
      );
      for (const frequency of ["hour", "day"] as const) {
        const buckets = new Map<string, { first: number; last: number; n: number; sums: bigint[] }>();
        // Snapshots of blocks without a timestamp (genesis) belong to no period.
        for (const s of snaps.filter((x) => x.ts !== null)) {
          const d = new Date(s.ts as Date);
          if (frequency === "hour") d.setUTCMinutes(0, 0, 0);
          else d.setUTCHours(0, 0, 0, 0);
          const key = d.toISOString();
          const b = buckets.get(key) ?? {
            first: s.block_number,
            last: s.block_number,
            n: 0,
            sums: [0n, 0n, 0n],
          };
          b.last = s.block_number;
          b.n += 1;
          b.sums = [
            b.sums[0]! + BigInt(s.tao_in_emission),
            b.sums[1]! + BigInt(s.alpha_in_emission),
            b.sums[2]! + BigInt(s.alpha_out_emission),
          ];
          buckets.set(key, b);
        }
        const body = await get(
          emissionRoute.GET,
          path,
          `/subnets/${netuid}/emission?frequency=${frequency}`,
          {
            params,
          },
        );
        expect(body.frequency).toBe(frequency);
        expect(body.data).toEqual(
          [...buckets.entries()].map(([timestamp, b]) => ({
            timestamp,
            first_block: b.first,
            last_block: b.last,
            snapshots: b.n,
            tao_in_emission: b.sums[0]!.toString(),
            alpha_in_emission: b.sums[1]!.toString(),
            alpha_out_emission: b.sums[2]!.toString(),
          })),
        );
        for (const d of body.data) if (BigInt(d.alpha_out_emission) > 0n) nonZero += 1;
      }
    }
    // The economy emits: a series of zeros would pass the sums trivially.
    expect(nonZero).toBeGreaterThan(0);
  });

  it("limit keeps the newest points; 400 names the parameter; 404 for an unknown subnet", async () => {
    const path = "/subnets/{netuid}/emission";
    const params = { netuid: "1" };
    const all = await get(emissionRoute.GET, path, "/subnets/1/emission?frequency=block", { params });
    const two = await get(emissionRoute.GET, path, "/subnets/1/emission?frequency=block&limit=2", { params });
    expect(two.data).toEqual(all.data.slice(-2));
    for (const [qs, parameter] of [
      ["frequency=minute", "frequency"],
      ["limit=0", "limit"],
      ["from=yesterday", "from"],
      ["from=2030-01-01&to=2020-01-01", "to"],
      ["bogus=1", "bogus"],
    ] as const) {
      const body = await get(emissionRoute.GET, path, `/subnets/1/emission?${qs}`, { params, status: 400 });
      expect(body.error.parameter).toBe(parameter);
    }
    const body = await get(emissionRoute.GET, path, "/subnets/999/emission", {
      params: { netuid: "999" },
      status: 404,
    });
    expect(body.error.parameter).toBe("netuid");
  });
});

/** The coinbase input rebuilt from the database by this test, following the endpoint's documented method. */
async function stateFromDb(): Promise<{ block: number; state: CoinbaseState }> {
  const head = (await fxt.pool.query<{ n: number }>("SELECT max(block_number) AS n FROM pool_snapshots"))
    .rows[0]!.n;
  const rows = (
    await fxt.pool.query<{
      netuid: number;
      tao_in: string;
      alpha_in: string;
      alpha_out: string;
      price_rao: string;
      moving_price: string;
      tao_in_emission: string;
      alpha_out_emission: string;
    }>(
      `SELECT netuid, tao_in::text, alpha_in::text, alpha_out::text, price_rao::text, moving_price::text,
              tao_in_emission::text, alpha_out_emission::text
         FROM pool_snapshots WHERE block_number = $1 ORDER BY netuid`,
      [head],
    )
  ).rows;
  const events = (
    await fxt.pool.query<{ args: unknown; block_number: number }>(
      `SELECT args, block_number FROM events WHERE section = 'subtensorModule'
          AND method = 'FirstEmissionBlockNumberSet' AND block_number <= $1 ORDER BY block_number, index`,
      [head],
    )
  ).rows;
  const firstEmission = new Map<number, bigint>();
  for (const e of events) {
    const [n, b] = Array.isArray(e.args) ? e.args : Object.values(e.args as object);
    firstEmission.set(Number(n), BigInt(String(b)));
  }
  const stats = (
    await fxt.pool.query<{ issuance: string; staked: string }>(
      `SELECT issuance::text, staked::text FROM network_stats_daily WHERE block_number <= $1
        ORDER BY block_number DESC LIMIT 1`,
      [head],
    )
  ).rows[0]!;
  const root = rows.find((r) => r.netuid === 0);
  return {
    block: head,
    state: {
      spec: 425,
      block: BigInt(head) + 1n,
      totalIssuance: BigInt(stats.issuance),
      totalStake: BigInt(stats.staked),
      rootTao: BigInt(root?.tao_in ?? "0"),
      taoWeight: 3_320_413_933_267_719_290n,
      subnets: rows
        .filter((r) => r.netuid !== 0)
        .map((r) => {
          const emitting = BigInt(r.tao_in_emission) > 0n || BigInt(r.alpha_out_emission) > 0n;
          const w = derivedQuoteWeight(BigInt(r.tao_in), BigInt(r.alpha_in), BigInt(r.price_rao));
          return {
            netuid: r.netuid,
            mechanism: 1,
            taoReserve: BigInt(r.tao_in),
            alphaIn: BigInt(r.alpha_in),
            alphaOut: BigInt(r.alpha_out),
            pool: w === null ? undefined : { quoteWeight: w },
            movingPrice: fx.fromDecimal(fx.I96F32, r.moving_price),
            firstEmissionBlock: firstEmission.get(r.netuid) ?? (emitting ? 1n : null),
            tempo: 360,
          };
        }),
    },
  };
}

const rao = (bits: bigint) => ((bits * 1_000_000_000n) >> 64n).toString();

describe("/engine/projection", () => {
  it("equals the reference project() on the state read from the database", async () => {
    const { block, state } = await stateFromDb();
    const blocks = 500;
    const t0 = performance.now();
    const body = await get(projectionRoute.GET, "/engine/projection", `/engine/projection?blocks=${blocks}`);
    const ms = performance.now() - t0;
    console.log(`projection of ${blocks} blocks × ${state.subnets.length} subnets: ${ms.toFixed(0)} ms`);
    const r = project({ state, blocks, sampleEvery: Math.ceil(blocks / 200) }, balancerCoinbasePool(425));
    expect(body.block).toBe(block);
    expect(body.blocks).toBe(blocks);
    expect(body.engine_spec).toBe(425);
    expect(body.total_issuance).toBe(state.totalIssuance.toString());
    expect(body.tao_emitted).toBe(r.taoEmitted.toString());
    expect(body.tao_issued).toBe(r.taoIssued.toString());
    expect(BigInt(body.tao_emitted)).toBeGreaterThan(0n);
    expect(body.subnets.map((s: { netuid: number }) => s.netuid)).toEqual(state.subnets.map((s) => s.netuid));
    for (const t of r.subnets) {
      const s = body.subnets.find((x: { netuid: number }) => x.netuid === t.netuid);
      expect(s.tao_emission).toBe(t.taoEmission.toString());
      expect(s.tao_injected).toBe(t.taoInjected.toString());
      expect(s.alpha_injected).toBe(t.alphaInjected.toString());
      expect(s.alpha_out).toBe(t.alphaOutEmitted.toString());
      expect(s.excess_tao).toBe(t.excessTao.toString());
      const path = r.pricePath[t.netuid]!;
      expect(s.path.length).toBe(path.length);
      expect(s.path.map((p: { block: number }) => p.block)).toEqual(path.map((p) => Number(p.block)));
      expect(s.path.map((p: { price: string }) => p.price)).toEqual(path.map((p) => rao(p.price)));
      expect(s.path.map((p: { tao_in: string }) => p.tao_in)).toEqual(
        path.map((p) => p.taoReserve.toString()),
      );
      expect(s.path.map((p: { tao_injected: string }) => p.tao_injected)).toEqual(
        path.map((p) => p.taoInjected.toString()),
      );
      expect(s.path.at(-1).tao_injected).toBe(t.taoInjected.toString());
      expect(s.path.at(-1).alpha_out).toBe(t.alphaOutEmitted.toString());
      expect(s.price_end).toBe(rao(path[path.length - 1]!.price));
    }
    expect(body.method).toMatch(/TaoWeight/);
    // The server ran the WASM coinbase (engine.wasm has its entry points); equal to the reference above.
    expect(body.method).toMatch(/WASM/);
    // netuid filters the answer, the numbers stay those of the whole-network run
    const one = await get(
      projectionRoute.GET,
      "/engine/projection",
      `/engine/projection?blocks=${blocks}&netuid=1`,
    );
    expect(one.subnets).toEqual(body.subnets.filter((s: { netuid: number }) => s.netuid === 1));
  });

  it("400 names the parameter; 404 for a netuid without a pool", async () => {
    for (const [qs, parameter] of [
      ["blocks=0", "blocks"],
      ["blocks=7201", "blocks"],
      ["blocks=abc", "blocks"],
      ["blocks=-5", "blocks"],
      ["netuid=x", "netuid"],
      ["netuid=0", "netuid"],
      ["foo=1", "foo"],
    ] as const) {
      const body = await get(projectionRoute.GET, "/engine/projection", `/engine/projection?${qs}`, {
        status: 400,
      });
      expect(body.error.parameter).toBe(parameter);
    }
    const body = await get(
      projectionRoute.GET,
      "/engine/projection",
      "/engine/projection?netuid=999&blocks=10",
      {
        status: 404,
      },
    );
    expect(body.error.parameter).toBe("netuid");
  });
});
