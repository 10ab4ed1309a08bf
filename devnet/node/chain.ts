// The chain: block production, the canonical chain and forks, finality (trailing the best block), the
// transaction pool and notifications. Runtimes are picked per block from the `:code` in the parent state, so
// a runtime upgrade (System.set_code through Sudo) takes effect from the next block on.
import { EventEmitter } from "node:events";
import { hexToU8a, u8aToHex } from "@polkadot/util";
import { blake2AsU8a } from "@polkadot/util-crypto";
import { type CheckEnv, checkExtrinsic, extrinsicHash } from "./extrinsic";
import { auraPreDigest, chainedStateRoot, encodeHeader, extrinsicsRoot, type HeaderFields } from "./header";
import { slotDuration } from "./runtime/aura";
import type { ComposedRuntime } from "./runtime/compose";
import { CODE_KEY } from "./runtime/system";
import { ArchiveState, type StateNode } from "./state/archive";
import { Overlay } from "./state/overlay";
import { type CheckedExtrinsic, type GenesisConfig, type StorageReader, TransactionRejected } from "./types";

export interface BlockRecord {
  hash: string;
  number: number;
  parentHash: string;
  header: HeaderFields;
  extrinsics: Uint8Array[];
  state: StateNode;
  runtime: ComposedRuntime;
}

export type TxStatus =
  | "future"
  | "ready"
  | { inBlock: string }
  | { retracted: string }
  | { finalized: string }
  | "usurped"
  | "dropped"
  | "invalid";

interface PoolEntry {
  hash: string;
  xt: CheckedExtrinsic;
  len: number;
  seq: number;
}

export interface ChainOptions {
  /** Every runtime the chain may run; the first is the genesis runtime. */
  runtimes: ComposedRuntime[];
  genesis: GenesisConfig;
  blockTimeMs: number;
  /** Blocks between best and finalized (Finney's GRANDPA typically trails by 2). */
  finalityLag?: number;
}

export interface ChainEvents {
  block: [BlockRecord, { best: boolean }];
  finalized: [BlockRecord];
  runtime: [BlockRecord];
  tx: [string, TxStatus];
}

export class Chain extends EventEmitter<ChainEvents> {
  readonly archive = new ArchiveState();
  readonly blocks = new Map<string, BlockRecord>();
  /** Canonical block hash by number. */
  private readonly canonical: string[] = [];
  private readonly runtimesByCode = new Map<string, ComposedRuntime>();
  readonly genesisHash: string;
  best!: BlockRecord;
  finalized!: BlockRecord;
  readonly finalityLag: number;
  private readonly blockTimeMs: number;
  private readonly genesisTimestamp: bigint;
  private readonly pool = new Map<string, PoolEntry>();
  private poolSeq = 0;
  /** Unfinalized block hash → pool transactions it included (for finality/retraction notifications). */
  private readonly included = new Map<string, string[]>();
  private forkSalt = 0;

  constructor(opts: ChainOptions) {
    super();
    this.finalityLag = opts.finalityLag ?? 2;
    this.blockTimeMs = opts.blockTimeMs;
    this.genesisTimestamp = opts.genesis.genesisTimestamp;
    for (const r of opts.runtimes) this.runtimesByCode.set(u8aToHex(r.code), r);
    const runtime = opts.runtimes[0];
    if (!runtime) throw new Error("no runtime");
    const overlay = new Overlay({ get: () => undefined, keys: () => [] });
    runtime.buildGenesis(overlay, opts.genesis);
    const diff = overlay.diff();
    const state = this.archive.addBlock(null, 0, diff);
    const header: HeaderFields = {
      parentHash: new Uint8Array(32),
      number: 0,
      stateRoot: chainedStateRoot(new Uint8Array(32), diff),
      extrinsicsRoot: extrinsicsRoot([]),
      digest: [],
    };
    const genesis = this.record(header, [], state, runtime);
    this.genesisHash = genesis.hash;
    this.blocks.set(genesis.hash, genesis);
    this.canonical[0] = genesis.hash;
    this.archive.finalize(state);
    this.best = genesis;
    this.finalized = genesis;
  }

  private record(
    header: HeaderFields,
    extrinsics: Uint8Array[],
    state: StateNode,
    runtime: ComposedRuntime,
  ): BlockRecord {
    return {
      hash: u8aToHex(blake2AsU8a(encodeHeader(header))),
      number: header.number,
      parentHash: u8aToHex(header.parentHash),
      header,
      extrinsics,
      state,
      runtime,
    };
  }

  reader(block: BlockRecord): StorageReader {
    return this.archive.reader(block.state);
  }

  /** Runtime whose code is in `state` (the runtime that executes the next block and answers calls at this one). */
  runtimeOfState(state: StorageReader): ComposedRuntime {
    const code = state.get(CODE_KEY);
    const r = code && this.runtimesByCode.get(u8aToHex(code));
    if (!r) throw new Error("state holds a :code no registered runtime has");
    return r;
  }

