"use client";
import type { ReactNode } from "react";

/** A widget's failure, in place: says what failed and offers a retry; the rest of the page keeps working. */
export function ErrorState({
  title = "Could not load this",
  error,
  onRetry,
}: {
  title?: string;
  error?: unknown;
  onRetry?: () => void;
}) {
  const message = error instanceof Error ? error.message : error ? String(error) : null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 px-4 py-6 text-sm text-red-800 dark:text-red-300"
    >
      <span className="font-medium">{title}</span>
      {message ? <span className="text-red-700/80 dark:text-red-300/80">{message}</span> : null}
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="rounded-md border border-red-300 px-2.5 py-1 text-xs font-medium hover:bg-red-50 dark:border-red-800 dark:hover:bg-red-950"
        >
          Retry
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="px-4 py-8 text-center text-sm text-zinc-500">
      <p className="font-medium text-zinc-700 dark:text-zinc-300">{title}</p>
      {children ? <div className="mt-1">{children}</div> : null}
    </div>
  );
}
