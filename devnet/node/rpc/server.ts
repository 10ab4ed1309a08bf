// JSON-RPC 2.0 transport: HTTP POST and WebSocket on one port, batches, standard error codes. A malformed
// message gets an error reply and never closes the connection.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { invalidRequest, methodNotFound, parseError, RpcError } from "./errors";
import type { Conn, Handler } from "./methods";

const MAX_BODY = 15 * 1024 * 1024;

type Id = string | number | null;

function errorReply(id: Id, e: RpcError) {
  return { jsonrpc: "2.0", error: e.toJSON(), id };
}

function isValidId(id: unknown): id is Id {
  return id === null || typeof id === "string" || (typeof id === "number" && Number.isFinite(id));
}

export class RpcServer {
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly conns = new Set<Conn>();

  constructor(
    private readonly methods: Record<string, Handler>,
    private readonly onError: (e: unknown) => void = () => {},
  ) {
    this.http = createServer((req, res) => this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.http, maxPayload: MAX_BODY });
    this.wss.on("connection", (socket) => {
      const conn: Conn = {
        ws: true,
        subs: new Map(),
        send: (msg) => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg));
        },
      };
      this.conns.add(conn);
      socket.on("message", (data) => {
        const reply = this.handleText(data.toString(), conn);
        if (reply !== undefined) conn.send(reply);
      });
      socket.on("close", () => {
        for (const stop of conn.subs.values()) stop();
        conn.subs.clear();
        this.conns.delete(conn);
      });
      socket.on("error", () => socket.terminate());
    });
  }

  listen(port: number, host = "127.0.0.1"): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once("error", reject);
      this.http.listen(port, host, () => resolve((this.http.address() as AddressInfo).port));
    });
  }

  close(): Promise<void> {
    for (const c of this.conns) for (const stop of c.subs.values()) stop();
    for (const client of this.wss.clients) client.terminate();
    return new Promise((resolve) => {
      this.wss.close(() => {
        this.http.closeAllConnections();
        this.http.close(() => resolve());
      });
    });
  }

  private onHttp(req: IncomingMessage, res: ServerResponse): void {
    // Like a node started with --rpc-cors all: browser tools may call the HTTP endpoint directly.
    res.setHeader("access-control-allow-origin", "*");
    if (req.method === "OPTIONS") {
      res
        .writeHead(204, {
          "access-control-allow-methods": "POST, OPTIONS",
          "access-control-allow-headers": "content-type",
        })
        .end();
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { "content-type": "text/plain", allow: "POST" }).end("Method Not Allowed");
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      if (res.writableEnded) return;
      const conn: Conn = { ws: false, subs: new Map(), send: () => {} };
      const reply = this.handleText(Buffer.concat(chunks).toString("utf8"), conn);
      const body = reply === undefined ? "" : JSON.stringify(reply);
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(body);
    });
  }

  /** One text frame / HTTP body in, one reply (object or array) out, or nothing for notifications only. */
  handleText(text: string, conn: Conn): unknown {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return errorReply(null, parseError());
    }
    if (Array.isArray(msg)) {
      if (msg.length === 0) return errorReply(null, invalidRequest());
      const replies = msg.map((m) => this.handleOne(m, conn)).filter((r) => r !== undefined);
      return replies.length > 0 ? replies : undefined;
    }
    return this.handleOne(msg, conn);
  }

  private handleOne(req: unknown, conn: Conn): unknown {
    if (typeof req !== "object" || req === null || Array.isArray(req))
      return errorReply(null, invalidRequest());
    const r = req as Record<string, unknown>;
    const hasId = "id" in r;
    const id: Id = hasId && isValidId(r.id) ? r.id : null;
    if (r.jsonrpc !== "2.0" || typeof r.method !== "string" || (hasId && !isValidId(r.id)))
      return errorReply(id, invalidRequest());
    const params = r.params;
    if (params !== undefined && params !== null && typeof params !== "object")
      return errorReply(id, invalidRequest());
    if (params !== undefined && params !== null && !Array.isArray(params))
      return errorReply(id, new RpcError(-32602, "Invalid params", "named parameters are not supported"));
    const handler = this.methods[r.method];
    if (!handler) return hasId ? errorReply(id, methodNotFound()) : undefined;
    let result: unknown;
    try {
      result = handler((params as unknown[] | undefined) ?? [], conn);
    } catch (e) {
      if (!hasId) return undefined;
      if (e instanceof RpcError) return errorReply(id, e);
      this.onError(e);
      return errorReply(id, new RpcError(-32603, "Internal error", (e as Error).message));
    }
    if (!hasId) return undefined;
    return { jsonrpc: "2.0", result: result === undefined ? null : result, id };
  }
}
