"use client";
// Keyset pagination controls: previous/next by cursor, and page size. The caller builds the URLs, so pages
// stay shareable.
import Link from "next/link";
import { formatInteger } from "../../lib/format/numbers";
import { PAGE_SIZES } from "./page-sizes";

const btn =
  "rounded-md border border-zinc-200 px-3 py-1.5 text-sm font-medium dark:border-zinc-700 aria-disabled:pointer-events-none aria-disabled:opacity-40 hover:bg-zinc-50 dark:hover:bg-zinc-800";

export function CursorPager({
  prevHref,
  nextHref,
  limit,
  onLimitChange,
  total,
  totalExact,
}: {
  prevHref: string | null;
  nextHref: string | null;
  limit: number;
  onLimitChange: (limit: number) => void;
  total?: number | null;
  totalExact?: boolean;
}) {
  return (
    <nav
      aria-label="Pagination"
      className="flex flex-wrap items-center gap-3 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800"
    >
      {total !== null && total !== undefined ? (
        <span className="text-zinc-500">
          {totalExact ? "" : "≈ "}
          {formatInteger(total)} total
        </span>
      ) : null}
      <label className="ml-auto flex items-center gap-2 text-zinc-500">
        Rows
        <select
          value={limit}
          onChange={(e) => onLimitChange(Number(e.target.value))}
          className="rounded-md border border-zinc-200 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <div className="flex gap-2">
        <PagerLink href={prevHref} label="Previous" rel="prev" />
        <PagerLink href={nextHref} label="Next" rel="next" />
      </div>
    </nav>
  );
}

function PagerLink({ href, label, rel }: { href: string | null; label: string; rel: string }) {
  if (!href)
    return (
      <span className={btn} aria-disabled="true">
        {label}
      </span>
    );
  return (
    <Link href={href} rel={rel} className={btn} scroll={false}>
      {label}
    </Link>
  );
}
