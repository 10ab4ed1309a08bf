/**
 * Typed failures of a JSON-RPC call. Callers branch on `kind`: only transport, timeout and protocol
 * failures are worth retrying; an RPC error is the node's deliberate answer and is returned as is.
 */
export type RpcFailureKind = "rpc" | "transport" | "timeout" | "protocol" | "closed";

export abstract class RpcFailure extends Error {
  abstract readonly kind: RpcFailureKind;
  /** Method of the call (or `batch[n]`) that failed, for logs. */
  readonly method: string;

  constructor(method: string, message: string, options?: { cause?: unknown }) {
    super(`${method}: ${message}`, options);
    this.method = method;
  }

  get retryable(): boolean {
    return this.kind === "transport" || this.kind === "timeout" || this.kind === "protocol";
  }
}

/** The node answered with a JSON-RPC `error` object. */
export class RpcError extends RpcFailure {
  readonly kind = "rpc" as const;
  readonly code: number;
  readonly data: unknown;

  constructor(method: string, code: number, message: string, data?: unknown) {
    super(method, `RPC error ${code}: ${message}`);
    this.name = "RpcError";
    this.code = code;
    this.data = data;
  }
}

/** Connection refused, reset or dropped, HTTP status other than 200, socket closed mid-call. */
export class RpcTransportError extends RpcFailure {
  readonly kind = "transport" as const;
  constructor(method: string, message: string, options?: { cause?: unknown }) {
    super(method, `transport failure: ${message}`, options);
    this.name = "RpcTransportError";
  }
}

/** No complete answer within the hard per-call deadline. */
export class RpcTimeoutError extends RpcFailure {
  readonly kind = "timeout" as const;
  readonly timeoutMs: number;
  constructor(method: string, timeoutMs: number) {
    super(method, `no reply within ${timeoutMs} ms`);
    this.name = "RpcTimeoutError";
    this.timeoutMs = timeoutMs;
  }
}

/** The reply is not valid JSON-RPC 2.0 (not JSON, wrong envelope, unknown or missing id). */
export class RpcProtocolError extends RpcFailure {
  readonly kind = "protocol" as const;
  constructor(method: string, message: string, options?: { cause?: unknown }) {
    super(method, `invalid JSON-RPC reply: ${message}`, options);
    this.name = "RpcProtocolError";
  }
}

/** The client was closed by its owner; never retried. */
export class RpcClosedError extends RpcFailure {
  readonly kind = "closed" as const;
  constructor(method: string) {
    super(method, "client is closed");
    this.name = "RpcClosedError";
  }
}

export function isRpcFailure(error: unknown): error is RpcFailure {
  return error instanceof RpcFailure;
}
