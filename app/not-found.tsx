import Link from "next/link";
import { EmptyState } from "../components/ui/States";

export default function NotFound() {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="sr-only">Page not found</h1>
      <EmptyState title="Page not found">
        <Link href="/" className="text-brand-600 hover:underline">
          Back to the dashboard
        </Link>
      </EmptyState>
    </div>
  );
}
