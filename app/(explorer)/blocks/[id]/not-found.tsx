import Link from "next/link";
import { EmptyState } from "../../../../components/ui/States";

export default function BlockNotFound() {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="sr-only">Block not found</h1>
      <EmptyState title="Block not found">
        It is not indexed yet, is not on the canonical chain, or the number or hash is mistyped.{" "}
        <Link href="/blocks" className="text-brand-600 hover:underline">
          Latest blocks
        </Link>
      </EmptyState>
    </div>
  );
}
