"use client";
// Global search: block number or hash, extrinsic hash or block-index, address. Ctrl/Cmd-K focuses it from
// anywhere; Enter goes to /search, which routes straight to the entity when there is exactly one match.
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef } from "react";

export function SearchBox() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = input.current?.value.trim() ?? "";
    if (q) router.push(`/search?q=${encodeURIComponent(q)}`);
  };

  return (
    <search>
      <form onSubmit={submit} action="/search" className="relative">
        <label htmlFor="global-search" className="sr-only">
          Search blocks, extrinsics and addresses
        </label>
        <input
          ref={input}
          id="global-search"
          name="q"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder="Block, hash, extrinsic or address"
          className="w-full rounded-md border border-zinc-200 bg-zinc-50 py-1.5 pr-14 pl-3 text-sm placeholder:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <kbd className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded border border-zinc-200 px-1.5 text-[10px] text-zinc-400 dark:border-zinc-700">
          Ctrl K
        </kbd>
      </form>
    </search>
  );
}
