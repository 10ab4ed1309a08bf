import Link from "next/link";
import { EmptyState } from "../../../../components/ui/States";

export default function ValidatorNotFound() {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="sr-only">Validator not found</h1>
      <EmptyState title="Validator not found">
        This hotkey holds no validator permit in any subnet&apos;s newest metagraph, or the address is
        mistyped.{" "}
        <Link href="/validators" className="text-brand-600 hover:underline">
          All validators
        </Link>
      </EmptyState>
    </div>
  );
}
