// Behaviour around the data: 400s naming the parameter, 404s, ETag/304, CORS, rate limiting, and the
// catch-all 500 that hides internals behind a request id.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import * as blockRoute from "../../app/api/v1/blocks/[id]/route";
import * as blocksRoute from "../../app/api/v1/blocks/route";
import * as eventsRoute from "../../app/api/v1/events/route";
import * as extrinsicRoute from "../../app/api/v1/extrinsics/[id]/route";
import * as extrinsicsRoute from "../../app/api/v1/extrinsics/route";
import * as runtimeRoute from "../../app/api/v1/runtime-versions/route";
import * as searchRoute from "../../app/api/v1/search/route";
import * as statsRoute from "../../app/api/v1/stats/route";
import { defineEndpoint } from "../../lib/api/v1/endpoint";
import { configureRateLimit, DEFAULT_RATE_LIMIT } from "../../lib/api/v1/http/rate-limit";
import { route } from "../../lib/api/v1/http/route";
import { type ApiFixture, call, indexedDevnet } from "./fixture";

let fx: ApiFixture;
beforeAll(async () => {
  fx = await indexedDevnet();
  configureRateLimit(null);
});
afterAll(async () => {
  configureRateLimit(DEFAULT_RATE_LIMIT);
  await fx?.close();
});

type Handler = typeof blocksRoute.GET;

