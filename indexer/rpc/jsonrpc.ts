import { RpcError, RpcProtocolError } from "./errors";
import type { RpcCall } from "./types";

export interface JsonRpcRequest {
  jsonrpc: "2.0";
  id: number;
  method: string;
  params: readonly unknown[];
}

export type JsonRpcReply =
  | { id: number; result: unknown }
  | { id: number; error: { code: number; message: string; data?: unknown } };

export function makeRequest(id: number, call: RpcCall): JsonRpcRequest {
  return { jsonrpc: "2.0", id, method: call.method, params: call.params };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks one reply object against JSON-RPC 2.0. Anything that is not exactly a result or an error for a
 * numeric id is rejected: a silently accepted garbage reply would be stored as chain data.
 */
export function parseReply(value: unknown, method: string): JsonRpcReply {
  if (!isRecord(value)) throw new RpcProtocolError(method, `expected an object, got ${describe(value)}`);
  if (value.jsonrpc !== "2.0") throw new RpcProtocolError(method, `"jsonrpc" is ${describe(value.jsonrpc)}`);
  if (typeof value.id !== "number") throw new RpcProtocolError(method, `"id" is ${describe(value.id)}`);
  const hasResult = "result" in value;
  const hasError = "error" in value;
  if (hasResult === hasError)
    throw new RpcProtocolError(method, "reply must have exactly one of result/error");
  if (hasError) {
    const err = value.error;
    if (!isRecord(err) || typeof err.code !== "number" || typeof err.message !== "string") {
      throw new RpcProtocolError(method, `malformed error object ${describe(err)}`);
    }
    return { id: value.id, error: { code: err.code, message: err.message, data: err.data } };
  }
  return { id: value.id, result: value.result };
}

export function replyToRpcError(method: string, reply: JsonRpcReply): RpcError | null {
  return "error" in reply
    ? new RpcError(method, reply.error.code, reply.error.message, reply.error.data)
    : null;
}

export function parseJson(text: string, method: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new RpcProtocolError(method, `not JSON: ${JSON.stringify(text.slice(0, 80))}`, { cause });
  }
}

function describe(value: unknown): string {
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