  blockByNumber(n: number): BlockRecord | undefined {
    const h = this.canonical[n];
    return h === undefined ? undefined : this.blocks.get(h);
  }

  blockByHash(hash: string): BlockRecord | undefined {
    return this.blocks.get(hash.toLowerCase());
  }

  isCanonical(b: BlockRecord): boolean {
    return this.canonical[b.number] === b.hash;
  }

  private specOfCode = (code: Uint8Array): number | undefined => {
    return this.runtimesByCode.get(u8aToHex(code))?.version.specVersion;
  };

  /** Runtime that executes the block after `at` and answers calls at `at`. */
  runtimeAt(at: BlockRecord): ComposedRuntime {
    return this.runtimeOfState(this.reader(at));
  }

  checkEnv(at: BlockRecord = this.best): CheckEnv {
    const runtime = this.runtimeAt(at);
    return {
      genesisHash: hexToU8a(this.genesisHash),
      specVersion: runtime.version.specVersion,
      transactionVersion: runtime.version.transactionVersion,
      currentNumber: at.number + 1,
      blockHashAt: (n) => {
        // Walk back from `at` so forks check against their own ancestry.
        let b: BlockRecord | undefined = at;
        while (b && b.number > n) b = this.blocks.get(b.parentHash);
        return b && b.number === n ? hexToU8a(b.hash) : undefined;
      },
    };
  }

  /** Validates and queues a transaction; throws BadFormat / TransactionRejected. Returns its hash. */
  submit(bytes: Uint8Array): string {
    const hash = extrinsicHash(bytes);
    if (this.pool.has(hash)) throw new AlreadyImported();
    const runtime = this.runtimeAt(this.best);
    const xt = checkExtrinsic(runtime.codec.registry, bytes, this.checkEnv());
    if (!xt.signer) throw new TransactionRejected("Call");
    const { future } = runtime.validateTransaction(this.reader(this.best), xt, bytes.length);
    this.pool.set(hash, { hash, xt, len: bytes.length, seq: this.poolSeq++ });
    this.emit("tx", hash, future ? "future" : "ready");
    return hash;
  }

  /**
   * In-process fast path for scenario drivers: queues an extrinsic built and signed by our own signer
   * (signer.ts `fastSign`), skipping decode and signature verification; nonce and fee are still checked.
   */
  submitTrusted(xt: CheckedExtrinsic): string {
    if (this.pool.has(xt.hash)) throw new AlreadyImported();
    if (!xt.signer) throw new TransactionRejected("Call");
    const { future } = this.runtimeAt(this.best).validateTransaction(
      this.reader(this.best),
      xt,
      xt.bytes.length,
    );
    this.pool.set(xt.hash, { hash: xt.hash, xt, len: xt.bytes.length, seq: this.poolSeq++ });
    this.emit("tx", xt.hash, future ? "future" : "ready");
    return xt.hash;
  }

  pending(): Uint8Array[] {
    return [...this.pool.values()].sort((a, b) => a.seq - b.seq).map((e) => e.xt.bytes);
  }

  /** Builds, imports and announces one block on top of the best block (or `parent`, for forks). */
  produceBlock(parent: BlockRecord = this.best, opts: { usePool?: boolean } = {}): BlockRecord {
    const usePool = opts.usePool ?? true;
    const number = parent.number + 1;
    const runtime = this.runtimeOfState(this.reader(parent));
    const timestamp =
      this.genesisTimestamp + BigInt(number) * BigInt(this.blockTimeMs) + BigInt(this.forkSalt);
    const digest = [auraPreDigest(timestamp / slotDuration(runtime.codec))];
    const overlay = new Overlay(this.reader(parent));
    const run = runtime.initializeBlock({
      env: { number, parentHash: hexToU8a(parent.hash), timestamp, digest },
      storage: overlay,
      specOfCode: this.specOfCode,
    });
    const extrinsics: Uint8Array[] = [];
    const hashes: Uint8Array[] = [];
    for (const xt of run.inherents()) {
      const out = run.applyExtrinsic(xt, xt.bytes.length);
      if (!out.ok) throw new Error(`inherent failed: ${JSON.stringify(out.error)}`);
      extrinsics.push(xt.bytes);
      hashes.push(hexToU8a(xt.hash));
    }
    const includedHere: string[] = [];
    if (usePool && this.pool.size > 0) {
      const entries = [...this.pool.values()].sort((a, b) => a.seq - b.seq);
      let progress = true;
      const done = new Set<string>();
      while (progress) {
        progress = false;
        for (const e of entries) {
          if (done.has(e.hash)) continue;
          try {
            run.applyExtrinsic(e.xt, e.len);
          } catch (err) {
            if (err instanceof TransactionRejected && err.reason === "Future") continue;
            if (err instanceof TransactionRejected && err.reason === "ExhaustsResources") {
              progress = false; // block is full: the rest waits for the next block
              break;
            }
            if (!(err instanceof TransactionRejected)) throw err;
            done.add(e.hash);
            this.pool.delete(e.hash);
            this.emit("tx", e.hash, err.reason === "Stale" ? "usurped" : "invalid");
            continue;
          }
          done.add(e.hash);
          extrinsics.push(e.xt.bytes);
          hashes.push(hexToU8a(e.hash));
          includedHere.push(e.hash);
          progress = true;
        }
      }
    }
    run.finalize();
    const diff = overlay.diff();
    const state = this.archive.addBlock(parent.state, number, diff);
    const header: HeaderFields = {
      parentHash: hexToU8a(parent.hash),
      number,
      stateRoot: chainedStateRoot(parent.header.stateRoot, diff),
      extrinsicsRoot: extrinsicsRoot(hashes),
      digest,
    };
    const block = this.record(header, packViews(extrinsics), state, runtime);
    this.blocks.set(block.hash, block);
    const isBest = number > this.best.number;
    const previousBest = this.best;
    if (isBest) this.setBest(block);
    this.emit("block", block, { best: isBest });
    if (includedHere.length > 0) this.included.set(block.hash, includedHere);
    for (const h of includedHere) {
      this.pool.delete(h);
      this.emit("tx", h, { inBlock: block.hash });
    }
    if (isBest) {
      const oldSpec = this.runtimeOfState(this.reader(previousBest)).version.specVersion;
      const newSpec = this.runtimeOfState(this.reader(block)).version.specVersion;
      if (oldSpec !== newSpec) this.emit("runtime", block);
      this.advanceFinality();
    }
    return block;
  }

