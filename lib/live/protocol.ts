// The /api/live stream: `event: head` with this JSON each time the indexed head moves, `: ping` comments as
// heartbeats so proxies keep the connection open.
export interface LiveHead {
  number: number;
  hash: string;
  finalized: boolean;
}

export const LIVE_PATH = "/api/live";
export const HEARTBEAT_MS = 15_000;
export const POLL_MS = 1_000;

export function isLiveHead(v: unknown): v is LiveHead {
  const o = v as LiveHead | null;
  return (
    typeof o === "object" &&
    o !== null &&
    typeof o.number === "number" &&
    typeof o.hash === "string" &&
    typeof o.finalized === "boolean"
  );
}
