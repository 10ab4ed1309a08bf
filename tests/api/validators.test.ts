// /subnets/{netuid}/metagraph, /validators and /validators/{hotkey} over a scenario devnet indexed with its
// economy: bodies match the OpenAPI document, values equal the stored snapshots and the chain, derived fields
// follow their documented method, and bad input is a 400 naming the parameter.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import * as metagraphRoute from "../../app/api/v1/subnets/[netuid]/metagraph/route";
import * as nominatorsRoute from "../../app/api/v1/validators/[hotkey]/nominators/route";
import * as validatorRoute from "../../app/api/v1/validators/[hotkey]/route";
import * as validatorsRoute from "../../app/api/v1/validators/route";
import { type Devnet, startDevnet } from "../../devnet/node/node";
import { createScenario, scenarioRuntimes } from "../../devnet/scenario";
import { Indexer } from "../../indexer/pipeline/indexer";
import { HttpRpcClient } from "../../indexer/rpc";
import { configureRateLimit, DEFAULT_RATE_LIMIT } from "../../lib/api/v1/http/rate-limit";
import { db } from "../../lib/db/client";
import { u16Proportion } from "../../lib/queries/metagraph";
import { closeQueryPool } from "../../lib/queries/pool";
import { MAX_LOG_GROWTH } from "../../lib/queries/validator-apy";
import { getValidator } from "../../lib/queries/validators";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";
import { call } from "./fixture";
import { ContractValidator, type OpenApiDoc } from "./validator";

let devnet: Devnet;
let database: TestDatabase;
let pool: pg.Pool;
let contract: ContractValidator;

