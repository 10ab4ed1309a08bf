// Validator APY: the yield a nominator earned by staking to a hotkey, from the epochs the indexer stored
// (metagraph snapshots with reason "epoch"). Methodology in README.md ("Validator APY").
import type { ValidatorApyDto } from "../api/v1/validator-schemas";
import { select } from "./sql";

/** Blocks in a year at 12 s per block. */
export const BLOCKS_PER_YEAR = 7_200 * 365;
/** The windows every APY is given for: 1, 7 and 30 days of blocks. */
export const APY_WINDOWS = { d1: 7_200, d7: 50_400, d30: 216_000 } as const;
export type ApyWindow = keyof typeof APY_WINDOWS;

/** ln(1 + 10^12): above it an APY says nothing (a tiny stake on a young subnet) and is reported as null. */
export const MAX_LOG_GROWTH = 27.631021115928547;

export const APY_METHOD =
  "Per epoch e of the window (metagraph snapshots taken where the subnet's epoch ran, newest epoch block minus " +
  "the window), a nominator's return is r_e = nominated_e / (stake_e - nominated_e), where stake_e = " +
  "TotalHotkeyAlpha[hotkey, netuid] after the epoch and nominated_e = floor(Emission_e × (65535 - take) / 65535), " +
  "the UID's epoch emission after the validator's take (Delegates[hotkey]). The window's growth G = Π(1 + r_e) " +
  "is annualised over the blocks its epochs cover (span = (last - first) × n / (n - 1) for n ≥ 2 epochs): " +
  "APY = G^(2,628,000 / span) - 1, computed in NUMERIC and truncated to 6 decimal places. Epochs where " +
  "stake_e ≤ nominated_e are left out. A hotkey's overall APY weights each subnet's APY by the TAO value of its " +
  "stake there (alpha × the newest pool price; root 1:1). Null with fewer than 2 epochs in the window, or when the " +
  "APY would exceed 10^12 (a tiny stake on a young subnet).";

interface ApyRow {
  hotkey: string;
  netuid: number;
  win: number;
  epochs: number;
  span: number | null;
  apy: string | null;
  value: string;
}

export interface HotkeyApy {
  /** Stake-value-weighted APY over the hotkey's subnets, per window. */
  overall: ValidatorApyDto;
  bySubnet: Map<number, ValidatorApyDto>;
}

function emptyApy(): ValidatorApyDto {
  return { d1: null, d7: null, d30: null, epochs_d30: 0, span_blocks_d30: null };
}

