// Validator APY on hand-made epochs (exact expectations), beside the devnet-indexed checks in validators.test.ts:
// returns per epoch after take, compounding, annualising over the epochs' span, windows, the value weighting
// over subnets, and the overflow guard.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeQueryPool } from "../../lib/queries/pool";
import { APY_WINDOWS, hotkeyApys, weightedMean } from "../../lib/queries/validator-apy";
import { freshDatabase, type TestDatabase, testPool } from "../helpers/db";

let database: TestDatabase;
let pool: pg.Pool;
const HOT = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";
const WHALE = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";

async function epoch(
  netuid: number,
  block: number,
  hotkey: string,
  stake: bigint,
  emission: bigint,
  take: number,
) {
  await pool.query(
    `INSERT INTO metagraph_snapshots (netuid, block_number, reason, neurons) VALUES ($1, $2, 'epoch', 1)
     ON CONFLICT DO NOTHING`,
    [netuid, block],
  );
  await pool.query(
    `INSERT INTO metagraph_neurons (netuid, block_number, uid, hotkey, stake, root_stake, validator_permit,
       validator_trust, consensus, incentive, dividends, emission, active, last_update, take)
     VALUES ($1, $2, (SELECT count(*) FROM metagraph_neurons WHERE netuid = $1 AND block_number = $2), $3, $4, 0,
       true, 0, 0, 0, 0, $5, true, $2, $6)`,
    [netuid, block, hotkey, stake.toString(), emission.toString(), take],
  );
}

beforeAll(async () => {
  database = await freshDatabase();
  pool = testPool(database.url);
  vi.stubEnv("DATABASE_URL", database.url);
  // Subnet 1: an epoch every 360 blocks from block 1,000 to 300,000 (≈ 41 days), stake 1,000,000 alpha rao after
  // each epoch, emission 100 with an 18 % take (11796/65535).
  for (let b = 1_000; b <= 300_000; b += 360) await epoch(1, b, HOT, 1_000_000n, 100n, 11_796);
  // Subnet 2: two epochs only in the newest day, a richer yield, and a price of 0.5 TAO.
  await epoch(2, 299_700, HOT, 2_000_000n, 1_000n, 0);
  await epoch(2, 300_000, HOT, 2_000_000n, 1_000n, 0);
  await pool.query(
    `INSERT INTO pool_snapshots (netuid, block_number, price_rao) VALUES (1, 300000, 1000000000), (2, 300000, 500000000)`,
  );
  // A hotkey whose yield would annualise past 10^12: null, not an overflow.
  await epoch(1, 299_640, WHALE, 10n, 9n, 0);
  await epoch(1, 300_000, WHALE, 10n, 9n, 0);
}, 120_000);
afterAll(async () => {
  await closeQueryPool();
  await pool?.end();
  await database?.drop();
});

describe("validator APY", () => {
  it("compounds per-epoch returns after take and annualises over the covered blocks", async () => {
    const apy = (await hotkeyApys([HOT, WHALE])).get(HOT)!;
    const s1 = apy.bySubnet.get(1)!;
    // nominated = floor(100 × (65535 - 11796) / 65535) = 82; r = 82 / (1,000,000 - 82).
    const r = 82 / (1_000_000 - 82);
    const expected = (win: number) => {
      const n = Math.floor((win - 1) / 360) + 1; // epochs in (head - win, head], head = 300,000 - (300,000-1,000) % 360
      const span = Math.trunc(((n - 1) * 360 * n) / (n - 1));
      return { n, span, apy: Math.expm1((n * Math.log1p(r) * 2_628_000) / span) };
    };
    for (const [key, win] of Object.entries(APY_WINDOWS) as [keyof typeof APY_WINDOWS, number][]) {
      const e = expected(win);
      expect(Math.abs(Number(s1[key]) - e.apy), key).toBeLessThan(1e-6);
      expect(s1[key]).toMatch(/^[0-9]+\.[0-9]{6}$/);
    }
    expect(s1.epochs_d30).toBe(expected(APY_WINDOWS.d30).n);
    expect(s1.span_blocks_d30).toBe(expected(APY_WINDOWS.d30).span);

    const s2 = apy.bySubnet.get(2)!;
    const apy2 = Math.expm1((2 * Math.log1p(1_000 / 1_999_000) * 2_628_000) / 600);
    expect(Math.abs(Number(s2.d1) - apy2)).toBeLessThan(1e-6);
    expect(s2.d30).toBe(s2.d1);
    // Overall: weighted by TAO value, 1,000,000 × 1 and 2,000,000 × 0.5 → equal weights.
    expect(apy.overall.d1).toBe(
      weightedMean(
        [
          [s1.d1!, 1_000_000n],
          [s2.d1!, 1_000_000n],
        ],
        2_000_000n,
      ),
    );
    expect(Math.abs(Number(apy.overall.d1) - (Number(s1.d1) + Number(s2.d1)) / 2)).toBeLessThan(2e-6);
  });

  it("reports null past 10^12 and for hotkeys with fewer than two epochs", async () => {
    const all = await hotkeyApys([HOT, WHALE, "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM"]);
    expect(all.get(WHALE)!.bySubnet.get(1)!.d1).toBeNull();
    expect(all.get(WHALE)!.overall.d1).toBeNull();
    expect(all.has("5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM")).toBe(false);
    expect(await hotkeyApys([])).toEqual(new Map());
  });

  it("averages decimal strings exactly", () => {
    expect(
      weightedMean(
        [
          ["0.100000", 1n],
          ["0.200000", 3n],
        ],
        4n,
      ),
    ).toBe("0.175000");
    expect(
      weightedMean(
        [
          ["1.5", 0n],
          ["-0.5", 0n],
        ],
        0n,
      ),
    ).toBe("0.500000");
    expect(weightedMean([], 0n)).toBeNull();
  });
});
