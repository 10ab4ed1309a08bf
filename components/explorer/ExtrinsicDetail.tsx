"use client";
import { useApiQuery } from "../../lib/api/use-api-query";
import { prettyJson } from "../../lib/format/json";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { Badge, ResultBadge } from "../ui/Badge";
import { DetailList, Panel } from "../ui/Card";
import { DataTable } from "../ui/DataTable";
import { Hash } from "../ui/Hash";
import { BlockLink } from "../ui/Links";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";
import { Time } from "../ui/Time";
import { eventColumns } from "./EventsTable";

function Json({ value }: { value: unknown }) {
  return (
    <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-950">
      {prettyJson(value)}
    </pre>
  );
}

export function ExtrinsicDetail({ id }: { id: string }) {
  const q = useApiQuery("extrinsic", { id });
  const x = q.data;
  if (q.error && !x)
    return (
      <Panel title="Extrinsic" id="extrinsic-header">
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </Panel>
    );
  if (!x)
    return (
      <Panel title="Extrinsic" id="extrinsic-header">
        <div className="space-y-3 p-4">
          {Array.from({ length: 10 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      </Panel>
    );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Extrinsic {x.id}</h1>
        <ResultBadge success={x.success} />
        {x.signed ? <Badge tone="blue">signed</Badge> : <Badge>unsigned</Badge>}
      </div>
      <Panel title="Overview" id="extrinsic-header">
        <DetailList
          items={[
            { label: "Block", value: <BlockLink number={x.block_number} /> },
            { label: "Index", value: x.index },
            { label: "Time", value: <Time iso={x.timestamp} /> },
            { label: "Hash", value: <Hash value={x.hash} full /> },
            { label: "Call", value: <span className="font-mono">{x.full_name ?? "undecoded"}</span> },
            { label: "Signer", value: x.signer ? <Address address={x.signer} full link /> : "unsigned" },
            { label: "Result", value: <ResultBadge success={x.success} /> },
            ...(x.error !== null ? [{ label: "Error", value: <Json value={x.error} /> }] : []),
            { label: "Fee", value: <Amount value={x.fee} /> },
            { label: "Tip", value: <Amount value={x.tip} /> },
            { label: "Nonce", value: x.nonce ?? "—" },
            ...(x.decode_error ? [{ label: "Decode error", value: x.decode_error }] : []),
          ]}
        />
      </Panel>
      <Panel title="Arguments" id="extrinsic-args">
        <div className="p-4">
          <Json value={x.args} />
        </div>
      </Panel>
      <Panel title={`Events (${x.events.length})`} id="extrinsic-events">
        <DataTable
          label={`Events of extrinsic ${x.id}`}
          columns={eventColumns}
          rows={x.events}
          rowKey={(e) => e.id}
          empty={<EmptyState title="No events" />}
        />
      </Panel>
    </div>
  );
}
