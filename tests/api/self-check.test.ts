// GET /api/v1/engine/self-check over engine_checks rows written by the indexer's own writer: per-spec counts,
// first/last mismatch, the newest mismatch details, the spec filter, the health summary, 400s naming the
// parameter, and the OpenAPI contract.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as selfCheckRoute from "../../app/api/v1/engine/self-check/route";
import * as healthRoute from "../../app/api/v1/health/route";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import type { EngineCheck } from "../../indexer/state/self-check";
import { writeEngineChecks } from "../../indexer/state/write-engine-checks";
import { configureRateLimit, DEFAULT_RATE_LIMIT } from "../../lib/api/v1/http/rate-limit";
import { db } from "../../lib/db/client";
import { closeQueryPool } from "../../lib/queries/pool";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";
import { call } from "./fixture";
import { ContractValidator, type OpenApiDoc } from "./validator";

const check = (n: number, spec: number, over: Partial<EngineCheck> = {}): EngineCheck => ({
  blockNumber: n,
  specVersion: spec,
  rules: spec === 425 ? "425/balancer" : `${spec}/v3`,
  subnetsChecked: 3,
  itemsChecked: 30,
  unsupported: spec === 425 ? [] : ["SubnetMovingPrice"],
  reason: null,
  mismatches: [],
  ...over,
});

const CHECKS: EngineCheck[] = [
  check(5, 300, {
    rules: null,
    subnetsChecked: 0,
    itemsChecked: 0,
    unsupported: ["SubnetTaoInEmission"],
    reason: "spec 300: the engine's coinbase starts at spec 343",
  }),
  check(10, 393),
  check(11, 393),
  check(12, 393, {
    mismatches: [
      { netuid: 2, item: "SubnetTaoInEmission", chain: "100", engine: "101" },
      { netuid: 1, item: "PendingOwnerCut", chain: "7", engine: "8" },
    ],
  }),
  check(13, 393),
  check(15, 393, {
    subnetsChecked: 0,
    itemsChecked: 0,
    reason: "error: self-check: SubnetTAO has no value",
  }),
  check(14, 393, { mismatches: [{ netuid: 3, item: "SubnetAlphaInEmission", chain: "5", engine: "4" }] }),
  check(20, 425),
  check(21, 425),
  check(22, 425),
];

let database: TestDatabase;
let contract: ContractValidator;

beforeAll(async () => {
  database = await freshDatabase();
  const pool = testPool(database.url);
  try {
    const client = await pool.connect();
    try {
      await writeEngineChecks(client, CHECKS);
      // A re-run of a block keeps the first result.
      await writeEngineChecks(client, [check(10, 393, { itemsChecked: 999 })]);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
  vi.stubEnv("DATABASE_URL", database.url);
  vi.stubEnv("SUBTENSOR_URL", "http://127.0.0.1:9");
  configureRateLimit(null);
  contract = new ContractValidator(
    (await (await call(openapiRoute.GET, "/openapi.json")).json()) as OpenApiDoc,
  );
});

afterAll(async () => {
  configureRateLimit(DEFAULT_RATE_LIMIT);
  vi.unstubAllEnvs();
  await db().$disconnect();
  await closeQueryPool();
  await database?.drop();
});

// biome-ignore lint/suspicious/noExplicitAny: bodies are checked against the document, then read freely
async function get(url: string, status = 200): Promise<any> {
  const res = await call(selfCheckRoute.GET, url);
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(contract.check(contract.responseRef("/engine/self-check", String(res.status)), body)).toBeNull();
  return body;
}

describe("GET /engine/self-check", () => {
  it("summarises per spec version and lists the newest mismatches first", async () => {
    const body = await get("/engine/self-check");
    expect(body.data).toEqual([
      {
        spec_version: 300,
        rules: [],
        blocks_checked: 0,
        blocks_without_rules: 1,
        blocks_failed: 0,
        blocks_with_mismatches: 0,
        mismatching_items: 0,
        items_checked: "0",
        unsupported_items: ["SubnetTaoInEmission"],
        first_block: 5,
        last_block: 5,
        first_mismatch_block: null,
        last_mismatch_block: null,
      },
      {
        spec_version: 393,
        rules: ["393/v3"],
        blocks_checked: 5,
        blocks_without_rules: 0,
        blocks_failed: 1,
        blocks_with_mismatches: 2,
        mismatching_items: 3,
        items_checked: "150",
        unsupported_items: ["SubnetMovingPrice"],
        first_block: 10,
        last_block: 15,
        first_mismatch_block: 12,
        last_mismatch_block: 14,
      },
      {
        spec_version: 425,
        rules: ["425/balancer"],
        blocks_checked: 3,
        blocks_without_rules: 0,
        blocks_failed: 0,
        blocks_with_mismatches: 0,
        mismatching_items: 0,
        items_checked: "90",
        unsupported_items: [],
        first_block: 20,
        last_block: 22,
        first_mismatch_block: null,
        last_mismatch_block: null,
      },
    ]);
    expect(body.latest_mismatches).toEqual([
      {
        block_number: 14,
        spec_version: 393,
        rules: "393/v3",
        netuid: 3,
        item: "SubnetAlphaInEmission",
        chain: "5",
        engine: "4",
      },
      {
        block_number: 12,
        spec_version: 393,
        rules: "393/v3",
        netuid: 1,
        item: "PendingOwnerCut",
        chain: "7",
        engine: "8",
      },
      {
        block_number: 12,
        spec_version: 393,
        rules: "393/v3",
        netuid: 2,
        item: "SubnetTaoInEmission",
        chain: "100",
        engine: "101",
      },
    ]);
    expect(body.method).toContain("on_initialize");
  });

  it("filters by spec and limits the mismatch list", async () => {
    const only425 = await get("/engine/self-check?spec=425");
    expect(only425.data.map((r: { spec_version: number }) => r.spec_version)).toEqual([425]);
    expect(only425.latest_mismatches).toEqual([]);
    const one = await get("/engine/self-check?mismatches=1");
    expect(one.latest_mismatches).toHaveLength(1);
    expect(one.latest_mismatches[0].block_number).toBe(14);
    const none = await get("/engine/self-check?spec=1");
    expect(none).toMatchObject({ data: [], latest_mismatches: [] });
  });

  it("rejects bad input with 400 naming the parameter", async () => {
    const bad: [string, string][] = [
      ["spec=abc", "spec"],
      ["spec=-1", "spec"],
      ["spec=1.5", "spec"],
      ["mismatches=501", "mismatches"],
      ["mismatches=x", "mismatches"],
      ["limit=5", "limit"],
    ];
    for (const [q, parameter] of bad) {
      const body = await get(`/engine/self-check?${q}`, 400);
      expect(body.error.parameter, q).toBe(parameter);
    }
  });

  it("adds the mismatch summary to /health", async () => {
    const res = await call(healthRoute.GET, "/health");
    const body = await res.json();
    expect(body.indexer.selfCheck).toEqual({ checkedHead: 22, mismatchBlocks: 2, lastMismatchBlock: 14 });
  });
});
