"use client";
import type { EventListParams } from "../../lib/api/resources";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { EventDto } from "../../lib/api/v1/schemas";
import { prettyJson } from "../../lib/format/json";
import { type Column, DataTable } from "../ui/DataTable";
import { ExtrinsicLink } from "../ui/Links";
import { EmptyState } from "../ui/States";

export const eventColumns: Column<EventDto>[] = [
  {
    key: "id",
    header: "ID",
    cell: (e) => <span className="font-mono">{e.id}</span>,
    sortable: true,
    sortValue: (e) => e.index,
  },
  {
    key: "name",
    header: "Event",
    cell: (e) => <span className="font-mono text-xs">{e.full_name ?? "undecoded"}</span>,
    sortable: true,
    sortValue: (e) => e.full_name ?? "",
  },
  { key: "phase", header: "Phase", cell: (e) => <span className="text-zinc-500">{e.phase ?? "—"}</span> },
  {
    key: "extrinsic",
    header: "Extrinsic",
    cell: (e) =>
      e.extrinsic_id ? <ExtrinsicLink id={e.extrinsic_id} /> : <span className="text-zinc-400">—</span>,
  },
  { key: "args", header: "Arguments", cell: (e) => <ArgsPreview args={e.args} />, className: "max-w-md" },
];

export function ArgsPreview({ args }: { args: unknown }) {
  const text = prettyJson(args);
  const oneLine = JSON.stringify(args) ?? "";
  if (oneLine.length <= 60) return <code className="font-mono text-xs">{oneLine}</code>;
  return (
    <details className="text-xs">
      <summary className="cursor-pointer truncate font-mono">{oneLine.slice(0, 60)}…</summary>
      <pre className="mt-1 max-w-md overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-50 p-2 dark:bg-zinc-950">
        {text}
      </pre>
    </details>
  );
}

export function EventsTable({ params, label }: { params: EventListParams; label: string }) {
  const q = useApiQuery("events", params);
  return (
    <DataTable
      label={label}
      testId="events-table"
      columns={eventColumns}
      rows={q.data?.data}
      rowKey={(e) => e.id}
      isPending={q.isPending}
      error={q.error}
      onRetry={() => void q.refetch()}
      empty={<EmptyState title="No events" />}
      skeletonRows={6}
    />
  );
}
