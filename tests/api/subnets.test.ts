// /api/v1/subnets family on an indexed economy + scenario devnet: answers match the served OpenAPI document,
// values equal chain storage read through @polkadot/api (derived figures recomputed here with BigInt), sorting,
// CSV, 400/404, and fuzzed parameters never give a 5xx.
import "@polkadot/api-augment";
import { ApiPromise, WsProvider } from "@polkadot/api";
import type { Codec } from "@polkadot/types/types";
import { hexToU8a } from "@polkadot/util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import * as activityRoute from "../../app/api/v1/subnets/[netuid]/activity/route";
import * as candlesRoute from "../../app/api/v1/subnets/[netuid]/candles/route";
import * as poolRoute from "../../app/api/v1/subnets/[netuid]/pool/route";
import * as subnetRoute from "../../app/api/v1/subnets/[netuid]/route";
import * as subnetsRoute from "../../app/api/v1/subnets/route";
import { configureRateLimit, DEFAULT_RATE_LIMIT } from "../../lib/api/v1/http/rate-limit";
import { call } from "./fixture";
import { indexedScenario, type SubnetsFixture } from "./subnets-fixture";
import { ContractValidator, type OpenApiDoc } from "./validator";

type Query = Record<string, (...a: unknown[]) => Promise<Codec>>;
type Handler = typeof subnetsRoute.GET;

let fx: SubnetsFixture;
let api: ApiPromise;
let contract: ContractValidator;

