import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createRpcClient,
  createRpcClients,
  HttpRpcClient,
  RpcClosedError,
  RpcError,
  RpcProtocolError,
  RpcTimeoutError,
  RpcTransportError,
  WsRpcClient,
} from "../../indexer/rpc";

type Mode =
  | "ok"
  | "garbage"
  | "no-version"
  | "both"
  | "wrong-id"
  | "short-batch"
  | "stall"
  | "stall-body"
  | "drop"
  | "http500"
  | "slow";

interface Req {
  id: number;
  method: string;
  params: unknown[];
}

let server: Server;
let url: string;
let mode: Mode = "ok";
/** Requests to fail (drop) before behaving as `mode`. */
let failFirst = 0;
let requests = 0;
let inFlight = 0;
let maxInFlight = 0;
const stalled: ServerResponse[] = [];

function answer(req: Req): unknown {
  if (req.method === "fail_always")
    return { jsonrpc: "2.0", id: req.id, error: { code: -32000, message: "boom" } };
  if (req.method === "echo") return { jsonrpc: "2.0", id: req.id, result: req.params };
  return { jsonrpc: "2.0", id: req.id, result: `${req.method}:${req.id}` };
}

async function handle(httpReq: IncomingMessage, res: ServerResponse): Promise<void> {
  let text = "";
  for await (const chunk of httpReq) text += chunk;
  requests++;
  if (failFirst > 0) {
    failFirst--;
    httpReq.socket.destroy();
    return;
  }
  const body = JSON.parse(text) as Req | Req[];
  const reply = (value: unknown) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(typeof value === "string" ? value : JSON.stringify(value));
  };
  switch (mode) {
    case "garbage":
      return reply("<html>502 Bad Gateway</html>");
    case "no-version":
      return reply({ id: (body as Req).id, result: 1 });
    case "both":
      return reply({ jsonrpc: "2.0", id: (body as Req).id, result: 1, error: { code: 1, message: "x" } });
    case "wrong-id":
      return reply({ jsonrpc: "2.0", id: (body as Req).id + 1000, result: 1 });
    case "short-batch":
      return reply((body as Req[]).slice(1).map(answer));
    case "stall":
      stalled.push(res);
      return;
    case "stall-body":
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"jsonrpc":"2.0","id":');
      stalled.push(res);
      return;
    case "drop":
      httpReq.socket.destroy();
      return;
    case "http500":
      res.writeHead(500);
      res.end("internal");
      return;
    case "slow":
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return reply(Array.isArray(body) ? body.map(answer) : answer(body));
    default:
      return reply(Array.isArray(body) ? body.map(answer) : answer(body));
  }
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of stalled) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  mode = "ok";
  failFirst = 0;
  requests = 0;
  maxInFlight = 0;
});

/** The error a promise rejects with; fails the test if it resolves. */
async function failure(promise: Promise<unknown>): Promise<Error & { code?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: number };
  }
  throw new Error("expected the call to fail");
}

const fast = { backoffMs: 5, maxBackoffMs: 20 };

