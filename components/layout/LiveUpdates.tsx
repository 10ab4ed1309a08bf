"use client";
import { useLiveHeads } from "../../lib/live/use-live-heads";

/** Mounted once in the root layout: keeps the /api/live stream open and invalidates live queries. */
export function LiveUpdates() {
  useLiveHeads();
  return null;
}