beforeAll(async () => {
  const scenario = await createScenario({
    seed: 11,
    accounts: 200,
    validators: 8,
    owners: 6,
    genesisSubnets: 3,
    tempo: 20,
    upgradeAt: 30,
  });
  devnet = await startDevnet({
    runtimes: scenarioRuntimes(scenario.economyGenesis),
    genesis: scenario.genesis,
    history: 64,
    manual: true,
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
}, 120_000);
afterAll(async () => {
  configureRateLimit(DEFAULT_RATE_LIMIT);
  await db().$disconnect();
  await closeQueryPool();
  await pool?.end();
  await devnet?.close();
  await database?.drop();
});

type Handler = typeof validatorsRoute.GET;

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

describe("u16 proportions", () => {
  it("divide by 65535 and truncate to 10 places", () => {
    expect(u16Proportion(0)).toBe("0.0000000000");
    expect(u16Proportion(65535)).toBe("1.0000000000");
    expect(u16Proportion(32767)).toBe("0.4999923704");
    expect(u16Proportion(1)).toBe("0.0000152590");
  });
});

describe("GET /subnets/{netuid}/metagraph", () => {
  const path = "/subnets/{netuid}/metagraph";

  it("serves the newest snapshot, every stored row exactly", async () => {
    const latest = await pool.query<{ block_number: number; neurons: number; reason: string }>(
      "SELECT block_number, neurons, reason FROM metagraph_snapshots WHERE netuid = 1 ORDER BY block_number DESC LIMIT 1",
    );
    const body = await get(metagraphRoute.GET, path, "/subnets/1/metagraph?limit=1000", { netuid: "1" });
    expect(body.snapshot).toMatchObject({
      netuid: 1,
      block_number: latest.rows[0]!.block_number,
      reason: latest.rows[0]!.reason,
      neurons: latest.rows[0]!.neurons,
    });
    expect(body.data.length).toBe(latest.rows[0]!.neurons);
    expect(body.data.map((n: { uid: number }) => n.uid)).toEqual(body.data.map((_: unknown, i: number) => i));
    const rows = await pool.query(
      `SELECT uid, hotkey, coldkey, stake::text, validator_permit, validator_trust, consensus, incentive, dividends,
              emission::text, last_update::text, axon, take FROM metagraph_neurons
       WHERE netuid = 1 AND block_number = $1 ORDER BY uid`,
      [latest.rows[0]!.block_number],
    );
    rows.rows.forEach((r, i) => {
      const n = body.data[i];
      expect(n.hotkey.ss58).toBe(r.hotkey);
      expect(n.coldkey?.ss58 ?? null).toBe(r.coldkey);
      expect(n.stake).toBe(r.stake);
      expect(n.role).toBe(r.validator_permit ? "validator" : "miner");
      expect(n.validator_trust_u16).toBe(r.validator_trust);
      expect(n.validator_trust).toBe(u16Proportion(r.validator_trust));
      expect(n.dividends_u16).toBe(r.dividends);
      expect(n.incentive_u16).toBe(r.incentive);
      expect(n.consensus_u16).toBe(r.consensus);
      expect(n.emission).toBe(r.emission);
      expect(n.last_update).toBe(r.last_update);
      expect(BigInt(n.blocks_since_update)).toBe(
        BigInt(Math.max(0, latest.rows[0]!.block_number - Number(r.last_update))),
      );
      expect(n.axon).toBe(r.axon);
      expect(n.take_u16).toBe(r.take);
    });
  });

  it("answers at or before a block, pages, orders and searches", async () => {
    const snaps = await pool.query<{ block_number: number }>(
      "SELECT block_number FROM metagraph_snapshots WHERE netuid = 1 ORDER BY block_number",
    );
    expect(snaps.rows.length).toBeGreaterThanOrEqual(3);
    const second = snaps.rows[1]!.block_number;
    const third = snaps.rows[2]!.block_number;
    const at = await get(metagraphRoute.GET, path, `/subnets/1/metagraph?block=${third - 1}`, {
      netuid: "1",
    });
    expect(at.snapshot.block_number).toBe(second);
    const exact = await get(metagraphRoute.GET, path, `/subnets/1/metagraph?block=${third}`, { netuid: "1" });
    expect(exact.snapshot.block_number).toBe(third);

    const page1 = await get(metagraphRoute.GET, path, "/subnets/1/metagraph?limit=3&order=stake_desc", {
      netuid: "1",
    });
    const page2 = await get(
      metagraphRoute.GET,
      path,
      "/subnets/1/metagraph?limit=3&page=2&order=stake_desc",
      {
        netuid: "1",
      },
    );
    const all = await get(metagraphRoute.GET, path, "/subnets/1/metagraph?limit=1000&order=stake_desc", {
      netuid: "1",
    });
    expect(page1.pagination).toMatchObject({
      page: 1,
      limit: 3,
      total: all.data.length,
      next: 2,
      prev: null,
    });
    expect([...page1.data, ...page2.data].map((n: { uid: number }) => n.uid)).toEqual(
      all.data.slice(0, 6).map((n: { uid: number }) => n.uid),
    );
    const stakes = all.data.map((n: { stake: string }) => BigInt(n.stake));
    for (let i = 1; i < stakes.length; i++) expect(stakes[i - 1] >= stakes[i]).toBe(true);

    const target = all.data[2];
    const byHotkey = await get(
      metagraphRoute.GET,
      path,
      `/subnets/1/metagraph?search=${target.hotkey.ss58.slice(5, 20)}`,
      { netuid: "1" },
    );
    expect(byHotkey.data.map((n: { uid: number }) => n.uid)).toContain(target.uid);
    expect(byHotkey.pagination.total).toBe(byHotkey.data.length);
    const byUid = await get(metagraphRoute.GET, path, `/subnets/1/metagraph?search=${target.uid}`, {
      netuid: "1",
    });
    expect(byUid.data.map((n: { uid: number }) => n.uid)).toEqual([target.uid]);
  });

  it("exports every row as CSV", async () => {
    const res = await call(metagraphRoute.GET, "/subnets/1/metagraph?format=csv&limit=2", {
      params: { netuid: "1" },
    });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split("\r\n");
    const json = await get(metagraphRoute.GET, path, "/subnets/1/metagraph", { netuid: "1" });
    expect(lines[0]).toContain("validator_trust_u16");
    expect(lines.length - 1).toBe(json.snapshot.neurons);
  });

  it("is a 404 for a subnet without a metagraph, and before its first snapshot", async () => {
    const none = await call(metagraphRoute.GET, "/subnets/999/metagraph", { params: { netuid: "999" } });
    expect(none.status).toBe(404);
    expect((await none.json()).error.parameter).toBe("netuid");
    const first = await pool.query<{ b: number }>(
      "SELECT min(block_number) AS b FROM metagraph_snapshots WHERE netuid = 1",
    );
    if (first.rows[0]!.b > 0) {
      const before = await call(metagraphRoute.GET, `/subnets/1/metagraph?block=${first.rows[0]!.b - 1}`, {
        params: { netuid: "1" },
      });
      expect(before.status).toBe(404);
      expect((await before.json()).error.parameter).toBe("block");
    }
  });

  it.each([
    ["/subnets/x/metagraph", { netuid: "x" }, "netuid"],
    ["/subnets/65536/metagraph", { netuid: "65536" }, "netuid"],
    ["/subnets/1/metagraph?block=-1", { netuid: "1" }, "block"],
    ["/subnets/1/metagraph?order=hotkey_asc", { netuid: "1" }, "order"],
    ["/subnets/1/metagraph?limit=0", { netuid: "1" }, "limit"],
    ["/subnets/1/metagraph?page=0", { netuid: "1" }, "page"],
    ["/subnets/1/metagraph?search=", { netuid: "1" }, "search"],
    ["/subnets/1/metagraph?foo=1", { netuid: "1" }, "foo"],
  ])("%s is a 400 naming the parameter", async (url, params, parameter) => {
    const res = await call(metagraphRoute.GET, url, { params });
    expect(res.status).toBe(400);
    expect((await res.json()).error.parameter).toBe(parameter);
  });
});

describe("GET /validators and /validators/{hotkey}", () => {
  it("lists permit holders with the documented aggregates", async () => {
    const body = await get(validatorsRoute.GET, "/validators", "/validators?limit=1000");
    const latest = await pool.query<{
      hotkey: string;
      netuid: number;
      stake: string;
      validator_permit: boolean;
      take: number | null;
    }>(
      `WITH l AS (SELECT DISTINCT ON (netuid) netuid, block_number FROM metagraph_snapshots ORDER BY netuid, block_number DESC)
       SELECT m.hotkey, m.netuid, m.stake::text, m.validator_permit, m.take FROM metagraph_neurons m JOIN l USING (netuid, block_number)`,
    );
    const total = latest.rows.reduce((s, r) => s + BigInt(r.stake), 0n);
    const permitted = new Set(latest.rows.filter((r) => r.validator_permit).map((r) => r.hotkey));
    expect(permitted.size).toBeGreaterThan(0);
    expect(body.pagination.total).toBe(permitted.size);
    expect(new Set(body.data.map((v: { hotkey: { ss58: string } }) => v.hotkey.ss58))).toEqual(permitted);
    for (const v of body.data) {
      const mine = latest.rows.filter((r) => r.hotkey === v.hotkey.ss58);
      const stake = mine.reduce((s, r) => s + BigInt(r.stake), 0n);
      expect(v.alpha_stake).toBe(stake.toString());
      expect(v.subnets).toBe(mine.length);
      expect(v.subnets_validated).toBe(mine.filter((r) => r.validator_permit).length);
      // dominance = stake / total, truncated to 10 places.
      const expected = total === 0n ? 0n : (stake * 10n ** 10n) / total;
      const parsed = v.dominance === "0" ? 0n : BigInt(v.dominance.replace(".", "").padEnd(11, "0"));
      expect(parsed).toBe(expected);
      expect(typeof v.nominators).toBe("number");
    }
    const stakes = body.data.map((v: { alpha_stake: string }) => BigInt(v.alpha_stake));
    for (let i = 1; i < stakes.length; i++) expect(stakes[i - 1] >= stakes[i]).toBe(true);
    const p2 = await get(validatorsRoute.GET, "/validators", "/validators?limit=2&page=2");
    expect(p2.data.map((v: { hotkey: { ss58: string } }) => v.hotkey.ss58)).toEqual(
      body.data.slice(2, 4).map((v: { hotkey: { ss58: string } }) => v.hotkey.ss58),
    );
  });

  it("details one validator with its subnet rows; 404 for a hotkey without a permit", async () => {
    const list = await get(validatorsRoute.GET, "/validators", "/validators?limit=1");
    const hot = list.data[0].hotkey;
    const detail = await get(validatorRoute.GET, "/validators/{hotkey}", `/validators/${hot.hex}`, {
      hotkey: hot.hex,
    });
    expect(detail.hotkey).toEqual(hot);
    expect(detail.alpha_stake).toBe(list.data[0].alpha_stake);
    expect(detail.subnet_rows.length).toBe(detail.subnets);
    expect(
      detail.subnet_rows.reduce((s: bigint, r: { stake: string }) => s + BigInt(r.stake), 0n).toString(),
    ).toBe(detail.alpha_stake);
    expect(detail.subnet_rows.filter((r: { validator_permit: boolean }) => r.validator_permit).length).toBe(
      detail.subnets_validated,
    );

    const miner = await pool.query<{ hotkey: string }>(
      `SELECT hotkey FROM metagraph_neurons GROUP BY hotkey HAVING NOT bool_or(validator_permit) LIMIT 1`,
    );
    const unknown = "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM";
    for (const h of [miner.rows[0]?.hotkey ?? unknown, unknown]) {
      const res = await call(validatorRoute.GET, `/validators/${h}`, { params: { hotkey: h } });
      expect(res.status).toBe(404);
      expect((await res.json()).error.parameter).toBe("hotkey");
    }
    const bad = await call(validatorRoute.GET, "/validators/nope", { params: { hotkey: "nope" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.parameter).toBe("hotkey");
    const badOrder = await call(validatorsRoute.GET, "/validators?order=name_asc");
    expect(badOrder.status).toBe(400);
    expect((await badOrder.json()).error.parameter).toBe("order");
  });

  it("gives each validator a nominator APY per subnet that follows the documented method", async () => {
    const list = await get(validatorsRoute.GET, "/validators", "/validators?limit=1000");
    let checked = 0;
    for (const v of list.data) {
      const detail = await get(validatorRoute.GET, "/validators/{hotkey}", `/validators/${v.hotkey.ss58}`, {
        hotkey: v.hotkey.ss58,
      });
      expect(detail.apy).toEqual(v.apy);
      for (const row of detail.subnet_rows) {
        // Recompute from the stored epochs in doubles; the API works in NUMERIC, so agree to ~1e-9 relative.
        const epochs = await pool.query<{
          block_number: number;
          stake: string;
          emission: string;
          take: number;
        }>(
          `SELECT m.block_number, m.stake::text, m.emission::text, coalesce(m.take, 0) AS take
           FROM metagraph_neurons m JOIN metagraph_snapshots s USING (netuid, block_number)
           WHERE s.reason = 'epoch' AND m.netuid = $1 AND m.hotkey = $2 ORDER BY m.block_number`,
          [row.netuid, v.hotkey.ss58],
        );
        let logGrowth = 0;
        const used: number[] = [];
        for (const e of epochs.rows) {
          const nominated = (BigInt(e.emission) * BigInt(65535 - e.take)) / 65535n;
          const base = BigInt(e.stake) - nominated;
          if (base <= 0n) continue;
          logGrowth += Math.log1p(Number(nominated) / Number(base));
          used.push(e.block_number);
        }
        if (used.length < 2) {
          expect(row.apy.d30, `netuid ${row.netuid}`).toBeNull();
          continue;
        }
        const span = ((used.at(-1)! - used[0]!) * used.length) / (used.length - 1);
        expect(row.apy.span_blocks_d30).toBe(Math.trunc(span));
        expect(row.apy.epochs_d30).toBe(used.length);
        const exponent = (logGrowth * 2_628_000) / Math.trunc(span);
        if (exponent > MAX_LOG_GROWTH) {
          // Tempo 20 makes 131,400 epochs a year: young subnets' yields do not annualise.
          expect(row.apy.d30, `netuid ${row.netuid}: growth ${exponent}`).toBeNull();
          checked++;
          continue;
        }
        const expected = Math.expm1(exponent);
        const got = Number(row.apy.d30);
        expect(Math.abs(got - expected), `netuid ${row.netuid}: ${got} vs ${expected}`).toBeLessThanOrEqual(
          Math.max(1e-6, Math.abs(expected) * 1e-9),
        );
        // The chain is younger than a day: every window holds the same epochs.
        expect(row.apy.d1).toBe(row.apy.d30);
        expect(row.apy.d7).toBe(row.apy.d30);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("counts and lists nominators from the stored stake positions", async () => {
    const scan = await pool.query<{ b: number | null }>("SELECT max(block_number) AS b FROM holder_scans");
    expect(scan.rows[0]!.b).not.toBeNull();
    const list = await get(validatorsRoute.GET, "/validators", "/validators?limit=1000");
    let withNominators = 0;
    for (const v of list.data) {
      const db = await pool.query<{ coldkey: string; netuid: number; alpha: string }>(
        `SELECT coldkey, netuid, alpha::text FROM stake_positions WHERE hotkey = $1 AND alpha > 0`,
        [v.hotkey.ss58],
      );
      expect(v.nominators, v.hotkey.ss58).toBe(new Set(db.rows.map((r) => r.coldkey)).size);
      if (v.nominators > 0) withNominators++;
      const body = await get(
        nominatorsRoute.GET,
        "/validators/{hotkey}/nominators",
        `/validators/${v.hotkey.ss58}/nominators?limit=1000&order=alpha_desc`,
        { hotkey: v.hotkey.ss58 },
      );
      expect(body.scan_block).toBe(scan.rows[0]!.b);
      expect(body.pagination.total).toBe(db.rows.length);
      const key = (r: { coldkey: string; netuid: number; alpha: string }) =>
        `${r.coldkey}/${r.netuid}/${r.alpha}`;
      expect(
        body.data
          .map((n: { coldkey: { ss58: string }; netuid: number; alpha: string }) =>
            key({ coldkey: n.coldkey.ss58, netuid: n.netuid, alpha: n.alpha }),
          )
          .sort(),
      ).toEqual(db.rows.map(key).sort());
      const alphas = body.data.map((n: { alpha: string }) => BigInt(n.alpha));
      for (let i = 1; i < alphas.length; i++) expect(alphas[i - 1] >= alphas[i]).toBe(true);
    }
    expect(withNominators).toBeGreaterThan(0);
    const miner = await pool.query<{ hotkey: string }>(
      `SELECT hotkey FROM metagraph_neurons GROUP BY hotkey HAVING NOT bool_or(validator_permit) LIMIT 1`,
    );
    if (miner.rows[0]) {
      const res = await call(nominatorsRoute.GET, "/x", { params: { hotkey: miner.rows[0].hotkey } });
      expect(res.status).toBe(404);
    }
    const bad = await call(nominatorsRoute.GET, "/x?order=coldkey_asc", {
      params: { hotkey: list.data[0].hotkey.ss58 },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.parameter).toBe("order");
  });

  it("leaves out a subnet removed after its newest snapshot", async () => {
    const before = await get(validatorsRoute.GET, "/validators", "/validators?limit=1000");
    const top = before.data[0];
    const detail = await get(validatorRoute.GET, "/validators/{hotkey}", `/validators/${top.hotkey.ss58}`, {
      hotkey: top.hotkey.ss58,
    });
    const removed =
      detail.subnet_rows.find((r: { validator_permit: boolean }) => !r.validator_permit) ??
      detail.subnet_rows[0];
    // A NetworkRemoved event after the snapshot (events store unnamed fields positionally).
    const at = 2_000_000_000;
    await pool.query(
      `INSERT INTO events (block_number, index, section, method, args) VALUES ($1, 0, 'subtensorModule', 'NetworkRemoved', $2)`,
      [at, JSON.stringify([removed.netuid])],
    );
    try {
      // The query layer, not the route: answers are cached per indexed head, which this insert does not move.
      const after = await getValidator(top.hotkey.ss58);
      const rest = detail.subnet_rows.filter((r: { netuid: number }) => r.netuid !== removed.netuid);
      if (rest.some((r: { validator_permit: boolean }) => r.validator_permit)) {
        expect(after!.subnet_rows.map((r: { netuid: number }) => r.netuid)).toEqual(
          rest.map((r: { netuid: number }) => r.netuid),
        );
        expect(after!.alpha_stake).toBe(
          rest.reduce((sum: bigint, r: { stake: string }) => sum + BigInt(r.stake), 0n).toString(),
        );
      } else {
        expect(after).toBeNull();
      }
    } finally {
      await pool.query("DELETE FROM events WHERE block_number = $1", [at]);
    }
  });
});
