import type { Metadata } from "next";
import { z } from "zod";
import { Prefetch, seed } from "../../../components/query/Prefetch";
import { PAGE_SIZES } from "../../../components/ui/page-sizes";
import { ValidatorsTable } from "../../../components/validators/ValidatorsTable";
import type { PageParams } from "../../../lib/api/resources";
import {
  listValidators,
  VALIDATOR_ORDER_FIELDS,
  type ValidatorOrderField,
} from "../../../lib/queries/validators";
import { first } from "../params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Validators" };

const DEFAULT_LIMIT = 25;
const ORDERS = VALIDATOR_ORDER_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]);
const optional = <T,>(s: z.ZodType<T>) => s.optional().catch(undefined);
const Search = z.object({
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
  limit: optional(z.coerce.number().refine((n) => (PAGE_SIZES as readonly number[]).includes(n))),
  order: optional(z.string().refine((v) => ORDERS.includes(v))),
});

type SP = Record<string, string | string[] | undefined>;

export default async function ValidatorsPage({ searchParams }: { searchParams: Promise<SP> }) {
  const raw = await searchParams;
  const s = Search.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const params: PageParams = {};
  if (s.order !== undefined && s.order !== "alpha_stake_desc") params.order = s.order;
  if (s.page !== undefined && s.page > 1) params.page = s.page;
  if (s.limit !== undefined && s.limit !== DEFAULT_LIMIT) params.limit = s.limit;
  const order = s.order ?? "alpha_stake_desc";
  const cut = order.lastIndexOf("_");
  const data = await listValidators({
    page: s.page ?? 1,
    limit: s.limit ?? DEFAULT_LIMIT,
    field: order.slice(0, cut) as ValidatorOrderField,
    dir: order.slice(cut + 1) as "asc" | "desc",
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Validators</h1>
      <p className="text-sm text-zinc-500">
        Hotkeys holding a validator permit on at least one subnet, from each subnet&apos;s newest stored
        metagraph. Alpha stake adds the hotkey&apos;s stake over its subnets; dominance is that over all alpha
        staked to UIDs.
      </p>
      <section className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <Prefetch entries={[seed("validators", params, data)]}>
          <ValidatorsTable params={params} defaultLimit={DEFAULT_LIMIT} />
        </Prefetch>
      </section>
    </div>
  );
}
