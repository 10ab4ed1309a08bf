import Link from "next/link";
import { HealthPill } from "./HealthPill";
import { MainNav } from "./MainNav";
import { SearchBox } from "./SearchBox";
import { ThemeToggle } from "./ThemeToggle";
import { TimeZoneToggle } from "./TimeZoneToggle";

export function Header() {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="rounded text-lg font-semibold tracking-tight" aria-label="Taoview home">
          τ <span className="text-brand-600">Taoview</span>
        </Link>
        <MainNav />
        <div className="ml-auto flex items-center gap-2">
          <HealthPill />
          <TimeZoneToggle />
          <ThemeToggle />
        </div>
        <div className="order-last w-full md:order-none md:w-72">
          <SearchBox />
        </div>
      </div>
    </header>
  );
}
