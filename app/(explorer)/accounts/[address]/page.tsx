import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountDetail } from "../../../../components/accounts/AccountDetail";
import { Prefetch, seed } from "../../../../components/query/Prefetch";
import { parseAddress } from "../../../../lib/api/v1/address";
import { getAccount } from "../../../../lib/queries/accounts";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ address: string }>;
}): Promise<Metadata> {
  const { address } = await params;
  return { title: `Account ${decodeURIComponent(address).slice(0, 12)}` };
}

export default async function AccountPage({ params }: { params: Promise<{ address: string }> }) {
  const { address: raw } = await params;
  const text = decodeURIComponent(raw);
  const address = parseAddress(text);
  if (!address) notFound();
  const account = await getAccount(address);
  if (!account) notFound();
  return (
    <Prefetch entries={[seed("account", { address: text }, account)]}>
      <AccountDetail address={text} />
    </Prefetch>
  );
}
