// /subnets/{netuid}/registrations, /registrations/cost and /hyperparameters on an indexed scenario devnet:
// bodies match the OpenAPI document, rows equal the stored projections, per-period figures are recomputed here
// with BigInt, `previous` is the prior change of the same name, and bad input is a 400 naming the parameter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import * as hyperRoute from "../../app/api/v1/subnets/[netuid]/hyperparameters/route";
import * as costRoute from "../../app/api/v1/subnets/[netuid]/registrations/cost/route";
import * as regsRoute from "../../app/api/v1/subnets/[netuid]/registrations/route";
import { configureRateLimit, DEFAULT_RATE_LIMIT } from "../../lib/api/v1/http/rate-limit";
import { call } from "./fixture";
import { indexedScenario, type SubnetsFixture } from "./subnets-fixture";
import { ContractValidator, type OpenApiDoc } from "./validator";

type Handler = typeof regsRoute.GET;
let fx: SubnetsFixture;
let contract: ContractValidator;

beforeAll(async () => {
  fx = await indexedScenario();
  configureRateLimit(null);
  contract = new ContractValidator(
    (await (await call(openapiRoute.GET, "/openapi.json")).json()) as OpenApiDoc,
  );
}, 120_000);
afterAll(async () => {
  configureRateLimit(DEFAULT_RATE_LIMIT);
  await fx?.close();
});

async function get(
  handler: Handler,
  docPath: string,
  url: string,
  netuid: number,
  // biome-ignore lint/suspicious/noExplicitAny: bodies are checked against the schema, then read freely
): Promise<any> {
  const res = await call(handler, url, { params: { netuid: String(netuid) } });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(contract.check(contract.responseRef(docPath), body)).toBeNull();
  return body;
}

async function busiest(kind: "registrations" | "hyperparameter_changes"): Promise<number> {
  const filter = kind === "registrations" ? "kind = 'neuron' AND netuid > 0" : "netuid IS NOT NULL";
  const r = await fx.pool.query<{ netuid: number }>(
    `SELECT netuid FROM ${kind} WHERE ${filter} GROUP BY netuid ORDER BY count(*) DESC, netuid LIMIT 1`,
  );
  expect(r.rows.length, `no ${kind} in the scenario`).toBe(1);
  return r.rows[0]!.netuid;
}

describe("GET /subnets/{netuid}/registrations", () => {
  const path = "/subnets/{netuid}/registrations";

  it("lists every stored neuron registration of the subnet, newest first, and pages", async () => {
    const netuid = await busiest("registrations");
    const db = await fx.pool.query<{ block_number: number; event_index: number; cost: string | null }>(
      `SELECT block_number, event_index, cost::text FROM registrations
       WHERE netuid = $1 AND kind = 'neuron'
         AND block_number >= coalesce((SELECT max(block_number) FROM registrations
                                        WHERE netuid = $1 AND kind = 'network'), 0)
       ORDER BY block_number DESC, event_index DESC`,
      [netuid],
    );
    const all = await get(regsRoute.GET, path, `/subnets/${netuid}/registrations?limit=1000`, netuid);
    expect(all.pagination.total).toBe(db.rows.length);
    expect(
      all.data.map((r: { block_number: number; event_index: number; cost: string | null }) => [
        r.block_number,
        r.event_index,
        r.cost,
      ]),
    ).toEqual(db.rows.map((r) => [r.block_number, r.event_index, r.cost]));
    expect(all.data.some((r: { cost: string | null }) => r.cost !== null && BigInt(r.cost) > 0n)).toBe(true);
    const p2 = await get(
      regsRoute.GET,
      path,
      `/subnets/${netuid}/registrations?limit=2&page=2&order=block_number_asc`,
      netuid,
    );
    const asc = [...all.data].reverse();
    expect(p2.data).toEqual(asc.slice(2, 4));

    const csv = await call(regsRoute.GET, `/subnets/${netuid}/registrations?format=csv&limit=1`, {
      params: { netuid: String(netuid) },
    });
    expect(csv.status).toBe(200);
    expect((await csv.text()).trim().split("\r\n").length - 1).toBe(db.rows.length);
  });
});

