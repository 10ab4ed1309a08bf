import WebSocket from "ws";
import { backoffDelay, DEFAULT_RETRY, Semaphore } from "./backoff";
import { RpcClosedError, RpcError, RpcProtocolError, RpcTimeoutError, RpcTransportError } from "./errors";
import { makeRequest, parseJson, parseReply, replyToRpcError } from "./jsonrpc";
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

export interface WsRpcClientOptions extends RpcClientOptions {
  /** Ping interval; a socket that misses one pong is dropped and reopened (catches wedged sockets). */
  heartbeatMs?: number;
  /**
   * Drop and reopen the socket when a call times out. On by default: a node that accepts a request and
   * never answers stalls every other call on the same socket.
   */
  dropOnTimeout?: boolean;
}

export const WS_DEFAULTS = { timeoutMs: 30_000, concurrency: 32, heartbeatMs: 30_000 } as const;

interface Pending {
  method: string;
  onReply: (reply: ReturnType<typeof parseReply>) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface ActiveSubscription {
  request: SubscribeRequest;
  handlers: SubscriptionHandlers<unknown>;
  serverId: string | number | null;
}

/**
 * JSON-RPC over one WebSocket, used to follow heads and for endpoints without HTTP. Reconnects with
 * exponential backoff; subscriptions are re-established after a reconnect and their owners told, since
 * notifications sent while the socket was down are never replayed.
 */
export class WsRpcClient implements RpcClient {
  readonly transport = "ws" as const;
  readonly url: string;
  readonly #timeoutMs: number;
  readonly #retry: RetryOptions;
  readonly #gate: Semaphore;
  readonly #heartbeatMs: number;
  readonly #dropOnTimeout: boolean;
  readonly #pending = new Map<number, Pending>();
  readonly #subs = new Set<ActiveSubscription>();
  #socket: WebSocket | null = null;
  #opening: Promise<WebSocket> | null = null;
  #reconnectAttempt = 0;
  #reconnectTimer: NodeJS.Timeout | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  #nextId = 1;
  #closed = false;
  /** Number of times a socket was (re)opened; exposed for metrics and tests. */
  connects = 0;

  constructor(url: string, opts: WsRpcClientOptions = {}) {
    this.url = url;
    this.#timeoutMs = opts.timeoutMs ?? WS_DEFAULTS.timeoutMs;
    this.#gate = new Semaphore(opts.concurrency ?? WS_DEFAULTS.concurrency);
    this.#heartbeatMs = opts.heartbeatMs ?? WS_DEFAULTS.heartbeatMs;
    this.#dropOnTimeout = opts.dropOnTimeout ?? true;
    this.#retry = {
      retries: opts.retries ?? DEFAULT_RETRY.retries,
      backoffMs: opts.backoffMs ?? DEFAULT_RETRY.backoffMs,
      maxBackoffMs: opts.maxBackoffMs ?? DEFAULT_RETRY.maxBackoffMs,
    };
  }

  call<T = unknown>(method: string, params: RpcParams = []): Promise<T> {
    return withRetry(
      method,
      this.#retry,
      () => this.#gate.run(() => this.#send<T>(method, params)),
      () => this.#closed,
    );
  }

  /** Calls are pipelined one request each (not a JSON batch) so one slow call cannot hold the others. */
  async batch<T = unknown>(calls: readonly RpcCall[]): Promise<RpcBatchResult<T>[]> {
    return Promise.all(
      calls.map(async (c): Promise<RpcBatchResult<T>> => {
        try {
          return { ok: true, result: await this.call<T>(c.method, c.params) };
        } catch (error) {
          if (error instanceof RpcError) return { ok: false, error };
          throw error;
        }
      }),
    );
  }

