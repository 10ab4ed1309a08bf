import type { RpcError } from "./errors";

export type RpcParams = readonly unknown[];

export interface RpcCall {
  method: string;
  params: RpcParams;
}

/** One entry per call of a batch, in call order. RPC errors are per call; transport failures reject the whole batch. */
export type RpcBatchResult<T = unknown> = { ok: true; result: T } | { ok: false; error: RpcError };

export interface SubscriptionHandlers<T> {
  onData: (data: T) => void;
  /** The subscription died for good (client closed, resubscribe failed past the retry budget). */
  onError?: (error: Error) => void;
  /**
   * The transport reconnected and the subscription was re-established. Notifications sent while the
   * socket was down are lost for good: the owner must catch up from its own saved cursor.
   */
  onResubscribed?: () => void;
}

export interface SubscribeRequest {
  /** e.g. `chain_subscribeFinalizedHeads`. */
  method: string;
  params?: RpcParams;
  /** e.g. `chain_unsubscribeFinalizedHeads`. */
  unsubscribeMethod: string;
}

export interface Subscription {
  unsubscribe(): Promise<void>;
}

export interface RpcClient {
  /** Which transport this client speaks; useful in logs and metrics. */
  readonly transport: "http" | "ws";
  call<T = unknown>(method: string, params?: RpcParams): Promise<T>;
  batch<T = unknown>(calls: readonly RpcCall[]): Promise<RpcBatchResult<T>[]>;
  subscribe<T = unknown>(request: SubscribeRequest, handlers: SubscriptionHandlers<T>): Promise<Subscription>;
  close(): Promise<void>;
}

export interface RetryOptions {
  /** Extra attempts after the first for retryable failures (transport, timeout, garbage). */
  retries: number;
  /** First backoff delay; doubles per attempt, with jitter, up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

export interface RpcClientOptions extends Partial<RetryOptions> {
  /** Hard deadline per request (one HTTP request or one WS call), in ms. */
  timeoutMs?: number;
  /** Calls per HTTP batch request. */
  batchSize?: number;
  /** Requests in flight at once. */
  concurrency?: number;
}

/** Unwraps batch results, throwing the first RPC error. */
export function unwrapBatch<T>(results: readonly RpcBatchResult<T>[]): T[] {
  return results.map((r) => {
    if (!r.ok) throw r.error;
    return r.result;
  });
}
