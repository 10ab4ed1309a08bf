// The ingest loop: from a saved cursor (never from subscription replay), fetch raw ranges, decode each block with
// its parent's runtime, and write each batch in one transaction together with its lane's cursor. The main lane
// also stores blocks past finality (the hot window) and rolls them back when the chain reorganises under them.
// Leased lanes split a finalized backfill across processes or machines sharing the database.

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
import { writeCandles } from "../state/candles";
import {
  type ChainTotals,
  type DayMark,
  dayMarks,
  type PrevBlock,
  readChainTotals,
  writeDailyStats,
} from "../state/daily-stats";
import {
  type BalanceRow,
  type HolderScan,
  lastHolderScan,
  pruneScanHistory,
  readBalances,
  readHolderScan,
  touchedAccounts,
  writeBalances,
  writeHolderScan,
} from "../state/holders";
import {
  epochsFromStorage,
  hasEvent,
  listNetuids,
  type MetagraphSnapshot,
  type MetagraphTarget,
  metagraphEvents,
  readMetagraphs,
  storedMetagraphNetuids,
  writeMetagraphs,
} from "../state/metagraph";
import {
  type NetworkSnapshot,
  pruneNetworkSnapshots,
  readNetworkSnapshots,
  writeNetworkSnapshots,
} from "../state/network-snapshots";
import { type PoolSnapshot, readPoolSnapshots } from "../state/pool-snapshots";
import { type CheckTarget, checkBlocks, type EngineCheck, type SelfCheckHooks } from "../state/self-check";
import { writeEngineChecks } from "../state/write-engine-checks";
import { pruneSnapshots, writeSnapshots } from "../state/write-snapshots";
import { assertSameChain, ChainMismatchError } from "../store/chain-identity";
import { claimLease, ensureLeases, heartbeat, type Lease, leasesRemaining } from "../store/leases";
import { PgMetadataStore } from "../store/metadata-store";
import { readStatus, storedHashes, writeStatus } from "../store/status";
import { transaction } from "../store/transaction";
import {
  deleteFrom,
  type IngestedBlock,
  markFinalized,
  type WriteStats,
  writeBlocks,
} from "../store/write-blocks";
import { IndexerMetrics } from "./metrics";

export type LogFn = (event: string, fields?: Record<string, unknown>) => void;

export interface LeaseOptions {
  /** Blocks per lease. */
  size: number;
  /** Unique name of this worker (host:pid by default). */
  owner: string;
  /** A lease whose heartbeat is older than this is free for another worker. */
  ttlSeconds: number;
}

export interface IndexerOptions {
  client: RpcClient;
  pool: pg.Pool;
  /** First block to index when there is no cursor yet (default 0). */
  from?: number;
  /** Stop after this block (default: keep up with the best head). */
  to?: number;
  /** Keep following new heads once caught up. */
  follow: boolean;
  /** Split the finalized range from..to into leases shared with other workers. */
  lease?: LeaseOptions;
  /** Pool snapshots: every block newer than best − window, and every `every`-th block before. */
  snapshots?: SnapshotOptions | false;
  /**
   * Holder scans (all balances and stake positions, holder statistics): at the first batch when none is stored,
   * then at most every `every` blocks once caught up with the head (main lane only).
   */
  holders?: HolderOptions | false;
  /**
   * Engine self-check of every `every`-th block (recomputed coinbase vs stored values), written with the block
   * batch; false (or every 0) turns it off. Default: every block.
   */
  selfCheck?: { every: number; hooks?: SelfCheckHooks } | false;
  batchSize?: number;
  pollMs?: number;
  log?: LogFn;
  signal?: AbortSignal;
}

export interface SnapshotOptions {
  window: number;
  every: number;
}

/** Blocks behind the head within which neuron registrations trigger a metagraph snapshot (two 360-block tempos). */
const REGISTRATION_SNAPSHOT_WINDOW = 720;

