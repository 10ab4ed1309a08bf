// What the indexer exposes about itself: head age, lag, throughput and errors, as Prometheus text on
// `--metrics-port` (loopback only) and in the progress lines.
import http from "node:http";

export class IndexerMetrics {
  blocks = 0;
  extrinsics = 0;
  events = 0;
  errors = 0;
  reorgs = 0;
  chainHead: number | null = null;
  finalized: number | null = null;
  indexedHead: number | null = null;
  /** Chain timestamp of the newest indexed block (ms). */
  indexedTimestampMs: number | null = null;
  readonly startedAt = Date.now();
  /** Engine self-check per spec version of the checked blocks: blocks, blocks with mismatches, mismatching items. */
  readonly engineChecks = new Map<number, { blocks: number; mismatchBlocks: number; mismatches: number }>();
  /** Wall time spent in the self-check (reads + engine), ms. */
  engineCheckMs = 0;
  /** Blocks written in the last few windows, for a rate that reflects now rather than the whole run. */
  #window: { at: number; blocks: number }[] = [];

  recordBatch(
    blocks: number,
    extrinsics: number,
    events: number,
    head: number,
    timestampMs: number | null,
  ): void {
    this.blocks += blocks;
    this.extrinsics += extrinsics;
    this.events += events;
    this.indexedHead = head;
    if (timestampMs !== null) this.indexedTimestampMs = timestampMs;
    const now = Date.now();
    this.#window.push({ at: now, blocks });
    while (this.#window.length > 0 && now - this.#window[0]!.at > 10_000) this.#window.shift();
  }

  recordEngineChecks(
    checks: readonly { specVersion: number; rules: string | null; mismatches: readonly unknown[] }[],
    ms: number,
  ): void {
    this.engineCheckMs += ms;
    for (const c of checks) {
      if (c.rules === null) continue;
      const m = this.engineChecks.get(c.specVersion) ?? { blocks: 0, mismatchBlocks: 0, mismatches: 0 };
      m.blocks++;
      if (c.mismatches.length > 0) m.mismatchBlocks++;
      m.mismatches += c.mismatches.length;
      this.engineChecks.set(c.specVersion, m);
    }
  }

  /** Blocks per second over the last 10 s of writes. */
  rate(): number {
    if (this.#window.length === 0) return 0;
    const span = Math.max(1, Date.now() - this.#window[0]!.at);
    const blocks = this.#window.reduce((s, w) => s + w.blocks, 0);
    return (blocks * 1000) / Math.max(span, 1000);
  }

  lag(): number | null {
    return this.finalized !== null && this.indexedHead !== null
      ? Math.max(0, this.finalized - this.indexedHead)
      : null;
  }

  headAgeSeconds(): number | null {
    return this.indexedTimestampMs === null
      ? null
      : Math.max(0, (Date.now() - this.indexedTimestampMs) / 1000);
  }

  prometheus(): string {
    const lines: string[] = [];
    const metric = (name: string, type: "gauge" | "counter", help: string, value: number | null) => {
      if (value === null) return;
      lines.push(
        `# HELP taoview_indexer_${name} ${help}`,
        `# TYPE taoview_indexer_${name} ${type}`,
        `taoview_indexer_${name} ${value}`,
      );
    };
    metric("blocks_total", "counter", "Blocks written since start", this.blocks);
    metric("extrinsics_total", "counter", "Extrinsics written since start", this.extrinsics);
    metric("events_total", "counter", "Events written since start", this.events);
    metric("errors_total", "counter", "Failed passes (retried)", this.errors);
    metric("reorgs_total", "counter", "Reorgs rolled back", this.reorgs);
    metric("chain_head", "gauge", "Best block of the chain", this.chainHead);
    metric("chain_finalized", "gauge", "Finalized block of the chain", this.finalized);
    metric("indexed_head", "gauge", "Newest indexed block", this.indexedHead);
    metric("lag_blocks", "gauge", "Finalized head minus indexed head", this.lag());
    metric(
      "head_age_seconds",
      "gauge",
      "Age of the newest indexed block by its chain timestamp",
      this.headAgeSeconds(),
    );
    metric("blocks_per_second", "gauge", "Write rate over the last 10 s", Math.round(this.rate() * 10) / 10);
    const labelled = (
      name: string,
      help: string,
      pick: (m: { blocks: number; mismatchBlocks: number; mismatches: number }) => number,
    ) => {
      if (this.engineChecks.size === 0) return;
      lines.push(`# HELP taoview_indexer_${name} ${help}`, `# TYPE taoview_indexer_${name} counter`);
      for (const [spec, m] of [...this.engineChecks].sort((a, b) => a[0] - b[0]))
        lines.push(`taoview_indexer_${name}{spec="${spec}"} ${pick(m)}`);
    };
    labelled("engine_checked_blocks_total", "Blocks whose coinbase the engine recomputed", (m) => m.blocks);
    labelled(
      "engine_mismatch_blocks_total",
      "Checked blocks where the chain and the engine differ",
      (m) => m.mismatchBlocks,
    );
    labelled("engine_mismatches_total", "Mismatching (subnet, item) pairs", (m) => m.mismatches);
    if (this.engineChecks.size > 0)
      metric(
        "engine_check_seconds_total",
        "counter",
        "Time spent in the engine self-check",
        this.engineCheckMs / 1000,
      );
    return `${lines.join("\n")}\n`;
  }

  /** Serves GET /metrics on 127.0.0.1:port; resolves with a closer. */
  serve(port: number): Promise<() => Promise<void>> {
    const server = http.createServer((req, res) => {
      if (req.method === "GET" && req.url === "/metrics") {
        res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
        res.end(this.prometheus());
      } else {
        res.writeHead(404).end();
      }
    });
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve(() => new Promise((r) => server.close(() => r()))));
    });
  }
}
