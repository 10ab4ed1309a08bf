// Contract and values: every endpoint's answers match the served OpenAPI document (ajv), and what they say
// equals what the devnet serves. Route handlers are called directly, as Next.js calls them.
import { u8aToHex } from "@polkadot/util";
import { blake2AsHex, decodeAddress, encodeAddress } from "@polkadot/util-crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as blockRoute from "../../app/api/v1/blocks/[id]/route";
import * as blocksRoute from "../../app/api/v1/blocks/route";
import * as eventsRoute from "../../app/api/v1/events/route";
import * as extrinsicRoute from "../../app/api/v1/extrinsics/[id]/route";
import * as extrinsicsRoute from "../../app/api/v1/extrinsics/route";
import * as healthRoute from "../../app/api/v1/health/route";
import * as openapiRoute from "../../app/api/v1/openapi.json/route";
import * as runtimeRoute from "../../app/api/v1/runtime-versions/route";
import * as searchRoute from "../../app/api/v1/search/route";
import * as statsRoute from "../../app/api/v1/stats/route";
import { configureRateLimit, DEFAULT_RATE_LIMIT } from "../../lib/api/v1/http/rate-limit";
import { route } from "../../lib/api/v1/http/route";
import { endpoints } from "../../lib/api/v1/registry";
import { type ApiFixture, call, FAILING_TRANSFER, indexedDevnet, TRANSFERS } from "./fixture";
import { ContractValidator, type OpenApiDoc } from "./validator";

let fx: ApiFixture;
let contract: ContractValidator;

beforeAll(async () => {
  fx = await indexedDevnet();
  // Hundreds of requests from one "client": the limiter has its own test in behaviour.test.ts.
  configureRateLimit(null);
  const res = await call(openapiRoute.GET, "/openapi.json");
  expect(res.status).toBe(200);
  contract = new ContractValidator((await res.json()) as OpenApiDoc);
});
afterAll(async () => {
  configureRateLimit(DEFAULT_RATE_LIMIT);
  await fx?.close();
});

/** GET, assert the status, and validate the body against the document's schema for that path and status. */
async function get(
  handler: typeof blocksRoute.GET,
  docPath: string,
  url: string,
  opts: { params?: Record<string, string>; status?: number } = {},
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are checked against the schema, then read freely
): Promise<any> {
  const res = await call(handler, url, { params: opts.params });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(opts.status ?? 200);
  expect(contract.check(contract.responseRef(docPath, String(res.status)), body)).toBeNull();
  return body;
}

const chainBlock = (n: number) => fx.devnet.chain.blockByNumber(n)!;

describe("OpenAPI document", () => {
  it("documents every registered endpoint with its parameters", () => {
    for (const e of Object.values(endpoints)) {
      const op = contract.doc.paths[`/api/v1${e.path}`]?.get;
      expect(op, e.path).toBeDefined();
      const names = op!.parameters.map((p) => p.name);
      expect(names).toEqual([
        ...Object.keys((e.params as unknown as { shape?: object })?.shape ?? {}),
        ...Object.keys((e.query as unknown as { shape: object }).shape),
      ]);
    }
    expect(contract.doc.paths["/api/v1/blocks"]!.get.parameters.map((p) => p.name)).toContain("block_start");
  });
});

