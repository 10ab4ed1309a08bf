// Metagraph list state from a page's search params, shared by /subnets/[netuid] (embedded table) and
// /subnets/[netuid]/metagraph. Unreadable values are ignored, never a 500.
import { z } from "zod";
import { PAGE_SIZES } from "../../../../components/ui/page-sizes";
import type { MetagraphParams } from "../../../../lib/api/resources";
import {
  getMetagraph,
  METAGRAPH_ORDER_FIELDS,
  type MetagraphOrderField,
} from "../../../../lib/queries/metagraph";
import { blockNumber, first } from "../../params";

const ORDERS = METAGRAPH_ORDER_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]);
const optional = <T>(s: z.ZodType<T>) => s.optional().catch(undefined);
const Search = z.object({
  block: optional(blockNumber),
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
  limit: optional(z.coerce.number().refine((n) => (PAGE_SIZES as readonly number[]).includes(n))),
  order: optional(z.string().refine((v) => ORDERS.includes(v))),
  search: optional(z.string().trim().min(1).max(64)),
});

export type SP = Record<string, string | string[] | undefined>;

/** The client query params (defaults left out, matching the table's URLs) and the server's first page. */
export async function loadMetagraph(netuid: number, raw: SP, defaultLimit: number) {
  const s = Search.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const query: MetagraphParams = { netuid };
  if (s.block !== undefined) query.block = s.block;
  if (s.search !== undefined) query.search = s.search;
  if (s.order !== undefined && s.order !== "uid_asc") query.order = s.order;
  if (s.page !== undefined && s.page > 1) query.page = s.page;
  if (s.limit !== undefined && s.limit !== defaultLimit) query.limit = s.limit;
  const order = s.order ?? "uid_asc";
  const cut = order.lastIndexOf("_");
  const data = await getMetagraph({
    netuid,
    block: s.block,
    search: s.search,
    page: s.page ?? 1,
    limit: s.limit ?? defaultLimit,
    field: order.slice(0, cut) as MetagraphOrderField,
    dir: order.slice(cut + 1) as "asc" | "desc",
  });
  return { query, data, block: s.block };
}
