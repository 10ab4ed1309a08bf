"use client";
// One account: balance breakdown (free, reserved, staked TAO value) and its stake positions valued per subnet.
import dynamic from "next/dynamic";
import Link from "next/link";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { AccountHotkeyDto, StakePositionDto } from "../../lib/api/v1/account-schemas";
import { formatInteger, formatPercent } from "../../lib/format/numbers";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { Badge } from "../ui/Badge";
import { DetailList, Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { BlockLink } from "../ui/Links";
import { Skeleton } from "../ui/Skeleton";
import { EmptyState, ErrorState } from "../ui/States";

const AccountActivity = dynamic(() => import("./AccountActivity").then((m) => m.AccountActivity), {
  loading: () => <Skeleton className="h-72" />,
});

// Recharts only loads where the chart is shown.
const BalanceHistoryChart = dynamic(
  () => import("./BalanceHistoryChart").then((m) => m.BalanceHistoryChart),
  { ssr: false, loading: () => <Skeleton className="h-72" /> },
);

const link = "font-mono text-brand-600 hover:underline dark:text-brand-500";

const columns: Column<StakePositionDto>[] = [
  {
    key: "netuid",
    header: "Subnet",
    sortable: true,
    sortValue: (r) => r.netuid,
    cell: (r) => (
      <Link href={`/subnets/${r.netuid}`} className={link}>
        {r.netuid === 0 ? "0 (root)" : r.netuid}
      </Link>
    ),
  },
  { key: "hotkey", header: "Hotkey", cell: (r) => <Address address={r.hotkey} /> },
  {
    key: "alpha",
    header: "Stake",
    align: "right",
    sortable: true,
    sortValue: (r) => BigInt(r.alpha),
    cell: (r) => <Amount value={r.alpha} unit={r.netuid === 0 ? "tao" : "alpha"} compact />,
  },
  {
    key: "price",
    header: "Price",
    align: "right",
    hideOnMobile: true,
    cell: (r) => <Amount value={r.price} compact />,
  },
  {
    key: "tao_value",
    header: "Value",
    align: "right",
    sortable: true,
    sortValue: (r) => BigInt(r.tao_value ?? -1),
    cell: (r) => <Amount value={r.tao_value} compact />,
  },
];

type Neuron = AccountHotkeyDto["neurons"][number];

const neuronColumns: Column<Neuron>[] = [
  {
    key: "netuid",
    header: "Subnet",
    sortable: true,
    sortValue: (n) => n.netuid,
    cell: (n) => (
      <Link href={`/subnets/${n.netuid}/metagraph`} className={link}>
        {n.netuid}
      </Link>
    ),
  },
  { key: "uid", header: "UID", cell: (n) => <span className="font-mono">{n.uid}</span> },
  {
    key: "permit",
    header: "Role",
    cell: (n) =>
      n.validator_permit ? <Badge tone="green">validator</Badge> : <Badge tone="neutral">miner</Badge>,
  },
  {
    key: "stake",
    header: "Stake",
    align: "right",
    sortable: true,
    sortValue: (n) => BigInt(n.stake),
    cell: (n) => <Amount value={n.stake} unit="alpha" compact />,
  },
  {
    key: "emission",
    header: "Emission",
    align: "right",
    hideOnMobile: true,
    cell: (n) => <Amount value={n.emission} unit="alpha" compact />,
  },
];

/** The address as a hotkey: where it is registered and what is staked on it. */
function HotkeyPanel({ address, h }: { address: string; h: AccountHotkeyDto }) {
  return (
    <Panel
      title="As a hotkey"
      id="account-hotkey"
      actions={
        h.validator ? (
          <Link href={`/validators/${address}`} className="text-brand-600 hover:underline">
            Validator page
          </Link>
        ) : undefined
      }
    >
      <DetailList
        items={[
          { label: "Owner (coldkey)", value: h.owner ? <Address address={h.owner} link /> : "—" },
          {
            label: "Staked on it (TAO value)",
            value: (
              <span data-testid="hotkey-stake">
                <Amount value={h.stake} />
              </span>
            ),
          },
          { label: "Stakers", value: formatInteger(h.stakers) },
        ]}
      />
      <DataTable
        label="UIDs of this hotkey"
        testId="account-hotkey-neurons"
        columns={neuronColumns}
        rows={h.neurons}
        rowKey={(n) => String(n.netuid)}
        empty={<EmptyState title="Not registered on any subnet's newest metagraph" />}
      />
    </Panel>
  );
}

const PARTS = [
  { key: "free", label: "Free", className: "bg-brand-500" },
  { key: "reserved", label: "Reserved", className: "bg-amber-500" },
  { key: "staked", label: "Staked", className: "bg-emerald-500" },
] as const;

/** Free / reserved / staked as one bar; widths are display-only (Number at the chart boundary). */
function BreakdownBar({
  parts,
  total,
}: {
  parts: Record<(typeof PARTS)[number]["key"], bigint>;
  total: bigint;
}) {
  if (total === 0n) return null;
  return (
    <div className="space-y-2 px-4 py-3">
      <div
        className="flex h-3 w-full overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800"
        aria-hidden="true"
      >
        {PARTS.map((p) => (
          <div
            key={p.key}
            className={p.className}
            style={{ width: `${Number((parts[p.key] * 10_000n) / total) / 100}%` }}
          />
        ))}
      </div>
      <ul className="flex flex-wrap gap-4 text-xs text-zinc-600 dark:text-zinc-400">
        {PARTS.map((p) => (
          <li key={p.key} className="flex items-center gap-1.5" data-testid={`account-share-${p.key}`}>
            <span className={`inline-block h-2 w-2 rounded-sm ${p.className}`} />
            {p.label} {formatPercent(parts[p.key], total)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AccountDetail({ address }: { address: string }) {
  const q = useApiQuery("account", { address });
  const a = q.data;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!a) return null;
  const parts = { free: BigInt(a.free), reserved: BigInt(a.reserved), staked: BigInt(a.staked) };
  const unpriced = a.positions.filter((p) => p.tao_value === null).length;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Account</h1>
      <Panel title="Balance" id="account-balance">
        <DetailList
          items={[
            { label: "Address", value: <Address address={a.address} full /> },
            { label: "Public key", value: <span className="font-mono text-xs">{a.address.hex}</span> },
            {
              label: "Total",
              value: (
                <span data-testid="account-total">
                  <Amount value={a.total} />
                </span>
              ),
            },
            {
              label: "Free",
              value: (
                <span data-testid="account-free">
                  <Amount value={a.free} />
                </span>
              ),
            },
            { label: "Reserved", value: <Amount value={a.reserved} /> },
            { label: "Frozen (part of free)", value: <Amount value={a.frozen} /> },
            {
              label: "Staked (TAO value)",
              value: (
                <span data-testid="account-staked">
                  <Amount value={a.staked} />
                </span>
              ),
            },
            {
              label: "Balance as of",
              value: a.balance_block === null ? "—" : <BlockLink number={a.balance_block} />,
            },
          ]}
        />
        <BreakdownBar parts={parts} total={BigInt(a.total)} />
      </Panel>
      <BalanceHistoryChart address={a.address.ss58} />
      <Panel title={`Stake positions (${formatInteger(a.positions.length)})`} id="account-positions">
        <DataTable
          label="Stake positions of this account"
          testId="account-positions"
          columns={columns}
          rows={a.positions}
          rowKey={(r) => `${r.netuid}:${r.hotkey.ss58}`}
          empty={
            <EmptyState title="No stake">This account held no stake at the last holder scan.</EmptyState>
          }
        />
      </Panel>
      {a.hotkey ? <HotkeyPanel address={a.address.ss58} h={a.hotkey} /> : null}
      <AccountActivity address={a.address.ss58} />
      <p className="text-xs text-zinc-500">
        Positions are the chain&apos;s shares valued with each hotkey&apos;s pool at the last holder scan
        {a.positions_block === null ? "" : ` (block ${formatInteger(a.positions_block)})`}; TAO values use
        each subnet&apos;s price at block {a.price_block === null ? "—" : formatInteger(a.price_block)} (root
        1:1).
        {unpriced > 0
          ? ` ${unpriced} position(s) without a known price are left out of the staked total.`
          : ""}
      </p>
    </div>
  );
}
