// The typed registry of API resources (blockscout style): every client-side fetch goes through one entry here,
// so a path, its parameters and its response schema are declared once. Public API (v1) resources reuse the
// schemas the server shapes its answers with (lib/api/v1/schemas.ts). Server components seed the same query
// keys with the query layer's results (components/query/Prefetch), so the first paint needs no client fetch.
// Owned by the dashboard (issue 7): the explorer pages, live updates and prefetching depend on this shape.

import type { z } from "zod";
import { HealthSchema } from "./schemas/health";
import { SparklinesSchema } from "./schemas/sparklines";
import {
  AccountHistorySchema,
  AccountSchema,
  HolderStatsHistorySchema,
  HotkeyHistorySchema,
  RichListSchema,
  SubnetHoldersSchema,
} from "./v1/account-schemas";
import {
  PoolQuoteStateListSchema,
  ProjectionSchema,
  SlippageCurveSchema,
  SwapQuoteSchema,
} from "./v1/engine-schemas";
import {
  BlockListSchema,
  BlockSchema,
  EventListSchema,
  ExtrinsicDetailSchema,
  ExtrinsicListSchema,
  NetworkSeriesSchema,
  RecycleListSchema,
  RuntimeVersionListSchema,
  SearchResponseSchema,
  StakeTradeListSchema,
  StatsSchema,
  TransferListSchema,
} from "./v1/schemas";
import { HyperparameterHistorySchema, RegistrationCostSeriesSchema } from "./v1/subnet-history-schemas";
import {
  CandleSeriesSchema,
  EmissionSeriesSchema,
  PoolSeriesSchema,
  SubnetActivitySchema,
  SubnetDetailSchema,
  SubnetListSchema,
} from "./v1/subnet-schemas";
import {
  MetagraphSchema,
  NominatorListSchema,
  ValidatorDetailSchema,
  ValidatorListSchema,
} from "./v1/validator-schemas";

type QueryValue = string | number | boolean | undefined;

export interface Resource<S extends z.ZodType, P> {
  path: (params: P) => string;
  schema: S;
  /** How often this resource refreshes on its own (ms); undefined: only on invalidation. */
  refetchInterval?: number;
  /** Refetched when the live stream reports a new indexed head (first pages only, see lib/live). */
  live?: boolean;
}

function define<P = void>() {
  return <S extends z.ZodType>(r: Resource<S, P>) => r;
}

