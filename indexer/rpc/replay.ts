import { RpcError, RpcProtocolError } from "./errors";
import type {
  RpcBatchResult,
  RpcCall,
  RpcClient,
  RpcParams,
  SubscribeRequest,
  Subscription,
  SubscriptionHandlers,
} from "./types";

/** A recorded reply: `{ result }`, `{ error }`, or `{ __cycle__: [reply, …] }` served in turn. */
export type RecordedReply =
  | { result: unknown }
  | { error: { code: number; message: string; data?: unknown } }
  | { __cycle__: RecordedReply[] };

/** `{ method: { paramsJson: reply } }`, the layout of the Finney recordings in ../shared/fixtures/finney/rpc. */
export type Recording = Record<string, Record<string, RecordedReply>>;

/** Canonical form of a params key: recordings were written by Python's json.dumps (", " separators). */
export function normaliseParamsKey(key: string): string {
  return JSON.stringify(JSON.parse(key));
}

export interface ReplayOptions {
  /** Method renames, e.g. `{ state_getStorage: "state_getStorageAt" }` (the python-substrate name). */
  aliases?: Record<string, string>;
}

/**
 * An RpcClient that answers from recorded replies only, for tests and offline decoding. A call that was
 * not recorded fails with a clear error instead of inventing an answer.
 */
export class ReplayRpcClient implements RpcClient {
  readonly transport = "http" as const;
  readonly #replies = new Map<string, RecordedReply>();
  readonly #cycles = new Map<string, number>();
  readonly #aliases: Record<string, string>;
  /** Calls served, by method, for assertions such as "no runtime-version call per block". */
  readonly calls = new Map<string, number>();

  constructor(recordings: Recording | Recording[], opts: ReplayOptions = {}) {
    this.#aliases = opts.aliases ?? {};
    for (const recording of Array.isArray(recordings) ? recordings : [recordings]) {
      for (const [method, byParams] of Object.entries(recording)) {
        for (const [params, reply] of Object.entries(byParams)) {
          const key = `${method} ${normaliseParamsKey(params)}`;
          if (!this.#replies.has(key)) this.#replies.set(key, reply);
        }
      }
    }
  }

  /** Adds or replaces one reply (e.g. metadata read from a file). */
  record(method: string, params: RpcParams, reply: RecordedReply): void {
    this.#replies.set(`${method} ${JSON.stringify(params)}`, reply);
  }

  has(method: string, params: RpcParams): boolean {
    return this.#replies.has(`${this.#aliases[method] ?? method} ${JSON.stringify(params)}`);
  }

  async call<T = unknown>(method: string, params: RpcParams = []): Promise<T> {
    const name = this.#aliases[method] ?? method;
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    const key = `${name} ${JSON.stringify(params)}`;
    let reply = this.#replies.get(key);
    if (!reply)
      throw new RpcError(method, -32601, `no recorded reply for ${name}(${JSON.stringify(params)})`);
    if ("__cycle__" in reply) {
      const turn = this.#cycles.get(key) ?? 0;
      this.#cycles.set(key, turn + 1);
      reply = reply.__cycle__[turn % reply.__cycle__.length]!;
    }
    if ("error" in reply) throw new RpcError(method, reply.error.code, reply.error.message, reply.error.data);
    if ("result" in reply) return reply.result as T;
    throw new RpcProtocolError(method, "recorded reply has neither result nor error");
  }

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

  subscribe(_request: SubscribeRequest, _handlers: SubscriptionHandlers<unknown>): Promise<Subscription> {
    return Promise.reject(new RpcError("subscribe", -32601, "recordings hold no subscriptions"));
  }

  async close(): Promise<void> {}
}
