// `npx tsx bench/api.ts`: latency and throughput of the public API's paginated lists on a database with
// ≥ 1,000,000 events. Target (issue 6): p99 ≤ 100 ms at 100 concurrent connections for paginated lists.
//
// What runs: a throw-away embedded PostgreSQL (under .tmp/), migrated, filled with generated rows by SQL
// (generate_series; real SS58 signers, 0x hashes) and VACUUM ANALYZEd; then a child process serving the
// /api/v1 route handlers behind a plain node:http server (the same `route()` handlers Next.js calls, without
// Next's router — `next start` would need a production build), rate limit off; then autocannon, 100
// connections, against first pages and random deep keyset pages (each request a different cursor).
// Also: blocks by spec_version, events by section, and transfers (2 per block; by either side's address).
// Then the filtered deep pages one request at a time, with the new indexes and with the ones they replaced.
// Flags: --no-compare, --compare-requests N (default 200), --blocks N (default 250,000; 5 events and 3 extrinsics each), --duration S per scenario (default 10),
// --keep (leave the cluster folder), --cpu-prof DIR (profile the server), --only REGEX (scenarios by name).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { Keyring } from "@polkadot/keyring";
import { cryptoWaitReady } from "@polkadot/util-crypto";
import autocannon from "autocannon";
import pg from "pg";
import { childEnv, REPO_ROOT } from "../lib/config";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = http.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

// --- serve mode (child process): the route handlers behind node:http -----------------------------------------

async function serve(port: number): Promise<void> {
  const { route, API_PREFIX } = await import("../lib/api/v1/http/route");
  const { configureRateLimit } = await import("../lib/api/v1/http/rate-limit");
  const { endpoints } = await import("../lib/api/v1/registry");
  configureRateLimit(null);
  const table = Object.values(endpoints).map((e) => {
    const names: string[] = [];
    const pattern = e.path.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, (_, n: string) => {
      names.push(n);
      return "([^/]+)";
    });
    return { re: new RegExp(`^${API_PREFIX}${pattern}$`), names, handlers: route(e) };
  });
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    for (const r of table) {
      const m = r.re.exec(url.pathname);
      if (!m) continue;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      const response = await r.handlers.GET(new Request(url, { headers }), {
        params: Promise.resolve(params),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      // JSON answers are small and complete: write them in one go; only CSV exports are streamed.
      if (!response.body) res.end();
      else if (response.headers.get("content-type")?.startsWith("text/csv"))
        Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
      else res.end(Buffer.from(await response.arrayBuffer()));
      return;
    }
    res.writeHead(404).end();
  });
  // A clean exit on SIGTERM, so --cpu-prof can write its profile.
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
  server.listen(port, "127.0.0.1", () => process.send?.("ready"));
}

/** `--cpu-prof DIR`: profile the server process (node --cpu-prof) into DIR. */
function profileArgs(): string[] {
  const i = process.argv.indexOf("--cpu-prof");
  const dir = i >= 0 ? process.argv[i + 1] : undefined;
  return dir ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(dir)] : [];
}

// --- data --------------------------------------------------------------------------------------------------

