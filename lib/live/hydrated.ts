"use client";
// False during server render and hydration, true afterwards: for layout widgets (header pill, footer) that sit
// outside a page's prefetch boundary, whose cached data may exist on the client before the server had it.
import { useSyncExternalStore } from "react";

const noop = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
