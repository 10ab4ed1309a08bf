"use client";
// Subscribes to /api/live and refreshes what a new head changes: every `live` resource of the registry, first
// pages only (a page behind a cursor keeps showing what the viewer paged to).
import { type Query, useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { resources } from "../api/resources";
import { isLiveHead, LIVE_PATH, type LiveHead } from "./protocol";

let latest: LiveHead | null = null;
let connected = false;
const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

function isLiveFirstPage(q: Query): boolean {
  const [root, name, params] = q.queryKey as [unknown, string, Record<string, unknown> | undefined];
  if (root !== "api") return false;
  const r = (resources as Record<string, { live?: boolean }>)[name];
  if (!r?.live) return false;
  return !params || (params.after === undefined && params.before === undefined);
}

/** Opens the stream once the page has loaded (it must not compete with first paint) and keeps it open. */
export function useLiveHeads(): void {
  const client = useQueryClient();
  useEffect(() => {
    let source: EventSource | null = null;
    let cancelled = false;
    const open = () => {
      if (cancelled) return;
      source = new EventSource(LIVE_PATH);
      source.addEventListener("open", () => {
        connected = true;
        notify();
      });
      source.addEventListener("error", () => {
        // EventSource reconnects by itself; the pill shows the gap meanwhile.
        connected = false;
        notify();
      });
      source.addEventListener("head", (e) => {
        let head: unknown;
        try {
          head = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        if (!isLiveHead(head)) return;
        const moved = latest === null || latest.number !== head.number || latest.hash !== head.hash;
        const first = latest === null;
        latest = head;
        notify();
        if (moved && !first) void client.invalidateQueries({ predicate: isLiveFirstPage });
      });
    };
    // Deferred past load: the first paint already carries server data, and an idle page is easier to measure.
    const start = () => setTimeout(open, 1_000);
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (document.readyState === "complete") timer = start();
    else window.addEventListener("load", () => (timer = start()), { once: true });
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      source?.close();
      connected = false;
    };
  }, [client]);
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The newest head the stream reported, and whether the stream is open. */
export function useLiveHead(): { head: LiveHead | null; connected: boolean } {
  const head = useSyncExternalStore(
    subscribe,
    () => latest,
    () => null,
  );
  const isConnected = useSyncExternalStore(
    subscribe,
    () => connected,
    () => false,
  );
  return { head, connected: isConnected };
}
