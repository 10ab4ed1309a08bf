import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Prefetch, seed } from "../../../../components/query/Prefetch";
import { ValidatorDetail } from "../../../../components/validators/ValidatorDetail";
import { parseAddress } from "../../../../lib/api/v1/address";
import { getValidator } from "../../../../lib/queries/validators";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ hotkey: string }>;
}): Promise<Metadata> {
  const { hotkey } = await params;
  return { title: `Validator ${decodeURIComponent(hotkey).slice(0, 12)}` };
}

export default async function ValidatorPage({ params }: { params: Promise<{ hotkey: string }> }) {
  const { hotkey: raw } = await params;
  const hotkey = decodeURIComponent(raw);
  const address = parseAddress(hotkey);
  if (!address) notFound();
  const validator = await getValidator(address.ss58);
  if (!validator) notFound();
  return (
    <Prefetch entries={[seed("validator", { hotkey }, validator)]}>
      <ValidatorDetail hotkey={hotkey} />
    </Prefetch>
  );
}
