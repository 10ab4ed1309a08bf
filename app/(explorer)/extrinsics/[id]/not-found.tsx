import Link from "next/link";
import { EmptyState } from "../../../../components/ui/States";

export default function ExtrinsicNotFound() {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="sr-only">Extrinsic not found</h1>
      <EmptyState title="Extrinsic not found">
        Use a 0x extrinsic hash or a block-index id such as 1234-2; it may not be indexed yet.{" "}
        <Link href="/blocks" className="text-brand-600 hover:underline">
          Latest blocks
        </Link>
      </EmptyState>
    </div>
  );
}
