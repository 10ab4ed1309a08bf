// Substrate JSON-RPC methods over a Chain. Result shapes follow what a subtensor node serialises.
import { hexToU8a, isHex, u8aToHex } from "@polkadot/util";
import { blake2AsHex, decodeAddress } from "@polkadot/util-crypto";
import { AlreadyImported, type BlockRecord, type Chain, type TxStatus } from "../chain";
import { BadFormat, type checkExtrinsic, decodeExtrinsic } from "../extrinsic";
import { headerJson } from "../header";
import type { ComposedRuntime } from "../runtime/compose";
import { readAccount } from "../runtime/system";
import { type RuntimeVersionInfo, TransactionRejected } from "../types";
import {
  alreadyImported,
  badFormat,
  countTooLarge,
  invalidParams,
  invalidTransaction,
  methodNotFoundInRuntime,
  RpcError,
  unknownBlockApi,
  unknownBlockState,
} from "./errors";

export interface Conn {
  readonly ws: boolean;
  send(msg: unknown): void;
  readonly subs: Map<string, () => void>;
}

export type Handler = (params: unknown[], conn: Conn) => unknown;

export interface NodeInfo {
  chainName: string;
  nodeName: string;
  nodeVersion: string;
  properties: Record<string, unknown>;
  /** Produces `count` blocks on demand (dev_newBlock); returns the new best hash. */
  newBlocks(count: number): string;
}

const KEYS_PAGED_MAX = 1000;
const HASH_RE = /^0x[0-9a-fA-F]{64}$/;

function hexParam(v: unknown, name: string): string {
  if (typeof v !== "string" || !isHex(v) || v.length % 2 !== 0)
    throw invalidParams(`${name}: expected 0x-prefixed hex`);
  return v.toLowerCase();
}

function optHash(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string" || !HASH_RE.test(v))
    throw invalidParams("block hash: expected 0x-prefixed 32-byte hex");
  return v.toLowerCase();
}

function blockNumberParam(v: unknown): number {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 0xffffffff) return v;
  if (typeof v === "string" && /^0x[0-9a-fA-F]+$/.test(v)) return Number.parseInt(v, 16);
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  throw invalidParams("block number: expected an unsigned integer or hex string");
}

export function runtimeVersionJson(v: RuntimeVersionInfo) {
  return {
    specName: v.specName,
    implName: v.implName,
    authoringVersion: v.authoringVersion,
    specVersion: v.specVersion,
    implVersion: v.implVersion,
    apis: v.apis,
    transactionVersion: v.transactionVersion,
    systemVersion: v.systemVersion,
    stateVersion: v.stateVersion,
  };
}

function txStatusJson(s: TxStatus): unknown {
  return s;
}

/** Wraps a chain event listener so a failure is logged instead of breaking block production. */
function safe<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (e) {
      console.error("subscription listener failed:", e);
    }
  };
}

let subCounter = 0;
function newSubId(): string {
  subCounter += 1;
  return `${Date.now().toString(36)}${subCounter.toString(36).padStart(6, "0")}`;
}