export const DEFAULT_SNAPSHOTS: SnapshotOptions = { window: 7200, every: 300 };
/** Outside the snapshot window, per-scan stake and hotkey history keeps the last scan of each 7,200 blocks (~a day). */
const SCAN_HISTORY_BUCKET = 7200;

export interface HolderOptions {
  every: number;
}

/** One tempo. */
export const DEFAULT_HOLDERS: HolderOptions = { every: 360 };

/** Accounts whose balances are re-read in one caught-up batch; more waits for the next scan. */
const TOUCHED_MAX = 5000;

interface HolderState {
  scan: HolderScan | null;
  balances: { blockNumber: number; rows: BalanceRow[] } | null;
}

export interface Heads {
  best: number;
  finalized: number;
}

export const MAIN_LANE = "main";

interface DayRow {
  mark: DayMark;
  totals: ChainTotals;
}

interface HeaderReply {
  number: string;
}

interface Lane {
  name: string;
  /** Blocks past finality may be stored (and rolled back); false for leased, finalized-only ranges. */
  hot: boolean;
  lease?: Lease;
}

export class Indexer {
  readonly #o: Required<Omit<IndexerOptions, "to" | "signal" | "lease">> &
    Pick<IndexerOptions, "to" | "signal" | "lease">;
  readonly #runtimes: RuntimeProvider;
  #segments: SpecSegments | undefined;
  #lastReport = 0;
  #lastPrune = 0;
  #lastDayRefresh = Number.NEGATIVE_INFINITY;
  #lastAccountCount = Number.NEGATIVE_INFINITY;
  #prevBlock: PrevBlock | null = null;
  /** Netuids with a stored metagraph; null until read from the database (again after a rollback). */
  #metagraphNetuids: Set<number> | null = null;
  /** Block of the latest stored holder scan (null: none); undefined until read from the database. */
  #lastHolderScan: number | null | undefined;
  readonly metrics = new IndexerMetrics();

