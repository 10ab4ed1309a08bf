// Transfers, stake trades and recycle on a small seeded-scenario chain (stake flows, registrations, alpha
// burns and recycles), indexed for real: contract against the OpenAPI document, every filter against an
// independent SQL/JS computation over the projection tables, keyset walks both ways, CSV export of the full
// result, and the API_RATE_LIMIT_PER_MIN configuration.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import * as recycleRoute from "../../app/api/v1/recycle/route";
import * as stakeTradesRoute from "../../app/api/v1/stake-trades/route";
import * as transfersRoute from "../../app/api/v1/transfers/route";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { createScenario, scenarioRuntimes } from "../../devnet/scenario";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { parseAddress } from "../../lib/api/v1/address";
import { configureRateLimit, resetRateLimit } from "../../lib/api/v1/http/rate-limit";
import { route } from "../../lib/api/v1/http/route";
import { endpoints } from "../../lib/api/v1/registry";
import { ConfigError, parseConfig } from "../../lib/config";
import { db } from "../../lib/db/client";
import { closeQueryPool } from "../../lib/queries/pool";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";
import { call } from "./fixture";
import { ContractValidator, type OpenApiDoc } from "./validator";

let devnet: Devnet;
let database: TestDatabase;
let pool: pg.Pool;
let contract: ContractValidator;

beforeAll(async () => {
  const scenario = await createScenario({
    seed: 5,
    accounts: 200,
    validators: 6,
    owners: 6,
    genesisSubnets: 3,
    tempo: 10,
    registrationSpacing: 4,
    flowMedian: 30,
  });
  devnet = await startDevnet({
    runtimes: scenarioRuntimes(scenario.economyGenesis),
    genesis: scenario.genesis,
    history: 60,
    manual: true,
    port: 0,
    beforeBlock: scenario.beforeBlock,
  });
  database = await freshDatabase();
  pool = testPool(database.url);
  const client = new HttpRpcClient(devnet.httpUrl);
  try {
    await new Indexer({ client, pool, follow: false, batchSize: 25 }).run();
  } finally {
    await client.close();
  }
  vi.stubEnv("DATABASE_URL", database.url);
  vi.stubEnv("SUBTENSOR_URL", devnet.httpUrl);
  configureRateLimit(null);
  const res = await call(openapiRoute.GET, "/openapi.json");
  contract = new ContractValidator((await res.json()) as OpenApiDoc);
}, 180_000);

afterAll(async () => {
  resetRateLimit();
  await db().$disconnect();
  await closeQueryPool();
  await pool?.end();
  await devnet?.close();
  await database?.drop();
});

// biome-ignore lint/suspicious/noExplicitAny: bodies are checked against the document, then read freely
async function get(handler: typeof transfersRoute.GET, docPath: string, url: string): Promise<any> {
  const res = await call(handler, url);
  const body = await res.json();
  expect(res.status, `${url}: ${JSON.stringify(body)}`).toBe(200);
  expect(contract.check(contract.responseRef(docPath), body)).toBeNull();
  return body;
}

/** Every row of a keyset list, following `next`. */
async function walk(handler: typeof transfersRoute.GET, path: string, query: string, limit = 7) {
  const ids: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: see get()
  const rows: any[] = [];
  let after: string | null = null;
  for (let i = 0; i < 10_000; i++) {
    const body = await get(handler, path, `${path}?limit=${limit}&${query}${after ? `&after=${after}` : ""}`);
    rows.push(...body.data);
    ids.push(...body.data.map((r: { id: string }) => r.id));
    after = body.pagination.next;
    if (!after) break;
  }
  return { ids, rows };
}

const ids = (rows: { block_number: number; event_index: number }[]) =>
  rows.map((r) => `${r.block_number}-${r.event_index}`);

