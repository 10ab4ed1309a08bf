// The ingest loop: from a saved cursor (never from subscription replay), fetch raw ranges, decode each block with
// its parent's runtime, and write each batch in one transaction together with the cursor. Blocks past finality
// are stored too (the hot window) and rolled back when the chain reorganises under them.
import type pg from "pg";
import {
  bisectSpecSegments,
  decodeBlock,
  fetchRawRange,
  type RawBlock,
  RuntimeProvider,
  rpcSpecProbe,
  type SpecSegments,
} from "../decode";
import type { Hex } from "../decode/runtime";
import type { RpcClient } from "../rpc";
import { PgMetadataStore } from "../store/metadata-store";
import { readStatus, storedHashes, writeStatus } from "../store/status";
import {
  deleteFrom,
  type IngestedBlock,
  markFinalized,
  type WriteStats,
  writeBlocks,
} from "../store/write-blocks";

export type LogFn = (event: string, fields?: Record<string, unknown>) => void;

export interface IndexerOptions {
  client: RpcClient;
  pool: pg.Pool;
  /** First block to index when there is no cursor yet (default 0). */
  from?: number;
  /** Stop after this block (default: keep up with the best head). */
  to?: number;
  /** Keep following new heads once caught up. */
  follow: boolean;
  batchSize?: number;
  pollMs?: number;
  log?: LogFn;
  signal?: AbortSignal;
}

export interface Heads {
  best: number;
  finalized: number;
}

const LANE = "main";

interface HeaderReply {
  number: string;
}

export class Indexer {
  readonly #o: Required<Omit<IndexerOptions, "to" | "signal">> & Pick<IndexerOptions, "to" | "signal">;
  readonly #runtimes: RuntimeProvider;
  #segments: SpecSegments | undefined;
  readonly totals: WriteStats = { blocks: 0, extrinsics: 0, events: 0 };
  reorgs = 0;