  constructor(opts: IndexerOptions) {
    this.#o = {
      ...opts,
      from: opts.from ?? 0,
      batchSize: opts.batchSize ?? 50,
      pollMs: opts.pollMs ?? 1000,
      snapshots: opts.snapshots ?? DEFAULT_SNAPSHOTS,
      holders: opts.holders ?? DEFAULT_HOLDERS,
      selfCheck: opts.selfCheck ?? { every: 1 },
      log: opts.log ?? (() => {}),
    };
    this.#runtimes = new RuntimeProvider(opts.client, { store: new PgMetadataStore(opts.pool) });
  }

  get totals(): WriteStats {
    return { blocks: this.metrics.blocks, extrinsics: this.metrics.extrinsics, events: this.metrics.events };
  }

  get reorgs(): number {
    return this.metrics.reorgs;
  }

  async heads(): Promise<Heads> {
    const { client } = this.#o;
    const [best, finalizedHash] = await Promise.all([
      client.call<HeaderReply>("chain_getHeader", []),
      client.call<Hex>("chain_getFinalizedHead", []),
    ]);
    const finalized = await client.call<HeaderReply>("chain_getHeader", [finalizedHash]);
    const heads = {
      best: Number.parseInt(best.number, 16),
      finalized: Number.parseInt(finalized.number, 16),
    };
    this.metrics.chainHead = heads.best;
    this.metrics.finalized = heads.finalized;
    return heads;
  }

  /** Runs until caught up (or `to`), or forever with `follow`, or until the signal aborts. */
  async run(): Promise<void> {
    await this.#checkChain();
    if (this.#o.lease) return this.#runLeased(this.#o.lease);
    const o = this.#o;
    const lane: Lane = { name: MAIN_LANE, hot: true };
    let next = await this.#cursor(lane.name, o.from);
    let failures = 0;
    while (!o.signal?.aborted) {
      try {
        const heads = await this.heads();
        next = await this.#rollbackReorged(next);
        const target = Math.min(o.to ?? Number.POSITIVE_INFINITY, heads.best);
        next = await this.#indexRange(lane, next, target, heads);
        failures = 0;
        if ((o.to !== undefined && next > o.to) || (!o.follow && next > target)) break;
      } catch (e) {
        // A follower outlives a node restart or a network blip: nothing partial was committed, so retry
        // from the cursor with backoff. A one-shot backfill reports the failure instead.
        if (!o.follow) throw e;
        failures++;
        this.metrics.errors++;
        const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        o.log("error", { error: (e as Error).message, retryInMs: delay });
        await sleep(delay, o.signal);
        next = await this.#cursor(lane.name, o.from).catch(() => next);
        continue;
      }
      await sleep(o.pollMs, o.signal);
    }
  }

  /** Refuses an endpoint of another chain before anything is written; a follower waits out a node that is down. */
  async #checkChain(): Promise<void> {
    const o = this.#o;
    for (let failures = 1; ; failures++) {
      try {
        return await assertSameChain(o.pool, o.client);
      } catch (e) {
        if (e instanceof ChainMismatchError || !o.follow || o.signal?.aborted) throw e;
        const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        o.log("error", { error: (e as Error).message, retryInMs: delay });
        await sleep(delay, o.signal);
      }
    }
  }

  /** Claims leases of the finalized range until none is left; each lease resumes from its own cursor. */
  async #runLeased(lease: LeaseOptions): Promise<void> {
    const o = this.#o;
    const heads = await this.heads();
    const to = Math.min(o.to ?? heads.finalized, heads.finalized);
    if (to < o.from)
      throw new Error(`nothing to backfill: --from ${o.from} is past the finalized head ${heads.finalized}`);
    await ensureLeases(o.pool, o.from, to, lease.size);
    while (!o.signal?.aborted) {
      const claimed = await claimLease(o.pool, o.from, to, lease.owner, lease.ttlSeconds);
      if (!claimed) break;
      const lane: Lane = { name: `lease:${claimed.rangeStart}`, hot: false, lease: claimed };
      o.log("lease", { owner: lease.owner, from: claimed.rangeStart, to: claimed.rangeEnd });
      const next = await this.#cursor(lane.name, claimed.rangeStart);
      await this.#indexRange(lane, next, claimed.rangeEnd, heads);
    }
    o.log("leases", { remaining: await leasesRemaining(o.pool, o.from, to) });
  }

  async #cursor(lane: string, from: number): Promise<number> {
    const status = await readStatus(this.#o.pool, lane);
    return Math.max(status ? status.blockNumber + 1 : from, from);
  }

  /** Indexes next..target in batches; returns the next block to index. */
  async #indexRange(lane: Lane, from: number, target: number, heads: Heads): Promise<number> {
    const o = this.#o;
    let next = from;
    let prefetch: Promise<RawBlock[]> | null = null;
    let predecoded: Promise<IngestedBlock[]> | null = null;
    while (next <= target && !o.signal?.aborted) {
      const end = Math.min(next + o.batchSize - 1, target);
      const raw = await (prefetch ?? fetchRawRange(o.client, next, end));
      const pre = predecoded;
      prefetch = null;
      predecoded = null;
      if (!(await this.#linksToStored(raw[0]!))) {
        if (!lane.hot)
          throw new Error(`block ${next} does not extend the stored block ${next - 1}, which is final`);
        return this.#rollbackReorged(next, true);
      }
      // Fetch the next range while this one is decoded and written.
      if (end < target) {
        prefetch = fetchRawRange(o.client, end + 1, Math.min(end + o.batchSize, target));
        prefetch.catch(() => undefined);
      }
      const decoded = await (pre ?? this.#decode(raw));
      // Decode the next range as soon as it arrives, while this one waits on its state reads and its commit;
      // it is used only if it still links to what this batch stores (checked above on the next round).
      if (prefetch) {
        predecoded = prefetch.then((r) => this.#decode(r));
        predecoded.catch(() => undefined);
      }
      // The self-check's reads and engine runs overlap the other state reads of the batch.
      const checking = this.#selfCheck(raw);
      checking.catch(() => undefined);
      // The batch's state reads are independent round trips: issued together, they cost the slowest one.
      const [snapshots, network, days, metagraphs, holders] = await Promise.all([
        this.#readSnapshots(raw, heads),
        this.#readNetwork(raw, heads),
        this.#readDays(lane, decoded, heads, end === target),
        this.#readMetagraphs(decoded, heads),
        this.#readHolders(lane, decoded, end === target),
      ]);
      const checks = await checking;
      await this.#commit(
        lane,
        decoded,
        { snapshots, network, days, metagraphs, holders, checks },
        heads,
        end === target,
      );
      for (const m of metagraphs) this.#metagraphNetuids?.add(m.netuid);
      if (holders.scan) {
        this.#lastHolderScan = holders.scan.blockNumber;
        o.log("holders", {
          block: holders.scan.blockNumber,
          accounts: holders.scan.balances.length,
          positions: holders.scan.positions.length,
          unvalued: holders.scan.unvalued,
          ms: holders.scan.durationMs,
        });
      }
      next = end + 1;
      // Every 2 s while catching up; once following the head, a line per 30 s is enough.
      const interval = target - end > o.batchSize ? 2_000 : 30_000;
      if (Date.now() - this.#lastReport > interval) {
        this.#lastReport = Date.now();
        const rate = this.metrics.rate();
        o.log("progress", {
          lane: lane.name,
          indexed: end,
          target,
          finalized: heads.finalized,
          blocksPerSec: Math.round(rate * 10) / 10,
          etaSec: rate > 0 ? Math.round((target - end) / rate) : null,
        });
      }
    }
    return next;
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

  /** Writes one batch, its lane cursor (and lease heartbeat) atomically. */
  /** The blocks the snapshot policy selects, grouped by the spec of their post-state runtime. */
  #snapshotBlocks(raw: readonly RawBlock[], heads: Heads): Map<number, RawBlock[]> {
    const policy = this.#o.snapshots;
    const bySpec = new Map<number, RawBlock[]>();
    if (!policy || !this.#segments) return bySpec;
    const wanted = raw.filter((b) => b.number > heads.best - policy.window || b.number % policy.every === 0);
    for (const b of wanted) {
      const spec = this.#segments.stateSpecAt(b.number);
      bySpec.set(spec, [...(bySpec.get(spec) ?? []), b]);
    }
    return bySpec;
  }

  /** Pool state at the blocks the snapshot policy selects, read with each block's own (post-state) runtime. */
  async #readSnapshots(raw: readonly RawBlock[], heads: Heads): Promise<PoolSnapshot[]> {
    const out: PoolSnapshot[] = [];
    for (const [spec, blocks] of this.#snapshotBlocks(raw, heads)) {
      const runtime = await this.#runtimes.get(spec, blocks[0]!.hash);
      out.push(...(await readPoolSnapshots(this.#o.client, runtime, blocks)));
    }
    return out;
  }

  /** Issuance, stake and registration cost at the same blocks as the pool snapshots. */
  async #readNetwork(raw: readonly RawBlock[], heads: Heads): Promise<NetworkSnapshot[]> {
    const out: NetworkSnapshot[] = [];
    for (const [spec, blocks] of this.#snapshotBlocks(raw, heads)) {
      const runtime = await this.#runtimes.get(spec, blocks[0]!.hash);
      out.push(...(await readNetworkSnapshots(this.#o.client, runtime, blocks)));
    }
    return out;
  }

  /** Engine self-check of the batch's selected blocks (block 0 has no parent to run from). */
  async #selfCheck(raw: readonly RawBlock[]): Promise<{ checks: EngineCheck[]; ms: number }> {
    const policy = this.#o.selfCheck;
    if (!policy || policy.every <= 0 || !this.#segments) return { checks: [], ms: 0 };
    const t0 = performance.now();
    const segments = this.#segments;
    const targets: CheckTarget[] = [];
    for (const b of raw) {
      if (b.number === 0 || b.number % policy.every !== 0) continue;
      targets.push({
        number: b.number,
        hash: b.hash,
        parentHash: b.parentHash,
        parentRuntime: await this.#runtimes.get(segments.specAt(b.number), b.parentHash),
        runtime: await this.#runtimes.get(segments.stateSpecAt(b.number), b.hash),
      });
    }
    const checks = await checkBlocks(this.#o.client, targets, policy.hooks);
    return { checks, ms: performance.now() - t0 };
  }

  /**
   * Chain totals for every UTC day this batch closes and, on the main lane, for the day in progress (refreshed
   * every 100 blocks; its account count every 1,800).
   */
  async #readDays(lane: Lane, blocks: IngestedBlock[], heads: Heads, caughtUp: boolean): Promise<DayRow[]> {
    const o = this.#o;
    const first = blocks[0]!.raw.number;
    if (this.#prevBlock?.number !== first - 1) {
      const r = await o.pool.query<{ hash: Hex; ts: Date | null }>(
        `SELECT hash, "timestamp" AS ts FROM blocks WHERE number = $1`,
        [first - 1],
      );
      const row = r.rows[0];
      this.#prevBlock = row ? { number: first - 1, hash: row.hash, ms: row.ts?.getTime() ?? null } : null;
    }
    const marks = dayMarks(blocks, this.#prevBlock);
    const last = blocks.at(-1)!;
    this.#prevBlock = { number: last.raw.number, hash: last.raw.hash, ms: last.decoded.timestampMs };
    const window = o.snapshots ? o.snapshots.window : DEFAULT_SNAPSHOTS.window;
    const wanted: { mark: DayMark; accounts: boolean }[] = marks.closed.map((mark) => ({
      mark,
      accounts: mark.blockNumber > heads.best - window,
    }));
    if (lane.hot && marks.current && (caughtUp || marks.current.blockNumber - this.#lastDayRefresh >= 100)) {
      const accounts = marks.current.blockNumber - this.#lastAccountCount >= 1800;
      wanted.push({ mark: marks.current, accounts });
      this.#lastDayRefresh = marks.current.blockNumber;
      if (accounts) this.#lastAccountCount = marks.current.blockNumber;
    }
    const rows: DayRow[] = [];
    for (const { mark, accounts } of wanted) {
      const runtime = await this.#runtimes.get(this.#segments!.stateSpecAt(mark.blockNumber), mark.blockHash);
      rows.push({ mark, totals: await readChainTotals(o.client, runtime, mark.blockHash, accounts) });
    }
    return rows;
  }

  /**
   * Metagraphs this batch must store: subnets whose epoch ran in a block, subnets added in a block, at the
   * batch's first block every existing subnet the database has no metagraph for yet, and — so a new neuron
   * shows before the next epoch (up to a tempo, ~72 min, later) — each subnet with registrations at the last
   * block of the batch that had one (one read per subnet per batch, however many registrations).
   */
  async #readMetagraphs(blocks: IngestedBlock[], heads: Heads): Promise<MetagraphSnapshot[]> {
    const o = this.#o;
    const segments = this.#segments!;
    const runtimeOf = (b: { number: number; hash: Hex }) =>
      this.#runtimes.get(segments.stateSpecAt(b.number), b.hash);
    // One target per (block, subnet); an epoch supersedes an "initial" reason at the same block.
    const targets = new Map<string, MetagraphTarget>();
    const add = (block: { number: number; hash: Hex }, netuid: number, reason: MetagraphTarget["reason"]) => {
      const id = `${block.number}:${netuid}`;
      if (targets.get(id)?.reason !== "epoch") targets.set(id, { block, netuid, reason });
    };
    this.#metagraphNetuids ??= await storedMetagraphNetuids(o.pool);
    const known = this.#metagraphNetuids;
    const first = blocks[0]!.raw;
    const firstRef = { number: first.number, hash: first.hash };
    for (const n of await listNetuids(o.client, await runtimeOf(firstRef), first.hash))
      if (!known.has(n)) add(firstRef, n, "initial");
    const lastRegistration = new Map<number, { number: number; hash: Hex }>();
    for (const b of blocks) {
      const ref = { number: b.raw.number, hash: b.raw.hash };
      const ev = metagraphEvents(b.decoded.events);
      for (const n of ev.registered) lastRegistration.set(n, ref);
      for (const n of ev.added) add(ref, n, "initial");
      for (const n of ev.epochs) add(ref, n, "epoch");
      // Events were decoded with the parent's runtime: where it has no epoch event, read
      // LastMechansimStepBlock after the block instead.
      const eventRuntime = await this.#runtimes.get(
        segments.specAt(ref.number),
        ref.number === 0 ? ref.hash : b.raw.parentHash,
      );
      if (hasEvent(eventRuntime, "SubtensorModule", "IncentiveAlphaEmittedToMiners")) continue;
      const ran = await epochsFromStorage(o.client, await runtimeOf(ref), [ref]);
      for (const n of ran.get(ref.number) ?? []) add(ref, n, "epoch");
    }
    // A registration snapshot shows new neurons before the subnet's next epoch; further back than two default
    // tempos from the head an epoch snapshot newer than the registration exists anyway, and a backfill would
    // otherwise read a full metagraph for nearly every subnet in every batch.
    for (const [n, ref] of lastRegistration)
      if (ref.number > heads.best - REGISTRATION_SNAPSHOT_WINDOW && !targets.has(`${ref.number}:${n}`))
        add(ref, n, "registration");
    const ordered = [...targets.values()].sort(
      (a, b) => a.block.number - b.block.number || a.netuid - b.netuid,
    );
    return readMetagraphs(o.client, ordered, runtimeOf);
  }

  /**
   * A full holder scan at the batch's last block when due (none stored yet, or caught up and `every` blocks since
   * the last); otherwise, once caught up, the balances of the accounts the batch's events name.
   */
  async #readHolders(lane: Lane, blocks: IngestedBlock[], caughtUp: boolean): Promise<HolderState> {
    const o = this.#o;
    const none: HolderState = { scan: null, balances: null };
    if (!o.holders || !lane.hot) return none;
    if (this.#lastHolderScan === undefined) this.#lastHolderScan = await lastHolderScan(o.pool);
    const last = blocks.at(-1)!.raw;
    const ref = { number: last.number, hash: last.hash };
    const runtime = () => this.#runtimes.get(this.#segments!.stateSpecAt(last.number), last.hash);
    const since = this.#lastHolderScan;
    if (since === null || (caughtUp && last.number - since >= o.holders.every))
      return { scan: await readHolderScan(o.client, await runtime(), ref), balances: null };
    if (!caughtUp) return none;
    const touched = [...new Set(blocks.flatMap((b) => touchedAccounts(b.decoded.events)))];
    if (touched.length === 0 || touched.length > TOUCHED_MAX) return none;
    return {
      scan: null,
      balances: {
        blockNumber: last.number,
        rows: await readBalances(o.client, await runtime(), touched, last.hash),
      },
    };
  }

  async #commit(
    lane: Lane,
    blocks: IngestedBlock[],
    state: {
      snapshots: PoolSnapshot[];
      network: NetworkSnapshot[];
      days: DayRow[];
      metagraphs: MetagraphSnapshot[];
      holders: HolderState;
      checks: { checks: EngineCheck[]; ms: number };
    },
    heads: Heads,
    laneDone: boolean,
  ): Promise<void> {
    const last = blocks.at(-1)!;
    const stats = await transaction(this.#o.pool, async (client) => {
      const written = await writeBlocks(client, blocks, heads.finalized);
      await writeSnapshots(client, state.snapshots);
      if (state.snapshots.length > 0) await writeCandles(client, blocks[0]!.raw.number, last.raw.number);
      await writeNetworkSnapshots(client, state.network);
      await writeMetagraphs(client, state.metagraphs);
      if (state.holders.scan) await writeHolderScan(client, state.holders.scan);
      if (state.holders.balances)
        await writeBalances(client, state.holders.balances.blockNumber, state.holders.balances.rows);
      await writeEngineChecks(client, state.checks.checks);
      for (const d of state.days) await writeDailyStats(client, d.mark, d.totals);
      if (lane.hot) await markFinalized(client, heads.finalized);
      const firstBySpec = new Map<number, number>();
      for (const b of blocks)
        if (!firstBySpec.has(b.decoded.specVersion)) firstBySpec.set(b.decoded.specVersion, b.raw.number);
      for (const [spec, n] of firstBySpec) {
        await client.query(
          "UPDATE runtime_versions SET first_block = LEAST(COALESCE(first_block, $2), $2) WHERE spec_version = $1",
          [spec, n],
        );
      }
      await writeStatus(client, {
        lane: lane.name,
        blockNumber: last.raw.number,
        blockHash: last.raw.hash,
        chainHead: heads.best,
        finalized: heads.finalized,
      });
      if (lane.lease) await heartbeat(client, lane.lease, laneDone);
      return written;
    });
    this.metrics.recordBatch(
      stats.blocks,
      stats.extrinsics,
      stats.events,
      last.raw.number,
      last.decoded.timestampMs,
    );
    this.metrics.recordEngineChecks(state.checks.checks, state.checks.ms);
    const policy = this.#o.snapshots;
    if (policy && lane.hot && last.raw.number - this.#lastPrune >= 1000) {
      this.#lastPrune = last.raw.number;
      await pruneSnapshots(this.#o.pool, heads.best - policy.window, policy.every);
      await pruneNetworkSnapshots(this.#o.pool, heads.best - policy.window, policy.every);
      await pruneScanHistory(this.#o.pool, heads.best - policy.window, SCAN_HISTORY_BUCKET);
    }
  }

  /** True when `block` extends what we stored (or nothing is stored before it). */
  async #linksToStored(block: RawBlock): Promise<boolean> {
    if (block.number === 0) return true;
    const parent = (await storedHashes(this.#o.pool, block.number - 1, block.number - 1)).get(
      block.number - 1,
    );
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
    const canonical = await Promise.all(
      r.rows.map((x) => o.client.call<Hex | null>("chain_getBlockHash", [x.number])),
    );
    const forkAt = r.rows.findIndex((row, i) => canonical[i] !== row.hash);
    if (forkAt === -1) {
      if (!known) return next;
      // The parent link broke but every hot block still matches: the break is below the hot window, which
      // only happens if finality itself was violated. Refuse to guess.
      throw new Error(`block ${next} does not extend the stored block ${next - 1}, which is final`);
    }
    const from = r.rows[forkAt]!.number;
    await transaction(o.pool, async (client) => {
      await deleteFrom(client, from);
      const prev = from - 1;
      const prevHash = (await storedHashes(client, prev, prev)).get(prev) ?? null;
      await writeStatus(client, {
        lane: MAIN_LANE,
        blockNumber: prev,
        blockHash: prevHash,
        chainHead: null,
        finalized: null,
      });
    });
    this.metrics.reorgs++;
    this.#segments = undefined;
    this.#metagraphNetuids = null;
    this.#lastHolderScan = undefined;
    o.log("reorg", { rolledBackFrom: from, depth: next - from });
    return from;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
