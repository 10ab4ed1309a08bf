// /accounts/{address}, /holders, /holders/stats, /subnets/{netuid}/holders(/stats) over a scenario devnet indexed
// with holder scans: bodies match the OpenAPI document, values equal the stored scan recomputed here with BigInt
// (TAO value = floor(alpha × latest price / 1e9), root 1:1), bad input is a 400 naming the parameter, unknown is a
// 404, and lists export as CSV. Also the network figures (/stats network, /stats/history) of the same chain.
import { ApiPromise, WsProvider } from "@polkadot/api";
import type { Codec } from "@polkadot/types/types";
import { decodeAddress, encodeAddress } from "@polkadot/util-crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as accountHistoryRoute from "../../app/api/v1/accounts/[address]/history/route";
import * as accountRoute from "../../app/api/v1/accounts/[address]/route";
import * as holdersRoute from "../../app/api/v1/holders/route";
import * as holderStatsRoute from "../../app/api/v1/holders/stats/route";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import * as statsHistoryRoute from "../../app/api/v1/stats/history/route";
import * as statsRoute from "../../app/api/v1/stats/route";
import * as subnetHoldersRoute from "../../app/api/v1/subnets/[netuid]/holders/route";
import * as subnetHolderStatsRoute from "../../app/api/v1/subnets/[netuid]/holders/stats/route";
import * as subnetsRoute from "../../app/api/v1/subnets/route";
import * as validatorHistoryRoute from "../../app/api/v1/validators/[hotkey]/history/route";
import * as validatorsRoute from "../../app/api/v1/validators/route";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { createScenario, scenarioRuntimes } from "../../devnet/scenario";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { configureRateLimit, DEFAULT_RATE_LIMIT } from "../../lib/api/v1/http/rate-limit";
import { db } from "../../lib/db/client";
import { referenceEngine } from "../../lib/engine/ref/index";
import { closeQueryPool } from "../../lib/queries/pool";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";
import { call } from "./fixture";
import { ContractValidator, type OpenApiDoc } from "./validator";

let devnet: Devnet;
let database: TestDatabase;
let pool: pg.Pool;
let contract: ContractValidator;

interface Position {
  coldkey: string;
  hotkey: string;
  netuid: number;
  alpha: string;
}
let positions: Position[];
let prices: Map<number, bigint | null>;

beforeAll(async () => {
  const scenario = await createScenario({
    seed: 5,
    accounts: 120,
    validators: 6,
    owners: 4,
    genesisSubnets: 3,
    tempo: 15,
    upgradeAt: 30,
  });
  devnet = await startDevnet({
    runtimes: scenarioRuntimes(scenario.economyGenesis),
    genesis: scenario.genesis,
    history: 50,
    manual: true,
    beforeBlock: scenario.beforeBlock,
  });
  database = await freshDatabase();
  pool = testPool(database.url);
  const client = new HttpRpcClient(devnet.httpUrl);
  try {
    await new Indexer({ client, pool, follow: false, batchSize: 20, holders: { every: 20 } }).run();
  } finally {
    await client.close();
  }
  positions = (await pool.query<Position>("SELECT coldkey, hotkey, netuid, alpha::text FROM stake_positions"))
    .rows;
  prices = new Map(
    (
      await pool.query<{ netuid: number; price_rao: string | null }>(
        `SELECT netuid, price_rao::text FROM pool_snapshots
         WHERE block_number = (SELECT max(block_number) FROM pool_snapshots)`,
      )
    ).rows.map((r) => [r.netuid, r.price_rao === null ? null : BigInt(r.price_rao)]),
  );
  vi.stubEnv("DATABASE_URL", database.url);
  vi.stubEnv("SUBTENSOR_URL", devnet.httpUrl);
  configureRateLimit(null);
  const res = await call(openapiRoute.GET, "/openapi.json");
  contract = new ContractValidator((await res.json()) as OpenApiDoc);
}, 180_000);
afterAll(async () => {
  configureRateLimit(DEFAULT_RATE_LIMIT);
  await db().$disconnect();
  await closeQueryPool();
  await pool?.end();
  await devnet?.close();
  await database?.drop();
});

type Handler = typeof holdersRoute.GET;

