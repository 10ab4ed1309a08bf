// Metagraph snapshots: a subnet's UIDs as the chain stored them at an epoch block (or the first indexed block).

import { toAddress } from "../api/v1/address";
import type { PagePagination } from "../api/v1/schemas";
import type { MetagraphDto, MetagraphNeuronDto } from "../api/v1/validator-schemas";
import { empty, raw, select, sql } from "./sql";

const U16_MAX = 65_535n;
const DIGITS = 10;
const SCALE = 10n ** BigInt(DIGITS);

/** A stored u16 proportion as a decimal string: value / 65535 truncated to 10 places (65535 → "1.0000000000"). */
export function u16Proportion(value: number): string {
  const scaled = (BigInt(value) * SCALE) / U16_MAX;
  const whole = scaled / SCALE;
  return `${whole}.${(scaled % SCALE).toString().padStart(DIGITS, "0")}`;
}

export const METAGRAPH_ORDER_FIELDS = [
  "uid",
  "stake",
  "validator_trust",
  "consensus",
  "incentive",
  "dividends",
  "emission",
  "last_update",
] as const;
export type MetagraphOrderField = (typeof METAGRAPH_ORDER_FIELDS)[number];

export interface MetagraphQuery {
  netuid: number;
  /** Latest snapshot at or before this block; undefined: the latest. */
  block?: number;
  search?: string;
  page: number;
  limit: number;
  field: MetagraphOrderField;
  dir: "asc" | "desc";
}

export interface NeuronRow {
  uid: number;
  hotkey: string;
  coldkey: string | null;
  stake: string;
  root_stake: string;
  validator_permit: boolean;
  validator_trust: number;
  trust: number | null;
  consensus: number;
  incentive: number;
  dividends: number;
  stake_weight: number | null;
  emission: string;
  active: boolean;
  last_update: string;
  registered_at: string | null;
  axon: string | null;
  take: number | null;
}

export const NEURON_COLUMNS = raw(
  `m.uid, m.hotkey, m.coldkey, m.stake::text AS stake, m.root_stake::text AS root_stake, m.validator_permit,
   m.validator_trust, m.trust, m.consensus, m.incentive, m.dividends, m.stake_weight, m.emission::text AS emission,
   m.active, m.last_update::text AS last_update, m.registered_at::text AS registered_at, m.axon, m.take`,
);

const opt = (v: number | null) => (v === null ? null : u16Proportion(v));

export function blocksSince(block: number, lastUpdate: string): string {
  const d = BigInt(block) - BigInt(lastUpdate);
  return (d > 0n ? d : 0n).toString();
}

export function neuronDto(r: NeuronRow, block: number): MetagraphNeuronDto {
  return {
    uid: r.uid,
    role: r.validator_permit ? "validator" : "miner",
    hotkey: toAddress(r.hotkey)!,
    coldkey: toAddress(r.coldkey),
    stake: r.stake,
    root_stake: r.root_stake,
    validator_permit: r.validator_permit,
    validator_trust: u16Proportion(r.validator_trust),
    validator_trust_u16: r.validator_trust,
    trust: opt(r.trust),
    trust_u16: r.trust,
    consensus: u16Proportion(r.consensus),
    consensus_u16: r.consensus,
    incentive: u16Proportion(r.incentive),
    incentive_u16: r.incentive,
    dividends: u16Proportion(r.dividends),
    dividends_u16: r.dividends,
    stake_weight: opt(r.stake_weight),
    stake_weight_u16: r.stake_weight,
    emission: r.emission,
    active: r.active,
    last_update: r.last_update,
    blocks_since_update: blocksSince(block, r.last_update),
    registered_at: r.registered_at,
    axon: r.axon,
    take: opt(r.take),
    take_u16: r.take,
  };
}

/** `%` and `_` are literal in a search term. */
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The metagraph at (or before) a block, or null when the subnet has no snapshot there. */
export async function getMetagraph(q: MetagraphQuery): Promise<MetagraphDto | null> {
  const snaps = await select<
    {
      netuid: number;
      block_number: number;
      reason: "epoch" | "initial" | "registration";
      neurons: number;
      ts: Date | null;
    }[]
  >`
    SELECT s.netuid, s.block_number, s.reason, s.neurons, b."timestamp" AS ts
    FROM metagraph_snapshots s LEFT JOIN blocks b ON b.number = s.block_number
    WHERE s.netuid = ${q.netuid} ${q.block === undefined ? empty : sql`AND s.block_number <= ${q.block}`}
    ORDER BY s.block_number DESC LIMIT 1`;
  const snap = snaps[0];
  if (!snap) return null;
  const term = q.search?.trim();
  const filter = term
    ? /^\d{1,5}$/.test(term)
      ? sql`AND m.uid = ${Number(term)}`
      : sql`AND (m.hotkey ILIKE ${like(term)} OR m.coldkey ILIKE ${like(term)} OR m.axon ILIKE ${like(term)})`
    : empty;
  const dir = q.dir === "asc" ? "ASC" : "DESC";
  const order = raw(`m.${q.field} ${dir}, m.uid ${q.field === "uid" ? dir : "ASC"}`);
  const [rows, totals] = await Promise.all([
    select<NeuronRow[]>`
      SELECT ${NEURON_COLUMNS} FROM metagraph_neurons m
      WHERE m.netuid = ${snap.netuid} AND m.block_number = ${snap.block_number} ${filter}
      ORDER BY ${order} LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`,
    term
      ? select<{ n: number }[]>`
          SELECT count(*)::int AS n FROM metagraph_neurons m
          WHERE m.netuid = ${snap.netuid} AND m.block_number = ${snap.block_number} ${filter}`
      : Promise.resolve([{ n: snap.neurons }]),
  ]);
  const total = totals[0]?.n ?? 0;
  return {
    snapshot: {
      netuid: snap.netuid,
      block_number: snap.block_number,
      timestamp: snap.ts ? snap.ts.toISOString() : null,
      reason: snap.reason,
      neurons: snap.neurons,
    },
    pagination: pagePagination(q.page, q.limit, total),
    data: rows.map((r) => neuronDto(r, snap.block_number)),
  };
}

export function pagePagination(page: number, limit: number, total: number): PagePagination {
  const pages = Math.ceil(total / limit);
  return {
    page,
    limit,
    total,
    next: page < pages ? page + 1 : null,
    prev: page > 1 ? Math.min(page - 1, Math.max(pages, 1)) : null,
  };
}
