import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExtrinsicDetail } from "../../../../components/explorer/ExtrinsicDetail";
import { Prefetch, seed } from "../../../../components/query/Prefetch";
import { getExtrinsic } from "../../../../lib/queries/extrinsics";
import { extrinsicId } from "../../params";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: `Extrinsic ${decodeURIComponent(id).slice(0, 20)}` };
}

export default async function ExtrinsicPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = extrinsicId.safeParse(decodeURIComponent(raw));
  if (!id.success) notFound();
  const x = await getExtrinsic(id.data);
  if (!x) notFound();
  return (
    <Prefetch entries={[seed("extrinsic", { id: raw }, x)]}>
      <ExtrinsicDetail id={raw} />
    </Prefetch>
  );
}