beforeAll(async () => {
  fx = await indexedScenario();
  configureRateLimit(null);
  contract = new ContractValidator(
    (await (await call(openapiRoute.GET, "/openapi.json")).json()) as OpenApiDoc,
  );
  api = await ApiPromise.create({
    provider: new WsProvider(fx.devnet.wsUrl),
    noInitWarn: true,
    throwOnConnect: true,
  });
});
afterAll(async () => {
  configureRateLimit(DEFAULT_RATE_LIMIT);
  await api?.disconnect();
  await fx?.close();
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
  expect(res.status, JSON.stringify(body)).toBe(opts.status ?? 200);
  expect(contract.check(contract.responseRef(docPath, String(res.status)), body)).toBeNull();
  return body;
}

interface Chain {
  taoIn: bigint;
  alphaIn: bigint;
  alphaOut: bigint;
  emission: bigint;
  volume: bigint;
  price: bigint;
  burn: bigint;
}

async function chainAt(block: number): Promise<Map<number, Chain>> {
  const hash = await api.rpc.chain.getBlockHash(block);
  const at = await api.at(hash);
  const q = at.query.subtensorModule as unknown as Query;
  const prices = new Map<number, bigint>();
  const hex = (await api.rpc.state.call("SwapRuntimeApi_current_alpha_price_all", "0x", hash)).toHex();
  const decoded = api.registry.createTypeUnsafe<Codec>("Vec<(u16, u64)>", [hexToU8a(hex)]).toJSON() as [
    number,
    number | string,
  ][];
  for (const [n, p] of decoded) prices.set(n, BigInt(p));
  const keys = (await (
    at.query.subtensorModule as unknown as { networksAdded: { keys(): Promise<{ args: Codec[] }[]> } }
  ).networksAdded.keys()) as { args: Codec[] }[];
  const out = new Map<number, Chain>();
  for (const k of keys) {
    const n = Number(k.args[0]!.toString());
    const big = async (item: string) => BigInt((await q[item]!(n)).toString());
    out.set(n, {
      taoIn: await big("subnetTAO"),
      alphaIn: await big("subnetAlphaIn"),
      alphaOut: await big("subnetAlphaOut"),
      emission: await big("subnetTaoInEmission"),
      volume: await big("subnetVolume"),
      price: prices.get(n) ?? 0n,
      burn: await big("burn"),
    });
  }
  return out;
}

/** A block's events as @polkadot/api decodes them: section, method and the data as strings. */
async function eventsAt(block: number): Promise<{ section: string; method: string; data: string[] }[]> {
  const at = await api.at(await api.rpc.chain.getBlockHash(block));
  const records = (await at.query.system.events()) as unknown as {
    event: { section: string; method: string; data: Codec[] };
  }[];
  return records.map((r) => ({
    section: r.event.section,
    method: r.event.method,
    data: r.event.data.map((d) => d.toString()),
  }));
}

/** (a − b) / b × 100 rounded half away from zero to 4 decimals, as NUMERIC round() does, trailing zeros cut. */
function pct(a: bigint, b: bigint): string {
  const scaled = ((a - b) * 1_000_000n * 2n) / b; // ×10^4 ×100, doubled for rounding
  const r = scaled >= 0n ? (scaled + 1n) / 2n : -((-scaled + 1n) / 2n);
  const neg = r < 0n;
  const abs = neg ? -r : r;
  const s = `${abs / 10_000n}.${(abs % 10_000n).toString().padStart(4, "0")}`.replace(/\.?0+$/, "");
  return `${neg && s !== "0" ? "-" : ""}${s}`;
}

describe("GET /subnets", () => {
  it("lists every subnet at the head with values equal to chain storage", async () => {
    const body = await get(subnetsRoute.GET, "/subnets", "/subnets?limit=1000");
    const head = body.data[0].block_number as number;
    expect(head).toBe(fx.head);
    const chain = await chainAt(head);
    expect(body.data.map((s: { netuid: number }) => s.netuid)).toEqual(
      [...chain.keys()].sort((a, b) => a - b),
    );
    expect(body.pagination).toEqual({ page: 1, limit: 1000, total: chain.size, next: null, prev: null });
    expect(chain.size).toBeGreaterThanOrEqual(4);
    const sum = [...chain.values()].reduce((a, c) => a + c.emission, 0n);
    let changed = 0;
    let flows = 0;
    for (const s of body.data) {
      const c = chain.get(s.netuid)!;
      expect(s.price).toBe(c.price.toString());
      expect(s.tao_in).toBe(c.taoIn.toString());
      expect(s.alpha_in).toBe(c.alphaIn.toString());
      expect(s.alpha_out).toBe(c.alphaOut.toString());
      expect(s.tao_in_emission).toBe(c.emission.toString());
      expect(s.market_cap).toBe(((c.price * (c.alphaIn + c.alphaOut)) / 1_000_000_000n).toString());
      if (sum === 0n) expect(s.emission_share).toBeNull();
      else {
        // 12 decimals, rounded half up (shares are non-negative)
        const share12 = (c.emission * 10n ** 12n * 2n + sum) / (2n * sum);
        const want =
          share12 === 10n ** 12n ? "1" : `0.${share12.toString().padStart(12, "0")}`.replace(/\.?0+$/, "");
        expect(s.emission_share).toBe(want === "" ? "0" : want);
      }
      // 24 h figures against the chain at the reference block the API names
      expect(s.window_start_block).not.toBeNull();
      const ref = (await chainAt(s.window_start_block)).get(s.netuid)!;
      expect(s.volume_24h).toBe((c.volume - ref.volume).toString());
      if (ref.price > 0n) {
        expect(s.price_change_24h).toBe(pct(c.price, ref.price));
        if (c.price !== ref.price) changed++;
      } else expect(s.price_change_24h).toBeNull();
      // Derived pool figures and the registration cost, from the same storage.
      expect(s.registration_cost).toBe(c.burn.toString());
      expect(s.liquidity).toBe((c.taoIn + (c.alphaIn * c.price) / 1_000_000_000n).toString());
      expect(s.fdv).toBe(((c.price * 21_000_000_000_000_000n) / 1_000_000_000n).toString());
      // 24 h activity from the chain's events after the window start.
      let flow = 0n;
      let recycled = 0n;
      for (let b = s.window_start_block + 1; b <= head; b++) {
        for (const e of await eventsAt(b)) {
          if (e.section !== "subtensorModule") continue;
          if ((e.method === "StakeAdded" || e.method === "StakeRemoved") && Number(e.data[4]) === s.netuid)
            flow += (e.method === "StakeAdded" ? 1n : -1n) * BigInt(e.data[2]!);
        }
      }
      const regs = await fx.pool.query<{ s: string | null }>(
        `SELECT sum(cost)::text AS s FROM registrations WHERE netuid = $1 AND kind = 'neuron'
           AND block_number > $2 AND block_number <= $3`,
        [s.netuid, s.window_start_block, head],
      );
      recycled = BigInt(regs.rows[0]!.s ?? "0");
      expect(s.tao_flow_24h, `flow of ${s.netuid}`).toBe(flow.toString());
      if (flow !== 0n) flows++;
      expect(s.recycled_24h).toBe(recycled.toString());
      const mg = await fx.pool.query<{ v: number; m: number }>(
        `SELECT count(*) FILTER (WHERE validator_permit)::int AS v, count(*) FILTER (WHERE NOT validator_permit)::int AS m
           FROM metagraph_neurons WHERE netuid = $1
            AND block_number = (SELECT max(block_number) FROM metagraph_snapshots WHERE netuid = $1 AND block_number <= $2)`,
        [s.netuid, head],
      );
      if (mg.rows[0]!.v + mg.rows[0]!.m > 0)
        expect([s.validators, s.miners]).toEqual([mg.rows[0]!.v, mg.rows[0]!.m]);
      if (s.registered_block !== null) {
        expect(s.window_start_block).toBeGreaterThanOrEqual(s.registered_block);
        expect(s.owner?.ss58).toMatch(/^5/);
      }
    }
    expect(changed).toBeGreaterThan(0);
    expect(flows).toBeGreaterThan(0);
    // subnets registered by the scenario during the indexed history carry their registration
    expect(body.data.some((s: { registered_block: number | null }) => s.registered_block !== null)).toBe(
      true,
    );
  });

  it("sorts by every documented field, nulls last, and pages", async () => {
    const fields = [
      "price",
      "market_cap",
      "emission_share",
      "tao_in",
      "alpha_out",
      "price_change_1h",
      "price_change_24h",
      "price_change_7d",
      "liquidity",
      "tao_flow_24h",
      "recycled_24h",
      "registration_cost",
    ];
    for (const f of fields)
      for (const dir of ["asc", "desc"] as const) {
        const body = await get(subnetsRoute.GET, "/subnets", `/subnets?order=${f}_${dir}`);
        const key = f === "price" ? "price" : f;
        const vals = body.data.map((s: Record<string, string | null>) => s[key]);
        const nonNull = vals.filter((v: string | null) => v !== null).map(Number) as number[];
        const sorted = [...nonNull].sort((a, b) => (dir === "asc" ? a - b : b - a));
        expect(nonNull, `${f}_${dir}`).toEqual(sorted);
        expect(vals.slice(nonNull.length).every((v: unknown) => v === null)).toBe(true);
      }
    const all = await get(subnetsRoute.GET, "/subnets", "/subnets?order=market_cap_desc");
    const p2 = await get(subnetsRoute.GET, "/subnets", "/subnets?order=market_cap_desc&limit=2&page=2");
    expect(p2.data.map((s: { netuid: number }) => s.netuid)).toEqual(
      all.data.slice(2, 4).map((s: { netuid: number }) => s.netuid),
    );
    expect(p2.pagination.prev).toBe(1);
  });

  it("exports the full list as CSV", async () => {
    const res = await call(subnetsRoute.GET, "/subnets?format=csv&limit=2&order=netuid_asc");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split(/\r?\n/);
    const json = await get(subnetsRoute.GET, "/subnets", "/subnets?limit=1000");
    expect(lines.length).toBe(json.data.length + 1);
    expect(lines[0]).toContain("netuid");
    expect(lines[0]).toContain("market_cap");
  });

  it("rejects bad parameters naming them", async () => {
    for (const [qs, parameter] of [
      ["order=bogus_desc", "order"],
      ["limit=0", "limit"],
      ["page=x", "page"],
      ["foo=1", "foo"],
    ]) {
      const body = await get(subnetsRoute.GET, "/subnets", `/subnets?${qs}`, { status: 400 });
      expect(body.error.parameter).toBe(parameter);
    }
  });
});

describe("GET /subnets/{netuid}", () => {
  it("returns the pool, identity and current hyperparameters", async () => {
    const list = await get(subnetsRoute.GET, "/subnets", "/subnets");
    const chain = await chainAt(fx.head);
    for (const s of list.data) {
      const d = await get(subnetRoute.GET, "/subnets/{netuid}", `/subnets/${s.netuid}`, {
        params: { netuid: String(s.netuid) },
      });
      expect({ ...d, moving_price: undefined, alpha_in_emission: undefined }).toMatchObject(s);
      expect(d.volume).toBe(chain.get(s.netuid)!.volume.toString());
      // 24 h trades from the chain's StakeAdded/StakeRemoved events after the window start.
      const t = { buys: 0, sells: 0, buyers: new Set<string>(), sellers: new Set<string>(), in: 0n, out: 0n };
      for (let b = s.window_start_block + 1; b <= fx.head; b++)
        for (const e of await eventsAt(b)) {
          if (e.section !== "subtensorModule" || Number(e.data[4]) !== s.netuid) continue;
          if (e.method === "StakeAdded") {
            t.buys++;
            t.buyers.add(e.data[0]!);
            t.in += BigInt(e.data[2]!);
          } else if (e.method === "StakeRemoved") {
            t.sells++;
            t.sellers.add(e.data[0]!);
            t.out += BigInt(e.data[2]!);
          }
        }
      expect(d.trades_24h, `trades of ${s.netuid}`).toEqual({
        buys: t.buys,
        sells: t.sells,
        buyers: t.buyers.size,
        sellers: t.sellers.size,
        tao_bought: t.in.toString(),
        tao_sold: t.out.toString(),
      });
    }
    // hyperparameters: the latest sudo_set_* per name, equal to the change log
    const { rows } = await fx.pool.query<{
      netuid: number;
      name: string;
      value: unknown;
      block_number: number;
    }>(
      `SELECT DISTINCT ON (netuid, name) netuid, name, value, block_number FROM hyperparameter_changes
        WHERE netuid IS NOT NULL ORDER BY netuid, name, block_number DESC, extrinsic_index DESC, call_index DESC`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const withHyper = rows[0]!.netuid;
    const d = await get(subnetRoute.GET, "/subnets/{netuid}", `/subnets/${withHyper}`, {
      params: { netuid: String(withHyper) },
    });
    const tempo = (await (api.query.subtensorModule as unknown as Query).tempo!(withHyper)).toString();
    const expected = rows
      .filter((r) => r.netuid === withHyper && r.block_number >= (d.registered_block ?? 0))
      .map((r) => ({ name: r.name, value: r.value, block_number: r.block_number }));
    expect(d.hyperparameters).toEqual(expected);
    const t = d.hyperparameters.find((h: { name: string }) => h.name === "tempo");
    if (t) expect(String(t.value)).toBe(tempo);
    // identities set by owners show up as names
    const named = list.data.filter((s: { name: string | null }) => s.name !== null);
    const { rows: ids } = await fx.pool.query("SELECT DISTINCT netuid FROM subnet_identity_changes");
    if (ids.length > 0) expect(named.length).toBeGreaterThan(0);
  });

  it("404 for an unknown subnet, 400 for a bad netuid", async () => {
    let body = await get(subnetRoute.GET, "/subnets/{netuid}", "/subnets/999", {
      params: { netuid: "999" },
      status: 404,
    });
    expect(body.error.parameter).toBe("netuid");
    for (const bad of ["-1", "abc", "65536", "1.5", "01"]) {
      body = await get(subnetRoute.GET, "/subnets/{netuid}", `/subnets/${bad}`, {
        params: { netuid: bad },
        status: 400,
      });
      expect(body.error.parameter).toBe("netuid");
    }
    body = await get(poolRoute.GET, "/subnets/{netuid}/pool", "/subnets/999/pool", {
      params: { netuid: "999" },
      status: 404,
    });
    body = await get(candlesRoute.GET, "/subnets/{netuid}/candles", "/subnets/1/candles?frequency=block", {
      params: { netuid: "1" },
      status: 400,
    });
    expect(body.error.parameter).toBe("frequency");
    body = await get(
      poolRoute.GET,
      "/subnets/{netuid}/pool",
      "/subnets/1/pool?from=2030-01-01&to=2020-01-01",
      {
        params: { netuid: "1" },
        status: 400,
      },
    );
    expect(body.error.parameter).toBe("to");
  });
});

describe("series", () => {
  it("pool per block equals chain storage; hour/day keep each period's last snapshot", async () => {
    const netuid = 1;
    const params = { netuid: String(netuid) };
    const series = await get(poolRoute.GET, "/subnets/{netuid}/pool", `/subnets/${netuid}/pool?limit=10000`, {
      params,
    });
    const { rows } = await fx.pool.query("SELECT count(*)::int AS n FROM pool_snapshots WHERE netuid = $1", [
      netuid,
    ]);
    expect(series.data.length).toBe(rows[0].n);
    const blocks = series.data.map((p: { block_number: number }) => p.block_number);
    expect(blocks).toEqual([...blocks].sort((a, b) => a - b));
    for (const p of [series.data[0], series.data[Math.floor(series.data.length / 2)], series.data.at(-1)]) {
      const c = (await chainAt(p.block_number)).get(netuid)!;
      expect([p.price, p.tao_in, p.alpha_in, p.alpha_out, p.volume]).toEqual(
        [c.price, c.taoIn, c.alphaIn, c.alphaOut, c.volume].map(String),
      );
    }
    const last5 = await get(poolRoute.GET, "/subnets/{netuid}/pool", `/subnets/${netuid}/pool?limit=5`, {
      params,
    });
    expect(last5.data).toEqual(series.data.slice(-5));

    const hourly = await get(
      poolRoute.GET,
      "/subnets/{netuid}/pool",
      `/subnets/${netuid}/pool?frequency=hour`,
      { params },
    );
    const hourOf = (t: string) => t.slice(0, 13);
    const lastPerHour = new Map<string, unknown>();
    // the genesis block has no timestamp: it is in the per-block series only
    for (const p of series.data) if (p.timestamp) lastPerHour.set(hourOf(p.timestamp), p);
    expect(hourly.data).toEqual([...lastPerHour.values()]);

    // a time window
    const mid = series.data[Math.floor(series.data.length / 2)];
    expect(mid.timestamp).not.toBeNull();
    const windowed = await get(
      poolRoute.GET,
      "/subnets/{netuid}/pool",
      `/subnets/${netuid}/pool?from=${encodeURIComponent(mid.timestamp)}`,
      { params },
    );
    expect(windowed.data[0]).toEqual(mid);
  });

  it("candles are the OHLC of the per-block prices", async () => {
    const netuid = 2;
    const params = { netuid: String(netuid) };
    const series = await get(poolRoute.GET, "/subnets/{netuid}/pool", `/subnets/${netuid}/pool?limit=10000`, {
      params,
    });
    for (const frequency of ["hour", "day"] as const) {
      const cut = frequency === "hour" ? 13 : 10;
      const groups = new Map<string, { block_number: number; price: string; volume: string }[]>();
      for (const p of series.data) {
        if (!p.timestamp) continue;
        const k = p.timestamp.slice(0, cut);
        groups.set(k, [...(groups.get(k) ?? []), p]);
      }
      const expected = [...groups.values()].map((g, i, all) => {
        const prices = g.map((p) => BigInt(p.price)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const prevVol = i === 0 ? BigInt(g[0]!.volume) : BigInt(all[i - 1]!.at(-1)!.volume);
        return {
          first_block: g[0]!.block_number,
          last_block: g.at(-1)!.block_number,
          open: g[0]!.price,
          high: prices.at(-1)!.toString(),
          low: prices[0]!.toString(),
          close: g.at(-1)!.price,
          volume: (BigInt(g.at(-1)!.volume) - prevVol).toString(),
        };
      });
      const candles = await get(
        candlesRoute.GET,
        "/subnets/{netuid}/candles",
        `/subnets/${netuid}/candles?frequency=${frequency}`,
        { params },
      );
      expect(candles.data.map(({ timestamp: _t, ...c }: { timestamp: string }) => c)).toEqual(expected);
    }
  });
});

describe("GET /subnets/{netuid}/activity", () => {
  it("returns the newest stake trades and registrations of the subnet, as in the chain's events", async () => {
    const netuid = 1;
    const body = await get(
      activityRoute.GET,
      "/subnets/{netuid}/activity",
      `/subnets/${netuid}/activity?limit=5`,
      {
        params: { netuid: String(netuid) },
      },
    );
    expect(body.stake_trades.length).toBe(5);
    const keys = body.stake_trades.map((t: { block_number: number; event_index: number }) => [
      t.block_number,
      t.event_index,
    ]);
    expect(keys).toEqual([...keys].sort((a: number[], b: number[]) => b[0]! - a[0]! || b[1]! - a[1]!));
    // each trade is a StakeAdded/StakeRemoved event on this subnet at that block, with the same amounts
    for (const t of body.stake_trades.slice(0, 3)) {
      const at = await api.at(await api.rpc.chain.getBlockHash(t.block_number));
      const events = (await at.query.system.events()) as unknown as {
        event: { section: string; method: string; data: Codec[] };
      }[];
      const e = events[t.event_index]!.event;
      expect(`${e.section}.${e.method}`).toBe(
        t.action === "stake" ? "subtensorModule.StakeAdded" : "subtensorModule.StakeRemoved",
      );
      expect(e.data[0]!.toString()).toBe(t.coldkey.ss58);
      expect(e.data[2]!.toString()).toBe(t.tao);
      expect(e.data[3]!.toString()).toBe(t.alpha);
      expect(Number(e.data[4]!.toString())).toBe(netuid);
    }
    const { rows } = await fx.pool.query(
      "SELECT count(*)::int AS n FROM registrations WHERE netuid = $1 AND kind = 'neuron'",
      [netuid],
    );
    expect(body.registrations.length).toBe(Math.min(5, rows[0].n));
    await get(activityRoute.GET, "/subnets/{netuid}/activity", "/subnets/1/activity?limit=101", {
      params: { netuid: "1" },
      status: 400,
    });
    await get(activityRoute.GET, "/subnets/{netuid}/activity", "/subnets/999/activity", {
      params: { netuid: "999" },
      status: 404,
    });
  });
});

describe("fuzzed parameters", () => {
  const value = (): fc.Arbitrary<string> =>
    fc.oneof(
      fc.nat({ max: 70_000 }).map(String),
      fc.integer().map(String),
      fc.constantFrom(
        "",
        "0",
        "-0",
        "1e3",
        "0x10",
        " 5",
        "NaN",
        "true",
        "null",
        "%00",
        "block",
        "hour",
        "day",
      ),
      fc.constantFrom("price_desc", "market_cap_asc", "volume_24h_desc", "netuid_asc", "x' OR '1'='1"),
      fc.constantFrom("json", "csv"),
      fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string({ maxLength: 20 }),
    );
  const targets: { handler: Handler; path: string }[] = [
    { handler: subnetsRoute.GET, path: "/subnets" },
    { handler: poolRoute.GET, path: "/subnets/{netuid}/pool" },
    { handler: candlesRoute.GET, path: "/subnets/{netuid}/candles" },
    { handler: subnetRoute.GET, path: "/subnets/{netuid}" },
    { handler: activityRoute.GET, path: "/subnets/{netuid}/activity" },
  ];
  it.each(targets)("$path: no 5xx, 400/404 name a parameter, 200s match the document", async (t) => {
    const op = contract.doc.paths[`/api/v1${t.path}`]!.get;
    const names = op.parameters.map((p) => p.name).filter((n) => n !== "netuid");
    const ref = contract.responseRef(t.path);
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(value(), fc.constantFrom("1", "2", "0")),
        fc.array(
          fc.tuple(
            fc.oneof(
              { weight: 5, arbitrary: names.length ? fc.constantFrom(...names) : fc.constant("x") },
              { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
            ),
            value(),
          ),
          { maxLength: 4 },
        ),
        async (netuid, pairs) => {
          const qs = new URLSearchParams(pairs).toString();
          const url = `${t.path.replace("{netuid}", encodeURIComponent(netuid))}?${qs}`;
          const res = await call(t.handler, url, { params: { netuid } });
          if (res.status === 200) {
            ok++;
            if (res.headers.get("content-type")?.startsWith("text/csv")) await res.text();
            else {
              const error = contract.check(ref, await res.json());
              if (error) throw new Error(`${url}: ${error}`);
            }
            return true;
          }
          const body = await res.json();
          if (res.status !== 400 && res.status !== 404)
            throw new Error(`${url}: HTTP ${res.status} ${JSON.stringify(body)}`);
          if (typeof body.error?.parameter !== "string")
            throw new Error(`${url}: no parameter named: ${JSON.stringify(body)}`);
          return true;
        },
      ),
      { numRuns: 300 },
    );
    expect(ok).toBeGreaterThan(5);
  });
});
