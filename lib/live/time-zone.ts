"use client";
// The viewer's UTC/local choice, remembered in localStorage. Server render and hydration always use UTC (the
// default), then a saved "local" applies, so the HTML never mismatches.
import { useSyncExternalStore } from "react";
import type { TimeZoneMode } from "../format/time";

const KEY = "taoview-tz";
const listeners = new Set<() => void>();

function read(): TimeZoneMode {
  try {
    return localStorage.getItem(KEY) === "local" ? "local" : "utc";
  } catch {
    return "utc";
  }
}

export function setTimeZoneMode(mode: TimeZoneMode): void {
  try {
    localStorage.setItem(KEY, mode);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) l();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener("storage", onStorage);
  };
}

export function useTimeZoneMode(): TimeZoneMode {
  return useSyncExternalStore(subscribe, read, () => "utc");
}
