import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Prefetch, seed } from "../../../../components/query/Prefetch";
import { SubnetDetail } from "../../../../components/subnets/SubnetDetail";
import { getSubnet } from "../../../../lib/queries/subnets";

export const dynamic = "force-dynamic";

function parseNetuid(raw: string): number | null {
  return /^(0|[1-9][0-9]{0,4})$/.test(raw) && Number(raw) <= 65_535 ? Number(raw) : null;
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ netuid: string }>;
}): Promise<Metadata> {
  const { netuid } = await params;
  return { title: `Subnet ${decodeURIComponent(netuid).slice(0, 8)}` };
}

export default async function SubnetPage({ params }: { params: Promise<{ netuid: string }> }) {
  const { netuid: raw } = await params;
  const netuid = parseNetuid(decodeURIComponent(raw));
  if (netuid === null) notFound();
  const subnet = await getSubnet(netuid);
  if (!subnet) notFound();
  return (
    <Prefetch entries={[seed("subnet", { netuid }, subnet)]}>
      <SubnetDetail netuid={netuid} />
    </Prefetch>
  );
}