describe("bad input is a 400 naming the parameter", () => {
  const badChecksum = () => `${fx.alice.slice(0, -1)}${fx.alice.endsWith("a") ? "b" : "a"}`;
  const cases: [Handler, string, string, Record<string, string>?][] = [
    [blocksRoute.GET, "/blocks?foo=1", "foo"],
    [blocksRoute.GET, "/blocks?limit=1001", "limit"],
    [blocksRoute.GET, "/blocks?limit=0", "limit"],
    [blocksRoute.GET, "/blocks?limit=-5", "limit"],
    [blocksRoute.GET, "/blocks?limit=1e3", "limit"],
    [blocksRoute.GET, "/blocks?limit=5&limit=6", "limit"],
    [blocksRoute.GET, "/blocks?block_start=-1", "block_start"],
    [blocksRoute.GET, "/blocks?block_start=99999999999999999999", "block_start"],
    [blocksRoute.GET, "/blocks?block_end=2147483648", "block_end"],
    [blocksRoute.GET, "/blocks?block_start=10&block_end=5", "block_end"],
    [blocksRoute.GET, "/blocks?timestamp_start=yesterday", "timestamp_start"],
    [blocksRoute.GET, "/blocks?timestamp_start=2025-06-02&timestamp_end=2025-06-01", "timestamp_end"],
    [blocksRoute.GET, "/blocks?order=hash_desc", "order"],
    [blocksRoute.GET, "/blocks?after=abc", "after"],
    [blocksRoute.GET, "/blocks?after=5&before=3", "before"],
    [blocksRoute.GET, "/blocks?format=xml", "format"],
    [blocksRoute.GET, "/blocks?spec_version=1.5", "spec_version"],
    [extrinsicsRoute.GET, "/extrinsics?signer=0x1234", "signer"],
    [extrinsicsRoute.GET, "/extrinsics?success=yes", "success"],
    [extrinsicsRoute.GET, "/extrinsics?section=x'%20OR%20'1", "section"],
    [extrinsicsRoute.GET, "/extrinsics?after=12", "after"],
    [eventsRoute.GET, "/events?extrinsic_id=12", "extrinsic_id"],
    [eventsRoute.GET, "/events?method=Transfer", "method"],
    [extrinsicsRoute.GET, "/extrinsics?method=transferKeepAlive", "method"],
    [eventsRoute.GET, "/events?page=2", "page"],
    [searchRoute.GET, "/search", "q"],
    [searchRoute.GET, "/search?q=", "q"],
    [searchRoute.GET, `/search?q=${"9".repeat(200)}`, "q"],
    [runtimeRoute.GET, "/runtime-versions?page=0", "page"],
    [statsRoute.GET, "/stats?x=1", "x"],
    [blockRoute.GET, "/blocks/abc", "id", { id: "abc" }],
    [blockRoute.GET, "/blocks/-1", "id", { id: "-1" }],
    [blockRoute.GET, "/blocks/0x12", "id", { id: "0x12" }],
    [extrinsicRoute.GET, "/extrinsics/0x12", "id", { id: "0x12" }],
  ];
  it.each(cases.map(([handler, url, parameter, params]) => ({ handler, url, parameter, params })))(
    "$url → $parameter",
    async ({ handler, url, parameter, params }) => {
      const res = await call(handler, url, { params });
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(body.error.parameter).toBe(parameter);
      expect(body.error.message).toEqual(expect.any(String));
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
    },
  );

  it("rejects an SS58 address with a bad checksum", async () => {
    const res = await call(extrinsicsRoute.GET, `/extrinsics?signer=${badChecksum()}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.parameter).toBe("signer");
  });
});

describe("caching, CORS and limits", () => {
  it("answers If-None-Match with 304 until the indexed head moves", async () => {
    const first = await call(blocksRoute.GET, "/blocks?limit=3&order=number_desc");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"\d+-/);
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const again = await call(blocksRoute.GET, "/blocks?limit=3&order=number_desc", {
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // Same parameters in another order: same answer, same tag.
    const reordered = await call(blocksRoute.GET, "/blocks?order=number_desc&limit=3", {
      headers: { "if-none-match": etag },
    });
    expect(reordered.status).toBe(304);
    const other = await call(blocksRoute.GET, "/blocks?limit=4", { headers: { "if-none-match": etag } });
    expect(other.status).toBe(200);

    await fx.pool.query(
      "INSERT INTO blocks SELECT number + 1000, '0x' || repeat('ab', 32), parent_hash, state_root, extrinsics_root, spec_version, \"timestamp\", author, 0, 0, false FROM blocks ORDER BY number DESC LIMIT 1",
    );
    await new Promise((r) => setTimeout(r, 1_100)); // the head is re-read at most once a second
    const moved = await call(blocksRoute.GET, "/blocks?limit=3&order=number_desc", {
      headers: { "if-none-match": etag },
    });
    expect(moved.status).toBe(200);
    expect(moved.headers.get("etag")).not.toBe(etag);
    await fx.pool.query("DELETE FROM blocks WHERE number >= 1000");
  });

  it("is open to any origin for GET, with a preflight", async () => {
    const res = await blocksRoute.OPTIONS(new Request("http://x/api/v1/blocks", { method: "OPTIONS" }));
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("GET");
    const get = await call(blocksRoute.GET, "/blocks?limit=1");
    expect(get.headers.get("access-control-allow-origin")).toBe("*");
    expect(get.headers.get("access-control-expose-headers")).toContain("ETag");
  });

  it("rate-limits per client with 429 and Retry-After", async () => {
    configureRateLimit({ perMinute: 60, burst: 3 });
    try {
      const from = (ip: string) => call(statsRoute.GET, "/stats", { headers: { "x-forwarded-for": ip } });
      for (let i = 0; i < 3; i++) expect((await from("203.0.113.7")).status).toBe(200);
      const limited = await from("203.0.113.7");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await limited.json()).error.code).toBe("rate_limited");
      expect((await from("198.51.100.1")).status).toBe(200);
    } finally {
      configureRateLimit(null);
    }
  });

  it("turns an unexpected failure into a logged 500 with a request id and no internals", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = route(
      defineEndpoint({
        id: "broken",
        path: "/broken",
        tag: "test",
        summary: "",
        description: "",
        query: z.object({}).strict(),
        response: z.object({}),
        cache: "none",
        handler: async () => {
          throw new Error("secret connection string postgres://u:p@h/db");
        },
      }),
    );
    const res = await call(broken.GET, "/broken");
    const body = await res.json();
    expect(res.status).toBe(500);
    expect(body.error.code).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(res.headers.get("x-request-id")).toBe(body.error.request_id);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(body.error.request_id), expect.any(Error));
    log.mockRestore();
  });

  it("answers 404 for unknown entities", async () => {
    const res = await call(blockRoute.GET, "/blocks/0x" + "ab".repeat(32), {
      params: { id: `0x${"ab".repeat(32)}` },
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("not_found");
  });
});

describe("cached answers under concurrency", () => {
  it("computes one answer per head for concurrent requests, and serves the previous one while the next is computed", async () => {
    let calls = 0;
    let gate: Promise<void> = Promise.resolve();
    const counted = route(
      defineEndpoint({
        id: "counted",
        path: "/counted",
        tag: "test",
        summary: "",
        description: "",
        query: z.object({}).strict(),
        response: z.object({ n: z.number() }),
        cache: "head",
        handler: async () => {
          calls++;
          const n = calls;
          await gate;
          return { n };
        },
      }),
    );
    let open!: () => void;
    gate = new Promise((r) => {
      open = r;
    });
    const first = Array.from({ length: 20 }, () => call(counted.GET, "/counted"));
    await new Promise((r) => setTimeout(r, 50));
    open();
    const answers = await Promise.all(first);
    expect(calls).toBe(1);
    const etags = new Set(answers.map((r) => r.headers.get("etag")));
    expect(etags.size).toBe(1);
    for (const r of answers) expect(await r.json()).toEqual({ n: 1 });

    // A new head: the first request computes the new answer; the ones arriving meanwhile get the previous one,
    // with its own ETag and marked stale. Afterwards the new answer is served to everyone.
    const head = (await fx.pool.query<{ n: number }>("SELECT max(number) AS n FROM blocks")).rows[0]!.n;
    await fx.pool.query(
      `INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, spec_version, extrinsic_count,
                           event_count, finalized)
       SELECT $1::int, '0x' || lpad(to_hex($1::int), 64, 'e'), hash, state_root, extrinsics_root, spec_version, 0, 0, false
       FROM blocks WHERE number = $1::int - 1`,
      [head + 1],
    );
    try {
      await new Promise((r) => setTimeout(r, 1_100)); // the data version is re-read at most once a second
      gate = new Promise((r) => {
        open = r;
      });
      const computing = call(counted.GET, "/counted");
      await new Promise((r) => setTimeout(r, 50));
      const meanwhile = await call(counted.GET, "/counted");
      expect(meanwhile.headers.get("x-taoview-stale")).toBe("1");
      expect(meanwhile.headers.get("etag")).toBe([...etags][0]);
      expect(await meanwhile.json()).toEqual({ n: 1 });
      open();
      const fresh = await computing;
      expect(await fresh.json()).toEqual({ n: 2 });
      expect(fresh.headers.get("etag")).not.toBe([...etags][0]);
      const after = await call(counted.GET, "/counted");
      expect(after.headers.get("x-taoview-stale")).toBeNull();
      expect(await after.json()).toEqual({ n: 2 });
      expect(calls).toBe(2);
    } finally {
      await fx.pool.query("DELETE FROM blocks WHERE number = $1", [head + 1]);
    }
  });
});
