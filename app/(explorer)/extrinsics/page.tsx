import type { Metadata } from "next";
import { z } from "zod";
import { ExtrinsicsList } from "../../../components/explorer/ChainLists";
import { ExplorerTabs } from "../../../components/explorer/ExplorerTabs";
import { csvHref, ListFilters } from "../../../components/explorer/ListFilters";
import { Prefetch, seed } from "../../../components/query/Prefetch";
import { PAGE_SIZES } from "../../../components/ui/page-sizes";
import type { ExtrinsicListParams } from "../../../lib/api/resources";
import { parseAddress } from "../../../lib/api/v1/address";
import { parseBlockIndex } from "../../../lib/api/v1/params";
import { listExtrinsics } from "../../../lib/queries/extrinsics";
import { blockNumber, first } from "../params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Extrinsics" };

const DEFAULT_LIMIT = 25;
const optional = <T,>(s: z.ZodType<T>) => s.optional().catch(undefined);
const cursor = z.string().refine((v) => parseBlockIndex(v) !== null);
const name = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
const Search = z.object({
  after: optional(cursor),
  before: optional(cursor),
  limit: optional(z.coerce.number().refine((n) => (PAGE_SIZES as readonly number[]).includes(n))),
  order: optional(z.enum(["block_number_asc", "block_number_desc"])),
  block_start: optional(blockNumber),
  block_end: optional(blockNumber),
  signer: optional(z.string().trim().min(1)),
  section: optional(z.string().trim().min(1)),
  method: optional(z.string().trim().min(1)),
  success: optional(z.enum(["true", "false"])),
});

type SP = Record<string, string | string[] | undefined>;

export default async function ExtrinsicsPage({ searchParams }: { searchParams: Promise<SP> }) {
  const raw = await searchParams;
  const s = Search.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  const signer = s.signer === undefined ? undefined : parseAddress(s.signer);
  const problems: string[] = [];
  if (signer === null) problems.push("The signer is not an SS58 address or 0x public key.");
  for (const [label, v] of [
    ["pallet", s.section],
    ["call", s.method],
  ] as const)
    if (v !== undefined && !name.safeParse(v).success) problems.push(`The ${label} is not a name.`);
  if (s.block_start !== undefined && s.block_end !== undefined && s.block_start > s.block_end)
    problems.push("The first block is after the last one.");

  const params: ExtrinsicListParams = {};
  if (s.order === "block_number_asc") params.order = "block_number_asc";
  if (s.limit !== undefined && s.limit !== DEFAULT_LIMIT) params.limit = s.limit;
  if (s.block_start !== undefined) params.block_start = s.block_start;
  if (s.block_end !== undefined) params.block_end = s.block_end;
  if (signer) params.signer = signer.ss58;
  if (s.section !== undefined) params.section = s.section;
  if (s.method !== undefined) params.method = s.method;
  if (s.success !== undefined) params.success = s.success === "true";
  if (s.after !== undefined) params.after = s.after;
  else if (s.before !== undefined) params.before = s.before;

  const data =
    problems.length > 0
      ? {
          pagination: { limit: DEFAULT_LIMIT, total: null, total_exact: false, next: null, prev: null },
          data: [],
        }
      : await listExtrinsics({
          limit: s.limit ?? DEFAULT_LIMIT,
          dir: s.order === "block_number_asc" ? "asc" : "desc",
          after: s.after === undefined ? undefined : (parseBlockIndex(s.after) ?? undefined),
          before:
            s.after === undefined && s.before !== undefined
              ? (parseBlockIndex(s.before) ?? undefined)
              : undefined,
          block_start: s.block_start,
          block_end: s.block_end,
          signer: signer?.ss58,
          section: s.section,
          method: s.method,
          success: params.success,
        });
  const hrefParams = {
    signer: s.signer,
    section: s.section,
    method: s.method,
    success: s.success,
    block_start: s.block_start?.toString(),
    block_end: s.block_end?.toString(),
    order: params.order,
    limit: params.limit?.toString(),
  };
  return (
    <div className="space-y-4">
      <ExplorerTabs />
      <h1 className="text-2xl font-semibold">Extrinsics</h1>
      <ListFilters
        action="/extrinsics"
        label="Filter extrinsics"
        problems={problems}
        csvHref={problems.length === 0 ? csvHref("extrinsics", { ...params }) : null}
        fields={[
          { name: "signer", label: "Signer", value: s.signer, width: "w-96" },
          { name: "section", label: "Pallet", value: s.section, width: "w-40" },
          { name: "method", label: "Call", value: s.method, width: "w-40" },
          {
            name: "success",
            label: "Result",
            value: s.success,
            options: [
              ["", "any"],
              ["true", "success"],
              ["false", "failed"],
            ],
          },
          { name: "block_start", label: "From block", value: s.block_start?.toString(), numeric: true },
          { name: "block_end", label: "To block", value: s.block_end?.toString(), numeric: true },
        ]}
      />
      <section className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <Prefetch entries={[seed("extrinsics", params, data)]}>
          <ExtrinsicsList params={params} defaultLimit={DEFAULT_LIMIT} hrefParams={hrefParams} />
        </Prefetch>
      </section>
    </div>
  );
}
