import Link from "next/link";
import { formatInteger } from "../../lib/format/numbers";

const link = "font-mono text-brand-600 hover:underline dark:text-brand-500";

export function BlockLink({ number }: { number: number }) {
  return (
    <Link href={`/blocks/${number}`} className={link}>
      {formatInteger(number)}
    </Link>
  );
}

export function ExtrinsicLink({ id }: { id: string }) {
  return (
    <Link href={`/extrinsics/${id}`} className={link}>
      {id}
    </Link>
  );
}
