"use client";
// A shared ticking clock for relative times ("12s ago"). Null during server render and hydration, so relative
// text only appears once the page runs in the browser.
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(l: () => void): () => void {
  listeners.add(l);
  now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    for (const x of listeners) x();
  }, 1_000);
  return () => {
    listeners.delete(l);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}
