"use client";
// Only pages that exist are listed: no dead links. Add an entry when its page lands.
import Link from "next/link";
import { usePathname } from "next/navigation";

export const NAV_ITEMS = [
  { href: "/", label: "Home" },
  { href: "/subnets", label: "Subnets" },
  { href: "/validators", label: "Validators" },
  { href: "/holders", label: "Holders" },
  { href: "/pools", label: "Pools" },
  { href: "/blocks", label: "Blocks" },
  { href: "/transfers", label: "Transfers" },
  { href: "/recycle", label: "Recycle" },
] as const;

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex gap-1 text-sm">
      {NAV_ITEMS.map((item) => {
        const current =
          item.href === "/"
            ? pathname === "/"
            : pathname.startsWith(item.href) ||
              // The chain lists live under Blocks (see ExplorerTabs).
              (item.href === "/blocks" && /^\/(extrinsics|events)(\/|$)/.test(pathname));
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-2.5 py-1.5 ${
              current
                ? "bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
                : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