describe("the scenario chain has what these tests need", () => {
  it("indexed transfers, both trade actions, neuron registrations and both alpha burn kinds", async () => {
    const r = await pool.query<Record<string, number>>(`SELECT
      (SELECT count(*)::int FROM transfers) AS transfers,
      (SELECT count(*)::int FROM stake_trades WHERE action = 'stake') AS stakes,
      (SELECT count(*)::int FROM stake_trades WHERE action = 'unstake') AS unstakes,
      (SELECT count(*)::int FROM registrations WHERE kind = 'neuron') AS neurons,
      (SELECT count(*)::int FROM alpha_burns WHERE kind = 'burn') AS burns,
      (SELECT count(*)::int FROM alpha_burns WHERE kind = 'recycle') AS recycles`);
    for (const [k, v] of Object.entries(r.rows[0]!)) expect(v, k).toBeGreaterThan(0);
  });

  it("prices registrations with what the chain took (Balances.Withdraw beyond the fee), never 0", async () => {
    const r = await pool.query<{ kind: string; zero: number; priced: number }>(
      `SELECT kind, count(*) FILTER (WHERE cost IS NULL OR cost = 0)::int AS zero,
              count(*) FILTER (WHERE cost > 0)::int AS priced
       FROM registrations GROUP BY kind`,
    );
    expect(r.rows.length).toBeGreaterThan(0);
    for (const row of r.rows) {
      expect(row.zero, row.kind).toBe(0);
      expect(row.priced, row.kind).toBeGreaterThan(0);
    }
  });
});

describe("/transfers", () => {
  it("walks every transfer newest first, equal to the Balances.Transfer events", async () => {
    const all = await walk(transfersRoute.GET, "/transfers", "");
    const events = await pool.query<{ block_number: number; event_index: number; args: unknown }>(
      `SELECT block_number, index AS event_index, args FROM events
       WHERE section = 'balances' AND method = 'Transfer' ORDER BY block_number DESC, index DESC`,
    );
    expect(all.ids).toEqual(ids(events.rows));
    const first = await get(transfersRoute.GET, "/transfers", "/transfers?limit=1");
    expect(first.pagination.total).toBe(events.rows.length);
    expect(first.pagination.total_exact).toBe(true);
    // Values: from/to/amount as the event says.
    for (const [i, e] of events.rows.entries()) {
      const t = all.rows[i];
      const args = JSON.stringify(e.args);
      expect(args).toContain(t.amount);
      expect(args).toContain(t.from.ss58);
      expect(args).toContain(t.to.ss58);
    }
  });

  it("pages back with before, and ascending order", async () => {
    const asc = await walk(transfersRoute.GET, "/transfers", "order=block_number_asc", 5);
    const desc = await walk(transfersRoute.GET, "/transfers", "", 5);
    expect(asc.ids).toEqual([...desc.ids].reverse());
    const p2 = await get(transfersRoute.GET, "/transfers", `/transfers?limit=5&after=${desc.ids[4]}`);
    const back = await get(
      transfersRoute.GET,
      "/transfers",
      `/transfers?limit=5&before=${p2.pagination.prev}`,
    );
    expect(back.data.map((r: { id: string }) => r.id)).toEqual(desc.ids.slice(0, 5));
    expect(back.pagination.prev).toBeNull();
  });

  it("filters by address (either side), from, to, amount and block range like SQL does", async () => {
    const top = await pool.query<{ who: string }>(
      `SELECT who FROM (SELECT "from" AS who FROM transfers UNION ALL SELECT "to" FROM transfers) x
       GROUP BY who ORDER BY count(*) DESC LIMIT 1`,
    );
    const who = top.rows[0]!.who;
    const hex = parseAddress(who)!.hex;
    const sqlIds = async (where: string, params: unknown[]) =>
      ids(
        (
          await pool.query(
            `SELECT block_number, event_index FROM transfers WHERE ${where} ORDER BY block_number DESC, event_index DESC`,
            params,
          )
        ).rows,
      );
    const either = await sqlIds(`"from" = $1 OR "to" = $1`, [who]);
    expect(either.length).toBeGreaterThan(0);
    // The hex spelling selects the same account.
    expect((await walk(transfersRoute.GET, "/transfers", `address=${hex}`, 3)).ids).toEqual(either);
    expect((await walk(transfersRoute.GET, "/transfers", `from=${who}`)).ids).toEqual(
      await sqlIds(`"from" = $1`, [who]),
    );
    expect((await walk(transfersRoute.GET, "/transfers", `to=${who}`)).ids).toEqual(
      await sqlIds(`"to" = $1`, [who]),
    );
    const amounts = (
      await pool.query<{ a: string }>("SELECT amount::text AS a FROM transfers ORDER BY amount")
    ).rows;
    const lo = amounts[Math.floor(amounts.length / 4)]!.a;
    const hi = amounts[Math.floor((amounts.length * 3) / 4)]!.a;
    const inRange = await walk(
      transfersRoute.GET,
      "/transfers",
      `amount_min=${lo}&amount_max=${hi}&block_start=5`,
    );
    expect(inRange.ids).toEqual(await sqlIds("amount BETWEEN $1 AND $2 AND block_number >= 5", [lo, hi]));
    expect(inRange.ids.length).toBeGreaterThan(0);
    const filtered = await get(transfersRoute.GET, "/transfers", `/transfers?amount_min=${lo}`);
    expect(filtered.pagination.total).toBeNull();
  });

  it("answers 400 naming the parameter for bad input", async () => {
    const alice = (await pool.query<{ f: string }>(`SELECT "from" AS f FROM transfers LIMIT 1`)).rows[0]!.f;
    const badChecksum = `${alice.slice(0, -1)}${alice.endsWith("a") ? "b" : "a"}`;
    for (const [qs, parameter] of [
      [`from=${badChecksum}`, "from"],
      ["to=0x1234", "to"],
      ["address=5Bogus", "address"],
      ["amount_min=-1", "amount_min"],
      ["amount_max=1.5", "amount_max"],
      [`amount_min=1${"0".repeat(39)}`, "amount_min"],
      ["amount_min=10&amount_max=9", "amount_max"],
      ["after=12", "after"],
      ["order=amount_desc", "order"],
      ["format=xlsx", "format"],
      ["netuid=1", "netuid"],
    ]) {
      const res = await call(transfersRoute.GET, `/transfers?${qs}`);
      expect(res.status, qs).toBe(400);
      expect((await res.json()).error.parameter, qs).toBe(parameter);
    }
  });
});

