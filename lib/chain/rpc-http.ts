// A single JSON-RPC request over HTTP with a hard timeout: enough for the health check. The indexer has its
// own batched, reconnecting client (indexer/rpc); this one must stay dependency-free for the web server.

export class RpcCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RpcCallError";
  }
}

/** Substrate nodes serve HTTP and WebSocket on one port, so ws(s):// maps to http(s):// for one-off calls. */
export function httpUrlOf(url: string): string {
  return url.replace(/^ws(s?):\/\//, "http$1://");
}

export async function rpcCall<T>(
  url: string,
  method: string,
  params: unknown[] = [],
  timeoutMs = 3000,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(httpUrlOf(url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
  } catch (e) {
    const err = e as Error;
    throw new RpcCallError(
      err.name === "TimeoutError" ? `${method} timed out after ${timeoutMs} ms` : `${method}: ${err.message}`,
    );
  }
  if (!response.ok) throw new RpcCallError(`${method}: HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new RpcCallError(`${method}: reply is not JSON`);
  }
  const reply = body as { result?: T; error?: { message?: string } };
  if (reply && typeof reply === "object" && "error" in reply && reply.error) {
    throw new RpcCallError(`${method}: ${reply.error.message ?? "RPC error"}`);
  }
  if (!reply || typeof reply !== "object" || !("result" in reply))
    throw new RpcCallError(`${method}: not a JSON-RPC reply`);
  return reply.result as T;
}
