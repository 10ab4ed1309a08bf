import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BlockDetail } from "../../../../components/explorer/BlockDetail";
import { BLOCK_LIST_LIMIT, blockExtrinsicsParams } from "../../../../components/explorer/params";
import { Prefetch, seed } from "../../../../components/query/Prefetch";
import { getBlock } from "../../../../lib/queries/blocks";
import { listExtrinsics } from "../../../../lib/queries/extrinsics";
import { blockId } from "../../params";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: `Block ${decodeURIComponent(id).slice(0, 20)}` };
}

export default async function BlockPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = blockId.safeParse(decodeURIComponent(raw));
  if (!id.success) notFound();
  const block = await getBlock(id.data);
  if (!block) notFound();
  const xParams = blockExtrinsicsParams(block.number);
  const extrinsics = await listExtrinsics({
    block_start: block.number,
    block_end: block.number,
    limit: BLOCK_LIST_LIMIT,
    dir: "asc",
  });
  return (
    <Prefetch entries={[seed("block", { id: raw }, block), seed("extrinsics", xParams, extrinsics)]}>
      <BlockDetail id={raw} />
    </Prefetch>
  );
}