describe("HttpRpcClient", () => {
  it("returns results of single calls", async () => {
    const client = new HttpRpcClient(url, fast);
    await expect(client.call("echo", [1, "a", null])).resolves.toEqual([1, "a", null]);
    await client.close();
  });

  it("splits a batch into requests of batchSize and keeps call order, RPC errors per call", async () => {
    const client = new HttpRpcClient(url, { ...fast, batchSize: 64 });
    const calls = Array.from({ length: 150 }, (_, i) =>
      i === 77 ? { method: "fail_always", params: [] } : { method: "echo", params: [i] },
    );
    const results = await client.batch(calls);
    expect(requests).toBe(3);
    expect(results).toHaveLength(150);
    results.forEach((r, i) => {
      if (i === 77) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toBeInstanceOf(RpcError);
      } else expect(r).toEqual({ ok: true, result: [i] });
    });
    await client.close();
  });

  it("raises RpcError for a node error and does not retry it", async () => {
    const client = new HttpRpcClient(url, { ...fast, retries: 3 });
    const error = await failure(client.call("fail_always"));
    expect(error).toBeInstanceOf(RpcError);
    expect(error.code).toBe(-32000);
    expect(requests).toBe(1);
    await client.close();
  });

  it.each([
    ["garbage", "not JSON"],
    ["no-version", '"jsonrpc"'],
    ["both", "exactly one of result/error"],
    ["wrong-id", "request id"],
  ] as const)("rejects a %s reply with RpcProtocolError after retrying", async (m, text) => {
    mode = m;
    const client = new HttpRpcClient(url, { ...fast, retries: 2 });
    const error = await failure(client.call("x"));
    expect(error).toBeInstanceOf(RpcProtocolError);
    expect(error.message).toContain(text);
    expect(requests).toBe(3);
    await client.close();
  });

  it("rejects a batch reply with a missing entry", async () => {
    mode = "short-batch";
    const client = new HttpRpcClient(url, { ...fast, retries: 0 });
    const error = await failure(
      client.batch([
        { method: "a", params: [] },
        { method: "b", params: [] },
      ]),
    );
    expect(error).toBeInstanceOf(RpcProtocolError);
    expect(error.message).toContain("1 replies for 2 calls");
    await client.close();
  });

  it("times out a stalled request within the hard deadline", async () => {
    mode = "stall";
    const client = new HttpRpcClient(url, { ...fast, retries: 1, timeoutMs: 150 });
    const started = Date.now();
    const error = await failure(client.call("x"));
    expect(error).toBeInstanceOf(RpcTimeoutError);
    expect(requests).toBe(2);
    expect(Date.now() - started).toBeLessThan(1500);
    await client.close();
  });

  it("times out a reply whose body stops midway", async () => {
    mode = "stall-body";
    const client = new HttpRpcClient(url, { ...fast, retries: 0, timeoutMs: 150 });
    expect(await failure(client.call("x"))).toBeInstanceOf(RpcTimeoutError);
    await client.close();
  });

  it("reports dropped connections and HTTP failures as transport errors", async () => {
    const client = new HttpRpcClient(url, { ...fast, retries: 0 });
    mode = "drop";
    expect(await failure(client.call("x"))).toBeInstanceOf(RpcTransportError);
    mode = "http500";
    const error = await failure(client.call("x"));
    expect(error).toBeInstanceOf(RpcTransportError);
    expect(error.message).toContain("HTTP 500");
    await client.close();
  });

  it("retries dropped connections with backoff and then succeeds", async () => {
    failFirst = 2;
    const client = new HttpRpcClient(url, { ...fast, retries: 3 });
    await expect(client.batch([{ method: "echo", params: [7] }])).resolves.toEqual([
      { ok: true, result: [7] },
    ]);
    expect(requests).toBe(3);
    await client.close();
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    mode = "slow";
    const client = new HttpRpcClient(url, { ...fast, concurrency: 4, batchSize: 2 });
    const calls = Array.from({ length: 40 }, (_, i) => ({ method: "echo", params: [i] }));
    const results = await client.batch(calls);
    expect(results.map((r) => (r.ok ? (r.result as number[])[0] : -1))).toEqual(calls.map((_, i) => i));
    expect(requests).toBe(20);
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expect(maxInFlight).toBeGreaterThanOrEqual(2);
    await client.close();
  });

  it("fails calls with RpcClosedError once closed, aborting requests in flight", async () => {
    mode = "stall";
    const client = new HttpRpcClient(url, { ...fast, timeoutMs: 10_000 });
    const pending = failure(client.call("x"));
    await new Promise((r) => setTimeout(r, 50));
    await client.close();
    expect(await pending).toBeInstanceOf(RpcClosedError);
    expect(await failure(client.call("y"))).toBeInstanceOf(RpcClosedError);
  });

  it("refuses subscriptions", async () => {
    const client = new HttpRpcClient(url);
    await expect(
      client.subscribe({ method: "chain_subscribeNewHeads", unsubscribeMethod: "u" }, { onData: () => {} }),
    ).rejects.toThrow(/WebSocket/);
  });
});

describe("createRpcClient", () => {
  it("picks the transport from the URL scheme", async () => {
    const h = createRpcClient("https://example.invalid:9944");
    const w = createRpcClient("wss://example.invalid:9944");
    expect(h).toBeInstanceOf(HttpRpcClient);
    expect(w).toBeInstanceOf(WsRpcClient);
    expect(() => createRpcClient("ftp://x")).toThrow(/scheme/);
    await Promise.all([h.close(), w.close()]);
  });

  it("uses HTTP for bulk reads only when an HTTP URL is given, and the WebSocket to follow", async () => {
    const both = createRpcClients("ws://127.0.0.1:9944", { httpUrl: url });
    expect(both.fetch).toBeInstanceOf(HttpRpcClient);
    expect(both.follow).toBeInstanceOf(WsRpcClient);
    await expect(both.fetch.call("echo", [1])).resolves.toEqual([1]);
    const wsOnly = createRpcClients("ws://127.0.0.1:9944");
    expect(wsOnly.fetch).toBe(wsOnly.follow);
    const httpOnly = createRpcClients(url);
    expect(httpOnly.follow).toBeNull();
    await Promise.all([both.close(), wsOnly.close(), httpOnly.close()]);
  });
});
