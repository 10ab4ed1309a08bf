"use client";
// The chain lists side by side: one row of links above each of them (the main navigation keeps Blocks only).
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/blocks", label: "Blocks" },
  { href: "/extrinsics", label: "Extrinsics" },
  { href: "/events", label: "Events" },
  { href: "/transfers", label: "Transfers" },
  { href: "/stake-trades", label: "Stake trades" },
] as const;

export function ExplorerTabs() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Chain lists"
      className="flex gap-1 border-b border-zinc-200 text-sm dark:border-zinc-800"
    >
      {TABS.map((t) => {
        const current = pathname === t.href;
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 ${
              current
                ? "border-brand-600 font-medium text-zinc-900 dark:text-zinc-100"
                : "border-transparent text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
            }`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
