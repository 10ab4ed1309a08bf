"use client";
// A timestamp: absolute in the viewer's chosen zone (UTC by default) plus relative age once in the browser;
// the other zone is in the title.
import { formatRelative, formatTimestamp } from "../../lib/format/time";
import { useNow } from "../../lib/live/clock";
import { useTimeZoneMode } from "../../lib/live/time-zone";

export function Time({
  iso,
  relative = true,
  compact = false,
}: {
  iso: string | null;
  relative?: boolean;
  compact?: boolean;
}) {
  const mode = useTimeZoneMode();
  const now = useNow();
  if (iso === null) return <span className="text-zinc-400">—</span>;
  const absolute = formatTimestamp(iso, mode);
  const other = formatTimestamp(iso, mode === "utc" ? "local" : "utc");
  const age = relative && now !== null ? formatRelative(iso, now) : null;
  if (compact) {
    return (
      <time dateTime={iso} title={`${absolute}\n${other}`} className="whitespace-nowrap">
        {age ?? absolute}
      </time>
    );
  }
  return (
    <time dateTime={iso} title={other} className="whitespace-nowrap">
      {absolute}
      {age ? <span className="ml-1.5 text-zinc-500">({age})</span> : null}
    </time>
  );
}