describe("blocks", () => {
  it("pages through every block with keyset cursors, forwards and back, equal to the chain", async () => {
    const head = fx.devnet.chain.best.number;
    const seen: number[] = [];
    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const body = await get(blocksRoute.GET, "/blocks", `/blocks?limit=7${after ? `&after=${after}` : ""}`);
      for (const b of body.data) {
        const c = chainBlock(b.number);
        expect(b.hash).toBe(c.hash);
        expect(b.extrinsic_count).toBe(c.extrinsics.length);
      }
      seen.push(...body.data.map((b: { number: number }) => b.number));
      expect(body.pagination.total).toBe(head + 1);
      expect(body.pagination.total_exact).toBe(true);
      pages.push(JSON.stringify(body.data));
      after = body.pagination.next;
      if (!after) break;
      // prev of the next page leads back to this one
      const back = await get(
        blocksRoute.GET,
        "/blocks",
        `/blocks?limit=7&before=${body.data.at(-1).number - 0}`,
      );
      expect(back.data.length).toBeLessThanOrEqual(7);
    }
    expect(seen).toEqual(Array.from({ length: head + 1 }, (_, i) => head - i));
    // Walking back from the last page with `before` reproduces the pages in reverse.
    const last = await get(blocksRoute.GET, "/blocks", `/blocks?limit=7&after=${seen.at(-8)}`);
    const prev = await get(blocksRoute.GET, "/blocks", `/blocks?limit=7&before=${last.pagination.prev}`);
    expect(prev.data.map((b: { number: number }) => b.number)).toEqual(seen.slice(-14, -7));
    expect(prev.pagination.next).toBe(String(seen.at(-8)));
  });

  it("filters by block and timestamp range and spec version, ascending", async () => {
    const body = await get(blocksRoute.GET, "/blocks", "/blocks?block_start=3&block_end=9&order=number_asc");
    expect(body.data.map((b: { number: number }) => b.number)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(body.pagination.total).toBeNull();
    const t3 = Date.parse(body.data[0].timestamp) / 1000;
    const t5 = new Date(Date.parse(body.data[2].timestamp)).toISOString();
    const byTime = await get(
      blocksRoute.GET,
      "/blocks",
      `/blocks?timestamp_start=${t3}&timestamp_end=${encodeURIComponent(t5)}&order=number_asc`,
    );
    expect(byTime.data.map((b: { number: number }) => b.number)).toEqual([3, 4, 5]);
    expect((await get(blocksRoute.GET, "/blocks", "/blocks?spec_version=393&limit=1")).data).toHaveLength(1);
    expect((await get(blocksRoute.GET, "/blocks", "/blocks?spec_version=1")).data).toEqual([]);
    expect((await get(blocksRoute.GET, "/blocks", "/blocks?timestamp_start=4000000000")).data).toEqual([]);
  });

  it("finds one block by number and by hash, 404 otherwise", async () => {
    const c = chainBlock(5);
    const byNumber = await get(blockRoute.GET, "/blocks/{id}", "/blocks/5", { params: { id: "5" } });
    const byHash = await get(blockRoute.GET, "/blocks/{id}", `/blocks/${c.hash}`, {
      params: { id: c.hash.toUpperCase().replace("0X", "0x") },
    });
    expect(byNumber).toEqual(byHash);
    expect(byNumber.hash).toBe(c.hash);
    const stored = await fx.pool.query("SELECT author FROM blocks WHERE number = 5");
    expect(byNumber.author?.ss58 ?? null).toBe(stored.rows[0].author);
    const missing = await get(blockRoute.GET, "/blocks/{id}", "/blocks/99999", {
      params: { id: "99999" },
      status: 404,
    });
    expect(missing.error).toMatchObject({ code: "not_found", parameter: "id" });
  });
});