/** `?a=1&b=x` from defined values, keys sorted so equal params give equal URLs. */
export function queryString(params: Record<string, QueryValue>): string {
  const entries = Object.entries(params)
    .filter((e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== "")
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : "";
}

export interface CursorParams {
  limit?: number;
  after?: string;
  before?: string;
}
export interface BlockListParams extends CursorParams {
  order?: "number_asc" | "number_desc";
  block_start?: number;
  block_end?: number;
  spec_version?: number;
}
export interface ExtrinsicListParams extends CursorParams {
  order?: "block_number_asc" | "block_number_desc";
  block_start?: number;
  block_end?: number;
  signer?: string;
  section?: string;
  method?: string;
  success?: boolean;
  signed?: boolean;
}
export interface EventListParams extends CursorParams {
  order?: "block_number_asc" | "block_number_desc";
  block_start?: number;
  block_end?: number;
  section?: string;
  method?: string;
  extrinsic_id?: string;
}
export interface QuoteParams {
  netuid: number;
  direction: "stake" | "unstake";
  /** Base units (rao or alpha), decimal string. */
  amount: string;
  /** Quote against the snapshot at or before this block (the one the browser computed from). */
  block?: number;
}
export interface CurveParams {
  netuid: number;
  direction: "stake" | "unstake";
  max?: string;
  block?: number;
}
export interface TransferListParams extends CursorParams {
  order?: "block_number_asc" | "block_number_desc";
  block_start?: number;
  block_end?: number;
  from?: string;
  to?: string;
  address?: string;
  /** rao, decimal string */
  amount_min?: string;
  amount_max?: string;
}
export interface StakeTradeListParams extends CursorParams {
  order?: "block_number_asc" | "block_number_desc";
  block_start?: number;
  block_end?: number;
  netuid?: number;
  action?: "stake" | "unstake";
  hotkey?: string;
  coldkey?: string;
  amount_min?: string;
  amount_max?: string;
}
export interface RecycleParams {
  frequency?: "day" | "week" | "month";
  netuid?: number;
  order?: "period_asc" | "period_desc";
  page?: number;
  limit?: number;
}
export interface PageParams {
  page?: number;
  limit?: number;
  order?: string;
}

export type SubnetOrderField =
  | "netuid"
  | "price"
  | "market_cap"
  | "price_change_1h"
  | "price_change_24h"
  | "price_change_7d"
  | "liquidity"
  | "tao_flow_24h"
  | "recycled_24h"
  | "registration_cost"
  | "volume_24h"
  | "emission_share"
  | "tao_in"
  | "alpha_in"
  | "alpha_out"
  | "registered_block";
export interface SubnetListParams {
  order?: `${SubnetOrderField}_${"asc" | "desc"}`;
  page?: number;
  limit?: number;
}
export interface SubnetSeriesParams {
  netuid: number;
  frequency?: "block" | "hour" | "day";
  /** ISO 8601 or unix seconds */
  from?: string;
  limit?: number;
}
export interface HistoryParams {
  frequency?: "block" | "hour" | "day";
  limit?: number;
}
export interface MetagraphParams extends PageParams {
  netuid: number;
  block?: number;
  search?: string;
}

const enc = encodeURIComponent;

export const resources = {
  health: define()({ path: () => "/api/health", schema: HealthSchema, refetchInterval: 30_000, live: true }),
  stats: define()({ path: () => "/api/v1/stats", schema: StatsSchema, live: true }),
  statsHistory: define<HistoryParams>()({
    path: (p) => `/api/v1/stats/history${queryString({ ...p })}`,
    schema: NetworkSeriesSchema,
    live: true,
  }),
  blocks: define<BlockListParams>()({
    path: (p) => `/api/v1/blocks${queryString({ ...p })}`,
    schema: BlockListSchema,
    live: true,
  }),
  block: define<{ id: string }>()({ path: (p) => `/api/v1/blocks/${enc(p.id)}`, schema: BlockSchema }),
  extrinsics: define<ExtrinsicListParams>()({
    path: (p) => `/api/v1/extrinsics${queryString({ ...p })}`,
    schema: ExtrinsicListSchema,
    live: true,
  }),
  extrinsic: define<{ id: string }>()({
    path: (p) => `/api/v1/extrinsics/${enc(p.id)}`,
    schema: ExtrinsicDetailSchema,
  }),
  events: define<EventListParams>()({
    path: (p) => `/api/v1/events${queryString({ ...p })}`,
    schema: EventListSchema,
    live: true,
  }),
  transfers: define<TransferListParams>()({
    path: (p) => `/api/v1/transfers${queryString({ ...p })}`,
    schema: TransferListSchema,
    live: true,
  }),
  stakeTrades: define<StakeTradeListParams>()({
    path: (p) => `/api/v1/stake-trades${queryString({ ...p })}`,
    schema: StakeTradeListSchema,
    live: true,
  }),
  recycle: define<RecycleParams>()({
    path: (p) => `/api/v1/recycle${queryString({ ...p })}`,
    schema: RecycleListSchema,
    live: true,
  }),
  runtimeVersions: define<PageParams>()({
    path: (p) => `/api/v1/runtime-versions${queryString({ ...p })}`,
    schema: RuntimeVersionListSchema,
  }),
  poolStates: define()({ path: () => "/api/v1/engine/pools", schema: PoolQuoteStateListSchema, live: true }),
  quote: define<QuoteParams>()({
    path: (p) => `/api/v1/engine/quote${queryString({ ...p })}`,
    schema: SwapQuoteSchema,
  }),
  quoteCurve: define<CurveParams>()({
    path: (p) => `/api/v1/engine/quote/curve${queryString({ ...p })}`,
    schema: SlippageCurveSchema,
  }),
  metagraph: define<MetagraphParams>()({
    path: ({ netuid, ...p }) => `/api/v1/subnets/${netuid}/metagraph${queryString({ ...p })}`,
    schema: MetagraphSchema,
  }),
  validators: define<PageParams>()({
    path: (p) => `/api/v1/validators${queryString({ ...p })}`,
    schema: ValidatorListSchema,
  }),
  validator: define<{ hotkey: string }>()({
    path: (p) => `/api/v1/validators/${enc(p.hotkey)}`,
    schema: ValidatorDetailSchema,
  }),
  validatorNominators: define<{ hotkey: string; page?: number; limit?: number }>()({
    path: ({ hotkey, ...q }) => `/api/v1/validators/${enc(hotkey)}/nominators${queryString(q)}`,
    schema: NominatorListSchema,
    live: true,
  }),
  validatorHistory: define<HistoryParams & { hotkey: string }>()({
    path: ({ hotkey, ...q }) => `/api/v1/validators/${enc(hotkey)}/history${queryString(q)}`,
    schema: HotkeyHistorySchema,
  }),
  account: define<{ address: string }>()({
    path: (p) => `/api/v1/accounts/${enc(p.address)}`,
    schema: AccountSchema,
  }),
  accountHistory: define<HistoryParams & { address: string }>()({
    path: ({ address, ...q }) => `/api/v1/accounts/${enc(address)}/history${queryString(q)}`,
    schema: AccountHistorySchema,
  }),
  holders: define<PageParams>()({
    path: (p) => `/api/v1/holders${queryString({ ...p })}`,
    schema: RichListSchema,
  }),
  /** Holder statistics per scan, newest first: network-wide (netuid absent) or one subnet's. */
  holderStats: define<{ netuid?: number; limit?: number }>()({
    path: ({ netuid, ...p }) =>
      netuid === undefined
        ? `/api/v1/holders/stats${queryString({ ...p })}`
        : `/api/v1/subnets/${netuid}/holders/stats${queryString({ ...p })}`,
    schema: HolderStatsHistorySchema,
  }),
  subnetHolders: define<{ netuid: number; page?: number; limit?: number }>()({
    path: ({ netuid, ...p }) => `/api/v1/subnets/${netuid}/holders${queryString({ ...p })}`,
    schema: SubnetHoldersSchema,
  }),
  search: define<{ q: string }>()({
    path: (p) => `/api/v1/search${queryString(p)}`,
    schema: SearchResponseSchema,
  }),
  subnets: define<SubnetListParams>()({
    path: (p) => `/api/v1/subnets${queryString({ ...p })}`,
    schema: SubnetListSchema,
    live: true,
  }),
  subnet: define<{ netuid: number }>()({
    path: (p) => `/api/v1/subnets/${p.netuid}`,
    schema: SubnetDetailSchema,
    live: true,
  }),
  subnetPool: define<SubnetSeriesParams>()({
    path: ({ netuid, ...q }) => `/api/v1/subnets/${netuid}/pool${queryString(q)}`,
    schema: PoolSeriesSchema,
  }),
  /** Internal (app/api/sparklines): hourly closes of several subnets over 7 days, `netuids` comma-separated. */
  sparklines: define<{ netuids: string }>()({
    path: (p) => `/api/sparklines${queryString({ ...p })}`,
    schema: SparklinesSchema,
    // Hourly closes move slowly and the query spans a week of snapshots: not refetched on every new head.
    refetchInterval: 300_000,
  }),
  subnetActivity: define<{ netuid: number; limit?: number }>()({
    path: ({ netuid, ...q }) => `/api/v1/subnets/${netuid}/activity${queryString(q)}`,
    schema: SubnetActivitySchema,
    live: true,
  }),
  subnetRegistrationCost: define<{ netuid: number; frequency?: "hour" | "day"; limit?: number }>()({
    path: ({ netuid, ...q }) => `/api/v1/subnets/${netuid}/registrations/cost${queryString(q)}`,
    schema: RegistrationCostSeriesSchema,
    live: true,
  }),
  subnetHyperparameters: define<{ netuid: number; name?: string; page?: number; limit?: number }>()({
    path: ({ netuid, ...q }) => `/api/v1/subnets/${netuid}/hyperparameters${queryString(q)}`,
    schema: HyperparameterHistorySchema,
    live: true,
  }),
  subnetCandles: define<Omit<SubnetSeriesParams, "frequency"> & { frequency?: "hour" | "day" }>()({
    path: ({ netuid, ...q }) => `/api/v1/subnets/${netuid}/candles${queryString(q)}`,
    schema: CandleSeriesSchema,
  }),
  subnetEmission: define<SubnetSeriesParams>()({
    path: ({ netuid, ...q }) => `/api/v1/subnets/${netuid}/emission${queryString(q)}`,
    schema: EmissionSeriesSchema,
  }),
  /** The engine's emission projection from the newest indexed state (computed per request, cached per head). */
  projection: define<{ netuid?: number; blocks?: number }>()({
    path: (p) => `/api/v1/engine/projection${queryString({ ...p })}`,
    schema: ProjectionSchema,
  }),
};

type Resources = typeof resources;
export type ResourceName = keyof Resources;
export type ResourceParams<N extends ResourceName> = Parameters<Resources[N]["path"]>[0];
export type ResourceData<N extends ResourceName> = z.infer<Resources[N]["schema"]>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Query key of a resource: ["api", name, params]; lib/live matches on the first two parts. */
export function apiQueryKey<N extends ResourceName>(name: N, params?: ResourceParams<N>): readonly unknown[] {
  return params === undefined ? ["api", name] : ["api", name, params];
}

/** The URL of a resource with its parameters (undefined values left out). */
export function resourceUrl<N extends ResourceName>(name: N, params: ResourceParams<N>): string {
  return (resources[name].path as (p: ResourceParams<N>) => string)(params);
}

export async function fetchResource<N extends ResourceName>(
  name: N,
  params: ResourceParams<N>,
  signal?: AbortSignal,
): Promise<ResourceData<N>> {
  const response = await fetch(resourceUrl(name, params), {
    signal,
    headers: { accept: "application/json" },
  });
  const body: unknown = await response.json().catch(() => null);
  // Health answers 503 with a full body when a part is down; that body is still the data to show.
  if (!response.ok && !(name === "health" && response.status === 503)) {
    const message =
      (body as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${response.status}`;
    throw new ApiError(response.status, message);
  }
  return resources[name].schema.parse(body) as ResourceData<N>;
}
