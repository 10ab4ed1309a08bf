// Columns of a stake-trade table (StakeAdded / StakeRemoved with both sides of the trade and its price).
import Link from "next/link";
import type { StakeTradeDto } from "../../lib/api/v1/schemas";
import { Address } from "../ui/Address";
import { Amount } from "../ui/Amount";
import { Badge } from "../ui/Badge";
import type { Column } from "../ui/DataTable";
import { BlockLink } from "../ui/Links";
import { Time } from "../ui/Time";

export const stakeTradeColumns: Column<StakeTradeDto>[] = [
  { key: "id", header: "Block", cell: (t) => <BlockLink number={t.block_number} /> },
  {
    key: "action",
    header: "Action",
    cell: (t) =>
      t.action === "stake" ? <Badge tone="green">stake</Badge> : <Badge tone="neutral">unstake</Badge>,
  },
  {
    key: "netuid",
    header: "Subnet",
    cell: (t) =>
      t.netuid === null ? (
        "—"
      ) : (
        <Link href={`/subnets/${t.netuid}`} className="font-mono text-brand-600 hover:underline">
          {t.netuid}
        </Link>
      ),
  },
  {
    key: "coldkey",
    header: "Coldkey",
    hideOnMobile: true,
    cell: (t) => <Address address={t.coldkey} link />,
  },
  { key: "hotkey", header: "Hotkey", hideOnMobile: true, cell: (t) => <Address address={t.hotkey} /> },
  { key: "tao", header: "TAO", align: "right", cell: (t) => <Amount value={t.tao} compact /> },
  { key: "alpha", header: "α", align: "right", cell: (t) => <Amount value={t.alpha} unit="alpha" compact /> },
  {
    key: "price",
    header: "Price",
    align: "right",
    hideOnMobile: true,
    cell: (t) => <Amount value={t.price_rao} />,
  },
  { key: "time", header: "Age", hideOnMobile: true, cell: (t) => <Time iso={t.timestamp} compact /> },
];