async function get(
  handler: Handler,
  docPath: string,
  url: string,
  params?: Record<string, string>,
  // biome-ignore lint/suspicious/noExplicitAny: bodies are checked against the schema, then read freely
): Promise<any> {
  const res = await call(handler, url, { params });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(contract.check(contract.responseRef(docPath), body)).toBeNull();
  return body;
}

const taoValue = (p: Position): bigint | null => {
  if (p.netuid === 0) return BigInt(p.alpha);
  const price = prices.get(p.netuid);
  return price === null || price === undefined ? null : (BigInt(p.alpha) * price) / 1_000_000_000n;
};

async function expectedTotals(): Promise<Map<string, { free: bigint; reserved: bigint; staked: bigint }>> {
  const out = new Map<string, { free: bigint; reserved: bigint; staked: bigint }>();
  const balances = await pool.query<{ address: string; free: string; reserved: string }>(
    "SELECT address, free::text, reserved::text FROM account_balances",
  );
  for (const b of balances.rows)
    out.set(b.address, { free: BigInt(b.free), reserved: BigInt(b.reserved), staked: 0n });
  for (const p of positions) {
    const e = out.get(p.coldkey) ?? { free: 0n, reserved: 0n, staked: 0n };
    e.staked += taoValue(p) ?? 0n;
    out.set(p.coldkey, e);
  }
  return out;
}

