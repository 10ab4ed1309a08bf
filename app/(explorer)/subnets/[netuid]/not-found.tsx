import Link from "next/link";
import { EmptyState } from "../../../../components/ui/States";

export default function SubnetNotFound() {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="sr-only">Subnet not found</h1>
      <EmptyState title="Subnet not found">
        No subnet with this id is in the newest indexed pool snapshot.{" "}
        <Link href="/subnets" className="text-brand-600 hover:underline">
          All subnets
        </Link>
      </EmptyState>
    </div>
  );
}
