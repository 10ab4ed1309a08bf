import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { Address } from "../../../components/ui/Address";
import { Panel } from "../../../components/ui/Card";
import { EmptyState, ErrorState } from "../../../components/ui/States";
import type { SearchResultDto } from "../../../lib/api/v1/schemas";
import { formatInteger, shortHash } from "../../../lib/format/numbers";
import { search } from "../../../lib/queries/search";
import { first } from "../params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Search" };

const Query = z.string().trim().min(1).max(128);

/** The page of an entity. */
function pageOf(r: SearchResultDto): string | null {
  if (r.type === "block") return `/blocks/${r.id}`;
  if (r.type === "extrinsic") return `/extrinsics/${r.id}`;
  if (r.type === "account") return `/accounts/${r.id}`;
  return null;
}

export default async function SearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const q = Query.safeParse(first((await searchParams).q) ?? "");
  if (!q.success) {
    return (
      <Shell>
        <EmptyState title="What are you looking for?">
          Type a block number or hash, an extrinsic hash or id (block-index, e.g. 1234-2) or an address in the
          search box (Ctrl K).
        </EmptyState>
      </Shell>
    );
  }
  let results: SearchResultDto[];
  try {
    results = await search(q.data);
  } catch (e) {
    console.error("search failed", e);
    return (
      <Shell query={q.data}>
        <ErrorState
          title="Search is unavailable right now"
          error="The database did not answer; try again shortly."
        />
      </Shell>
    );
  }
  const only = results.length === 1 ? pageOf(results[0]!) : null;
  if (only) redirect(only);
  if (results.length === 0) {
    return (
      <Shell query={q.data}>
        <EmptyState title={`Nothing found for “${q.data}”`}>
          Try a block number, a 0x block or extrinsic hash, an extrinsic id like 1234-2, or an SS58 address.
        </EmptyState>
      </Shell>
    );
  }
  return (
    <Shell query={q.data}>
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Search results">
        {results.map((r) => {
          const href = pageOf(r);
          return (
            <li key={`${r.type}-${r.id}`} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <span className="w-20 text-xs uppercase tracking-wide text-zinc-500">{r.type}</span>
              {r.type === "account" && r.address ? (
                <Address address={r.address} full link />
              ) : href ? (
                <Link href={href} className="font-mono text-brand-600 hover:underline">
                  {r.type === "block" ? `#${formatInteger(Number(r.id))}` : r.id}
                </Link>
              ) : (
                <span className="font-mono">{r.id}</span>
              )}
              {r.hash ? <span className="font-mono text-zinc-500">{shortHash(r.hash)}</span> : null}
            </li>
          );
        })}
      </ul>
    </Shell>
  );
}

function Shell({ query, children }: { query?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Search</h1>
      <Panel title={query ? `Results for “${query}”` : "Search"} id="search-results">
        {children}
      </Panel>
    </div>
  );
}
