import { DEFAULT_RETRY, Semaphore } from "./backoff";
import { RpcClosedError, RpcError, RpcProtocolError, RpcTimeoutError, RpcTransportError } from "./errors";
import { type JsonRpcReply, makeRequest, parseJson, parseReply, replyToRpcError } from "./jsonrpc";
import { withRetry } from "./retry";
import type {
  RetryOptions,
  RpcBatchResult,
  RpcCall,
  RpcClient,
  RpcClientOptions,
  RpcParams,
  SubscribeRequest,
  Subscription,
  SubscriptionHandlers,
} from "./types";

export const HTTP_DEFAULTS = { timeoutMs: 30_000, batchSize: 64, concurrency: 16 } as const;

/**
 * JSON-RPC over plain HTTP POST. Backfill runs on this transport: peers measured WebSocket clients
 * wedging silently while the same calls over HTTP with many requests in flight kept flowing.
 */
export class HttpRpcClient implements RpcClient {
  readonly transport = "http" as const;
  readonly url: string;
  readonly #timeoutMs: number;
  readonly #batchSize: number;
  readonly #retry: RetryOptions;
  readonly #gate: Semaphore;
  readonly #inflight = new Set<AbortController>();
  #nextId = 1;
  #closed = false;

  constructor(url: string, opts: RpcClientOptions = {}) {
    this.url = url;
    this.#timeoutMs = opts.timeoutMs ?? HTTP_DEFAULTS.timeoutMs;
    this.#batchSize = opts.batchSize ?? HTTP_DEFAULTS.batchSize;
    this.#gate = new Semaphore(opts.concurrency ?? HTTP_DEFAULTS.concurrency);
    this.#retry = {
      retries: opts.retries ?? DEFAULT_RETRY.retries,
      backoffMs: opts.backoffMs ?? DEFAULT_RETRY.backoffMs,
      maxBackoffMs: opts.maxBackoffMs ?? DEFAULT_RETRY.maxBackoffMs,
    };
  }

  async call<T = unknown>(method: string, params: RpcParams = []): Promise<T> {
    const reply = await withRetry(
      method,
      this.#retry,
      () =>
        this.#gate.run(async () => {
          const id = this.#nextId++;
          const body = await this.#post(method, makeRequest(id, { method, params }));
          if (Array.isArray(body)) throw new RpcProtocolError(method, "got a batch reply to a single call");
          const reply = parseReply(body, method);
          if (reply.id !== id) throw new RpcProtocolError(method, `reply id ${reply.id} ≠ request id ${id}`);
          return reply;
        }),
      () => this.#closed,
    );
    const error = replyToRpcError(method, reply);
    if (error) throw error;
    return (reply as { result: T }).result;
  }

  async batch<T = unknown>(calls: readonly RpcCall[]): Promise<RpcBatchResult<T>[]> {
    const chunks: RpcCall[][] = [];
    for (let i = 0; i < calls.length; i += this.#batchSize) chunks.push(calls.slice(i, i + this.#batchSize));
    const parts = await Promise.all(chunks.map((chunk) => this.#batchChunk<T>(chunk)));
    return parts.flat();
  }

  async #batchChunk<T>(chunk: RpcCall[]): Promise<RpcBatchResult<T>[]> {
    const label = `batch[${chunk.length}] ${chunk[0]?.method ?? ""}`;
    return withRetry(
      label,
      this.#retry,
      () =>
        this.#gate.run(async () => {
          const firstId = this.#nextId;
          this.#nextId += chunk.length;
          const requests = chunk.map((call, i) => makeRequest(firstId + i, call));
          const body = await this.#post(label, requests);
          if (!Array.isArray(body)) {
            // A server that refuses the whole batch answers with one error object.
            const reply = parseReply(body, label);
            const error = replyToRpcError(label, reply);
            throw error ?? new RpcProtocolError(label, "expected an array reply to a batch");
          }
          if (body.length !== chunk.length) {
            throw new RpcProtocolError(label, `${body.length} replies for ${chunk.length} calls`);
          }
          const byId = new Map<number, JsonRpcReply>();
          for (const item of body) {
            const reply = parseReply(item, label);
            const index = reply.id - firstId;
            if (index < 0 || index >= chunk.length || byId.has(reply.id)) {
              throw new RpcProtocolError(label, `unexpected or duplicate reply id ${reply.id}`);
            }
            byId.set(reply.id, reply);
          }
          return chunk.map((call, i): RpcBatchResult<T> => {
            const reply = byId.get(firstId + i)!;
            const error = replyToRpcError(call.method, reply);
            return error ? { ok: false, error } : { ok: true, result: (reply as { result: T }).result };
          });
        }),
      () => this.#closed,
    );
  }

  /** One POST with a hard deadline covering connect, headers and the whole body. */
  async #post(label: string, payload: unknown): Promise<unknown> {
    if (this.#closed) throw new RpcClosedError(label);
    const controller = new AbortController();
    this.#inflight.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    try {
      let text: string;
      try {
        const response = await fetch(this.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(payload),
          signal: controller.signal,
        });
        text = await response.text();
        if (response.status !== 200) {
          // Substrate answers RPC-level errors with 200; anything else is the server or a proxy failing.
          throw new RpcTransportError(label, `HTTP ${response.status}: ${text.slice(0, 120)}`);
        }
      } catch (cause) {
        if (cause instanceof RpcTransportError) throw cause;
        if (timedOut) throw new RpcTimeoutError(label, this.#timeoutMs);
        if (this.#closed) throw new RpcClosedError(label);
        throw new RpcTransportError(label, describeFetchError(cause), { cause });
      }
      return parseJson(text, label);
    } finally {
      clearTimeout(timer);
      this.#inflight.delete(controller);
    }
  }

  subscribe(_request: SubscribeRequest, _handlers: SubscriptionHandlers<unknown>): Promise<Subscription> {
    return Promise.reject(
      new RpcError("subscribe", -32601, "subscriptions need a WebSocket endpoint (ws:// or wss://)"),
    );
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const controller of this.#inflight) controller.abort();
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const detail =
      cause instanceof Error ? `${cause.message}${"code" in cause ? ` (${cause.code})` : ""}` : "";
    return detail ? `${error.message}: ${detail}` : error.message;
  }
  return String(error);
}
