"use client";
// One table for every list: typed columns, sortable headers (aria-sort; server- or client-side), a sticky
// header, horizontal scroll on narrow screens, skeleton rows of the final height while loading, and in-place
// empty and error states. Rows with an href are focusable: ↑/↓ move between rows, Enter opens one.
import { useRouter } from "next/navigation";
import { type KeyboardEvent, type ReactNode, useMemo, useState } from "react";
import { Skeleton } from "./Skeleton";
import { EmptyState, ErrorState } from "./States";

export type SortDir = "asc" | "desc";
export interface SortState {
  key: string;
  dir: SortDir;
}

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: "left" | "right";
  /** Sorting by this column: through onSortChange when the table is sorted by the server, else by this value. */
  sortable?: boolean;
  sortValue?: (row: T) => number | bigint | string;
  className?: string;
  /** Hidden on phones (< 640 px) to keep the essential columns on screen. */
  hideOnMobile?: boolean;
}

export interface DataTableProps<T> {
  /** Accessible name of the table. */
  label: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  rowHref?: (row: T) => string;
  isPending?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Controlled (server-side) sort; without it, sortable columns sort the rows in the browser. */
  sort?: SortState;
  onSortChange?: (sort: SortState) => void;
  empty?: ReactNode;
  skeletonRows?: number;
  footer?: ReactNode;
  /** Controls above the table (e.g. a filter box), inside the same region. */
  toolbar?: ReactNode;
  testId?: string;
}

const cmp = (a: number | bigint | string, b: number | bigint | string) => (a < b ? -1 : a > b ? 1 : 0);

export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, rowKey, rowHref, sort: controlled, onSortChange } = props;
  const [localSort, setLocalSort] = useState<SortState | undefined>();
  const sort = controlled ?? localSort;
  const router = useRouter();

  const shown = useMemo(() => {
    if (!rows || controlled || !localSort) return rows;
    const col = columns.find((c) => c.key === localSort.key);
    if (!col?.sortValue) return rows;
    const value = col.sortValue;
    const sorted = [...rows].sort((a, b) => cmp(value(a), value(b)));
    return localSort.dir === "asc" ? sorted : sorted.reverse();
  }, [rows, columns, controlled, localSort]);

  const toggle = (key: string) => {
    const next: SortState = { key, dir: sort?.key === key && sort.dir === "desc" ? "asc" : "desc" };
    if (onSortChange) onSortChange(next);
    else setLocalSort(next);
  };

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, href: string | undefined) => {
    const row = e.currentTarget;
    if (e.target !== row) return;
    if (e.key === "Enter" && href) {
      e.preventDefault();
      router.push(href);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const sibling = (
        e.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling
      ) as HTMLElement | null;
      sibling?.focus();
    }
  };

  const align = (c: Column<T>) => (c.align === "right" ? "text-right" : "text-left");
  const skeletons = props.skeletonRows ?? 10;

  let body: ReactNode;
  if (props.error && !rows) {
    body = (
      <tr>
        <td colSpan={columns.length}>
          <ErrorState error={props.error} onRetry={props.onRetry} />
        </td>
      </tr>
    );
  } else if (!shown) {
    body = Array.from({ length: skeletons }, (_, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
      <tr key={i} className="h-10 border-t border-zinc-100 dark:border-zinc-800">
        {columns.map((c) => (
          <td key={c.key} className={`px-4 py-2 ${c.hideOnMobile ? "max-sm:hidden" : ""}`}>
            <Skeleton className="h-4 w-full max-w-32" />
          </td>
        ))}
      </tr>
    ));
  } else if (shown.length === 0) {
    body = (
      <tr>
        <td colSpan={columns.length}>{props.empty ?? <EmptyState title="Nothing here yet" />}</td>
      </tr>
    );
  } else {
    body = shown.map((row) => {
      const href = rowHref?.(row);
      return (
        <tr
          key={rowKey(row)}
          tabIndex={href ? 0 : undefined}
          onKeyDown={href ? (e) => onRowKey(e, href) : undefined}
          data-href={href}
          className="h-10 border-t border-zinc-100 hover:bg-zinc-50 focus-visible:bg-zinc-100 dark:border-zinc-800 dark:hover:bg-zinc-800/50 dark:focus-visible:bg-zinc-800"
        >
          {columns.map((c) => (
            <td
              key={c.key}
              className={`whitespace-nowrap px-4 py-2 ${align(c)} ${c.hideOnMobile ? "max-sm:hidden" : ""} ${c.className ?? ""}`}
            >
              {c.cell(row)}
            </td>
          ))}
        </tr>
      );
    });
  }

  return (
    <div data-testid={props.testId} aria-busy={props.isPending && !rows ? true : undefined}>
      {props.toolbar}
      <div className="max-h-[70vh] overflow-auto">
        <table className="w-full text-sm" aria-label={props.label}>
          <thead className="sticky top-0 z-10 bg-white text-xs text-zinc-500 dark:bg-zinc-900">
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                const ariaSort = c.sortable
                  ? active
                    ? sort.dir === "asc"
                      ? "ascending"
                      : "descending"
                    : "none"
                  : undefined;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={ariaSort}
                    className={`px-4 py-2 font-medium ${align(c)} ${c.hideOnMobile ? "max-sm:hidden" : ""}`}
                  >
                    {c.sortable ? (
                      <button
                        type="button"
                        onClick={() => toggle(c.key)}
                        className="inline-flex items-center gap-1 rounded hover:text-zinc-900 dark:hover:text-zinc-100"
                      >
                        {c.header}
                        <span aria-hidden className={active ? "" : "opacity-30"}>
                          {active && sort.dir === "asc" ? "▲" : "▼"}
                        </span>
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      {props.footer}
    </div>
  );
}
