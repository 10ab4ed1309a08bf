"use client";
import { ErrorState } from "../components/ui/States";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="sr-only">Something went wrong</h1>
      <ErrorState
        title="This page could not be shown"
        error={error.digest ? `Reference ${error.digest}` : error.message}
        onRetry={reset}
      />
    </div>
  );
}