describe("extrinsics and events", () => {
  it("lists the signed transfers with their amounts, signer given as SS58 of any prefix or hex", async () => {
    const hex = u8aToHex(decodeAddress(fx.alice));
    for (const signer of [fx.alice, hex, encodeAddress(hex, 0)]) {
      const body = await get(
        extrinsicsRoute.GET,
        "/extrinsics",
        `/extrinsics?signer=${signer}&section=balances&method=transferKeepAlive&order=block_number_asc`,
      );
      expect(body.data.map((x: { args: { value: string } }) => x.args.value)).toEqual(TRANSFERS.map(String));
      for (const x of body.data) {
        expect(x.signer).toEqual({ ss58: fx.alice, hex });
        expect(x.success).toBe(true);
        expect(BigInt(x.fee)).toBeGreaterThan(0n);
        const bytes = chainBlock(x.block_number).extrinsics[x.index]!;
        expect(x.hash).toBe(blake2AsHex(bytes));
      }
    }
    const failed = await get(extrinsicsRoute.GET, "/extrinsics", "/extrinsics?success=false");
    expect(failed.data).toHaveLength(1);
    expect(failed.data[0].args.value).toBe(FAILING_TRANSFER.toString());
    expect(failed.data[0].signer.ss58).toBe(fx.bob);
    const unsigned = await get(extrinsicsRoute.GET, "/extrinsics", "/extrinsics?signed=false&limit=1000");
    expect(unsigned.data).toHaveLength(fx.devnet.chain.best.number); // one timestamp.set per block after genesis
  });

  it("pages through every extrinsic and every event exactly once", async () => {
    const totals = await fx.pool.query<{ x: string; e: string }>(
      "SELECT (SELECT count(*) FROM extrinsics) AS x, (SELECT count(*) FROM events) AS e",
    );
    for (const [handler, path, expected] of [
      [extrinsicsRoute.GET, "/extrinsics", Number(totals.rows[0]!.x)],
      [eventsRoute.GET, "/events", Number(totals.rows[0]!.e)],
    ] as const) {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const body = await get(
          handler,
          path,
          `${path}?limit=9&order=block_number_asc${after ? `&after=${after}` : ""}`,
        );
        ids.push(...body.data.map((r: { id: string }) => r.id));
        after = body.pagination.next;
      } while (after);
      expect(ids).toHaveLength(expected);
      expect(new Set(ids).size).toBe(expected);
    }
  });

  it("gives one extrinsic by block-index and by hash, with its events", async () => {
    const list = await get(extrinsicsRoute.GET, "/extrinsics", `/extrinsics?signer=${fx.alice}&limit=1`);
    const x = list.data[0];
    const byId = await get(extrinsicRoute.GET, "/extrinsics/{id}", `/extrinsics/${x.id}`, {
      params: { id: x.id },
    });
    const byHash = await get(extrinsicRoute.GET, "/extrinsics/{id}", `/extrinsics/${x.hash}`, {
      params: { id: x.hash },
    });
    expect(byHash).toEqual(byId);
    const names = byId.events.map((e: { full_name: string }) => e.full_name);
    expect(names).toContain("balances.Transfer");
    expect(names).toContain("transactionPayment.TransactionFeePaid");
    expect(byId.events.every((e: { extrinsic_id: string }) => e.extrinsic_id === x.id)).toBe(true);
    const events = await get(
      eventsRoute.GET,
      "/events",
      `/events?extrinsic_id=${x.id}&order=block_number_asc`,
    );
    expect(events.data).toEqual(byId.events);
    const transfers = await get(eventsRoute.GET, "/events", "/events?section=balances&method=Transfer");
    expect(transfers.data.length).toBeGreaterThanOrEqual(TRANSFERS.length);
    await get(extrinsicRoute.GET, "/extrinsics/{id}", "/extrinsics/1-99", {
      params: { id: "1-99" },
      status: 404,
    });
  });
});