describe("/stake-trades", () => {
  it("filters by netuid, action, hotkey, coldkey and TAO amount like SQL does, with the trade price", async () => {
    const all = await walk(stakeTradesRoute.GET, "/stake-trades", "", 50);
    const rows = await pool.query(
      `SELECT block_number, event_index, action, netuid, coldkey, hotkey, tao::text AS tao, alpha::text AS alpha
       FROM stake_trades ORDER BY block_number DESC, event_index DESC`,
    );
    expect(all.ids).toEqual(ids(rows.rows));
    for (const t of all.rows) {
      if (t.alpha !== null && t.alpha !== "0")
        expect(t.price_rao).toBe(((BigInt(t.tao) * 1_000_000_000n) / BigInt(t.alpha)).toString());
    }
    const pick = rows.rows[Math.floor(rows.rows.length / 2)];
    const expectFilter = async (qs: string, keep: (r: (typeof rows.rows)[number]) => boolean) => {
      const got = await walk(stakeTradesRoute.GET, "/stake-trades", qs, 9);
      const want = ids(rows.rows.filter(keep));
      expect(want.length, qs).toBeGreaterThan(0);
      expect(got.ids, qs).toEqual(want);
    };
    await expectFilter(`netuid=${pick.netuid}`, (r) => r.netuid === pick.netuid);
    await expectFilter("action=unstake", (r) => r.action === "unstake");
    await expectFilter(
      `netuid=${pick.netuid}&action=stake`,
      (r) => r.netuid === pick.netuid && r.action === "stake",
    );
    await expectFilter(`hotkey=${pick.hotkey}`, (r) => r.hotkey === pick.hotkey);
    await expectFilter(`coldkey=${parseAddress(pick.coldkey)!.hex}`, (r) => r.coldkey === pick.coldkey);
    await expectFilter(`amount_min=${pick.tao}`, (r) => BigInt(r.tao) >= BigInt(pick.tao));
    await expectFilter(
      `amount_max=${pick.tao}&order=block_number_desc`,
      (r) => BigInt(r.tao) <= BigInt(pick.tao),
    );
    for (const [qs, parameter] of [
      ["action=buy", "action"],
      ["netuid=70000", "netuid"],
      ["hotkey=nope", "hotkey"],
      ["coldkey=0xzz", "coldkey"],
    ]) {
      const res = await call(stakeTradesRoute.GET, `/stake-trades?${qs}`);
      expect(res.status, qs).toBe(400);
      expect((await res.json()).error.parameter, qs).toBe(parameter);
    }
  });
});