/** APY windows of each hotkey (per subnet and overall). Hotkeys with no epoch rows are absent. */
export async function hotkeyApys(hotkeys: readonly string[]): Promise<Map<string, HotkeyApy>> {
  const out = new Map<string, HotkeyApy>();
  if (hotkeys.length === 0) return out;
  const windows = Object.values(APY_WINDOWS);
  const rows = await select<ApyRow[]>`
    WITH head AS (SELECT coalesce(max(block_number), 0) AS h FROM metagraph_snapshots WHERE reason = 'epoch'),
    e AS (
      SELECT m.hotkey, m.netuid, m.block_number, m.stake,
             trunc(m.emission * (65535 - coalesce(m.take, 0)) / 65535) AS nominated
      FROM metagraph_neurons m JOIN metagraph_snapshots s USING (netuid, block_number), head
      WHERE m.hotkey = ANY(${[...hotkeys]}::text[]) AND s.reason = 'epoch'
        AND m.block_number > head.h - ${Math.max(...windows)}),
    w AS (SELECT unnest(${windows}::int[]) AS win),
    g AS (
      SELECT e.hotkey, e.netuid, w.win, count(*)::int AS epochs,
             CASE WHEN count(*) >= 2
                  THEN (max(e.block_number) - min(e.block_number)) * count(*) / (count(*) - 1) END AS span,
             sum(ln(1 + e.nominated / (e.stake - e.nominated))) AS log_growth
      FROM e, w, head
      WHERE e.block_number > head.h - w.win AND e.stake > e.nominated
      GROUP BY e.hotkey, e.netuid, w.win),
    price AS (
      SELECT DISTINCT ON (netuid) netuid, price_rao FROM pool_snapshots
      WHERE price_rao IS NOT NULL ORDER BY netuid, block_number DESC),
    stake AS (
      SELECT DISTINCT ON (hotkey, netuid) hotkey, netuid, stake FROM metagraph_neurons
      WHERE hotkey = ANY(${[...hotkeys]}::text[]) ORDER BY hotkey, netuid, block_number DESC)
    SELECT g.hotkey, g.netuid, g.win, g.epochs, g.span::int AS span,
           CASE WHEN g.span > 0 AND g.log_growth * ${BLOCKS_PER_YEAR} / g.span <= ${MAX_LOG_GROWTH}
                THEN trunc(exp(g.log_growth * ${BLOCKS_PER_YEAR} / g.span) - 1, 6)::text END AS apy,
           trunc(coalesce(st.stake, 0) * CASE WHEN g.netuid = 0 THEN 1000000000
                                              ELSE coalesce(p.price_rao, 0) END / 1000000000)::text AS value
    FROM g LEFT JOIN price p ON p.netuid = g.netuid
           LEFT JOIN stake st ON st.hotkey = g.hotkey AND st.netuid = g.netuid`;

  const weighted = new Map<string, Map<number, { weight: bigint; parts: [string, bigint][] }>>();
  for (const r of rows) {
    let h = out.get(r.hotkey);
    if (!h) {
      h = { overall: emptyApy(), bySubnet: new Map() };
      out.set(r.hotkey, h);
    }
    let s = h.bySubnet.get(r.netuid);
    if (!s) {
      s = emptyApy();
      h.bySubnet.set(r.netuid, s);
    }
    const key = windowKey(r.win);
    s[key] = r.apy;
    if (key === "d30") {
      s.epochs_d30 = r.epochs;
      s.span_blocks_d30 = r.span;
    }
    if (r.apy !== null) {
      let byWin = weighted.get(r.hotkey);
      if (!byWin) {
        byWin = new Map();
        weighted.set(r.hotkey, byWin);
      }
      const acc = byWin.get(r.win) ?? { weight: 0n, parts: [] };
      acc.parts.push([r.apy, BigInt(r.value)]);
      acc.weight += BigInt(r.value);
      byWin.set(r.win, acc);
    }
  }
  for (const [hotkey, byWin] of weighted) {
    const h = out.get(hotkey) as HotkeyApy;
    for (const [win, acc] of byWin) h.overall[windowKey(win)] = weightedMean(acc.parts, acc.weight);
    let epochs = 0;
    let span: number | null = null;
    for (const s of h.bySubnet.values()) {
      epochs = Math.max(epochs, s.epochs_d30);
      if (s.span_blocks_d30 !== null) span = Math.max(span ?? 0, s.span_blocks_d30);
    }
    h.overall.epochs_d30 = epochs;
    h.overall.span_blocks_d30 = span;
  }
  return out;
}

function windowKey(win: number): ApyWindow {
  for (const [k, v] of Object.entries(APY_WINDOWS)) if (v === win) return k as ApyWindow;
  throw new Error(`unknown APY window ${win}`);
}

const SCALE = 1_000_000n;

/** Σ apy × w / Σ w on decimal strings with 6 places (exact, truncated); equal weights when every w is 0. */
export function weightedMean(parts: readonly [string, bigint][], total: bigint): string | null {
  if (parts.length === 0) return null;
  const fixed = (s: string): bigint => {
    const neg = s.startsWith("-");
    const [i = "0", f = ""] = (neg ? s.slice(1) : s).split(".");
    const v = BigInt(i) * SCALE + BigInt((f + "000000").slice(0, 6));
    return neg ? -v : v;
  };
  let num = 0n;
  let den = total;
  if (den === 0n) {
    for (const [a] of parts) num += fixed(a);
    den = BigInt(parts.length);
  } else for (const [a, w] of parts) num += fixed(a) * w;
  const q = num / den;
  const neg = q < 0n;
  const abs = neg ? -q : q;
  return `${neg ? "-" : ""}${abs / SCALE}.${(abs % SCALE).toString().padStart(6, "0")}`;
}
