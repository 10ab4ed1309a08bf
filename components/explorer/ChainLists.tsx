"use client";
// The /extrinsics and /events lists: keyset-paged tables whose filters, order and cursor live in the URL.
import { useRouter } from "next/navigation";
import type { EventListParams, ExtrinsicListParams, StakeTradeListParams } from "../../lib/api/resources";
import { useApiQuery } from "../../lib/api/use-api-query";
import { type Column, DataTable } from "../ui/DataTable";
import { CursorPager } from "../ui/Pager";
import { EmptyState } from "../ui/States";
import { eventColumns } from "./EventsTable";
import { extrinsicColumns } from "./ExtrinsicsTable";
import { stakeTradeColumns } from "./StakeTradeColumns";

type HrefParams = Record<string, string | undefined>;

/** URL of a list page for these params (shareable; empty values left out). */
export function listHref(path: string, p: HrefParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

interface Page<T> {
  data: T[];
  pagination: { next: string | null; prev: string | null; total: number | null; total_exact: boolean };
}

function CursorTable<T>(props: {
  path: string;
  label: string;
  testId: string;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  rowHref?: (row: T) => string;
  q: { data?: Page<T>; isPending: boolean; error: Error | null; refetch: () => unknown };
  order?: string;
  limit: number;
  defaultLimit: number;
  hrefParams: HrefParams;
  empty: string;
}) {
  const router = useRouter();
  const page = props.q.data;
  const base = { ...props.hrefParams, after: undefined, before: undefined };
  const dir = props.order === "block_number_asc" ? "asc" : "desc";
  return (
    <DataTable
      label={props.label}
      testId={props.testId}
      columns={props.columns}
      rows={page?.data}
      rowKey={props.rowKey}
      rowHref={props.rowHref}
      isPending={props.q.isPending}
      error={props.q.error}
      onRetry={() => void props.q.refetch()}
      sort={{ key: "id", dir }}
      onSortChange={(s) =>
        router.push(
          listHref(props.path, { ...base, order: s.dir === "asc" ? "block_number_asc" : undefined }),
        )
      }
      empty={<EmptyState title={props.empty} />}
      skeletonRows={props.limit}
      footer={
        <CursorPager
          prevHref={
            page?.pagination.prev ? listHref(props.path, { ...base, before: page.pagination.prev }) : null
          }
          nextHref={
            page?.pagination.next ? listHref(props.path, { ...base, after: page.pagination.next }) : null
          }
          limit={props.limit}
          onLimitChange={(limit) =>
            router.push(
              listHref(props.path, {
                ...base,
                limit: limit === props.defaultLimit ? undefined : String(limit),
              }),
            )
          }
          total={page?.pagination.total}
          totalExact={page?.pagination.total_exact}
        />
      }
    />
  );
}

export function ExtrinsicsList(props: {
  params: ExtrinsicListParams;
  defaultLimit: number;
  hrefParams: HrefParams;
}) {
  const q = useApiQuery("extrinsics", props.params, { keepPrevious: true });
  return (
    <CursorTable
      path="/extrinsics"
      label="Extrinsics"
      testId="extrinsics-list"
      columns={extrinsicColumns}
      rowKey={(x) => x.id}
      rowHref={(x) => `/extrinsics/${x.id}`}
      q={q}
      order={props.params.order}
      limit={props.params.limit ?? props.defaultLimit}
      defaultLimit={props.defaultLimit}
      hrefParams={props.hrefParams}
      empty="No extrinsics match"
    />
  );
}

export function EventsList(props: { params: EventListParams; defaultLimit: number; hrefParams: HrefParams }) {
  const q = useApiQuery("events", props.params, { keepPrevious: true });
  return (
    <CursorTable
      path="/events"
      label="Events"
      testId="events-list"
      columns={eventColumns}
      rowKey={(e) => e.id}
      rowHref={(e) => (e.extrinsic_id ? `/extrinsics/${e.extrinsic_id}` : `/blocks/${e.block_number}`)}
      q={q}
      order={props.params.order}
      limit={props.params.limit ?? props.defaultLimit}
      defaultLimit={props.defaultLimit}
      hrefParams={props.hrefParams}
      empty="No events match"
    />
  );
}

export function StakeTradesList(props: {
  params: StakeTradeListParams;
  defaultLimit: number;
  hrefParams: HrefParams;
}) {
  const q = useApiQuery("stakeTrades", props.params, { keepPrevious: true });
  return (
    <CursorTable
      path="/stake-trades"
      label="Stake trades"
      testId="stake-trades-list"
      columns={stakeTradeColumns}
      rowKey={(t) => t.id}
      rowHref={(t) => (t.extrinsic_id ? `/extrinsics/${t.extrinsic_id}` : `/blocks/${t.block_number}`)}
      q={q}
      order={props.params.order}
      limit={props.params.limit ?? props.defaultLimit}
      defaultLimit={props.defaultLimit}
      hrefParams={props.hrefParams}
      empty="No stake trades match"
    />
  );
}
