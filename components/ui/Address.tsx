// An account: short SS58 with a copy button, the full address in the title. With `link`, the address opens its
// account page (/accounts/[address]); only set it where the address is a coldkey or other account that holds a
// balance or stake, so the page has something to show.
import Link from "next/link";
import { shortAddress } from "../../lib/format/numbers";
import { CopyButton } from "./CopyButton";

export function Address({
  address,
  full = false,
  link = false,
}: {
  address: { ss58: string; hex?: string } | string | null;
  full?: boolean;
  link?: boolean;
}) {
  if (address === null) return <span className="text-zinc-400">—</span>;
  const ss58 = typeof address === "string" ? address : address.ss58;
  const hex = typeof address === "string" ? undefined : address.hex;
  const text = full ? ss58 : shortAddress(ss58);
  const title = hex ? `${ss58}\n${hex}` : ss58;
  return (
    <span className="inline-flex min-w-0 items-center gap-1">
      {link ? (
        <Link
          href={`/accounts/${ss58}`}
          className="truncate font-mono text-brand-600 hover:underline dark:text-brand-500"
          title={title}
          data-address={ss58}
        >
          {text}
        </Link>
      ) : (
        <span className="truncate font-mono" title={title} data-address={ss58}>
          {text}
        </span>
      )}
      <CopyButton text={ss58} label="Copy address" />
    </span>
  );
}
