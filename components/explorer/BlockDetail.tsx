"use client";
import Link from "next/link";
import { useApiQuery } from "../../lib/api/use-api-query";
import { formatInteger } from "../../lib/format/numbers";
import { Address } from "../ui/Address";
import { Badge } from "../ui/Badge";
import { DetailList, Panel } from "../ui/Card";
import { Hash } from "../ui/Hash";
import { Skeleton } from "../ui/Skeleton";
import { ErrorState } from "../ui/States";
import { Tabs } from "../ui/Tabs";
import { Time } from "../ui/Time";
import { EventsTable } from "./EventsTable";
import { ExtrinsicsTable } from "./ExtrinsicsTable";
import { blockEventsParams, blockExtrinsicsParams } from "./params";

export function BlockDetail({ id }: { id: string }) {
  const q = useApiQuery("block", { id });
  const b = q.data;
  if (q.error && !b)
    return (
      <Panel title="Block" id="block-header">
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </Panel>
    );
  if (!b)
    return (
      <Panel title="Block" id="block-header">
        <div className="space-y-3 p-4">
          {Array.from({ length: 9 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      </Panel>
    );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Block #{formatInteger(b.number)}</h1>
        {b.finalized ? <Badge tone="green">finalized</Badge> : <Badge tone="amber">unfinalized</Badge>}
        <nav aria-label="Neighbouring blocks" className="ml-auto flex gap-2 text-sm">
          {b.number > 0 ? (
            <Link
              className="rounded-md border border-zinc-200 px-2.5 py-1 dark:border-zinc-700"
              href={`/blocks/${b.number - 1}`}
            >
              ← #{formatInteger(b.number - 1)}
            </Link>
          ) : null}
          <Link
            className="rounded-md border border-zinc-200 px-2.5 py-1 dark:border-zinc-700"
            href={`/blocks/${b.number + 1}`}
            prefetch={false}
          >
            #{formatInteger(b.number + 1)} →
          </Link>
        </nav>
      </div>
      <Panel title="Overview" id="block-header">
        <DetailList
          items={[
            { label: "Number", value: <span className="font-mono">{formatInteger(b.number)}</span> },
            { label: "Time", value: <Time iso={b.timestamp} /> },
            { label: "Hash", value: <Hash value={b.hash} full /> },
            {
              label: "Parent hash",
              value:
                b.number > 0 ? (
                  <Link
                    href={`/blocks/${b.parent_hash}`}
                    className="break-all font-mono text-brand-600 hover:underline"
                  >
                    {b.parent_hash}
                  </Link>
                ) : (
                  <span className="font-mono">{b.parent_hash}</span>
                ),
            },
            { label: "State root", value: <Hash value={b.state_root} full /> },
            { label: "Extrinsics root", value: <Hash value={b.extrinsics_root} full /> },
            { label: "Author", value: <Address address={b.author} full /> },
            { label: "Runtime spec", value: b.spec_version },
            {
              label: "Extrinsics / events",
              value: `${formatInteger(b.extrinsic_count)} / ${formatInteger(b.event_count)}`,
            },
          ]}
        />
      </Panel>
      <section
        aria-label="Block contents"
        className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      >
        <Tabs
          label="Block contents"
          tabs={[
            {
              id: "extrinsics",
              label: `Extrinsics (${formatInteger(b.extrinsic_count)})`,
              content: (
                <ExtrinsicsTable
                  params={blockExtrinsicsParams(b.number)}
                  label={`Extrinsics of block ${b.number}`}
                />
              ),
            },
            {
              id: "events",
              label: `Events (${formatInteger(b.event_count)})`,
              content: (
                <EventsTable params={blockEventsParams(b.number)} label={`Events of block ${b.number}`} />
              ),
            },
          ]}
        />
      </section>
    </div>
  );
}