describe("GET /accounts/{address}", () => {
  const path = "/accounts/{address}";

  it("breaks the balance down and values every position at the latest price", async () => {
    // The coldkey with the most positions.
    const counts = new Map<string, number>();
    for (const p of positions) counts.set(p.coldkey, (counts.get(p.coldkey) ?? 0) + 1);
    const [cold] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const body = await get(accountRoute.GET, path, `/accounts/${cold}`, { address: cold });
    const mine = positions.filter((p) => p.coldkey === cold);
    expect(body.positions.length).toBe(mine.length);
    expect(mine.length).toBeGreaterThan(1);
    const bal = (
      await pool.query<{ free: string; reserved: string; frozen: string; block_number: number }>(
        "SELECT free::text, reserved::text, frozen::text, block_number FROM account_balances WHERE address = $1",
        [cold],
      )
    ).rows[0]!;
    let staked = 0n;
    for (const p of mine) {
      const row = body.positions.find(
        (x: { hotkey: { ss58: string }; netuid: number }) =>
          x.hotkey.ss58 === p.hotkey && x.netuid === p.netuid,
      );
      expect(row, `${p.hotkey}/${p.netuid}`).toBeDefined();
      expect(row.alpha).toBe(p.alpha);
      const v = taoValue(p);
      expect(row.tao_value).toBe(v === null ? null : v.toString());
      staked += v ?? 0n;
    }
    expect(body).toMatchObject({
      address: { ss58: cold },
      free: bal.free,
      reserved: bal.reserved,
      frozen: bal.frozen,
      staked: staked.toString(),
      total: (BigInt(bal.free) + BigInt(bal.reserved) + staked).toString(),
      balance_block: bal.block_number,
    });
    expect(body.positions_block).toBe(
      (await pool.query<{ b: number }>("SELECT max(block_number) AS b FROM holder_scans")).rows[0]!.b,
    );
    // Largest TAO value first.
    const values = body.positions.map((x: { tao_value: string | null }) => BigInt(x.tao_value ?? -1));
    expect([...values].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(values);

    // The same account by public key and by an SS58 of another prefix.
    const key = decodeAddress(cold);
    const hex = `0x${Buffer.from(key).toString("hex")}`;
    const byHex = await get(accountRoute.GET, path, `/accounts/${hex}`, { address: hex });
    expect(byHex).toEqual(body);
    const other = encodeAddress(key, 0);
    expect(await get(accountRoute.GET, path, `/accounts/${other}`, { address: other })).toEqual(body);
  });

  it("is a 404 for an account with neither balance nor stake, a 400 for a bad address", async () => {
    const unknown = encodeAddress(new Uint8Array(32).fill(7), 42);
    const res = await call(accountRoute.GET, `/accounts/${unknown}`, { params: { address: unknown } });
    expect(res.status).toBe(404);
    expect((await res.json()).error.parameter).toBe("address");
    for (const bad of ["abc", "0x1234", `${unknown.slice(0, -1)}x`]) {
      const r = await call(accountRoute.GET, `/accounts/${bad}`, { params: { address: bad } });
      expect(r.status, bad).toBe(400);
      expect((await r.json()).error.parameter).toBe("address");
    }
  });
});

describe("GET /accounts/{address} as a hotkey", () => {
  it("lists the hotkey's UIDs in the newest metagraphs and the stake held on it", async () => {
    const latest = (
      await pool.query<{
        hotkey: string;
        coldkey: string | null;
        netuid: number;
        uid: number;
        validator_permit: boolean;
        stake: string;
        block_number: number;
      }>(
        `SELECT n.hotkey, n.coldkey, n.netuid, n.uid, n.validator_permit, n.stake::text, n.block_number
         FROM metagraph_neurons n
         JOIN (SELECT netuid, max(block_number) AS b FROM metagraph_snapshots GROUP BY netuid) s
           ON s.netuid = n.netuid AND s.b = n.block_number`,
      )
    ).rows;
    // A validator's hotkey with the most UIDs.
    const uids = new Map<string, typeof latest>();
    for (const r of latest) uids.set(r.hotkey, [...(uids.get(r.hotkey) ?? []), r]);
    const [hot, mine] = [...uids.entries()]
      .filter(([, rs]) => rs.some((r) => r.validator_permit))
      .sort((a, b) => b[1].length - a[1].length)[0]!;
    const body = await get(accountRoute.GET, "/accounts/{address}", `/accounts/${hot}`, { address: hot });
    const on = positions.filter((p) => p.hotkey === hot);
    expect(body.hotkey).toMatchObject({
      validator: true,
      stakers: new Set(on.map((p) => p.coldkey)).size,
      stake: on.reduce((s, p) => s + (taoValue(p) ?? 0n), 0n).toString(),
    });
    expect(body.hotkey.owner?.ss58).toBe(mine.find((r) => r.coldkey)?.coldkey);
    expect(
      body.hotkey.neurons.map(
        (n: { netuid: number; uid: number; stake: string; validator_permit: boolean }) => [
          n.netuid,
          n.uid,
          n.stake,
          n.validator_permit,
        ],
      ),
    ).toEqual(
      mine.sort((a, b) => a.netuid - b.netuid).map((r) => [r.netuid, r.uid, r.stake, r.validator_permit]),
    );
    // Its history is known (empty when it holds nothing itself), not a 404.
    const history = await get(
      accountHistoryRoute.GET,
      "/accounts/{address}/history",
      `/accounts/${hot}/history`,
      {
        address: hot,
      },
    );
    expect(history.address.ss58).toBe(hot);
    // A coldkey that is no hotkey has none.
    const cold = positions.find(
      (p) => !uids.has(p.coldkey) && !positions.some((q) => q.hotkey === p.coldkey),
    )!;
    const plain = await get(accountRoute.GET, "/accounts/{address}", `/accounts/${cold.coldkey}`, {
      address: cold.coldkey,
    });
    expect(plain.hotkey).toBeNull();
  });
});

describe("GET /holders", () => {
  it("ranks coldkeys by free + reserved + staked value", async () => {
    const body = await get(holdersRoute.GET, "/holders", "/holders?limit=1000");
    const expected = await expectedTotals();
    const held = [...expected.entries()].filter(([, v]) => v.free + v.reserved + v.staked > 0n);
    expect(body.pagination.total).toBe(held.length);
    expect(body.data.length).toBe(held.length);
    body.data.forEach(
      (
        r: { rank: number; address: { ss58: string }; free: string; staked: string; total: string },
        i: number,
      ) => {
        expect(r.rank).toBe(i + 1);
        const e = expected.get(r.address.ss58)!;
        expect(r.free).toBe(e.free.toString());
        expect(r.staked).toBe(e.staked.toString());
        expect(r.total).toBe((e.free + e.reserved + e.staked).toString());
        if (i > 0) expect(BigInt(body.data[i - 1].total) >= BigInt(r.total)).toBe(true);
      },
    );
    const stats = (
      await pool.query<{ holders: number; block_number: number }>(
        "SELECT holders, block_number FROM holder_stats WHERE netuid = -1 ORDER BY block_number DESC LIMIT 1",
      )
    ).rows[0]!;
    expect(body.stats).toMatchObject({
      netuid: -1,
      holders: stats.holders,
      block_number: stats.block_number,
    });

    const asc = await get(holdersRoute.GET, "/holders", "/holders?order=staked_asc&limit=5&page=2");
    expect(asc.pagination).toMatchObject({ page: 2, limit: 5, total: held.length });
    const stakedAsc = held.map(([, v]) => v.staked).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(asc.data.map((r: { staked: string }) => r.staked)).toEqual(
      stakedAsc.slice(5, 10).map((x) => x.toString()),
    );
  });

  it("exports every holder as CSV", async () => {
    const res = await call(holdersRoute.GET, "/holders?format=csv&limit=3");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]!.split(",")).toEqual(contract.csvColumns(contract.responseRef("/holders")));
    const json = await get(holdersRoute.GET, "/holders", "/holders?limit=1");
    expect(lines.length - 1).toBe(json.pagination.total);
  });

  it.each([
    ["/holders?order=address_asc", "order"],
    ["/holders?limit=0", "limit"],
    ["/holders?page=0", "page"],
    ["/holders?foo=1", "foo"],
    ["/holders/stats?limit=1001", "limit"],
  ])("%s is a 400 naming the parameter", async (url, parameter) => {
    const handler = url.startsWith("/holders/stats") ? holderStatsRoute.GET : holdersRoute.GET;
    const res = await call(handler, url);
    expect(res.status).toBe(400);
    expect((await res.json()).error.parameter).toBe(parameter);
  });

  it("serves the network-wide statistics of every scan, newest first", async () => {
    const body = await get(holderStatsRoute.GET, "/holders/stats", "/holders/stats");
    const scans = (
      await pool.query<{ block_number: number }>(
        "SELECT block_number FROM holder_scans ORDER BY block_number DESC",
      )
    ).rows.map((r) => r.block_number);
    expect(scans.length).toBeGreaterThanOrEqual(2);
    expect(body.data.map((r: { block_number: number }) => r.block_number)).toEqual(scans);
  });
});

