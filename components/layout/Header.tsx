import Link from "next/link";
import { HealthPill } from "./HealthPill";
import { ThemeToggle } from "./ThemeToggle";

export function Header() {
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          τ <span className="text-brand-600">Taoview</span>
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm text-zinc-600 dark:text-zinc-400" />
        <div className="ml-auto flex items-center gap-3">
          <HealthPill />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