  private setBest(block: BlockRecord): void {
    // Rewrite the canonical index back to the common ancestor.
    let b: BlockRecord | undefined = block;
    while (b && this.canonical[b.number] !== b.hash) {
      this.canonical[b.number] = b.hash;
      b = this.blocks.get(b.parentHash);
    }
    this.canonical.length = block.number + 1;
    this.best = block;
  }

  private advanceFinality(): void {
    const target = this.best.number - this.finalityLag;
    while (this.finalized.number < target) {
      const next = this.blockByNumber(this.finalized.number + 1) as BlockRecord;
      this.archive.finalize(next.state);
      this.finalized = next;
      this.emit("finalized", next);
      for (const h of this.included.get(next.hash) ?? []) this.emit("tx", h, { finalized: next.hash });
      for (const hash of this.included.keys()) {
        const b = this.blocks.get(hash);
        if (!b || b.number <= next.number) this.included.delete(hash);
      }
    }
  }

  /**
   * Test hook: replaces the last `depth` unfinalized blocks with a fork of `depth + 1` blocks (different
   * timestamps, hence different hashes) that becomes the best chain. Transactions of retracted blocks go
   * back to the pool and are included again on the fork.
   */
  reorg(depth: number): BlockRecord {
    if (!Number.isInteger(depth) || depth < 1) throw new Error("depth must be a positive integer");
    const ancestorNumber = this.best.number - depth;
    if (ancestorNumber < this.finalized.number)
      throw new Error(
        `cannot reorg ${depth} blocks: only ${this.best.number - this.finalized.number} are unfinalized`,
      );
    const ancestor = this.blockByNumber(ancestorNumber) as BlockRecord;
    for (let n = ancestorNumber + 1; n <= this.best.number; n++) {
      const old = this.blockByNumber(n) as BlockRecord;
      const fromPool = new Set(this.included.get(old.hash) ?? []);
      this.included.delete(old.hash);
      if (fromPool.size === 0) continue;
      for (const bytes of old.extrinsics) {
        const h = extrinsicHash(bytes);
        if (!fromPool.has(h)) continue;
        this.emit("tx", h, { retracted: old.hash });
        try {
          const xt = checkExtrinsic(this.runtimeAt(ancestor).codec.registry, bytes, this.checkEnv(ancestor));
          this.pool.set(h, { hash: h, xt, len: bytes.length, seq: this.poolSeq++ });
        } catch {
          this.emit("tx", h, "invalid");
        }
      }
    }
    this.forkSalt += 1;
    let tip = ancestor;
    for (let i = 0; i <= depth; i++) tip = this.produceBlock(tip);
    return tip;
  }

  /** Memory-relevant counts (blocks, storage keys, history entries). */
  stats() {
    return { blocks: this.blocks.size, pool: this.pool.size, ...this.archive.stats() };
  }
}

export class AlreadyImported extends Error {
  constructor() {
    super("Transaction Already Imported");
  }
}

/** Copies a block's extrinsics into one buffer and returns views of it (one allocation per block, not per extrinsic). */
function packViews(parts: Uint8Array[]): Uint8Array[] {
  let size = 0;
  for (const p of parts) size += p.length;
  const buf = new Uint8Array(size);
  const views: Uint8Array[] = [];
  let off = 0;
  for (const p of parts) {
    buf.set(p, off);
    views.push(buf.subarray(off, off + p.length));
    off += p.length;
  }
  return views;
}