describe("GET /subnets/{netuid}/holders", () => {
  const path = "/subnets/{netuid}/holders";

  it("lists the subnet's coldkeys by alpha with the latest statistics", async () => {
    const body = await get(subnetHoldersRoute.GET, path, "/subnets/1/holders?limit=1000", { netuid: "1" });
    const perCold = new Map<string, { alpha: bigint; hotkeys: number }>();
    for (const p of positions.filter((x) => x.netuid === 1)) {
      const e = perCold.get(p.coldkey) ?? { alpha: 0n, hotkeys: 0 };
      e.alpha += BigInt(p.alpha);
      e.hotkeys++;
      perCold.set(p.coldkey, e);
    }
    const total = [...perCold.values()].reduce((s, x) => s + x.alpha, 0n);
    expect(body.pagination.total).toBe(perCold.size);
    expect(perCold.size).toBeGreaterThan(3);
    for (const r of body.data) {
      const e = perCold.get(r.coldkey.ss58)!;
      expect(r.alpha).toBe(e.alpha.toString());
      expect(r.hotkeys).toBe(e.hotkeys);
      // share truncated to 10 places.
      const scaled = (e.alpha * 10n ** 10n) / total;
      expect(r.share).toBe(`${scaled / 10n ** 10n}.${(scaled % 10n ** 10n).toString().padStart(10, "0")}`);
    }
    const stats = (
      await pool.query(
        `SELECT holders, total::text, gini::text, nakamoto, block_number FROM holder_stats WHERE netuid = 1
         ORDER BY block_number DESC LIMIT 1`,
      )
    ).rows[0];
    expect(body.stats).toMatchObject({ netuid: 1, ...stats });
    expect(body.stats.holders).toBe(perCold.size);
    expect(body.stats.total).toBe(total.toString());
    expect(body.price).toBe(prices.get(1)?.toString() ?? null);
  });

  it("serves root holders in TAO and the history of statistics", async () => {
    const root = await get(subnetHoldersRoute.GET, path, "/subnets/0/holders", { netuid: "0" });
    expect(root.price).toBe("1000000000");
    const hist = await get(
      subnetHolderStatsRoute.GET,
      "/subnets/{netuid}/holders/stats",
      "/subnets/1/holders/stats",
      {
        netuid: "1",
      },
    );
    expect(hist.data.length).toBeGreaterThanOrEqual(2);
    expect(hist.data[0].block_number).toBeGreaterThan(hist.data.at(-1).block_number);
    const csv = await call(subnetHoldersRoute.GET, "/subnets/1/holders?format=csv&limit=2", {
      params: { netuid: "1" },
    });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split("\r\n");
    const one = await get(subnetHoldersRoute.GET, path, "/subnets/1/holders?limit=1", { netuid: "1" });
    expect(lines.length - 1).toBe(one.pagination.total);
    expect(lines[0]!.split(",")).toEqual(contract.csvColumns(contract.responseRef(path)));
  });

  it.each([
    ["/subnets/999/holders", { netuid: "999" }, 404, "netuid"],
    ["/subnets/999/holders/stats", { netuid: "999" }, 404, "netuid"],
    ["/subnets/x/holders", { netuid: "x" }, 400, "netuid"],
    ["/subnets/65536/holders", { netuid: "65536" }, 400, "netuid"],
    ["/subnets/1/holders?page=0", { netuid: "1" }, 400, "page"],
    ["/subnets/1/holders?order=alpha_desc", { netuid: "1" }, 400, "order"],
  ])("%s is a %i naming the parameter", async (url, params, status, parameter) => {
    const handler = url.includes("/stats") ? subnetHolderStatsRoute.GET : subnetHoldersRoute.GET;
    const res = await call(handler, url, { params });
    expect(res.status).toBe(status);
    expect((await res.json()).error.parameter).toBe(parameter);
  });
});

