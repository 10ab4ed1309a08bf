// The 24 h window of /subnets on a hand-made history longer than a day (a devnet history is minutes long):
// the reference is the newest snapshot at or before head time − 24 h, thinned history included; a subnet
// re-registered inside the window is measured from its registration; a counter that went down gives null.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeCandles } from "../../indexer/state/candles";
import { closeQueryPool } from "../../lib/queries/pool";
import { getSubnet, listSubnets, priceCandles } from "../../lib/queries/subnets";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const HOUR = 3_600_000;

let database: TestDatabase;
let pool: pg.Pool;

/** Block n at T0 + n hours (one block an hour keeps the rows few). */
const at = (n: number) => new Date(T0 + n * HOUR);

beforeAll(async () => {
  database = await freshDatabase();
  pool = testPool(database.url);
  vi.stubEnv("DATABASE_URL", database.url);
  const hash = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
  for (let n = 0; n <= 50; n++)
    await pool.query(
      `INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, spec_version, "timestamp",
                           extrinsic_count, event_count) VALUES ($1, $2, $3, $2, $2, 1, $4, 0, 0)`,
      [n, hash(n), hash(Math.max(n - 1, 0) + (n === 0 ? 99 : 0)), at(n)],
    );
  // netuid 1: every block; price 1000 + 10n, volume 100n. netuid 2: thinned (every 5th block) before 40.
  // netuid 3: re-registered at 45, its volume counter restarted. Emission 1 : 3 : 0.
  const snap = (netuid: number, n: number, price: number, volume: number, emission: number) =>
    pool.query(
      `INSERT INTO pool_snapshots (netuid, block_number, tao_in, alpha_in, alpha_out, price_rao, moving_price,
                                   tao_in_emission, alpha_in_emission, alpha_out_emission, volume)
       VALUES ($1, $2, 5000, 3000000000, 7000000000, $3, 0, $4, 0, 0, $5)`,
      [netuid, n, price, emission, volume],
    );
  for (let n = 0; n <= 50; n++) {
    await snap(1, n, 1000 + 10 * n, 100 * n, 1);
    if (n >= 40 || n % 5 === 0) await snap(2, n, 2000 - n, 7 * n, 3);
    await snap(3, n, n < 45 ? 500 : 800 + n, n < 45 ? 1000 * n : n - 45, 0);
  }
  // Candles as the indexer keeps them, in two batches: the second day's bucket is merged across them.
  const client = await pool.connect();
  try {
    await writeCandles(client, 0, 30);
    await writeCandles(client, 31, 50);
  } finally {
    client.release();
  }
  await pool.query(
    `INSERT INTO registrations (block_number, event_index, kind, netuid, coldkey)
     VALUES (45, 0, 'network', 3, '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY')`,
  );
});
afterAll(async () => {
  await closeQueryPool();
  await pool?.end();
  await database?.drop();
});

describe("24 h window", () => {
  it("compares with the snapshot 24 h before the head, honouring thinning and registration", async () => {
    const list = await listSubnets({ page: 1, limit: 10, field: "netuid", dir: "asc" });
    const [s1, s2, s3] = list.data;
    // head = block 50 at T0+50h → reference time T0+26h → block 26
    expect(s1).toMatchObject({
      netuid: 1,
      block_number: 50,
      window_start_block: 26,
      price: "1500",
      // (1500 − 1260) / 1260 × 100 = 19.047619… → 19.0476
      price_change_24h: "19.0476",
      volume_24h: String(100 * 50 - 100 * 26),
      // floor(1500 × 1e10 / 1e9)
      market_cap: "15000",
      emission_share: "0.25",
      registered_block: null,
      owner: null,
    });
    // thinned: newest stored snapshot at or before block 26 is 25
    expect(s2).toMatchObject({
      netuid: 2,
      window_start_block: 25,
      price_change_24h: String(Math.round(((1950 - 1975) / 1975) * 100 * 1e4) / 1e4),
      volume_24h: String(7 * 50 - 7 * 25),
      emission_share: "0.75",
    });
    // re-registered at 45: the window starts there, not at the old subnet's history
    expect(s3).toMatchObject({
      netuid: 3,
      window_start_block: 45,
      registered_block: 45,
      volume_24h: "5",
      emission_share: "0",
    });
    expect(s3!.owner?.ss58).toBe("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    expect(s3!.price_change_24h).toBe(String(Math.round(((850 - 845) / 845) * 100 * 1e4) / 1e4));
  });

  it("sorts by derived fields in SQL", async () => {
    const byChange = await listSubnets({ page: 1, limit: 10, field: "price_change_24h", dir: "desc" });
    expect(byChange.data.map((s) => s.netuid)).toEqual([1, 3, 2]);
    const byCap = await listSubnets({ page: 1, limit: 2, field: "market_cap", dir: "asc" });
    expect(byCap.data.map((s) => s.netuid)).toEqual([3, 1]);
    expect(byCap.pagination).toMatchObject({ total: 3, next: 2, prev: null });
  });

  it("detail 404s (null) for a subnet not in the head block; daily candles span the thinned history", async () => {
    expect(await getSubnet(9)).toBeNull();
    const days = await priceCandles({ netuid: 2, frequency: "day", limit: 10 });
    // T0 + 0..23h, 24..47h, 48..50h
    expect(days.map((d) => [d.first_block, d.last_block, d.open, d.high, d.low, d.close, d.volume])).toEqual([
      [0, 20, "2000", "2000", "1980", "1980", String(7 * 20)],
      [25, 47, "1975", "1975", "1953", "1953", String(7 * 47 - 7 * 20)],
      [48, 50, "1952", "1952", "1950", "1950", String(7 * 50 - 7 * 47)],
    ]);
    expect(days[0]!.timestamp).toBe("2026-01-01T00:00:00.000Z");
  });
});
