// An account: short SS58 with a copy button, the full address in the title. Account pages do not exist yet,
// so it links nowhere (no dead links).
import { shortAddress } from "../../lib/format/numbers";
import { CopyButton } from "./CopyButton";

export function Address({
  address,
  full = false,
}: {
  address: { ss58: string; hex?: string } | string | null;
  full?: boolean;
}) {
  if (address === null) return <span className="text-zinc-400">—</span>;
  const ss58 = typeof address === "string" ? address : address.ss58;
  const hex = typeof address === "string" ? undefined : address.hex;
  return (
    <span className="inline-flex min-w-0 items-center gap-1">
      <span className="truncate font-mono" title={hex ? `${ss58}\n${hex}` : ss58} data-address={ss58}>
        {full ? ss58 : shortAddress(ss58)}
      </span>
      <CopyButton text={ss58} label="Copy address" />
    </span>
  );
}
