// The version of the indexed data every cacheable API answer depends on: the highest stored block (number and
// hash, so a reorg at the same height is a new version) and the highest finalized one (finality flips flags
// without a new block). Read at most once per second per process, so ETag checks cost no query under load.
import { select } from "./sql";

const TTL_MS = 1_000;
let cached: { at: number; version: Promise<string> } | undefined;

export function dataVersion(): Promise<string> {
  const now = Date.now();
  if (cached && now - cached.at < TTL_MS) return cached.version;
  const version = select<{ number: number; hash: string; finalized: number | null }[]>`
    SELECT h.number, h.hash,
           (SELECT number FROM blocks WHERE finalized ORDER BY number DESC LIMIT 1) AS finalized
    FROM (SELECT number, hash FROM blocks ORDER BY number DESC LIMIT 1) AS h`.then(([r]) =>
    r ? `${r.number}-${r.hash.slice(2, 10)}-${r.finalized ?? "none"}` : "empty",
  );
  cached = { at: now, version };
  version.catch(() => {
    cached = undefined;
  });
  return version;
}
