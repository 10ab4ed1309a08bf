"use client";
// A validator's nominators (stake positions on its hotkey at the last holder scan), largest TAO value first,
// page by page in place; the full list is one CSV link away.
import { useState } from "react";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { NominatorDto } from "../../lib/api/v1/validator-schemas";
import { formatInteger } from "../../lib/format/numbers";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { BlockLink } from "../ui/Links";
import { EmptyState, ErrorState } from "../ui/States";

const LIMIT = 25;
const btn =
  "rounded-md border border-zinc-200 px-3 py-1 text-sm dark:border-zinc-700 disabled:opacity-40 hover:bg-zinc-50 dark:hover:bg-zinc-800";

const columns: Column<NominatorDto>[] = [
  { key: "coldkey", header: "Nominator (coldkey)", cell: (n) => <Address address={n.coldkey} link /> },
  {
    key: "netuid",
    header: "Subnet",
    align: "right",
    cell: (n) => <span className="font-mono">{n.netuid}</span>,
  },
  {
    key: "alpha",
    header: "Stake",
    align: "right",
    cell: (n) => <Amount value={n.alpha} unit={n.netuid === 0 ? "tao" : "alpha"} compact />,
  },
  { key: "tao", header: "TAO value", align: "right", cell: (n) => <Amount value={n.tao_value} compact /> },
];

export function ValidatorNominators({ hotkey, count }: { hotkey: string; count: number | null }) {
  const [page, setPage] = useState(1);
  const q = useApiQuery("validatorNominators", { hotkey, page, limit: LIMIT }, { keepPrevious: true });
  const body = q.data;
  return (
    <Panel
      title={count === null ? "Nominators" : `Nominators (${formatInteger(count)})`}
      id="validator-nominators-title"
      actions={
        <a
          href={`/api/v1/validators/${hotkey}/nominators?format=csv&limit=1000`}
          className="text-brand-600 hover:underline"
        >
          Download CSV
        </a>
      }
    >
      {q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <DataTable
            label="Nominators of this validator"
            testId="validator-nominators"
            columns={columns}
            rows={body?.data}
            rowKey={(n) => `${n.coldkey.ss58}/${n.netuid}`}
            empty={
              <EmptyState
                title={body?.scan_block === null ? "No holder scan yet" : "No stake on this hotkey"}
              >
                Positions come from the indexer&apos;s periodic scan of every stake position.
              </EmptyState>
            }
          />
          {body && body.pagination.total > LIMIT ? (
            <nav
              aria-label="Nominator pages"
              className="flex items-center gap-2 border-t border-zinc-200 px-4 py-2 text-sm dark:border-zinc-800"
            >
              <span className="text-zinc-500">
                Page {body.pagination.page} of {Math.ceil(body.pagination.total / LIMIT)}
              </span>
              <button
                type="button"
                className={`${btn} ml-auto`}
                disabled={!body.pagination.prev}
                onClick={() => setPage((p) => p - 1)}
              >
                Previous
              </button>
              <button
                type="button"
                className={btn}
                disabled={!body.pagination.next}
                onClick={() => setPage((p) => p + 1)}
              >
                Next
              </button>
            </nav>
          ) : null}
          {body?.scan_block != null ? (
            <p className="px-4 pb-3 text-xs text-zinc-500">
              As of the holder scan at block <BlockLink number={body.scan_block} />; TAO value at the newest
              pool prices.
            </p>
          ) : null}
        </>
      )}
    </Panel>
  );
}
