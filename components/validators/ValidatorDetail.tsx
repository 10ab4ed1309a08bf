"use client";
// One validator: summary and its UID on each subnet (from each subnet's newest metagraph).
import dynamic from "next/dynamic";
import Link from "next/link";
import { useApiQuery } from "../../lib/api/use-api-query";
import type { ValidatorSubnetDto } from "../../lib/api/v1/validator-schemas";
import { formatInteger } from "../../lib/format/numbers";
import { proportion, sharePercent } from "../metagraph/format";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { Badge } from "../ui/Badge";
import { DetailList, Panel } from "../ui/Card";
import { type Column, DataTable } from "../ui/DataTable";
import { BlockLink } from "../ui/Links";
import { Skeleton } from "../ui/Skeleton";
import { ErrorState } from "../ui/States";
import { type CalculatorTarget, StakingCalculator } from "./StakingCalculator";
import { ValidatorNominators } from "./ValidatorNominators";
import { ValidatorStakeEvents } from "./ValidatorStakeEvents";

// Recharts only loads where the chart is shown.
const ValidatorHistoryChart = dynamic(
  () => import("./ValidatorHistoryChart").then((m) => m.ValidatorHistoryChart),
  { ssr: false, loading: () => <Skeleton className="h-72" /> },
);

const link = "font-mono text-brand-600 hover:underline dark:text-brand-500";

const columns: Column<ValidatorSubnetDto>[] = [
  {
    key: "netuid",
    header: "Subnet",
    sortable: true,
    sortValue: (r) => r.netuid,
    cell: (r) => (
      <Link href={`/subnets/${r.netuid}/metagraph`} className={link}>
        {r.netuid}
      </Link>
    ),
  },
  { key: "uid", header: "UID", cell: (r) => <span className="font-mono">{r.uid}</span> },
  {
    key: "permit",
    header: "Permit",
    cell: (r) =>
      r.validator_permit ? <Badge tone="green">validator</Badge> : <Badge tone="neutral">none</Badge>,
  },
  {
    key: "stake",
    header: "Stake",
    align: "right",
    sortable: true,
    sortValue: (r) => BigInt(r.stake),
    cell: (r) => <Amount value={r.stake} unit="alpha" compact />,
  },
  {
    key: "dominance",
    header: "Subnet dominance",
    align: "right",
    cell: (r) => <span className="font-mono">{sharePercent(r.subnet_dominance)}</span>,
  },
  {
    key: "vtrust",
    header: "vTrust",
    align: "right",
    sortable: true,
    sortValue: (r) => r.validator_trust,
    cell: (r) => <span className="font-mono">{proportion(r.validator_trust)}</span>,
  },
  {
    key: "dividends",
    header: "Dividends",
    align: "right",
    cell: (r) => <span className="font-mono">{proportion(r.dividends)}</span>,
  },
  {
    key: "emission",
    header: "Emission",
    align: "right",
    sortable: true,
    sortValue: (r) => BigInt(r.emission),
    cell: (r) => <Amount value={r.emission} unit="alpha" compact />,
  },
  {
    key: "apy",
    header: "APY 7d",
    align: "right",
    sortable: true,
    sortValue: (r) => (r.apy.d7 === null ? -1 : Number(r.apy.d7)),
    cell: (r) => (
      <span className="font-mono" title={`1d ${sharePercent(r.apy.d1)} · 30d ${sharePercent(r.apy.d30)}`}>
        {sharePercent(r.apy.d7)}
      </span>
    ),
  },
  {
    key: "updated",
    header: "Updated",
    align: "right",
    hideOnMobile: true,
    cell: (r) => <span className="font-mono">{formatInteger(r.blocks_since_update)}</span>,
  },
  {
    key: "snapshot",
    header: "Snapshot",
    align: "right",
    hideOnMobile: true,
    cell: (r) => <BlockLink number={r.block_number} />,
  },
];

export function ValidatorDetail({ hotkey }: { hotkey: string }) {
  const q = useApiQuery("validator", { hotkey });
  const v = q.data;
  if (q.error) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!v) return null;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Validator</h1>
      <Panel title="Summary" id="validator-summary">
        <DetailList
          items={[
            { label: "Hotkey", value: <Address address={v.hotkey} full /> },
            { label: "Owner (coldkey)", value: <Address address={v.coldkey} full link /> },
            { label: "Alpha stake (all subnets)", value: <Amount value={v.alpha_stake} unit="alpha" /> },
            { label: "Root stake", value: <Amount value={v.root_stake} /> },
            {
              label: "Dominance",
              value: <span data-testid="validator-dominance">{sharePercent(v.dominance, 4)}</span>,
            },
            { label: "Subnets validated", value: `${v.subnets_validated} of ${v.subnets} with a UID` },
            { label: "Emission (last epochs)", value: <Amount value={v.emission} unit="alpha" /> },
            { label: "Take", value: v.take === null ? "—" : sharePercent(v.take) },
            {
              label: "Nominators",
              value:
                v.nominators === null ? (
                  "—"
                ) : (
                  <span data-testid="validator-nominator-count">{v.nominators}</span>
                ),
            },
            {
              label: "Nominator APY (1d / 7d / 30d)",
              value: (
                <span className="font-mono" data-testid="validator-apy">
                  {`${sharePercent(v.apy.d1)} / ${sharePercent(v.apy.d7)} / ${sharePercent(v.apy.d30)}`}
                </span>
              ),
            },
          ]}
        />
      </Panel>
      <ValidatorHistoryChart hotkey={v.hotkey.ss58} />
      <StakingCalculator targets={calculatorTargets(v.apy, v.subnet_rows)} />
      <ValidatorNominators hotkey={v.hotkey.ss58} count={v.nominators} />
      <ValidatorStakeEvents hotkey={v.hotkey.ss58} />
      <Panel title="Subnets" id="validator-subnets">
        <DataTable
          label="Subnets of this validator"
          testId="validator-subnets"
          columns={columns}
          rows={v.subnet_rows}
          rowKey={(r) => String(r.netuid)}
        />
      </Panel>
      <p className="text-xs text-zinc-500">
        From each subnet&apos;s newest stored metagraph. Dominance is this hotkey&apos;s alpha stake over all
        alpha staked to UIDs (alpha of different subnets added unpriced); subnet dominance is its share of the
        subnet&apos;s stake. APY: per epoch, a nominator earns the UID&apos;s emission after the take over the
        stake before it; epochs are compounded over the window and annualised over the blocks they cover (see
        the API&apos;s /validators documentation for the exact method).
      </p>
    </div>
  );
}

function calculatorTargets(overall: CalculatorTarget["apy"], rows: ValidatorSubnetDto[]): CalculatorTarget[] {
  return [
    { key: "all", label: "All its subnets (TAO value)", unit: "tao", apy: overall },
    ...rows
      .filter((r) => r.validator_permit)
      .map((r) => ({
        key: String(r.netuid),
        label: `Subnet ${r.netuid}`,
        unit: "alpha" as const,
        apy: r.apy,
      })),
  ];
}
