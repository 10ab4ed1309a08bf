// One poll of the indexed head per process, shared by every open /api/live stream: the database cost stays one
// index-only query a second however many tabs are open, and the poll stops when the last stream closes.
import { latestBlocks } from "../queries/blocks";
import { type LiveHead, POLL_MS } from "./protocol";

type Listener = (head: LiveHead) => void;

const listeners = new Set<Listener>();
let timer: ReturnType<typeof setInterval> | undefined;
let current: LiveHead | null = null;
let polling = false;

async function poll(): Promise<void> {
  if (polling) return;
  polling = true;
  try {
    const [top] = await latestBlocks(1);
    if (!top) return;
    const next = { number: top.number, hash: top.hash, finalized: top.finalized };
    if (
      current &&
      current.number === next.number &&
      current.hash === next.hash &&
      current.finalized === next.finalized
    )
      return;
    current = next;
    for (const l of listeners) l(next);
  } catch {
    // A database hiccup skips a beat; the next poll retries and the health pill shows the outage.
  } finally {
    polling = false;
  }
}

/** Calls `listener` with the current head (when known) and every change; returns the unsubscribe function. */
export function subscribeHeads(listener: Listener): () => void {
  listeners.add(listener);
  if (current) listener(current);
  else void poll();
  timer ??= setInterval(() => void poll(), POLL_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
      current = null;
    }
  };
}
