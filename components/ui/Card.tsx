import type { ReactNode } from "react";

/** A titled panel: every dashboard widget sits in one, with its own loading, error and empty states. */
export function Panel({
  title,
  id,
  actions,
  children,
  className = "",
}: {
  title: ReactNode;
  id: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`min-w-0 rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900 ${className}`}
    >
      <div className="flex items-center gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        {actions ? <div className="ml-auto flex items-center gap-2 text-sm">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <div
      className={`rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900 ${className}`}
    >
      {children}
    </div>
  );
}

/** Label/value rows for detail pages (block header, extrinsic summary). */
export function DetailList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {items.map((it) => (
        <div key={it.label} className="grid gap-1 px-4 py-2.5 text-sm sm:grid-cols-[12rem_1fr] sm:gap-4">
          <dt className="text-zinc-500">{it.label}</dt>
          <dd className="min-w-0 break-all">{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}
