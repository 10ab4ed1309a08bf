import Link from "next/link";
import { EmptyState } from "../../../../components/ui/States";

export default function AccountNotFound() {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="sr-only">Account not found</h1>
      <EmptyState title="Account not found">
        This address held neither a balance nor stake at the last holder scan, or it is mistyped.{" "}
        <Link href="/holders" className="text-brand-600 hover:underline">
          All holders
        </Link>
      </EmptyState>
    </div>
  );
}