describe("/recycle", () => {
  type Period = {
    period: string;
    neuron_registrations: number;
    recycled_tao: string;
    network_registrations: number;
    network_registration_tao: string;
    alpha_burned: string;
    alpha_recycled: string;
  };

  /** The same series computed in JS from the raw rows. */
  async function expected(netuid: number | null, frequency: "day" | "month"): Promise<Period[]> {
    const regs = await pool.query<{ t: Date; kind: string; cost: string | null; netuid: number }>(
      `SELECT "timestamp" AS t, kind, cost::text AS cost, netuid FROM registrations WHERE "timestamp" IS NOT NULL`,
    );
    const burns = await pool.query<{ t: Date; kind: string; amount: string | null; netuid: number }>(
      `SELECT "timestamp" AS t, kind, amount::text AS amount, netuid FROM alpha_burns WHERE "timestamp" IS NOT NULL`,
    );
    const by = new Map<string, Period>();
    const slot = (t: Date) => {
      const iso = t.toISOString().slice(0, 10);
      const key = frequency === "day" ? iso : `${iso.slice(0, 7)}-01`;
      let p = by.get(key);
      if (!p) {
        p = {
          period: key,
          neuron_registrations: 0,
          recycled_tao: "0",
          network_registrations: 0,
          network_registration_tao: "0",
          alpha_burned: "0",
          alpha_recycled: "0",
        };
        by.set(key, p);
      }
      return p;
    };
    const add = (a: string, b: string | null) => (BigInt(a) + BigInt(b ?? "0")).toString();
    for (const r of regs.rows) {
      if (netuid !== null && r.netuid !== netuid) continue;
      const p = slot(r.t);
      if (r.kind === "neuron") {
        p.neuron_registrations++;
        p.recycled_tao = add(p.recycled_tao, r.cost);
      } else {
        p.network_registrations++;
        p.network_registration_tao = add(p.network_registration_tao, r.cost);
      }
    }
    for (const r of burns.rows) {
      if (netuid !== null && r.netuid !== netuid) continue;
      const p = slot(r.t);
      if (r.kind === "burn") p.alpha_burned = add(p.alpha_burned, r.amount);
      else p.alpha_recycled = add(p.alpha_recycled, r.amount);
    }
    return [...by.values()].sort((a, b) => (a.period < b.period ? 1 : -1));
  }

  it("sums registrations' recycled TAO and burned vs recycled alpha per day, overall and per subnet", async () => {
    // The devnet's registrations cost 0 TAO so far (burn at its minimum); give every row a distinct cost
    // beyond 2^53 so the sums are exercised exactly.
    await pool.query(
      "UPDATE registrations SET cost = (block_number::numeric * 1000 + event_index) * 1000000007000000007",
    );
    const body = await get(recycleRoute.GET, "/recycle", "/recycle?frequency=day");
    const want = await expected(null, "day");
    expect(want.length).toBeGreaterThan(0);
    expect(body.data).toEqual(want.map((p) => ({ ...p, netuid: null })));
    expect(body.pagination).toMatchObject({ page: 1, total: want.length, next: null, prev: null });
    expect(body.data.some((p: Period) => p.recycled_tao !== "0")).toBe(true);

    const netuid = (
      await pool.query<{ n: number }>(
        "SELECT netuid AS n FROM alpha_burns GROUP BY netuid ORDER BY count(*) DESC LIMIT 1",
      )
    ).rows[0]!.n;
    const one = await get(recycleRoute.GET, "/recycle", `/recycle?netuid=${netuid}&order=period_asc`);
    expect(one.data).toEqual((await expected(netuid, "day")).reverse().map((p) => ({ ...p, netuid })));
    const monthly = await get(recycleRoute.GET, "/recycle", "/recycle?frequency=month");
    expect(monthly.data).toEqual((await expected(null, "month")).map((p) => ({ ...p, netuid: null })));
  });

  it("pages, filters by time, and rejects bad parameters naming them", async () => {
    const none = await get(recycleRoute.GET, "/recycle", "/recycle?timestamp_start=4000000000");
    expect(none.data).toEqual([]);
    expect(none.pagination.total).toBe(0);
    const beyond = await get(recycleRoute.GET, "/recycle", "/recycle?page=50&limit=1");
    expect(beyond.data).toEqual([]);
    for (const [qs, parameter] of [
      ["frequency=hour", "frequency"],
      ["netuid=-1", "netuid"],
      ["page=0", "page"],
      ["timestamp_start=2030-01-02&timestamp_end=2030-01-01", "timestamp_end"],
      ["after=1-1", "after"],
    ]) {
      const res = await call(recycleRoute.GET, `/recycle?${qs}`);
      expect(res.status, qs).toBe(400);
      expect((await res.json()).error.parameter, qs).toBe(parameter);
    }
  });
});

