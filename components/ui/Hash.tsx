import { shortHash } from "../../lib/format/numbers";
import { CopyButton } from "./CopyButton";

export function Hash({ value, full = false }: { value: string; full?: boolean }) {
  return (
    <span className="inline-flex min-w-0 items-center gap-1">
      <span className={`font-mono ${full ? "break-all" : "truncate"}`} title={value}>
        {full ? value : shortHash(value)}
      </span>
      <CopyButton text={value} label="Copy hash" />
    </span>
  );
}
