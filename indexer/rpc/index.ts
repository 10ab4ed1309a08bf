import { HttpRpcClient } from "./http";
import type { RpcClient, RpcClientOptions } from "./types";
import { WsRpcClient, type WsRpcClientOptions } from "./ws";

export * from "./errors";
export { HTTP_DEFAULTS, HttpRpcClient } from "./http";
export type * from "./types";
export { unwrapBatch } from "./types";
export { WS_DEFAULTS, WsRpcClient, type WsRpcClientOptions } from "./ws";

/** The URL scheme decides the transport: `http(s)://` → HTTP, `ws(s)://` → WebSocket. */
export function createRpcClient(url: string, opts: WsRpcClientOptions = {}): RpcClient {
  const scheme = new URL(url).protocol;
  if (scheme === "http:" || scheme === "https:") return new HttpRpcClient(url, opts);
  if (scheme === "ws:" || scheme === "wss:") return new WsRpcClient(url, opts);
  throw new Error(`unsupported RPC URL scheme ${scheme} in ${url} (use http(s):// or ws(s)://)`);
}

export interface RpcClientPair {
  /** Bulk reads (backfill): HTTP when available, else the WebSocket. */
  fetch: RpcClient;
  /** Head subscriptions: always a WebSocket, or null if only HTTP was given. */
  follow: RpcClient | null;
  close(): Promise<void>;
}

/**
 * Builds the clients an indexer needs. Given a ws URL, HTTP is used for bulk reads only when
 * `httpUrl` is passed: the same host may not serve HTTP on that port, so it is never guessed.
 */
export function createRpcClients(
  url: string,
  opts: WsRpcClientOptions & { httpUrl?: string } = {},
): RpcClientPair {
  const primary = createRpcClient(url, opts);
  if (primary.transport === "http") {
    return { fetch: primary, follow: null, close: () => primary.close() };
  }
  const http = opts.httpUrl ? new HttpRpcClient(opts.httpUrl, opts) : null;
  return {
    fetch: http ?? primary,
    follow: primary,
    close: async () => {
      await Promise.all([primary.close(), http?.close()]);
    },
  };
}

export {
  normaliseParamsKey,
  type RecordedReply,
  type Recording,
  type ReplayOptions,
  ReplayRpcClient,
} from "./replay";
export type { RpcClientOptions };