export async function fill(url: string, blocks: number, signers: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t = performance.now();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query(
      `INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, spec_version, "timestamp", author,
                           extrinsic_count, event_count, finalized)
       SELECT n, '0x' || lpad(to_hex(n), 64, '0'), '0x' || lpad(to_hex(greatest(n - 1, 0)), 64, '0'),
              '0x' || md5('s' || n) || md5('t' || n), '0x' || md5('x' || n) || md5('y' || n), 393,
              timestamptz '2025-01-01 00:00:00+00' + n * interval '12 seconds', $2, 3, 5, n < $1 - 3
       FROM generate_series(0, $1 - 1) AS n`,
      [blocks, signers[0]],
    );
    await client.query(
      `INSERT INTO extrinsics (block_number, index, hash, signed, signer, section, method, args, success, error, fee,
                               tip, nonce)
       SELECT n, i, '0x' || md5(n || '-' || i) || md5(i || '-' || n), i > 0,
              CASE WHEN i > 0 THEN ($2::text[])[1 + (n * 2 + i) % array_length($2::text[], 1)] END,
              CASE WHEN i = 0 THEN 'timestamp' ELSE 'balances' END,
              CASE WHEN i = 0 THEN 'set' ELSE 'transferKeepAlive' END,
              CASE WHEN i = 0 THEN jsonb_build_object('now', (1735689600000::bigint + n::bigint * 12000)::text)
                   ELSE jsonb_build_object('dest', jsonb_build_object('Id', ($2::text[])[1 + n % array_length($2::text[], 1)]),
                                           'value', (n::bigint * 1000000007)::text) END,
              (n + i) % 50 <> 0, NULL,
              CASE WHEN i > 0 THEN 150000 + (n % 1000) END, CASE WHEN i > 0 THEN 0 END,
              CASE WHEN i > 0 THEN n / 8 END
       FROM generate_series(0, $1 - 1) AS n, generate_series(0, 2) AS i`,
      [blocks, signers],
    );
    await client.query(
      `INSERT INTO events (block_number, index, phase, extrinsic_index, section, method, args)
       SELECT n, i, 'ApplyExtrinsic', (ARRAY[0, 1, 1, 2, 2])[i + 1],
              (ARRAY['system', 'balances', 'balances', 'balances', 'system'])[i + 1],
              (ARRAY['ExtrinsicSuccess', 'Withdraw', 'Transfer', 'Transfer', 'ExtrinsicSuccess'])[i + 1],
              jsonb_build_array((n::bigint * 31 + i)::text)
       FROM generate_series(0, $1 - 1) AS n, generate_series(0, 4) AS i`,
      [blocks],
    );
    // Transfers: the projection of the two balances.Transfer events of each block.
    await client.query(
      `INSERT INTO transfers (block_number, event_index, extrinsic_index, "timestamp", "from", "to", amount)
       SELECT n, i, i - 1, timestamptz '2025-01-01 00:00:00+00' + n * interval '12 seconds',
              ($2::text[])[1 + (n * 2 + i) % array_length($2::text[], 1)],
              ($2::text[])[1 + (n * 3 + i + 1) % array_length($2::text[], 1)],
              (n::numeric * 1000000007 + i) % 100000000000000
       FROM generate_series(0, $1 - 1) AS n, generate_series(2, 3) AS i`,
      [blocks, signers],
    );
    await fillSubnets(client, blocks, signers);
    await client.query(
      `INSERT INTO indexer_status (lane, block_number, chain_head, finalized) VALUES ('main', $1, $1, $1 - 3)`,
      [blocks - 1],
    );
    await client.query("VACUUM ANALYZE");
    const c = await client.query<{ e: string; x: string }>(
      "SELECT (SELECT count(*) FROM events) AS e, (SELECT count(*) FROM extrinsics) AS x",
    );
    console.log(
      `filled ${blocks.toLocaleString("en-US")} blocks, ${Number(c.rows[0]!.x).toLocaleString("en-US")} extrinsics, ` +
        `${Number(c.rows[0]!.e).toLocaleString("en-US")} events in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } finally {
    await client.end();
  }
}

/** Subnets at Finney's scale: the state the subnet list reads, kept the way the indexer keeps it. */
const SUBNETS = 128;
const SUBNET_WINDOW = 7_200;

async function fillSubnets(client: pg.Client, blocks: number, signers: string[]): Promise<void> {
  // Pool snapshots: every block of the last 7,200, every 300th before (the indexer's thinning).
  await client.query(
    `INSERT INTO pool_snapshots (netuid, block_number, tao_in, alpha_in, alpha_out, price_rao, moving_price,
                                 tao_in_emission, alpha_in_emission, alpha_out_emission, volume, burn)
     SELECT s, n, 1000000000000000 + s * 7919 + n, 20000000000000000 + s * 104729 - n, 5000000000000000 + n * 1000,
            50000000 + (s * 1000003 + n * 7) % 40000000, 0.05, 1000000 + s, 20000000 + s, 400000000,
            n::numeric * 1000000 + s, 100000000 + s
     FROM generate_series(0, $2 - 1) AS s,
          generate_series(0, $1 - 1) AS n
     WHERE n >= $1 - $3 OR n % 300 = 0`,
    [blocks, SUBNETS, SUBNET_WINDOW],
  );
  // Network registrations (owners), identities and a stake trade every block on some subnet.
  await client.query(
    `INSERT INTO registrations (block_number, event_index, extrinsic_index, "timestamp", kind, netuid, uid, hotkey,
                                coldkey, cost)
     SELECT s, 100, 1, timestamptz '2025-01-01 00:00:00+00' + s * interval '12 seconds', 'network', s, NULL,
            ($2::text[])[1 + s % array_length($2::text[], 1)], ($2::text[])[1 + s % array_length($2::text[], 1)],
            1000000000000
     FROM generate_series(1, $1 - 1) AS s
     UNION ALL
     SELECT n, 101, 1, timestamptz '2025-01-01 00:00:00+00' + n * interval '12 seconds', 'neuron', n % $1, n % 256,
            ($2::text[])[1 + n % array_length($2::text[], 1)], ($2::text[])[1 + n % array_length($2::text[], 1)],
            100000000 + n % 1000
     FROM generate_series($1, $3 - 1, 7) AS n`,
    [SUBNETS, signers, blocks],
  );
  await client.query(
    `INSERT INTO subnet_identity_changes (block_number, event_index, extrinsic_index, "timestamp", netuid, identity)
     SELECT s, 102, 1, NULL, s, jsonb_build_object('subnetName', 'subnet-' || s, 'symbol', 'S' || s)
     FROM generate_series(1, $1 - 1) AS s`,
    [SUBNETS],
  );
  await client.query(
    `INSERT INTO stake_trades (block_number, event_index, extrinsic_index, "timestamp", action, coldkey, hotkey,
                               netuid, tao, alpha, fee, price_rao)
     SELECT n, 50 + k, 1, timestamptz '2025-01-01 00:00:00+00' + n * interval '12 seconds',
            CASE WHEN (n + k) % 2 = 0 THEN 'stake' ELSE 'unstake' END,
            ($2::text[])[1 + (n + k) % array_length($2::text[], 1)], ($2::text[])[1 + n % array_length($2::text[], 1)],
            (n * 3 + k) % $3, 1000000000 + n % 1000000, 20000000000 + n % 1000000, 50000, 50000000
     FROM generate_series(0, $1 - 1) AS n, generate_series(0, 1) AS k`,
    [blocks, signers, SUBNETS],
  );
  // Metagraphs: each subnet's two newest epochs, 256 UIDs (64 validators).
  await client.query(
    `INSERT INTO metagraph_snapshots (netuid, block_number, reason, neurons, validators)
     SELECT s, $1 - 1 - e * 360 - s, 'epoch', 256, 64 FROM generate_series(0, $2 - 1) AS s, generate_series(0, 1) AS e`,
    [blocks, SUBNETS],
  );
  await client.query(
    `INSERT INTO metagraph_neurons (netuid, block_number, uid, hotkey, coldkey, stake, root_stake, validator_permit,
                                    validator_trust, trust, consensus, incentive, dividends, stake_weight, emission,
                                    active, last_update, registered_at, axon, take)
     SELECT m.netuid, m.block_number, u, ($1::text[])[1 + (u + m.netuid) % array_length($1::text[], 1)],
            ($1::text[])[1 + u % array_length($1::text[], 1)], 1000000000000 + u, 0, u < 64, 60000, NULL,
            1000, 200, 300, NULL, 1000000, true, m.block_number - u, 10, NULL, 11796
     FROM metagraph_snapshots m, generate_series(0, 255) AS u`,
    [signers],
  );
}

// --- index comparison ------------------------------------------------------------------------------------
// The same filtered deep pages, one request at a time (no queueing, so the numbers are the query plans' cost
// rather than CPU contention), with the indexes of migration 20261122050000_api_indexes and with the ones it
// replaced. Run on the same data in the same process, minutes apart.

const OLD_INDEXES = `
  CREATE INDEX events_section_method_block_number_idx ON events (section, method, block_number);
  CREATE INDEX extrinsics_signer_block_number_idx ON extrinsics (signer, block_number);
  CREATE INDEX extrinsics_section_method_block_number_idx ON extrinsics (section, method, block_number);
  CREATE INDEX transfers_from_block_number_idx ON transfers ("from", block_number);
  CREATE INDEX transfers_to_block_number_idx ON transfers ("to", block_number);`;
const NEW_INDEXES = [
  "events_section_method_block_number_index_idx",
  "events_section_block_number_index_idx",
  "extrinsics_signer_block_number_index_idx",
  "extrinsics_section_method_block_number_index_idx",
  "blocks_spec_version_number_idx",
  "transfers_from_block_number_event_index_idx",
  "transfers_to_block_number_event_index_idx",
];

async function sequential(
  port: number,
  path: () => string,
  n: number,
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${path()}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path()}: HTTP ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

async function compareIndexes(url: string, port: number, scenarios: Scenario[], n: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const measure = async () => {
      const out: Record<string, { p50: number; p99: number }> = {};
      for (const s of scenarios) out[s.name] = await sequential(port, s.path, n);
      return out;
    };
    const current = await measure();
    for (const name of NEW_INDEXES) await client.query(`DROP INDEX ${client.escapeIdentifier(name)}`);
    await client.query(OLD_INDEXES);
    await client.query("ANALYZE");
    const old = await measure();
    console.log(
      `\none request at a time, ${n} per scenario: replaced indexes → api_indexes (latency in ms)\n`,
    );
    console.log(
      `${"scenario".padEnd(40)} ${"old p50".padStart(8)} ${"old p99".padStart(8)} ${"new p50".padStart(8)} ${"new p99".padStart(8)}`,
    );
    for (const s of scenarios) {
      const a = old[s.name]!;
      const b = current[s.name]!;
      console.log(
        `${s.name.padEnd(40)} ${a.p50.toFixed(1).padStart(8)} ${a.p99.toFixed(1).padStart(8)} ${b.p50.toFixed(1).padStart(8)} ${b.p99.toFixed(1).padStart(8)}`,
      );
    }
  } finally {
    await client.end();
  }
}

/** Inserts a block after the stored head every second until stopped; answers how many it added. */
async function advanceHeads(url: string, from: number): Promise<{ stop(): Promise<number> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let next = (await client.query<{ n: number }>("SELECT max(number) AS n FROM blocks")).rows[0]!.n + 1;
  let added = 0;
  const timer = setInterval(() => {
    const n = next++;
    void client
      .query(
        `INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, spec_version, "timestamp",
                             extrinsic_count, event_count, finalized)
         VALUES ($1::int, '0x' || lpad(to_hex($1::int), 64, 'f'), '0x' || lpad(to_hex($1::int - 1), 64, '0'),
                 '0x' || md5('s' || $1::text) || md5('t' || $1::text), '0x' || md5('x' || $1::text) || md5('y' || $1::text), 393,
                 timestamptz '2025-01-01 00:00:00+00' + $1::int * interval '12 seconds', 0, 0, false)`,
        [n],
      )
      .then(() => added++);
  }, 1000);
  return {
    async stop() {
      clearInterval(timer);
      await client.query("DELETE FROM blocks WHERE number > $1", [from - 1]);
      await client.end();
      return added;
    },
  };
}

const SUBNET_ORDERS = [
  "netuid",
  "price",
  "market_cap",
  "price_change_1h",
  "price_change_24h",
  "price_change_7d",
  "liquidity",
  "tao_flow_24h",
  "recycled_24h",
  "registration_cost",
  "volume_24h",
  "emission_share",
  "tao_in",
  "alpha_in",
  "alpha_out",
  "registered_block",
];

// --- driver ------------------------------------------------------------------------------------------------

interface Scenario {
  name: string;
  /** A request path; called per request so deep pages differ. */
  path: () => string;
  /** Store a new head block every second while the scenario runs (the cache key of every answer). */
  newHeads?: boolean;
}

async function main(): Promise<void> {
  if (process.argv.includes("--serve")) return serve(flag("--port", 0));
  const blocks = flag("--blocks", 250_000);
  const duration = flag("--duration", 10);
  await cryptoWaitReady();
  const keyring = new Keyring({ type: "sr25519", ss58Format: 42 });
  const signers = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie", "One", "Two"].map(
    (n) => keyring.addFromUri(`//${n}`).address,
  );

  const root = path.resolve(REPO_ROOT, ".tmp");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(path.join(root, "bench-api-pg-"));
  const pgHandle = await startEmbeddedPostgres({
    dir,
    port: await freePort(),
    fast: true,
    database: "bench",
    dirVariable: "(bench cluster)",
    portVariable: "(bench cluster)",
  });
  let child: ChildProcess | undefined;
  try {
    await migrate(pgHandle.url);
    await fill(pgHandle.url, blocks, signers);

    const port = await freePort();
    child = spawn(
      process.execPath,
      [
        ...profileArgs(),
        "--import",
        "tsx",
        path.join(REPO_ROOT, "bench/api.ts"),
        "--serve",
        "--port",
        String(port),
      ],
      {
        env: childEnv({ DATABASE_URL: pgHandle.url, LOG_LEVEL: "warn" }),
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child!.once("message", () => resolve());
      child!.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });

    const rnd = (max: number) => Math.floor(Math.random() * max);
    const scenarios: Scenario[] = [
      { name: "blocks, first page", path: () => "/api/v1/blocks?limit=50" },
      { name: "blocks, random deep page", path: () => `/api/v1/blocks?limit=50&after=${rnd(blocks)}` },
      { name: "extrinsics, first page", path: () => "/api/v1/extrinsics?limit=50" },
      {
        name: "extrinsics, random deep page",
        path: () => `/api/v1/extrinsics?limit=50&after=${rnd(blocks)}-1`,
      },
      {
        name: "extrinsics by signer, deep page",
        path: () =>
          `/api/v1/extrinsics?limit=50&signer=${signers[rnd(signers.length)]}&after=${rnd(blocks)}-1`,
      },
      { name: "events, first page", path: () => "/api/v1/events?limit=50" },
      { name: "events, random deep page", path: () => `/api/v1/events?limit=50&after=${rnd(blocks)}-2` },
      {
        name: "events balances.Transfer, deep page",
        path: () => `/api/v1/events?limit=50&section=balances&method=Transfer&after=${rnd(blocks)}-2`,
      },
      {
        name: "blocks by spec_version, deep page",
        path: () => `/api/v1/blocks?limit=50&spec_version=393&after=${rnd(blocks)}`,
      },
      {
        name: "events by section, deep page",
        path: () => `/api/v1/events?limit=50&section=system&after=${rnd(blocks)}-2`,
      },
      {
        name: "transfers, random deep page",
        path: () => `/api/v1/transfers?limit=50&after=${rnd(blocks)}-2`,
      },
      {
        name: "transfers by address, deep page",
        path: () =>
          `/api/v1/transfers?limit=50&address=${signers[rnd(signers.length)]}&after=${rnd(blocks)}-2`,
      },
      { name: "stats", path: () => "/api/v1/stats" },
      // The subnet list as served: one answer per indexed head, computed once and reused — with a new head
      // every second during the run (12× Finney's block rate), so the answer is recomputed under load.
      { name: "subnets, list (new head/s)", path: () => "/api/v1/subnets?limit=1000", newHeads: true },
      // Every request a different URL (an order × a page size), so every one runs the query.
      {
        name: "subnets, list uncached",
        path: () =>
          `/api/v1/subnets?limit=${900 + rnd(101)}&order=${SUBNET_ORDERS[rnd(SUBNET_ORDERS.length)]}_${rnd(2) ? "asc" : "desc"}`,
      },
      { name: "subnet detail (128 subnets)", path: () => `/api/v1/subnets/${rnd(SUBNETS)}` },
      // Last: its backlog of large pages must not spill into another scenario's numbers.
      { name: "events, 1000 per page", path: () => `/api/v1/events?limit=1000&after=${rnd(blocks)}-0` },
    ];

    // Warm-up: JIT, connection pool, buffer cache.
    await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 20,
      duration: 3,
      requests: [{ setupRequest: (r) => ({ ...r, path: scenarios[rnd(scenarios.length)]!.path() }) }],
    });

    console.log(`\nautocannon, 100 connections, ${duration} s per scenario (latency in ms)\n`);
    console.log(
      `${"scenario".padEnd(40)} ${"p50".padStart(6)} ${"p99".padStart(6)} ${"req/s".padStart(8)}  non-2xx  target`,
    );
    let failed = false;
    const only = process.argv.includes("--only")
      ? new RegExp(process.argv[process.argv.indexOf("--only") + 1]!)
      : null;
    for (const s of scenarios) {
      if (only && !only.test(s.name)) continue;
      const heads = s.newHeads ? await advanceHeads(pgHandle.url, blocks) : null;
      const r = await autocannon({
        url: `http://127.0.0.1:${port}`,
        connections: 100,
        duration,
        requests: [{ setupRequest: (req) => ({ ...req, path: s.path() }) }],
      });
      const added = await heads?.stop();
      // Let the server drain what autocannon left in flight before the next scenario starts.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const subnetList = s.name.startsWith("subnets, list");
      const paginated =
        !subnetList && !s.name.startsWith("subnet detail") && s.name !== "stats" && !s.name.includes("1000");
      const limit = subnetList ? 50 : 100;
      const ok = !(paginated || subnetList) || r.latency.p99 <= limit;
      failed ||= !ok || r.non2xx > 0 || r.errors > 0;
      console.log(
        `${s.name.padEnd(40)} ${String(r.latency.p50).padStart(6)} ${String(r.latency.p99).padStart(6)} ${r.requests.average
          .toFixed(0)
          .padStart(
            8,
          )}  ${String(r.non2xx + r.errors).padStart(7)}  ${paginated || subnetList ? `p99 ≤ ${limit} ${ok ? "✓" : "✗"}` : "—"}${added ? `  (${added} new heads)` : ""}`,
      );
    }
    if (!process.argv.includes("--no-compare"))
      await compareIndexes(
        pgHandle.url,
        port,
        scenarios.filter((s) => /deep page/.test(s.name) && !/random deep/.test(s.name)),
        flag("--compare-requests", 200),
      );
    if (failed) process.exitCode = 1;
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await pgHandle.stop();
    if (!process.argv.includes("--keep")) {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}.log`, { force: true });
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