describe("GET /accounts/{address}/history", () => {
  const path = "/accounts/{address}/history";

  it("carries the last balance read and the newest scan's stake to every change point", async () => {
    const counts = new Map<string, number>();
    for (const p of positions) counts.set(p.coldkey, (counts.get(p.coldkey) ?? 0) + 1);
    const [cold] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const body = await get(accountHistoryRoute.GET, path, `/accounts/${cold}/history`, { address: cold });
    expect(body).toMatchObject({ address: { ss58: cold }, frequency: "block" });
    const balances = (
      await pool.query<{ block_number: number; free: string; reserved: string; frozen: string }>(
        `SELECT block_number, free::text, reserved::text, frozen::text FROM account_balance_history
         WHERE address = $1 ORDER BY block_number`,
        [cold],
      )
    ).rows;
    const stakes = new Map(
      (
        await pool.query<{ block_number: number; staked: string; positions: number }>(
          "SELECT block_number, staked::text, positions FROM account_stake_history WHERE coldkey = $1",
          [cold],
        )
      ).rows.map((r) => [r.block_number, r]),
    );
    const scans = (
      await pool.query<{ b: number }>("SELECT block_number AS b FROM holder_scans ORDER BY 1")
    ).rows.map((r) => r.b);
    expect(scans.length).toBeGreaterThan(1);
    const first = Math.min(balances[0]?.block_number ?? Infinity, ...stakes.keys());
    const expectedBlocks = [
      ...new Set([...balances.map((b) => b.block_number), ...scans.filter((s) => s >= first)]),
    ].sort((a, b) => a - b);
    expect(body.data.map((p: { block_number: number }) => p.block_number)).toEqual(expectedBlocks);
    for (const p of body.data) {
      const bal = balances.filter((b) => b.block_number <= p.block_number).at(-1);
      const scan = scans.filter((s) => s <= p.block_number).at(-1) ?? null;
      const st = scan === null ? null : (stakes.get(scan)?.staked ?? "0");
      expect(p).toMatchObject({
        free: bal?.free ?? "0",
        reserved: bal?.reserved ?? "0",
        frozen: bal?.frozen ?? "0",
        stake_block: scan,
        staked: st,
        total: (BigInt(bal?.free ?? 0) + BigInt(bal?.reserved ?? 0) + BigInt(st ?? 0)).toString(),
      });
    }
    // The newest point is the account as /accounts/{address} shows it when the last scan is at the price block.
    const now = await get(accountRoute.GET, "/accounts/{address}", `/accounts/${cold}`, { address: cold });
    const last = body.data.at(-1);
    expect(last.free).toBe(now.free);
    if (now.positions_block === now.price_block) expect(last.staked).toBe(now.staked);

    const daily = await get(
      accountHistoryRoute.GET,
      path,
      `/accounts/${cold}/history?frequency=hour&limit=2`,
      {
        address: cold,
      },
    );
    expect(daily.frequency).toBe("hour");
    expect(daily.data.length).toBeGreaterThan(0);
    expect(daily.data.length).toBeLessThanOrEqual(2);
    expect(daily.data.at(-1)).toEqual(last);
    const two = await get(accountHistoryRoute.GET, path, `/accounts/${cold}/history?limit=2`, {
      address: cold,
    });
    expect(two.data).toEqual(body.data.slice(-2));
  });

  it("answers 404 for an account never seen and 400 naming the bad parameter", async () => {
    const unknown = encodeAddress(new Uint8Array(32).fill(9), 42);
    const res = await call(accountHistoryRoute.GET, `/accounts/${unknown}/history`, {
      params: { address: unknown },
    });
    expect(res.status).toBe(404);
    const cold = positions[0]!.coldkey;
    for (const [query, parameter] of [
      ["frequency=week", "frequency"],
      ["limit=0", "limit"],
      ["limit=100000", "limit"],
      ["from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z", "to"],
      ["sort=x", "sort"],
    ] as const) {
      const r = await call(accountHistoryRoute.GET, `/accounts/${cold}/history?${query}`, {
        params: { address: cold },
      });
      expect(r.status, query).toBe(400);
      expect((await r.json()).error.parameter, query).toBe(parameter);
    }
  });
});