  async subscribe<T = unknown>(
    request: SubscribeRequest,
    handlers: SubscriptionHandlers<T>,
  ): Promise<Subscription> {
    const sub: ActiveSubscription = {
      request,
      handlers: handlers as SubscriptionHandlers<unknown>,
      serverId: null,
    };
    await this.call(request.method, request.params ?? []).then((id) => this.#bind(sub, id));
    this.#subs.add(sub);
    return {
      unsubscribe: async () => {
        if (!this.#subs.delete(sub)) return;
        const id = sub.serverId;
        sub.serverId = null;
        if (id !== null && this.#socket?.readyState === WebSocket.OPEN) {
          await this.call(request.unsubscribeMethod, [id]).catch(() => undefined);
        }
      },
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#reconnectTimer) clearTimeout(this.#reconnectTimer);
    this.#stopHeartbeat();
    this.#failPending((p) => new RpcClosedError(p.method));
    for (const sub of this.#subs) sub.handlers.onError?.(new RpcClosedError(sub.request.method));
    this.#subs.clear();
    const socket = this.#socket;
    this.#socket = null;
    if (socket && socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        socket.once("close", () => resolve());
        socket.terminate();
      });
    }
  }

  #bind(sub: ActiveSubscription, id: unknown): void {
    if (typeof id !== "string" && typeof id !== "number") {
      throw new RpcProtocolError(sub.request.method, `subscription id is ${JSON.stringify(id)}`);
    }
    sub.serverId = id;
  }

  async #send<T>(method: string, params: RpcParams): Promise<T> {
    const deadline = Date.now() + this.#timeoutMs;
    const socket = await this.#open(method, deadline);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.#pending.delete(id);
          reject(new RpcTimeoutError(method, this.#timeoutMs));
          if (this.#dropOnTimeout && this.#socket === socket) socket.terminate();
        },
        Math.max(1, deadline - Date.now()),
      );
      this.#pending.set(id, {
        method,
        timer,
        reject,
        onReply: (reply) => {
          const error = replyToRpcError(method, reply);
          if (error) reject(error);
          else resolve((reply as { result: T }).result);
        },
      });
      socket.send(JSON.stringify(makeRequest(id, { method, params })), (err) => {
        if (!err) return;
        const pending = this.#pending.get(id);
        if (!pending) return;
        clearTimeout(pending.timer);
        this.#pending.delete(id);
        reject(new RpcTransportError(method, `send failed: ${err.message}`, { cause: err }));
      });
    });
  }

  /** The open socket, opening one if needed; bounded by the caller's deadline. */
  async #open(method: string, deadline: number): Promise<WebSocket> {
    if (this.#closed) throw new RpcClosedError(method);
    if (this.#socket?.readyState === WebSocket.OPEN) return this.#socket;
    if (!this.#opening) this.#opening = this.#connect();
    const opening = this.#opening;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new RpcTimeoutError(method, this.#timeoutMs)),
        Math.max(1, deadline - Date.now()),
      );
    });
    try {
      return await Promise.race([opening, timeout]);
    } catch (error) {
      if (error instanceof RpcTimeoutError || error instanceof RpcClosedError) throw error;
      throw new RpcTransportError(method, `cannot connect to ${this.url}: ${(error as Error).message}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  #connect(): Promise<WebSocket> {
    return new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(this.url, {
        handshakeTimeout: this.#timeoutMs,
        maxPayload: 512 * 1024 * 1024,
      });
      let opened = false;
      socket.on("open", () => {
        opened = true;
        this.#opening = null;
        if (this.#closed) {
          socket.terminate();
          reject(new RpcClosedError("connect"));
          return;
        }
        this.#socket = socket;
        this.connects++;
        this.#reconnectAttempt = 0;
        this.#startHeartbeat(socket);
        resolve(socket);
        if (this.connects > 1) void this.#resubscribeAll();
      });
      socket.on("message", (data) => this.#onMessage(socket, data.toString()));
      socket.on("pong", () => {
        (socket as WebSocket & { alive?: boolean }).alive = true;
      });
      socket.on("error", (err) => {
        if (!opened) {
          this.#opening = null;
          reject(err);
          this.#scheduleReconnect();
        }
      });
      socket.on("close", (code) => {
        if (!opened) {
          this.#opening = null;
          reject(new Error(`closed before open (code ${code})`));
          return;
        }
        this.#onClose(socket, code);
      });
    });
  }

  #onMessage(socket: WebSocket, text: string): void {
    let value: unknown;
    try {
      value = parseJson(text, "ws message");
      if (typeof value === "object" && value !== null && "method" in value && !("id" in value)) {
        this.#onNotification(value as Record<string, unknown>);
        return;
      }
      const reply = parseReply(value, "ws message");
      const pending = this.#pending.get(reply.id);
      if (!pending) {
        // Late replies to calls that already timed out are expected; ids we never issued are not.
        if (reply.id >= this.#nextId || reply.id < 1) {
          throw new RpcProtocolError("ws message", `reply for unknown id ${reply.id}`);
        }
        return;
      }
      clearTimeout(pending.timer);
      this.#pending.delete(reply.id);
      pending.onReply(reply);
    } catch (error) {
      // Garbage on the socket: nothing on it can be trusted any more, fail in-flight calls and reopen.
      const cause =
        error instanceof RpcProtocolError ? error : new RpcProtocolError("ws message", String(error));
      this.#failPending((p) => new RpcProtocolError(p.method, cause.message, { cause }));
      socket.terminate();
    }
  }

  #onNotification(message: Record<string, unknown>): void {
    const params = message.params as { subscription?: unknown; result?: unknown } | undefined;
    if (message.jsonrpc !== "2.0" || typeof params !== "object" || params === null) {
      throw new RpcProtocolError(
        "ws notification",
        `malformed notification ${JSON.stringify(message).slice(0, 80)}`,
      );
    }
    for (const sub of this.#subs) {
      if (sub.serverId !== null && sub.serverId === params.subscription) {
        sub.handlers.onData(params.result);
        return;
      }
    }
  }

  #onClose(socket: WebSocket, code: number): void {
    if (this.#socket !== socket) return;
    this.#socket = null;
    this.#stopHeartbeat();
    for (const sub of this.#subs) sub.serverId = null;
    this.#failPending((p) => new RpcTransportError(p.method, `socket closed (code ${code})`));
    this.#scheduleReconnect();
  }

  /** Reopen eagerly only when subscriptions need the socket; plain calls reopen it on demand. */
  #scheduleReconnect(): void {
    if (this.#closed || this.#subs.size === 0 || this.#reconnectTimer) return;
    const delay = backoffDelay(this.#reconnectAttempt++, this.#retry);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = null;
      if (this.#closed || this.#socket || this.#opening) return;
      this.#opening = this.#connect();
      this.#opening.catch(() => undefined);
    }, delay);
  }

  async #resubscribeAll(): Promise<void> {
    for (const sub of [...this.#subs]) {
      try {
        const id = await this.call(sub.request.method, sub.request.params ?? []);
        this.#bind(sub, id);
        sub.handlers.onResubscribed?.();
      } catch (error) {
        this.#subs.delete(sub);
        sub.handlers.onError?.(error as Error);
      }
    }
  }

  #failPending(makeError: (p: Pending) => Error): void {
    const all = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of all) {
      clearTimeout(p.timer);
      p.reject(makeError(p));
    }
  }

  #startHeartbeat(socket: WebSocket): void {
    this.#stopHeartbeat();
    if (this.#heartbeatMs <= 0) return;
    const s = socket as WebSocket & { alive?: boolean };
    s.alive = true;
    this.#heartbeat = setInterval(() => {
      if (!s.alive) {
        socket.terminate();
        return;
      }
      s.alive = false;
      socket.ping();
    }, this.#heartbeatMs);
    this.#heartbeat.unref();
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }
}