  constructor(opts: IndexerOptions) {
    this.#o = {
      ...opts,
      from: opts.from ?? 0,
      batchSize: opts.batchSize ?? 50,
      pollMs: opts.pollMs ?? 1000,
      log: opts.log ?? (() => {}),
    };
    this.#runtimes = new RuntimeProvider(opts.client, { store: new PgMetadataStore(opts.pool) });
  }

  async heads(): Promise<Heads> {
    const { client } = this.#o;
    const [best, finalizedHash] = await Promise.all([
      client.call<HeaderReply>("chain_getHeader", []),
      client.call<Hex>("chain_getFinalizedHead", []),
    ]);
    const finalized = await client.call<HeaderReply>("chain_getHeader", [finalizedHash]);
    return { best: Number.parseInt(best.number, 16), finalized: Number.parseInt(finalized.number, 16) };
  }

  /** Runs until caught up (or `to`), or forever with `follow`, or until the signal aborts. */
  async run(): Promise<void> {
    const o = this.#o;
    const status = await readStatus(o.pool, LANE);
    let next = Math.max(status ? status.blockNumber + 1 : o.from, o.from);
    const started = Date.now();
    let failures = 0;
    while (!o.signal?.aborted) {
      try {
        const caughtUp = await this.#pass(next, started);
        next = caughtUp.next;
        failures = 0;
        if (caughtUp.stop) break;
      } catch (e) {
        // A follower outlives a node restart or a network blip: nothing partial was committed, so retry
        // from the cursor with backoff. A one-shot backfill reports the failure instead.
        if (!o.follow) throw e;
        failures++;
        const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        o.log("error", { error: (e as Error).message, retryInMs: delay });
        await sleep(delay, o.signal);
        const status = await readStatus(o.pool, LANE).catch(() => null);
        if (status) next = Math.max(status.blockNumber + 1, o.from);
        continue;
      }
      await sleep(o.pollMs, o.signal);
    }
  }

  #runStats = { lastReport: 0, done: 0 };

  /** One pass: reorg check, then index up to the current target. */
  async #pass(from: number, started: number): Promise<{ next: number; stop: boolean }> {
    const o = this.#o;
    let next = from;
    const stats = this.#runStats;
    const heads = await this.heads();
    next = await this.#rollbackReorged(next);
    const target = Math.min(o.to ?? Number.POSITIVE_INFINITY, heads.best);
    let prefetch: Promise<RawBlock[]> | null = null;
    while (next <= target && !o.signal?.aborted) {
      const end = Math.min(next + o.batchSize - 1, target);
      const raw = await (prefetch ?? fetchRawRange(o.client, next, end));
      prefetch = null;
      if (!(await this.#linksToStored(raw[0]!))) {
        next = await this.#rollbackReorged(next, true);
        break;
      }
      // Fetch the next range while this one is decoded and written.
      const nextEnd = Math.min(end + o.batchSize, target);
      if (end < target) prefetch = fetchRawRange(o.client, end + 1, nextEnd);
      prefetch?.catch(() => undefined);
      const decoded = await this.#decode(raw);
      await this.#commit(decoded, heads);
      stats.done += decoded.length;
      next = end + 1;
      if (Date.now() - stats.lastReport > 2000 || next > target) {
        stats.lastReport = Date.now();
        const seconds = (Date.now() - started) / 1000;
        const rate = stats.done / Math.max(seconds, 0.001);
        o.log("progress", {
          indexed: end,
          target,
          finalized: heads.finalized,
          blocksPerSec: Math.round(rate * 10) / 10,
          etaSec: rate > 0 ? Math.round((target - end) / rate) : null,
        });
      }
    }
    const stop = (o.to !== undefined && next > o.to) || (!o.follow && next > target);
    return { next, stop };
  }

  async #decode(raw: readonly RawBlock[]): Promise<IngestedBlock[]> {
    const o = this.#o;
    const first = raw[0]!.number;
    const last = raw.at(-1)!.number;
    this.#segments = await bisectSpecSegments(
      rpcSpecProbe(o.client),
      Math.max(0, first - 1),
      last,
      this.#segments,
    );
    const out: IngestedBlock[] = [];
    for (const block of raw) {
      const spec = this.#segments.specAt(block.number);
      const runtime = await this.#runtimes.get(spec, block.number === 0 ? block.hash : block.parentHash);
      out.push({ raw: block, decoded: decodeBlock(block, runtime) });
    }
    return out;
  }

  async #commit(blocks: IngestedBlock[], heads: Heads): Promise<void> {
    const client = await this.#o.pool.connect();
    try {
      await client.query("BEGIN");
      const stats = await writeBlocks(client, blocks, heads.finalized);
      await markFinalized(client, heads.finalized);
      const firstBySpec = new Map<number, number>();
      for (const b of blocks)
        if (!firstBySpec.has(b.decoded.specVersion)) firstBySpec.set(b.decoded.specVersion, b.raw.number);
      for (const [spec, n] of firstBySpec) {
        await client.query(
          "UPDATE runtime_versions SET first_block = LEAST(COALESCE(first_block, $2), $2) WHERE spec_version = $1",
          [spec, n],
        );
      }
      const last = blocks.at(-1)!;
      await writeStatus(client, {
        lane: LANE,
        blockNumber: last.raw.number,
        blockHash: last.raw.hash,
        chainHead: heads.best,
        finalized: heads.finalized,
      });
      await client.query("COMMIT");
      this.totals.blocks += stats.blocks;
      this.totals.extrinsics += stats.extrinsics;
      this.totals.events += stats.events;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  /** True when `block` extends what we stored (or nothing is stored before it). */
  async #linksToStored(block: RawBlock): Promise<boolean> {
    if (block.number === 0) return true;
    const stored = await storedHashes(this.#o.pool, block.number - 1, block.number - 1);
    const parent = stored.get(block.number - 1);
    return parent === undefined || parent === block.parentHash;
  }

  /**
   * Compares the unfinalized blocks we stored with the chain's canonical hashes and deletes from the first
   * that differs. Returns the next block to index.
   */
  async #rollbackReorged(next: number, known = false): Promise<number> {
    const o = this.#o;
    const r = await o.pool.query<{ number: number; hash: string }>(
      "SELECT number, hash FROM blocks WHERE NOT finalized AND number < $1 ORDER BY number",
      [next],
    );
    if (r.rows.length === 0 && !known) return next;
    const numbers = r.rows.map((x) => x.number);
    const canonical = await Promise.all(
      numbers.map((n) => o.client.call<Hex | null>("chain_getBlockHash", [n])),
    );
    let forkAt = r.rows.findIndex((row, i) => canonical[i] !== row.hash);
    if (forkAt === -1) {
      if (!known) return next;
      // The parent link broke but every hot block still matches: the break is below the hot window, which
      // only happens if finality itself was violated. Refuse to guess.
      throw new Error(`block ${next} does not extend the stored block ${next - 1}, which is final`);
    }
    const from = numbers[forkAt]!;
    forkAt = from;
    const client = await o.pool.connect();
    try {
      await client.query("BEGIN");
      await deleteFrom(client, from);
      const prev = from - 1;
      const prevHash = (await storedHashes(client, prev, prev)).get(prev) ?? null;
      await writeStatus(client, {
        lane: LANE,
        blockNumber: prev,
        blockHash: prevHash,
        chainHead: null,
        finalized: null,
      });
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
    this.reorgs++;
    this.#segments = undefined;
    o.log("reorg", { rolledBackFrom: from, depth: next - from });
    return from;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