describe("GET /validators/{hotkey}/history", () => {
  const path = "/validators/{hotkey}/history";

  it("gives the hotkey's nominators and staked value at every scan", async () => {
    const permitted = (
      await pool.query<{ hotkey: string }>(
        `SELECT DISTINCT n.hotkey FROM metagraph_neurons n
         JOIN (SELECT netuid, max(block_number) AS b FROM metagraph_snapshots GROUP BY netuid) s
           ON s.netuid = n.netuid AND s.b = n.block_number
         WHERE n.validator_permit`,
      )
    ).rows.map((r) => r.hotkey);
    const byStakers = new Map<string, Set<string>>();
    for (const p of positions)
      if (permitted.includes(p.hotkey))
        byStakers.set(p.hotkey, (byStakers.get(p.hotkey) ?? new Set()).add(p.coldkey));
    const [hotkey, stakers] = [...byStakers.entries()].sort((a, b) => b[1].size - a[1].size)[0]!;
    const body = await get(validatorHistoryRoute.GET, path, `/validators/${hotkey}/history`, { hotkey });
    const rows = (
      await pool.query<{ block_number: number; nominators: number; stake: string; subnets: number }>(
        "SELECT block_number, nominators, stake::text, subnets FROM hotkey_history WHERE hotkey = $1 ORDER BY 1",
        [hotkey],
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(1);
    expect(body.data.map((p: { block_number: number }) => p.block_number)).toEqual(
      (
        await pool.query<{ b: number }>(
          "SELECT block_number AS b FROM holder_scans WHERE block_number >= $1 ORDER BY 1",
          [rows[0]!.block_number],
        )
      ).rows.map((r) => r.b),
    );
    for (const p of body.data) {
      const r = rows.find((x) => x.block_number === p.block_number);
      expect(p).toMatchObject({
        nominators: r?.nominators ?? 0,
        stake: r?.stake ?? "0",
        subnets: r?.subnets ?? 0,
      });
    }
    // The last scan: nominators are the positions' distinct coldkeys, stake their TAO value.
    const last = body.data.at(-1);
    expect(last.nominators).toBe(stakers.size);
    const mine = positions.filter((p) => p.hotkey === hotkey);
    const lastPrices = new Map(
      (
        await pool.query<{ netuid: number; price_rao: string | null }>(
          "SELECT netuid, price_rao::text FROM pool_snapshots WHERE block_number = $1",
          [last.block_number],
        )
      ).rows.map((r) => [r.netuid, r.price_rao === null ? null : BigInt(r.price_rao)]),
    );
    const value = mine.reduce(
      (s, p) =>
        s +
        (p.netuid === 0 ? BigInt(p.alpha) : (BigInt(p.alpha) * lastPrices.get(p.netuid)!) / 1_000_000_000n),
      0n,
    );
    expect(last.stake).toBe(value.toString());
  });

  it("lists each validator's staked value and its 24 h change from the kept scans", async () => {
    const list = await get(validatorsRoute.GET, "/validators", "/validators?limit=1000");
    const scans = (
      await pool.query<{ b: number; t: Date }>(
        `SELECT s.block_number AS b, bl."timestamp" AS t FROM holder_scans s JOIN blocks bl ON bl.number = s.block_number
         WHERE EXISTS (SELECT 1 FROM hotkey_history x WHERE x.block_number = s.block_number) ORDER BY 1`,
      )
    ).rows;
    const last = scans.at(-1)!;
    const ref = scans.filter((s) => s.t.getTime() <= last.t.getTime() - 86_400_000).at(-1)?.b ?? scans[0]!.b;
    const at = async (hotkey: string, b: number) =>
      (
        await pool.query<{ nominators: number; stake: string }>(
          "SELECT nominators, stake::text FROM hotkey_history WHERE hotkey = $1 AND block_number = $2",
          [hotkey, b],
        )
      ).rows[0] ?? { nominators: 0, stake: "0" };
    expect(list.data.length).toBeGreaterThan(0);
    for (const v of list.data) {
      const now = await at(v.hotkey.ss58, last.b);
      const then = await at(v.hotkey.ss58, ref);
      expect(v).toMatchObject({
        stake_value: now.stake,
        stake_change_24h: (BigInt(now.stake) - BigInt(then.stake)).toString(),
        nominators_change_24h: now.nominators - then.nominators,
        change_from_block: ref,
      });
      expect(v.nominators).toBe(now.nominators);
    }
  });

  it("answers 404 for a hotkey without a permit and 400 for bad input", async () => {
    const unknown = encodeAddress(new Uint8Array(32).fill(3), 42);
    const res = await call(validatorHistoryRoute.GET, `/validators/${unknown}/history`, {
      params: { hotkey: unknown },
    });
    expect(res.status).toBe(404);
    const bad = await call(validatorHistoryRoute.GET, "/validators/xyz/history", {
      params: { hotkey: "xyz" },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.parameter).toBe("hotkey");
  });
});

describe("network figures (/stats network, /stats/history)", () => {
  it("stores issuance, stake and registration cost as the chain has them, with the block's pool sums", async () => {
    const rows = (
      await pool.query<{
        block_number: number;
        issuance: string;
        staked: string;
        registration_cost: string | null;
        pools: number;
        tao_in_pools: string | null;
        alpha_price_sum: string | null;
      }>(
        `SELECT block_number, issuance::text, staked::text, registration_cost::text, pools, tao_in_pools::text,
                alpha_price_sum::text FROM network_snapshots ORDER BY block_number`,
      )
    ).rows;
    const snapshotBlocks = (
      await pool.query<{ b: number }>("SELECT DISTINCT block_number AS b FROM pool_snapshots ORDER BY 1")
    ).rows.map((r) => r.b);
    expect(rows.map((r) => r.block_number)).toEqual(snapshotBlocks);
    const api = await ApiPromise.create({ provider: new WsProvider(devnet.wsUrl), noInitWarn: true });
    try {
      for (const r of rows.filter((_, i) => i % 7 === 0 || i === rows.length - 1)) {
        const hash = await api.rpc.chain.getBlockHash(r.block_number);
        const at = await api.at(hash);
        const sm = at.query.subtensorModule as unknown as Record<string, (...a: unknown[]) => Promise<Codec>>;
        expect(r.issuance).toBe((await sm.totalIssuance!()).toString());
        expect(r.staked).toBe((await sm.totalStake!()).toString());
        // The runtime API's u64, little-endian.
        const cost = await api.rpc.state.call(
          "SubnetRegistrationRuntimeApi_get_network_registration_cost",
          "0x",
          hash,
        );
        expect(r.registration_cost).toBe(Buffer.from(cost.toU8a(true)).readBigUInt64LE().toString());
        let tao = 0n;
        let pools = 0;
        for (const [key, value] of await (
          sm.subnetTAO as unknown as { entries(): Promise<[{ args: Codec[] }, Codec][]> }
        ).entries()) {
          if (Number(key.args[0]!.toString()) === 0) continue;
          tao += BigInt(value.toString());
          pools++;
        }
        expect([r.pools, r.tao_in_pools]).toEqual([pools, tao.toString()]);
        const prices = await pool.query<{ s: string }>(
          "SELECT sum(price_rao)::text AS s FROM pool_snapshots WHERE block_number = $1 AND netuid > 0",
          [r.block_number],
        );
        expect(r.alpha_price_sum).toBe(prices.rows[0]!.s);
      }
    } finally {
      await api.disconnect();
    }
  });

  it("serves the newest figures with the next halving, and their history", async () => {
    const body = await get(statsRoute.GET, "/stats", "/stats");
    const newest = (
      await pool.query<{ block_number: number; issuance: string; staked: string }>(
        "SELECT block_number, issuance::text, staked::text FROM network_snapshots ORDER BY block_number DESC LIMIT 1",
      )
    ).rows[0]!;
    const n = body.network;
    expect(n).toMatchObject({
      block_number: newest.block_number,
      issuance: newest.issuance,
      staked: newest.staked,
    });
    const [i, st] = [BigInt(newest.issuance), BigInt(newest.staked)];
    expect(n.staked_share).toBe(
      ((st * 10n ** 10n) / i)
        .toString()
        .padStart(11, "0")
        .replace(/(\d{10})$/, ".$1"),
    );
    const e = referenceEngine.blockEmission(i);
    expect(n.block_emission).toBe(e.toString());
    const next = BigInt(n.next_halving.issuance);
    expect(referenceEngine.blockEmission(next)).toBeLessThan(e);
    expect(referenceEngine.blockEmission(next - 1n)).toBe(e);
    expect(n.next_halving.block_emission_after).toBe(referenceEngine.blockEmission(next).toString());
    expect(n.next_halving.blocks).toBe(Number((next - i + e - 1n) / e));

    // 24 h figures: the subnets' own volume_24h summed, and the transfers after the 24 h reference block.
    const subnetsBody = await get(subnetsRoute.GET, "/subnets", "/subnets?limit=1000");
    expect(n.volume_24h).toBe(
      subnetsBody.data
        .reduce((a: bigint, x: { volume_24h: string | null }) => a + BigInt(x.volume_24h ?? "0"), 0n)
        .toString(),
    );
    const transfers = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM transfers WHERE block_number > coalesce(
         (SELECT number FROM blocks WHERE "timestamp" <= (SELECT max("timestamp") FROM blocks) - interval '24 hours'
           ORDER BY "timestamp" DESC, number DESC LIMIT 1), -1)`,
    );
    expect(n.transfers_24h).toBe(transfers.rows[0]!.n);
    expect(n.transfers_24h).toBeGreaterThan(0);
    const history = await get(statsHistoryRoute.GET, "/stats/history", "/stats/history?limit=1000");
    const all = (
      await pool.query<{ block_number: number; issuance: string }>(
        "SELECT block_number, issuance::text FROM network_snapshots ORDER BY block_number",
      )
    ).rows;
    expect(
      history.data.map((p: { block_number: number; issuance: string }) => [p.block_number, p.issuance]),
    ).toEqual(all.map((r) => [r.block_number, r.issuance]));
    expect(history.data.at(-1)).toEqual(
      Object.fromEntries(Object.entries(n).filter(([k]) => k in history.data.at(-1))),
    );
    const hourly = await get(statsHistoryRoute.GET, "/stats/history", "/stats/history?frequency=hour");
    expect(hourly.data.at(-1)).toEqual(history.data.at(-1));
    const bad = await call(statsHistoryRoute.GET, "/stats/history?frequency=minute");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.parameter).toBe("frequency");
  });
});