export function createMethods(chain: Chain, info: NodeInfo): Record<string, Handler> {
  const stateAt = (v: unknown): BlockRecord => {
    const h = optHash(v);
    if (h === undefined) return chain.best;
    const b = chain.blockByHash(h);
    if (!b) throw unknownBlockState(h);
    return b;
  };
  const apiAt = (v: unknown): BlockRecord => {
    const h = optHash(v);
    if (h === undefined) return chain.best;
    const b = chain.blockByHash(h);
    if (!b) throw unknownBlockApi(h);
    return b;
  };
  const runtimeAt = (b: BlockRecord): ComposedRuntime => chain.runtimeOfState(chain.reader(b));
  const blockJson = (b: BlockRecord) => ({
    block: { header: headerJson(b.header), extrinsics: b.extrinsics.map((x) => u8aToHex(x)) },
    justifications: null,
  });

  function subscribe(
    conn: Conn,
    notifyMethod: string,
    attach: (notify: (result: unknown) => void) => () => void,
  ): string {
    if (!conn.ws) throw new RpcError(-32601, "Method not found");
    const id = newSubId();
    // Runs inside chain events (block production): a failing notification must never break the chain.
    const notify = (result: unknown) => {
      try {
        conn.send({ jsonrpc: "2.0", method: notifyMethod, params: { subscription: id, result } });
      } catch (e) {
        console.error(`subscription ${notifyMethod} failed:`, e);
      }
    };
    conn.subs.set(id, attach(notify));
    return id;
  }
  const unsubscribe: Handler = (params, conn) => {
    const id = params[0];
    if (typeof id !== "string" && typeof id !== "number") throw invalidParams("subscription id");
    const stop = conn.subs.get(String(id));
    if (!stop) return false;
    stop();
    conn.subs.delete(String(id));
    return true;
  };

  const headsSub =
    (kind: "new" | "finalized" | "all") =>
    (notify: (r: unknown) => void): (() => void) => {
      const initial = kind === "finalized" ? chain.finalized : chain.best;
      setImmediate(() => notify(headerJson(initial.header)));
      if (kind === "finalized") {
        const on = (b: BlockRecord) => notify(headerJson(b.header));
        chain.on("finalized", on);
        return () => chain.off("finalized", on);
      }
      const on = (b: BlockRecord, o: { best: boolean }) => {
        if (kind === "all" || o.best) notify(headerJson(b.header));
      };
      chain.on("block", on);
      return () => chain.off("block", on);
    };

  const getBlockHash: Handler = (params) => {
    const p = params[0];
    if (p === undefined || p === null) return chain.best.hash;
    if (Array.isArray(p)) return p.map((n) => chain.blockByNumber(blockNumberParam(n))?.hash ?? null);
    return chain.blockByNumber(blockNumberParam(p))?.hash ?? null;
  };

  const getStorage: Handler = (params) => {
    const key = hexParam(params[0], "key");
    const v = chain.reader(stateAt(params[1])).get(key);
    return v === undefined ? null : u8aToHex(v);
  };

  const submit = (params: unknown[]): string => {
    const bytes = hexToU8a(hexParam(params[0], "extrinsic"));
    try {
      return chain.submit(bytes);
    } catch (e) {
      if (e instanceof TransactionRejected) throw invalidTransaction(e.reason);
      if (e instanceof BadFormat) throw badFormat(e.message);
      if (e instanceof AlreadyImported) throw alreadyImported(blake2AsHex(bytes));
      throw e;
    }
  };

  const methods: Record<string, Handler> = {
    system_chain: () => info.chainName,
    system_name: () => info.nodeName,
    system_version: () => info.nodeVersion,
    system_properties: () => info.properties,
    system_chainType: () => "Development",
    system_health: () => ({ peers: 0, isSyncing: false, shouldHavePeers: false }),
    system_peers: () => [],
    system_nodeRoles: () => ["Authority"],
    system_localPeerId: () => "12D3KooWTaoviewDevnet",
    system_syncState: () => ({
      startingBlock: 0,
      currentBlock: chain.best.number,
      highestBlock: chain.best.number,
    }),
    system_accountNextIndex: (params) => {
      const addr = params[0];
      if (typeof addr !== "string")
        throw invalidParams("account: expected an SS58 address or hex account id");
      let who: Uint8Array;
      try {
        who = decodeAddress(addr);
      } catch {
        throw invalidParams("account: cannot decode address");
      }
      const runtime = runtimeAt(chain.best);
      let nonce = readAccount(runtime.codec, chain.reader(chain.best), who).nonce;
      const pooled = new Set<number>();
      for (const bytes of chain.pending()) {
        const xt = decodeExtrinsic(runtime.codec.registry, bytes);
        if (xt.isSigned && u8aToHex(xt.signer.toU8a()).endsWith(u8aToHex(who).slice(2)))
          pooled.add(xt.nonce.toNumber());
      }
      while (pooled.has(nonce)) nonce++;
      return nonce;
    },

    chain_getBlockHash: getBlockHash,
    chain_getHead: getBlockHash,
    chain_getHeader: (params) => {
      const h = optHash(params[0]);
      const b = h === undefined ? chain.best : chain.blockByHash(h);
      return b ? headerJson(b.header) : null;
    },
    chain_getBlock: (params) => {
      const h = optHash(params[0]);
      const b = h === undefined ? chain.best : chain.blockByHash(h);
      return b ? blockJson(b) : null;
    },
    chain_getFinalizedHead: () => chain.finalized.hash,
    chain_getFinalisedHead: () => chain.finalized.hash,
    chain_subscribeNewHeads: (_p, conn) => subscribe(conn, "chain_newHead", headsSub("new")),
    chain_subscribeNewHead: (_p, conn) => subscribe(conn, "chain_newHead", headsSub("new")),
    chain_unsubscribeNewHeads: unsubscribe,
    chain_unsubscribeNewHead: unsubscribe,
    chain_subscribeFinalizedHeads: (_p, conn) =>
      subscribe(conn, "chain_finalizedHead", headsSub("finalized")),
    chain_subscribeFinalisedHeads: (_p, conn) =>
      subscribe(conn, "chain_finalizedHead", headsSub("finalized")),
    chain_unsubscribeFinalizedHeads: unsubscribe,
    chain_unsubscribeFinalisedHeads: unsubscribe,
    chain_subscribeAllHeads: (_p, conn) => subscribe(conn, "chain_allHead", headsSub("all")),
    chain_unsubscribeAllHeads: unsubscribe,

    state_getMetadata: (params) => u8aToHex(runtimeAt(apiAt(params[0])).metadata.v14),
    state_getRuntimeVersion: (params) => runtimeVersionJson(runtimeAt(apiAt(params[0])).version),
    chain_getRuntimeVersion: (params) => runtimeVersionJson(runtimeAt(apiAt(params[0])).version),
    state_subscribeRuntimeVersion: (_p, conn) =>
      subscribe(conn, "state_runtimeVersion", (notify) => {
        setImmediate(() => notify(runtimeVersionJson(runtimeAt(chain.best).version)));
        const on = safe((b: BlockRecord) => notify(runtimeVersionJson(runtimeAt(b).version)));
        chain.on("runtime", on);
        return () => chain.off("runtime", on);
      }),
    chain_subscribeRuntimeVersion: (p, conn) => methods.state_subscribeRuntimeVersion?.(p, conn),
    state_unsubscribeRuntimeVersion: unsubscribe,
    chain_unsubscribeRuntimeVersion: unsubscribe,

    state_getStorage: getStorage,
    state_getStorageAt: getStorage,
    state_getStorageHash: (params) => {
      const v = chain.reader(stateAt(params[1])).get(hexParam(params[0], "key"));
      return v === undefined ? null : blake2AsHex(v);
    },
    state_getStorageSize: (params) => {
      const v = chain.reader(stateAt(params[1])).get(hexParam(params[0], "key"));
      return v === undefined ? null : v.length;
    },
    state_getKeys: (params) => {
      const prefix = hexParam(params[0] ?? "0x", "prefix");
      return chain.reader(stateAt(params[1])).keys(prefix, undefined, Number.MAX_SAFE_INTEGER);
    },
    state_getKeysPaged: (params) => {
      const prefix = params[0] === null || params[0] === undefined ? "0x" : hexParam(params[0], "prefix");
      const count = params[1];
      if (typeof count !== "number" || !Number.isInteger(count) || count < 0) throw invalidParams("count");
      if (count > KEYS_PAGED_MAX) throw countTooLarge(count, KEYS_PAGED_MAX);
      const start =
        params[2] === null || params[2] === undefined ? undefined : hexParam(params[2], "startKey");
      return chain.reader(stateAt(params[3])).keys(prefix, start, count);
    },
    state_queryStorageAt: (params) => {
      if (!Array.isArray(params[0])) throw invalidParams("keys: expected an array");
      const keys = params[0].map((k) => hexParam(k, "key"));
      const b = stateAt(params[1]);
      const r = chain.reader(b);
      return [{ block: b.hash, changes: keys.map((k) => [k, ((v) => (v ? u8aToHex(v) : null))(r.get(k))]) }];
    },
    state_call: (params) => {
      const method = params[0];
      if (typeof method !== "string") throw invalidParams("method: expected a string");
      const data =
        typeof params[1] === "string" && !params[1].startsWith("0x") ? `0x${params[1]}` : params[1];
      const args = hexToU8a(hexParam(data ?? "0x", "data"));
      const b = apiAt(params[2]);
      const out = runtimeAt(b).callApi(method, chain.reader(b), args);
      if (out === undefined) throw methodNotFoundInRuntime(method);
      return u8aToHex(out);
    },
    state_subscribeStorage: (params, conn) => {
      const keys = Array.isArray(params[0]) ? params[0].map((k) => hexParam(k, "key")) : [];
      return subscribe(conn, "state_storage", (notify) => {
        let last = new Map<string, string | null>();
        const snapshot = (b: BlockRecord, onlyChanged: boolean) => {
          const r = chain.reader(b);
          const changes: Array<[string, string | null]> = [];
          const next = new Map<string, string | null>();
          for (const k of keys) {
            const v = r.get(k);
            const hex = v ? u8aToHex(v) : null;
            next.set(k, hex);
            if (!onlyChanged || last.get(k) !== hex) changes.push([k, hex]);
          }
          last = next;
          if (!onlyChanged || changes.length > 0) notify({ block: b.hash, changes });
        };
        setImmediate(() => snapshot(chain.best, false));
        const on = safe((b: BlockRecord, o: { best: boolean }) => {
          if (o.best) snapshot(b, true);
        });
        chain.on("block", on);
        return () => chain.off("block", on);
      });
    },
    state_unsubscribeStorage: unsubscribe,

    author_submitExtrinsic: (params) => submit(params),
    author_submitAndWatchExtrinsic: (params, conn) => {
      if (!conn.ws) throw new RpcError(-32601, "Method not found");
      const bytes = hexToU8a(hexParam(params[0], "extrinsic"));
      const hash = blake2AsHex(bytes);
      let first: TxStatus | undefined;
      const early = (h: string, s: TxStatus) => {
        if (h === hash && first === undefined) first = s;
      };
      chain.on("tx", early);
      try {
        submit(params);
      } finally {
        chain.off("tx", early);
      }
      return subscribe(conn, "author_extrinsicUpdate", (notify) => {
        let stopped = false;
        const on = (h: string, s: TxStatus) => {
          if (h !== hash || stopped) return;
          notify(txStatusJson(s));
          if (typeof s === "object" && "finalized" in s) stop();
          if (s === "invalid" || s === "dropped" || s === "usurped") stop();
        };
        const stop = () => {
          stopped = true;
          chain.off("tx", on);
        };
        setImmediate(() => {
          if (first !== undefined && !stopped) notify(txStatusJson(first));
          chain.on("tx", on);
        });
        return stop;
      });
    },
    author_unwatchExtrinsic: unsubscribe,
    author_pendingExtrinsics: () => chain.pending().map((x) => u8aToHex(x)),

    payment_queryInfo: (params) => {
      const bytes = hexToU8a(hexParam(params[0], "extrinsic"));
      const b = apiAt(params[1]);
      const runtime = runtimeAt(b);
      let xt: ReturnType<typeof checkExtrinsic>;
      try {
        const decoded = decodeExtrinsic(runtime.codec.registry, bytes);
        xt = {
          bytes,
          hash: blake2AsHex(bytes),
          call: runtime.codec.registry.createType("Call", decoded.method.toU8a()),
          nonce: 0,
          tip: 0n,
        };
      } catch (e) {
        throw badFormat((e as Error).message);
      }
      const q = runtime.queryInfo(chain.reader(b), xt, bytes.length);
      return {
        weight: { ref_time: Number(q.weight.refTime), proof_size: Number(q.weight.proofSize) },
        class: q.class.toLowerCase(),
        partialFee: q.partialFee.toString(),
      };
    },

    dev_newBlock: (params) => {
      const opt = params[0];
      let count = 1;
      if (opt !== undefined && opt !== null) {
        if (typeof opt !== "object" || Array.isArray(opt)) throw invalidParams("expected { count?: number }");
        const c = (opt as { count?: unknown }).count;
        if (c !== undefined) {
          if (typeof c !== "number" || !Number.isInteger(c) || c < 1 || c > 100_000)
            throw invalidParams("count");
          count = c;
        }
      }
      return info.newBlocks(count);
    },
    dev_reorg: (params) => {
      const p = params[0];
      const depth = typeof p === "object" && p !== null ? (p as { depth?: unknown }).depth : p;
      if (typeof depth !== "number" || !Number.isInteger(depth) || depth < 1) throw invalidParams("depth");
      try {
        return chain.reorg(depth).hash;
      } catch (e) {
        throw invalidParams((e as Error).message);
      }
    },
  };
  methods.rpc_methods = () => ({ version: 1, methods: Object.keys(methods).sort() });
  return methods;
}