describe("GET /subnets/{netuid}/registrations/cost", () => {
  const path = "/subnets/{netuid}/registrations/cost";

  it("groups costs per UTC hour and day as recomputed here", async () => {
    const netuid = await busiest("registrations");
    const rows = await fx.pool.query<{ ts: Date; cost: string | null }>(
      `SELECT "timestamp" AS ts, cost::text FROM registrations
       WHERE netuid = $1 AND kind = 'neuron' AND "timestamp" IS NOT NULL
         AND block_number >= coalesce((SELECT max(block_number) FROM registrations
                                        WHERE netuid = $1 AND kind = 'network'), 0)
       ORDER BY block_number, event_index`,
      [netuid],
    );
    for (const frequency of ["hour", "day"] as const) {
      const unit = frequency === "hour" ? 3_600_000 : 86_400_000;
      const expected = new Map<string, { n: number; costs: bigint[] }>();
      for (const r of rows.rows) {
        const period = new Date(Math.floor(r.ts.getTime() / unit) * unit).toISOString();
        const p = expected.get(period) ?? { n: 0, costs: [] };
        p.n++;
        if (r.cost !== null) p.costs.push(BigInt(r.cost));
        expected.set(period, p);
      }
      const body = await get(
        costRoute.GET,
        path,
        `/subnets/${netuid}/registrations/cost?frequency=${frequency}&order=period_asc`,
        netuid,
      );
      expect(body.data.length).toBe(expected.size);
      for (const point of body.data) {
        const e = expected.get(point.period)!;
        expect(e, point.period).toBeDefined();
        expect(point.registrations).toBe(e.n);
        expect(point.priced).toBe(e.costs.length);
        const total = e.costs.reduce((a, b) => a + b, 0n);
        expect(point.cost_total).toBe(total.toString());
        if (e.costs.length > 0) {
          const sorted = [...e.costs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(point.cost_min).toBe(sorted[0]!.toString());
          expect(point.cost_max).toBe(sorted.at(-1)!.toString());
          expect(point.cost_avg).toBe((total / BigInt(e.costs.length)).toString());
          expect(point.cost_last).toBe(e.costs.at(-1)!.toString());
        }
      }
    }
  });
});

describe("GET /subnets/{netuid}/hyperparameters", () => {
  const path = "/subnets/{netuid}/hyperparameters";

  it("lists each change with the value it replaced; filters by name", async () => {
    const netuid = await busiest("hyperparameter_changes");
    const db = await fx.pool.query<{ block_number: number; name: string; value: unknown }>(
      `SELECT block_number, name, value FROM hyperparameter_changes
       WHERE netuid = $1
         AND block_number >= coalesce((SELECT max(block_number) FROM registrations
                                        WHERE netuid = $1 AND kind = 'network'), 0)
       ORDER BY block_number, extrinsic_index, call_index`,
      [netuid],
    );
    expect(db.rows.length).toBeGreaterThan(0);
    const body = await get(
      hyperRoute.GET,
      path,
      `/subnets/${netuid}/hyperparameters?order=block_number_asc&limit=1000`,
      netuid,
    );
    expect(body.data.length).toBe(db.rows.length);
    const last = new Map<string, unknown>();
    db.rows.forEach((r, i) => {
      const c = body.data[i];
      expect([c.block_number, c.name, c.value]).toEqual([r.block_number, r.name, r.value]);
      expect(c.previous).toEqual(last.get(r.name) ?? null);
      last.set(r.name, r.value);
    });
    const name = db.rows[0]!.name;
    const only = await get(
      hyperRoute.GET,
      path,
      `/subnets/${netuid}/hyperparameters?name=${name}&limit=1000`,
      netuid,
    );
    expect(only.data.length).toBe(db.rows.filter((r) => r.name === name).length);
    expect(only.data.every((c: { name: string }) => c.name === name)).toBe(true);
  });
});

describe("bad input", () => {
  const cases: [Handler, string, string][] = [
    [costRoute.GET, "/subnets/1/registrations/cost?frequency=week", "frequency"],
    [regsRoute.GET, "/subnets/1/registrations?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "to"],
    [regsRoute.GET, "/subnets/1/registrations?limit=0", "limit"],
    [regsRoute.GET, "/subnets/1/registrations?order=cost_desc", "order"],
    [hyperRoute.GET, "/subnets/1/hyperparameters?name=1tempo", "name"],
    [hyperRoute.GET, "/subnets/1/hyperparameters?bogus=1", "bogus"],
  ];
  for (const [handler, url, parameter] of cases)
    it(`${url} is a 400 naming ${parameter}`, async () => {
      const res = await call(handler, url, { params: { netuid: "1" } });
      expect(res.status).toBe(400);
      expect((await res.json()).error.parameter).toBe(parameter);
    });

  it("is a 404 for an unknown subnet and a 400 for a bad netuid", async () => {
    for (const handler of [regsRoute.GET, costRoute.GET, hyperRoute.GET]) {
      const missing = await call(handler, "/subnets/999/x", { params: { netuid: "999" } });
      expect(missing.status).toBe(404);
      const bad = await call(handler, "/subnets/x/x", { params: { netuid: "x" } });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.parameter).toBe("netuid");
    }
  });
});
