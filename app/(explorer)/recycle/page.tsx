import type { Metadata } from "next";
import Form from "next/form";
import { z } from "zod";
import { Prefetch, seed } from "../../../components/query/Prefetch";
import type { RecycleParams } from "../../../lib/api/resources";
import { MAX_LIMIT } from "../../../lib/api/v1/params";
import { listRecycle } from "../../../lib/queries/recycle";
import { first } from "../params";
import { RecycleView } from "./RecycleView";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Recycle" };

const Search = z.object({
  netuid: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,4})$/)
    .transform(Number)
    .refine((n) => n <= 65_535)
    .optional()
    .catch(undefined),
});

type SP = Record<string, string | string[] | undefined>;

export default async function RecyclePage({ searchParams }: { searchParams: Promise<SP> }) {
  const raw = await searchParams;
  const s = Search.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v)])));
  // The last MAX_LIMIT days, newest first (the API's default order).
  const params: RecycleParams = { frequency: "day", limit: MAX_LIMIT };
  if (s.netuid !== undefined) params.netuid = s.netuid;
  const data = await listRecycle({
    frequency: "day",
    netuid: s.netuid,
    page: 1,
    limit: MAX_LIMIT,
    dir: "desc",
  });
  const csv = new URLSearchParams({ frequency: "day", format: "csv" });
  if (s.netuid !== undefined) csv.set("netuid", String(s.netuid));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Recycle</h1>
      <p className="max-w-3xl text-sm text-zinc-500">
        TAO recycled by neuron registrations (the burn a registration pays returns to the unissued supply) and
        paid for subnet registrations, per UTC day; alpha burned (destroyed) and recycled (returned to the
        subnet&apos;s unissued alpha) alongside. Method in the{" "}
        <a href="/api-docs" className="text-brand-600 hover:underline">
          API docs
        </a>{" "}
        (/api/v1/recycle).
      </p>
      <Form action="/recycle" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter recycle">
        <label className="flex flex-col gap-1 text-zinc-500">
          Subnet (netuid)
          <input
            name="netuid"
            inputMode="numeric"
            pattern="[0-9]*"
            defaultValue={s.netuid}
            className="w-28 rounded-md border border-zinc-200 bg-white px-2 py-1 font-mono dark:border-zinc-700 dark:bg-zinc-900"
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-500"
        >
          Show
        </button>
        {s.netuid !== undefined ? (
          <a href="/recycle" className="py-1.5 text-zinc-500 hover:underline">
            All subnets
          </a>
        ) : null}
        <a
          href={`/api/v1/recycle?${csv.toString()}`}
          className="ml-auto py-1.5 text-brand-600 hover:underline"
        >
          Download CSV
        </a>
      </Form>
      <Prefetch entries={[seed("recycle", params, data)]}>
        <RecycleView params={params} />
      </Prefetch>
    </div>
  );
}