describe("CSV export of the new lists", () => {
  it("streams every filtered row in small chunks, with the documented columns and a file name", async () => {
    const { GET } = route(endpoints.transfers, { csvPageSize: 3 });
    const res = await call(GET, "/transfers?format=csv&order=block_number_asc&limit=1&after=0-0");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="listTransfers.csv"');
    const lines = (await res.text()).split("\r\n").filter(Boolean);
    expect(lines[0]!.split(",")).toEqual(contract.csvColumns(contract.responseRef("/transfers")));
    const rows = await pool.query(
      `SELECT block_number, event_index, amount::text AS amount FROM transfers ORDER BY 1, 2`,
    );
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(ids(rows.rows));
    expect(lines[1]!.endsWith(`,${rows.rows[0].amount}`)).toBe(true);

    const trades = route(endpoints.stakeTrades, { csvPageSize: 4 });
    const unstakes = (await (await call(trades.GET, "/stake-trades?format=csv&action=unstake")).text())
      .split("\r\n")
      .filter(Boolean);
    const n = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM stake_trades WHERE action = 'unstake'",
    );
    expect(unstakes).toHaveLength(n.rows[0]!.n + 1);
    expect(unstakes.slice(1).every((l) => l.includes(",unstake,"))).toBe(true);

    const recycle = route(endpoints.recycle, { csvPageSize: 2 });
    const days = (await (await call(recycle.GET, "/recycle?format=csv")).text())
      .split("\r\n")
      .filter(Boolean);
    const json = await get(recycleRoute.GET, "/recycle", "/recycle?limit=1000");
    expect(days).toHaveLength(json.data.length + 1);
    expect(days[0]).toBe(contract.csvColumns(contract.responseRef("/recycle")).join(","));
  });

  it("validates like JSON: a bad parameter is a JSON 400, not a broken file", async () => {
    const res = await call(transfersRoute.GET, "/transfers?format=csv&address=nope");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/json/);
    expect((await res.json()).error.parameter).toBe("address");
  });
});

describe("API_RATE_LIMIT_PER_MIN", () => {
  it("limits per client IP from the config, with Retry-After, and 0 turns it off", async () => {
    try {
      vi.stubEnv("API_RATE_LIMIT_PER_MIN", "6"); // burst: 1 request
      vi.resetModules();
      const fresh = await import("../../lib/api/v1/http/rate-limit");
      const { route: freshRoute } = await import("../../lib/api/v1/http/route");
      const { endpoints: fresh_endpoints } = await import("../../lib/api/v1/registry");
      const { GET } = freshRoute(fresh_endpoints.recycle);
      const ip = { "x-forwarded-for": "203.0.113.9" };
      expect((await call(GET, "/recycle", { headers: ip })).status).toBe(200);
      const limited = await call(GET, "/recycle", { headers: ip });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await limited.json()).error.code).toBe("rate_limited");
      // Another client has its own budget.
      expect((await call(GET, "/recycle", { headers: { "x-forwarded-for": "203.0.113.10" } })).status).toBe(
        200,
      );

      vi.stubEnv("API_RATE_LIMIT_PER_MIN", "0");
      vi.resetModules();
      const off = await import("../../lib/api/v1/http/route");
      const { endpoints: e2 } = await import("../../lib/api/v1/registry");
      const h = off.route(e2.recycle).GET;
      for (let i = 0; i < 5; i++) expect((await call(h, "/recycle", { headers: ip })).status).toBe(200);
      expect(fresh.rateLimitFromConfig(0)).toBeNull();
    } finally {
      vi.stubEnv("API_RATE_LIMIT_PER_MIN", "");
    }
  });

  it("is validated at start-up, naming the variable", () => {
    expect(parseConfig({}).API_RATE_LIMIT_PER_MIN).toBe(600);
    expect(parseConfig({ API_RATE_LIMIT_PER_MIN: "0" }).API_RATE_LIMIT_PER_MIN).toBe(0);
    for (const bad of ["-1", "1.5", "lots"]) {
      expect(() => parseConfig({ API_RATE_LIMIT_PER_MIN: bad })).toThrow(ConfigError);
      try {
        parseConfig({ API_RATE_LIMIT_PER_MIN: bad });
      } catch (e) {
        expect((e as ConfigError).variable).toBe("API_RATE_LIMIT_PER_MIN");
      }
    }
  });
});