describe("network", () => {
  it("stats equal the database and the devnet", async () => {
    const body = await get(statsRoute.GET, "/stats", "/stats");
    expect(body.indexed.head).toBe(fx.devnet.chain.best.number);
    expect(body.indexed.finalized).toBe(fx.devnet.chain.finalized.number);
    expect(body.chain.head).toBe(fx.devnet.chain.best.number);
    const c = await fx.pool.query(
      "SELECT (SELECT count(*) FROM blocks)::int b, (SELECT count(*) FROM extrinsics)::int x, (SELECT count(*) FROM extrinsics WHERE signed)::int s, (SELECT count(*) FROM events)::int e",
    );
    const row = c.rows[0];
    expect(body.counts).toEqual({
      blocks: { value: row.b, exact: true },
      extrinsics: { value: row.x, exact: true },
      signed_extrinsics: { value: row.s, exact: true },
      events: { value: row.e, exact: true },
    });
    expect(body.runtime).toEqual({ spec_version: 393, versions_seen: 1 });
  });

  it("lists runtime versions with page pagination", async () => {
    const body = await get(runtimeRoute.GET, "/runtime-versions", "/runtime-versions");
    expect(body.pagination).toEqual({ page: 1, limit: 50, total: 1, next: null, prev: null });
    expect(body.data[0].spec_version).toBe(393);
    expect(body.data[0].metadata_bytes).toBeGreaterThan(1000);
  });

  it("searches block numbers, hashes, extrinsic ids and addresses", async () => {
    const x = (await get(extrinsicsRoute.GET, "/extrinsics", "/extrinsics?signed=true&limit=1")).data[0];
    const cases: [string, string[]][] = [
      ["7", ["block:7"]],
      [chainBlock(7).hash, ["block:7"]],
      [x.id, [`extrinsic:${x.id}`]],
      [x.hash, [`extrinsic:${x.id}`]],
      [fx.bob, [`account:${fx.bob}`]],
      ["99999", []],
      ["1-99", []],
      ["nothing'; DROP TABLE blocks; --", []],
    ];
    for (const [q, expected] of cases) {
      const body = await get(searchRoute.GET, "/search", `/search?q=${encodeURIComponent(q)}`);
      expect(
        body.data.map((r: { type: string; id: string }) => `${r.type}:${r.id}`),
        q,
      ).toEqual(expected);
    }
    const account = await get(searchRoute.GET, "/search", `/search?q=${fx.bob}`);
    expect(account.data[0].address.hex).toBe(u8aToHex(decodeAddress(fx.bob)));
  });

  it("serves health with the same body shape as /api/health", async () => {
    const body = await get(healthRoute.GET, "/health", "/health");
    expect(body.database.ok).toBe(true);
    expect(body.indexer.head).toBe(fx.devnet.chain.best.number);
  });
});

describe("CSV export", () => {
  it("streams the full result, every page, with the documented columns", async () => {
    const { GET } = route(endpoints.events, { csvPageSize: 7 });
    const res = await call(GET, "/events?format=csv&order=block_number_asc&limit=3");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await res.text()).split("\r\n").filter((l) => l.length > 0);
    expect(lines[0]!.split(",")).toEqual(contract.csvColumns(contract.responseRef("/events")));
    const count = await fx.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM events");
    expect(lines).toHaveLength(count.rows[0]!.n + 1);
    const first = await fx.pool.query("SELECT block_number, index FROM events ORDER BY 1, 2 LIMIT 1");
    const { block_number: b, index: i } = first.rows[0];
    expect(lines[1]!.startsWith(`${b}-${i},${b},${i},`)).toBe(true);

    for (const [handler, path] of [
      [blocksRoute.GET, "/blocks"],
      [extrinsicsRoute.GET, "/extrinsics"],
      [runtimeRoute.GET, "/runtime-versions"],
    ] as const) {
      const text = await (await call(handler, `${path}?format=csv`)).text();
      const header = text.slice(0, text.indexOf("\r\n")).split(",");
      expect(header).toEqual(contract.csvColumns(contract.responseRef(path)));
    }
    const xs = await (await call(extrinsicsRoute.GET, `/extrinsics?format=csv&signer=${fx.alice}`)).text();
    expect(xs).toContain(`"{""dest"":{""Id"":""${fx.bob}""},""value"":""${TRANSFERS[0]}""}"`);
    expect(xs.split("\r\n").filter(Boolean)).toHaveLength(TRANSFERS.length + 1);
  });
});

describe("docs page", () => {
  it("renders every documented path and schema from the same document", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { default: ApiDocsPage } = await import("../../app/api-docs/page");
    const html = renderToStaticMarkup(ApiDocsPage());
    for (const path of Object.keys(contract.doc.paths)) expect(html).toContain(`>${path}<`);
    for (const name of Object.keys(contract.doc.components.schemas)) expect(html).toContain(`schema-${name}`);
    expect(html).toContain("curl -s &#x27;/api/v1/search?q=1&#x27;");
    expect(html).not.toMatch(/<script|<link/);
  });
});
