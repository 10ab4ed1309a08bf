import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import {
  RpcError,
  RpcProtocolError,
  RpcTimeoutError,
  RpcTransportError,
  WsRpcClient,
} from "../../indexer/rpc";

let wss: WebSocketServer;
let url: string;
let subCounter = 0;
const subscribers = new Map<string, WebSocket>();

function send(ws: WebSocket, value: unknown): void {
  ws.send(typeof value === "string" ? value : JSON.stringify(value));
}

beforeAll(async () => {
  wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  wss.on("connection", (ws) => {
    ws.on("message", (data) => {
      const req = JSON.parse(data.toString()) as { id: number; method: string; params: unknown[] };
      switch (req.method) {
        case "echo":
          return send(ws, { jsonrpc: "2.0", id: req.id, result: req.params });
        case "fail":
          return send(ws, {
            jsonrpc: "2.0",
            id: req.id,
            error: { code: 1010, message: "Invalid Transaction" },
          });
        case "stall":
          return;
        case "garbage":
          return send(ws, "this is not json");
        case "sub_heads": {
          const id = `s${++subCounter}`;
          subscribers.set(id, ws);
          return send(ws, { jsonrpc: "2.0", id: req.id, result: id });
        }
        case "unsub_heads":
          subscribers.delete(req.params[0] as string);
          return send(ws, { jsonrpc: "2.0", id: req.id, result: true });
      }
    });
  });
});

afterAll(async () => {
  for (const c of wss.clients) c.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
});

function notifyAll(n: number): void {
  for (const [id, ws] of subscribers) {
    if (ws.readyState === ws.OPEN) {
      send(ws, { jsonrpc: "2.0", method: "heads", params: { subscription: id, result: { number: n } } });
    }
  }
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The error a promise rejects with; fails the test if it resolves. */
async function failure(promise: Promise<unknown>): Promise<Error & { code?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: number };
  }
  throw new Error("expected the call to fail");
}

const fast = { backoffMs: 5, maxBackoffMs: 40, heartbeatMs: 0 };

describe("WsRpcClient", () => {
  it("calls and pipelines a batch, with RPC errors per call", async () => {
    const client = new WsRpcClient(url, fast);
    await expect(client.call("echo", [1])).resolves.toEqual([1]);
    const results = await client.batch([
      { method: "echo", params: ["a"] },
      { method: "fail", params: [] },
      { method: "echo", params: ["b"] },
    ]);
    expect(results[0]).toEqual({ ok: true, result: ["a"] });
    expect(results[1]?.ok).toBe(false);
    if (results[1] && !results[1].ok) expect(results[1].error).toBeInstanceOf(RpcError);
    expect(results[2]).toEqual({ ok: true, result: ["b"] });
    await client.close();
  });

  it("times out a stalled call and drops the wedged socket", async () => {
    const client = new WsRpcClient(url, { ...fast, timeoutMs: 150, retries: 0 });
    expect(await failure(client.call("stall"))).toBeInstanceOf(RpcTimeoutError);
    await expect(client.call("echo", [2])).resolves.toEqual([2]);
    expect(client.connects).toBe(2);
    await client.close();
  });

  it("rejects garbage on the socket with RpcProtocolError and recovers on a new socket", async () => {
    const client = new WsRpcClient(url, { ...fast, retries: 0 });
    const error = await failure(client.call("garbage"));
    expect(error).toBeInstanceOf(RpcProtocolError);
    expect(error.message).toContain("not JSON");
    await expect(client.call("echo", [3])).resolves.toEqual([3]);
    await client.close();
  });

  it("reports an unreachable endpoint as a transport error", async () => {
    const client = new WsRpcClient("ws://127.0.0.1:1", { ...fast, retries: 1 });
    expect(await failure(client.call("echo"))).toBeInstanceOf(RpcTransportError);
    await client.close();
  });

  it("reconnects with backoff after the server drops it and resubscribes", async () => {
    const client = new WsRpcClient(url, fast);
    const seen: number[] = [];
    let resubscribed = 0;
    const sub = await client.subscribe<{ number: number }>(
      { method: "sub_heads", unsubscribeMethod: "unsub_heads" },
      { onData: (h) => seen.push(h.number), onResubscribed: () => resubscribed++ },
    );
    notifyAll(1);
    await until(() => seen.length === 1);

    for (const ws of wss.clients) ws.terminate();
    await until(() => resubscribed === 1);
    expect(client.connects).toBe(2);
    notifyAll(2);
    await until(() => seen.length === 2);
    expect(seen).toEqual([1, 2]);

    await sub.unsubscribe();
    notifyAll(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([1, 2]);
    await client.close();
  });
});
