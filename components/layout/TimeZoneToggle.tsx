"use client";
import { setTimeZoneMode, useTimeZoneMode } from "../../lib/live/time-zone";

export function TimeZoneToggle() {
  const mode = useTimeZoneMode();
  const next = mode === "utc" ? "local" : "utc";
  return (
    <button
      type="button"
      onClick={() => setTimeZoneMode(next)}
      data-testid="tz-toggle"
      data-mode={mode}
      aria-label={`Times shown in ${mode === "utc" ? "UTC" : "local time"}; switch to ${next === "utc" ? "UTC" : "local time"}`}
      title="Show times in UTC or local time"
      className="rounded-md px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      {mode === "utc" ? "UTC" : "Local"}
    </button>
  );
}
