// Test helpers: runtimes built on the real Finney metadata fixture (see finneyMetadata.ts) and a raw
// JSON-RPC client. Only tests import this folder.
import WebSocket from "ws";
import { buildMetadata } from "../../metadata";
import { type ComposedRuntime, composeRuntime } from "../runtime/compose";
import { loadFinneyMetadata } from "./finneyMetadata";

const cache = new Map<number, ComposedRuntime | undefined>();

/** A composed runtime over Finney's spec-393 shapes, reporting `specVersion`; undefined without the fixture. */
export function finneyRuntime(specVersion = 393): ComposedRuntime | undefined {
  if (!cache.has(specVersion)) {
    const metadata = loadFinneyMetadata(specVersion);
    cache.set(specVersion, metadata && composeRuntime({ metadata, specVersion }));
  }
  return cache.get(specVersion);
}

const built = new Map<number, ComposedRuntime>();

/** The product runtime path: our own metadata (devnet/metadata) with the base pallets. */
export function builtRuntime(specVersion = 393): ComposedRuntime {
  let r = built.get(specVersion);
  if (!r) {
    r = composeRuntime({ metadata: buildMetadata({ specVersion }), specVersion });
    built.set(specVersion, r);
  }
  return r;
}

export const FIXTURE_MISSING = "../shared/fixtures/finney is absent: skipping devnet node tests";

export async function httpRpc(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return res.json();
}

/** A WebSocket client that sends raw text frames and collects replies and notifications. */
export class RawWs {
  private readonly socket: WebSocket;
  readonly messages: unknown[] = [];
  private waiters: Array<() => void> = [];

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on("message", (d) => {
      this.messages.push(JSON.parse(d.toString()));
      const w = this.waiters;
      this.waiters = [];
      for (const f of w) f();
    });
  }

  static open(url: string): Promise<RawWs> {
    return new Promise((resolve, reject) => {
      const s = new WebSocket(url);
      s.once("open", () => resolve(new RawWs(s)));
      s.once("error", reject);
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  sendRaw(text: string): void {
    this.socket.send(text);
  }

  /** Waits for the first message (from now on, or already received) that satisfies `pred`. */
  async waitFor(pred: (m: unknown) => boolean, timeoutMs = 5_000): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.messages.findIndex(pred);
      if (i >= 0) return this.messages.splice(i, 1)[0];
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("timed out waiting for a websocket message");
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  private nextId = 1;
  async call(
    method: string,
    params: unknown[] = [],
  ): Promise<{ result?: unknown; error?: { code: number; message: string; data?: unknown } }> {
    const id = this.nextId++;
    this.sendRaw(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    return (await this.waitFor((m) => (m as { id?: unknown }).id === id)) as {
      result?: unknown;
      error?: { code: number; message: string };
    };
  }

  close(): void {
    this.socket.close();
  }
}
